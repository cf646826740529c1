/* Networking Playbook: message templates that turn into a personal note as the reader types.
 * A classic script (module scripts do not load from file://), no libraries, no eval.
 * The pure functions below mirror the Python side (template_subset.render_text,
 * channels.count_for, advice.evaluate); tests/ holds both to shared vectors. Under Node they
 * are exported for those tests; in a browser core.js loads this script on pages with a
 * generator, and sets every [data-playbook-message] up on each page.
 * Whatever the reader types is only ever written with textContent, value or setAttribute. */
(function () {
  "use strict";

  var hasOwn = Object.prototype.hasOwnProperty;

  /* Text the way Python sees it ------------------------------------------------------- */

  /* Python's str.isspace(): what str.strip() removes and what \s matches in re. */
  var PY_SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var PY_STRIP = new RegExp("^[" + PY_SPACE + "]+|[" + PY_SPACE + "]+$", "g");
  /* Jinja2's title filter splits words with ([-\s({\[<]+). */
  var TITLE_SPLIT = new RegExp("([-" + PY_SPACE + "({\\[<]+)");

  function firstCodePoint(text) {
    return text ? String.fromCodePoint(text.codePointAt(0)) : "";
  }

  /* A letter in title case (Python's str.title of the one letter) where that is not simply
   * its upper case; tests/test_template_property.py checks every such letter. */
  function titleChar(ch) {
    var code = ch.codePointAt(0);
    var upper = ch.toUpperCase();
    /* DŽ Dž dž, LJ Lj lj, NJ Nj nj, DZ Dz dz: the middle one of each three is the title case. */
    if ((code >= 0x1c4 && code <= 0x1cc) || (code >= 0x1f1 && code <= 0x1f3)) {
      return String.fromCharCode(code - ((code - (code < 0x1f1 ? 0x1c4 : 0x1f1)) % 3) + 1);
    }
    if (code >= 0x10d0 && code <= 0x10ff) return ch; /* Georgian letters are their own */
    /* Greek with a iota subscript keeps it, precomposed where Unicode has the letter. */
    if (code >= 0x1f80 && code <= 0x1faf) return String.fromCharCode(code | 8);
    if (code === 0x1fb3 || code === 0x1fc3 || code === 0x1ff3) return String.fromCharCode(code + 9);
    if (upper.length < 2) return upper;
    if (code === 0x1fbc || code === 0x1fcc || code === 0x1ffc) return ch;
    if (code >= 0x1f80 && upper.slice(-1) === "\u0399") return upper.slice(0, -1) + "\u0345";
    /* ß, ﬁ, և: the first letter in upper case, the rest lower; ŉ keeps its capital N. */
    var first = upper.charAt(0);
    return first === first.toLowerCase() ? upper : first + upper.slice(1).toLowerCase();
  }

  /* str.capitalize(): the first letter in title case, the rest lower case, where a final
   * sigma is judged in the whole string. */
  function capitalize(text) {
    var first = firstCodePoint(text);
    var lowered = text.toLowerCase();
    var firstLowered = first.toLowerCase();
    var rest = lowered.indexOf(firstLowered) === 0
      ? lowered.slice(firstLowered.length)
      : text.slice(first.length).toLowerCase();
    return titleChar(first) + rest;
  }

  function title(text) {
    return text.split(TITLE_SPLIT).filter(Boolean).map(function (item) {
      var first = firstCodePoint(item);
      return first.toUpperCase() + item.slice(first.length).toLowerCase();
    }).join("");
  }

  /* Rendering (template_subset.render_text) ------------------------------------------- */

  var MISSING = { missing: true };
  var BLANK = /^[ \t\n\r]*$/;

  function labelFromName(name) {
    var text = name.replace(/([a-z0-9])(?=[A-Z])/g, "$1 ").replace(/_/g, " ")
      .split(/\s+/).filter(Boolean).join(" ").toLowerCase();
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function isBlank(value) {
    return value === undefined || value === null || BLANK.test(String(value));
  }

  /* A blank shows "[Label]", or nothing when only the written words are wanted
   * (render_text(show_blanks=False)): what the counter counts and the checks read. */
  function blankText(name, labels, hideBlanks) {
    if (hideBlanks) return "";
    var label = labels && hasOwn.call(labels, name) && labels[name] ? labels[name] : labelFromName(name);
    return "[" + label + "]";
  }

  var FILTERS = {
    trim: function (text) { return text.replace(PY_STRIP, ""); },
    lower: function (text) { return text.toLowerCase(); },
    upper: function (text) { return text.toUpperCase(); },
    capitalize: capitalize,
    title: title,
  };

  function evaluate(node, values, labels, hideBlanks) {
    if (node.type === "str") return node.value;
    var raw = values && hasOwn.call(values, node.name) ? values[node.name] : undefined;
    var value = isBlank(raw) ? MISSING : String(raw);
    node.filters.forEach(function (filter) {
      if (filter.name === "default") {
        if (value === MISSING) value = filter.args.length ? filter.args[0] : "";
      } else if (hasOwn.call(FILTERS, filter.name)) {
        value = FILTERS[filter.name](value === MISSING ? blankText(node.name, labels, hideBlanks) : value);
      } else {
        throw new Error("unknown filter " + filter.name);
      }
    });
    return value;
  }

  function test(node, values, labels) {
    switch (node.type) {
      case "var":
        var value = evaluate(node, values, labels);
        return value !== MISSING && value !== "";
      case "not":
        return !test(node.operand, values, labels);
      case "and":
        return test(node.left, values, labels) && test(node.right, values, labels);
      case "or":
        return test(node.left, values, labels) || test(node.right, values, labels);
      case "compare":
        var left = evaluate(node.left, values, labels);
        var right = evaluate(node.right, values, labels);
        var equal = left !== MISSING && right !== MISSING && left === right;
        return node.op === "==" ? equal : !equal;
      default:
        throw new Error("unknown test " + node.type);
    }
  }

  function renderTemplate(ast, values, labels, options) {
    var hideBlanks = Boolean(options && options.hideBlanks);
    var out = [];
    (function walk(nodes) {
      nodes.forEach(function (node) {
        if (node.type === "text") {
          out.push(node.text);
        } else if (node.type === "var") {
          var value = evaluate(node, values, labels, hideBlanks);
          out.push(value === MISSING ? blankText(node.name, labels, hideBlanks) : value);
        } else if (node.type === "if") {
          var branch = node.branches.filter(function (candidate) {
            return test(candidate.test, values, labels);
          })[0];
          walk(branch ? branch.body : node["else"]);
        } else {
          throw new Error("unknown node " + node.type);
        }
      });
    })(ast);
    return out.join("");
  }

  /* Counting (channels.count_for) ----------------------------------------------------- */

  var WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
  var GSM_BASIC = "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5" +
    "\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u00c6\u00e6\u00df\u00c9" +
    " !\"#\u00a4%&'()*+,-./0123456789:;<=>?\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1" +
    "\u00dc\u00a7\u00bfabcdefghijklmnopqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0";
  var GSM_EXTENDED = "\f^{}\\[~]|\u20ac";
  var SMS_SINGLE = { "GSM-7": 160, "UCS-2": 70 };
  var SMS_PART = { "GSM-7": 153, "UCS-2": 67 };
  var WORDS_PER_MINUTE = 150;
  var segmenter = null;

  function countCharacters(text) {
    if (segmenter === null) {
      segmenter = typeof Intl !== "undefined" && Intl.Segmenter
        ? new Intl.Segmenter(undefined, { granularity: "grapheme" })
        : false;
    }
    return segmenter ? Array.from(segmenter.segment(text)).length : Array.from(text).length;
  }

  function words(text) {
    var found = [];
    var current = "";
    var joiner = "";
    Array.from(text).forEach(function (ch) {
      if (WORD_CHAR.test(ch)) {
        current += joiner + ch;
        joiner = "";
      } else if ((ch === "'" || ch === "\u2019") && current && !joiner) {
        joiner = ch;
      } else {
        if (current) found.push(current);
        current = "";
        joiner = "";
      }
    });
    if (current) found.push(current);
    return found;
  }

  function state(used, limit) {
    if (limit === null || limit === undefined || used * 10 < limit * 9) return "ok";
    return used <= limit ? "near" : "over";
  }

  function worst(a, b) {
    var order = ["ok", "near", "over"];
    return order.indexOf(a) >= order.indexOf(b) ? a : b;
  }

  function count(used, limit, unit, countState, extra) {
    var result = { used: used, limit: limit === undefined ? null : limit, unit: unit,
      state: countState, encoding: null, parts: null, seconds: null };
    Object.keys(extra || {}).forEach(function (key) { result[key] = extra[key]; });
    return result;
  }

  function smsCount(text) {
    var chars = Array.from(text);
    var gsm = chars.every(function (ch) {
      return GSM_BASIC.indexOf(ch) >= 0 || GSM_EXTENDED.indexOf(ch) >= 0;
    });
    var encoding = gsm ? "GSM-7" : "UCS-2";
    var costs = chars.map(function (ch) {
      return gsm ? (GSM_EXTENDED.indexOf(ch) >= 0 ? 2 : 1) : ch.length;
    });
    var used = costs.reduce(function (sum, cost) { return sum + cost; }, 0);
    var single = SMS_SINGLE[encoding];
    var parts = used === 0 ? 0 : 1;
    if (used > single) {
      /* An escaped character or a surrogate pair is never split between two parts. */
      var room = SMS_PART[encoding];
      costs.forEach(function (cost) {
        if (cost > room) {
          parts += 1;
          room = SMS_PART[encoding];
        }
        room -= cost;
      });
    }
    return count(used, single, "characters", state(used, single), { encoding: encoding, parts: parts });
  }

  function countFor(channel, text) {
    if (channel.counting === "sms") return smsCount(text);
    var wordCount = words(text).length;
    var maxWords = channel.max_words === undefined ? null : channel.max_words;
    if (channel.counting === "spoken") {
      return count(wordCount, maxWords, "words", state(wordCount, maxWords), {
        seconds: Math.ceil(wordCount * 60 / WORDS_PER_MINUTE),
      });
    }
    var maxChars = channel.max_chars === undefined ? null : channel.max_chars;
    if (maxChars === null && maxWords !== null) {
      return count(wordCount, maxWords, "words", state(wordCount, maxWords));
    }
    var used = countCharacters(text);
    return count(used, maxChars, "characters", worst(state(used, maxChars), state(wordCount, maxWords)));
  }

  function countSubject(channel, subject) {
    if (!channel.subject) return null;
    var used = countCharacters(subject);
    var limit = channel.subject_max_chars || channel.subject_warn_chars || null;
    return count(used, limit, "characters", state(used, limit));
  }

  /* Advice checks (advice.evaluate) --------------------------------------------------- */

  /* advice.PLACEHOLDER_PATTERN: a bracket with a letter in it, in the scripts it lists. */
  var PLACEHOLDER_PATTERN = "\\[[^\\[\\]\\n]*[A-Za-z\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff" +
    "\\u0590-\\u05ff\\u0600-\\u06ff\\u0900-\\u097f\\u0e00-\\u0e7f\\u3040-\\u30ff\\u3400-\\u4dbf" +
    "\\u4e00-\\u9fff\\uac00-\\ud7af][^\\[\\]\\n]*\\]";
  var patternCache = {};

  function pattern(source, caseSensitive) {
    var flags = caseSensitive ? "u" : "iu";
    var key = flags + "/" + source;
    if (!hasOwn.call(patternCache, key)) {
      try {
        patternCache[key] = new RegExp(source, flags);
      } catch (error) {
        patternCache[key] = null; /* A pattern JavaScript cannot read never matches. */
      }
    }
    return patternCache[key];
  }

  function normal(word) {
    return word.toLowerCase().normalize("NFC").replace(/\u2019/g, "'");
  }

  function entry(text) {
    return text.split(/\s+/).filter(Boolean).map(normal);
  }

  /* A word matches itself and its possessive ("daughter" matches "daughter's"). */
  function matchesAt(tokens, index, parts) {
    if (index + parts.length > tokens.length) return false;
    return parts.every(function (part, offset) {
      var token = tokens[index + offset];
      return part.charAt(part.length - 1) === "*"
        ? token.indexOf(part.slice(0, -1)) === 0
        : token === part || token === part + "'s" || token === part + "s'";
    });
  }

  function tokens(text, ignore) {
    var list = words(text).map(normal);
    (ignore || []).map(entry).forEach(function (phrase) {
      for (var index = 0; index < list.length; index += 1) {
        if (matchesAt(list, index, phrase)) {
          for (var k = 0; k < phrase.length; k += 1) list[index + k] = "";
        }
      }
    });
    return list;
  }

  function countMatches(list, entries) {
    var compiled = (entries || []).map(entry);
    var found = 0;
    for (var index = 0; index < list.length; index += 1) {
      if (list[index] && compiled.some(function (parts) { return matchesAt(list, index, parts); })) {
        found += 1;
      }
    }
    return found;
  }

  function foundAny(text, params) {
    if (countMatches(tokens(text, params.ignore), params.words) > 0) return true;
    return (params.patterns || []).some(function (source) {
      var regex = pattern(source, Boolean(params.case_sensitive));
      return regex !== null && regex.test(text);
    });
  }

  function parseDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
  }

  var DAY = 86400000;

  function businessDaysAfter(start, end) {
    var days = 0;
    for (var time = start + DAY; time <= end; time += DAY) {
      var weekday = new Date(time).getUTCDay();
      if (weekday !== 0 && weekday !== 6) days += 1;
    }
    return days;
  }

  var RULES = {
    placeholders: function (check, text, context) {
      var regex = pattern(check.params.pattern || PLACEHOLDER_PATTERN, true);
      var left = (context.missing || []).length > 0 || (regex !== null && regex.test(text));
      return left ? check.severity : null;
    },
    "word-count": function (check, text) {
      var wordCount = words(text).length;
      var params = check.params;
      if (params.error_over !== undefined && params.error_over !== null && wordCount > params.error_over) {
        return "error";
      }
      return params.warn_over !== undefined && params.warn_over !== null && wordCount > params.warn_over
        ? "warning" : null;
    },
    ratio: function (check, text) {
      var list = tokens(text);
      var factor = check.params.factor === undefined ? 1 : check.params.factor;
      var mine = countMatches(list, check.params.words);
      var enough = mine >= (check.params.min_count === undefined ? 1 : check.params.min_count);
      return enough && mine > factor * countMatches(list, check.params.versus) ? check.severity : null;
    },
    "contains-any": function (check, text) {
      return foundAny(text, check.params) ? check.severity : null;
    },
    "missing-any": function (check, text) {
      return foundAny(text, check.params) ? null : check.severity;
    },
    "follow-up-gap": function (check, text, context) {
      var start = parseDate(context.today);
      var end = parseDate(context.follow_up_date);
      if (start === null || end === null) return null;
      if (businessDaysAfter(start, end) < (check.params.error_under_business_days || 0)) return "error";
      return Math.round((end - start) / DAY) < (check.params.warn_under_days || 0) ? "warning" : null;
    },
  };

  function applies(check, context) {
    var where = check.applies || {};
    function allows(list, value) { return !list || list.length === 0 || list.indexOf(value) >= 0; }
    return allows(where.channels, context.channel) &&
      (where.not_channels || []).indexOf(context.channel) < 0 &&
      allows(where.relationships, context.relationship) &&
      allows(where.kinds, context.kind);
  }

  function evaluateChecks(checks, text, context) {
    var found = [];
    checks.forEach(function (check) {
      if (!applies(check, context) || !hasOwn.call(RULES, check.rule)) return;
      var severity = RULES[check.rule](check, text, context);
      if (severity) found.push({ id: check.id, severity: severity });
    });
    return found;
  }

  /* A message in every form the page needs (messages.advise) --------------------------- */

  /* data: the generator's settings (message_html.message_data); values: field -> typed text.
   * body and subject show each blank as [Label]; bodyWords and subjectWords leave blanks out,
   * so counting and checking see only what the template and the reader wrote. */
  function messageTexts(data, values) {
    var body = renderTemplate(data.body, values, data.labels);
    var bodyWords = renderTemplate(data.body, values, data.labels, { hideBlanks: true });
    var subject = data.subject ? renderTemplate(data.subject, values, data.labels) : "";
    var subjectWords = data.subject
      ? renderTemplate(data.subject, values, data.labels, { hideBlanks: true }) : "";
    return {
      body: body,
      bodyWords: bodyWords,
      subject: subject,
      subjectWords: subjectWords,
      blanksLeft: body !== bodyWords || subject !== subjectWords,
    };
  }

  /* The advice checks on the message with values typed in; extra: {today, follow_up_date}. */
  function adviseMessage(data, values, extra) {
    var texts = messageTexts(data, values);
    var blank = function (field) {
      return isBlank(values && hasOwn.call(values, field.name) ? values[field.name] : undefined);
    };
    var missing = data.fields.filter(function (field) { return field.required && blank(field); })
      .map(function (field) { return field.name; });
    if (texts.body !== texts.bodyWords) {
      data.fields.filter(blank).forEach(function (field) {
        if (missing.indexOf(field.name) < 0) missing.push(field.name);
      });
    }
    return evaluateChecks(data.checks, texts.bodyWords, {
      channel: data.channel.name,
      relationship: data.relationship,
      kind: data.kind,
      missing: missing,
      today: extra && extra.today ? extra.today : null,
      follow_up_date: extra && extra.follow_up_date ? extra.follow_up_date : null,
    });
  }

  /* The advice checks on text the reader changed by hand: every word is theirs now, and a
   * "[Label]" still in it is a blank left (the placeholders rule finds it). */
  function adviseText(data, text, extra) {
    return evaluateChecks(data.checks, text, {
      channel: data.channel.name,
      relationship: data.relationship,
      kind: data.kind,
      missing: [],
      today: extra && extra.today ? extra.today : null,
      follow_up_date: extra && extra.follow_up_date ? extra.follow_up_date : null,
    });
  }

  /* A person and the profile in the fields (rules/people_fields.py says which field takes
   * what; the build puts it in each field's data as {person: value} or {profile: value}). */

  var DAYS_SHOWN_AS_WEEKDAY = 6;

  /* "on Tuesday" within the last week, else "on 28 November"; options: {today, locale,
   * phrase ("on {date}")}. */
  function metOnText(dateText, options) {
    var time = parseDate(dateText);
    var today = parseDate(options.today);
    if (time === null) return "";
    var format = { timeZone: "UTC" };
    if (today !== null && time <= today && today - time <= DAYS_SHOWN_AS_WEEKDAY * DAY) {
      format.weekday = "long";
    } else {
      format.day = "numeric";
      format.month = "long";
      if (today !== null && new Date(time).getUTCFullYear() !== new Date(today).getUTCFullYear()) {
        format.year = "numeric";
      }
    }
    var shown = new Date(time).toLocaleDateString(options.locale || "en", format);
    return (options.phrase || "on {date}").split("{date}").join(shown);
  }

  function personValue(person, what, options) {
    if (!person) return "";
    var text = function (name) { return typeof person[name] === "string" ? person[name].trim() : ""; };
    if (what === "first_name") return text("name").split(/\s+/)[0] || "";
    if (what === "met_on") return metOnText(text("met_on"), options || {});
    return text(what);
  }

  /* What a person (or null) and the profile put in a template's fields: {field: value}, for
   * the fields that map to them and have something to put. */
  function filledValues(fields, person, profile, options) {
    var result = {};
    fields.forEach(function (field) {
      var value = "";
      if (field.person) value = personValue(person, field.person, options);
      else if (field.profile && profile && typeof profile[field.profile] === "string") {
        value = profile[field.profile].trim();
      }
      if (value) result[field.name] = value;
    });
    return result;
  }

  /* The reminder of a note to a person: its title is whom and what to do, its text the next
   * step (not the note); strings: the page's translations. */
  function personReminder(person, t) {
    var step = (person.due_step || person.next_step || "").trim() || t("people_step_keep");
    var name = person.name.trim();
    var place = (person.met_at || "").trim();
    return {
      summary: place
        ? t("people_reminder_summary", { name: name, step: step, place: place })
        : t("people_reminder_summary_no_place", { name: name, step: step }),
      description: step,
    };
  }

  var EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

  /* Dates ----------------------------------------------------------------------------- */

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) text = "0" + text;
    return text;
  }

  function isoDate(year, month, day) {
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2);
  }

  function localToday(now) {
    var date = now || new Date();
    return isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
  }

  /* Mirrors messages.Duration.add_to: a month on from 31 January is the last of February. */
  function addDuration(dateText, duration) {
    var time = parseDate(dateText);
    if (time === null || !duration) return dateText;
    var date = new Date(time);
    if (duration.unit === "day" || duration.unit === "week") {
      var days = duration.amount * (duration.unit === "week" ? 7 : 1);
      date = new Date(time + days * DAY);
      return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    }
    var monthIndex = date.getUTCMonth() + duration.amount;
    var year = date.getUTCFullYear() + Math.floor(monthIndex / 12);
    var month = (monthIndex % 12) + 1;
    var lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return isoDate(year, month, Math.min(date.getUTCDate(), lastDay));
  }

  /* mailto (RFC 6068) ----------------------------------------------------------------- */

  function mailtoHref(options) {
    var query = [];
    if (options.subject) query.push("subject=" + encodeURIComponent(options.subject));
    if (options.body) {
      query.push("body=" + encodeURIComponent(String(options.body).replace(/\r\n|\r|\n/g, "\r\n")));
    }
    var to = options.to ? encodeURIComponent(options.to).replace(/%40/g, "@") : "";
    return "mailto:" + to + (query.length ? "?" + query.join("&") : "");
  }

  var api = {
    renderTemplate: renderTemplate,
    countFor: countFor,
    countSubject: countSubject,
    evaluateChecks: evaluateChecks,
    messageTexts: messageTexts,
    adviseMessage: adviseMessage,
    mailtoHref: mailtoHref,
    addDuration: addDuration,
    countCharacters: countCharacters,
    words: words,
    labelFromName: labelFromName,
    adviseText: adviseText,
    personValue: personValue,
    filledValues: filledValues,
    personReminder: personReminder,
  };

  if (typeof module !== "undefined" && module.exports) {
    /* The calendar file is playbook-calendar.js's; the tests reach it from here too. */
    var calendarFile = require("./playbook-calendar.js");
    api.buildIcs = calendarFile.buildIcs;
    api.foldLine = calendarFile.foldLine;
    module.exports = api;
  }
  if (typeof window === "undefined" || typeof document === "undefined") return;

  /* The page: a feature of the browser core (core.js), which loads this script on pages with
   * a generator and gives it the page's settings, strings, advice checks and the one store. */

  var core = null;
  var reloaders = typeof WeakMap === "function" ? new WeakMap() : null;
  /* The latest date whose day after still has four digits in a calendar file. */
  var LAST_DATE = "9999-12-30";

  function store() {
    return core.store;
  }

  function t(key, values) {
    return core.t(key, values);
  }

  function countText(result, channel) {
    var values = { used: result.used, limit: result.limit, parts: result.parts,
      encoding: result.encoding, seconds: result.seconds };
    if (channel.counting === "sms") return t("message_count_sms", values);
    if (channel.counting === "spoken") return t("message_count_spoken", values);
    var unit = result.unit === "words" ? "words" : "chars";
    return t(result.limit === null ? "message_count_" + unit + "_nolimit" : "message_count_" + unit, values);
  }

  function setUpMessage(root) {
    if (root.hasAttribute("data-playbook-ready")) return;
    var data;
    try {
      data = JSON.parse(root.getAttribute("data-playbook-message-data"));
    } catch (error) {
      return;
    }
    if (!data) return;
    /* The page's block holds the site's advice checks once; this generator names its own. */
    data.checks = (data.checks || []).map(core.check).filter(Boolean);
    root.setAttribute("data-playbook-ready", "");
    collapsible(root, data);

    var inputs = Array.prototype.slice.call(root.querySelectorAll("[data-playbook-field]"));
    var preview = root.querySelector("[data-playbook-preview]");
    var subjectNode = root.querySelector("[data-playbook-subject]");
    var counter = root.querySelector("[data-playbook-count]");
    var warningList = root.querySelector("[data-playbook-warnings]");
    var statusNode = root.querySelector("[data-playbook-message-status]");
    var dateInput = root.querySelector("[data-playbook-remind-date]");
    var emailLink = root.querySelector('[data-playbook-action="email"]');
    var editButton = root.querySelector('[data-playbook-action="edit"]');
    var editNote = root.querySelector("[data-playbook-edit-note]");
    var picker = root.querySelector("[data-playbook-person-picker]");
    var personRow = root.querySelector("[data-playbook-person-row]");
    var peopleLink = root.querySelector("[data-playbook-people-link]");
    var shownWarnings = "";
    /* The words the reader changed by hand, or null while the message follows the blanks. */
    var edited = null;
    /* The people the reader met and the profile, as stored (a spoken template has none). */
    var people = data.spoken ? null : core.peopleStore;

    root.querySelectorAll("[data-playbook-form], [data-playbook-actions], [data-playbook-count], " +
      '[data-playbook-action="copy-subject"]')
      .forEach(function (node) { node.hidden = false; });

    function personId() {
      return picker && people ? picker.value : "";
    }

    function person() {
      var id = personId();
      return id ? people.get(id) : null;
    }

    /* Drafts are kept per person and template; without a person, as before. */
    function draftKey() {
      var id = personId();
      return id ? "draft:" + id + ":" + data.id : "message:" + data.id;
    }

    function defaultDate() {
      return data.follow_up ? clampDate(addDuration(localToday(), data.follow_up)) : "";
    }

    if (dateInput) dateInput.setAttribute("max", LAST_DATE);

    function values() {
      var result = core.dictionary();
      inputs.forEach(function (input) { result[input.getAttribute("data-playbook-field")] = input.value; });
      return result;
    }

    function texts() {
      var current = values();
      var message = messageTexts(data, current);
      message.values = current;
      if (edited !== null) {
        message.body = edited;
        message.bodyWords = edited;
      }
      message.count = countFor(data.channel, message.bodyWords);
      message.subjectCount = data.subject ? countSubject(data.channel, message.subjectWords) : null;
      return message;
    }

    /* The labels of the blanks still showing in the part sent: "body", "subject" or "all". */
    function blanksLeft(message, part) {
      var text = part === "subject" ? message.subject
        : part === "all" ? message.subject + "\n" + message.body : message.body;
      return data.fields.filter(function (field) {
        return (edited !== null || isBlank(message.values[field.name])) &&
          text.indexOf("[" + field.label + "]") >= 0;
      }).map(function (field) { return field.label; });
    }

    /* Over a limit the platform enforces: the body's, or a subject's hard maximum. */
    function overLimit(message) {
      var subjectOver = message.subjectCount && data.channel.subject_max_chars &&
        message.subjectCount.state === "over";
      return message.count.state === "over" || Boolean(subjectOver);
    }

    /* Counted on the template's and the reader's words only: labels are not the reader's. */
    function showCount(message) {
      var result = message.count;
      var text = countText(result, data.channel);
      var overall = result.state;
      var subject = message.subjectCount;
      if (subject && subject.limit !== null) {
        text += " · " + t("message_count_subject", { used: subject.used, limit: subject.limit });
        overall = worst(overall, subject.state);
      }
      counter.textContent = text;
      counter.setAttribute("data-state", overall);
    }

    function checkById(id) {
      return data.checks.filter(function (check) { return check.id === id; })[0];
    }

    function ruleOf(id) {
      return checkById(id).rule;
    }

    function showWarnings(message) {
      var extra = {
        today: localToday(),
        follow_up_date: dateInput && dateInput.value ? dateInput.value : null,
      };
      var found = edited !== null ? adviseText(data, edited, extra) : adviseMessage(data, message.values, extra);
      /* Until the reader types, every field is blank by design: no need to say so yet. */
      if (edited === null && data.fields.every(function (field) { return isBlank(message.values[field.name]); })) {
        found = found.filter(function (item) { return ruleOf(item.id) !== "placeholders"; });
      }
      var signature = found.map(function (item) { return item.id + ":" + item.severity; }).join(" ");
      if (signature === shownWarnings) return;
      shownWarnings = signature;
      while (warningList.firstChild) warningList.removeChild(warningList.firstChild);
      found.forEach(function (item) {
        var check = checkById(item.id);
        var entry = document.createElement("li");
        entry.className = "playbook-message__warning playbook-message__warning--" + item.severity;
        entry.setAttribute("data-playbook-warning", item.id);
        entry.setAttribute("data-severity", item.severity);
        var severity = document.createElement("span");
        severity.className = "playbook-message__severity";
        severity.textContent = t("message_severity_" + item.severity) + " ";
        entry.appendChild(severity);
        entry.appendChild(document.createTextNode(check.message));
        if (check.link) {
          entry.appendChild(document.createTextNode(" "));
          var link = document.createElement("a");
          link.setAttribute("href", check.link);
          link.textContent = t("message_advice_link");
          entry.appendChild(link);
        }
        warningList.appendChild(entry);
      });
    }

    function save(message) {
      var key = draftKey();
      var blank = inputs.every(function (input) { return isBlank(input.value); });
      var date = dateInput ? dateInput.value : "";
      if (blank && edited === null && (!dateInput || date === defaultDate())) {
        store().remove(key);
        return;
      }
      var draft = { values: message.values, date: date };
      if (edited !== null) draft.text = edited;
      store().set(key, draft);
    }

    function emailHref(message) {
      var someone = person();
      var to = someone && EMAIL.test((someone.contact || "").trim()) ? someone.contact.trim() : "";
      return mailtoHref({ to: to, subject: message.subject, body: message.body });
    }

    function update(persist) {
      pending = null;
      var message = texts();
      if (edited === null) preview.textContent = message.body;
      if (subjectNode) subjectNode.textContent = message.subject;
      if (emailLink) emailLink.setAttribute("href", emailHref(message));
      showCount(message);
      showWarnings(message);
      if (persist) save(message);
      return message;
    }

    /* Changing the words: the preview itself becomes the text box, so what it shows is
     * always the message (tests and screen readers read it the same way). */
    function showEditing() {
      var editing = edited !== null;
      if (editing) {
        preview.textContent = edited;
        preview.setAttribute("contenteditable", "plaintext-only");
        if (preview.contentEditable !== "plaintext-only") preview.setAttribute("contenteditable", "true");
        preview.setAttribute("role", "textbox");
        preview.setAttribute("aria-multiline", "true");
      } else {
        preview.removeAttribute("contenteditable");
        preview.removeAttribute("role");
        preview.removeAttribute("aria-multiline");
      }
      if (editNote) editNote.hidden = !editing;
      if (editButton) {
        editButton.textContent = t(editing ? "message_back" : "message_edit");
      }
    }

    function startEditing() {
      edited = texts().body;
      showEditing();
      update(true);
      preview.focus();
      say(t("message_edit_done"));
    }

    function backToTemplate() {
      edited = null;
      showEditing();
      update(true);
      say(t("message_back_done"));
    }

    /* The person's and the profile's values go into the fields they map to; the profile's
     * whenever it has one (it is the one profile), the person's where the draft has none. */
    function fillIn(saved) {
      var filled = people
        ? filledValues(data.fields, person(), people.profile(), {
          today: localToday(),
          locale: document.documentElement.lang || undefined,
          phrase: t("person_met_on"),
        })
        : {};
      inputs.forEach(function (input) {
        var name = input.getAttribute("data-playbook-field");
        var mine = hasOwn.call(saved, name) && typeof saved[name] === "string" ? saved[name] : "";
        var fromProfile = input.hasAttribute("data-playbook-profile-field") && hasOwn.call(filled, name);
        input.value = fromProfile || (isBlank(mine) && hasOwn.call(filled, name)) ? filled[name] : mine;
      });
    }

    /* The draft shown: the key it was loaded from. */
    var shownKey = null;

    function load() {
      shownKey = draftKey();
      var draft = store().get(shownKey) || {};
      fillIn(draft.values || {});
      edited = typeof draft.text === "string" ? draft.text : null;
      showEditing();
      if (dateInput) {
        var fresh = typeof draft.date === "string" && parseDate(draft.date) !== null &&
        draft.date >= localToday() && draft.date <= LAST_DATE;
        dateInput.value = fresh ? draft.date : defaultDate();
      }
      update(false);
    }

    function say(text) {
      statusNode.textContent = text;
    }

    /* Copy, email, reminder and mark as sent, with blanks left or over the limit, ask first:
     * the first press says what is wrong in the live region, a second press of the same
     * action on the same text goes ahead. Returns true when the action may go ahead. */
    var pending = null;

    function problemsOf(message, part) {
      var labels = blanksLeft(message, part);
      var problems = [];
      if (labels.length) problems.push(t("message_blanks_left", { labels: labels.join(", ") }));
      if (part !== "subject" && overLimit(message)) {
        problems.push(t("message_over_limit", { channel: data.channel.label }));
      }
      return problems;
    }

    function mayGoAhead(action, message, part, more) {
      var problems = problemsOf(message, part).concat(more || []);
      if (!problems.length) return true;
      var signature = action + "\u0000" + message.body + "\u0000" + message.subject;
      if (pending === signature) {
        pending = null;
        return true;
      }
      pending = signature;
      say(problems.join(" ") + " " + t("message_confirm_" + action));
      return false;
    }

    function afterward(action, message, part, done) {
      var problems = problemsOf(message, part);
      say(problems.length ? t("message_done_anyway_" + action, { problems: problems.join(" ") }) : done);
    }

    function selectPreview() {
      var range = document.createRange();
      range.selectNodeContents(preview);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      say(t("message_copy_fallback"));
    }

    function copy(part) {
      var message = texts();
      var action = part === "subject" ? "copy_subject" : "copy";
      if (!mayGoAhead(action, message, part)) return;
      var text = part === "subject" ? message.subject : message.body;
      var done = t(part === "subject" ? "message_subject_copied" : "message_copied");
      if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
        navigator.clipboard.writeText(text).then(function () {
          afterward(action, message, part, done);
        }, part === "subject" ? function () { say(t("message_copy_fallback")); } : selectPreview);
      } else if (part !== "subject") {
        selectPreview();
      }
    }

    /* A press made while the script it needs is on its way waits for it; a second press of
     * the same button before then is the same request, not another. */
    var asked = {};
    function whenLoaded(action, name, run) {
      if (asked[action]) return;
      asked[action] = true;
      core.need(name, function (feature) {
        asked[action] = false;
        run(feature);
      });
    }

    function remind() {
      var date = dateInput && parseDate(dateInput.value) !== null ? clampDate(dateInput.value) : defaultDate();
      var message = texts();
      if (!mayGoAhead("remind", message, "body")) return;
      var page = /^https?:$/.test(window.location.protocol) ? "\n\n" + window.location.href : "";
      var uid = window.crypto && typeof window.crypto.randomUUID === "function"
        ? window.crypto.randomUUID()
        : Date.now().toString(36) + Math.random().toString(36).slice(2);
      var someone = person();
      var about = someone ? personReminder(someone, t) : null;
      whenLoaded("remind", "calendar", function (calendar) {
        var ics = calendar.buildIcs({
          uid: uid + "@networking-playbook",
          date: date,
          summary: about ? about.summary : t("message_reminder_summary", { title: data.title }),
          description: (about ? about.description : message.body) + page,
          alarm: about ? about.summary : t("message_reminder_alarm", { title: data.title }),
        });
        var file = "follow-up-" + (someone ? fileName(someone.name) + "-" : "") + data.id + "-" + date + ".ics";
        core.download(ics, file, "text/calendar;charset=utf-8");
        afterward("remind", message, "body", t("message_reminder_saved", { file: file }));
      });
    }

    function markSent() {
      var id = personId();
      if (!id) {
        say(t("message_mark_sent_pick"));
        if (picker) picker.focus();
        return;
      }
      var message = texts();
      var today = localToday();
      /* The people model (the cadence) loads the first time a note is marked sent. */
      whenLoaded("mark-sent", "people", function (model) {
        var cautions = model.api.checkSend(id, { kind: data.kind, date: today }) || [];
        var more = cautions.map(function (caution) { return caution.text; });
        if (!mayGoAhead("mark_sent", message, "all", more)) return;
        var result = model.api.markSent(id, {
          template: data.id,
          title: data.title,
          kind: data.kind,
          channel: data.channel.name,
          text: message.body,
          date: today,
        });
        var someone = result && result.person ? result.person : person();
        var said = t("message_marked_sent", { name: someone.name });
        if (someone.due) {
          said += " " + t("message_marked_next", { step: someone.due_step || t("people_step_keep"),
            date: longDate(someone.due) });
        }
        say(said);
      });
    }

    function forget() {
      store().remove(draftKey());
      edited = null;
      showEditing();
      inputs.forEach(function (input) { input.value = ""; });
      fillIn({});
      if (dateInput) dateInput.value = defaultDate();
      update(false);
      say(t("message_forgotten"));
    }

    /* A note begun for no one in particular, then given a person who has no draft of their
     * own yet, becomes theirs: the reader started writing before choosing. */
    function carryOver(from, to) {
      if (!from || from.indexOf("message:") !== 0 || to === from || store().get(to)) return;
      var begun = store().get(from);
      if (!begun) return;
      store().set(to, begun);
      store().remove(from);
    }

    /* The picker: no one in particular, then the reader's people by name. */
    var listed = "";

    function listPeople() {
      if (!picker || !people) return;
      var chosen = picker.value;
      var options = people.all().map(function (someone) {
        return [someone.id, someone.met_at ? someone.name + " (" + someone.met_at + ")" : someone.name];
      }).sort(function (a, b) { return a[1].localeCompare(b[1]); });
      /* A change to the profile or to someone's notes leaves the list as it is. */
      var signature = JSON.stringify(options);
      if (signature === listed) return;
      listed = signature;
      while (picker.options.length > 1) picker.remove(1);
      options.forEach(function (pair) {
        var option = document.createElement("option");
        option.value = pair[0];
        option.textContent = pair[1];
        picker.appendChild(option);
      });
      picker.value = chosen;
      if (picker.value !== chosen) {
        picker.value = "";
        load();
      }
    }

    /* Another generator (or the People page, or another tab) changed the profile. */
    function profileChanged() {
      if (!people) return;
      var profile = people.profile();
      inputs.forEach(function (input) {
        var what = input.getAttribute("data-playbook-profile-field");
        if (!what || input === document.activeElement) return;
        var value = typeof profile[what] === "string" ? profile[what] : "";
        if (value && input.value !== value) input.value = value;
      });
      update(false);
    }

    function saveProfile(input) {
      var what = input.getAttribute("data-playbook-profile-field");
      if (!what || !people) return;
      var profile = people.profile();
      profile[what] = input.value;
      people.saveProfile(profile);
    }

    function showPeople() {
      if (!people) return;
      if (personRow) personRow.hidden = false;
      if (peopleLink) {
        peopleLink.setAttribute("href", people.url());
        peopleLink.hidden = false;
      }
      listPeople();
    }

    root.addEventListener("input", function (event) {
      var target = event.target;
      if (target === preview && edited !== null) {
        edited = preview.textContent;
        update(true);
      } else if (target.hasAttribute("data-playbook-field") || target === dateInput) {
        update(true);
        if (target.hasAttribute("data-playbook-profile-field")) saveProfile(target);
      }
    });
    root.addEventListener("change", function (event) {
      if (event.target === dateInput) update(true);
      else if (event.target === picker) {
        carryOver(shownKey, draftKey());
        load();
        pending = null;
      }
    });
    /* What remind and mark as sent need loads as the reader reaches for them. */
    ["pointerdown", "focusin"].forEach(function (type) {
      root.addEventListener(type, function (event) {
        var button = event.target.closest && event.target.closest("[data-playbook-action]");
        var action = button ? button.getAttribute("data-playbook-action") : "";
        if (action === "remind") core.need("calendar");
        else if (action === "mark-sent" && personId()) core.need("people");
      });
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-playbook-action]");
      if (!button || !root.contains(button)) return;
      var action = button.getAttribute("data-playbook-action");
      if (action === "copy") copy("body");
      else if (action === "copy-subject") copy("subject");
      else if (action === "email") {
        var message = texts();
        if (!mayGoAhead("email", message, "all")) event.preventDefault();
        else afterward("email", message, "all", "");
      } else if (action === "remind") remind();
      else if (action === "edit") {
        if (edited === null) startEditing();
        else backToTemplate();
      } else if (action === "mark-sent") markSent();
      else if (action === "forget") forget();
    });
    if (reloaders) reloaders.set(root, { load: load, people: listPeople, profile: profileChanged });
    showPeople();
    load();
  }

  /* A page of templates is long on a phone: there each shows only its title until the reader
   * opens it, unless they have started a note in it or followed a link to it. Wider screens
   * open them all; print and PDFs always show them whole, as does a page without the script. */
  var PHONE = "(max-width: 44.9375em)";

  function hasDraft(id) {
    return store().keys().some(function (key) {
      return key === "message:" + id || (key.indexOf("draft:") === 0 && key.slice(-id.length - 1) === ":" + id);
    });
  }

  function collapsible(root, data) {
    var title = root.querySelector(".playbook-message__title");
    if (!title || title.querySelector("[data-playbook-action=toggle]")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "playbook-message__toggle";
    button.setAttribute("data-playbook-action", "toggle");
    button.textContent = title.textContent;
    title.textContent = "";
    title.appendChild(button);
    function show(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) root.removeAttribute("data-playbook-collapsed");
      else root.setAttribute("data-playbook-collapsed", "");
    }
    var hash = window.location.hash;
    var linked = Boolean(hash) && (hash === "#" + root.id || hash === "#" + title.id);
    var phone = window.matchMedia && window.matchMedia(PHONE).matches;
    show(!phone || linked || hasDraft(data.id));
    button.addEventListener("click", function () {
      show(root.hasAttribute("data-playbook-collapsed"));
    });
  }

  function clampDate(date) {
    return date > LAST_DATE ? LAST_DATE : date;
  }

  function fileName(text) {
    return String(text).toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "person";
  }

  function longDate(dateText) {
    var time = parseDate(dateText);
    if (time === null) return dateText;
    return new Date(time).toLocaleDateString(document.documentElement.lang || undefined,
      { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" });
  }

  function setUpAll(root) {
    (root || document).querySelectorAll("[data-playbook-message]").forEach(setUpMessage);
  }

  function eachGenerator(what) {
    if (!reloaders) return;
    document.querySelectorAll("[data-playbook-message][data-playbook-ready]").forEach(function (root) {
      var reload = reloaders.get(root);
      if (reload) reload[what]();
    });
  }

  function listen() {
    /* Another tab, or an import, changed the saved drafts or the people. */
    document.addEventListener("playbook:datachange", function () {
      eachGenerator("people");
      eachGenerator("load");
    });
    /* A person added, changed or removed, or the profile changed, here or elsewhere. */
    document.addEventListener("playbook:peoplechange", function () {
      eachGenerator("people");
      eachGenerator("profile");
    });
  }

  function start(found) {
    if (core || found.registered("messages")) return; /* this script ran twice */
    core = found;
    found.register("messages", { setUp: setUpAll });
    listen();
  }

  /* The core may not be there yet (this script listed before it): it picks us up. */
  if (window.Playbook && window.Playbook.register) {
    start(window.Playbook);
  } else {
    (window.playbookPending = window.playbookPending || []).push(start);
  }
})();
