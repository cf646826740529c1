"""`mkdocs serve` rebuilds: only what changed is checked again, and every change shows."""

from __future__ import annotations

import logging

import pytest
from mkdocs.exceptions import Abort

from playbook_plugin.sources import checklists as checklist_sources
from playbook_plugin.sources import messages as message_sources

from .conftest import Site

PUSHY = """\
# Notes

```message
id: hello
title: Hello
channel: email
fields:
  name: {required: true, example: Sam}
---
Hi {{ name }}, I NEED a job!!
```
"""


def failed_rebuild(site: Site, caplog: pytest.LogCaptureFixture) -> str:
    """What a rebuild that stops on the sources says."""
    caplog.clear()
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        site.serve_build()
    return caplog.text


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The path of every checklist and the id line of every template parsed, in order."""
    seen: list[str] = []
    parse_checklist = checklist_sources.parse_checklist
    parse_message = message_sources.parse_message

    def counting_checklist(text: str, *, checklist_id: str, path: str) -> object:
        seen.append(path)
        return parse_checklist(text, checklist_id=checklist_id, path=path)

    def counting_message(source: str, **kwargs: object) -> object:
        seen.append(f"{kwargs['path']}:{kwargs['line']}")
        return parse_message(source, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checklist_sources, "parse_checklist", counting_checklist)
    monkeypatch.setattr("playbook_plugin.sources.playbook.parse_message", counting_message)
    return seen


def test_a_rebuild_after_editing_one_checklist_parses_only_that_one(
    small_playbook: Site, parsed: list[str]
) -> None:
    small_playbook.write("docs/notes.md", PUSHY)
    small_playbook.serve_build()
    parsed.clear()

    small_playbook.write(
        "checklists/after-the-event.md",
        small_playbook.root.joinpath("checklists/after-the-event.md")
        .read_text()
        .replace("Send a thank-you", "Send a short thank-you"),
    )
    small_playbook.serve_build()

    assert parsed == ["checklists/after-the-event.md"]
    assert "Send a short thank-you" in small_playbook.html("checklists/after-the-event/")


def test_a_checklist_changed_and_changed_back_shows_each_version(small_playbook: Site) -> None:
    path = small_playbook.root / "checklists/after-the-event.md"
    original = path.read_text()
    small_playbook.serve_build()
    path.write_text(original.replace("Log each person", "Note each person"))
    small_playbook.serve_build()
    assert "Note each person" in small_playbook.html("checklists/after-the-event/")
    path.write_text(original)
    small_playbook.serve_build()
    page = small_playbook.html("checklists/after-the-event/")
    assert "Log each person" in page and "Note each person" not in page


def test_an_error_fixed_under_serve_is_gone_at_the_next_rebuild(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    path = small_playbook.root / "checklists/after-the-event.md"
    original = path.read_text()
    small_playbook.serve_build()
    path.write_text(original.replace("phase: after", "phase: later"))
    said = "checklists/after-the-event.md:3: unknown phase `later`"
    assert said in failed_rebuild(small_playbook, caplog)
    assert said in failed_rebuild(small_playbook, caplog)  # said again, though not re-parsed
    path.write_text(original)
    small_playbook.serve_build()
    assert "Log each person" in small_playbook.html("checklists/after-the-event/")


def test_a_renamed_checklist_is_known_by_its_new_name_and_errors_name_the_new_file(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    old = small_playbook.root / "checklists/after-the-event.md"
    broken = old.read_text().replace("phase: after", "phase: later")
    small_playbook.write("checklists/after-the-event.md", broken)
    assert "checklists/after-the-event.md:3: " in failed_rebuild(small_playbook, caplog)
    old.unlink()
    small_playbook.write("checklists/afterwards.md", broken)
    said = failed_rebuild(small_playbook, caplog)
    assert "checklists/afterwards.md:3: " in said and "after-the-event" not in said
    small_playbook.write("checklists/afterwards.md", broken.replace("phase: later", "phase: after"))
    small_playbook.serve_build()
    assert "Log each person" in small_playbook.html("checklists/afterwards/")


def test_a_deleted_checklist_is_gone_and_a_page_embedding_it_is_an_error(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    small_playbook.serve_build()
    small_playbook.remove("checklists/before-the-event.md")
    said = failed_rebuild(small_playbook, caplog)
    assert "docs/index.md:6: there is no checklist `before-the-event`" in said
    small_playbook.write("docs/index.md", "# Home\n\nWelcome.\n")
    config = small_playbook.serve_build()
    assert "before-the-event" not in small_playbook.html("checklists/")
    assert config.plugins["playbook"].checklists.keys() == {"after-the-event"}


def test_changing_the_site_settings_checks_unchanged_templates_again(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    small_playbook.write("docs/notes.md", PUSHY)
    with caplog.at_level(logging.WARNING):
        small_playbook.serve_build()
    assert "message `hello` trips the advice check `tone`" in caplog.text
    caplog.clear()
    small_playbook.config["plugins"] = [
        "search",
        {"playbook": {"pdf": False, "checks": [{"id": "tone", "enabled": False}]}},
    ]
    with caplog.at_level(logging.WARNING):
        small_playbook.serve_build()
    assert "trips the advice check `tone`" not in caplog.text
