"""Checklist files as authors write them: ids, nesting, details, defaults."""

from __future__ import annotations

import pytest

from playbook_plugin.sources.checklists import parse_checklist
from playbook_plugin.sources.errors import SourceErrors

from .conftest import BEFORE_THE_EVENT


def parse(text: str, checklist_id: str = "before-the-event"):
    return parse_checklist(text, checklist_id=checklist_id, path=f"checklists/{checklist_id}.md")


def test_front_matter_and_items_are_read() -> None:
    checklist = parse(BEFORE_THE_EVENT)
    assert checklist.title == "Before the event"
    assert checklist.phase == "before"
    assert checklist.summary == "Arrive knowing what you want to talk about."
    assert checklist.print is True
    assert checklist.intro == "Start a day or two ahead."
    assert [item.id for item in checklist.all_items()] == [
        "topics",
        "research",
        "research-speakers",
        "phone",
    ]


def test_nested_items_and_indented_detail_belong_to_their_item() -> None:
    checklist = parse(BEFORE_THE_EVENT)
    topics, research, phone = checklist.items
    assert topics.detail == "Think of what you **enjoy** talking about."
    assert [child.id for child in research.children] == ["research-speakers"]
    assert phone.checked and not topics.checked


def test_an_item_without_an_explicit_id_gets_a_slug_of_its_text() -> None:
    checklist = parse("---\ntitle: T\n---\n- [ ] Bring *business* cards & a pen!\n")
    assert checklist.items[0].id == "bring-business-cards-a-pen"


def test_slug_ids_survive_rewording_only_when_explicit() -> None:
    first = parse("---\ntitle: T\n---\n- [ ] Bring cards {#cards}\n")
    reworded = parse("---\ntitle: T\n---\n- [ ] Pack a few business cards {#cards}\n")
    assert first.items[0].id == reworded.items[0].id == "cards"


def test_phase_defaults_to_anytime_and_print_to_true() -> None:
    checklist = parse("---\ntitle: Routine\n---\n- [ ] Call one person\n", "routine")
    assert checklist.phase == "anytime"
    assert checklist.print is True


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\ntitle: [unclosed\n---\n- [ ] a\n", 2, "not valid YAML"),
        ("---\nphase: before\n---\n- [ ] a\n", 1, "needs a title"),
        ("---\ntitle: T\nphase: someday\n---\n- [ ] a\n", 3, "unknown phase `someday`"),
        ("---\ntitle: T\n---\n- [ ] a {#Bad_Id}\n", 4, "item id `Bad_Id`"),
        ("---\ntitle: T\n---\n- [ ] a {#x}\n- [ ] b {#x}\n", 5, "already used on line 4"),
        ("---\ntitle: T\n---\nJust an introduction.\n", 4, "has no items"),
        ("---\ntitle: T\n---\n- [ ] a\n    - [ ] b\n        - [ ] c\n", 6, "one level deep"),
        ("---\ntitle: T\n---\n- [ ] a\n- a plain bullet\n", 5, "need a box"),
    ],
)
def test_bad_checklists_name_the_line_and_the_fix(text: str, line: int, words: str) -> None:
    with pytest.raises(SourceErrors) as raised:
        parse(text)
    message = str(raised.value)
    assert message.startswith(f"checklists/before-the-event.md:{line}: "), message
    assert words in message


def test_a_file_name_that_is_not_an_id_is_refused_with_a_rename_hint() -> None:
    with pytest.raises(SourceErrors) as raised:
        parse("---\ntitle: T\n---\n- [ ] a\n", "Before Event")
    assert "rename the file to `before-event.md`" in str(raised.value)


def test_every_problem_in_a_file_is_reported_at_once() -> None:
    with pytest.raises(SourceErrors) as raised:
        parse("---\nphase: later\n---\n- [ ] a {#x}\n- [ ] b {#x}\n")
    assert len(raised.value.errors) == 3


def test_the_introduction_may_hold_an_ordinary_bullet_list() -> None:
    checklist = parse(
        "---\ntitle: T\n---\nBring:\n\n- a pen\n- cards\n\n- [ ] Pack the bag {#bag}\n"
    )
    assert checklist.intro == "Bring:\n\n- a pen\n- cards"
    assert [item.id for item in checklist.items] == ["bag"]
