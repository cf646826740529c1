/* The People log's model: records, the cadence in business days, the order of the list,
 * search, the checks before marking a message sent, and what the import reads of a person. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const people = require("../../playbook_plugin/assets/javascripts/playbook-people.js");
const core = require("../../playbook_plugin/assets/javascripts/core.js");
const calendar = require("../../playbook_plugin/assets/javascripts/playbook-calendar.js");

const CADENCE = {
  thank_within_hours: 24,
  first_follow_up_business_days: 3,
  nudge_after_days: 14,
  nudges_without_reply: 2,
  keep_in_touch_days: [30, 90],
};
const STEPS = { thank: "Thank them", nudge: "Nudge", keep: "Keep in touch" };
const NOW = "2026-11-27T10:00:00.000Z";

function ana(extra) {
  const person = people.newPerson(
    { name: " Ana Ruiz ", met_at: "Data meetup", met_on: "2026-11-27", talked_about: "maps",
      next_step: "send the article on maps", contact: "ana@example.org" },
    { cadence: CADENCE, steps: STEPS, today: "2026-11-28", now: NOW },
  );
  return Object.assign(person, extra || {});
}

function sent(person, kind, date) {
  return people.markSent(person, { template: "t", title: "T", kind, channel: "email", text: "Hi", date },
    { cadence: CADENCE, steps: STEPS, now: NOW });
}

test("business days skip the weekend", () => {
  assert.equal(people.addBusinessDays("2026-11-27", 3), "2026-12-02"); // Friday -> Wednesday
  assert.equal(people.addBusinessDays("2026-11-28", 1), "2026-11-30"); // Saturday -> Monday
  assert.equal(people.addBusinessDays("2026-12-31", 1), "2027-01-01");
  assert.equal(people.businessDaysBetween("2026-11-27", "2026-11-30"), 1);
  assert.equal(people.businessDaysBetween("2026-11-27", "2026-12-02"), 3);
  assert.equal(people.businessDaysBetween("2026-12-02", "2026-11-27"), 0);
});

test("a new person is due for a thank-you within the cadence's hours of the meeting", () => {
  const person = ana();
  assert.equal(person.name, "Ana Ruiz");
  assert.equal(person.due, "2026-11-28");
  assert.equal(person.due_step, "Thank them");
  assert.deepEqual(person.log, []);
  const later = people.newPerson({ name: "Bo" },
    { cadence: Object.assign({}, CADENCE, { thank_within_hours: 48 }), steps: STEPS, today: "2026-11-28", now: NOW });
  assert.equal(later.met_on, "2026-11-28", "when defaults to today");
  assert.equal(later.due, "2026-11-30");
});

test("after a thank-you the next step is due after the first follow-up's business days", () => {
  const { person, warnings } = sent(ana(), "thank-you", "2026-11-27");
  assert.deepEqual(warnings, []);
  assert.equal(person.log.length, 1);
  assert.deepEqual(person.log[0], { date: "2026-11-27", template: "t", title: "T", kind: "thank-you",
    channel: "email", text: "Hi" });
  assert.equal(person.due, "2026-12-02");
  assert.equal(person.due_step, "send the article on maps");
});

test("after a thank-you with no next step, keep in touch after the ideal period", () => {
  const { person } = sent(ana({ next_step: "" }), "thank-you", "2026-11-27");
  assert.equal(person.due, "2026-12-27");
  assert.equal(person.due_step, "Keep in touch");
});

test("follow-ups without reply nudge until the limit, then rest until the latest period", () => {
  let person = sent(ana(), "thank-you", "2026-11-27").person;
  const first = sent(person, "follow-up", "2026-12-02");
  assert.deepEqual(first.warnings, []);
  person = first.person;
  assert.equal(person.nudges, 1);
  assert.equal(person.due, "2026-12-16", "the play: two weeks before a nudge");
  const second = sent(person, "follow-up", "2026-12-16");
  assert.deepEqual(second.warnings, []);
  person = second.person;
  assert.equal(person.nudges, 2);
  assert.equal(person.due, "2027-03-16", "rests for the latest keep-in-touch period");
  assert.equal(person.due_step, "Keep in touch");
  const third = people.checkSend(person, { kind: "follow-up", date: "2026-12-30" }, CADENCE);
  assert.deepEqual(third.map((warning) => warning.id), ["third-nudge"]);
});

test("a follow-up sooner than the business days after the last message is too soon", () => {
  const person = sent(ana(), "thank-you", "2026-11-27").person;
  const warnings = people.checkSend(person, { kind: "follow-up", date: "2026-12-01" }, CADENCE);
  assert.deepEqual(warnings, [{ id: "too-soon", values: { days: 3, earliest: "2026-12-02" } }]);
  assert.deepEqual(people.checkSend(person, { kind: "follow-up", date: "2026-12-02" }, CADENCE), []);
  assert.deepEqual(people.checkSend(person, { kind: "update", date: "2026-11-28" }, CADENCE), []);
});

test("a reply or a talk resets the nudges; a talk counts as the last contact", () => {
  let person = sent(sent(ana(), "thank-you", "2026-11-27").person, "follow-up", "2026-12-02").person;
  person = people.replied(person, "2026-12-03", { cadence: CADENCE, steps: STEPS, now: NOW });
  assert.equal(person.nudges, 0);
  assert.equal(person.replied, true);
  assert.deepEqual(people.checkSend(person, { kind: "follow-up", date: "2026-12-20" }, CADENCE), []);
  person = people.talked(person, "2027-01-10", { cadence: CADENCE, steps: STEPS, now: NOW, title: "Talked" });
  assert.equal(people.lastContact(person), "2027-01-10");
  assert.equal(person.due, "2027-02-09");
  assert.equal(person.log[person.log.length - 1].kind, "talk");
});

test("updates, shares and reconnects keep in touch, by the person's own period if set", () => {
  const person = sent(ana({ keep_in_touch_days: [14, 60] }), "share", "2026-11-27").person;
  assert.equal(person.due, "2026-12-11");
  assert.equal(people.touchState(person, "2026-12-20", CADENCE), "past-ideal");
  assert.equal(people.touchState(person, "2027-02-01", CADENCE), "past-latest");
  assert.equal(people.touchState(person, "2026-12-01", CADENCE), "ok");
});

test("the list puts overdue first, then due soon, then the rest, then no date", () => {
  const list = people.sortPeople([
    { name: "Later", due: "2027-02-01" },
    { name: "None", due: "" },
    { name: "Soon", due: "2026-12-02" },
    { name: "Overdue", due: "2026-11-01" },
    { name: "Also soon", due: "2026-12-02" },
  ]);
  assert.deepEqual(list.map((person) => person.name), ["Overdue", "Also soon", "Soon", "Later", "None"]);
  assert.equal(people.dueState({ due: "2026-11-01" }, "2026-11-28"), "overdue");
  assert.equal(people.dueState({ due: "2026-12-05" }, "2026-11-28"), "soon");
  assert.equal(people.dueState({ due: "2027-02-01" }, "2026-11-28"), "later");
  assert.equal(people.dueState({ due: "" }, "2026-11-28"), "none");
  const due = people.dueWithin(list, "2026-11-28", 7).map((person) => person.name);
  assert.deepEqual(due, ["Overdue", "Also soon", "Soon"]);
});

test("search finds a person by name, place or topic, every word, accents ignored", () => {
  const person = ana({ name: "José Núñez", talked_about: "Open data in cities" });
  assert.ok(people.matches(person, "jose"));
  assert.ok(people.matches(person, "NUÑEZ meetup"));
  assert.ok(people.matches(person, "open cities"));
  assert.ok(!people.matches(person, "jose berlin"));
  assert.ok(people.matches(person, ""));
});

test("ids are lower-case letters and digits the storage keys accept", () => {
  const id = people.newId(Date.UTC(2026, 10, 29), 0.5);
  assert.match(id, /^p[a-z0-9]+$/);
  assert.equal(core.keyProblem("person:" + id), null);
  assert.notEqual(people.newId(1, 0.1), people.newId(1, 0.2));
});

test("a reminder names the person, the next step and where they met", () => {
  const person = sent(ana(), "thank-you", "2026-11-27").person;
  const event = people.reminderEvent(person, "p1", {
    summary: "Follow up with {name}: {step} ({place})", summaryNoPlace: "Follow up with {name}: {step}",
  }, "2026-11-28");
  assert.equal(event.summary, "Follow up with Ana Ruiz: send the article on maps (Data meetup)");
  assert.equal(event.description, "send the article on maps");
  assert.equal(event.date, "2026-12-02");
  const ics = calendar.buildCalendar({ events: [event, Object.assign({}, event, { uid: "x" })] });
  assert.equal((ics.match(/BEGIN:VEVENT/g) || []).length, 2);
});

test("a reminder for someone with no next step says the page's keep-in-touch step", () => {
  const event = people.reminderEvent({ name: "Léa", met_at: "", due: "2026-12-02" }, "p2", {
    summary: "Relancer {name} : {step} ({place})", summaryNoPlace: "Relancer {name} : {step}",
    keep: "Garder le contact",
  }, "2026-11-28");
  assert.equal(event.summary, "Relancer Léa : Garder le contact");
});

test("the import reads people, the profile and per-person drafts, and keeps unknown fields", () => {
  assert.equal(core.keyProblem("profile"), null);
  assert.equal(core.keyProblem("profile:x"), "key_kind");
  assert.equal(core.keyProblem("draft:pabc:thank-you"), null);
  assert.equal(core.keyProblem("draft:pabc"), "key_name");
  assert.equal(core.keyProblem("draft:p/x:thank-you"), "key_name");
  assert.equal(core.keyProblem("person:Bad Id"), "key_name");
  const read = core.normalEntry("person:p1", {
    name: "Ana", met_on: "yesterday", nudges: -1, colour: "blue",
    log: [{ date: "2026-11-27", text: 5, mood: "good" }, { text: "no date" }],
  });
  assert.equal(read.name, "Ana");
  assert.equal(read.met_on, "", "a date it cannot read is left out");
  assert.equal(read.nudges, 0);
  assert.equal(read.colour, "blue", "a field from a newer page is kept");
  assert.deepEqual(read.log, [{ date: "2026-11-27", mood: "good" }]);
  assert.equal(core.normalEntry("person:p1", { met_at: "no name" }), null);
  const plain = (value) => JSON.parse(JSON.stringify(value));
  assert.deepEqual(plain(core.normalEntry("profile", { values: { your_name: "Sam", age: 3 } })),
    { values: { your_name: "Sam" } });
  assert.deepEqual(plain(core.normalEntry("draft:p1:thanks", { values: { name: "Ana" }, date: "", text: "Hi Ana" })),
    { values: { name: "Ana" }, date: "", text: "Hi Ana" });
  assert.deepEqual(plain(core.normalEntry("message:thanks", { values: {}, date: "", text: 3 })),
    { values: {}, date: "" });
  const person = ana();
  assert.deepEqual(core.normalEntry("person:p1", person), person, "a saved person reads back unchanged");
});
