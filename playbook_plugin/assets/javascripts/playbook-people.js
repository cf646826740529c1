/* Networking Playbook, feature "people": the people a reader met, what they talked about,
 * the next step and when to follow up, by the cadence the site's author set (follow_up: in
 * mkdocs.yml). Kept in this browser only, under playbook:<namespace>:person:<id>.
 * A classic script (module scripts do not load from file://). The pure part below (records,
 * business days, the cadence, sorting, search, the checks before marking a message sent) is
 * exported under Node for tests/node/people.test.js; in a browser core.js loads this script on
 * pages with the log, a generator or the "due this week" list, and it exposes
 * window.Playbook.people to the other features. The log's page itself (the form, the list,
 * the transfer to a phone) is playbook-people-log.js, loaded only where the log is.
 * Whatever the reader types is only ever written with textContent, value or setAttribute. */
(function () {
  "use strict";

  var hasOwn = Object.prototype.hasOwnProperty;
  var DAY = 86400000;

  var DEFAULT_CADENCE = {
    thank_within_hours: 24,
    first_follow_up_business_days: 3,
    nudge_after_days: 14,
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

  function maxDate(a, b) {
    return a > b ? a : b;
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
        /* Never sooner than the working days allow, and as long as the play says to wait. */
        person.due = maxDate(addBusinessDays(date, rules.first_follow_up_business_days),
          addDays(date, rules.nudge_after_days));
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
   * {step}, {place}, and keep: the step when the person has none, in the page's language. */
  function reminderEvent(person, id, texts, today) {
    var step = person.due_step || person.next_step || texts.keep || DEFAULT_STEPS.keep;
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
    keepInTouch: keepInTouch,
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

  /** The people as the API hands them out: fresh objects (the store parses them anew each
   * time), each with its id (core.js reads them). */
  function all() {
    return core.peopleStore.all();
  }

  function list() {
    return sortPeople(all());
  }

  function get(id) {
    return core.peopleStore.get(id);
  }

  function withId(id, person) {
    person.id = id;
    return person;
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
    return core.peopleStore.profile();
  }

  function saveProfile(values) {
    return core.peopleStore.saveProfile(values);
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

  /** "We talked today": logs a talk and keeps in touch; returns the person. */
  function apiTalked(id) {
    var person = get(id);
    if (!person) return null;
    var result = talked(person, localToday(), {
      cadence: cadence(), steps: steps(), now: nowStamp(), title: t("people_log_talk"),
    });
    write(id, result);
    return withId(id, result);
  }

  /** "They replied": no more nudges; returns the person. */
  function apiReplied(id) {
    var person = get(id);
    if (!person) return null;
    var result = replied(person, localToday(), { cadence: cadence(), steps: steps(), now: nowStamp() });
    write(id, result);
    return withId(id, result);
  }

  function whenReady(callback) {
    core.feature("people", function () { callback(window.Playbook.people); });
  }

  /* Reminders: one calendar file per person, one with every follow-up ---------------------- */

  function reminderTexts() {
    return {
      summary: t("people_reminder_summary"),
      summaryNoPlace: t("people_reminder_summary_no_place"),
      keep: t("people_step_keep"),
    };
  }

  function fileSlug(text) {
    return folded(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "person";
  }

  /** Downloads a calendar file with the person's next step; calls back with its name. */
  function remindPerson(id, done) {
    var person = get(id);
    if (!person) {
      done("");
      return;
    }
    core.need("calendar", function (calendar) {
      var ics = calendar.buildCalendar({
        events: [reminderEvent(person, id, reminderTexts(), localToday())],
        prodid: "-//Networking Playbook//People I met//EN",
      });
      var file = "follow-up-" + fileSlug(person.name) + "-" + (person.due || localToday()) + ".ics";
      core.download(ics, file, "text/calendar;charset=utf-8");
      done(file);
    });
  }

  /** Downloads one calendar file with every follow-up; calls back with its name ("" if none). */
  function remindAll(done) {
    var due = all().filter(function (person) { return person.due; });
    if (!due.length) {
      done("");
      return;
    }
    var today = localToday();
    core.need("calendar", function (calendar) {
      var ics = calendar.buildCalendar({
        events: sortPeople(due).map(function (person) {
          return reminderEvent(person, person.id, reminderTexts(), today);
        }),
        prodid: "-//Networking Playbook//People I met//EN",
      });
      var file = "follow-ups-" + today + ".ics";
      core.download(ics, file, "text/calendar;charset=utf-8");
      done(file);
    });
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
    remindPerson: remindPerson,
    remindAll: remindAll,
    talked: apiTalked,
    replied: apiReplied,
    cadence: cadence,
    dueState: function (person) { return dueState(person, localToday()); },
    peopleUrl: function () { return core.peopleStore.url(); },
    /* The pure functions, for the log's page (playbook-people-log.js). */
    model: api,
  };

  function start(found) {
    if (core || found.registered("people")) return; /* this script ran twice */
    core = found;
    found.people = people;
    document.addEventListener("playbook:datachange", changed);
    /* The log and the "due this week" list are drawn by playbook-people-log.js. */
    found.register("people", { setUp: function () {}, api: people });
  }

  /* The core may not be there yet (this script listed before it): it picks us up. */
  if (window.Playbook && window.Playbook.register) {
    start(window.Playbook);
  } else {
    (window.playbookPending = window.playbookPending || []).push(start);
  }
})();
