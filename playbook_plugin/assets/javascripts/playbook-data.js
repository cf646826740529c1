/* Networking Playbook, feature "data": the data panel (export, import, erase the reader's data)
 * and the import a transfer link asks for. A classic script that core.js loads when the reader
 * first reaches a panel [data-playbook-data] (the core shows its buttons and holds a press made
 * before this arrives), or when a transfer link brings data to merge. Every widget shows what
 * changed through the core's playbook:datachange. */
(function () {
  "use strict";

  var core = null;
  var store = null;
  var hasOwn = Object.prototype.hasOwnProperty;

  function t(key, values) {
    return core.t(key, values);
  }

  /* Ticks the page has not saved yet go first (they are saved a moment after the tick). */
  function flushSaves() {
    core.feature("checklists", function (checklists) { checklists.flush(); });
  }

  function status(panel, text) {
    var line = panel.querySelector("[data-playbook-data-status]");
    if (line) line.textContent = text;
  }

  function exportData(panel) {
    flushSaves();
    var data = store.entries();
    var namespace = core.namespace();
    var today = new Date().toISOString().slice(0, 10);
    var file = namespace + "-" + today + ".json";
    var payload = {
      format: core.contract.exportFormat,
      version: core.contract.exportVersion,
      namespace: namespace,
      exported: new Date().toISOString(),
      data: data,
    };
    core.download(JSON.stringify(payload, null, 2) + "\n", file, "application/json");
    status(panel, t("export_done", { count: Object.keys(data).length, file: file }));
  }

  /** Why a whole file is refused, or null when its entries can be looked at one by one. */
  function fileProblem(payload) {
    var contract = core.contract;
    if (!payload || typeof payload !== "object" || payload.format !== contract.exportFormat) {
      return t("import_invalid");
    }
    if (typeof payload.version !== "number" || payload.version !== Math.floor(payload.version) ||
        payload.version < 1) {
      return t("import_invalid");
    }
    if (payload.version > contract.exportVersion) {
      return t("import_newer", { version: payload.version, supported: contract.exportVersion });
    }
    if (typeof payload.namespace === "string" && payload.namespace !== core.namespace()) {
      return t("import_other_site", { namespace: payload.namespace, site: core.namespace() });
    }
    if (payload.data === null || typeof payload.data !== "object" || Array.isArray(payload.data)) {
      return t("import_invalid");
    }
    return null;
  }

  function refusalReason(key, value) {
    var problem = core.keyProblem(key);
    if (problem !== null) return t("import_refused_" + problem);
    return core.normalEntry(key, value) === null ? t("import_refused_shape") : null;
  }

  function refusedText(refused) {
    if (!refused.length) return "";
    var shown = refused.slice(0, 5).map(function (entry) {
      return t("import_refused_entry", { key: entry[0], reason: entry[1] });
    });
    if (refused.length > shown.length) shown.push("…");
    return " " + t("import_refused", { count: refused.length, list: shown.join("; ") });
  }

  /** Merge a file's entries into this browser's; differing values are only replaced if the
   * reader agrees. Entries this site cannot read are left out, and the reader is told which. */
  function importData(panel, text) {
    importText(text, function (line) { status(panel, line); });
  }

  /** The import itself; `report` says how it went (also used by a transfer link). */
  function importText(text, report) {
    flushSaves();
    var payload;
    try {
      payload = JSON.parse(text);
    } catch (error) {
      payload = null;
    }
    var problem = fileProblem(payload);
    if (problem !== null) {
      report(problem);
      return;
    }
    var additions = [];
    var conflicts = [];
    var refused = [];
    Object.keys(payload.data).forEach(function (key) {
      var reason = refusalReason(key, payload.data[key]);
      if (reason !== null) {
        refused.push([key, reason]);
        return;
      }
      var incoming = core.normalEntry(key, payload.data[key]);
      var current = store.get(key);
      if (current === null) {
        additions.push([key, incoming]);
      } else if (hasOwn.call(incoming, "items")) {
        var merged = JSON.parse(JSON.stringify(current));
        var replaced = JSON.parse(JSON.stringify(current));
        Object.keys(incoming.items).forEach(function (id) {
          if (!hasOwn.call(merged.items, id)) {
            merged.items[id] = incoming.items[id];
            replaced.items[id] = incoming.items[id];
          } else if (merged.items[id] !== incoming.items[id]) {
            replaced.items[id] = incoming.items[id];
          }
        });
        if (!core.same(merged, current)) additions.push([key, merged]);
        if (!core.same(replaced, merged)) conflicts.push([key, replaced]);
      } else if (!core.same(current, incoming)) {
        conflicts.push([key, incoming]);
      }
    });
    if (!additions.length && !conflicts.length) {
      report(t("import_nothing") + refusedText(refused));
      return;
    }
    var saved = 0;
    additions.forEach(function (entry) { if (store.set(entry[0], entry[1])) saved += 1; });
    if (conflicts.length && window.confirm(t("import_conflicts", { count: conflicts.length }))) {
      conflicts.forEach(function (entry) { if (store.set(entry[0], entry[1])) saved += 1; });
    }
    core.changed();
    report(t("import_done", { count: saved }) + refusedText(refused));
  }

  function importFile(panel, file) {
    var limit = core.contract.importLimitBytes;
    if (file.size > limit) {
      status(panel, t("import_too_large", { size: Math.round(limit / 1048576) + " MB" }));
      return;
    }
    file.text().then(function (text) {
      importData(panel, text);
    }).catch(function () {
      status(panel, t("import_unreadable"));
    });
  }

  function eraseData(panel) {
    flushSaves();
    if (!window.confirm(t("erase_confirm"))) return;
    var count = store.eraseAll();
    core.changed();
    status(panel, t("erase_done", { count: count }));
  }

  /* Wiring: document-level listeners once, panels on every page -------------------------- */

  function listen() {
    document.addEventListener("change", function (event) {
      var target = event.target;
      if (target.matches && target.matches("[data-playbook-import-file]")) {
        var file = target.files && target.files[0];
        var panel = target.closest("[data-playbook-data]");
        /* Cleared at once, so the same file can be picked again whatever happens next. */
        target.value = "";
        if (file && panel) importFile(panel, file);
      }
    });

    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-playbook-action]") : null;
      var panel = button && button.closest("[data-playbook-data]");
      if (!panel) return;
      var action = button.getAttribute("data-playbook-action");
      if (action === "export") {
        exportData(panel);
      } else if (action === "forget") {
        eraseData(panel);
      } else if (action === "import") {
        var input = panel.querySelector("[data-playbook-import-file]");
        if (input) input.click();
      }
    });
  }

  function start(found) {
    if (core || found.registered("data")) return; /* this script ran twice */
    core = found;
    store = found.store;
    listen();
    found.register("data", { setUp: function () {}, importText: importText });
  }

  /* The core may not be there yet (this script listed before it): it picks us up. */
  if (window.Playbook && window.Playbook.register) {
    start(window.Playbook);
  } else {
    (window.playbookPending = window.playbookPending || []).push(start);
  }
})();
