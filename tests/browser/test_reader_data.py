"""The reader's saved data has a schema: bad files, damaged entries and odd input never cost
the reader what they saved, and the data panel says plainly what it did."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import Page, expect

from playbook_plugin.render.strings import DEFAULT_STRINGS

from ..conftest import AFTER_THE_EVENT, BEFORE_THE_EVENT, Site, free_port, serve

pytestmark = pytest.mark.browser

PREFIX = "playbook:data-site:"
BEFORE = "[data-playbook-checklist='before-the-event']"
MESSAGE = """\
```message
id: odd-names
title: Odd names
channel: linkedin-message
follow_up: 2 weeks
fields:
  __proto__: {label: Prototype}
---
Hi {{ __proto__ }}, thanks.
```
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    playbook = Site(tmp_path_factory.mktemp("reader-data"))
    playbook.config["site_name"] = "Data Site"
    playbook.config["site_url"] = f"http://127.0.0.1:{port}/"
    playbook.write("checklists/before-the-event.md", BEFORE_THE_EVENT)
    playbook.write("checklists/after-the-event.md", AFTER_THE_EVENT)
    playbook.write("docs/index.md", "# Home\n\n```checklist\nbefore-the-event\n```\n")
    playbook.write("docs/guide/index.md", "# Guide\n\n- [ ] Read the guide {#read}\n")
    playbook.write("docs/notes.md", "# Notes\n\n" + MESSAGE)
    playbook.build(strict=False)
    with serve(playbook.site_dir, port) as base:
        yield base


def seed(page: Page, raw: dict[str, str]) -> None:
    """Writes raw strings to localStorage, as a damaged or older browser would hold them."""
    page.evaluate(
        "raw => { for (const [key, value] of Object.entries(raw))"
        " localStorage.setItem(key, value); }",
        raw,
    )


def saved(page: Page) -> dict[str, Any]:
    return page.evaluate(
        "prefix => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith(prefix))"
        ".map(k => [k.slice(prefix.length), localStorage.getItem(k)]))",
        PREFIX,
    )


def export_file(tmp_path: Path, data: Any, **extra: Any) -> Path:
    payload = {"format": "networking-playbook", "version": 1, "namespace": "data-site"}
    payload.update(extra)
    payload["data"] = data
    path = tmp_path / "export.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def import_file(page: Page, path: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import from a file").click()
    chooser.value.set_files(path)


def status(page: Page):
    return page.locator("[data-playbook-data-status]")


def box(page: Page, item: str, checklist: str = BEFORE):
    return page.locator(f"{checklist} input[type=checkbox][data-playbook-item='{item}']")


@pytest.mark.parametrize("value", ["hello", 7, [1, 2], None, {"items": None}, {"items": [1]}])
def test_an_entry_the_page_cannot_read_is_refused_and_ticking_still_saves(
    site: str, page: Page, tmp_path: Path, value: Any
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site + "checklists/")
    import_file(page, export_file(tmp_path, {"checklist:after-the-event": value}))
    expect(status(page)).to_contain_text("Left out 1 entry")
    expect(status(page)).to_contain_text("checklist:after-the-event")
    assert "checklist:after-the-event" not in saved(page)
    page.goto(site + "checklists/after-the-event/")
    page.locator("input[data-playbook-item='thanks']").check()
    # A tick is saved in a task of its own right after it shows: wait for that task.
    page.wait_for_function(
        "key => localStorage.getItem(key)", arg=PREFIX + "checklist:after-the-event"
    )
    assert json.loads(saved(page)["checklist:after-the-event"])["items"] == {"thanks": True}
    assert errors == []


def test_a_bad_import_over_saved_ticks_says_why_and_the_same_file_can_be_picked_again(
    site: str, page: Page, tmp_path: Path
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site)
    box(page, "topics").check()
    page.goto(site + "checklists/")
    path = export_file(tmp_path, {"checklist:before-the-event": {"items": None}})
    import_file(page, path)
    expect(status(page)).to_contain_text("Left out 1 entry")
    page.evaluate("document.querySelector('[data-playbook-data-status]').textContent = ''")
    import_file(page, path)
    expect(status(page)).to_contain_text("Left out 1 entry")
    expect(page.locator("[data-playbook-summary='before-the-event']")).to_have_text("2 of 4")
    assert errors == []


@pytest.mark.parametrize(
    ("name", "data", "extra", "said"),
    [
        ("data is a list", [{"items": {}}], {}, DEFAULT_STRINGS["import_invalid"]),
        ("no format", {}, {"format": "something-else"}, DEFAULT_STRINGS["import_invalid"]),
        ("a newer version", {}, {"version": 999}, "newer version of the playbook (format 999)"),
        ("another site", {}, {"namespace": "other-site"}, "another site (“other-site”)"),
        ("another site, newer", {}, {"namespace": "x", "version": 999}, "newer version"),
    ],
)
def test_a_file_this_site_cannot_use_is_refused_whole_with_the_reason(
    site: str, page: Page, tmp_path: Path, name: str, data: Any, extra: dict, said: str
) -> None:
    page.goto(site + "checklists/")
    before = saved(page)
    import_file(page, export_file(tmp_path, data, **extra))
    expect(status(page)).to_contain_text(said)
    assert saved(page) == before, name


def test_keys_this_site_never_uses_are_left_out_and_named(
    site: str, page: Page, tmp_path: Path
) -> None:
    page.goto(site + "checklists/")
    data = {
        "": {"items": {}},
        "../../x": {"items": {}},
        "checklist:../../x": {"items": {"a": True}},
        "checklist:page:guide": {"items": {"read": True}},
        "checklist:after-the-event": {"items": {"log": True}},
    }
    import_file(page, export_file(tmp_path, data))
    expect(status(page)).to_contain_text("Imported 2 entries.")
    expect(status(page)).to_contain_text("Left out 3 entries")
    expect(status(page)).to_contain_text(
        "“../../x” (not a checklist, task list, message draft, person or profile)"
    )
    expect(status(page)).to_contain_text("“checklist:../../x” (a name this site never uses)")
    assert sorted(saved(page)) == ["checklist:after-the-event", "checklist:page:guide"]


def test_a_file_over_the_size_limit_is_not_read(site: str, page: Page, tmp_path: Path) -> None:
    page.goto(site + "checklists/")
    path = export_file(tmp_path, {"checklist:after-the-event": {"items": {"log": True}}})
    path.write_text(path.read_text() + " " * (6 * 1024 * 1024))
    import_file(page, path)
    expect(status(page)).to_have_text(DEFAULT_STRINGS["import_too_large"].replace("{size}", "5 MB"))
    assert saved(page) == {}


def test_imported_counts_only_what_was_saved(site: str, page: Page, tmp_path: Path) -> None:
    page.goto(site + "checklists/")
    data = {
        "checklist:before-the-event": {"items": {"research": True}},
        "message:odd-names": {"values": {"__proto__": "Ada"}, "date": ""},
        "checklist:after-the-event": "hello",
    }
    import_file(page, export_file(tmp_path, data))
    expect(status(page)).to_contain_text("Imported 2 entries.")
    assert sorted(saved(page)) == ["checklist:before-the-event", "message:odd-names"]


def test_erase_removes_every_entry_of_the_site_even_unreadable_ones(site: str, page: Page) -> None:
    page.goto(site + "checklists/")
    seed(
        page,
        {
            PREFIX + "checklist:before-the-event": '{"items": {"topics": true}}',
            PREFIX + "checklist:x": "null",
            PREFIX + "message:y": "{not json",
            PREFIX + "something-else": "1",
            "playbook:another-site:checklist:x": "{}",
        },
    )
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Erase my data").click()
    expect(status(page)).to_contain_text("Erased 4 entries.")
    assert saved(page) == {}
    assert page.evaluate("Object.keys(localStorage)") == ["playbook:another-site:checklist:x"]


def test_a_damaged_entry_is_repaired_with_a_notice_and_the_page_keeps_working(
    site: str, page: Page
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site + "checklists/")
    seed(page, {PREFIX + "checklist:before-the-event": '"hello"'})
    page.goto(site)
    notice = page.locator("[data-playbook-data-notice]")
    expect(notice).to_have_text(DEFAULT_STRINGS["data_repaired"])
    expect(notice).to_have_attribute("role", "status")
    expect(box(page, "phone")).to_be_checked()  # the checklist's own default
    box(page, "topics").check()
    page.reload()
    expect(box(page, "topics")).to_be_checked()
    expect(page.locator("[data-playbook-data-notice]")).to_have_count(0)
    assert errors == []


def test_data_saved_by_the_previous_release_still_loads(site: str, page: Page) -> None:
    page.goto(site + "checklists/")
    seed(
        page,
        {
            PREFIX + "checklist:before-the-event": json.dumps(
                {"items": {"topics": True, "phone": False}, "updated": "2026-11-01T10:00:00Z"}
            ),
            # The task list of docs/guide/index.md, under the key the previous release used.
            PREFIX + "checklist:page:guide/index": json.dumps({"items": {"read": True}}),
            PREFIX + "message:odd-names": json.dumps(
                {"values": {"__proto__": "Grace"}, "date": ""}
            ),
        },
    )
    page.goto(site)
    expect(box(page, "topics")).to_be_checked()
    expect(box(page, "phone")).not_to_be_checked()
    expect(page.locator(f"{BEFORE} [data-playbook-progress]")).to_have_text("1 of 4")
    page.goto(site + "guide/")
    expect(page.locator("input[data-playbook-item='read']")).to_be_checked()
    page.goto(site + "notes/")
    expect(page.locator("[data-playbook-field='__proto__']")).to_have_value("Grace")
    expect(page.locator("[data-playbook-data-notice]")).to_have_count(0)


def test_a_field_named_proto_renders_what_the_reader_typed(site: str, page: Page) -> None:
    page.goto(site + "notes/")
    generator = page.locator("[data-playbook-message='odd-names']")
    generator.locator("[data-playbook-field='__proto__']").fill("Ada")
    expect(generator.locator("[data-playbook-preview]")).to_have_text("Hi Ada, thanks.")
    page.reload()
    expect(generator.locator("[data-playbook-preview]")).to_have_text("Hi Ada, thanks.")


def test_a_reminder_on_the_last_day_the_calendar_can_hold_is_a_valid_file(
    site: str, page: Page
) -> None:
    page.goto(site + "notes/")
    generator = page.locator("[data-playbook-message='odd-names']")
    date_input = generator.locator("[data-playbook-remind-date]")
    expect(date_input).to_have_attribute("max", "9999-12-30")
    generator.locator("[data-playbook-field='__proto__']").fill("Ada")
    date_input.fill("9999-12-31")
    with page.expect_download() as download_info:
        generator.locator("[data-playbook-action='remind']").click()
    raw = Path(download_info.value.path()).read_bytes().decode("utf-8")
    starts = re.findall(r"DTSTART;VALUE=DATE:(\d+)", raw)
    ends = re.findall(r"DTEND;VALUE=DATE:(\d+)", raw)
    assert starts == ["99991230"] and ends == ["99991231"]
    event = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert event.decoded("DTEND") > event.decoded("DTSTART")
