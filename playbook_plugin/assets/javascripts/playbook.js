/* Networking Playbook: the reader's ticks, kept in this browser only.
 * A classic script (module scripts do not load from file://). It runs on every page,
 * including each page Material's instant navigation swaps in, and exposes
 * window.Playbook for the other playbook scripts: onPage, store, t. */
(function () {
  "use strict";

  var PREFIX = "playbook:";
  var settings = { namespace: "playbook", strings: {} };
  var pageHandlers = [];
  var pageReady = false;

  /* Settings and strings ------------------------------------------------ */

  function readSettings() {
    var node = document.querySelector("[data-playbook-config]");
    if (!node) return;
    try {
      var parsed = JSON.parse(node.getAttribute("data-playbook-config"));
      settings.namespace = parsed.namespace || settings.namespace;
      settings.strings = parsed.strings || settings.strings;
    } catch (error) {
      /* Keep the previous page's settings. */
    }
  }

  function t(key, values) {
    var text = Object.prototype.hasOwnProperty.call(settings.strings, key)
      ? settings.strings[key]
      : key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }

  /* Storage: localStorage under playbook:<namespace>:, and memory for whatever it refuses.
   * Refused (disabled, full, missing), the page keeps working and says so once a session. */

  var memory = {};
  var storageWorks = true;
  var storageWarningShown = false;

  function fullKey(key) {
    return PREFIX + settings.namespace + ":" + key;
  }

  function storageFailed() {
    storageWorks = false;
    if (storageWarningShown) return;
    var anchor = document.querySelector("[data-playbook-checklist], [data-playbook-message], [data-playbook-data]");
    if (!anchor) return;
    storageWarningShown = true;
    var notice = document.createElement("p");
    notice.className = "playbook-notice";
    notice.setAttribute("role", "status");
    notice.setAttribute("data-playbook-storage-notice", "");
    anchor.parentNode.insertBefore(notice, anchor);
    /* A live region announces what changes in it, not itself: fill it once it is there. */
    window.setTimeout(function () { notice.textContent = t("storage_unavailable"); }, 100);
  }

  /* What this page wrote to memory wins; else what the browser had saved, if it can read it. */
  function readRaw(key) {
    key = fullKey(key);
    if (Object.prototype.hasOwnProperty.call(memory, key)) return memory[key];
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      storageFailed();
      return null;
    }
  }

  function get(key) {
    var raw = readRaw(key);
    if (raw === null) return null;
    try {
      return JSON.parse(raw);
    } catch (error) {
      return null;
    }
  }

  function set(key, value) {
    var raw = JSON.stringify(value);
    if (storageWorks) {
      try {
        window.localStorage.setItem(fullKey(key), raw);
        return;
      } catch (error) {
        storageFailed();
      }
    }
    memory[fullKey(key)] = raw;
  }

  function remove(key) {
    delete memory[fullKey(key)];
    try {
      window.localStorage.removeItem(fullKey(key));
    } catch (error) {
      storageFailed();
    }
  }

  /** Every saved entry of this site, keyed without the namespace prefix. */
  function entries() {
    var prefix = fullKey("");
    var result = {};
    var keys = Object.keys(memory);
    try {
      for (var index = 0; index < window.localStorage.length; index++) {
        keys.push(window.localStorage.key(index));
      }
    } catch (error) {
      storageFailed();
    }
    keys.forEach(function (key) {
      if (key && key.indexOf(prefix) === 0) {
        var value = get(key.slice(prefix.length));
        if (value !== null) result[key.slice(prefix.length)] = value;
      }
    });
    return result;
  }

  /* Checklists ------------------------------------------------------------
   * Set-up indexes every box of the page by storage key and item id, so a tick touches only
   * the boxes of that item, the counts that show them and the page total: the same work on a
   * page of 10 items as on one of 1,000. */

  var has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };
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
    Object.keys(batch).forEach(function (key) { set(key, batch[key]); });
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

  /** Ticks saved under an item's previous id (data-playbook-was) move to its id, once. */
  function migrate(key, entry) {
    var saved = get(key);
    if (!saved || typeof saved.items !== "object" || !saved.items) return;
    var items = saved.items;
    var previous = [];
    Object.keys(entry.inputs).forEach(function (id) {
      entry.inputs[id].forEach(function (input) {
        var was = input.getAttribute("data-playbook-was");
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
    set(key, saved);
  }

  function indexChecklists(root) {
    lists = { byKey: Object.create(null), byInput: new WeakMap(), summaries: [] };
    root.querySelectorAll("[data-playbook-checklist]").forEach(function (widget) {
      if (widget.hasAttribute("data-playbook-page-auto")) {
        widget.setAttribute("data-playbook-checklist", "page:" + pageKey());
      }
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
        node.setAttribute("data-playbook-page-total", "page:" + pageKey());
      }
      var entry = lists.byKey["checklist:" + node.getAttribute("data-playbook-page-total")];
      if (!entry) return;
      entry.total = counter(node, "page_progress");
      entry.totalNode = node;
      var reset = node.querySelector("[data-playbook-action=reset]");
      if (reset) reset.hidden = false;
    });
    lists.summaries = Array.prototype.slice.call(root.querySelectorAll("[data-playbook-summary]"));
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

  function pageKey() {
    var path = window.location.pathname.replace(/index\.html$/, "").replace(/\.html$/, "/");
    return path.replace(/^\/+|\/+$/g, "") || "index";
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
      var was = input.getAttribute("data-playbook-was");
      if (was) delete saved.items[was];
    });
    saved.updated = new Date().toISOString();
    set(key, saved);
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

  var FORMAT = "networking-playbook";

  function status(panel, text) {
    var line = panel.querySelector("[data-playbook-data-status]");
    if (line) line.textContent = text;
  }

  function exportData(panel) {
    flushSaves();
    var data = entries();
    var today = new Date().toISOString().slice(0, 10);
    var file = settings.namespace + "-" + today + ".json";
    var payload = { format: FORMAT, version: 1, namespace: settings.namespace, exported: new Date().toISOString(), data: data };
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

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  /** Merge a file's entries into this browser's; differing values are only replaced if the reader agrees. */
  function importData(panel, text) {
    flushSaves();
    var payload;
    try {
      payload = JSON.parse(text);
    } catch (error) {
      payload = null;
    }
    if (!payload || payload.format !== FORMAT || typeof payload.data !== "object" || !payload.data) {
      status(panel, t("import_invalid"));
      return;
    }
    var additions = [];
    var conflicts = [];
    Object.keys(payload.data).forEach(function (key) {
      var incoming = payload.data[key];
      var current = get(key);
      if (current === null) {
        additions.push([key, incoming]);
      } else if (key.indexOf("checklist:") === 0 && incoming && typeof incoming.items === "object") {
        var merged = JSON.parse(JSON.stringify(current));
        merged.items = merged.items || {};
        var replaced = JSON.parse(JSON.stringify(merged));
        Object.keys(incoming.items).forEach(function (id) {
          if (!Object.prototype.hasOwnProperty.call(merged.items, id)) {
            merged.items[id] = incoming.items[id];
            replaced.items[id] = incoming.items[id];
          } else if (merged.items[id] !== incoming.items[id]) {
            replaced.items[id] = incoming.items[id];
          }
        });
        if (!same(merged, current)) additions.push([key, merged]);
        if (!same(replaced, merged)) conflicts.push([key, replaced]);
      } else if (!same(current, incoming)) {
        conflicts.push([key, incoming]);
      }
    });
    if (!additions.length && !conflicts.length) {
      status(panel, t("import_nothing"));
      return;
    }
    additions.forEach(function (entry) { set(entry[0], entry[1]); });
    var changed = additions.length;
    if (conflicts.length && window.confirm(t("import_conflicts", { count: conflicts.length }))) {
      conflicts.forEach(function (entry) { set(entry[0], entry[1]); });
      changed += conflicts.length;
    }
    refreshAll();
    document.dispatchEvent(new CustomEvent("playbook:datachange"));
    status(panel, t("import_done", { count: changed }));
  }

  function eraseData(panel) {
    flushSaves();
    if (!window.confirm(t("erase_confirm"))) return;
    var keys = Object.keys(entries());
    keys.forEach(remove);
    refreshAll();
    document.dispatchEvent(new CustomEvent("playbook:datachange"));
    status(panel, t("erase_done", { count: keys.length }));
  }

  function setUpDataPanel(panel) {
    var actions = panel.querySelector(".playbook-data__actions");
    if (actions) actions.hidden = false;
  }

  /* Wiring: document-level listeners once, widgets on every page -------------- */

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("[data-playbook-checklist] input[type=checkbox][data-playbook-item]")) {
      onTick(target);
    } else if (target.matches && target.matches("[data-playbook-import-file]")) {
      var file = target.files && target.files[0];
      var panel = target.closest("[data-playbook-data]");
      if (!file || !panel) return;
      file.text().then(function (text) {
        importData(panel, text);
        target.value = "";
      });
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

  /* Another tab changed the reader's data: show it here too. */
  window.addEventListener("storage", function (event) {
    if (event.key === null || event.key.indexOf(fullKey("")) === 0) {
      refreshAll();
      document.dispatchEvent(new CustomEvent("playbook:datachange"));
    }
  });

  function setUpPage(root) {
    indexChecklists(root);
    refreshAll();
    root.querySelectorAll("[data-playbook-data]").forEach(setUpDataPanel);
    root.querySelectorAll("[data-playbook-action=print]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function runPage() {
    readSettings();
    pageReady = true;
    pageHandlers.forEach(function (handler) { handler(document); });
  }

  function onPage(handler) {
    pageHandlers.push(handler);
    if (pageReady) handler(document);
  }

  function whenReady(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback, { once: true });
    } else {
      callback();
    }
  }

  window.Playbook = {
    onPage: onPage,
    store: { get: get, set: set, remove: remove, entries: entries },
    t: t,
  };
  onPage(setUpPage);

  /* Material's document$ replays the current page and emits on every instant
   * navigation; from file:// with instant navigation on it completes without
   * emitting; other themes have no document$ at all. */
  var pages = window.document$;
  if (pages && typeof pages.subscribe === "function") {
    var emitted = false;
    pages.subscribe({
      next: function () {
        emitted = true;
        runPage();
      },
      complete: function () {
        if (!emitted) whenReady(runPage);
      },
    });
  } else {
    whenReady(runPage);
  }
})();
