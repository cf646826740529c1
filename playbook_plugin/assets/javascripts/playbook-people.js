/* Networking Playbook, feature "people": the people a reader met, what they talked about,
 * the next step and when to follow up, by the cadence the site's author set (follow_up: in
 * mkdocs.yml). Kept in this browser only, under playbook:<namespace>:person:<id>.
 * A classic script (module scripts do not load from file://). The pure part below (records,
 * business days, the cadence, sorting, search, the checks before marking a message sent) is
 * exported under Node for tests/node/people.test.js; in a browser core.js loads this script on
 * pages with the log, a person picker or the "due this week" list, and it exposes
 * window.Playbook.people to the other features.
 * Whatever the reader types is only ever written with textContent, value or setAttribute. */
(function () {
  "use strict";

  var hasOwn = Object.prototype.hasOwnProperty;
  var DAY = 86400000;

  var DEFAULT_CADENCE = {
    thank_within_hours: 24,
    first_follow_up_business_days: 3,
    nudges_without_reply: 2,
    keep_in_touch_days: [30, 90],
  };

  /* What the next step says when the cadence sets it; the page gives its translations. */
  var DEFAULT_STEPS = {
    thank: "Send a thank-you",
    nudge: "Follow up again",
    keep: "Keep in touch",
  };

  /* Kinds of message that wait for an answer or a next step, and kinds that keep in touch. */
  var OPENING_KINDS = ["thank-you", "closing", "first-message", "reply", "introduction"];
  var FOLLOW_UP = "follow-up";
  var TALK = "talk";

  /* Dates: "YYYY-MM-DD", counted in UTC so that a day is always a day ------------------- */

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) text = "0" + text;
    return text;
  }

  function parseDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
  }

  function formatTime(time) {
    var date = new Date(time);
    return pad(date.getUTCFullYear(), 4) + "-" + pad(date.getUTCMonth() + 1, 2) + "-" +
      pad(date.getUTCDate(), 2);
  }

  function localToday(now) {
    var date = now || new Date();
    return pad(date.getFullYear(), 4) + "-" + pad(date.getMonth() + 1, 2) + "-" + pad(date.getDate(), 2);
  }

  function addDays(dateText, days) {
    var time = parseDate(dateText);
    return time === null ? dateText : formatTime(time + days * DAY);
  }

  function isWeekend(time) {
    var weekday = new Date(time).getUTCDay();
    return weekday === 0 || weekday === 6;
  }

  /** The date `days` business days (Monday to Friday) after `dateText`. */
  function addBusinessDays(dateText, days) {
    var time = parseDate(dateText);
    if (time === null) return dateText;
    var left = days;
    while (left > 0) {
      time += DAY;
      if (!isWeekend(time)) left -= 1;
    }
    return formatTime(time);
  }

  /** Business days after `start` up to and including `end` (0 when end is not later). */
  function businessDaysBetween(start, end) {
    var from = parseDate(start);
    var to = parseDate(end);
    if (from === null || to === null) return 0;
    var days = 0;
    for (var time = from + DAY; time <= to; time += DAY) {
      if (!isWeekend(time)) days += 1;
    }
    return days;
  }

  function daysBetween(start, end) {
    var from = parseDate(start);
    var to = parseDate(end);
    return from === null || to === null ? 0 : Math.round((to - from) / DAY);
  }

  /* People ------------------------------------------------------------------------------ */

  /** A new id: "p", the time and a random part in base 36 (contract.ID_PATTERN). */
  function newId(now, random) {
    var time = (now === undefined ? Date.now() : now).toString(36);
    var noise = Math.floor((random === undefined ? Math.random() : random) * 1679616);
    return "p" + time + pad(noise.toString(36), 4);
  }

  function cadenceOf(cadence) {
    var result = {};
    Object.keys(DEFAULT_CADENCE).forEach(function (name) {
      result[name] = cadence && hasOwn.call(cadence, name) ? cadence[name] : DEFAULT_CADENCE[name];
    });
    return result;
  }

  function stepsOf(steps) {
    var result = {};
    Object.keys(DEFAULT_STEPS).forEach(function (name) {
      result[name] = steps && steps[name] ? steps[name] : DEFAULT_STEPS[name];
    });
    return result;
  }

  /** The person's keep-in-touch period, [ideal, latest] in days: their own, or the site's. */
  function keepInTouch(person, cadence) {
    var own = person.keep_in_touch_days;
    return Array.isArray(own) && own.length === 2 ? own : cadenceOf(cadence).keep_in_touch_days;
  }

  /** The last contact of any kind: the latest logged message or talk, else the meeting. */
  function lastContact(person) {
    var latest = person.met_on || "";
    (person.log || []).forEach(function (entry) {
      if (entry.date > latest) latest = entry.date;
    });
    return latest;
  }

  function lastMessage(person) {
    var found = null;
    (person.log || []).forEach(function (entry) {
      if (entry.kind !== TALK && (found === null || entry.date >= found.date)) found = entry;
    });
    return found;
  }

  /** A new person from the add form: due for a thank-you within the cadence's hours. */
  function newPerson(fields, options) {
    var cadence = cadenceOf(options.cadence);
    var today = options.today;
    var person = {
      name: String(fields.name || "").trim(),
      met_at: String(fields.met_at || "").trim(),
      met_on: parseDate(fields.met_on) !== null ? fields.met_on : today,
      talked_about: String(fields.talked_about || "").trim(),
      next_step: String(fields.next_step || "").trim(),
      contact: String(fields.contact || "").trim(),
      created: options.now,
      updated: options.now,
      log: [],
      due: "",
      due_step: "",
      nudges: 0,
      replied: false,
      deleted: false,
    };
    person.due = addDays(person.met_on, Math.max(0, Math.ceil(cadence.thank_within_hours / 24)));
    person.due_step = stepsOf(options.steps).thank;
    return person;
  }

  /** Keep in touch: the ideal period after the last contact. */
  function keepInTouchNext(person, date, cadence, steps) {
    person.due = addDays(date, keepInTouch(person, cadence)[0]);
    person.due_step = steps.keep;
  }

  /** What the cadence schedules after a message of this kind sent on `date`. */
  function schedule(person, kind, date, cadence, steps) {
    var rules = cadenceOf(cadence);
    if (kind === FOLLOW_UP && !person.replied) {
      person.nudges = (person.nudges || 0) + 1;
      if (person.nudges < rules.nudges_without_reply) {
        person.due = addBusinessDays(date, rules.first_follow_up_business_days);
        person.due_step = person.next_step || steps.nudge;
      } else {
        /* The limit of nudges without reply: rest, and keep in touch later on. */
        person.due = addDays(date, keepInTouch(person, rules)[1]);
        person.due_step = steps.keep;
      }
      return;
    }
    person.nudges = 0;
    if (OPENING_KINDS.indexOf(kind) >= 0 && person.next_step) {
      person.due = addBusinessDays(date, rules.first_follow_up_business_days);
      person.due_step = person.next_step;
    } else {
      keepInTouchNext(person, date, rules, steps);
    }
  }

  /** Warnings before marking a message sent: [{id, values}] ("too-soon", "third-nudge"). */
  function checkSend(person, message, cadence) {
    var rules = cadenceOf(cadence);
    var warnings = [];
    if (message.kind !== FOLLOW_UP) return warnings;
    var last = lastMessage(person);
    if (last) {
      var gap = businessDaysBetween(last.date, message.date);
      if (gap < rules.first_follow_up_business_days) {
        warnings.push({ id: "too-soon", values: {
          days: rules.first_follow_up_business_days,
          earliest: addBusinessDays(last.date, rules.first_follow_up_business_days),
        } });
      }
    }
    if (!person.replied && (person.nudges || 0) >= rules.nudges_without_reply) {
      warnings.push({ id: "third-nudge", values: { count: rules.nudges_without_reply } });
    }
    return warnings;
  }

  function copy(person) {
    return JSON.parse(JSON.stringify(person));
  }

  /** The person with a message logged and the next follow-up scheduled: {person, warnings}.
   * message: {template, title, kind, channel, text, date}; options: {cadence, steps, now}. */
  function markSent(person, message, options) {
    var warnings = checkSend(person, message, options.cadence);
    var result = copy(person);
    var entry = { date: message.date };
    ["template", "title", "kind", "channel", "text"].forEach(function (name) {
      if (typeof message[name] === "string" && message[name] !== "") entry[name] = message[name];
    });
    result.log = (result.log || []).concat([entry]);
    result.log.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
    if (message.kind !== FOLLOW_UP) result.replied = false;
    schedule(result, message.kind, message.date, options.cadence, stepsOf(options.steps));
    result.updated = options.now;
    return { person: result, warnings: warnings };
  }

  /** "We talked today": a contact of any kind counts; the next date is kept in touch. */
  function talked(person, date, options) {
    var result = copy(person);
    result.log = (result.log || []).concat([{ date: date, kind: TALK, title: options.title || "" }]);
    result.replied = true;
    result.nudges = 0;
    keepInTouchNext(result, date, cadenceOf(options.cadence), stepsOf(options.steps));
    result.updated = options.now;
    return result;
  }

  /** "They replied": no more nudges; the next step, if any, else keep in touch. */
  function replied(person, date, options) {
    var result = copy(person);
    result.replied = true;
    result.nudges = 0;
    var steps = stepsOf(options.steps);
    if (result.next_step) {
      result.due = addBusinessDays(date, cadenceOf(options.cadence).first_follow_up_business_days);
      result.due_step = result.next_step;
    } else {
      keepInTouchNext(result, date, options.cadence, steps);
    }
    result.updated = options.now;
    return result;
  }

  /** "overdue", "soon" (within `soonDays`, today included), "later" or "none". */
  function dueState(person, today, soonDays) {
    if (!person.due) return "none";
    if (person.due < today) return "overdue";
    return daysBetween(today, person.due) <= (soonDays === undefined ? 7 : soonDays) ? "soon" : "later";
  }

  /** How the keep-in-touch period stands: "ok", "past-ideal" or "past-latest". */
  function touchState(person, today, cadence) {
    var since = daysBetween(lastContact(person), today);
    var period = keepInTouch(person, cadence);
    if (since > period[1]) return "past-latest";
    return since > period[0] ? "past-ideal" : "ok";
  }

  /** Overdue first (the most overdue first), then due soon, then the rest by date; people
   * without a date last; ties by name. */
  function sortPeople(people) {
    return people.slice().sort(function (a, b) {
      var dueA = a.due || "\uffff";
      var dueB = b.due || "\uffff";
      if (dueA !== dueB) return dueA < dueB ? -1 : 1;
      return a.name.localeCompare(b.name);
    });
  }

  function folded(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /** What search looks in: name, where they met, what they talked about, the next step. */
  function searchText(person) {
    return folded([person.name, person.met_at, person.talked_about, person.next_step].join("\n"));
  }

  /** Every word of the query is in the person's name, place or topic (accents ignored). */
  function matches(person, query) {
    var haystack = typeof person === "string" ? person : searchText(person);
    return folded(query).split(/\s+/).filter(Boolean).every(function (word) {
      return haystack.indexOf(word) >= 0;
    });
  }

  /** People due on or before `today` + `days` (overdue included), soonest first. */
  function dueWithin(people, today, days) {
    var until = addDays(today, days);
    return sortPeople(people.filter(function (person) {
      return person.due && person.due <= until;
    }));
  }

  /** A reminder for one person: "Follow up with <name>: <next step> (<where you met>)", its
   * description the next step. texts: {summary, summaryNoPlace} templates with {name},
   * {step}, {place}. */
  function reminderEvent(person, id, texts, today) {
    var step = person.due_step || person.next_step || DEFAULT_STEPS.keep;
    var values = { name: person.name, step: step, place: person.met_at };
    var template = person.met_at ? texts.summary : texts.summaryNoPlace;
    var summary = template;
    Object.keys(values).forEach(function (name) {
      summary = summary.split("{" + name + "}").join(values[name]);
    });
    var date = person.due || today;
    return {
      uid: "person-" + id + "-" + date.replace(/-/g, "") + "@networking-playbook",
      date: date,
      summary: summary,
      description: step,
      alarm: summary,
    };
  }

  var api = {
    DEFAULT_CADENCE: DEFAULT_CADENCE,
    addDays: addDays,
    addBusinessDays: addBusinessDays,
    businessDaysBetween: businessDaysBetween,
    localToday: localToday,
    newId: newId,
    newPerson: newPerson,
    markSent: markSent,
    checkSend: checkSend,
    talked: talked,
    replied: replied,
    lastContact: lastContact,
    dueState: dueState,
    touchState: touchState,
    sortPeople: sortPeople,
    matches: matches,
    searchText: searchText,
    dueWithin: dueWithin,
    reminderEvent: reminderEvent,
  };

  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof window === "undefined" || typeof document === "undefined") return;

  /* The page: a feature of the browser core (core.js) -------------------------------------- */

  var core = null;
  var PREFIX = "person:";

  function t(key, values) {
    return core.t(key, values);
  }

  function settings() {
    return core.settings ? core.settings() : {};
  }

  function cadence() {
    return cadenceOf(settings().cadence);
  }

  function steps() {
    return { thank: t("people_step_thank"), nudge: t("people_step_nudge"), keep: t("people_step_keep") };
  }

  function nowStamp() {
    return new Date().toISOString();
  }

  function changed() {
    document.dispatchEvent(new CustomEvent("playbook:peoplechange"));
  }

  /* The API (window.Playbook.people) -------------------------------------------------------- */

  function withId(id, person) {
    var result = copy(person);
    result.id = id;
    return result;
  }

  function all() {
    var found = [];
    core.store.keys().forEach(function (key) {
      if (key.indexOf(PREFIX) !== 0 || core.keyProblem(key) !== null) return;
      var person = core.store.get(key);
      if (person && !person.deleted) found.push(withId(key.slice(PREFIX.length), person));
    });
    return found;
  }

  function list() {
    return sortPeople(all());
  }

  function get(id) {
    if (typeof id !== "string" || core.keyProblem(PREFIX + id) !== null) return null;
    var person = core.store.get(PREFIX + id);
    return person && !person.deleted ? withId(id, person) : null;
  }

  function write(id, person, quiet) {
    var value = copy(person);
    delete value.id;
    var saved = core.store.set(PREFIX + id, value);
    if (saved && !quiet) changed();
    return saved ? id : null;
  }

  /** Saves a person (creates one when it has no id); returns the id, or null if refused. */
  function save(person) {
    var id = person.id || newId();
    var existing = person.id ? core.store.get(PREFIX + id) : null;
    var value = Object.assign({}, existing || {}, person);
    value.created = value.created || nowStamp();
    value.updated = nowStamp();
    return write(id, value);
  }

  /** Adds a person from the add form's fields; returns the id. */
  function add(fields) {
    var person = newPerson(fields, { cadence: cadence(), steps: steps(), today: localToday(), now: nowStamp() });
    if (!person.name) return null;
    return write(newId(), person);
  }

  var undoable = Object.create(null);
  var undoCount = 0;

  /** Deletes a person; returns a token that undo() takes to bring them back. */
  function remove(id) {
    var person = core.store.get(PREFIX + id);
    if (!person) return null;
    undoCount += 1;
    var token = "undo-" + undoCount;
    undoable[token] = { id: id, person: person };
    core.store.remove(PREFIX + id);
    changed();
    return token;
  }

  function undo(token) {
    var kept = undoable[token];
    if (!kept) return null;
    delete undoable[token];
    return write(kept.id, kept.person);
  }

  function profile() {
    var saved = core.store.get("profile");
    var values = saved && saved.values ? saved.values : {};
    var result = { your_name: "", school_or_role: "", story: "", contact: "" };
    Object.keys(values).forEach(function (name) { result[name] = values[name]; });
    return result;
  }

  function saveProfile(values) {
    var merged = Object.assign(profile(), values || {});
    var ok = core.store.set("profile", { values: merged, updated: nowStamp() });
    if (ok) changed();
    return ok;
  }

  function warningTexts(found) {
    return found.map(function (warning) {
      return { id: warning.id, text: t("people_warning_" + warning.id.replace(/-/g, "_"), warning.values) };
    });
  }

  function apiCheckSend(id, message) {
    var person = get(id);
    if (!person) return [];
    return warningTexts(checkSend(person, { kind: message.kind, date: message.date || localToday() }, cadence()));
  }

  function apiMarkSent(id, message) {
    var person = get(id);
    if (!person) return null;
    var sent = Object.assign({}, message, { date: message.date || localToday() });
    var result = markSent(person, sent, { cadence: cadence(), steps: steps(), now: nowStamp() });
    write(id, result.person);
    return { person: withId(id, result.person), warnings: warningTexts(result.warnings) };
  }

  function whenReady(callback) {
    core.feature("people", function () { callback(window.Playbook.people); });
  }

  /* Reminders: one calendar file per person, one with every follow-up ---------------------- */

  function reminderTexts() {
    return { summary: t("people_reminder_summary"), summaryNoPlace: t("people_reminder_summary_no_place") };
  }

  function download(text, file, type) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = file;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function fileSlug(text) {
    return folded(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "person";
  }

  function personIcs(id) {
    var person = get(id);
    if (!person) return null;
    return core.calendar.buildCalendar({
      events: [reminderEvent(person, id, reminderTexts(), localToday())],
      prodid: "-//Networking Playbook//People I met//EN",
    });
  }

  function remindPerson(id) {
    var person = get(id);
    var ics = personIcs(id);
    if (!ics) return "";
    var file = "follow-up-" + fileSlug(person.name) + "-" + (person.due || localToday()) + ".ics";
    download(ics, file, "text/calendar;charset=utf-8");
    return file;
  }

  function remindAll() {
    var due = all().filter(function (person) { return person.due; });
    if (!due.length) return "";
    var today = localToday();
    var ics = core.calendar.buildCalendar({
      events: sortPeople(due).map(function (person) {
        return reminderEvent(person, person.id, reminderTexts(), today);
      }),
      prodid: "-//Networking Playbook//People I met//EN",
    });
    var file = "follow-ups-" + today + ".ics";
    download(ics, file, "text/calendar;charset=utf-8");
    return file;
  }

  var people = {
    list: list,
    get: get,
    save: save,
    add: add,
    remove: remove,
    undo: undo,
    profile: profile,
    saveProfile: saveProfile,
    checkSend: apiCheckSend,
    markSent: apiMarkSent,
    whenReady: whenReady,
    personIcs: personIcs,
    remindPerson: remindPerson,
    dueState: function (person) { return dueState(person, localToday()); },
    peopleUrl: function () { return peopleUrl(); },
  };

  /** The People page's address from this page (the data block's people_url, from the root). */
  function peopleUrl() {
    var relative = settings().people_url || "people/";
    var root = core.siteRoot();
    try {
      return new URL(relative, root || window.location.href).href;
    } catch (error) {
      return relative;
    }
  }

  /* The widgets ------------------------------------------------------------------------- */

  var ACTION = "data-playbook-action";
  var READY = "data-playbook-ready";
  var scriptSrc = document.currentScript ? document.currentScript.src : "";

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
    var state = dueState(person, today);
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
    var touch = touchState(person, today, cadence());
    if (touch !== "ok") {
      var period = keepInTouch(person, cadence());
      item.appendChild(element("p", "playbook-person__touch playbook-person__touch--" + touch,
        t(touch === "past-latest" ? "people_touch_past_latest" : "people_touch_past_ideal",
          { days: touch === "past-latest" ? period[1] : period[0] })));
    }
    var met = person.met_at
      ? t("people_met", { place: person.met_at, date: showDate(person.met_on) })
      : t("people_met_no_place", { date: showDate(person.met_on) });
    var contact = lastContact(person);
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
    ["next_step", "text"], ["contact", "text"], ["due", "date"], ["due_step", "text"]];

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
      input.value = person[pair[0]] || "";
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
    var shown = 0;
    log.items.forEach(function (entry) {
      var visible = !query || matches(entry.text, query);
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
    var everyone = list();
    var today = localToday();
    var fragment = document.createDocumentFragment();
    log.items = everyone.map(function (person) {
      var node = personItem(person, today);
      fragment.appendChild(node);
      return { node: node, text: searchText(person) };
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
    var id = add(fields);
    if (!id) return;
    var person = get(id);
    say(log.widget, t("people_added", {
      name: person.name, step: person.due_step, date: showDate(person.due),
    }));
    resetForm(log, list());
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
    var person = id ? get(id) : null;
    var today = localToday();
    var options = { cadence: cadence(), steps: steps(), now: nowStamp(), title: t("people_log_talk") };
    if (action === "talked" && person) {
      var talkedTo = talked(person, today, options);
      write(id, talkedTo);
      say(log.widget, t("people_talked_done", { name: person.name, step: talkedTo.due_step, date: showDate(talkedTo.due) }));
      focusPerson(log, id, "talked");
    } else if (action === "replied" && person) {
      var answered = replied(person, today, options);
      write(id, answered);
      say(log.widget, t("people_replied_done", { name: person.name, step: answered.due_step, date: showDate(answered.due) }));
      focusPerson(log, id, "edit-person");
    } else if (action === "remind-person" && person) {
      say(log.widget, t("people_reminder_saved", { file: remindPerson(id) }));
    } else if (action === "remind-all") {
      var file = remindAll();
      say(log.widget, file ? t("people_reminder_saved", { file: file }) : t("people_remind_none"));
    } else if (action === "edit-person" && person) {
      editForm(item, person);
    } else if (action === "cancel-edit" && id) {
      renderLog(log);
      focusPerson(log, id);
    } else if (action === "delete-person" && person) {
      var token = remove(id);
      say(log.widget, t("people_deleted", { name: person.name }));
      var area = undoArea(log);
      while (area.firstChild) area.removeChild(area.firstChild);
      var undoButton = button("undo-delete", t("people_undo"));
      undoButton.setAttribute("data-token", token);
      undoButton.setAttribute("aria-label", t("people_undo") + ", " + person.name);
      area.appendChild(undoButton);
      undoButton.focus();
    } else if (action === "undo-delete") {
      var kept = undoable[control.getAttribute("data-token")];
      var restored = undo(control.getAttribute("data-token"));
      control.parentNode.removeChild(control);
      if (restored) {
        say(log.widget, t("people_restored", { name: kept.person.name }));
        focusPerson(log, restored);
      }
    } else if (action === "transfer") {
      transfer(log);
    } else if (action === "transfer-file") {
      saveFile(log);
    } else if (action === "transfer-copy") {
      copyLink(log);
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
      edit.parentNode.removeChild(edit);
      save(values);
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
    if (log.search) log.search.addEventListener("input", function () { applySearch(log); });
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
      var values = profile();
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
      saveProfile(values);
    });
    profiles.push({ section: section, load: load });
    load();
  }

  var profiles = [];

  /* "Due this week": one per [data-playbook-people-due] ------------------------------------ */

  function renderDue(node) {
    var today = localToday();
    var due = dueWithin(all(), today, 7);
    var status = node.querySelector(".playbook-people-due__status");
    var listNode = node.querySelector(".playbook-people-due__list");
    var page = node.querySelector("a[href]");
    var base = page ? page.href.split("#")[0] : peopleUrl();
    status.textContent = due.length ? t("people_due_count", { count: due.length }) : t("people_due_none");
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

  /* Send to my phone: the data in the link's fragment, which browsers never send ------------ */

  function exportPayload() {
    return {
      format: core.contract.exportFormat,
      version: core.contract.exportVersion,
      namespace: core.namespace(),
      exported: nowStamp(),
      data: core.store.entries(),
    };
  }

  function toBase64Url(bytes) {
    var binary = "";
    for (var index = 0; index < bytes.length; index += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(index, index + 0x8000));
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(binary.length);
    for (var index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return bytes;
  }

  function through(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer()
      .then(function (buffer) { return new Uint8Array(buffer); });
  }

  function canCompress() {
    return typeof window.CompressionStream === "function" && typeof window.DecompressionStream === "function";
  }

  /** The transfer link for this data: a promise of the URL. */
  function transferLink(payload) {
    var bytes = new TextEncoder().encode(JSON.stringify(payload));
    return through(bytes, new window.CompressionStream("deflate-raw")).then(function (packed) {
      return peopleUrl().split("#")[0] + "#" + core.contract.transferFragment + "=" + toBase64Url(packed);
    });
  }

  var qrLoading = null;

  /** The vendored QR encoder (assets/vendor), loaded the first time a reader asks. */
  function loadQr() {
    if (window.qrcode) return Promise.resolve(window.qrcode);
    if (qrLoading) return qrLoading;
    qrLoading = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL("../vendor/qrcode-generator.js", scriptSrc || window.location.href).href;
      script.onload = function () { resolve(window.qrcode); };
      script.onerror = function () { qrLoading = null; reject(new Error("QR encoder missing")); };
      document.head.appendChild(script);
    });
    return qrLoading;
  }

  var SVG = "http://www.w3.org/2000/svg";

  /** The QR code as SVG squares, drawn with DOM calls (no markup from strings). */
  function qrSvg(qrcode, text) {
    var code = qrcode(0, "L");
    code.addData(text, "Byte");
    code.make();
    var size = code.getModuleCount();
    var border = 4;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + (size + 2 * border) + " " + (size + 2 * border));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", t("transfer_qr_label"));
    svg.setAttribute("class", "playbook-people__qr");
    var background = document.createElementNS(SVG, "rect");
    background.setAttribute("width", "100%");
    background.setAttribute("height", "100%");
    background.setAttribute("fill", "#fff");
    svg.appendChild(background);
    var path = [];
    for (var row = 0; row < size; row++) {
      for (var column = 0; column < size; column++) {
        if (code.isDark(row, column)) path.push("M" + (column + border) + " " + (row + border) + "h1v1h-1z");
      }
    }
    var dark = document.createElementNS(SVG, "path");
    dark.setAttribute("d", path.join(""));
    dark.setAttribute("fill", "#000");
    svg.appendChild(dark);
    return svg;
  }

  function transferPanel(log) {
    var panel = log.widget.querySelector("[data-playbook-transfer]");
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    panel.hidden = false;
    return panel;
  }

  function offerFile(panel, text) {
    panel.appendChild(element("p", "", text));
    var line = element("p");
    line.appendChild(button("transfer-file", t("transfer_save_file")));
    panel.appendChild(line);
  }

  function transfer(log) {
    var panel = transferPanel(log);
    if (!canCompress()) {
      offerFile(panel, t("transfer_unsupported"));
      return;
    }
    var limit = core.contract.qrLimitBytes;
    transferLink(exportPayload()).then(function (url) {
      if (url.length > limit) {
        offerFile(panel, t("transfer_too_large", { size: url.length, limit: limit }));
        return null;
      }
      return loadQr().then(function (qrcode) {
        panel.appendChild(element("p", "", t("transfer_intro")));
        if (window.location.protocol === "file:") panel.appendChild(element("p", "playbook-people__note", t("transfer_local_file")));
        panel.appendChild(qrSvg(qrcode, url));
        var line = element("p", "playbook-people__link");
        var label = element("label", "", t("transfer_link_label"));
        label.setAttribute("for", "playbook-transfer-link");
        var input = element("input");
        input.id = "playbook-transfer-link";
        input.readOnly = true;
        input.value = url;
        line.appendChild(label);
        line.appendChild(input);
        line.appendChild(document.createTextNode(" "));
        line.appendChild(button("transfer-copy", t("transfer_copy")));
        panel.appendChild(line);
      });
    }).catch(function () {
      offerFile(panel, t("transfer_unsupported"));
    });
  }

  function copyLink(log) {
    var input = log.widget.querySelector("#playbook-transfer-link");
    if (!input) return;
    input.select();
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(input.value).then(function () { say(log.widget, t("transfer_copied")); });
    }
  }

  function saveFile(log) {
    var payload = exportPayload();
    var file = payload.namespace + "-" + localToday() + ".json";
    download(JSON.stringify(payload, null, 2) + "\n", file, "application/json");
    say(log.widget, t("transfer_file_saved", { file: file }));
  }

  /** A page opened from a transfer link: ask, then merge as an import does; the fragment goes
   * from the address either way (it holds the reader's data). */
  function receiveTransfer() {
    var mark = "#" + core.contract.transferFragment + "=";
    var hash = window.location.hash;
    if (hash.indexOf(mark) !== 0) return;
    var packed = hash.slice(mark.length);
    window.history.replaceState(window.history.state, "", window.location.href.split("#")[0]);
    var widget = document.querySelector("[data-playbook-people]") || document.body;
    function report(text) {
      if (widget !== document.body) say(widget, text);
      else core.notice("data_notice", text);
    }
    if (!canCompress()) {
      report(t("transfer_unsupported"));
      return;
    }
    var bytes;
    try {
      bytes = fromBase64Url(packed);
    } catch (error) {
      report(t("transfer_broken"));
      return;
    }
    through(bytes, new window.DecompressionStream("deflate-raw")).then(function (plain) {
      var text = new TextDecoder().decode(plain);
      var payload = JSON.parse(text);
      var count = payload && payload.data && typeof payload.data === "object" ? Object.keys(payload.data).length : 0;
      if (!window.confirm(t("transfer_confirm", { count: count }))) {
        report(t("transfer_declined"));
        return;
      }
      core.feature("checklists", function (checklists) { checklists.importText(text, report); });
    }).catch(function () {
      report(t("transfer_broken"));
    });
  }

  var setUpWidgets = function (root) {
    (root || document).querySelectorAll("[data-playbook-people]").forEach(setUpLog);
    (root || document).querySelectorAll("[data-playbook-people-due]").forEach(setUpDue);
    receiveTransfer();
  };

  function start(found) {
    if (core || found.registered("people")) return; /* this script ran twice */
    core = found;
    found.people = people;
    document.addEventListener("playbook:datachange", changed);
    document.addEventListener("playbook:peoplechange", refresh);
    found.register("people", { setUp: function (root) { setUpWidgets(root); }, api: people });
  }

  /* The core may not be there yet (this script listed before it): it picks us up. */
  if (window.Playbook && window.Playbook.register) {
    start(window.Playbook);
  } else {
    (window.playbookPending = window.playbookPending || []).push(start);
  }
})();
