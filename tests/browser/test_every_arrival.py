"""Every widget works however the reader arrives at its page.

One matrix: each widget type (task list, embedded checklist, checklist page, overview, message
generator, the People log, the "due this week" list) by each way a reader gets there: a
direct load, Material's instant navigation from another page, back and forward, a reload, the
offline build opened from ``file://``, and a site published under a sub-path. Three builds of
one small site (served at its site_url, offline, under a sub-path), shared by the whole
module; one browser.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..conftest import AFTER_THE_EVENT, BEFORE_THE_EVENT, Site, free_port, serve

pytestmark = pytest.mark.browser

NAMESPACE = "arrival-site"
SEEDED = {
    # Saved before the reader arrives: every widget must show it once it is set up.
    f"playbook:{NAMESPACE}:checklist:before-the-event": {"items": {"topics": True}},
    f"playbook:{NAMESPACE}:checklist:page:tasks": {"items": {"pack-cards": True}},
    f"playbook:{NAMESPACE}:message:say-thanks": {"values": {"name": "Grace"}, "date": ""},
    f"playbook:{NAMESPACE}:person:pgrace": {
        "name": "Grace Hopper",
        "met_at": "Alumni night",
        "met_on": dt.date.today().isoformat(),
        "due": dt.date.today().isoformat(),
        "due_step": "Send a thank-you",
        "log": [],
    },
}
MESSAGE = """\
```message
id: say-thanks
title: Say thanks
channel: linkedin-message
relationship: met
fields:
  name: {label: Their first name}
---
Hi {{ name }}, thanks for the chat.
```
"""
PAGES = {
    "docs/index.md": "# Home\n\nNo widget here.\n\n"
    "[Tasks](tasks.md) · [Embedded](embedded.md) · [Notes](notes.md) · "
    "[Overview](checklists/index.md) · [Before](checklists/before-the-event.md) · "
    "[People](people.md) · [Due](due.md)\n",
    "docs/due.md": '# Due\n\n[Home](index.md)\n\n```people show="due"\n```\n',
    "docs/tasks.md": "# Tasks\n\n[Home](index.md)\n\n- [ ] Pack cards {#pack-cards}\n"
    "- [ ] Charge the phone {#charge}\n- [ ] Print the map {#map}\n",
    "docs/embedded.md": "# Embedded\n\n[Home](index.md)\n\n```checklist\nbefore-the-event\n```\n",
    "docs/notes.md": "# Notes\n\n[Home](index.md)\n\n" + MESSAGE,
}


@dataclass(frozen=True)
class Widget:
    link: str
    """The text of the home page's link to the widget's page."""
    path: str
    """The page, under the site root, with directory URLs."""
    offline_path: str
    """The same page in the offline build (no directory URLs)."""
    check: Callable[[Page], None]
    """What a reader sees once the widget is set up, and one thing they do with it."""


def checklist_works(page: Page, checklist: str, saved: str, ticked: str, item: str) -> None:
    widget = page.locator(f"[data-playbook-checklist='{checklist}']")
    expect(widget).to_have_attribute("data-playbook-ready", "")
    expect(widget.locator("[data-playbook-progress]")).to_have_text(saved)
    expect(widget.get_by_role("button", name="Reset")).to_be_visible()
    widget.locator(f"input[data-playbook-item='{item}']").check()
    expect(widget.locator("[data-playbook-progress]")).to_have_text(ticked)


def task_list(page: Page) -> None:
    checklist_works(page, "page:tasks", "1 of 3", "2 of 3", "map")


def embedded_checklist(page: Page) -> None:
    checklist_works(page, "before-the-event", "2 of 4", "3 of 4", "research")


def overview(page: Page) -> None:
    summary = page.locator("[data-playbook-summary='before-the-event']")
    expect(summary).to_have_attribute("data-playbook-ready", "")
    expect(summary).to_have_text("2 of 4")
    expect(page.get_by_role("button", name="Export my data")).to_be_visible()


def generator(page: Page) -> None:
    widget = page.locator("[data-playbook-message='say-thanks']")
    expect(widget).to_have_attribute("data-playbook-ready", "")
    name = widget.locator("[data-playbook-field='name']")
    expect(name).to_have_value("Grace")
    expect(widget.locator("[data-playbook-preview]")).to_have_text("Hi Grace, thanks for the chat.")
    name.fill("Ada")
    expect(widget.locator("[data-playbook-preview]")).to_have_text("Hi Ada, thanks for the chat.")
    expect(widget.locator("[data-playbook-count]")).to_be_visible()
    # Styled, however the page came: its stylesheet is linked once, by the page or the core.
    expect(widget).to_have_css("border-top-style", "solid")
    sheets = "link[rel=stylesheet][href$='playbook-messages.css']"
    expect(page.locator(sheets)).to_have_count(1)


def people_log(page: Page) -> None:
    log = page.locator("[data-playbook-people]")
    expect(log).to_have_attribute("data-playbook-ready", "")
    grace = page.locator("[data-playbook-person='pgrace']")
    expect(grace.locator("[data-playbook-person-name]")).to_have_text("Grace Hopper")
    expect(grace.locator("time[data-playbook-person-due]")).to_contain_text("due today")
    form = log.locator(".playbook-people__add")
    form.locator("[data-playbook-person-field='name']").fill("Ada Lovelace")
    form.locator("[data-playbook-person-field='name']").press("Enter")
    expect(log.locator("[data-playbook-person-name]")).to_have_text(
        ["Grace Hopper", "Ada Lovelace"]
    )
    expect(form).to_have_css("border-top-style", "solid")
    sheets = "link[rel=stylesheet][href$='playbook-people.css']"
    expect(page.locator(sheets)).to_have_count(1)


def due_list(page: Page) -> None:
    due = page.locator("[data-playbook-people-due]")
    expect(due).to_have_attribute("data-playbook-ready", "")
    expect(due.locator("li")).to_have_text(["Grace Hopper: Send a thank-you: due today"])
    expect(due).to_contain_text("One person to follow up with this week")
    expect(due).to_have_css("border-left-style", "solid")
    due.get_by_role("link", name="Grace Hopper").click()
    expect(page.locator("[data-playbook-person='pgrace']")).to_be_visible()


WIDGETS = {
    "task list": Widget("Tasks", "tasks/", "tasks.html", task_list),
    "embedded checklist": Widget("Embedded", "embedded/", "embedded.html", embedded_checklist),
    "checklist page": Widget(
        "Before",
        "checklists/before-the-event/",
        "checklists/before-the-event.html",
        embedded_checklist,
    ),
    "overview": Widget("Overview", "checklists/", "checklists/index.html", overview),
    "generator": Widget("Notes", "notes/", "notes.html", generator),
    "people log": Widget("People", "people/", "people.html", people_log),
    "due this week": Widget("Due", "due/", "due.html", due_list),
}


def arrival_site(root: Path, **config: object) -> Site:
    site = Site(root)
    site.config["site_name"] = "Arrival Site"
    site.config.update(config)
    site.write("checklists/before-the-event.md", BEFORE_THE_EVENT)
    site.write("checklists/after-the-event.md", AFTER_THE_EVENT)
    for path, text in PAGES.items():
        site.write(path, text)
    return site


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Built for, and served at, its site_url: Material's instant navigation takes over."""
    port = free_port()
    site = arrival_site(tmp_path_factory.mktemp("hosted"), site_url=f"http://127.0.0.1:{port}/")
    site.build(strict=False)
    with serve(site.site_dir, port) as base:
        yield base


@pytest.fixture(scope="module")
def sub_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Published under /guide/ of its host, as on GitHub Pages."""
    port = free_port()
    root = tmp_path_factory.mktemp("sub-path")
    site = arrival_site(root, site_url=f"http://127.0.0.1:{port}/guide/")
    site.build(strict=False)
    (root / "host").mkdir()
    shutil.move(site.site_dir, root / "host" / "guide")
    with serve(root / "host", port) as base:
        yield base + "guide/"


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The offline build (Material's offline plugin), opened from the disk."""
    site = arrival_site(
        tmp_path_factory.mktemp("offline"),
        plugins=["search", "offline", {"playbook": {"pdf": False}}],
    )
    site.build(strict=False)
    return site.site_dir.as_uri() + "/"


def seed(page: Page) -> None:
    page.evaluate(
        "entries => { for (const [key, value] of Object.entries(entries))"
        " localStorage.setItem(key, JSON.stringify(value)); }",
        SEEDED,
    )


def open_home(page: Page, base: str) -> None:
    """The home page, once Material has read the sitemap (from then on it takes over links)."""
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        page.goto(base)
    page.wait_for_load_state("networkidle")
    seed(page)
    page.evaluate("window.sameDocument = true")


def click_through(page: Page, base: str, widget: Widget) -> None:
    page.locator("article a", has_text=widget.link).first.click()
    expect(page).to_have_url(base + widget.path)
    assert page.evaluate("window.sameDocument === true"), "instant navigation reloaded the page"


def direct(page: Page, base: str, widget: Widget) -> None:
    page.goto(base)
    seed(page)
    page.goto(base + widget.path)


def instant(page: Page, base: str, widget: Widget) -> None:
    open_home(page, base)
    click_through(page, base, widget)


def back_and_forward(page: Page, base: str, widget: Widget) -> None:
    open_home(page, base)
    click_through(page, base, widget)
    page.go_back()
    expect(page).to_have_url(base)
    page.go_forward()
    expect(page).to_have_url(base + widget.path)
    assert page.evaluate("window.sameDocument === true"), "back and forward reloaded the page"


def reload(page: Page, base: str, widget: Widget) -> None:
    instant(page, base, widget)
    page.reload()


ARRIVALS = {
    "direct": direct,
    "instant navigation": instant,
    "back and forward": back_and_forward,
    "reload": reload,
}


@pytest.mark.parametrize("arrival", list(ARRIVALS))
@pytest.mark.parametrize("kind", list(WIDGETS))
def test_a_hosted_widget_works_however_the_reader_arrives(
    hosted: str, page: Page, kind: str, arrival: str
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    ARRIVALS[arrival](page, hosted, WIDGETS[kind])
    WIDGETS[kind].check(page)
    assert errors == []


@pytest.mark.parametrize("kind", list(WIDGETS))
def test_a_widget_works_under_a_sub_path_by_instant_navigation(
    sub_path: str, page: Page, kind: str
) -> None:
    instant(page, sub_path, WIDGETS[kind])
    WIDGETS[kind].check(page)


@pytest.mark.parametrize("kind", list(WIDGETS))
def test_a_widget_works_in_the_offline_build_opened_from_the_disk(
    offline: str, page: Page, kind: str
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(offline + "index.html")
    seed(page)
    page.locator("article a", has_text=WIDGETS[kind].link).first.click()
    expect(page).to_have_url(offline + WIDGETS[kind].offline_path)
    WIDGETS[kind].check(page)
    assert errors == []


def test_the_task_list_key_is_the_same_with_and_without_the_plugin(
    hosted: str, sub_path: str, page: Page
) -> None:
    """The page key the browser derives (extension alone) is the one the plugin writes."""
    page.goto(sub_path + "tasks/")
    written = page.locator("[data-playbook-checklist^='page:']").get_attribute(
        "data-playbook-checklist"
    )
    derived = page.evaluate("window.Playbook.pageKey()")
    assert written == f"page:{derived}" == "page:tasks"


def test_generators_start_after_instant_navigation_in_the_default_playbook(
    default_playbook: tuple[Path, str], page: Page
) -> None:
    """The reported case: home page, then "After you meet" in the navigation."""
    _, base = default_playbook
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        page.goto(base)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.sameDocument = true")
    page.locator(".md-nav--primary .md-nav__link", has_text="After you meet").first.click()
    expect(page).to_have_url(base + "after-you-meet/")
    assert page.evaluate("window.sameDocument === true")
    generators = page.locator("[data-playbook-message]")
    expect(generators.first).to_be_visible()
    count = generators.count()
    assert count >= 1
    expect(page.locator("[data-playbook-message][data-playbook-ready]")).to_have_count(count)
    expect(generators.first.locator("[data-playbook-form]")).to_be_visible()
    assert errors == []
