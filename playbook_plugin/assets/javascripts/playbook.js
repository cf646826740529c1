/* Networking Playbook, feature "checklists": the reader's ticks and the overview's progress,
 * kept in this browser only (the data panel is playbook-data.js).
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

  /* Wiring: document-level listeners once, widgets on every page -------------- */

  function listen() {
    document.addEventListener("change", function (event) {
      var target = event.target;
      if (target.matches && target.matches("[data-playbook-checklist] input[type=checkbox][data-playbook-item]")) {
        onTick(target);
      }
    });

    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-playbook-action]") : null;
      if (!button) return;
      var action = button.getAttribute("data-playbook-action");
      if (action === "reset") {
        onReset(button);
      } else if (action === "print") {
        window.print();
      }
    });

    /* Another tab, an import or an erase changed the reader's data. */
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
    root.querySelectorAll("[data-playbook-action=print]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function start(found) {
    if (core || found.registered("checklists")) return; /* this script ran twice */
    core = found;
    store = found.store;
    found.register("checklists", { setUp: setUpPage, flush: flushSaves });
    listen();
  }

  /* The core may not be there yet (this script listed before it): it picks us up. */
  if (window.Playbook && window.Playbook.register) {
    start(window.Playbook);
  } else {
    (window.playbookPending = window.playbookPending || []).push(start);
  }
})();
