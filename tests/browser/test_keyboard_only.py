"""The default playbook by keyboard alone: no clicks, no fills, only keys a reader presses.

A reader ticks a checklist, fills a generator, copies the note and downloads the reminder
with Tab, Shift+Tab, Space, Enter and typing; and wherever the focus goes, they can see it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

pytestmark = pytest.mark.browser

CHECKLIST = "[data-playbook-checklist='before-the-event']"

# What the focused element looks like: an outline that is drawn, or a box shadow (the other
# way focus rings are made), on the element that has the focus or, for a control drawn by a
# label, on that label (Material's palette switch is a hidden radio button followed by the
# label it draws).
FOCUS_STYLE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const ring = node => {
        const style = getComputedStyle(node);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
        return outline || style.boxShadow !== "none";
    };
    const text = (element.getAttribute("aria-label") || element.textContent || "").trim();
    return {
        visible: ring(element) || [...(element.labels || [])].some(ring) ||
            (element.nextElementSibling?.tagName === "LABEL" && ring(element.nextElementSibling)),
        seen: window.__focused.has(element),
        name: element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") +
            (element.className && typeof element.className === "string"
                ? "." + element.className.trim().split(/\\s+/).join(".") : "") +
            " " + JSON.stringify(text.slice(0, 40)),
        mark: (window.__focused.add(element), true),
    };
}"""


@pytest.fixture
def keyboard_page(browser: Browser) -> Iterator[Page]:
    """A reader's page that may use the clipboard (copying is part of the task)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


def start_tabbing(page: Page) -> None:
    page.evaluate("window.__focused = new WeakSet()")


def focus_now(page: Page) -> dict[str, Any] | None:
    return page.evaluate(FOCUS_STYLE)


def is_focused(locator: Locator) -> bool:
    return bool(locator.evaluate("element => element === document.activeElement"))


def tab_to(page: Page, target: Locator, limit: int = 200, key: str = "Tab") -> list[str]:
    """Press Tab until ``target`` has the focus; the elements passed whose focus was not seen."""
    unseen: list[str] = []
    for _ in range(limit):
        page.keyboard.press(key)
        focus = focus_now(page)
        if focus is not None and not focus["visible"]:
            unseen.append(focus["name"])
        if is_focused(target):
            return unseen
    pytest.fail(f"{key} never reached {target}")


def tab_through(page: Page, limit: int = 600) -> tuple[int, list[str]]:
    """Tab through the whole page, from the top until the focus leaves it.

    Returns how many elements took the focus and those whose focus could not be seen (a date
    field takes several presses, one for each of its parts: it counts once).
    """
    start_tabbing(page)
    reached = 0
    unseen: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = focus_now(page)
        if focus is None:
            return reached, unseen
        reached += 0 if focus["seen"] else 1
        if not focus["visible"] and focus["name"] not in unseen:
            unseen.append(focus["name"])
    pytest.fail(f"still tabbing after {limit} elements")


@pytest.mark.parametrize(
    "path", ["checklists/before-the-event/", "before-you-reach-out/", "people/"]
)
def test_every_element_tab_reaches_shows_that_it_has_the_focus(
    default_playbook: tuple[Path, str], page: Page, path: str
) -> None:
    _, base = default_playbook
    page.goto(base + path)
    page.locator(
        "[data-playbook-checklist] [data-playbook-progress], "
        "[data-playbook-people][data-playbook-ready]"
    ).first.wait_for()
    reached, unseen = tab_through(page)
    product = page.locator(
        ":is([data-playbook-checklist], [data-playbook-message], [data-playbook-people], "
        ".playbook-page-actions) "
        ":is(input, button, a[href], textarea):visible"
    ).count()
    assert reached > product, f"Tab reached {reached} elements, the page has {product} controls"
    assert unseen == [], f"no visible focus on: {unseen}"


def test_keyboard_alone_ticks_fills_copies_and_downloads_a_reminder(
    default_playbook: tuple[Path, str], keyboard_page: Page
) -> None:
    _, base = default_playbook
    page = keyboard_page
    page.goto(base + "checklists/before-the-event/")
    start_tabbing(page)

    # Tick the second item (past the first), then change one's mind about the first.
    items = page.locator(f"{CHECKLIST} input[type=checkbox][data-playbook-item]")
    progress = page.locator(f"{CHECKLIST} [data-playbook-progress]")
    expect(progress).to_have_text("0 of 17")
    assert tab_to(page, items.nth(1)) == []
    page.keyboard.press("Space")
    expect(items.nth(1)).to_be_checked()
    expect(progress).to_have_text("1 of 17")
    assert tab_to(page, items.nth(0), key="Shift+Tab") == []
    page.keyboard.press("Space")
    expect(progress).to_have_text("2 of 17")
    page.keyboard.press("Space")
    expect(progress).to_have_text("1 of 17")
    page.reload()
    expect(items.nth(1)).to_be_checked()
    expect(items.nth(0)).not_to_be_checked()
    expect(progress).to_have_text("1 of 17")

    # A generator with a follow-up: fill every field, copy, and download the reminder.
    page.goto(base + "before-you-reach-out/")
    start_tabbing(page)
    generator = page.locator("[data-playbook-message]:has([data-playbook-action='remind'])").first
    fields = generator.locator("[data-playbook-field]")
    preview = generator.locator("[data-playbook-preview]")
    status = generator.locator("[data-playbook-message-status]")
    typed = [f"Answer {index + 1}" for index in range(fields.count())]
    assert tab_to(page, fields.nth(0)) == []
    for index, text in enumerate(typed):
        if index:
            page.keyboard.press("Tab")
            assert is_focused(fields.nth(index)), f"Tab did not go on to field {index + 1}"
        page.keyboard.type(text)
        expect(fields.nth(index)).to_have_value(text)
    shown = preview.text_content() or ""
    subject = generator.locator("[data-playbook-subject]")
    written = shown + (subject.text_content() or "" if subject.count() else "")
    assert all(text in written for text in typed), written

    assert tab_to(page, generator.locator("[data-playbook-action='copy']"), limit=5) == []
    page.keyboard.press("Enter")
    expect(status).to_have_text("Copied. Paste it where you send the message.")
    assert page.evaluate("navigator.clipboard.readText()") == shown

    remind = generator.locator("[data-playbook-action='remind']")
    date = generator.locator("[data-playbook-remind-date]").input_value()
    assert tab_to(page, remind, limit=10) == []
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    expect(status).to_contain_text(download.suggested_filename)
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    events = [component for component in calendar.walk() if component.name == "VEVENT"]
    assert len(events) == 1
    assert events[0]["DTSTART"].dt == dt.date.fromisoformat(date)
    assert str(events[0]["DESCRIPTION"]).startswith(shown)


def test_keyboard_alone_adds_edits_deletes_and_brings_back_a_person(
    default_playbook: tuple[Path, str], keyboard_page: Page
) -> None:
    _, base = default_playbook
    page = keyboard_page
    page.goto(base + "people/")
    start_tabbing(page)
    form = page.locator(".playbook-people__add")
    assert tab_to(page, form.locator("[data-playbook-person-field='name']")) == []
    page.keyboard.type("Keyboard Kim")
    page.keyboard.press("Tab")
    page.keyboard.type("Career fair")
    page.keyboard.press("Enter")
    person = page.locator("[data-playbook-person]", has_text="Keyboard Kim")
    expect(person.locator("[data-playbook-person-name]")).to_have_text("Keyboard Kim")
    expect(person).to_contain_text("Met at Career fair")

    assert tab_to(page, person.locator("[data-playbook-action='edit-person']")) == []
    page.keyboard.press("Enter")
    page.keyboard.press("End")
    page.keyboard.type(" Lee")
    page.keyboard.press("Enter")
    expect(person.locator("[data-playbook-person-name]")).to_have_text("Keyboard Kim Lee")

    page.keyboard.press("Tab")
    expect(person.locator("[data-playbook-action='delete-person']")).to_be_focused()
    page.keyboard.press("Enter")
    expect(person).to_have_count(0)
    page.keyboard.press("Enter")  # the focus is on Undo
    expect(person.locator("[data-playbook-person-name]")).to_have_text("Keyboard Kim Lee")
