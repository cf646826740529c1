"""Advice checks: the common mistakes in a message, as data a site can change.

Each check has an id, a message in plain words, the advice page it links to, when it applies
(channels, relationships, template kinds; empty means all) and a rule with its parameters.
The rules are few and generic:

``placeholders``
    Fires when a required field is empty or ``pattern`` (default: ``[…]``) is in the text.
``word-count``
    ``warning`` over ``warn_over`` words, ``error`` over ``error_over``.
``ratio``
    Fires when ``words`` occur more than ``factor`` (default 1) times as often as ``versus``,
    and at least ``min_count`` (default 1) times.
``contains-any``
    Fires when any of ``words`` or ``patterns`` is in the text. ``ignore`` lists phrases
    whose words do not count ("mutual friend" is not a claim to be friends).
``missing-any``
    Fires when none of ``words`` or ``patterns`` is in the text.
``follow-up-gap``
    ``error`` when the follow-up date is fewer than ``error_under_business_days`` working
    days after the last contact, ``warning`` when fewer than ``warn_under_days`` days.

``words`` entries are matched against whole words, case-insensitively, and their possessives
(``daughter`` matches "daughter's"); an entry of several words is a phrase, and a word ending
in ``*`` matches any word it starts (``thank*``).

Word lists are in a language: a check's ``lang`` (default ``en``) and its ``translations``
(``{"es": {"words": […]}}``). :func:`for_language` picks the list for a template's language;
a check that reads words and has no list for it does not run. The default checks' lists for
Spanish, French, German and Portuguese are in ``advice_words.py``.
``patterns`` are regular expressions in the syntax Python and JavaScript share, matched with
ASCII ``\\b``/``\\w``, case-insensitively unless the check sets ``case_sensitive: true``.

:func:`evaluate` is the build-time twin of ``evaluateChecks`` in ``playbook-messages.js``;
``tests/check_vectors.json`` holds both to the same answers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from playbook_plugin.rules.advice_words import SHOUTING, TRANSLATIONS
from playbook_plugin.rules.text_units import words as text_words
from playbook_plugin.sources.slugs import is_valid_id

__all__ = [
    "DEFAULT_CHECKS",
    "KINDS",
    "RELATIONSHIPS",
    "RULES",
    "Applies",
    "Check",
    "CheckContext",
    "Severity",
    "evaluate",
    "for_language",
    "merge_checks",
    "primary_language",
]

Severity = Literal["warning", "error"]

RELATIONSHIPS = ("new", "met", "known")
KINDS = (
    "first-message",
    "follow-up",
    "thank-you",
    "reply",
    "update",
    "share",
    "introduction",
    "reconnect",
    "closing",
)
SEVERITIES = ("warning", "error")
# A bracket with a letter in it: `[123-456-7890]` is text, not a blank to fill in. Letters:
# Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai, kana, CJK ideographs, Hangul.
_LETTERS = (
    r"A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff"
    r"\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
)
PLACEHOLDER_PATTERN = rf"\[[^\[\]\n]*[{_LETTERS}][^\[\]\n]*\]"

# The parameters each rule takes, with the type each must have.
RULES: dict[str, dict[str, type | tuple[type, ...]]] = {
    "placeholders": {"pattern": str},
    "word-count": {"warn_over": int, "error_over": int},
    "ratio": {"words": list, "versus": list, "factor": (int, float), "min_count": int},
    "contains-any": {"words": list, "patterns": list, "ignore": list, "case_sensitive": bool},
    "missing-any": {"words": list, "patterns": list, "ignore": list, "case_sensitive": bool},
    "follow-up-gap": {"error_under_business_days": int, "warn_under_days": int},
}


@dataclass(frozen=True)
class Applies:
    """Where a check applies; an empty tuple means every value."""

    channels: tuple[str, ...] = ()
    relationships: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    not_channels: tuple[str, ...] = ()
    """Channels the check never applies to (an invitation's ask is the invitation itself)."""

    def matches(self, channel: str, relationship: str, kind: str) -> bool:
        return (
            (not self.channels or channel in self.channels)
            and channel not in self.not_channels
            and (not self.relationships or relationship in self.relationships)
            and (not self.kinds or kind in self.kinds)
        )

    def to_json(self) -> dict[str, list[str]]:
        return {
            "channels": list(self.channels),
            "relationships": list(self.relationships),
            "kinds": list(self.kinds),
            "not_channels": list(self.not_channels),
        }


@dataclass(frozen=True)
class Check:
    id: str
    rule: str
    message: str
    link: str = ""
    severity: Severity = "warning"
    applies: Applies = field(default_factory=Applies)
    params: Mapping[str, Any] = field(default_factory=dict)
    lang: str = "en"
    """The language of the word lists in ``params``."""
    translations: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Word lists for other languages, by primary language code: ``{"es": {"words": […]}}``."""

    def to_json(self, resolve_link: Callable[[str], str] = str) -> dict[str, Any]:
        """The check for the browser, its link made relative to the page."""
        return {
            "id": self.id,
            "rule": self.rule,
            "message": self.message,
            "link": resolve_link(self.link) if self.link else "",
            "severity": self.severity,
            "applies": self.applies.to_json(),
            "params": dict(self.params),
        }


@dataclass(frozen=True)
class CheckContext:
    """What a check may look at besides the text."""

    channel: str
    relationship: str
    kind: str
    missing: tuple[str, ...] = ()
    """Required fields left empty."""
    today: dt.date | None = None
    """The day of the last contact: today, when the reader sends the message."""
    follow_up_date: dt.date | None = None


WORD_RULES = ("ratio", "contains-any", "missing-any")
"""Rules that read the text's words, so they need a word list in the template's language."""

_WEEKDAYS_EN = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

DEFAULT_CHECKS: tuple[Check, ...] = (
    Check(
        id="placeholder-left",
        rule="placeholders",
        message="Fill in every blank: a note that still says [Name] looks like a mass mailing.",
        link="before-you-reach-out.md#personal-note",
        severity="error",
        params={"pattern": PLACEHOLDER_PATTERN},
    ),
    Check(
        id="too-long",
        rule="word-count",
        message="Keep a first email or InMail under 75 words, so it is read without scrolling.",
        link="before-you-reach-out.md#focus",
        applies=Applies(channels=("email", "linkedin-inmail"), kinds=("first-message",)),
        params={"warn_over": 75, "error_over": 100},
    ),
    Check(
        id="about-me",
        rule="ratio",
        message='This note says "I" more than "you": make it about them as much as about you.',
        link="at-the-event.md#two-way",
        applies=Applies(kinds=("first-message", "follow-up", "reconnect")),
        params={
            "words": ["i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"],
            "versus": ["you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll"],
            "factor": 1.5,
            "min_count": 6,
        },
        translations=TRANSLATIONS["about-me"],
    ),
    Check(
        id="no-next-step",
        rule="missing-any",
        message=(
            "End with a light question or a concrete next step with a time, "
            'like "a short call next week".'
        ),
        link="at-the-event.md#close",
        applies=Applies(kinds=("first-message", "follow-up"), not_channels=("linkedin-invite",)),
        params={
            "words": [
                *("tomorrow", "next week", "next month", "this week", "this month"),
                *("later this week", "later this month", "coming weeks", "coming days"),
            ],
            "patterns": [
                r"\?",
                r"\b\d+\s*(?:[-\u2013]\s*\d+\s*)?(?:minutes?|mins?)\b",
                r"\bin (?:a|one|two|three|four|a few|a couple of|\d+) (?:days?|weeks?|months?)\b",
                rf"\b(?:on|next|this|by|until|before) {_WEEKDAYS_EN}\b",
                rf"\b{_WEEKDAYS_EN} (?:morning|afternoon|evening|or)\b",
                r"\b(?:a|an) (?:(?:quick|short|brief|virtual|phone|video|zoom|informal) )*"
                r"(?:call|chat|coffee|conversation|meeting)\b",
                r"\blet me know\b[^.!?\n]{0,60}\b(?:free|available|time|times|convenient)\b",
            ],
        },
        translations=TRANSLATIONS["no-next-step"],
    ),
    Check(
        id="asks-for-job",
        rule="contains-any",
        message=(
            "Don't ask someone new for a job or a referral in a first note; "
            "ask for advice or a short chat."
        ),
        link="before-you-reach-out.md#focus",
        applies=Applies(relationships=("new",), kinds=("first-message",)),
        params={
            "words": [
                *("job", "jobs", "position", "positions", "opening", "openings", "vacancy"),
                *("vacancies", "résumé", "resumé", "my resume", "cv", "referral"),
                # "hiring" alone is often their topic ("your post about hiring juniors")
                *("are you hiring", "you're hiring", "is hiring", "still hiring", "hiring for"),
                *("referrals", "refer me", "open role", "open roles", "job opportunities"),
                *("opportunities at", "opportunities on", "opportunities within"),
                *("any opportunities", "career opportunities", "internship", "internships"),
                *("a good word", "roles at", "role at your"),
            ],
            "patterns": [r"\b(?:is|are)\s+(?:\w+\s+){0,3}hiring\b"],
        },
        translations=TRANSLATIONS["asks-for-job"],
    ),
    Check(
        id="claims-relationship",
        rule="contains-any",
        message=(
            "Don't claim a tie you don't have: say plainly how you found them "
            "(a group, your school, a talk)."
        ),
        link="before-you-reach-out.md#honest-routes",
        applies=Applies(relationships=("new",)),
        params={
            "words": [
                *("colleague", "colleagues", "friend", "friends", "classmate", "classmates"),
                *("worked together", "work together before", "done business", "did business"),
            ],
            "ignore": [
                *("mutual friend", "friend of mine", "a friend suggested", "my colleague"),
                *("my former colleague", "my colleagues", "my friend", "my friends"),
                *("a colleague of mine", "friends and family"),
            ],
        },
        translations=TRANSLATIONS["claims-relationship"],
    ),
    Check(
        id="too-familiar",
        rule="contains-any",
        message=(
            "Keep a first message to their work: leave out family, home, holidays "
            "and their private social media."
        ),
        link="at-the-event.md#too-familiar",
        applies=Applies(relationships=("new",), kinds=("first-message",)),
        params={
            "words": [
                *("family", "kids", "children", "son", "sons", "daughter", "daughters"),
                *("wife", "husband", "spouse", "wedding", "holiday", "holidays"),
                *("vacation", "home", "house"),
            ],
            "patterns": [
                r"\b(?:saw|seen|noticed|spotted|found)\b[^.!?\n]{0,40}\b(?:instagram|facebook)\b"
            ],
        },
        translations=TRANSLATIONS["too-familiar"],
    ),
    Check(
        id="no-thanks",
        rule="missing-any",
        message="A thank-you note should say thank you, and for what.",
        link="after-you-meet.md#thank",
        applies=Applies(kinds=("thank-you",)),
        params={"words": ["thank*", "thanks", "grateful", "gratitude", "appreciat*"]},
        translations=TRANSLATIONS["no-thanks"],
    ),
    Check(
        id="tone",
        rule="contains-any",
        message=(
            "Mind the tone: capitals read as shouting, use one exclamation mark at most, "
            'and skip text-speak like "u" or "thx".'
        ),
        link="always.md#likeable",
        params={
            "words": [
                *("u", "ur", "pls", "plz", "thx", "thnx", "tx", "lol", "omg", "btw", "idk"),
                *("imo", "imho", "tbh", "ttyl", "gr8", "b4", "l8r", "cu"),
            ],
            "patterns": SHOUTING,
            "case_sensitive": True,
        },
        translations=TRANSLATIONS["tone"],
    ),
    Check(
        id="follow-up-too-soon",
        rule="follow-up-gap",
        message=(
            "Give them time: follow up after two to four weeks, never within a few working days."
        ),
        link="after-you-meet.md#follow-up",
        params={"error_under_business_days": 3, "warn_under_days": 7},
    ),
)


def primary_language(code: str) -> str:
    """``es-MX`` and ``es_ES`` are both ``es``: word lists are per language, not region."""
    return code.replace("_", "-").split("-")[0].strip().lower() or "en"


def for_language(checks: Iterable[Check], lang: str) -> tuple[list[Check], list[str]]:
    """The checks as they run on text in ``lang``, and the ids of those with no word list.

    A check that reads words runs with its list for the language; without one it does not
    run at all, since an English list on Spanish text only gives wrong answers.
    """
    wanted = primary_language(lang)
    kept: list[Check] = []
    skipped: list[str] = []
    for check in checks:
        if check.rule not in WORD_RULES or primary_language(check.lang) == wanted:
            kept.append(check)
        elif wanted in check.translations:
            params = {**check.params, **check.translations[wanted]}
            kept.append(dataclasses.replace(check, lang=wanted, params=params, translations={}))
        else:
            skipped.append(check.id)
    return kept, skipped


# Matching -------------------------------------------------------------------------------


def _normal(word: str) -> str:
    return unicodedata.normalize("NFC", word.lower()).replace("\u2019", "'")


@lru_cache(maxsize=4096)
def _entry(text: str) -> tuple[str, ...]:
    """A ``words`` entry as lower-case parts; a part ending in ``*`` is a prefix."""
    return tuple(_normal(part) for part in text.split())


def _matches_at(tokens: Sequence[str], index: int, entry: Sequence[str]) -> bool:
    if index + len(entry) > len(tokens):
        return False
    # Indexing, not `tokens[index:]`: a slice copies the rest of the text at every word.
    for offset, part in enumerate(entry):
        token = tokens[index + offset]
        if part.endswith("*"):
            if not token.startswith(part[:-1]):
                return False
        elif token != part and token not in (part + "'s", part + "s'"):
            return False
    return True


def _tokens(text: str, ignore: Iterable[str] = ()) -> list[str]:
    """The text's words, lower-case; the words of an ``ignore`` phrase become empty."""
    tokens = [_normal(word) for word in text_words(text)]
    for phrase in map(_entry, ignore):
        for index in range(len(tokens)):
            if _matches_at(tokens, index, phrase):
                tokens[index : index + len(phrase)] = [""] * len(phrase)
    return tokens


@dataclass(frozen=True)
class _WordList:
    """A ``words`` list indexed by first word, so a token is tried only against its entries."""

    by_first_word: dict[str, tuple[tuple[str, ...], ...]]
    by_first_prefix: tuple[tuple[str, tuple[str, ...]], ...]
    matches_everything: bool

    def starts_match(self, tokens: Sequence[str], index: int) -> bool:
        token = tokens[index]
        if self.matches_everything:
            return True
        entries = self.by_first_word.get(token, ())
        if token.endswith(("'s", "s'")):  # "your daughter's" names a daughter
            entries = (*entries, *self.by_first_word.get(token[:-2], ()))
        if any(_matches_at(tokens, index, entry) for entry in entries):
            return True
        return any(
            token.startswith(prefix) and _matches_at(tokens, index, entry)
            for prefix, entry in self.by_first_prefix
        )


@lru_cache(maxsize=256)
def _word_list(entries: tuple[str, ...]) -> _WordList:
    by_first_word: dict[str, list[tuple[str, ...]]] = {}
    by_first_prefix: list[tuple[str, tuple[str, ...]]] = []
    compiled = [_entry(entry) for entry in entries]
    for entry in compiled:
        if entry and entry[0].endswith("*"):
            by_first_prefix.append((entry[0][:-1], entry))
        elif entry:
            by_first_word.setdefault(entry[0], []).append(entry)
    return _WordList(
        {word: tuple(group) for word, group in by_first_word.items()},
        tuple(by_first_prefix),
        matches_everything=any(not entry for entry in compiled),
    )


def _count(tokens: Sequence[str], entries: Iterable[str]) -> int:
    """How many places in ``tokens`` start a match of any entry."""
    words = _word_list(tuple(entries))
    return sum(
        1 for index in range(len(tokens)) if tokens[index] and words.starts_match(tokens, index)
    )


def _pattern_found(text: str, patterns: Iterable[str], case_sensitive: bool) -> bool:
    flags = re.ASCII if case_sensitive else re.ASCII | re.IGNORECASE
    return any(re.search(pattern, text, flags) for pattern in patterns)


def _found_any(text: str, params: Mapping[str, Any]) -> bool:
    tokens = _tokens(text, params.get("ignore", ()))
    return _count(tokens, params.get("words", ())) > 0 or _pattern_found(
        text, params.get("patterns", ()), params.get("case_sensitive", False)
    )


def _business_days_after(start: dt.date, end: dt.date) -> int:
    """Working days (Monday to Friday) after ``start``, up to and including ``end``."""
    days = (end - start).days
    return sum(1 for n in range(1, days + 1) if (start + dt.timedelta(n)).weekday() < 5)


def _fires(check: Check, text: str, context: CheckContext) -> Severity | None:
    params = check.params
    if check.rule == "placeholders":
        pattern = params.get("pattern", PLACEHOLDER_PATTERN)
        left = context.missing or re.search(pattern, text, re.ASCII)
        return check.severity if left else None
    if check.rule == "word-count":
        count = len(text_words(text))
        error_over, warn_over = params.get("error_over"), params.get("warn_over")
        if error_over is not None and count > error_over:
            return "error"
        return "warning" if warn_over is not None and count > warn_over else None
    if check.rule == "ratio":
        tokens = _tokens(text)
        mine, theirs = _count(tokens, params["words"]), _count(tokens, params["versus"])
        enough = mine >= params.get("min_count", 1)
        return check.severity if enough and mine > params.get("factor", 1) * theirs else None
    if check.rule == "contains-any":
        return check.severity if _found_any(text, params) else None
    if check.rule == "missing-any":
        return None if _found_any(text, params) else check.severity
    if check.rule == "follow-up-gap":
        if context.today is None or context.follow_up_date is None:
            return None
        working = _business_days_after(context.today, context.follow_up_date)
        if working < params.get("error_under_business_days", 0):
            return "error"
        days = (context.follow_up_date - context.today).days
        return "warning" if days < params.get("warn_under_days", 0) else None
    raise ValueError(f"unknown rule {check.rule!r}")  # merge_checks refuses unknown rules


def evaluate(
    checks: Iterable[Check], text: str, context: CheckContext
) -> list[tuple[str, Severity]]:
    """The checks that fire on ``text``, in order, with their severity."""
    found: list[tuple[str, Severity]] = []
    for check in checks:
        if check.applies.matches(context.channel, context.relationship, context.kind):
            severity = _fires(check, text, context)
            if severity is not None:
                found.append((check.id, severity))
    return found


# Configuration --------------------------------------------------------------------------

_TYPE_WORDS: dict[Any, str] = {bool: "true or false", str: "text"}
_CHECK_KEYS = ("id", "rule", "message", "link", "severity", "applies", "enabled", "lang")
_LIST_PARAMS = ("words", "versus", "patterns", "ignore")


def _strings(where: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{where} must be a list of words or names")
    return tuple(value)


def _applies(where: str, value: Any, channels: Iterable[str] | None) -> Applies:
    if not isinstance(value, Mapping):
        raise ValueError(f"{where} must be a mapping with channels, relationships and/or kinds")
    known: dict[str, Iterable[str] | None] = {
        "channels": channels,
        "not_channels": channels,
        "relationships": RELATIONSHIPS,
        "kinds": KINDS,
    }
    unknown = sorted(set(value) - set(known))
    if unknown:
        raise ValueError(
            f"{where} has no key {', '.join(unknown)}; "
            "use channels, not_channels, relationships or kinds"
        )
    result: dict[str, tuple[str, ...]] = {}
    for key, allowed in known.items():
        names = _strings(f"{where}.{key}", value.get(key, []))
        if allowed is not None:
            allowed = tuple(allowed)
            wrong = [name for name in names if name not in allowed]
            if wrong:
                raise ValueError(
                    f"{where}.{key}: unknown {', '.join(wrong)}; known: {', '.join(allowed)}"
                )
        result[key] = names
    return Applies(**result)


def _params(where: str, rule: str, given: Mapping[str, Any]) -> dict[str, Any]:
    expected = RULES[rule]
    params: dict[str, Any] = {}
    for key, value in given.items():
        if key not in expected:
            raise ValueError(
                f"{where}: the rule {rule} has no setting `{key}`; "
                f"its settings: {', '.join(expected)}"
            )
        wanted = expected[key]
        if wanted is list:
            value = list(_strings(f"{where}.{key}", value))
        elif (isinstance(value, bool) and wanted is not bool) or not isinstance(value, wanted):
            raise ValueError(f"{where}.{key} must be {_TYPE_WORDS.get(wanted, 'a number')}")
        if key in ("pattern", "patterns"):
            for pattern in [value] if isinstance(value, str) else value:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ValueError(
                        f"{where}.{key}: `{pattern}` is not a valid pattern: {exc}"
                    ) from None
        params[key] = value
    return params


def _check_from(
    where: str,
    spec: Mapping[str, Any],
    base: Check | None,
    channels: Iterable[str] | None,
    language: str,
) -> Check:
    rule = spec.get("rule", base.rule if base else None)
    if rule is None:
        raise ValueError(f"{where} is a new check and needs a rule: {', '.join(RULES)}")
    if rule not in RULES:
        raise ValueError(f"{where}: unknown rule `{rule}`; rules: {', '.join(RULES)}")
    changes: dict[str, Any] = {"rule": rule}
    for key in ("message", "link"):
        if key in spec:
            if not isinstance(spec[key], str):
                raise ValueError(f"{where}.{key} must be text")
            changes[key] = spec[key]
    if base is None and "message" not in spec:
        raise ValueError(f"{where} is a new check and needs a message")
    if "severity" in spec:
        if spec["severity"] not in SEVERITIES:
            raise ValueError(f"{where}.severity must be warning or error")
        changes["severity"] = spec["severity"]
    if "applies" in spec:
        changes["applies"] = _applies(f"{where}.applies", spec["applies"], channels)
    lang = spec.get("lang", language)
    if not isinstance(lang, str) or not lang.strip():
        raise ValueError(f"{where}.lang must be a language code like en or es")
    lang = primary_language(lang)
    given = _params(where, rule, {k: v for k, v in spec.items() if k not in _CHECK_KEYS})
    same_rule = base is not None and base.rule == rule
    keep = base.params if base is not None and same_rule else {}
    if base is None or not same_rule:
        changes["lang"] = lang
        changes["translations"] = {}
        changes["params"] = {**keep, **given}
    elif primary_language(base.lang) == lang:
        changes["params"] = {**keep, **given}
    else:
        # Word lists given for another language than the check's own are its translation.
        lists = {key: value for key, value in given.items() if key in _LIST_PARAMS}
        others = {key: value for key, value in given.items() if key not in _LIST_PARAMS}
        changes["params"] = {**keep, **others}
        if lists:
            translations = dict(base.translations)
            translations[lang] = {**translations.get(lang, {}), **lists}
            changes["translations"] = translations
    if base is None:
        return Check(id=spec["id"], **changes)
    return dataclasses.replace(base, **changes)


def merge_checks(
    defaults: Iterable[Check],
    overrides: Iterable[Mapping[str, Any]] | None,
    *,
    channels: Iterable[str] | None = None,
    language: str = "en",
) -> list[Check]:
    """The defaults with a site's ``checks:`` applied, without the ones switched off.

    An override with a known id changes only what it gives (``{id: tone, enabled: false}``,
    ``{id: too-long, warn_over: 60}``); a new id adds a check, which needs a rule and a
    message. ``channels``, when given, are the names ``applies.channels`` may use.
    Word lists are in ``language`` (the site's) unless the entry gives ``lang``.
    Raises ValueError that names the entry and the key at fault.
    """
    checks: dict[str, Check] = {check.id: check for check in defaults}
    disabled: set[str] = set()
    for index, spec in enumerate(overrides or ()):
        where = f"checks[{index}]"
        if not isinstance(spec, Mapping):
            raise ValueError(f"{where} must be a mapping like {{id: tone, enabled: false}}")
        check_id = spec.get("id")
        if not isinstance(check_id, str) or not is_valid_id(check_id):
            raise ValueError(f"{where} needs an id of lower-case letters, digits and hyphens")
        where = f"checks: {check_id}"
        enabled = spec.get("enabled", True)
        if not isinstance(enabled, bool):
            raise ValueError(f"{where}.enabled must be true or false")
        if not enabled:
            disabled.add(check_id)
        else:
            disabled.discard(check_id)
        if check_id not in checks and set(spec) <= {"id", "enabled"}:
            raise ValueError(
                f"{where}: there is no such check; the checks are: {', '.join(checks)}"
            )
        if set(spec) - {"id", "enabled"}:
            checks[check_id] = _check_from(where, spec, checks.get(check_id), channels, language)
    return [check for check_id, check in checks.items() if check_id not in disabled]
