/* Networking Playbook: this site no longer keeps an offline copy (or it is a preview under
 * `mkdocs serve`). A worker left by an earlier build updates to this one, which deletes the
 * copy it kept, unregisters itself and reloads the open pages from the network. */
"use strict";

var PREFIX = "playbook-offline " + self.registration.scope + " ";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () {
      return self.registration.unregister();
    }).then(function () {
      return self.clients.matchAll({ type: "window" });
    }).then(function (clients) {
      clients.forEach(function (client) { client.navigate(client.url); });
    })
  );
});
