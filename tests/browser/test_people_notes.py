"""Notes for the people a reader met: picker, profile, drafts per person, editing, mark as sent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from ..conftest import NEED_PEOPLE, Site, free_port, serve

pytestmark = pytest.mark.browser

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PREFIX = "playbook:test-playbook:"


def fence(header: str, body: str) -> str:
    return f"```message\n{header.strip()}\n---\n{body.strip()}\n```\n"


THANKS = fence(
    """
id: thanks
title: Thank-you after the meetup
channel: email
relationship: met
kind: thank-you
follow_up: 1 week
subject: Thank you, {{ name }}
fields:
  name: {label: Their first name, required: true}
  place: {label: Where you met}
  idea: {label: One idea of theirs you will use}
  my_name: {label: Your name, required: true}
""",
    """
Hi {{ name }},

Thank you for the talk at {{ place }}. I will try {{ idea }} this week.

Best,
{{ my_name }}
""",
)

NUDGE = fence(
    """
id: nudge
title: A gentle follow-up
channel: email
relationship: met
kind: follow-up
follow_up: 2 weeks
fields:
  who: {label: Who, person: first_name}
  topic: {label: What you talked about}
  signed: {label: Signed, profile: your_name}
""",
    """
Hi {{ who }}, I keep thinking about {{ topic }}. Could we talk next week?

{{ signed }}
""",
)

CLOSING = fence(
    """
id: closing
title: Close with a next step
channel: in-person
relationship: met
kind: closing
follow_up: 2 weeks
fields:
  name: {label: Their first name, required: true}
""",
    "Thanks, {{ name }}. Could I send you that article on Friday?",
)

PAGES = {
    "docs/index.md": "# Notes\n\nWrite to someone you met.\n\n" + THANKS + "\n" + NUDGE,
    "docs/say.md": "# Say it\n\nAt the event.\n\n" + CLOSING,
}

ANA = {
    "name": "Ana Ruiz",
    "met_at": "the data meetup",
    "met_on": "2026-11-20",
    "talked_about": "survey design",
    "next_step": "send the article on sampling",
    "contact": "ana@example.org",
}
BEN = {"name": "Ben Okafor", "met_at": "the careers fair", "next_step": "ask about the course"}


@pytest.fixture(scope="module")
def notes_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = Site(tmp_path_factory.mktemp("people-notes"))
    for path, text in PAGES.items():
        site.write(path, text)
    port = free_port()
    site.config["site_url"] = f"http://127.0.0.1:{port}/"
    site.build()
    with serve(site.site_dir, port) as base:
        yield base


def open_notes(page: Page, url: str, people: list[dict[str, str]] | None = None) -> list[str]:
    """Open the page once the People log's API is there, with ``people`` saved; their ids."""
    page.goto(url)
    page.evaluate(NEED_PEOPLE)
    ids: list[str] = page.evaluate(
        "people => people.map(person => window.Playbook.people.save(person))", people or []
    )
    return ids


def widget(page: Page, template_id: str) -> Locator:
    return page.locator(f"[data-playbook-message='{template_id}']")


def field(page: Page, template_id: str, name: str) -> Locator:
    return widget(page, template_id).locator(f"[data-playbook-field='{name}']")


def preview(page: Page, template_id: str) -> Locator:
    return widget(page, template_id).locator("[data-playbook-preview]")


def picker(page: Page, template_id: str) -> Locator:
    return widget(page, template_id).locator("select[data-playbook-person-picker]")


def action(page: Page, template_id: str, name: str) -> Locator:
    return widget(page, template_id).locator(f"[data-playbook-action='{name}']")


def status(page: Page, template_id: str) -> Locator:
    return widget(page, template_id).locator("[data-playbook-message-status]")


def person(page: Page, person_id: str) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate("id => window.Playbook.people.get(id)", person_id)
    return found


def stored(page: Page, key: str) -> Any:
    return page.evaluate("key => JSON.parse(localStorage.getItem(key))", PREFIX + key)


def test_picking_a_person_fills_the_fields_that_map_to_them(notes_site: str, page: Page) -> None:
    ana, _ = open_notes(page, notes_site, [ANA, BEN])
    expect(picker(page, "thanks").locator("option")).to_have_count(3)
    assert picker(page, "thanks").locator("option").all_text_contents() == [
        "No one in particular",
        "Ana Ruiz (the data meetup)",
        "Ben Okafor (the careers fair)",
    ]
    picker(page, "thanks").select_option(ana)
    expect(field(page, "thanks", "name")).to_have_value("Ana")
    expect(field(page, "thanks", "place")).to_have_value("the data meetup")
    expect(field(page, "thanks", "idea")).to_have_value("")
    expect(preview(page, "thanks")).to_contain_text("Hi Ana,\n\nThank you for the talk at the data")
    # A declared mapping (`who: {person: first_name}`) works as a recognised label does.
    picker(page, "nudge").select_option(ana)
    expect(field(page, "nudge", "who")).to_have_value("Ana")
    expect(field(page, "nudge", "topic")).to_have_value("survey design")
    # The email goes to the person's address.
    href = action(page, "thanks", "email").get_attribute("href") or ""
    assert href.startswith("mailto:ana@example.org?subject=Thank%20you%2C%20Ana")
    # The picker links to the People page to add someone.
    link = widget(page, "thanks").locator("[data-playbook-people-link]")
    expect(link).to_be_visible()
    assert (link.get_attribute("href") or "").endswith("people/")


def test_the_profile_is_typed_once_for_every_template(notes_site: str, page: Page) -> None:
    open_notes(page, notes_site)
    field(page, "thanks", "my_name").fill("Leo Park")
    # Another template on the page shows it at once, and after a reload too.
    expect(field(page, "nudge", "signed")).to_have_value("Leo Park")
    assert stored(page, "profile")["values"]["your_name"] == "Leo Park"
    page.reload()
    expect(field(page, "nudge", "signed")).to_have_value("Leo Park")
    expect(preview(page, "nudge")).to_contain_text("Leo Park")
    # Changing it in the second template changes the one profile.
    field(page, "nudge", "signed").fill("Leo P.")
    expect(field(page, "thanks", "my_name")).to_have_value("Leo P.")


def test_drafts_are_kept_apart_per_person(notes_site: str, page: Page) -> None:
    ana, ben = open_notes(page, notes_site, [ANA, BEN])
    picker(page, "thanks").select_option(ana)
    field(page, "thanks", "idea").fill("stratified samples")
    picker(page, "thanks").select_option(ben)
    expect(field(page, "thanks", "name")).to_have_value("Ben")
    expect(field(page, "thanks", "idea")).to_have_value("")
    field(page, "thanks", "idea").fill("a study group")
    picker(page, "thanks").select_option(ana)
    expect(field(page, "thanks", "idea")).to_have_value("stratified samples")
    picker(page, "thanks").select_option("")
    expect(field(page, "thanks", "idea")).to_have_value("")
    expect(field(page, "thanks", "name")).to_have_value("")
    assert stored(page, f"draft:{ana}:thanks")["values"]["idea"] == "stratified samples"
    assert stored(page, f"draft:{ben}:thanks")["values"]["idea"] == "a study group"
    page.reload()
    picker(page, "thanks").select_option(ben)
    expect(field(page, "thanks", "idea")).to_have_value("a study group")


def test_a_note_begun_for_no_one_goes_to_the_person_picked(notes_site: str, page: Page) -> None:
    ana, ben = open_notes(page, notes_site, [ANA, BEN])
    field(page, "thanks", "idea").fill("the no-agenda coffee")
    picker(page, "thanks").select_option(ana)
    expect(field(page, "thanks", "idea")).to_have_value("the no-agenda coffee")
    expect(field(page, "thanks", "name")).to_have_value("Ana")
    assert stored(page, f"draft:{ana}:thanks")["values"]["idea"] == "the no-agenda coffee"
    assert stored(page, "message:thanks") is None
    # A person's note is theirs: the next person starts from their own values.
    picker(page, "thanks").select_option(ben)
    expect(field(page, "thanks", "idea")).to_have_value("")


def test_the_words_can_be_changed_and_the_checks_follow(notes_site: str, page: Page) -> None:
    open_notes(page, notes_site)
    field(page, "thanks", "name").fill("Grace")
    field(page, "thanks", "place").fill("the meetup")
    field(page, "thanks", "idea").fill("the one-page plan")
    field(page, "thanks", "my_name").fill("Leo")
    counter = widget(page, "thanks").locator("[data-playbook-count]")
    expect(counter).to_have_text("99 characters · Subject: 16 / 50 characters")
    expect(widget(page, "thanks").locator("[data-playbook-warning]")).to_have_count(0)

    action(page, "thanks", "edit").click()
    body = preview(page, "thanks")
    expect(body).to_have_attribute("contenteditable", "plaintext-only")
    expect(body).to_be_focused()
    page.keyboard.press("Control+Home")
    page.keyboard.press("Shift+End")
    page.keyboard.type("Hey Grace!!!")
    edited = "Hey Grace!!!\n\nThank you for the talk at the meetup. I will try the one-page plan "
    expect(body).to_have_text(edited + "this week.\n\nBest,\nLeo")
    expect(counter).to_have_text("102 characters · Subject: 16 / 50 characters")
    expect(widget(page, "thanks").locator("[data-playbook-warning='tone']")).to_be_visible()
    expect(widget(page, "thanks").locator("[data-playbook-edit-note]")).to_be_visible()
    # The fields no longer change the words, as the note says.
    field(page, "thanks", "idea").fill("something else")
    expect(body).to_contain_text("the one-page plan")
    # The edit is kept in the draft, and comes back after a reload.
    assert stored(page, "message:thanks")["text"].startswith("Hey Grace!!!")
    page.reload()
    expect(preview(page, "thanks")).to_contain_text("Hey Grace!!!")

    action(page, "thanks", "edit").click()  # now "Back to the template"
    expect(preview(page, "thanks")).to_contain_text("Hi Grace,")
    expect(preview(page, "thanks")).to_contain_text("I will try something else")
    expect(preview(page, "thanks")).not_to_have_attribute("contenteditable", "plaintext-only")
    expect(widget(page, "thanks").locator("[data-playbook-warning='tone']")).to_have_count(0)
    assert "text" not in stored(page, "message:thanks")


def test_copy_uses_the_words_as_changed(notes_site: str, page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_notes(page, notes_site)
    for name, value in {"name": "Grace", "place": "x", "idea": "y", "my_name": "Leo"}.items():
        field(page, "thanks", name).fill(value)
    action(page, "thanks", "edit").click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\nPS: see you at the next one.")
    action(page, "thanks", "copy").click()
    expect(status(page, "thanks")).to_contain_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith("Best,\nLeo\nPS: see you at the next one.")


def test_mark_as_sent_logs_the_message_and_schedules_the_next_step(
    notes_site: str, page: Page
) -> None:
    (ana,) = open_notes(page, notes_site, [ANA])
    action(page, "thanks", "mark-sent").click()
    expect(status(page, "thanks")).to_have_text(
        "Choose who you sent it to in “Who is it for?” first."
    )
    expect(picker(page, "thanks")).to_be_focused()
    picker(page, "thanks").select_option(ana)
    field(page, "thanks", "idea").fill("stratified samples")
    field(page, "thanks", "my_name").fill("Leo")
    action(page, "thanks", "mark-sent").click()
    expect(status(page, "thanks")).to_contain_text("Logged on Ana Ruiz’s list of messages.")
    saved = person(page, ana)
    assert len(saved["log"]) == 1
    entry = saved["log"][0]
    assert entry["template"] == "thanks"
    assert entry["kind"] == "thank-you"
    assert entry["channel"] == "email"
    assert entry["text"] == preview(page, "thanks").text_content()
    assert entry["date"] == dt.date.today().isoformat()
    # A thank-you to someone with a next step: a follow-up after 3 business days.
    assert saved["due"] > entry["date"]
    assert saved["due_step"] == "send the article on sampling"
    expect(status(page, "thanks")).to_contain_text("Next: send the article on sampling, on ")
    expect(status(page, "thanks")).to_contain_text(
        dt.date.fromisoformat(saved["due"]).strftime("%B %-d, %Y")
    )


def test_a_follow_up_too_soon_asks_before_it_is_logged(notes_site: str, page: Page) -> None:
    (ana,) = open_notes(page, notes_site, [ANA])
    today = dt.date.today().isoformat()
    page.evaluate(
        """([id, today]) => window.Playbook.people.markSent(id,
            {template: "thanks", title: "Thanks", kind: "thank-you", channel: "email",
             text: "Thanks", date: today})""",
        [ana, today],
    )
    picker(page, "nudge").select_option(ana)
    field(page, "nudge", "signed").fill("Leo")
    action(page, "nudge", "mark-sent").click()
    expect(status(page, "nudge")).to_contain_text("Press Mark as sent again to log it anyway.")
    assert len(person(page, ana)["log"]) == 1
    action(page, "nudge", "mark-sent").click()
    expect(status(page, "nudge")).to_contain_text("Logged on Ana Ruiz")
    assert [entry["kind"] for entry in person(page, ana)["log"]] == ["thank-you", "follow-up"]


def test_the_reminder_names_the_person_and_the_next_step(notes_site: str, page: Page) -> None:
    (ana,) = open_notes(page, notes_site, [ANA])
    picker(page, "thanks").select_option(ana)
    for name, value in {"idea": "y", "my_name": "Leo"}.items():
        field(page, "thanks", name).fill(value)
    with page.expect_download() as download:
        action(page, "thanks", "remind").click()
    path = download.value.path()
    assert path is not None
    event = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == (
        "Follow up with Ana Ruiz: send the article on sampling (the data meetup)"
    )
    assert str(event["DESCRIPTION"]).startswith("send the article on sampling")
    assert "Thank you for the talk" not in str(event["DESCRIPTION"])
    assert download.value.suggested_filename.startswith("follow-up-ana-ruiz-thanks-")


def test_lines_to_say_out_loud_are_words_to_say(notes_site: str, page: Page) -> None:
    page.goto(notes_site + "say/")
    card = widget(page, "closing")
    expect(card.locator("[data-playbook-field='name']")).to_be_visible()
    field(page, "closing", "name").fill("Kofi")
    expect(preview(page, "closing")).to_have_text(
        "Thanks, Kofi. Could I send you that article on Friday?"
    )
    expect(card.locator("[data-playbook-count]")).to_have_text("10 words · about 4 seconds to say")
    for name in ("copy", "email", "remind", "mark-sent", "edit"):
        expect(card.locator(f"[data-playbook-action='{name}']")).to_have_count(0)
    expect(card.locator("[data-playbook-person-picker]")).to_have_count(0)
    expect(card).to_contain_text("Lines to say out loud")


def test_keyboard_only_pick_a_person_and_mark_as_sent(notes_site: str, page: Page) -> None:
    (ana,) = open_notes(page, notes_site, [ANA])
    field(page, "thanks", "my_name").fill("Leo")
    field(page, "thanks", "idea").fill("stratified samples")
    picker(page, "thanks").focus()
    page.keyboard.press("ArrowDown")  # Ana Ruiz
    expect(field(page, "thanks", "name")).to_have_value("Ana")
    mark = action(page, "thanks", "mark-sent")
    for _ in range(40):
        page.keyboard.press("Tab")
        if mark.evaluate("button => button === document.activeElement"):
            break
    expect(mark).to_be_focused()
    page.keyboard.press("Enter")
    expect(status(page, "thanks")).to_contain_text("Logged on Ana Ruiz")
    assert len(person(page, ana)["log"]) == 1
    # Changing the words, by keyboard: the edit button, then type in the message.
    action(page, "thanks", "edit").focus()
    page.keyboard.press("Enter")
    expect(preview(page, "thanks")).to_be_focused()
    page.keyboard.press("Control+End")
    page.keyboard.type(" (sent from my phone)")
    expect(preview(page, "thanks")).to_contain_text("Leo (sent from my phone)")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_notes_with_people_are_accessible(notes_site: str, page: Page, scheme: str) -> None:
    (ana,) = open_notes(page, notes_site, [ANA])
    page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
    picker(page, "thanks").select_option(ana)
    action(page, "thanks", "edit").click()
    action(page, "nudge", "mark-sent").click()
    # The generators, not Material's footer (whose grey is the theme's own affair).
    results = Axe().run(
        page,
        context="[data-playbook-message]",
        options={"runOnly": {"type": "tag", "values": WCAG_22_AA}},
    )
    assert results.violations_count == 0, results.generate_report()


def test_the_reminder_button_is_the_size_of_the_others(notes_site: str, page: Page) -> None:
    page.goto(notes_site)
    sizes = {
        name: action(page, "thanks", name).evaluate(
            "button => [getComputedStyle(button).fontSize, button.getBoundingClientRect().height]"
        )
        for name in ("copy", "edit", "remind", "mark-sent", "forget")
    }
    assert len({tuple(size) for size in sizes.values()}) == 1, sizes


def test_two_tabs_stay_in_step_on_people_and_the_profile(notes_site: str, page: Page) -> None:
    open_notes(page, notes_site)
    other = page.context.new_page()
    open_notes(other, notes_site)
    (ana,) = open_notes(page, notes_site, [ANA])
    # The other tab lists the person added here, and shows the profile typed here.
    expect(picker(other, "thanks").locator(f"option[value='{ana}']")).to_have_text(
        "Ana Ruiz (the data meetup)"
    )
    field(page, "thanks", "my_name").fill("Leo Park")
    expect(field(other, "nudge", "signed")).to_have_value("Leo Park")
    # Someone removed while picked: the note goes back to no one in particular.
    picker(other, "thanks").select_option(ana)
    expect(field(other, "thanks", "name")).to_have_value("Ana")
    page.evaluate("id => window.Playbook.people.remove(id)", ana)
    expect(picker(other, "thanks").locator("option")).to_have_count(1)
    expect(picker(other, "thanks")).to_have_value("")
    expect(field(other, "thanks", "name")).to_have_value("")
    other.close()


def test_a_third_nudge_without_reply_asks_first(notes_site: str, page: Page) -> None:
    days_ago = [(dt.date.today() - dt.timedelta(days=n)).isoformat() for n in (30, 20, 10)]
    chased = {
        **ANA,
        "nudges": 2,
        "replied": False,
        "log": [
            {"date": days_ago[0], "kind": "thank-you", "template": "thanks"},
            {"date": days_ago[1], "kind": "follow-up", "template": "nudge"},
            {"date": days_ago[2], "kind": "follow-up", "template": "nudge"},
        ],
    }
    (ana,) = open_notes(page, notes_site, [chased])
    picker(page, "nudge").select_option(ana)
    field(page, "nudge", "topic").fill("survey design")
    field(page, "nudge", "signed").fill("Leo")
    action(page, "nudge", "mark-sent").click()
    expect(status(page, "nudge")).to_contain_text("Press Mark as sent again to log it anyway.")
    assert "too-soon" not in (status(page, "nudge").text_content() or "")
    assert len(person(page, ana)["log"]) == 3
    action(page, "nudge", "mark-sent").click()
    expect(status(page, "nudge")).to_contain_text("Logged on Ana Ruiz")
    assert len(person(page, ana)["log"]) == 4


def test_notes_to_people_work_in_the_offline_copy(offline_playbook: Path, page: Page) -> None:
    page.goto((offline_playbook / "after-you-meet.html").as_uri())
    page.evaluate(NEED_PEOPLE)
    (ana,) = page.evaluate("person => [window.Playbook.people.save(person)]", ANA)
    generator = "thank-you-after-meeting"
    picker(page, generator).select_option(ana)
    expect(field(page, generator, "name")).to_have_value("Ana")
    for name, value in {"advice": "a", "action": "b", "my_name": "Leo"}.items():
        field(page, generator, name).fill(value)
    action(page, generator, "mark-sent").click()
    expect(status(page, generator)).to_contain_text("Logged on Ana Ruiz")
    link = widget(page, generator).locator("[data-playbook-people-link]")
    assert (link.get_attribute("href") or "").endswith("people.html")
