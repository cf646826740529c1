/* Networking Playbook, feature "checklists": the reader's ticks, the overview's progress and
 * the data panel (export, import, erase), kept in this browser only.
 * A classic script that core.js loads on pages that have one of these widgets; it registers
 * with the core (window.Playbook), which sets it up on every page from then on. */
(function () {
  "use strict";

  var core = null;
  var store = null;
  var hasOwn = Object.prototype.hasOwnProperty;

  function t(key, values) {
    return core.t(key, values);
  }

  function get(key) {
    return store.get(key);
  }

  /* Checklists ------------------------------------------------------------ */

  function checklistKey(widget) {
    return "checklist:" + widget.getAttribute("data-playbook-checklist");
  }

  function savedTicks(key) {
    var saved = get(key);
    return saved && typeof saved.items === "object" && saved.items ? saved.items : {};
  }

  function itemInputs(widget) {
    return Array.prototype.slice.call(
      widget.querySelectorAll("input[type=checkbox][data-playbook-item]")
    );
  }

  function progressText(done, total) {
    return t("progress", { done: done, total: total });
  }

  function showProgress(widget) {
    var inputs = itemInputs(widget);
    var done = inputs.filter(function (input) { return input.checked; }).length;
    var text = widget.querySelector("[data-playbook-progress]");
    var label = progressText(done, inputs.length);
    if (text && text.textContent !== label) text.textContent = label;
    var bar = widget.querySelector(".playbook-progress__bar > span");
    if (bar) bar.style.width = (inputs.length ? Math.round((100 * done) / inputs.length) : 0) + "%";
  }

  function applyTicks(widget) {
    var ticks = savedTicks(checklistKey(widget));
    itemInputs(widget).forEach(function (input) {
      var id = input.getAttribute("data-playbook-item");
      input.checked = Object.prototype.hasOwnProperty.call(ticks, id) ? !!ticks[id] : input.defaultChecked;
    });
    showProgress(widget);
  }

  function showSummary(summary) {
    var ticks = savedTicks("checklist:" + summary.getAttribute("data-playbook-summary"));
    var ids = (summary.getAttribute("data-playbook-items") || "").split(" ").filter(Boolean);
    var defaults = (summary.getAttribute("data-playbook-defaults") || "").split(" ");
    var done = ids.filter(function (id) {
      return Object.prototype.hasOwnProperty.call(ticks, id) ? !!ticks[id] : defaults.indexOf(id) !== -1;
    }).length;
    summary.textContent = progressText(done, ids.length);
  }

  function refreshAll() {
    document.querySelectorAll("[data-playbook-checklist]").forEach(applyTicks);
    document.querySelectorAll("[data-playbook-summary]").forEach(showSummary);
  }

  /* Ticks saved under the key a page had before the contract come along to its new key. */
  function adoptLegacyTicks(widget) {
    var legacy = "checklist:" + widget.getAttribute("data-playbook-legacy-key");
    if (legacy === "checklist:null" || get(checklistKey(widget)) !== null) return;
    var saved = get(legacy);
    if (saved !== null) store.set(checklistKey(widget), saved);
  }

  function setUpChecklist(widget) {
    if (widget.hasAttribute("data-playbook-page-auto")) {
      widget.setAttribute("data-playbook-checklist", "page:" + core.pageKey());
    }
    adoptLegacyTicks(widget);
    var reset = widget.querySelector("[data-playbook-action=reset]");
    if (reset) reset.hidden = false;
    applyTicks(widget);
    widget.setAttribute("data-playbook-ready", "");
  }

  function checklistTitle(widget) {
    var title = widget.querySelector(".playbook-checklist__title");
    if (title) return title.textContent.trim();
    return widget.getAttribute("aria-label") || document.title;
  }

  function onTick(input) {
    var widget = input.closest("[data-playbook-checklist]");
    var key = checklistKey(widget);
    var saved = get(key) || {};
    saved.items = savedTicks(key);
    saved.items[input.getAttribute("data-playbook-item")] = input.checked;
    saved.updated = new Date().toISOString();
    store.set(key, saved);
    refreshAll();
  }

  function onReset(widget) {
    if (!window.confirm(t("reset_confirm", { title: checklistTitle(widget) }))) return;
    var key = checklistKey(widget);
    var saved = get(key) || {};
    saved.items = savedTicks(key);
    itemInputs(widget).forEach(function (input) {
      delete saved.items[input.getAttribute("data-playbook-item")];
    });
    saved.updated = new Date().toISOString();
    store.set(key, saved);
    refreshAll();
    var first = itemInputs(widget)[0];
    if (first) first.focus();
  }

  /* Export and import ------------------------------------------------------- */

  function status(panel, text) {
    var line = panel.querySelector("[data-playbook-data-status]");
    if (line) line.textContent = text;
  }

  function exportData(panel) {
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
    var blob = new Blob([JSON.stringify(payload, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = file;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
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
    var payload;
    try {
      payload = JSON.parse(text);
    } catch (error) {
      payload = null;
    }
    var problem = fileProblem(payload);
    if (problem !== null) {
      status(panel, problem);
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
      var current = get(key);
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
      status(panel, t("import_nothing") + refusedText(refused));
      return;
    }
    var saved = 0;
    additions.forEach(function (entry) { if (store.set(entry[0], entry[1])) saved += 1; });
    if (conflicts.length && window.confirm(t("import_conflicts", { count: conflicts.length }))) {
      conflicts.forEach(function (entry) { if (store.set(entry[0], entry[1])) saved += 1; });
    }
    refreshAll();
    core.changed();
    status(panel, t("import_done", { count: saved }) + refusedText(refused));
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
    if (!window.confirm(t("erase_confirm"))) return;
    var count = store.eraseAll();
    refreshAll();
    core.changed();
    status(panel, t("erase_done", { count: count }));
  }

  function setUpDataPanel(panel) {
    var actions = panel.querySelector(".playbook-data__actions");
    if (actions) actions.hidden = false;
    panel.setAttribute("data-playbook-ready", "");
  }

  function setUpSummary(summary) {
    showSummary(summary);
    summary.setAttribute("data-playbook-ready", "");
  }

  /* Wiring: document-level listeners once, widgets on every page -------------- */

  function listen() {
    document.addEventListener("change", function (event) {
      var target = event.target;
      if (target.matches && target.matches("[data-playbook-checklist] input[type=checkbox][data-playbook-item]")) {
        onTick(target);
      } else if (target.matches && target.matches("[data-playbook-import-file]")) {
        var file = target.files && target.files[0];
        var panel = target.closest("[data-playbook-data]");
        /* Cleared at once, so the same file can be picked again whatever happens next. */
        target.value = "";
        if (file && panel) importFile(panel, file);
      }
    });

    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-playbook-action]") : null;
      if (!button) return;
      var action = button.getAttribute("data-playbook-action");
      if (action === "reset") {
        var widget = button.closest("[data-playbook-checklist]");
        if (widget) onReset(widget);
      } else if (action === "export") {
        exportData(button.closest("[data-playbook-data]"));
      } else if (action === "forget" && button.closest("[data-playbook-data]")) {
        eraseData(button.closest("[data-playbook-data]"));
      } else if (action === "print") {
        window.print();
      } else if (action === "import") {
        var input = button.closest("[data-playbook-data]").querySelector("[data-playbook-import-file]");
        if (input) input.click();
      }
    });

    /* Another tab, or an import, changed the reader's data. */
    document.addEventListener("playbook:datachange", refreshAll);
  }

  function setUpPage(root) {
    root.querySelectorAll("[data-playbook-checklist]").forEach(setUpChecklist);
    root.querySelectorAll("[data-playbook-summary]").forEach(setUpSummary);
    root.querySelectorAll("[data-playbook-data]").forEach(setUpDataPanel);
    root.querySelectorAll("[data-playbook-action=print]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function start(found) {
    if (core || found.registered("checklists")) return; /* this script ran twice */
    core = found;
    store = found.store;
    found.register("checklists", { setUp: setUpPage });
    listen();
  }

  /* The core may not be there yet (this script listed before it): it picks us up. */
  if (window.Playbook && window.Playbook.register) {
    start(window.Playbook);
  } else {
    (window.playbookPending = window.playbookPending || []).push(start);
  }
})();
