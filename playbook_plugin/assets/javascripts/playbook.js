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

  /* Checklists ------------------------------------------------------------
   * Set-up indexes every box of the page by storage key and item id, so a tick touches only
   * the boxes of that item, the counts that show them and the page total: the same work on a
   * page of 10 items as on one of 1,000. */

  var has = function (object, key) { return hasOwn.call(object, key); };
  var lists = { byKey: Object.create(null), byInput: new WeakMap(), summaries: [] };

  function checklistKey(widget) {
    return "checklist:" + widget.getAttribute("data-playbook-checklist");
  }

  /* A tick is saved in a task of its own, right after the page shows it: the reader sees the
   * box, count and total change without waiting for the browser's storage. Leaving the page,
   * hiding it, or reading the data (export, import, erase, another tab) saves first. */
  var pendingSaves = Object.create(null);
  var saveTimer = 0;

  function saveSoon(key, saved) {
    pendingSaves[key] = saved;
    if (!saveTimer) saveTimer = window.setTimeout(flushSaves, 0);
  }

  function flushSaves() {
    if (saveTimer) window.clearTimeout(saveTimer);
    saveTimer = 0;
    var batch = pendingSaves;
    pendingSaves = Object.create(null);
    Object.keys(batch).forEach(function (key) { store.set(key, batch[key]); });
  }

  window.addEventListener("pagehide", flushSaves);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flushSaves();
  });

  /* What each checklist on the page has saved, read once per refresh rather than per tick;
   * refreshAll reads it again whenever it may have changed elsewhere. */
  var savedCache = Object.create(null);

  function savedChecklist(key) {
    if (pendingSaves[key]) return pendingSaves[key];
    if (!(key in savedCache)) savedCache[key] = get(key);
    return savedCache[key];
  }

  function savedTicks(key) {
    var saved = savedChecklist(key);
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

  /** A progress display: its text node, its bar (if any) and how its text is worded. */
  function counter(root, textKey) {
    if (!root) return null;
    var text = root.querySelector("[data-playbook-progress]");
    if (!text) return null;
    return { text: text, bar: root.querySelector(".playbook-progress__bar > span"), textKey: textKey, done: 0, total: 0 };
  }

  function showCount(count) {
    if (!count) return;
    var label = t(count.textKey, { done: count.done, total: count.total });
    var node = count.text.firstChild;
    if (node && node.nodeType === 3 && !node.nextSibling) {
      if (node.nodeValue !== label) node.nodeValue = label;  /* the same text node: cheaper */
    } else {
      count.text.textContent = label;
    }
    if (count.bar) count.bar.style.width = (count.total ? Math.round((100 * count.done) / count.total) : 0) + "%";
  }

  /** The id an earlier release gave an item: data-playbook-was when the build wrote one,
   * else the last part of its id (after its section), else none. */
  function previousId(input) {
    var was = input.getAttribute("data-playbook-was");
    if (was) return was;
    var id = input.getAttribute("data-playbook-item") || "";
    return id.indexOf("/") === -1 ? null : id.slice(id.lastIndexOf("/") + 1);
  }

  /** Ticks saved under an item's previous id move to its id, once. */
  function migrate(key, entry) {
    var saved = get(key);
    if (!saved || typeof saved.items !== "object" || !saved.items) return;
    var items = saved.items;
    var previous = [];
    Object.keys(entry.inputs).forEach(function (id) {
      entry.inputs[id].forEach(function (input) {
        var was = previousId(input);
        if (!was || !has(items, was)) return;
        if (!has(items, id)) items[id] = items[was];
        previous.push(was);
      });
    });
    if (!previous.length) return;
    previous.forEach(function (was) {
      if (!has(entry.inputs, was)) delete items[was];
    });
    saved.updated = new Date().toISOString();
    store.set(key, saved);
  }

  /* Ticks saved under the key a page had before the contract come along to its new key. */
  function adoptLegacyTicks(widget) {
    var legacy = "checklist:" + widget.getAttribute("data-playbook-legacy-key");
    if (legacy === "checklist:null" || get(checklistKey(widget)) !== null) return;
    var saved = get(legacy);
    if (saved !== null) store.set(checklistKey(widget), saved);
  }

  function indexChecklists(root) {
    lists = { byKey: Object.create(null), byInput: new WeakMap(), summaries: [] };
    root.querySelectorAll("[data-playbook-checklist]").forEach(function (widget) {
      if (widget.hasAttribute("data-playbook-page-auto")) {
        widget.setAttribute("data-playbook-checklist", "page:" + core.pageKey());
      }
      adoptLegacyTicks(widget);
      var reset = widget.querySelector("[data-playbook-action=reset]");
      if (reset) reset.hidden = false;
      var key = checklistKey(widget);
      var entry = lists.byKey[key] || (lists.byKey[key] = { widgets: [], inputs: Object.create(null), total: null });
      var list = { key: key, widget: widget, inputs: itemInputs(widget), count: counter(widget, "progress") };
      entry.widgets.push(list);
      list.inputs.forEach(function (input) {
        var id = input.getAttribute("data-playbook-item");
        (entry.inputs[id] || (entry.inputs[id] = [])).push(input);
        lists.byInput.set(input, list);
      });
    });
    root.querySelectorAll("[data-playbook-page-total]").forEach(function (node) {
      if (node.hasAttribute("data-playbook-page-auto")) {
        node.setAttribute("data-playbook-page-total", "page:" + core.pageKey());
      }
      var entry = lists.byKey["checklist:" + node.getAttribute("data-playbook-page-total")];
      if (!entry) return;
      entry.total = counter(node, "page_progress");
      entry.totalNode = node;
      var reset = node.querySelector("[data-playbook-action=reset]");
      if (reset) reset.hidden = false;
    });
    lists.summaries = Array.prototype.slice.call(document.querySelectorAll("[data-playbook-summary]"));
    Object.keys(lists.byKey).forEach(function (key) { migrate(key, lists.byKey[key]); });
  }

  /** Show every box, count and summary as saved: on set-up, import, erase, another tab. */
  function refreshAll() {
    flushSaves();
    savedCache = Object.create(null);
    Object.keys(lists.byKey).forEach(function (key) {
      var entry = lists.byKey[key];
      var ticks = savedTicks(key);
      var pageDone = 0;
      var pageTotal = 0;
      entry.widgets.forEach(function (list) {
        var done = 0;
        list.inputs.forEach(function (input) {
          var id = input.getAttribute("data-playbook-item");
          input.checked = has(ticks, id) ? !!ticks[id] : input.defaultChecked;
          if (input.checked) done++;
        });
        if (list.count) {
          list.count.done = done;
          list.count.total = list.inputs.length;
          showCount(list.count);
        }
        pageDone += done;
        pageTotal += list.inputs.length;
      });
      if (entry.total) {
        entry.total.done = pageDone;
        entry.total.total = pageTotal;
        showCount(entry.total);
      }
    });
    lists.summaries.forEach(showSummary);
  }

  function showSummary(summary) {
    var ticks = savedTicks("checklist:" + summary.getAttribute("data-playbook-summary"));
    var ids = (summary.getAttribute("data-playbook-items") || "").split(" ").filter(Boolean);
    var defaults = (summary.getAttribute("data-playbook-defaults") || "").split(" ");
    var done = ids.filter(function (id) {
      return has(ticks, id) ? !!ticks[id] : defaults.indexOf(id) !== -1;
    }).length;
    summary.textContent = progressText(done, ids.length);
  }

  function checklistTitle(widget) {
    var title = widget.querySelector(".playbook-checklist__title");
    if (title) return title.textContent.trim();
    return widget.getAttribute("aria-label") || document.title;
  }

  /** One tick: save it, then update only the boxes of this item and the counts showing them. */
  function onTick(input) {
    var list = lists.byInput.get(input);
    if (!list) return;
    var id = input.getAttribute("data-playbook-item");
    var saved = savedChecklist(list.key);
    saved = saved && typeof saved === "object" ? saved : {};
    saved.items = typeof saved.items === "object" && saved.items ? saved.items : {};
    saved.items[id] = input.checked;
    saved.updated = new Date().toISOString();
    savedCache[list.key] = saved;
    saveSoon(list.key, saved);
    var entry = lists.byKey[list.key];
    var delta = input.checked ? 1 : -1;
    var changed = 0;
    entry.inputs[id].forEach(function (box) {
      if (box !== input && box.checked === input.checked) return;
      box.checked = input.checked;
      changed++;
      var owner = lists.byInput.get(box);
      if (owner.count) {
        owner.count.done += delta;
        showCount(owner.count);
      }
    });
    if (entry.total) {
      entry.total.done += delta * changed;
      showCount(entry.total);
    }
    lists.summaries.forEach(function (summary) {
      if ("checklist:" + summary.getAttribute("data-playbook-summary") === list.key) showSummary(summary);
    });
  }

  /** Forget the ticks of these boxes (and their previous ids), after the reader agrees. */
  function resetBoxes(key, inputs, question, focus) {
    if (!window.confirm(question)) return;
    flushSaves();
    var saved = get(key) || {};
    saved.items = savedTicks(key);
    inputs.forEach(function (input) {
      delete saved.items[input.getAttribute("data-playbook-item")];
      var was = previousId(input);
      if (was) delete saved.items[was];
    });
    saved.updated = new Date().toISOString();
    store.set(key, saved);
    refreshAll();
    if (focus) focus.focus();
  }

  function onReset(button) {
    var total = button.closest("[data-playbook-page-total]");
    if (total) {
      var key = "checklist:" + total.getAttribute("data-playbook-page-total");
      var entry = lists.byKey[key];
      if (!entry) return;
      var inputs = [];
      entry.widgets.forEach(function (list) { inputs = inputs.concat(list.inputs); });
      resetBoxes(key, inputs, t("page_reset_confirm"), inputs[0]);
      return;
    }
    var widget = button.closest("[data-playbook-checklist]");
    if (!widget) return;
    var own = itemInputs(widget);
    resetBoxes(checklistKey(widget), own, t("reset_confirm", { title: checklistTitle(widget) }), own[0]);
  }

  /* Export and import ------------------------------------------------------- */

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
      report(t("import_nothing") + refusedText(refused));
      return;
    }
    var saved = 0;
    additions.forEach(function (entry) { if (store.set(entry[0], entry[1])) saved += 1; });
    if (conflicts.length && window.confirm(t("import_conflicts", { count: conflicts.length }))) {
      conflicts.forEach(function (entry) { if (store.set(entry[0], entry[1])) saved += 1; });
    }
    refreshAll();
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
    refreshAll();
    core.changed();
    status(panel, t("erase_done", { count: count }));
  }

  function setUpDataPanel(panel) {
    var actions = panel.querySelector(".playbook-data__actions");
    if (actions) actions.hidden = false;
    panel.setAttribute("data-playbook-ready", "");
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
        onReset(button);
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
    indexChecklists(root);
    refreshAll();
    root.querySelectorAll("[data-playbook-checklist]").forEach(function (widget) {
      widget.setAttribute("data-playbook-ready", "");
    });
    root.querySelectorAll("[data-playbook-summary]").forEach(function (summary) {
      summary.setAttribute("data-playbook-ready", "");
    });
    root.querySelectorAll("[data-playbook-data]").forEach(setUpDataPanel);
    root.querySelectorAll("[data-playbook-action=print]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function start(found) {
    if (core || found.registered("checklists")) return; /* this script ran twice */
    core = found;
    store = found.store;
    found.register("checklists", { setUp: setUpPage, importText: importText });
    listen();
  }

  /* The core may not be there yet (this script listed before it): it picks us up. */
  if (window.Playbook && window.Playbook.register) {
    start(window.Playbook);
  } else {
    (window.playbookPending = window.playbookPending || []).push(start);
  }
})();
