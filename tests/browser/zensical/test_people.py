"""The People page on the Zensical build: a person added there is picked in a generator, and a
note marked as sent lands on their log, as on the MkDocs build (tests/browser/test_people*.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ...conftest import open_with_instant_navigation
from .test_arrival import follow_navigation_link

pytestmark = [pytest.mark.browser, pytest.mark.zensical]


def test_a_person_added_is_picked_in_a_generator_and_a_sent_note_is_logged(
    zensical_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = zensical_playbook
    page.goto(base + "people/")
    log = page.locator("[data-playbook-people]")
    expect(log).to_have_attribute("data-playbook-ready", "")
    form = log.locator(".playbook-people__add")
    form.locator("[data-playbook-person-field='name']").fill("Ana Ruiz")
    form.locator("[data-playbook-person-field='met_at']").fill("the data meetup")
    form.locator("[data-playbook-person-field='next_step']").fill("send the article")
    form.locator("[data-playbook-person-field='name']").press("Enter")
    expect(page.locator("[data-playbook-people-status]")).to_contain_text("Added Ana Ruiz")

    # To a generator by the navigation, without a page load.
    open_with_instant_navigation(page, base + "people/")
    page.evaluate("window.sameDocument = true")
    follow_navigation_link(page, base + "after-you-meet/")
    expect(page).to_have_url(base + "after-you-meet/")
    note = page.locator("[data-playbook-message='thank-you-after-meeting']")
    expect(note).to_have_attribute("data-playbook-ready", "")
    picker = note.locator("select[data-playbook-person-picker]")
    expect(picker.locator("option")).to_have_text(
        ["No one in particular", "Ana Ruiz (the data meetup)"]
    )
    picker.select_option(label="Ana Ruiz (the data meetup)")
    expect(note.locator("[data-playbook-field='name']")).to_have_value("Ana")
    expect(note.locator("[data-playbook-preview]")).to_contain_text("Hi Ana,")
    # The People page's address, from a page one folder down.
    people_link = note.locator("[data-playbook-people-link]")
    expect(people_link).to_have_attribute("href", base + "people/")
    for field, value in {
        "advice": "portfolios",
        "action": "a case study",
        "my_name": "Leo",
    }.items():
        note.locator(f"[data-playbook-field='{field}']").fill(value)
    note.locator("[data-playbook-action='mark-sent']").click()
    status = note.locator("[data-playbook-message-status]")
    expect(status).to_contain_text("Logged on Ana Ruiz’s list of messages.")
    expect(status).to_contain_text("Next: send the article, on ")
    assert page.evaluate("window.sameDocument === true")

    page.goto(base + "people/")
    ana = page.locator("[data-playbook-person]", has_text="Ana Ruiz")
    entry = ana.locator("[data-playbook-person-log] > li")
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text("Thank-you after a meeting")
    expect(entry).to_contain_text("portfolios")
    due = ana.locator("time[data-playbook-person-due]")
    expect(due).to_contain_text("send the article")
    assert (due.get_attribute("datetime") or "") > dt.date.today().isoformat()
