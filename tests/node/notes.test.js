/* A person and the profile in a template's fields, the person's reminder, and the checks on
 * words the reader changed by hand (playbook-messages.js). Which field takes what is worked
 * out by the build (rules/people_fields.py); these take its result as the field data. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { messages } = require("./vectors.js");

const ANA = {
  name: "  Ana María Ruiz ",
  met_at: "the data meetup",
  met_on: "2026-11-24",
  talked_about: "survey design",
  next_step: "send the article on sampling",
  contact: "ana@example.org",
};
const FIELDS = [
  { name: "name", label: "Their first name", person: "first_name" },
  { name: "full", label: "Their full name", person: "name" },
  { name: "place", label: "Where you met", person: "met_at" },
  { name: "when", label: "When you met", person: "met_on" },
  { name: "topic", label: "What you talked about", person: "talked_about" },
  { name: "idea", label: "An idea of theirs" },
  { name: "my_name", label: "Your name", profile: "your_name" },
  { name: "about_me", label: "Who you are in a few words", profile: "school_or_role" },
];
const OPTIONS = { today: "2026-11-29", locale: "en-GB", phrase: "on {date}" };

test("a person fills the fields that map to them, the profile the 'about me' ones", () => {
  const filled = messages.filledValues(FIELDS, ANA, { your_name: "Leo Park", school_or_role: "" }, OPTIONS);
  assert.deepEqual(filled, {
    name: "Ana",
    full: "Ana María Ruiz",
    place: "the data meetup",
    when: "on Tuesday",
    topic: "survey design",
    my_name: "Leo Park",
  });
});

test("without a person only the profile fills in; an empty profile fills nothing", () => {
  assert.deepEqual(messages.filledValues(FIELDS, null, { your_name: "Leo" }, OPTIONS), { my_name: "Leo" });
  assert.deepEqual(messages.filledValues(FIELDS, null, {}, OPTIONS), {});
});

test("the day you met reads as a weekday within a week, else as a date", () => {
  const on = (date, today) => messages.personValue({ met_on: date }, "met_on", { ...OPTIONS, today });
  assert.equal(on("2026-11-29", "2026-11-29"), "on Sunday");
  assert.equal(on("2026-11-23", "2026-11-29"), "on Monday");
  assert.equal(on("2026-11-22", "2026-11-29"), "on 22 November");
  assert.equal(on("2025-12-30", "2026-01-04"), "on Tuesday");
  assert.equal(on("2025-11-30", "2026-01-04"), "on 30 November 2025");
  assert.equal(on("not a date", "2026-11-29"), "");
});

test("a person's reminder names them and the next step, and its text is the step", () => {
  const t = (key, values) => ({
    people_reminder_summary_no_place: "Follow up with {name}: {step}",
    people_reminder_summary: "Follow up with {name}: {step} ({place})",
    people_step_keep: "Keep in touch",
  })[key].replace(/\{(\w+)\}/g, (_, name) => values && name in values ? values[name] : `{${name}}`);
  assert.deepEqual(messages.personReminder(ANA, t), {
    summary: "Follow up with Ana María Ruiz: send the article on sampling (the data meetup)",
    description: "send the article on sampling",
  });
  const scheduled = { ...ANA, due_step: "ask how the survey went", met_at: "" };
  assert.equal(messages.personReminder(scheduled, t).summary, "Follow up with Ana María Ruiz: ask how the survey went");
  assert.equal(messages.personReminder({ name: "Ben" }, t).summary, "Follow up with Ben: Keep in touch");
});

test("words changed by hand are checked as they are, blanks left included", () => {
  const data = {
    channel: { name: "email" },
    relationship: "met",
    kind: "thank-you",
    checks: [
      { id: "placeholder-left", rule: "placeholders", severity: "error", params: {}, applies: {} },
      { id: "no-thanks", rule: "missing-any", severity: "warning", params: { words: ["thank*", "grateful"] },
        applies: { kinds: ["thank-you"] } },
    ],
  };
  const ids = (text) => messages.adviseText(data, text, {}).map((found) => found.id);
  assert.deepEqual(ids("Thanks, Ana. See you soon."), []);
  assert.deepEqual(ids("Hi [Their first name], see you soon."), ["placeholder-left", "no-thanks"]);
});
