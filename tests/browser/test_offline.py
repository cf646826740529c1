"""The offline copy, opened from the disk after unzipping, does everything the hosted site does;
and the hosted site works under a sub-path, as on GitHub Pages."""

from __future__ import annotations

import datetime as dt
import io
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import Browser, Page, Response, expect
from pypdf import PdfReader

from ..conftest import open_with_instant_navigation

pytestmark = pytest.mark.browser


@pytest.fixture
def reader(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def on_disk(site_dir: Path, page: str) -> str:
    return (site_dir / page).as_uri()


def test_the_navigation_leads_from_page_to_page(offline_playbook: Path, page: Page) -> None:
    page.goto(on_disk(offline_playbook, "index.html"))
    for title, file in [
        ("At the event", "at-the-event.html"),
        ("Before the event", "checklists/before-the-event.html"),
        ("About this playbook", "about.html"),
        ("Home", "index.html"),
    ]:
        page.locator(".md-nav--primary .md-nav__link", has_text=title).first.click()
        expect(page).to_have_url(on_disk(offline_playbook, file))
        expect(page.locator("h1").first).to_be_visible()


def test_every_link_between_pages_finds_its_file(offline_playbook: Path, page: Page) -> None:
    broken = []
    # 404.html is shown by a web host for any missing path, so its links are absolute.
    pages = [html for html in sorted(offline_playbook.rglob("*.html")) if html.name != "404.html"]
    assert len(pages) >= 12
    for html in pages:
        page.goto(html.as_uri())
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            url = urllib.parse.urlsplit(href)
            if url.scheme == "file" and not Path(urllib.parse.unquote(url.path)).is_file():
                broken.append(f"{html.relative_to(offline_playbook)} → {href}")
    assert broken == []


def test_search_finds_pages_without_a_server(offline_playbook: Path, page: Page) -> None:
    page.goto(on_disk(offline_playbook, "index.html"))
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("thank-you")
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    results.first.click()
    assert page.url.startswith("file://")
    expect(page.locator("h1")).to_be_visible()


def test_ticks_are_kept_between_visits(offline_playbook: Path, page: Page) -> None:
    page.goto(on_disk(offline_playbook, "checklists/before-the-event.html"))
    checklist = page.locator("[data-playbook-checklist='before-the-event']").first
    progress = checklist.locator("[data-playbook-progress]")
    total = checklist.locator("input[type=checkbox]").count()
    expect(progress).to_have_text(f"0 of {total}")
    checklist.locator("input[type=checkbox]").nth(2).check()
    expect(progress).to_have_text(f"1 of {total}")
    page.goto(on_disk(offline_playbook, "checklists/index.html"))
    page.goto(on_disk(offline_playbook, "checklists/before-the-event.html"))
    expect(progress).to_have_text(f"1 of {total}")
    expect(checklist.locator("input[type=checkbox]").nth(2)).to_be_checked()


def test_a_note_is_written_copied_emailed_and_put_in_the_calendar(
    offline_playbook: Path, reader: Page
) -> None:
    reader.goto(on_disk(offline_playbook, "after-you-meet.html"))
    generator = reader.locator("[data-playbook-message='thank-you-after-meeting']")
    fields = generator.locator("[data-playbook-field]")
    for index in range(fields.count()):
        fields.nth(index).fill(f"Alex {index}")
    note = generator.locator("[data-playbook-preview]")
    expect(note).to_contain_text("Alex 0")
    written = note.text_content()

    generator.locator("[data-playbook-action='copy']").click()
    assert reader.evaluate("navigator.clipboard.readText()") == written

    href = generator.locator("[data-playbook-action='email']").get_attribute("href") or ""
    body = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)["body"][0]
    assert body.replace("\r\n", "\n") == written

    with reader.expect_download() as download:
        generator.locator("[data-playbook-action='remind']").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    (item,) = [c for c in calendar.walk() if c.name in ("VEVENT", "VTODO")]
    assert str(item["DESCRIPTION"]).startswith(written)
    when = item.get("DTSTART") or item.get("DUE")
    assert when.dt > dt.date.today()


def test_people_are_kept_and_due_on_the_home_page_from_the_disk(
    offline_playbook: Path, reader: Page
) -> None:
    reader.on("dialog", lambda dialog: dialog.accept())
    reader.goto(on_disk(offline_playbook, "people.html"))
    form = reader.locator(".playbook-people__add")
    form.locator("[data-playbook-person-field='name']").fill("Disk Dana")
    form.locator("[data-playbook-person-field='met_at']").fill("Library talk")
    form.locator("[data-playbook-person-field='name']").press("Enter")
    expect(reader.locator("[data-playbook-person-name]")).to_have_text(["Disk Dana"])
    reader.locator(".md-nav--primary .md-nav__link", has_text="Home").first.click()
    expect(reader).to_have_url(on_disk(offline_playbook, "index.html"))
    due = reader.locator("[data-playbook-people-due] li")
    expect(due).to_have_count(1)
    due.get_by_role("link", name="Disk Dana").click()
    assert reader.url.startswith(on_disk(offline_playbook, "people.html") + "#person-")
    expect(reader.locator("[data-playbook-person-name]")).to_have_text(["Disk Dana"])
    # From the disk, a transfer link would only work on this computer: the page says so.
    reader.locator("[data-playbook-action='transfer']").click()
    expect(reader.locator("[data-playbook-transfer]")).to_contain_text("only on this computer")
    expect(reader.locator("[data-playbook-transfer] svg[role='img']")).to_be_visible()


def test_a_checklist_prints_on_one_page_and_its_pdf_is_in_the_copy(
    offline_playbook: Path, page: Page
) -> None:
    page.goto(on_disk(offline_playbook, "checklists/before-the-event.html"))
    page.emulate_media(media="print")
    expect(page.locator(".md-sidebar").first).to_be_hidden()
    printed = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(printed.pages) == 1
    assert "Before the event" in printed.pages[0].extract_text()
    page.emulate_media(media="screen")
    pdf_link = page.locator("a[href$='.pdf']").first
    target = urllib.parse.urlsplit(pdf_link.evaluate("a => a.href"))
    assert PdfReader(urllib.parse.unquote(target.path)).pages


# Under a sub-path ------------------------------------------------------------------------


def test_the_site_works_under_a_sub_path(subpath_playbook: tuple[Path, str], page: Page) -> None:
    site_dir, base = subpath_playbook
    failed: list[str] = []
    outside: list[str] = []

    def check(response: Response) -> None:
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    page.on("response", check)
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(base) and request.url.startswith("http")
            else None
        ),
    )
    for html in sorted(site_dir.rglob("*.html")):
        if html.name == "404.html":
            continue
        page.goto(base + html.relative_to(site_dir).as_posix().removesuffix("index.html"))
        page.wait_for_load_state("networkidle")
    assert failed == [] and outside == []


def test_instant_navigation_and_ticks_work_under_a_sub_path(
    subpath_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = subpath_playbook
    # The About page has no widget (the home page has the People log's due list): the next
    # page brings the settings.
    open_with_instant_navigation(page, base + "about/")
    expect(page.locator("[data-playbook-config]")).to_have_count(0)
    page.evaluate("window.stillTheSameDocument = true")
    page.locator(".md-nav--primary .md-nav__link", has_text="Before the event").first.click()
    expect(page).to_have_url(base + "checklists/before-the-event/")
    assert page.evaluate("window.stillTheSameDocument === true"), "the page was reloaded"
    checklist = page.locator("[data-playbook-checklist='before-the-event']").first
    total = checklist.locator("input[type=checkbox]").count()
    checklist.locator("input[type=checkbox]").first.check()
    expect(checklist.locator("[data-playbook-progress]")).to_have_text(f"1 of {total}")
    page.reload()
    expect(checklist.locator("input[type=checkbox]").first).to_be_checked()
