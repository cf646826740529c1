"""Which template fields a person from the People log, or the reader's profile, fills in.

A template can say it in its header (``name: {person: first_name}``, ``my_name: {profile:
your_name}``, or ``person: false`` to leave a field alone); without that, the field's label
(or, for a field with no label of its own, its name) is looked up in :data:`RECOGNISED`, the
one list of common names and bracket labels (the README prints it). The build works the
mapping out; the browser only reads the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "PERSON_VALUES",
    "PROFILE_VALUES",
    "RECOGNISED",
    "Filler",
    "normal_label",
    "recognise",
]

Source = Literal["person", "profile"]

PERSON_VALUES: dict[str, str] = {
    "first_name": "the first word of their name",
    "name": "their name as you wrote it",
    "met_at": "where you met",
    "met_on": "when you met (“on Tuesday” within a week, else “on 28 November”)",
    "talked_about": "what you talked about",
    "next_step": "their next step, or what you promised",
    "contact": "how to reach them",
}
"""What a person in the People log can fill in, and what it is."""

PROFILE_VALUES: dict[str, str] = {
    "your_name": "your name",
    "school_or_role": "your school, course or role, in a few words",
    "story": "a line about you",
    "contact": "how to reach you",
}
"""What the reader's one profile holds ("about me"), shared by every template."""


@dataclass(frozen=True)
class Filler:
    """Where a field's value comes from: ``Filler("person", "first_name")``."""

    source: Source
    value: str

    def to_json(self) -> dict[str, str]:
        return {self.source: self.value}


def _fill(source: Source, value: str, names: str, labels: str) -> list[tuple[str, str, Filler]]:
    filler = Filler(source, value)
    rows = [("name", name, filler) for name in names.split()]
    rows += [("label", label.strip(), filler) for label in labels.split(";") if label.strip()]
    return rows


RECOGNISED: tuple[tuple[str, str, Filler], ...] = (
    *_fill(
        "person",
        "first_name",
        "name first_name firstname their_name their_first_name recipient recipient_name",
        "first name; their first name; their name; name; recipient's name; recipient name; "
        "contact name; contact's name; name of the person",
    ),
    *_fill("person", "name", "full_name their_full_name", "their full name; full name"),
    *_fill(
        "person",
        "met_at",
        "place event event_name where_we_met where_met met_at",
        "where you met; where we met; event; event name; name of the event; the event",
    ),
    *_fill(
        "person",
        "met_on",
        "met_on when_we_met when_met date_met",
        "when you met; when we met; date we met; the day you met",
    ),
    *_fill(
        "person",
        "talked_about",
        "topic talked_about what_we_talked_about conversation",
        "what you talked about; what we talked about; topic; topic of conversation; "
        "what they told you about",
    ),
    *_fill(
        "person",
        "next_step",
        "next_step promise promised",
        "next step; their next step; what you promised",
    ),
    *_fill(
        "person",
        "contact",
        "their_email their_contact their_phone",
        "their email; their email address; their contact; their phone number",
    ),
    *_fill(
        "profile",
        "your_name",
        "my_name your_name sender sender_name signature",
        "your name; my name; your full name; your first name; sender's name",
    ),
    *_fill(
        "profile",
        "school_or_role",
        "about_me my_school your_school my_role your_role school_or_role",
        "who you are in a few words; your school; your school or course; your course; "
        "your role; your job title; your school or role; your major",
    ),
    *_fill(
        "profile",
        "story",
        "my_story your_story story one_line_story",
        "your story; your story in one line; a line about you; your one line story",
    ),
    *_fill(
        "profile",
        "contact",
        "my_contact your_contact my_email your_email my_phone your_phone",
        "your contact; your contact details; your email; your email address; "
        "your phone number; how to reach you",
    ),
)
"""``(what is matched, the name or label, the filler)``, in the order they are tried."""

_BY_NAME = {key: filler for kind, key, filler in RECOGNISED if kind == "name"}
_BY_LABEL = {key: filler for kind, key, filler in RECOGNISED if kind == "label"}
_NOT_LETTERS = re.compile(r"[^\w']+")


def normal_label(label: str) -> str:
    """A label as it is looked up: lower case, curly quotes straight, no punctuation."""
    text = label.replace("\u2019", "'").lower()
    return " ".join(_NOT_LETTERS.sub(" ", text).split()).strip("'")


def recognise(name: str, label: str, *, labelled: bool) -> Filler | None:
    """The filler a field gets without a declaration.

    A label the author wrote (``labelled``, or a bracket placeholder's words) says what the
    field is, so it alone decides: ``topic`` labelled "What you want to follow" is not what
    you talked about. A field known only by its name is looked up by the name.
    """
    if labelled:
        return _BY_LABEL.get(normal_label(label))
    return _BY_NAME.get(name.lower()) or _BY_LABEL.get(normal_label(label))
