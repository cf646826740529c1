"""The playbook on a phone, as a reader uses it in the room: the pocket list fits one screen,
and every long play page says what it holds before the first scroll."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from ..test_default_playbook import PLAYS, POCKET_LIST

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def test_the_pocket_list_fits_one_phone_screen(
    default_playbook: tuple[Path, str], phone: Page
) -> None:
    phone.goto(f"{default_playbook[1]}checklists/{POCKET_LIST}/")
    checklist = phone.locator(f"[data-playbook-checklist='{POCKET_LIST}']").first
    expect(checklist).to_be_visible()
    expect(phone.locator("header.md-header")).to_be_visible()
    box = checklist.bounding_box()
    header = phone.locator("header.md-header").bounding_box()
    assert box is not None and header is not None
    assert box["height"] <= PHONE["height"] - header["height"], box


@pytest.mark.parametrize("section", PLAYS)
def test_a_long_play_page_shows_its_summary_on_the_first_screen(
    default_playbook: tuple[Path, str], phone: Page, section: str
) -> None:
    phone.goto(f"{default_playbook[1]}{section}/")
    summary = phone.locator("article .admonition.abstract").first
    expect(summary).to_be_visible()
    box = summary.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    first_link = summary.locator("a").first
    first_link.click()
    anchor = PLAYS[section][0]
    phone.wait_for_function(
        "id => { const top = document.getElementById(id).getBoundingClientRect().top;"
        " return top >= 0 && top < innerHeight / 2; }",
        arg=anchor,
    )


def test_the_home_page_offers_three_ways_in_on_the_first_phone_screen(
    default_playbook: tuple[Path, str], phone: Page
) -> None:
    base = default_playbook[1]
    phone.goto(base)
    ways = phone.locator(".playbook-moments > ul > li")
    expect(ways).to_have_count(3)
    for index, (heading, link) in enumerate(
        [
            ("An event coming up?", "checklists/before-the-event/"),
            ("At the event now?", "checklists/in-the-room/"),
            ("Met someone?", "people/"),
        ]
    ):
        way = ways.nth(index)
        expect(way).to_contain_text(heading)
        box = way.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], (heading, box)
        assert way.locator(f'a[href$="{link}"]').count() >= 1, (heading, link)

    # Each way in shows where the reader is: progress before and during, who is due after.
    phone.goto(f"{base}checklists/{POCKET_LIST}/")
    phone.locator("input[type=checkbox][data-playbook-item]").first.check()
    phone.goto(f"{base}people/")
    phone.locator('[data-playbook-person-field="name"]').fill("Ana Ruiz")
    phone.locator('[data-playbook-action="add-person"]').click()
    expect(phone.locator("[data-playbook-person-name]").first).to_contain_text("Ana Ruiz")
    phone.goto(base)
    expect(ways.nth(1)).to_contain_text("1 of 8")
    expect(ways.nth(2)).to_contain_text("Ana Ruiz")


def test_on_a_phone_templates_show_their_title_until_opened_and_print_whole(
    default_playbook: tuple[Path, str], phone: Page
) -> None:
    base = default_playbook[1]
    phone.goto(f"{base}after-you-meet/")
    generators = phone.locator("[data-playbook-message][data-playbook-ready]")
    expect(generators.first).to_be_visible()
    count = generators.count()
    assert count >= 3
    first = generators.first
    toggle = first.locator("[data-playbook-action=toggle]")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(first.locator("[data-playbook-preview]")).to_be_hidden()
    height_closed = phone.evaluate("document.documentElement.scrollHeight")

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    field = first.locator("[data-playbook-field]").first
    field.fill("Ana")
    expect(first.locator("[data-playbook-preview]")).to_contain_text("Ana")

    # Paper shows every template whole: its text with lines to write on.
    phone.emulate_media(media="print")
    for index in range(count):
        expect(generators.nth(index).locator(".playbook-message__print")).to_be_visible()
    phone.emulate_media(media="screen")

    # A note begun stays open when the reader comes back; the others stay closed.
    phone.reload()
    expect(generators.first.locator("[data-playbook-action=toggle]")).to_have_attribute(
        "aria-expanded", "true"
    )
    expect(generators.nth(1).locator("[data-playbook-action=toggle]")).to_have_attribute(
        "aria-expanded", "false"
    )
    assert height_closed < 6 * PHONE["height"], height_closed


def test_on_a_laptop_templates_are_open(default_playbook: tuple[Path, str], page: Page) -> None:
    page.goto(f"{default_playbook[1]}after-you-meet/")
    first = page.locator("[data-playbook-message][data-playbook-ready]").first
    expect(first.locator("[data-playbook-action=toggle]")).to_have_attribute(
        "aria-expanded", "true"
    )
    expect(first.locator("[data-playbook-preview]")).to_be_visible()
