"""The reminder file the browser builds is a calendar file other programs read correctly.

``icalendar`` parses leniently (LF-only lines and a missing UID pass), so the required
properties, CRLF line ends and the 75-octet limit are asserted here as well.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import icalendar
import pytest

from tests.node_bridge import NodeBridge, node_bridge

SUMMARY = "Follow up: Thank-you after a meeting — café ☕, naïve; " + "é" * 40 + " 👋🏽 " * 10
DESCRIPTION = "Hi Grace,\n\nThank you; truly, it helped.\\ See https://example.org/a,b"


@pytest.fixture(scope="module")
def node() -> Iterator[NodeBridge]:
    with node_bridge() as bridge:
        yield bridge


def build(node: NodeBridge, **options: object) -> str:
    base = {
        "uid": "1234@networking-playbook",
        "date": "2027-03-01",
        "summary": SUMMARY,
        "description": DESCRIPTION,
        "alarm": "Time to follow up",
        "now": "2027-02-03T04:05:06Z",
    }
    return str(node.call("buildIcs", {**base, **options}))


@pytest.mark.parametrize("component", ["VEVENT", "VTODO"])
def test_every_line_ends_in_crlf_and_fits_in_75_octets(node: NodeBridge, component: str) -> None:
    ics = build(node, component=component)
    assert ics.endswith("\r\n")
    assert "\n" not in ics.replace("\r\n", "")
    for line in ics.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, line


def test_an_all_day_event_with_every_required_property(node: NodeBridge) -> None:
    calendar = icalendar.Calendar.from_ical(build(node))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"])
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == "1234@networking-playbook"
    assert event.decoded("DTSTAMP") == dt.datetime(2027, 2, 3, 4, 5, 6, tzinfo=dt.UTC)
    assert event.decoded("DTSTART") == dt.date(2027, 3, 1)
    assert event.decoded("DTEND") == dt.date(2027, 3, 2)
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == dt.timedelta(hours=9)
    assert str(alarm["DESCRIPTION"]) == "Time to follow up"


def test_a_long_unicode_summary_unfolds_to_what_was_written(node: NodeBridge) -> None:
    ics = build(node)
    assert ics.count("\r\n ") >= 3, "the summary is folded"
    (event,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["SUMMARY"]) == SUMMARY
    assert str(event["DESCRIPTION"]) == DESCRIPTION


def test_a_to_do_is_due_on_the_chosen_day(node: NodeBridge) -> None:
    calendar = icalendar.Calendar.from_ical(build(node, component="VTODO", date="2028-02-29"))
    (todo,) = calendar.walk("VTODO")
    assert str(todo["UID"]) and todo.decoded("DTSTAMP")
    assert todo.decoded("DUE") == dt.date(2028, 2, 29)
    (alarm,) = todo.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and "DESCRIPTION" in alarm
