/* What the buttons produce: the mailto link, the calendar file, the default reminder date. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { messages } = require("./vectors.js");

const OPTIONS = {
  uid: "abc@networking-playbook",
  date: "2027-03-01",
  summary: "Follow up: Thank-you after a meeting, \u00e9t\u00e9; caf\u00e9 \u2615 " + "\u00e9".repeat(60),
  description: "Hi Grace,\n\nThanks; it was great, truly.\\",
  alarm: "Time to follow up",
  now: new Date(Date.UTC(2027, 1, 3, 4, 5, 6)),
};

function unfold(ics) {
  return ics.replace(/\r\n /g, "");
}

test("the calendar file has CRLF line ends and no line over 75 octets", () => {
  const ics = messages.buildIcs(OPTIONS);
  assert.ok(ics.endsWith("\r\n"));
  assert.ok(!/[^\r]\n/.test(ics), "a bare LF");
  for (const line of ics.split("\r\n")) {
    assert.ok(Buffer.byteLength(line, "utf8") <= 75, `too long: ${line}`);
  }
});

test("folding never splits a UTF-8 sequence and unfolds to the original", () => {
  const ics = messages.buildIcs(OPTIONS);
  for (const line of ics.split("\r\n")) {
    assert.ok(!line.includes("\ufffd"));
    assert.equal(Buffer.from(line, "utf8").toString("utf8"), line);
  }
  const expected = "SUMMARY:Follow up: Thank-you after a meeting\\, \u00e9t\u00e9\\; caf\u00e9 \u2615 " +
    "\u00e9".repeat(60);
  assert.ok(unfold(ics).split("\r\n").includes(expected));
});

test("an all-day event with the required properties", () => {
  const lines = unfold(messages.buildIcs(OPTIONS)).split("\r\n");
  for (const line of ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:abc@networking-playbook",
    "DTSTAMP:20270203T040506Z", "DTSTART;VALUE=DATE:20270301", "DTEND;VALUE=DATE:20270302",
    "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT9H", "DESCRIPTION:Time to follow up",
    "END:VALARM", "END:VEVENT", "END:VCALENDAR"]) {
    assert.ok(lines.includes(line), line);
  }
  assert.ok(lines.some((line) => line.startsWith("PRODID:")));
  assert.ok(lines.includes("DESCRIPTION:Hi Grace\\,\\n\\nThanks\\; it was great\\, truly.\\\\"));
});

test("a to-do is due on the chosen date", () => {
  const lines = unfold(messages.buildIcs(Object.assign({}, OPTIONS, { component: "VTODO" }))).split("\r\n");
  assert.ok(lines.includes("BEGIN:VTODO"));
  assert.ok(lines.includes("DUE;VALUE=DATE:20270301"));
  assert.ok(lines.includes("TRIGGER;RELATED=END:PT9H"));
  assert.ok(!lines.some((line) => line.startsWith("DTSTART")));
});

test("the event ends the next day, across a month and a year", () => {
  const ics = messages.buildIcs(Object.assign({}, OPTIONS, { date: "2027-12-31" }));
  assert.ok(ics.includes("DTEND;VALUE=DATE:20280101\r\n"));
});

test("the mailto link encodes subject and body with CRLF newlines", () => {
  assert.equal(
    messages.mailtoHref({ subject: "Thanks & more", body: "Hi Sam,\nsee you?\r\n\u00e9 #1" }),
    "mailto:?subject=Thanks%20%26%20more&body=Hi%20Sam%2C%0D%0Asee%20you%3F%0D%0A%C3%A9%20%231",
  );
  assert.equal(messages.mailtoHref({ body: "x" }), "mailto:?body=x");
});

test("a follow-up delay lands on the same day, or the month's last", () => {
  assert.equal(messages.addDuration("2027-03-01", { amount: 3, unit: "day" }), "2027-03-04");
  assert.equal(messages.addDuration("2027-12-25", { amount: 2, unit: "week" }), "2028-01-08");
  assert.equal(messages.addDuration("2024-01-31", { amount: 1, unit: "month" }), "2024-02-29");
  assert.equal(messages.addDuration("2027-11-30", { amount: 3, unit: "month" }), "2028-02-29");
});
