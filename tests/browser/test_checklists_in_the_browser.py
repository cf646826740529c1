"""Checklists as a reader uses them, in Debian's Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from ..conftest import BEFORE_THE_EVENT, Site, open_with_instant_navigation

pytestmark = pytest.mark.browser

CHECKLIST = "[data-playbook-checklist='before-the-event']"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def box(page: Page, item: str, checklist: str = CHECKLIST):
    return page.locator(f"{checklist} input[type=checkbox][data-playbook-item='{item}']")


def progress(page: Page, checklist: str = CHECKLIST):
    return page.locator(f"{checklist} [data-playbook-progress]")


def test_a_ticked_item_stays_ticked_after_reload(served: tuple[Site, str], page: Page) -> None:
    _, base = served
    page.goto(base + "checklists/before-the-event/")
    expect(progress(page)).to_have_text("1 of 4")
    page.get_by_label("Choose two or three topics").check()
    expect(progress(page)).to_have_text("2 of 4")
    page.reload()
    expect(box(page, "topics")).to_be_checked()
    expect(box(page, "phone")).to_be_checked()
    expect(progress(page)).to_have_text("2 of 4")


def test_ticks_are_saved_under_the_site_namespace(served: tuple[Site, str], page: Page) -> None:
    _, base = served
    page.goto(base + "checklists/before-the-event/")
    box(page, "research").check()
    # A tick is saved in a task of its own right after it shows: wait for that task.
    page.wait_for_function(
        "localStorage.getItem('playbook:test-playbook:checklist:before-the-event')"
    )
    saved = page.evaluate(
        "JSON.parse(localStorage.getItem('playbook:test-playbook:checklist:before-the-event'))"
    )
    assert saved["items"] == {"research": True}
    assert [key for key in page.evaluate("Object.keys(localStorage)")] == [
        "playbook:test-playbook:checklist:before-the-event"
    ]


def test_progress_is_a_live_region_for_screen_readers(served: tuple[Site, str], page: Page) -> None:
    _, base = served
    page.goto(base + "checklists/before-the-event/")
    expect(progress(page)).to_have_attribute("role", "status")


def test_an_embedded_checklist_shares_ticks_with_its_own_page(
    served: tuple[Site, str], page: Page
) -> None:
    _, base = served
    page.goto(base)
    box(page, "topics").check()
    page.goto(base + "checklists/before-the-event/")
    expect(box(page, "topics")).to_be_checked()
    box(page, "topics").uncheck()
    box(page, "research-speakers").check()
    page.goto(base)
    expect(box(page, "topics")).not_to_be_checked()
    expect(box(page, "research-speakers")).to_be_checked()


def test_reset_clears_this_checklist_after_the_reader_confirms(
    served: tuple[Site, str], page: Page
) -> None:
    _, base = served
    page.goto(base + "checklists/before-the-event/")
    box(page, "topics").check()
    box(page, "phone").uncheck()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset").click()
    expect(box(page, "topics")).to_be_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset").click()
    expect(box(page, "topics")).not_to_be_checked()
    expect(box(page, "phone")).to_be_checked()
    expect(progress(page)).to_have_text("1 of 4")


def test_page_task_lists_remember_ticks_per_page(served: tuple[Site, str], page: Page) -> None:
    _, base = served
    page.goto(base + "plays/")
    checklist = "[data-playbook-checklist='page:plays']"
    page.get_by_label("Ask for a next step").check()
    expect(progress(page, checklist)).to_have_text("1 of 2")
    page.reload()
    expect(box(page, "next-step", checklist)).to_be_checked()


def test_the_overview_shows_the_readers_progress(served: tuple[Site, str], page: Page) -> None:
    _, base = served
    page.goto(base + "checklists/after-the-event/")
    page.get_by_label("Send a thank-you within 24 hours").check()
    page.goto(base + "checklists/")
    expect(page.locator("[data-playbook-summary='after-the-event']")).to_have_text("1 of 2")
    expect(page.locator("[data-playbook-summary='before-the-event']")).to_have_text("1 of 4")


def test_instant_navigation_sets_up_the_new_page(served: tuple[Site, str], page: Page) -> None:
    _, base = served
    open_with_instant_navigation(page, base)
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav__link", has_text="Plays").first.click()
    expect(page).to_have_url(base + "plays/")
    assert page.evaluate("window.__sameDocument") is True, "the page was fully reloaded"
    page.get_by_label("Ask for a next step").check()
    expect(progress(page, "[data-playbook-checklist='page:plays']")).to_have_text("1 of 2")
    page.go_back()
    expect(page).to_have_url(base)
    box(page, "topics").check()
    expect(progress(page)).to_have_text("2 of 4")
    assert page.evaluate("window.__sameDocument") is True
    page.reload()
    expect(box(page, "topics")).to_be_checked()


def test_checklists_work_from_file_urls(small_playbook: Site, page: Page) -> None:
    small_playbook.build()
    url = (small_playbook.site_dir / "checklists/before-the-event/index.html").as_uri()
    page.goto(url)
    box(page, "research").check()
    expect(progress(page)).to_have_text("2 of 4")
    page.reload()
    expect(box(page, "research")).to_be_checked()
    page.goto((small_playbook.site_dir / "index.html").as_uri())
    expect(box(page, "research")).to_be_checked()


def test_two_open_tabs_stay_in_step(served: tuple[Site, str], page: Page) -> None:
    _, base = served
    page.goto(base + "checklists/before-the-event/")
    other = page.context.new_page()
    other.goto(base)
    box(page, "topics").check()
    expect(box(other, "topics")).to_be_checked()
    expect(progress(other)).to_have_text("2 of 4")
    box(other, "phone").uncheck()
    expect(box(page, "phone")).not_to_be_checked()


def export_file(page: Page, tmp_path: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my data").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


def import_file(page: Page, path: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import from a file").click()
    chooser.value.set_files(path)


def test_export_then_import_brings_the_ticks_back(
    served: tuple[Site, str], page: Page, tmp_path: Path
) -> None:
    _, base = served
    page.goto(base + "checklists/before-the-event/")
    box(page, "topics").check()
    page.goto(base + "checklists/")
    path = export_file(page, tmp_path)
    exported = json.loads(path.read_text())
    assert exported["format"] == "networking-playbook"
    assert exported["data"]["checklist:before-the-event"]["items"] == {"topics": True}
    assert path.name.startswith("test-playbook-")

    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator("[data-playbook-summary='before-the-event']")).to_have_text("1 of 4")
    import_file(page, path)
    expect(page.locator("[data-playbook-data-status]")).to_have_text("Imported 1 entry.")
    expect(page.locator("[data-playbook-summary='before-the-event']")).to_have_text("2 of 4")


def test_import_merges_and_asks_before_replacing_different_ticks(
    served: tuple[Site, str], page: Page, tmp_path: Path
) -> None:
    _, base = served
    path = tmp_path / "backup.json"
    path.write_text(
        json.dumps(
            {
                "format": "networking-playbook",
                "version": 1,
                "namespace": "test-playbook",
                "data": {
                    "checklist:before-the-event": {"items": {"topics": False, "research": True}},
                    "checklist:after-the-event": {"items": {"log": True}},
                },
            }
        )
    )
    page.goto(base + "checklists/before-the-event/")
    box(page, "topics").check()
    page.goto(base + "checklists/")
    messages: list[str] = []

    def keep_mine(dialog) -> None:
        messages.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", keep_mine)
    import_file(page, path)
    expect(page.locator("[data-playbook-data-status]")).to_have_text("Imported 2 entries.")
    assert "1 entry in the file differs" in messages[0]
    page.goto(base + "checklists/before-the-event/")
    expect(box(page, "topics")).to_be_checked()
    expect(box(page, "research")).to_be_checked()
    page.goto(base + "checklists/after-the-event/")
    expect(box(page, "log", "[data-playbook-checklist='after-the-event']")).to_be_checked()


def test_a_file_that_is_not_an_export_is_refused_politely(
    served: tuple[Site, str], page: Page, tmp_path: Path
) -> None:
    _, base = served
    path = tmp_path / "other.json"
    path.write_text('{"hello": "world"}')
    page.goto(base + "checklists/")
    import_file(page, path)
    expect(page.locator("[data-playbook-data-status]")).to_have_text(
        "That file is not a Networking Playbook export."
    )


def test_keyboard_alone_ticks_an_item_with_a_visible_focus(
    served: tuple[Site, str], page: Page
) -> None:
    _, base = served
    page.goto(base + "checklists/before-the-event/")
    first = box(page, "topics")
    for _ in range(40):
        page.keyboard.press("Tab")
        if first.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the first checklist item")
    outline = first.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline not in ("none", "")
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    expect(progress(page)).to_have_text("2 of 4")


def test_without_javascript_the_checklist_reads_as_boxes(
    browser: Browser, small_playbook: Site
) -> None:
    small_playbook.build()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((small_playbook.site_dir / "checklists/before-the-event/index.html").as_uri())
    expect(page.locator(f"{CHECKLIST} input[type=checkbox]")).to_have_count(4)
    expect(page.get_by_label("Charge your phone")).to_be_checked()
    expect(progress(page)).to_have_text("1 of 4")
    expect(page.get_by_role("button", name="Reset")).to_be_hidden()
    context.close()


def test_ticks_survive_a_rebuild_with_items_moved_reworded_and_removed(
    served: tuple[Site, str], page: Page
) -> None:
    site, base = served
    page.goto(base + "checklists/before-the-event/")
    for item in ("topics", "research-speakers"):
        box(page, item).check()
    box(page, "phone").uncheck()

    reordered_reworded_removed = """\
---
title: Before the event
phase: before
---

- [x] Charge your phone {#phone}
- [ ] Read up on the hosts' work {#research}
- [ ] Pick your topics {#topics}
"""
    site.write("checklists/before-the-event.md", reordered_reworded_removed)
    site.build()
    page.reload()
    expect(box(page, "phone")).not_to_be_checked()
    expect(page.get_by_label("Pick your topics")).to_be_checked()
    expect(box(page, "research-speakers")).to_have_count(0)

    site.write("checklists/before-the-event.md", BEFORE_THE_EVENT)
    site.build()
    page.reload()
    expect(box(page, "research-speakers")).to_be_checked()
    expect(box(page, "topics")).to_be_checked()
    expect(progress(page)).to_have_text("2 of 4")


def test_a_checklist_page_of_the_default_playbook_has_no_axe_violations(
    default_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = default_playbook
    for scheme in ("default", "slate"):
        page.goto(base + "checklists/before-the-event/")
        page.evaluate(
            "scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme
        )
        page.locator("[data-playbook-checklist] input[type=checkbox]").first.check()
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
        assert results.violations_count == 0, results.generate_report()


def test_erase_removes_everything_this_site_saved_after_confirming(
    served: tuple[Site, str], page: Page
) -> None:
    _, base = served
    page.goto(base + "checklists/before-the-event/")
    box(page, "topics").check()
    page.evaluate("localStorage.setItem('playbook:another-site:checklist:x', '{}')")
    page.goto(base + "checklists/")
    # The first press loads the data panel's script, then asks (during the press when the
    # script came at pointer down, else once it has come): the answer is ready either way.
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Erase my data").click()
    for _ in range(100):
        if asked:
            break
        page.wait_for_timeout(100)
    assert asked, "the first press never asked"
    expect(page.locator("[data-playbook-summary='before-the-event']")).to_have_text("2 of 4")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Erase my data").click()
    expect(page.locator("[data-playbook-data-status]")).to_contain_text("Erased 1 entry.")
    expect(page.locator("[data-playbook-summary='before-the-event']")).to_have_text("1 of 4")
    assert page.evaluate("Object.keys(localStorage)") == ["playbook:another-site:checklist:x"]
