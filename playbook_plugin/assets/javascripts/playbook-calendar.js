/* Networking Playbook, feature "calendar": calendar files (RFC 5545) for every reminder a reader
 * downloads (a note's follow-up, a person's next step, every follow-up at once).
 * A classic script (module scripts do not load from file://) that core.js loads the first time
 * a reader asks for a reminder (Playbook.need("calendar", ...)). Under Node it exports the same
 * functions for the tests. */
(function () {
  "use strict";

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) text = "0" + text;
    return text;
  }

  function icsText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");
  }

  function utf8Length(ch) {
    var code = ch.codePointAt(0);
    return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }

  /* Lines of at most 75 octets; a continuation starts with a space, which counts. */
  function foldLine(line) {
    var lines = [];
    var current = "";
    var octets = 0;
    Array.from(line).forEach(function (ch) {
      var size = utf8Length(ch);
      if (octets + size > 75) {
        lines.push(current);
        current = " ";
        octets = 1;
      }
      current += ch;
      octets += size;
    });
    lines.push(current);
    return lines.join("\r\n");
  }

  function compactDate(dateText) {
    return dateText.replace(/-/g, "");
  }

  function nextDay(dateText) {
    var parts = dateText.split("-").map(Number);
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] + 1));
    return pad(date.getUTCFullYear(), 4) + pad(date.getUTCMonth() + 1, 2) + pad(date.getUTCDate(), 2);
  }

  function utcStamp(date) {
    return pad(date.getUTCFullYear(), 4) + pad(date.getUTCMonth() + 1, 2) + pad(date.getUTCDate(), 2) +
      "T" + pad(date.getUTCHours(), 2) + pad(date.getUTCMinutes(), 2) + pad(date.getUTCSeconds(), 2) + "Z";
  }

  /* One event or to-do: {uid, date: "YYYY-MM-DD", summary, description, alarm,
   * component: "VEVENT" (default, all-day) or "VTODO"}. */
  function icsComponent(event, stamp) {
    var component = event.component === "VTODO" ? "VTODO" : "VEVENT";
    var lines = ["BEGIN:" + component, "UID:" + event.uid, "DTSTAMP:" + stamp];
    if (component === "VTODO") {
      lines.push("DUE;VALUE=DATE:" + compactDate(event.date), "STATUS:NEEDS-ACTION");
    } else {
      lines.push("DTSTART;VALUE=DATE:" + compactDate(event.date),
        "DTEND;VALUE=DATE:" + nextDay(event.date), "TRANSP:TRANSPARENT");
    }
    lines.push("SUMMARY:" + icsText(event.summary));
    if (event.description) lines.push("DESCRIPTION:" + icsText(event.description));
    lines.push(
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      /* 09:00 on the day; a VTODO has only DUE to be relative to. */
      component === "VTODO" ? "TRIGGER;RELATED=END:PT9H" : "TRIGGER:PT9H",
      "DESCRIPTION:" + icsText(event.alarm || event.summary),
      "END:VALARM",
      "END:" + component
    );
    return lines;
  }

  /* A calendar of several events: options {events: [...], now (Date), prodid}. */
  function buildCalendar(options) {
    var stamp = utcStamp(options.now || new Date());
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:" + (options.prodid || "-//Networking Playbook//Message reminders//EN"),
      "CALSCALE:GREGORIAN",
    ];
    options.events.forEach(function (event) { lines = lines.concat(icsComponent(event, stamp)); });
    lines.push("END:VCALENDAR");
    return lines.map(foldLine).join("\r\n") + "\r\n";
  }

  /* A calendar of one event: the event's fields and now, prodid. */
  function buildIcs(options) {
    return buildCalendar({ events: [options], now: options.now, prodid: options.prodid });
  }

  var api = { buildIcs: buildIcs, buildCalendar: buildCalendar, foldLine: foldLine };

  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof window === "undefined" || typeof document === "undefined") return;

  function start(core) {
    if (!core.registered("calendar")) core.register("calendar", Object.assign({ setUp: function () {} }, api));
  }

  /* The core may not be there yet (this script listed before it): it picks us up. */
  if (window.Playbook && window.Playbook.register) {
    start(window.Playbook);
  } else {
    (window.playbookPending = window.playbookPending || []).push(start);
  }
})();
