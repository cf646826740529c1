"""People I met, in a real browser: adding, finding, editing and deleting people, the follow-up
cadence, reminders that name the person, what is due this week, moving the log to a phone,
and the promises every widget keeps (keyboard, storage refused, two tabs, no JavaScript)."""

from __future__ import annotations

import datetime as dt
import json
import random
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from ..conftest import AFTER_THE_EVENT, BEFORE_THE_EVENT, NEED_PEOPLE, Site, free_port, serve

pytestmark = pytest.mark.browser

PREFIX = "playbook:people-site:"
PEOPLE = "[data-playbook-people]"
ADD_FORM = ".playbook-people__add"
MESSAGE = """\
```message
id: thanks
title: Thank-you after a meeting
channel: email
kind: thank-you
---
Hi [Their first name], thanks for the chat.
```
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    port = free_port()
    playbook = Site(tmp_path_factory.mktemp("people"))
    playbook.config["site_name"] = "People Site"
    playbook.config["site_url"] = f"http://127.0.0.1:{port}/"
    playbook.config["nav"] = [
        {"Home": "index.md"},
        {"Notes": "notes.md"},
        {"People I met": "people.md"},
        {"Checklists": ["checklists/index.md", "checklists/event-kit.md"]},
    ]
    playbook.write("checklists/before-the-event.md", BEFORE_THE_EVENT)
    playbook.write("checklists/after-the-event.md", AFTER_THE_EVENT)
    playbook.write("docs/index.md", '# Home\n\nWelcome.\n\n```people show="due"\n```\n')
    playbook.write("docs/notes.md", "# Notes\n\n" + MESSAGE)
    playbook.build(strict=False)
    with serve(playbook.site_dir, port) as base:
        yield playbook.site_dir, base


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    return page


def today(offset: int = 0) -> str:
    return (dt.date.today() + dt.timedelta(days=offset)).isoformat()


def open_people(page: Page, base: str) -> None:
    page.goto(base + "people/")
    expect(page.locator(f"{PEOPLE}[data-playbook-ready]")).to_be_attached()


def seed_people(page: Page, people: dict[str, dict[str, Any]]) -> None:
    page.evaluate(
        "([prefix, people]) => { for (const [id, person] of Object.entries(people))"
        " localStorage.setItem(prefix + 'person:' + id, JSON.stringify(person)); }",
        [PREFIX, people],
    )


def person(name: str, **fields: Any) -> dict[str, Any]:
    return {"name": name, "met_at": "", "met_on": today(-1), "log": [], **fields}


def saved_people(page: Page) -> dict[str, Any]:
    return page.evaluate(
        "prefix => Object.fromEntries(Object.keys(localStorage)"
        ".filter(k => k.startsWith(prefix + 'person:'))"
        ".map(k => [k.slice(prefix.length + 7), JSON.parse(localStorage.getItem(k))]))",
        PREFIX,
    )


def add(page: Page, name: str, **fields: str) -> None:
    form = page.locator(ADD_FORM)
    form.locator("[data-playbook-person-field='name']").fill(name)
    for field, value in fields.items():
        form.locator(f"[data-playbook-person-field='{field}']").fill(value)
    form.locator("[data-playbook-person-field='name']").press("Enter")
    expect(page.locator("[data-playbook-person-name]", has_text=name)).to_be_visible()


def names(page: Page) -> list[str]:
    return page.locator(
        "[data-playbook-person]:visible [data-playbook-person-name]"
    ).all_text_contents()


def test_adding_a_person_takes_a_name_and_enter_and_is_due_for_a_thank_you(
    site: tuple[Path, str], page: Page
) -> None:
    _, base = site
    open_people(page, base)
    form = page.locator(ADD_FORM)
    expect(form.locator("[data-playbook-person-field='met_on']")).to_have_value(today())
    add(
        page,
        "Ana Ruiz",
        met_at="Data meetup",
        talked_about="open maps",
        next_step="send the article",
    )
    entry = page.locator("[data-playbook-person]").first
    expect(entry.locator("time[data-playbook-person-due]")).to_have_attribute("datetime", today(1))
    expect(entry.locator("time[data-playbook-person-due]")).to_contain_text("Send a thank-you")
    expect(entry).to_contain_text("Met at Data meetup")
    expect(entry).to_contain_text("open maps")
    expect(page.locator("[data-playbook-people-status]")).to_contain_text("Added Ana Ruiz")
    # Ready for the next person at once: name empty and focused, the same place kept.
    expect(form.locator("[data-playbook-person-field='name']")).to_be_focused()
    expect(form.locator("[data-playbook-person-field='name']")).to_have_value("")
    expect(form.locator("[data-playbook-person-field='met_at']")).to_have_value("Data meetup")
    page.reload()
    expect(page.locator(ADD_FORM + " [data-playbook-person-field='met_at']")).to_have_value(
        "Data meetup"
    )
    assert [p["name"] for p in saved_people(page).values()] == ["Ana Ruiz"]


def test_a_person_without_a_name_is_not_added(site: tuple[Path, str], page: Page) -> None:
    _, base = site
    open_people(page, base)
    page.locator(ADD_FORM + " [data-playbook-action='add-person']").click()
    expect(page.locator("[data-playbook-person]")).to_have_count(0)
    assert saved_people(page) == {}


def test_overdue_comes_first_then_due_soon_then_the_rest(
    site: tuple[Path, str], page: Page
) -> None:
    _, base = site
    open_people(page, base)
    seed_people(
        page,
        {
            "plater": person("Later Lee", due=today(40)),
            "pnone": person("No Date"),
            "psoon": person("Soon Sam", due=today(2)),
            "pover": person("Overdue Olu", due=today(-3)),
        },
    )
    page.reload()
    assert names(page) == ["Overdue Olu", "Soon Sam", "Later Lee", "No Date"]
    overdue = page.locator("[data-playbook-person='pover']")
    expect(overdue.locator("time[data-playbook-person-due]")).to_contain_text("overdue")
    expect(overdue).to_have_class("playbook-person playbook-person--overdue")


def test_search_finds_people_by_name_place_or_topic(site: tuple[Path, str], page: Page) -> None:
    _, base = site
    open_people(page, base)
    seed_people(
        page,
        {
            "p1": person("José Núñez", met_at="Berlin meetup", talked_about="open data"),
            "p2": person("Grace Hopper", met_at="Alumni night", talked_about="compilers"),
        },
    )
    page.reload()
    search = page.locator("[data-playbook-people-search]")
    search.fill("jose")
    assert names(page) == ["José Núñez"]
    search.fill("alumni")
    assert names(page) == ["Grace Hopper"]
    search.fill("compilers grace")
    assert names(page) == ["Grace Hopper"]
    search.fill("nobody at all")
    assert names(page) == []
    expect(page.locator(".playbook-people__empty")).to_contain_text("Nobody matches")
    search.fill("")
    assert sorted(names(page)) == ["Grace Hopper", "José Núñez"]


def test_edit_and_delete_with_undo_by_keyboard_only(site: tuple[Path, str], page: Page) -> None:
    _, base = site
    open_people(page, base)
    seed_people(page, {"pana": person("Ana Ruiz", met_at="Data meetup", due=today(2))})
    page.reload()
    entry = page.locator("[data-playbook-person='pana']")
    entry.locator("[data-playbook-action='edit-person']").focus()
    page.keyboard.press("Enter")
    name = entry.locator(".playbook-person__edit input[name='name']")
    expect(name).to_be_focused()
    name.fill("Ana María Ruiz")
    page.keyboard.press("Enter")
    expect(entry.locator("[data-playbook-person-name]")).to_have_text("Ana María Ruiz")
    expect(entry.locator("[data-playbook-action='edit-person']")).to_be_focused()
    assert saved_people(page)["pana"]["met_at"] == "Data meetup"

    entry.locator("[data-playbook-action='delete-person']").focus()
    page.keyboard.press("Enter")
    expect(entry).to_have_count(0)
    assert saved_people(page) == {}
    undo = page.locator("[data-playbook-action='undo-delete']")
    expect(undo).to_be_focused()
    page.keyboard.press("Enter")
    expect(entry.locator("[data-playbook-person-name]")).to_have_text("Ana María Ruiz")
    expect(entry.locator("[data-playbook-action='edit-person']")).to_be_focused()
    assert saved_people(page)["pana"]["name"] == "Ana María Ruiz"


def test_escape_closes_the_edit_form_without_saving(site: tuple[Path, str], page: Page) -> None:
    _, base = site
    open_people(page, base)
    seed_people(page, {"pana": person("Ana Ruiz")})
    page.reload()
    entry = page.locator("[data-playbook-person='pana']")
    entry.locator("[data-playbook-action='edit-person']").click()
    entry.locator(".playbook-person__edit input[name='name']").fill("Someone else")
    page.keyboard.press("Escape")
    expect(entry.locator("[data-playbook-person-name]")).to_have_text("Ana Ruiz")
    assert saved_people(page)["pana"]["name"] == "Ana Ruiz"


def test_marking_sent_logs_the_message_and_schedules_the_next_step_by_the_cadence(
    site: tuple[Path, str], page: Page
) -> None:
    _, base = site
    open_people(page, base)
    seed_people(page, {"pana": person("Ana Ruiz", next_step="send the article")})
    page.reload()
    result = page.evaluate(
        """() => window.Playbook.people.markSent('pana', {template: 'thanks', kind: 'thank-you',
        title: 'Thank-you after a meeting', channel: 'Email', text: 'Hi Ana, thanks.',
        date: '2026-11-27'})"""
    )
    assert result["warnings"] == []
    assert result["person"]["due"] == "2026-12-02"  # three working days after a Friday
    entry = page.locator("[data-playbook-person='pana']")
    log = entry.locator("[data-playbook-person-log] > li")
    expect(log).to_have_count(1)
    expect(log.first).to_contain_text("Thank-you after a meeting (Email)")
    expect(log.first).to_contain_text("Hi Ana, thanks.")
    expect(entry.locator("time[data-playbook-person-due]")).to_have_attribute(
        "datetime", "2026-12-02"
    )
    expect(entry.locator("time[data-playbook-person-due]")).to_contain_text("send the article")
    warnings = page.evaluate(
        "() => window.Playbook.people.checkSend('pana', {kind: 'follow-up', date: '2026-11-30'})"
    )
    assert [warning["id"] for warning in warnings] == ["too-soon"]
    assert "working days" in warnings[0]["text"]


def test_we_talked_today_is_one_tap_and_counts_as_the_last_contact(
    site: tuple[Path, str], page: Page
) -> None:
    _, base = site
    open_people(page, base)
    seed_people(page, {"pana": person("Ana Ruiz", met_on=today(-200), due=today(-100))})
    page.reload()
    entry = page.locator("[data-playbook-person='pana']")
    expect(entry).to_contain_text("Losing touch")
    entry.locator("[data-playbook-action='talked']").click()
    expect(entry.locator("[data-playbook-person-log] > li")).to_have_count(1)
    expect(entry.locator("time[data-playbook-person-due]")).to_have_attribute("datetime", today(30))
    expect(entry).not_to_contain_text("Losing touch")
    expect(entry).to_contain_text("Last contact")


def parse_calendar(path: Path) -> icalendar.Calendar:
    raw = path.read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0" and calendar.get("PRODID")
    for event in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert event.get(required), required
    return calendar


def test_a_reminder_names_the_person_the_next_step_and_where_they_met(
    site: tuple[Path, str], page: Page, tmp_path: Path
) -> None:
    _, base = site
    open_people(page, base)
    seed_people(
        page,
        {
            "pana": person(
                "Ana Ruiz", met_at="Data meetup", due="2027-03-01", due_step="send the article"
            ),
            "pbo": person("Bo Chen", due="2027-03-05", due_step="Keep in touch"),
            "pnone": person("No Date"),
        },
    )
    page.reload()
    with page.expect_download() as download:
        page.locator("[data-playbook-person='pana'] [data-playbook-action='remind-person']").click()
    path = tmp_path / "ana.ics"
    download.value.save_as(path)
    (event,) = parse_calendar(path).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Follow up with Ana Ruiz: send the article (Data meetup)"
    assert str(event["DESCRIPTION"]) == "send the article"
    assert event.decoded("DTSTART") == dt.date(2027, 3, 1)
    expect(page.locator("[data-playbook-people-status]")).to_contain_text("Reminder saved")

    with page.expect_download() as download:
        page.locator("[data-playbook-action='remind-all']").click()
    every = tmp_path / "all.ics"
    download.value.save_as(every)
    summaries = [str(event["SUMMARY"]) for event in parse_calendar(every).walk("VEVENT")]
    assert summaries == [
        "Follow up with Ana Ruiz: send the article (Data meetup)",
        "Follow up with Bo Chen: Keep in touch",
    ]


def test_the_home_page_shows_who_is_due_this_week(site: tuple[Path, str], page: Page) -> None:
    _, base = site
    page.goto(base)
    due = page.locator("[data-playbook-people-due]")
    expect(due).to_contain_text("Nobody to follow up with this week")
    seed_people(
        page,
        {
            "pover": person("Overdue Olu", due=today(-2)),
            "psoon": person("Soon Sam", due=today(3)),
            "plater": person("Later Lee", due=today(20)),
        },
    )
    page.reload()
    items = due.locator("li")
    expect(items).to_have_count(2)
    expect(due).to_contain_text("2 people to follow up with this week")
    expect(items.nth(0)).to_contain_text("Overdue Olu")
    expect(items.nth(1)).to_contain_text("Soon Sam")
    items.nth(1).get_by_role("link").click()
    expect(page).to_have_url(base + "people/#person-psoon")
    expect(page.locator("[data-playbook-person='psoon']")).to_be_visible()


def test_without_javascript_the_page_says_what_it_needs(
    site: tuple[Path, str], browser: Browser
) -> None:
    _, base = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "people/")
    expect(page.locator(".playbook-people__needs-js")).to_be_visible()
    expect(page.locator(".playbook-people__needs-js")).to_contain_text("needs JavaScript")
    expect(page.locator(ADD_FORM)).to_be_hidden()
    context.close()


def test_the_event_kit_links_to_the_people_page_on_screen_and_keeps_the_sheet_on_paper(
    site: tuple[Path, str], page: Page
) -> None:
    _, base = site
    page.goto(base + "checklists/event-kit/")
    expect(page.locator(".playbook-people-log")).to_be_hidden()
    page.get_by_role("link", name="Keep a log of the people you met").click()
    expect(page).to_have_url(base + "people/")
    page.goto(base + "checklists/event-kit/")
    page.emulate_media(media="print")
    expect(page.locator(".playbook-people-log")).to_be_visible()
    expect(page.get_by_role("link", name="Keep a log of the people you met")).to_be_hidden()
    # Printed, the People page is the same sheet; its form, list and data panel stay off paper.
    page.goto(base + "people/")
    expect(page.locator(".playbook-people-log")).to_be_visible()
    for screen_only in (".playbook-people", "[data-playbook-data]", "h2:text('Your data')"):
        expect(page.locator(screen_only)).to_be_hidden()


def test_instant_navigation_brings_a_working_log(site: tuple[Path, str], page: Page) -> None:
    _, base = site
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        page.goto(base + "notes/")
    page.wait_for_load_state("networkidle")
    page.evaluate("() => { window.stayedOnThisDocument = true; }")
    page.get_by_role("link", name="People I met").first.click()
    expect(page.locator(f"{PEOPLE}[data-playbook-ready]")).to_be_attached()
    assert page.evaluate("() => window.stayedOnThisDocument === true")
    add(page, "Instant Ines")
    expect(page.locator("link[href$='playbook-people.css']")).to_have_count(1)
    expect(page.locator(ADD_FORM)).to_have_css("border-top-style", "solid")


def test_a_generator_page_lists_people_and_loads_the_people_api_when_asked(
    site: tuple[Path, str], page: Page
) -> None:
    _, base = site
    page.goto(base + "people/")
    seed_people(page, {"pana": person("Ana Ruiz", due=today(5))})
    page.goto(base + "notes/")
    picker = page.locator("select[data-playbook-person-picker]").first
    expect(picker.locator("option")).to_have_count(2)
    expect(picker.locator("option").nth(1)).to_have_attribute("value", "pana")
    # The picker reads the stored names: the people model is not fetched until it is needed.
    assert page.evaluate("() => window.Playbook.people === undefined")
    expect(page.locator("script[src*='playbook-people']")).to_have_count(0)
    page.evaluate(NEED_PEOPLE)
    listed = page.evaluate(
        "() => new Promise(done => window.Playbook.people.whenReady("
        "people => done(people.list().map(p => [p.id, p.name]))))"
    )
    assert listed == [["pana", "Ana Ruiz"]]
    cadence = page.evaluate(
        "() => JSON.parse(document.querySelector('[data-playbook-config]')"
        ".getAttribute('data-playbook-config')).cadence"
    )
    assert cadence["first_follow_up_business_days"] == 3
    assert page.evaluate("() => window.Playbook.people.peopleUrl()") == base + "people/"


def test_two_tabs_stay_in_step(site: tuple[Path, str], context: BrowserContext) -> None:
    _, base = site
    first = context.new_page()
    second = context.new_page()
    open_people(first, base)
    open_people(second, base)
    changes = second.evaluate_handle(
        "() => { const seen = {count: 0}; document.addEventListener('playbook:peoplechange',"
        " () => { seen.count += 1; }); return seen; }"
    )
    add(first, "Tab Tomas")
    expect(second.locator("[data-playbook-person-name]", has_text="Tab Tomas")).to_be_visible()
    assert changes.evaluate("seen => seen.count") >= 1
    first.locator("[data-playbook-action='delete-person']").first.click()
    expect(second.locator("[data-playbook-person-name]", has_text="Tab Tomas")).to_have_count(0)


def test_storage_refused_keeps_people_for_the_session_with_one_notice(
    site: tuple[Path, str], context: BrowserContext
) -> None:
    _, base = site
    context.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('refused', 'QuotaExceededError'); };"
    )
    page = context.new_page()
    open_people(page, base)
    add(page, "Session Sol")
    add(page, "Session Sami")
    expect(page.locator("[data-playbook-storage-notice]")).to_have_count(1)
    expect(page.locator("[data-playbook-storage-notice]")).to_contain_text("not letting")
    assert sorted(names(page)) == ["Session Sami", "Session Sol"]


def test_export_carries_people_profile_and_drafts_and_import_merges_them(
    site: tuple[Path, str], page: Page, tmp_path: Path
) -> None:
    _, base = site
    open_people(page, base)
    seed_people(page, {"pana": person("Ana Ruiz")})
    page.evaluate(
        """prefix => {
        localStorage.setItem(prefix + 'profile', JSON.stringify({values: {your_name: 'Sam'}}));
        localStorage.setItem(prefix + 'draft:pana:thanks',
          JSON.stringify({values: {name: 'Ana'}, date: '', text: 'Hi Ana!'}));
        }""",
        PREFIX,
    )
    page.reload()
    with page.expect_download() as download:
        page.locator("[data-playbook-action='export']").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["data"]["person:pana"]["name"] == "Ana Ruiz"
    assert exported["data"]["profile"] == {"values": {"your_name": "Sam"}}
    assert exported["data"]["draft:pana:thanks"]["text"] == "Hi Ana!"

    exported["data"]["person:pbo"] = {"name": "Bo Chen", "met_at": "Book club"}
    exported["data"]["person:pbad"] = {"met_at": "a person without a name"}
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    page.evaluate("() => localStorage.clear()")
    page.reload()
    with page.expect_file_chooser() as chooser:
        page.locator("[data-playbook-action='import']").click()
    chooser.value.set_files(str(path))
    expect(page.locator("[data-playbook-data-status]")).to_contain_text("Imported 4 entries")
    expect(page.locator("[data-playbook-data-status]")).to_contain_text("person:pbad")
    expect(page.locator("[data-playbook-person-name]", has_text="Bo Chen")).to_be_visible()
    assert sorted(p["name"] for p in saved_people(page).values()) == ["Ana Ruiz", "Bo Chen"]


def test_the_profile_is_saved_as_typed_and_shared(site: tuple[Path, str], page: Page) -> None:
    _, base = site
    open_people(page, base)
    page.locator(".playbook-people__profile summary").click()
    page.locator("[data-playbook-profile-field='your_name']").fill("Sam Okafor")
    page.locator("[data-playbook-profile-field='school_or_role']").fill("City College")
    page.reload()
    assert page.evaluate("() => window.Playbook.people.profile()") == {
        "your_name": "Sam Okafor",
        "school_or_role": "City College",
        "story": "",
        "contact": "",
    }
    expect(page.locator("[data-playbook-profile-field='your_name']")).to_have_value("Sam Okafor")


def test_send_to_my_phone_carries_the_log_in_the_link_and_asks_before_merging(
    site: tuple[Path, str], browser: Browser, page: Page
) -> None:
    _, base = site
    requests: list[str] = []
    open_people(page, base)
    add(page, "Phone Pia", met_at="Meetup", next_step="send slides")
    page.locator("[data-playbook-action='transfer']").click()
    qr = page.locator("[data-playbook-transfer] svg[role='img']")
    expect(qr).to_be_visible()
    link = page.locator("#playbook-transfer-link").input_value()
    assert link.startswith(base + "people/#playbook-transfer=")
    assert "Pia" not in link, "the data is compressed, not plain text"
    assert len(link) <= 2900

    phone = browser.new_context()
    other = phone.new_page()
    other.on("request", lambda request: requests.append(request.url))
    questions: list[str] = []

    def answer(dialog: Any) -> None:
        questions.append(dialog.message)
        dialog.accept()

    other.on("dialog", answer)
    other.goto(link)
    expect(other.locator("[data-playbook-person-name]", has_text="Phone Pia")).to_be_visible()
    assert questions and questions[0].endswith(
        "1 entry of your data from another device. Add it to this browser?"
    )
    assert "#" not in other.url, "the data leaves the address bar"
    assert all("playbook-transfer" not in url for url in requests)
    phone.close()


def test_too_much_for_a_qr_code_offers_the_file(site: tuple[Path, str], page: Page) -> None:
    _, base = site
    open_people(page, base)
    letters = random.Random(12).choices(string.ascii_letters, k=40 * 150)
    seed_people(
        page,
        {
            f"p{index}": person("".join(letters[index * 40 : index * 40 + 40]))
            for index in range(150)
        },
    )
    page.reload()
    page.locator("[data-playbook-action='transfer']").click()
    panel = page.locator("[data-playbook-transfer]")
    expect(panel).to_contain_text("too much for a QR code")
    with page.expect_download() as download:
        panel.locator("[data-playbook-action='transfer-file']").click()
    assert download.value.suggested_filename.endswith(".json")


def test_a_damaged_transfer_link_adds_nothing_and_says_so(
    site: tuple[Path, str], page: Page
) -> None:
    _, base = site
    page.goto(base + "people/#playbook-transfer=not-really-data")
    expect(page.locator("[data-playbook-people-status]")).to_contain_text("damaged")
    assert saved_people(page) == {}
    assert "#" not in page.url


def test_a_person_can_have_their_own_keep_in_touch_period_and_the_list_shows_who_is_out_of_touch(
    site: tuple[Path, str], page: Page
) -> None:
    _, base = site
    open_people(page, base)
    seed_people(
        page,
        {
            "pold": person("Old Friend", met_on=today(-50), due=today(20)),
            "pnew": person("New Face", met_on=today(-5), due=today(25)),
        },
    )
    page.reload()
    show = page.locator(".playbook-people__filter select")
    show.select_option("touch")
    assert names(page) == ["Old Friend"]
    entry = page.locator("[data-playbook-person='pold']")
    expect(entry).to_contain_text("More than 30 days")
    show.select_option("all")
    entry.locator("[data-playbook-action='edit-person']").click()
    entry.locator("input[name='keep_ideal']").fill("60")
    entry.locator("input[name='keep_latest']").fill("120")
    entry.locator("input[name='keep_ideal']").press("Enter")
    expect(entry).not_to_contain_text("More than")
    assert saved_people(page)["pold"]["keep_in_touch_days"] == [60, 120]
    show.select_option("touch")
    assert names(page) == []
    expect(page.locator(".playbook-people__empty")).to_be_visible()


def test_a_transfer_asks_again_before_replacing_what_the_phone_has(
    site: tuple[Path, str], browser: Browser, page: Page
) -> None:
    _, base = site
    open_people(page, base)
    seed_people(page, {"pshared": person("Laptop Name"), "pnew": person("Only On Laptop")})
    page.reload()
    page.locator("[data-playbook-action='transfer']").click()
    expect(page.locator("[data-playbook-transfer] svg[role='img']")).to_be_visible()
    link = page.locator("#playbook-transfer-link").input_value()

    phone = browser.new_context()
    other = phone.new_page()
    open_people(other, base)
    seed_people(other, {"pshared": person("Phone Name")})
    questions: list[str] = []

    def answer(dialog: Any) -> None:
        questions.append(dialog.message)
        # Yes to the transfer, no to replacing what differs.
        if "Add them" in dialog.message:
            dialog.accept()
        else:
            dialog.dismiss()

    other.on("dialog", answer)
    other.goto(link)
    expect(other.locator("[data-playbook-person-name]", has_text="Only On Laptop")).to_be_visible()
    assert len(questions) == 2 and "differ" in questions[1]
    expect(
        other.locator("[data-playbook-person='pshared'] [data-playbook-person-name]")
    ).to_have_text("Phone Name")
    expect(other.locator("[data-playbook-people-status]")).to_contain_text("Imported 1 entry.")
    phone.close()
