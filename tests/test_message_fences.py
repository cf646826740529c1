"""``message`` fences as authors write them: headers, fields, labels, and exact error lines."""

from __future__ import annotations

import datetime as dt

import pytest

from playbook_plugin.sources.errors import SourceError
from playbook_plugin.sources.messages import (
    Duration,
    build_settings,
    check_example,
    example_text,
    parse_message,
)

SETTINGS = build_settings()
FENCE_LINE = 10
"""The page line of the fence's first content line."""

GOOD = """\
id: good-to-meet-you
title: Good to meet you
channel: email
relationship: met
kind: follow-up
follow_up: 2 weeks
subject: Good to meet you at {{ place }}
fields:
  name: {label: Their first name, required: true, example: Priya}
  place: {example: the spring alumni mixer}
---
Hi {{ name }},

It was good to meet you at {{ place }}. Could we talk [When you are free]?
"""


def parse(source: str, settings=SETTINGS):
    return parse_message(source, path="docs/page.md", line=FENCE_LINE, settings=settings)


def error_of(source: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        parse(source)
    return caught.value


def test_a_full_header_is_read() -> None:
    template = parse(GOOD)
    assert template.id == "good-to-meet-you"
    assert template.title == "Good to meet you"
    assert template.channel.name == "email"
    assert (template.relationship, template.kind) == ("met", "follow-up")
    assert template.follow_up == Duration(2, "week")
    assert template.subject is not None and template.subject.variables == ("place",)
    assert template.line == FENCE_LINE


def test_fields_come_from_the_text_in_header_order_then_text_order() -> None:
    fields = parse(GOOD).fields
    assert [field.name for field in fields] == ["name", "place", "when_you_are_free"]
    name, place, when = fields
    assert (name.label, name.required, name.example) == ("Their first name", True, "Priya")
    assert (place.label, place.required) == ("Place", False)
    assert (when.label, when.example) == ("When you are free", "")


def test_defaults_for_relationship_kind_title_and_follow_up() -> None:
    template = parse("id: hi-there\nchannel: sms\n---\nHi {{ first_name }}")
    assert (template.relationship, template.kind, template.follow_up) == (
        "new",
        "first-message",
        None,
    )
    assert template.title == "Hi there"
    assert template.fields[0].label == "First name"


def test_a_field_given_as_plain_text_is_its_label() -> None:
    template = parse("id: a\nchannel: sms\nfields:\n  x: The thing\n---\n{{ x }}")
    assert template.fields[0].label == "The thing"


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [("3 days", 3, "day"), ("1 day", 1, "day"), ("2 weeks", 2, "week"), ("1 Month", 1, "month")],
)
def test_follow_up_delays(text: str, amount: int, unit: str) -> None:
    template = parse(f"id: a\nchannel: sms\nfollow_up: {text}\n---\nHi")
    assert template.follow_up == Duration(amount, unit)  # type: ignore[arg-type]


def test_a_month_on_from_the_31st_is_the_last_day_of_the_month() -> None:
    assert Duration(1, "month").add_to(dt.date(2024, 1, 31)) == dt.date(2024, 2, 29)
    assert Duration(13, "month").add_to(dt.date(2027, 12, 15)) == dt.date(2029, 1, 15)


def test_the_example_text_uses_every_example() -> None:
    text = example_text(parse(GOOD))
    assert text.startswith("Hi Priya,\n\nIt was good to meet you at the spring alumni mixer.")
    assert text.endswith("Could we talk [When you are free]?")


def test_an_example_that_breaks_advice_is_reported_for_the_build() -> None:
    template = parse(
        "id: pushy\nchannel: email\nkind: first-message\nfollow_up: 2 days\n"
        "fields:\n  name: {required: true, example: Ana}\n  skills: {example: '[skills]'}\n"
        "---\nHi {{ name }}! I need a job with MY SKILLS: {{ skills }}!"
    )
    assert dict(check_example(template, SETTINGS)) == {
        "placeholder-left": "error",
        "no-next-step": "warning",
        "asks-for-job": "warning",
        "tone": "warning",
        "follow-up-too-soon": "error",
    }


def test_a_good_example_passes_every_check() -> None:
    template = parse(GOOD.replace("[When you are free]", "{{ when|default('next week') }}"))
    assert check_example(template, SETTINGS) == []


def test_premium_and_extra_channels_come_from_the_settings() -> None:
    settings = build_settings({"signal": {"label": "Signal"}}, [], linkedin_premium=True)
    assert parse("id: a\nchannel: signal\n---\nHi", settings).channel.label == "Signal"
    assert parse("id: a\nchannel: linkedin-invite\n---\nHi", settings).channel.max_chars == 300


BAD = [
    ("no separator", "id: a\nchannel: sms\nHi there", 0, "a line `---`"),
    ("bad YAML", "id: a\nchannel: sms\ntitle: [unclosed\n---\nHi", 2, "not valid YAML"),
    (
        "a colon in plain text",
        "id: a\ntitle: Note: hi\nchannel: sms\n---\nHi",
        1,
        'put it in quotes: `title: "Note: hi"`',
    ),
    ("a list as header", "- id: a\n---\nHi", 0, "must be settings"),
    ("a missing id", "title: T\nchannel: sms\n---\nHi", 0, "needs an `id:`"),
    ("a bad id", "title: T\nid: Hello World\nchannel: sms\n---\nHi", 1, "lower-case letters"),
    ("a number as id", "id: 42x\nchannel: sms\n---\nHi", None, None),
    ("an unknown key", "id: a\nchannel: sms\ncolour: red\n---\nHi", 2, "unknown setting `colour`"),
    (
        "a key set twice",
        "id: a\nchannel: sms\nchannel: email\n---\nHi",
        2,
        "`channel` is set twice",
    ),
    ("an unknown channel", "id: a\n\nchannel: fax\n---\nHi", 2, "`channel: fax` is not known"),
    ("a missing channel", "id: a\n---\nHi", 0, "`channel` is missing"),
    ("a bad relationship", "id: a\nchannel: sms\nrelationship: boss\n---\nHi", 2, "relationship"),
    ("a bad kind", "id: a\nchannel: sms\nkind: memo\n---\nHi", 2, "`kind: memo` is not known"),
    ("a bad follow-up", "id: a\nchannel: sms\nfollow_up: soon\n---\nHi", 2, "`follow_up: soon`"),
    ("a zero follow-up", "id: a\nchannel: sms\nfollow_up: 0 days\n---\nHi", 2, "is not a delay"),
    ("a subject on SMS", "id: a\nchannel: sms\nsubject: Hi\n---\nHi", 2, "has no subject line"),
    ("a title that is a list", "id: a\nchannel: sms\ntitle: [a, b]\n---\nHi", 2, "must be text"),
    ("no text", "id: a\nchannel: sms\n---\n\n", 3, "no text after `---`"),
    (
        "a field the text does not use",
        "id: a\nchannel: sms\nfields:\n  name: {label: N}\n  place: {label: P}\n---\n{{ name }}",
        4,
        "fields: `place` is not used in the text (it uses: name)",
    ),
    (
        "an unknown field setting",
        "id: a\nchannel: sms\nfields:\n  name:\n    label: N\n    hint: x\n---\n{{ name }}",
        5,
        "unknown setting `hint`",
    ),
    (
        "a required that is not true or false",
        "id: a\nchannel: sms\nfields:\n  name: {required: maybe}\n---\n{{ name }}",
        3,
        "`required` must be true or false",
    ),
    ("fields as a list", "id: a\nchannel: sms\nfields: [a]\n---\nHi", 2, "`fields` must list"),
    ("a bad body", "id: a\nchannel: sms\n---\nHi\n\n{% for x in y %}{% endfor %}", 5, "`for` loop"),
    (
        "a bad subject",
        "id: a\nchannel: email\nsubject: Hi {{ a.b }}\n---\nHi",
        2,
        "an attribute",
    ),
]


@pytest.mark.parametrize(
    ("source", "offset", "words"), [case[1:] for case in BAD], ids=[case[0] for case in BAD]
)
def test_a_bad_fence_is_reported_at_the_line_to_fix(
    source: str, offset: int | None, words: str | None
) -> None:
    if offset is None:
        parse(source)
        return
    error = error_of(source)
    assert (error.path, error.line) == ("docs/page.md", FENCE_LINE + offset)
    assert str(error).startswith(f"docs/page.md:{FENCE_LINE + offset}: ")
    assert words in error.message
