/* Networking Playbook: the offline copy of this site (a service worker).
 *
 * The build writes OFFLINE above this line: the version of the site and every file it keeps,
 * each with a digest of its content. On install the worker downloads every file, checks each
 * digest and stores them all in one cache named after the version; if any download fails or
 * does not match (a half-deployed site), the install fails and the working copy stays. A new
 * version waits until the reader's tabs close, or until a page asks it to take over (the
 * reader pressed "Reload"), so no page combines old and new files. It only ever fetches this
 * site's own files, and stores nothing the reader types (that stays in localStorage). */
"use strict";

var SCOPE = self.registration.scope;
var PREFIX = "playbook-offline " + SCOPE + " ";
var CACHE = PREFIX + OFFLINE.version;

/* The address a request names, as the list keys it: relative to the site, no query or
 * fragment, a folder's index.html as the folder. Null outside the site. */
function keyOf(url) {
  var parsed = new URL(url);
  parsed.hash = "";
  parsed.search = "";
  if (parsed.href.indexOf(SCOPE) !== 0) return null;
  var key = parsed.href.slice(SCOPE.length);
  try {
    key = decodeURI(key);
  } catch (error) {
    return null;
  }
  if (key === "index.html") return "";
  if (/\/index\.html$/.test(key)) return key.slice(0, -"index.html".length);
  return key;
}

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (byte) {
    return ("0" + byte.toString(16)).slice(-2);
  }).join("");
}

function download(key) {
  var url = new URL(encodeURI(key), SCOPE).href;
  return fetch(url, { cache: "no-cache", credentials: "same-origin", redirect: "follow" })
    .then(function (response) {
      if (!response.ok) throw new Error(key + ": HTTP " + response.status);
      var headers = new Headers();
      ["content-type", "content-language"].forEach(function (name) {
        if (response.headers.has(name)) headers.set(name, response.headers.get(name));
      });
      return response.arrayBuffer().then(function (body) {
        return crypto.subtle.digest("SHA-256", body).then(function (digest) {
          var expected = OFFLINE.files[key];
          if (hex(digest).slice(0, expected.length) !== expected) {
            throw new Error(key + ": not the file this version lists (the site is changing)");
          }
          return { url: url, response: new Response(body, { status: 200, headers: headers }) };
        });
      });
    });
}

self.addEventListener("install", function (event) {
  var keys = Object.keys(OFFLINE.files);
  event.waitUntil(
    Promise.all(keys.map(download)).then(function (downloads) {
      return caches.open(CACHE).then(function (cache) {
        return Promise.all(downloads.map(function (item) {
          return cache.put(item.url, item.response);
        }));
      });
    }).catch(function (error) {
      /* Leave nothing half-stored: the previous version keeps serving. */
      return caches.delete(CACHE).then(function () { throw error; });
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "playbook:take-over") self.skipWaiting();
  if (event.data && event.data.type === "playbook:version" && event.ports[0]) {
    event.ports[0].postMessage({ version: OFFLINE.version });
  }
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var key = keyOf(request.url);
  var known = key !== null && Object.prototype.hasOwnProperty.call(OFFLINE.files, key);
  var page = request.mode === "navigate";
  if (!known && !(page && key !== null)) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    var address = new URL(encodeURI(key), SCOPE).href;
    return cache.match(address).then(function (hit) {
      if (hit) return hit;
      return fetch(request).catch(function (error) {
        if (!page || !OFFLINE.notFound) throw error;
        return cache.match(new URL(OFFLINE.notFound, SCOPE).href).then(function (fallback) {
          if (fallback) return fallback;
          throw error;
        });
      });
    });
  }));
});
