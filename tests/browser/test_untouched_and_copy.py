"""Published templates in the browser: an honest untouched form, copies that never hide a
blank, the subject line to copy, and the LinkedIn hint for who the reader writes to."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from playbook_plugin.rules.text_units import count_characters

from ..conftest import Site, free_port, serve

pytestmark = pytest.mark.browser


def fence(header: str, body: str) -> str:
    return f"```message\n{header.strip()}\n---\n{body.strip()}\n```\n"


# Pasted as published: the labels are long, shout ("PROBLEMA", "URL") and say "you'll".
LABELS_BODY = (
    "Hi [Their first name],\n\nI read [the article you'll do next week about THE PROBLEMA] "
    "and my notes are at [Your portfolio URL]. Could we talk next week?"
)
LABELS_WRITTEN = "Hi ,\n\nI read  and my notes are at . Could we talk next week?"
INVITE_BODY = (
    "Hi [Name], I enjoyed [the long and detailed description of what you both talked about "
    "at the event, written out in full so the reader remembers it later]. "
    "[One more long sentence about a shared interest that the reader types themselves]."
)
PAGES = {
    "docs/index.md": "# Notes\n\n"
    + fence(
        "id: labels\ntitle: Labels\nchannel: email\nrelationship: new\nkind: first-message\n"
        "subject: About [Topic]",
        LABELS_BODY,
    )
    + fence(
        "id: invite-new\ntitle: Invite\nchannel: linkedin-invite\nrelationship: new", INVITE_BODY
    )
    + fence(
        "id: invite-met\ntitle: Invite met\nchannel: linkedin-invite\nrelationship: met",
        "Hi {Name}.",
    )
    + fence(
        "id: text\ntitle: Text\nchannel: sms\nrelationship: met\nfollow_up: 2 weeks",
        "Hi {Name}, it's {Me}.",
    )
    + fence(
        "id: inmail\ntitle: InMail\nchannel: linkedin-inmail\nrelationship: new\n"
        "subject: Question about {{ topic }}",
        "Hi {{ name }}, could we talk next week?",
    ),
}


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = Site(tmp_path_factory.mktemp("untouched-site"))
    for path, text in PAGES.items():
        site.write(path, text)
    port = free_port()
    site.config["site_url"] = f"http://127.0.0.1:{port}/"
    site.build(strict=True)  # pasted as published, the page builds strict
    with serve(site.site_dir, port) as base:
        yield base


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext, notes: str) -> Page:
    page = context.new_page()
    page.goto(notes)
    page.evaluate("navigator.clipboard.writeText('before')")
    return page


def widget(page: Page, template_id: str) -> Locator:
    return page.locator(f"[data-playbook-message='{template_id}']")


def part(page: Page, template_id: str, selector: str) -> Locator:
    return widget(page, template_id).locator(selector)


def clipboard(page: Page) -> str:
    return str(page.evaluate("navigator.clipboard.readText()"))


def test_an_untouched_form_is_not_red_and_labels_fire_no_check(page: Page) -> None:
    counter = part(page, "labels", "[data-playbook-count]")
    expect(counter).to_have_attribute("data-state", "ok")
    expect(counter).to_contain_text(f"{count_characters(LABELS_WRITTEN)} characters")
    expect(part(page, "labels", "[data-playbook-warning]")).to_have_count(0)
    expect(part(page, "invite-new", "[data-playbook-count]")).to_have_attribute("data-state", "ok")
    expect(part(page, "invite-new", "[data-playbook-warning]")).to_have_count(0)
    # The labels are still shown, so the reader sees the message's shape.
    expect(part(page, "labels", "[data-playbook-preview]")).to_contain_text("[Your portfolio URL]")


def test_typing_counts_the_readers_words_and_not_the_labels_left(page: Page) -> None:
    part(page, "labels", "[data-playbook-field='their_first_name']").fill("Ana")
    counter = part(page, "labels", "[data-playbook-count]")
    written = LABELS_WRITTEN.replace("Hi ,", "Hi Ana,")
    expect(counter).to_contain_text(f"{count_characters(written)} characters")
    expect(part(page, "labels", "[data-playbook-warning='tone']")).to_have_count(0)
    expect(part(page, "labels", "[data-playbook-warning='placeholder-left']")).to_have_count(1)


def test_copying_with_blanks_left_asks_first_then_says_so(page: Page) -> None:
    copy = part(page, "labels", "[data-playbook-action='copy']")
    status = part(page, "labels", "[data-playbook-message-status]")
    copy.click()
    expect(status).to_contain_text("Still to fill in: Their first name,")
    expect(status).to_contain_text("Press Copy message again")
    assert clipboard(page) == "before"
    copy.click()
    expect(status).to_contain_text("Copied as it is. Still to fill in: Their first name")
    assert clipboard(page).startswith("Hi [Their first name],")
    expect(status).not_to_have_text("Copied. Paste it where you send the message.")


def test_typing_after_a_question_asks_again(page: Page) -> None:
    copy = part(page, "text", "[data-playbook-action='copy']")
    status = part(page, "text", "[data-playbook-message-status]")
    copy.click()
    expect(status).to_contain_text("Still to fill in: Name, Me.")
    part(page, "text", "[data-playbook-field='name']").fill("Ana")
    copy.click()
    expect(status).to_have_text(
        "Still to fill in: Me. Press Copy message again to copy it as it is."
    )
    assert clipboard(page) == "before"
    part(page, "text", "[data-playbook-field='me']").fill("Sam")
    copy.click()
    expect(status).to_have_text("Copied. Paste it where you send the message.")
    assert clipboard(page) == "Hi Ana, it's Sam."


def test_a_note_over_the_limit_asks_before_it_is_copied(page: Page) -> None:
    for name in (
        "name",
        "the_long_and_detailed_description_of_what_you_both_talked_about_at_the_event_written_out_in_full_so_the_reader_remembers_it_later",
    ):
        part(page, "invite-new", f"[data-playbook-field='{name}']").fill("x" * 120)
    part(page, "invite-new", "[data-playbook-field]").last.fill("y" * 20)
    expect(part(page, "invite-new", "[data-playbook-count]")).to_have_attribute(
        "data-state", "over"
    )
    copy = part(page, "invite-new", "[data-playbook-action='copy']")
    status = part(page, "invite-new", "[data-playbook-message-status]")
    copy.click()
    expect(status).to_have_text(
        "It is longer than LinkedIn invitation note allows. "
        "Press Copy message again to copy it as it is."
    )
    assert clipboard(page) == "before"
    copy.click()
    expect(status).to_contain_text("Copied as it is. It is longer than LinkedIn invitation note")
    assert clipboard(page).startswith("Hi " + "x" * 120)


def test_email_and_reminder_with_blanks_ask_first(page: Page) -> None:
    email = part(page, "labels", "[data-playbook-action='email']")
    status = part(page, "labels", "[data-playbook-message-status]")
    email.click()
    expect(status).to_contain_text("Press the email button again to open it as it is.")
    assert page.url.startswith("http")


def test_a_reminder_with_blanks_asks_first(page: Page) -> None:
    remind = part(page, "text", "[data-playbook-action='remind']")
    status = part(page, "text", "[data-playbook-message-status]")
    downloads: list[object] = []
    page.on("download", lambda download: downloads.append(download))
    remind.click()
    expect(status).to_have_text(
        "Still to fill in: Name, Me. Press the reminder button again to save it as it is."
    )
    assert downloads == []
    with page.expect_download():
        remind.click()
    expect(status).to_contain_text("Reminder saved with the note as it is. Still to fill in")


def test_the_subject_copies_on_its_own(page: Page) -> None:
    part(page, "inmail", "[data-playbook-field='topic']").fill("design systems")
    part(page, "inmail", "[data-playbook-field='name']").fill("Ana")
    part(page, "inmail", "[data-playbook-action='copy-subject']").click()
    expect(part(page, "inmail", "[data-playbook-message-status]")).to_have_text(
        "Subject copied. Paste it into the subject line."
    )
    assert clipboard(page) == "Question about design systems"
    email_subject = part(page, "labels", "[data-playbook-action='copy-subject']")
    email_subject.click()
    expect(part(page, "labels", "[data-playbook-message-status]")).to_contain_text(
        "Still to fill in: Topic."
    )
    part(page, "labels", "[data-playbook-field='topic']").fill("your talk")
    email_subject.click()
    assert clipboard(page) == "About your talk"


def test_the_linkedin_hint_fits_who_the_reader_writes_to(page: Page) -> None:
    new = part(page, "invite-new", ".playbook-message__note")
    met = part(page, "invite-met", ".playbook-message__note")
    expect(new).to_contain_text("say how you found them")
    expect(new).not_to_contain_text("people you have met")
    expect(met).to_contain_text("while they remember you")
