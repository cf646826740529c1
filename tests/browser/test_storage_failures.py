"""When the browser will not save anything, the playbook still works for the session.

Storage fails in the field in three ways: it is switched off (reading ``localStorage`` throws
a SecurityError), it is full (``setItem`` throws a QuotaExceededError), or it is missing
(``localStorage`` is null). In each, checklists and generators keep working in memory, across
Material's instant navigation, and the reader is told once, politely, through a live region.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from playbook_plugin.render.strings import DEFAULT_STRINGS

from ..conftest import open_with_instant_navigation

pytestmark = pytest.mark.browser

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
NOTICE = "[data-playbook-storage-notice]"
EMBEDDED = "[data-playbook-checklist='before-the-event']"
SAVED_BEFORE = "playbook:networking-playbook:checklist:at-the-event"

# Error.captureStackTrace gives the DOMException a stack, so a test can tell who read storage.
FAILURES = {
    "disabled": """
        Object.defineProperty(window, 'localStorage', {configurable: true, get() {
            const error = new DOMException('The user denied access to storage', 'SecurityError');
            Error.captureStackTrace(error);
            throw error;
        }});""",
    "full": f"""
        // What the reader saved before the storage filled up is still there to read.
        localStorage.setItem({json.dumps(SAVED_BEFORE)},
            JSON.stringify({{items: {{'arrive-hosts': true}}}}));
        Storage.prototype.setItem = function () {{
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }};""",
    "missing": "Object.defineProperty(window, 'localStorage', {configurable: true, value: null});",
}

# Every notice the page ever inserts, with its text at that moment: instant navigation keeps
# the window, so this counts across the whole session.
RECORD_NOTICES = """
    window.__notices = [];
    new MutationObserver(records => {
        for (const record of records) {
            for (const node of record.addedNodes) {
                if (node.nodeType === 1 && node.matches('[data-playbook-storage-notice]')) {
                    const role = node.getAttribute('role');
                    window.__notices.push({text: node.textContent, role});
                }
            }
        }
    }).observe(document, {childList: true, subtree: true});
"""


@pytest.fixture(params=list(FAILURES))
def failure(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def refusing_page(failure: str, browser: Browser) -> Iterator[Page]:
    """A page whose storage fails one way, allowed to use the clipboard."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(FAILURES[failure])
    context.add_init_script(RECORD_NOTICES)
    yield context.new_page()
    context.close()


def playbook_errors(errors: list[Any]) -> list[str]:
    """Page errors other than Material's own storage reads (its ``__md_get`` does not catch
    a refused localStorage; that is the theme's, and the page works on without it)."""
    return [f"{error.message}\n{error.stack}" for error in errors if "__md_get" not in error.stack]


def boxes(page: Page, checklist: str = EMBEDDED):
    return page.locator(f"{checklist} input[type=checkbox][data-playbook-item]")


def progress(page: Page, checklist: str = EMBEDDED):
    return page.locator(f"{checklist} [data-playbook-progress]")


def assert_told_once_politely(page: Page) -> None:
    notice = page.locator(NOTICE)
    expect(notice).to_have_count(1)
    expect(notice).to_be_visible()
    expect(notice).to_have_text(DEFAULT_STRINGS["storage_unavailable"])
    expect(notice).to_have_attribute("role", "status")
    text = notice.text_content() or ""
    # Polite: it says what happens to the reader's progress, without blame or alarm.
    assert "progress" in text
    for alarming in ("error", "fail", "must", "!", "invalid", "denied"):
        assert alarming not in text.lower(), alarming
    assert not any(word.isupper() and len(word) > 1 for word in text.split())
    # Announced: the live region was in the page, empty, before its words arrived.
    inserted = page.evaluate("window.__notices")
    assert inserted == [{"text": "", "role": "status"}]


def test_checklists_and_generators_work_for_the_session_and_say_so_once(
    default_playbook: tuple[Path, str], refusing_page: Page, failure: str
) -> None:
    _, base = default_playbook
    page = refusing_page
    pageerrors: list[Any] = []
    page.on("pageerror", lambda error: pageerrors.append(error))
    open_with_instant_navigation(page, base + "before-you-reach-out/")
    page.evaluate("window.__sameDocument = true")
    expect(progress(page)).to_have_text("0 of 17")

    # Ticking, again and again: the progress follows, and the notice is not repeated.
    for index in range(6):
        boxes(page).nth(index).check()
        expect(progress(page)).to_have_text(f"{index + 1} of 17")
    boxes(page).nth(1).uncheck()
    expect(progress(page)).to_have_text("5 of 17")
    assert_told_once_politely(page)

    # A generator still writes the note, and copies it.
    generator = page.locator("[data-playbook-message]").first
    fields = generator.locator("[data-playbook-field]")
    for index in range(fields.count()):
        fields.nth(index).fill(f"Value {index}")
    expect(generator.locator("[data-playbook-preview]")).to_contain_text("Value 0")
    generator.locator("[data-playbook-action='copy']").click()
    expect(generator.locator("[data-playbook-message-status]")).to_have_text(
        DEFAULT_STRINGS["message_copied"]
    )
    shown = generator.locator("[data-playbook-preview]").text_content()
    assert page.evaluate("navigator.clipboard.readText()") == shown
    assert_told_once_politely(page)

    # Instant navigation to the checklist's own page: the session's ticks came along, it
    # keeps working, and the reader is not told again.
    page.locator(f"{EMBEDDED} .playbook-checklist__title a").click()
    expect(page).to_have_url(base + "checklists/before-the-event/")
    assert page.evaluate("window.__sameDocument") is True, "the page was fully reloaded"
    expect(progress(page)).to_have_text("5 of 17")
    expect(boxes(page).nth(0)).to_be_checked()
    expect(boxes(page).nth(1)).not_to_be_checked()
    boxes(page).nth(1).check()
    expect(progress(page)).to_have_text("6 of 17")
    expect(page.locator(NOTICE)).to_have_count(0)
    assert len(page.evaluate("window.__notices")) == 1

    # The overview shows the session's progress, and what was saved before storage filled up.
    # (Material has made the links absolute after the first instant navigation.)
    page.locator(f".md-sidebar--primary a.md-nav__link[href='{base}checklists/']").click()
    expect(page).to_have_url(base + "checklists/")
    assert page.evaluate("window.__sameDocument") is True
    expect(page.locator("[data-playbook-summary='before-the-event']")).to_have_text("6 of 17")
    at_the_event = page.locator("[data-playbook-summary='at-the-event']")
    total = len((at_the_event.get_attribute("data-playbook-items") or "").split())
    saved_before = f"1 of {total}" if failure == "full" else f"0 of {total}"
    expect(at_the_event).to_have_text(saved_before)
    assert len(page.evaluate("window.__notices")) == 1
    assert playbook_errors(pageerrors) == []


def test_the_notice_reads_well_in_light_and_dark(
    default_playbook: tuple[Path, str], browser: Browser
) -> None:
    _, base = default_playbook
    for scheme, material in (("light", "default"), ("dark", "slate")):
        context = browser.new_context(color_scheme=scheme)
        # Full rather than switched off: switched off, Material cannot read the palette.
        context.add_init_script(FAILURES["full"])
        page = context.new_page()
        page.goto(base + "checklists/before-the-event/")
        boxes(page, "[data-playbook-checklist]").first.check()
        expect(page.locator(NOTICE)).to_have_text(DEFAULT_STRINGS["storage_unavailable"])
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", material)
        results = Axe().run(
            page, NOTICE, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}}
        )
        context.close()
        assert results.violations_count == 0, f"{scheme}: {results.generate_report()}"
