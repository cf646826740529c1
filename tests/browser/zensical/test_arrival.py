"""Zensical's instant navigation: every kind of widget of the default playbook works when the
reader arrives by a link in the site, and after back and forward, as on the MkDocs build
(tests/browser/test_every_arrival.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ...conftest import open_with_instant_navigation

pytestmark = [pytest.mark.browser, pytest.mark.zensical]

NAMESPACE = "networking-playbook"
SEEDED = {
    # Saved before the reader arrives: every widget must show it once it is set up.
    f"playbook:{NAMESPACE}:checklist:before-the-event": {"items": {"goal": True}},
    f"playbook:{NAMESPACE}:checklist:page:before-you-reach-out": {"items": {"stretch-event": True}},
    f"playbook:{NAMESPACE}:message:thank-you-after-meeting": {
        "values": {"name": "Grace"},
        "date": "",
    },
    f"playbook:{NAMESPACE}:person:pgrace": {
        "name": "Grace Hopper",
        "met_at": "Alumni night",
        "met_on": dt.date.today().isoformat(),
        "due": dt.date.today().isoformat(),
        "due_step": "Send a thank-you",
        "log": [],
    },
}


def ticking_works(page: Page, checklist: str) -> None:
    """The saved tick shows, and one more tick counts."""
    widget = page.locator(f"[data-playbook-checklist='{checklist}']").first
    expect(widget).to_have_attribute("data-playbook-ready", "")
    boxes = widget.locator("input[data-playbook-item]")
    total = boxes.count()
    progress = widget.locator("[data-playbook-progress]").first
    expect(progress).to_have_text(f"1 of {total}")
    widget.locator("input[data-playbook-item]:not(:checked)").first.check()
    expect(progress).to_have_text(f"2 of {total}")


def checklist_page(page: Page) -> None:
    ticking_works(page, "before-the-event")
    expect(page.get_by_role("button", name="Print")).to_be_visible()


def task_list(page: Page) -> None:
    ticking_works(page, "page:before-you-reach-out")


def overview(page: Page) -> None:
    summary = page.locator("[data-playbook-summary='before-the-event']")
    expect(summary).to_have_attribute("data-playbook-ready", "")
    expect(summary).to_contain_text("1 of")
    expect(page.get_by_role("button", name="Export my data")).to_be_visible()


def generator(page: Page) -> None:
    widget = page.locator("[data-playbook-message='thank-you-after-meeting']")
    expect(widget).to_have_attribute("data-playbook-ready", "")
    name = widget.locator("[data-playbook-field='name']")
    expect(name).to_have_value("Grace")
    expect(widget.locator("[data-playbook-preview]")).to_contain_text("Hi Grace,")
    name.fill("Ada")
    expect(widget.locator("[data-playbook-preview]")).to_contain_text("Hi Ada,")
    expect(widget.locator("[data-playbook-count]")).not_to_be_empty()
    # Styled, however the page came: its stylesheet is linked once, by the page or the core.
    expect(widget).to_have_css("border-top-style", "solid")
    sheets = "link[rel=stylesheet][href$='playbook-messages.css']"
    expect(page.locator(sheets)).to_have_count(1)


def people_log(page: Page) -> None:
    log = page.locator("[data-playbook-people]")
    expect(log).to_have_attribute("data-playbook-ready", "")
    form = log.locator(".playbook-people__add")
    form.locator("[data-playbook-person-field='name']").fill("Ada Lovelace")
    form.locator("[data-playbook-person-field='name']").press("Enter")
    expect(log.locator("[data-playbook-person-name]")).to_have_text(
        ["Grace Hopper", "Ada Lovelace"]
    )
    expect(form).to_have_css("border-top-style", "solid")


def due_list(page: Page) -> None:
    due = page.locator("[data-playbook-people-due]")
    expect(due).to_have_attribute("data-playbook-ready", "")
    expect(due.locator("li").first).to_have_text("Grace Hopper: Send a thank-you: due today")
    expect(due).to_have_css("border-left-style", "solid")
    due.get_by_role("link", name="Grace Hopper").click()
    expect(page.locator("[data-playbook-person='pgrace']")).to_be_visible()


@dataclass(frozen=True)
class Widget:
    path: str
    """The page, from the site root."""
    check: Callable[[Page], None]
    start: str = "about/"
    """The page the reader comes from, which links to it in the navigation."""


WIDGETS = {
    "checklist page": Widget("checklists/before-the-event/", checklist_page),
    "task list": Widget("before-you-reach-out/", task_list),
    "overview": Widget("checklists/", overview),
    "generator": Widget("after-you-meet/", generator),
    "people log": Widget("people/", people_log),
    "due this week": Widget("", due_list),
}


def follow_navigation_link(page: Page, url: str) -> None:
    """Click the navigation's link to ``url`` (links are relative to the page they are on)."""
    page.evaluate(
        """url => {
          const links = document.querySelectorAll(".md-nav--primary a.md-nav__link");
          const link = Array.from(links).find(candidate => candidate.href === url);
          link.setAttribute("data-test-target", "");
        }""",
        url,
    )
    page.locator("[data-test-target]").click()


def arrive_by_a_link(page: Page, base: str, widget: Widget) -> None:
    """A page without widgets, then the widget's page by its link in the navigation, in one
    document."""
    open_with_instant_navigation(page, base + widget.start)
    page.evaluate(
        "entries => { for (const [key, value] of Object.entries(entries))"
        " localStorage.setItem(key, JSON.stringify(value)); }",
        SEEDED,
    )
    page.evaluate("window.sameDocument = true")
    follow_navigation_link(page, base + widget.path)
    expect(page).to_have_url(base + widget.path)
    assert page.evaluate("window.sameDocument === true"), "Zensical reloaded the page"


def back_and_forward(page: Page, base: str, widget: Widget) -> None:
    arrive_by_a_link(page, base, widget)
    page.go_back()
    expect(page).to_have_url(base + widget.start)
    page.go_forward()
    expect(page).to_have_url(base + widget.path)
    assert page.evaluate("window.sameDocument === true"), "back and forward reloaded the page"


ARRIVALS = {"a link in the site": arrive_by_a_link, "back and forward": back_and_forward}


@pytest.mark.parametrize("arrival", list(ARRIVALS))
@pytest.mark.parametrize("kind", list(WIDGETS))
def test_a_widget_works_after_zensicals_instant_navigation(
    zensical_playbook: tuple[Path, str], page: Page, kind: str, arrival: str
) -> None:
    _, base = zensical_playbook
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    ARRIVALS[arrival](page, base, WIDGETS[kind])
    WIDGETS[kind].check(page)
    assert errors == []


def test_a_tick_made_after_instant_navigation_is_there_on_the_next_page(
    zensical_playbook: tuple[Path, str], page: Page
) -> None:
    """The checklist page and the overview, both reached without a page load, share a tick."""
    _, base = zensical_playbook
    arrive_by_a_link(page, base, WIDGETS["checklist page"])
    page.locator("[data-playbook-checklist='before-the-event'] input[data-playbook-item]").nth(
        2
    ).check()
    follow_navigation_link(page, base + "checklists/")
    expect(page).to_have_url(base + "checklists/")
    assert page.evaluate("window.sameDocument === true")
    expect(page.locator("[data-playbook-summary='before-the-event']")).to_contain_text("2 of")
