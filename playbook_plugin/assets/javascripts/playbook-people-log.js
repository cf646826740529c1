/* Networking Playbook, feature "people-log": the People page's log (add form, list, search,
 * edit, delete with undo, timeline, reminders, "About me", send to my phone) and the "due this
 * week" list. A classic script that core.js loads where [data-playbook-people] or
 * [data-playbook-people-due] is; it draws what the "people" feature (playbook-people.js, the
 * model and window.Playbook.people) keeps, and redraws on every playbook:peoplechange.
 * Whatever the reader types is only ever written with textContent, value or setAttribute. */
(function () {
  "use strict";

  var core = null;
  var people = null;
  var model = null;
  var TALK = "talk";

  function t(key, values) {
    return core.t(key, values);
  }

  function localToday() {
    return model.localToday();
  }

  function parseDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
  }

  /* The widgets ------------------------------------------------------------------------- */

  var ACTION = "data-playbook-action";
  var READY = "data-playbook-ready";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function button(action, text, extraClass) {
    var node = element("button", "playbook-button" + (extraClass ? " " + extraClass : ""), text);
    node.type = "button";
    node.setAttribute(ACTION, action);
    return node;
  }

  var dateFormat = null;

  /** A date for people to read ("4 Dec 2026" in English), from "YYYY-MM-DD". */
  function showDate(dateText) {
    var time = parseDate(dateText);
    if (time === null) return dateText;
    if (dateFormat === null) {
      try {
        dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
          { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
      } catch (error) {
        dateFormat = false;
      }
    }
    return dateFormat ? dateFormat.format(new Date(time)) : dateText;
  }

  function say(widget, text) {
    var line = widget.querySelector("[data-playbook-people-status]");
    if (line) line.textContent = text;
  }

  function dueText(person, today) {
    var step = person.due_step || person.next_step || t("people_step_keep");
    if (person.due < today) return t("people_due_overdue", { step: step, date: showDate(person.due) });
    if (person.due === today) return t("people_due_today", { step: step });
    return t("people_due_on", { step: step, date: showDate(person.due) });
  }

  function logLine(entry) {
    var title = entry.kind === TALK ? t("people_log_talk") : entry.title || entry.template || entry.kind || "";
    var text = t("people_log_entry", { date: showDate(entry.date), title: title });
    if (entry.channel) text += t("people_log_channel", { channel: entry.channel });
    return text;
  }

  /** One person, as the list shows them. */
  function personItem(person, today) {
    var state = model.dueState(person, today);
    var item = element("li", "playbook-person playbook-person--" + state);
    item.setAttribute("data-playbook-person", person.id);
    item.id = "person-" + person.id;
    var name = element("h3", "playbook-person__name", person.name);
    name.setAttribute("data-playbook-person-name", "");
    item.appendChild(name);
    if (person.due) {
      var due = element("p", "playbook-person__due");
      var time = element("time", "", dueText(person, today));
      time.setAttribute("datetime", person.due);
      time.setAttribute("data-playbook-person-due", "");
      due.appendChild(time);
      item.appendChild(due);
    }
    var touch = model.touchState(person, today, people.cadence());
    if (touch !== "ok") {
      var period = model.keepInTouch(person, people.cadence());
      item.appendChild(element("p", "playbook-person__touch playbook-person__touch--" + touch,
        t(touch === "past-latest" ? "people_touch_past_latest" : "people_touch_past_ideal",
          { days: touch === "past-latest" ? period[1] : period[0] })));
    }
    var met = person.met_at
      ? t("people_met", { place: person.met_at, date: showDate(person.met_on) })
      : t("people_met_no_place", { date: showDate(person.met_on) });
    var contact = model.lastContact(person);
    if (contact && contact !== person.met_on) met += " · " + t("people_last_contact", { date: showDate(contact) });
    item.appendChild(element("p", "playbook-person__meta", met));
    if (person.talked_about) item.appendChild(element("p", "", t("people_talked", { topic: person.talked_about })));
    if (person.next_step) item.appendChild(element("p", "", t("people_promised", { step: person.next_step })));
    if (person.contact) item.appendChild(element("p", "", t("people_contact", { contact: person.contact })));
    var timeline = element("details", "playbook-person__timeline");
    timeline.appendChild(element("summary", "", t("people_timeline", { count: person.log.length })));
    var log = element("ol", "playbook-person__log");
    log.setAttribute("data-playbook-person-log", "");
    person.log.forEach(function (entry) {
      var line = element("li", "", logLine(entry));
      if (entry.text) {
        var quote = element("blockquote", "playbook-person__sent", entry.text);
        line.appendChild(quote);
      }
      log.appendChild(line);
    });
    timeline.appendChild(log);
    if (!person.log.length) timeline.hidden = true;
    item.appendChild(timeline);
    var actions = element("p", "playbook-person__actions");
    [["talked", "people_talked_today"], ["replied", "people_replied"], ["remind-person", "people_remind"],
      ["edit-person", "people_edit"], ["delete-person", "people_delete"]].forEach(function (pair) {
      if (pair[0] === "replied" && (person.replied || !person.log.length)) return;
      var control = button(pair[0], t(pair[1]));
      /* Each button names its person for screen readers: "Edit, Ana Ruiz". */
      control.setAttribute("aria-label", t(pair[1]) + ", " + person.name);
      actions.appendChild(control);
      actions.appendChild(document.createTextNode(" "));
    });
    item.appendChild(actions);
    return item;
  }

  var EDIT_FIELDS = [["name", "text"], ["met_at", "text"], ["met_on", "date"], ["talked_about", "text"],
    ["next_step", "text"], ["contact", "text"], ["due", "date"], ["due_step", "text"],
    ["keep_ideal", "number"], ["keep_latest", "number"]];

  /** The person's edit form, in place of their entry. */
  function editForm(item, person) {
    var form = element("form", "playbook-person__edit");
    var prefix = "playbook-edit-" + person.id;
    form.setAttribute("aria-label", t("people_edit_title", { name: person.name }));
    EDIT_FIELDS.forEach(function (pair) {
      var line = element("p", "playbook-people__field");
      var label = element("label", "", t("people_field_" + pair[0]));
      label.setAttribute("for", prefix + "-" + pair[0]);
      var input = element("input");
      input.type = pair[1];
      input.id = prefix + "-" + pair[0];
      input.name = pair[0];
      var own = person.keep_in_touch_days;
      if (pair[0] === "keep_ideal" || pair[0] === "keep_latest") {
        input.min = "1";
        input.step = "1";
        input.inputMode = "numeric";
        input.value = Array.isArray(own) ? String(own[pair[0] === "keep_ideal" ? 0 : 1]) : "";
        input.placeholder = String(people.cadence().keep_in_touch_days[pair[0] === "keep_ideal" ? 0 : 1]);
      } else {
        input.value = person[pair[0]] || "";
      }
      if (pair[0] === "name") input.required = true;
      line.appendChild(label);
      line.appendChild(input);
      form.appendChild(line);
    });
    var actions = element("p", "playbook-person__actions");
    var save = element("button", "playbook-button playbook-button--primary", t("people_save"));
    save.type = "submit";
    actions.appendChild(save);
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(button("cancel-edit", t("people_cancel")));
    form.appendChild(actions);
    Array.prototype.forEach.call(item.children, function (child) { child.hidden = true; });
    item.appendChild(form);
    form.querySelector("input").focus();
    return form;
  }

  function formValues(form, attribute) {
    var values = {};
    form.querySelectorAll("input").forEach(function (input) {
      var name = attribute ? input.getAttribute(attribute) : input.name;
      if (name) values[name] = input.value;
    });
    return values;
  }

  /* The log: one per [data-playbook-people] ------------------------------------------------ */

  var logs = [];

  function lastPlace(everyone) {
    var latest = null;
    everyone.forEach(function (person) {
      if (person.met_at && (latest === null || (person.created || "") > (latest.created || ""))) latest = person;
    });
    return latest ? latest.met_at : "";
  }

  function fillPlaces(log, everyone) {
    var list = log.widget.querySelector("datalist");
    if (!list) return;
    var seen = Object.create(null);
    while (list.firstChild) list.removeChild(list.firstChild);
    everyone.slice().sort(function (a, b) { return (b.created || "") < (a.created || "") ? -1 : 1; })
      .forEach(function (person) {
        if (!person.met_at || seen[person.met_at]) return;
        seen[person.met_at] = true;
        var option = element("option");
        option.value = person.met_at;
        list.appendChild(option);
      });
  }

  function resetForm(log, everyone) {
    var fields = log.fields;
    ["name", "talked_about", "next_step", "contact"].forEach(function (name) {
      if (fields[name]) fields[name].value = "";
    });
    if (fields.met_on) fields.met_on.value = localToday();
    if (fields.met_at && !fields.met_at.value) fields.met_at.value = lastPlace(everyone);
  }

  function applySearch(log) {
    var query = log.search ? log.search.value : "";
    var filter = log.filter ? log.filter.value : "all";
    var shown = 0;
    log.items.forEach(function (entry) {
      var visible = (!query || model.matches(entry.text, query)) &&
        (filter === "all" || (filter === "due" ? entry.due : entry.outOfTouch));
      if (entry.node.hidden === visible) entry.node.hidden = !visible;
      if (visible) shown += 1;
    });
    var empty = log.widget.querySelector(".playbook-people__empty");
    if (empty) {
      empty.textContent = !log.items.length ? t("people_empty")
        : shown ? "" : t("people_none_found", { query: query });
    }
  }

  function renderLog(log) {
    var everyone = people.list();
    var today = localToday();
    var fragment = document.createDocumentFragment();
    var cadence = people.cadence();
    log.items = everyone.map(function (person) {
      var node = personItem(person, today);
      fragment.appendChild(node);
      var state = model.dueState(person, today);
      return {
        node: node,
        text: model.searchText(person),
        due: state === "overdue" || state === "soon",
        outOfTouch: model.touchState(person, today, cadence) !== "ok",
      };
    });
    var listNode = log.list;
    while (listNode.firstChild) listNode.removeChild(listNode.firstChild);
    listNode.appendChild(fragment);
    fillPlaces(log, everyone);
    applySearch(log);
    return everyone;
  }

  function focusPerson(log, id, action) {
    var item = log.list.querySelector('[data-playbook-person="' + id + '"]');
    var target = item && item.querySelector("[" + ACTION + '="' + (action || "edit-person") + '"]');
    if (target) target.focus();
  }

  function addFromForm(log) {
    var fields = formValues(log.form, "data-playbook-person-field");
    if (!String(fields.name || "").trim()) {
      say(log.widget, t("people_name_missing"));
      log.fields.name.focus();
      return;
    }
    var id = people.add(fields);
    if (!id) return;
    var person = people.get(id);
    say(log.widget, t("people_added", {
      name: person.name, step: person.due_step, date: showDate(person.due),
    }));
    resetForm(log, people.list());
    log.fields.name.focus();
  }

  function undoArea(log) {
    var area = log.widget.querySelector(".playbook-people__undo");
    if (!area) {
      area = element("p", "playbook-people__undo");
      var status = log.widget.querySelector("[data-playbook-people-status]");
      status.parentNode.insertBefore(area, status.nextSibling);
    }
    return area;
  }

  function onAction(log, control, event) {
    var action = control.getAttribute(ACTION);
    var item = control.closest("[data-playbook-person]");
    var id = item ? item.getAttribute("data-playbook-person") : null;
    var person = id ? people.get(id) : null;
    if (action === "talked" && person) {
      var talkedTo = people.talked(id);
      say(log.widget, t("people_talked_done", { name: person.name, step: talkedTo.due_step, date: showDate(talkedTo.due) }));
      focusPerson(log, id, "talked");
    } else if (action === "replied" && person) {
      var answered = people.replied(id);
      say(log.widget, t("people_replied_done", { name: person.name, step: answered.due_step, date: showDate(answered.due) }));
      focusPerson(log, id, "edit-person");
    } else if (action === "remind-person" && person) {
      people.remindPerson(id, function (file) {
        say(log.widget, t("people_reminder_saved", { file: file }));
      });
    } else if (action === "remind-all") {
      people.remindAll(function (file) {
        say(log.widget, file ? t("people_reminder_saved", { file: file }) : t("people_remind_none"));
      });
    } else if (action === "edit-person" && person) {
      editForm(item, person);
    } else if (action === "cancel-edit" && id) {
      renderLog(log);
      focusPerson(log, id);
    } else if (action === "delete-person" && person) {
      var token = people.remove(id);
      say(log.widget, t("people_deleted", { name: person.name }));
      var area = undoArea(log);
      while (area.firstChild) area.removeChild(area.firstChild);
      var undoButton = button("undo-delete", t("people_undo"));
      undoButton.setAttribute("data-token", token);
      undoButton.setAttribute("aria-label", t("people_undo") + ", " + person.name);
      area.appendChild(undoButton);
      undoButton.focus();
    } else if (action === "undo-delete") {
      var restored = people.undo(control.getAttribute("data-token"));
      control.parentNode.removeChild(control);
      if (restored) {
        say(log.widget, t("people_restored", { name: people.get(restored).name }));
        focusPerson(log, restored);
      }
    } else if (/^transfer/.test(action)) {
      /* Sending the log to a phone is its own script, loaded the first time it is asked for. */
      core.need("transfer", function (transfer) { transfer.act(action, log.widget); });
    } else {
      return;
    }
    event.preventDefault();
  }

  function setUpLog(widget) {
    if (widget.hasAttribute(READY)) return;
    var form = widget.querySelector(".playbook-people__add");
    var log = {
      widget: widget,
      form: form,
      list: widget.querySelector("[data-playbook-people-list]"),
      search: widget.querySelector("[data-playbook-people-search]"),
      fields: {},
      items: [],
    };
    if (!form || !log.list) return;
    form.querySelectorAll("[data-playbook-person-field]").forEach(function (input) {
      log.fields[input.getAttribute("data-playbook-person-field")] = input;
    });
    var empty = element("p", "playbook-people__empty");
    empty.setAttribute("aria-live", "polite");
    log.list.parentNode.insertBefore(empty, log.list);
    widget.querySelectorAll(".playbook-people__needs-js").forEach(function (node) { node.hidden = true; });
    [form, log.list, widget.querySelector(".playbook-people__tools")].forEach(function (node) {
      if (node) node.hidden = false;
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      addFromForm(log);
    });
    widget.addEventListener("submit", function (event) {
      var edit = event.target.closest(".playbook-person__edit");
      if (!edit) return;
      event.preventDefault();
      var item = edit.closest("[data-playbook-person]");
      var id = item.getAttribute("data-playbook-person");
      var values = formValues(edit);
      if (!values.name.trim()) return;
      values.id = id;
      ["name", "met_at", "talked_about", "next_step", "contact", "due_step"].forEach(function (name) {
        values[name] = values[name].trim();
      });
      /* The person's own keep-in-touch period, or (both left empty) the site's. */
      var ideal = parseInt(values.keep_ideal, 10);
      var latest = parseInt(values.keep_latest, 10);
      delete values.keep_ideal;
      delete values.keep_latest;
      if (ideal >= 1 || latest >= 1) {
        var site = people.cadence().keep_in_touch_days;
        ideal = ideal >= 1 ? ideal : Math.min(site[0], latest);
        latest = latest >= 1 ? latest : Math.max(site[1], ideal);
        values.keep_in_touch_days = [Math.min(ideal, latest), Math.max(ideal, latest)];
      } else {
        values.keep_in_touch_days = null;
      }
      edit.parentNode.removeChild(edit);
      people.save(values);
      say(widget, t("people_saved", { name: values.name }));
      focusPerson(log, id);
    });
    widget.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var edit = event.target.closest && event.target.closest(".playbook-person__edit");
      if (!edit) return;
      var id = edit.closest("[data-playbook-person]").getAttribute("data-playbook-person");
      renderLog(log);
      focusPerson(log, id);
    });
    widget.addEventListener("click", function (event) {
      var control = event.target.closest ? event.target.closest("[" + ACTION + "]") : null;
      if (control && widget.contains(control)) onAction(log, control, event);
    });
    /* A reminder's calendar code, or the transfer's, loads as the reader reaches for it. */
    ["pointerdown", "focusin"].forEach(function (type) {
      widget.addEventListener(type, function (event) {
        var control = event.target.closest && event.target.closest("[" + ACTION + "]");
        var action = control ? control.getAttribute(ACTION) : "";
        if (/^remind/.test(action)) core.need("calendar");
        else if (action === "transfer") core.need("transfer");
      });
    });
    if (log.search) log.search.addEventListener("input", function () { applySearch(log); });
    log.filter = widget.querySelector(".playbook-people__filter select");
    if (log.filter) log.filter.addEventListener("change", function () { applySearch(log); });
    setUpProfile(widget);
    var everyone = renderLog(log);
    resetForm(log, everyone);
    widget.setAttribute(READY, "");
    logs.push(log);
  }

  /** "About me": the one profile every template fills its "about me" fields from. */
  function setUpProfile(widget) {
    var section = widget.querySelector(".playbook-people__profile");
    if (!section) return;
    section.hidden = false;
    var inputs = section.querySelectorAll("[data-playbook-profile-field]");
    function load() {
      var values = people.profile();
      inputs.forEach(function (input) {
        var name = input.getAttribute("data-playbook-profile-field");
        if (document.activeElement !== input) input.value = values[name] || "";
      });
    }
    section.addEventListener("input", function (event) {
      var name = event.target.getAttribute("data-playbook-profile-field");
      if (!name) return;
      var values = {};
      values[name] = event.target.value;
      people.saveProfile(values);
    });
    profiles.push({ section: section, load: load });
    load();
  }

  var profiles = [];

  /* "Due this week": one per [data-playbook-people-due] ------------------------------------ */

  function renderDue(node) {
    var today = localToday();
    var due = model.dueWithin(people.list(), today, 7);
    var status = node.querySelector(".playbook-people-due__status");
    var listNode = node.querySelector(".playbook-people-due__list");
    var page = node.querySelector("a[href]");
    var base = page ? page.href.split("#")[0] : people.peopleUrl();
    status.textContent = !due.length ? t("people_due_none")
      : due.length === 1 ? t("people_due_count_one") : t("people_due_count", { count: due.length });
    while (listNode.firstChild) listNode.removeChild(listNode.firstChild);
    due.forEach(function (person) {
      var line = element("li");
      var link = element("a", "", person.name);
      link.href = base + "#person-" + person.id;
      line.appendChild(link);
      line.appendChild(document.createTextNode(": "));
      var time = element("time", "", dueText(person, today));
      time.setAttribute("datetime", person.due);
      line.appendChild(time);
      listNode.appendChild(line);
    });
    listNode.hidden = !due.length;
  }

  function setUpDue(node) {
    if (!node.querySelector(".playbook-people-due__list")) return;
    renderDue(node);
    node.setAttribute(READY, "");
  }

  function refresh() {
    logs = logs.filter(function (log) { return document.contains(log.widget); });
    logs.forEach(function (log) {
      /* An open edit form is the reader's: a change elsewhere waits until it is closed. */
      if (!log.widget.querySelector(".playbook-person__edit")) renderLog(log);
    });
    document.querySelectorAll("[data-playbook-people-due][" + READY + "]").forEach(renderDue);
    profiles = profiles.filter(function (entry) { return document.contains(entry.section); });
    profiles.forEach(function (entry) { entry.load(); });
  }

  var setUpWidgets = function (root) {
    (root || document).querySelectorAll("[data-playbook-people]").forEach(setUpLog);
    (root || document).querySelectorAll("[data-playbook-people-due]").forEach(setUpDue);
    /* A page opened from a transfer link: the script that reads it. */
    if (window.location.hash.indexOf("#" + core.contract.transferFragment + "=") === 0) {
      core.need("transfer", function (transfer) { transfer.receive(); });
    }
  };


  function start(found, feature) {
    if (core || found.registered("people-log")) return; /* this script ran twice */
    core = found;
    people = feature.api;
    model = people.model;
    document.addEventListener("playbook:peoplechange", refresh);
    found.register("people-log", { setUp: setUpWidgets, ui: { element: element, button: button, say: say } });
  }

  /* The core may not be there yet (this script listed before it): it picks us up; the people
   * model (playbook-people.js) is loaded before this script, in the contract's order. */
  function withCore(found) {
    found.feature("people", function (feature) { start(found, feature); });
  }

  if (window.Playbook && window.Playbook.register) {
    withCore(window.Playbook);
  } else {
    (window.playbookPending = window.playbookPending || []).push(withCore);
  }
})();
