"""Message generators as a reader uses them, in Debian's Chromium."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect

from playbook_plugin.rules.advice import DEFAULT_CHECKS

from ..conftest import Site, free_port, serve

pytestmark = pytest.mark.browser

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
DRAFT_KEY = "playbook:test-playbook:message:coffee-email"


def fence(header: str, body: str) -> str:
    return f"```message\n{header.strip()}\n---\n{body.strip()}\n```\n"


def plain(template_id: str, channel: str, extra: str = "", subject: bool = False) -> str:
    """A template whose body is just what the reader types, to count exact strings."""
    header = f"id: {template_id}\ntitle: Plain {channel}\nchannel: {channel}\n{extra}"
    if subject:
        header += "\nsubject: '{{ headline }}'"
    return fence(header, "{{ text }}")


COFFEE = fence(
    """
id: coffee-email
title: Ask for a coffee after the event
channel: email
relationship: met
kind: follow-up
follow_up: 2 weeks
subject: Good to meet you at {{ place }}
fields:
  name: {label: Their first name, required: true}
  place: {label: Where you met}
  topic: {label: What you talked about}
""",
    """
Hi {{ name }},

Good to meet you at {{ place }}.{% if topic %} I keep thinking about {{ topic }}.{% endif %}

Could we talk again next week?
""",
)

PAGES = {
    "docs/index.md": "# Notes\n\nWrite to someone you met.\n\n" + COFFEE,
    "docs/counters.md": "# Counters\n\n"
    + "\n".join(
        [
            plain("count-linkedin-invite", "linkedin-invite"),
            plain("count-linkedin-inmail", "linkedin-inmail"),
            plain("count-linkedin-message", "linkedin-message"),
            plain("count-email", "email", subject=True),
            plain("count-sms", "sms"),
            plain("count-x-dm", "x-dm"),
        ]
    ),
    "docs/advice.md": "# Advice\n\n"
    + "\n".join(
        [
            plain("advice-first", "email", "relationship: new\nkind: first-message"),
            plain("advice-thanks", "linkedin-message", "relationship: met\nkind: thank-you"),
            plain(
                "advice-follow-up",
                "linkedin-message",
                "relationship: met\nkind: follow-up\nfollow_up: 2 weeks",
            ),
        ]
    ),
}
# The advice pages the checks link to ("Why?"): a link to a page the site lacks is left out.
ADVICE_LINKS = {check.id: check.link for check in DEFAULT_CHECKS}
for _link in ADVICE_LINKS.values():
    _path, _, _anchor = _link.partition("#")
    PAGES.setdefault(f"docs/{_path}", f"# {_path}\n")
    PAGES[f"docs/{_path}"] += f"\n## {_anchor} {{#{_anchor}}}\n"


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site with the message fences above, built once and served at its site_url."""
    site = Site(tmp_path_factory.mktemp("messages-site"))
    for path, text in PAGES.items():
        site.write(path, text)
    port = free_port()
    site.config["site_url"] = f"http://127.0.0.1:{port}/"
    site.config["theme"]["palette"] = {"scheme": "default", "primary": "indigo"}
    # Not strict: the plain templates trip advice checks with their (empty) examples on purpose.
    site.build(strict=False)
    with serve(site.site_dir, port) as base:
        yield base


def widget(page: Page, template_id: str) -> Locator:
    return page.locator(f"[data-playbook-message='{template_id}']")


def field(page: Page, template_id: str, name: str) -> Locator:
    return widget(page, template_id).locator(f"[data-playbook-field='{name}']")


def preview(page: Page, template_id: str) -> Locator:
    return widget(page, template_id).locator("[data-playbook-preview]")


def subject(page: Page, template_id: str) -> Locator:
    return widget(page, template_id).locator("[data-playbook-subject]")


def counter(page: Page, template_id: str) -> Locator:
    return widget(page, template_id).locator("[data-playbook-count]")


def warning(page: Page, template_id: str, check_id: str) -> Locator:
    return widget(page, template_id).locator(f"[data-playbook-warning='{check_id}']")


def action(page: Page, template_id: str, name: str) -> Locator:
    return widget(page, template_id).locator(f"[data-playbook-action='{name}']")


def status(page: Page, template_id: str) -> Locator:
    return widget(page, template_id).locator("[data-playbook-message-status]")


def assert_text(locator: Locator, expected: str) -> None:
    """Exactly this text content: line breaks included, nothing normalised."""
    expect(locator).to_have_text(expected)
    assert locator.text_content() == expected


def fill_coffee(
    page: Page, name: str = "Priya", place: str = "the alumni mixer", topic: str = ""
) -> None:
    field(page, "coffee-email", "name").fill(name)
    field(page, "coffee-email", "place").fill(place)
    field(page, "coffee-email", "topic").fill(topic)


BLANK_COFFEE = (
    "Hi [Their first name],\n\nGood to meet you at [Where you met].\n\n"
    "Could we talk again next week?"
)


def draft_keys(page: Page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter(key => key.includes('message:'))")


# 1. The form and the preview -------------------------------------------------------------


def test_filling_the_form_shows_the_exact_message_and_subject(
    notes: str, page: Page, collect_page_errors
) -> None:
    errors = collect_page_errors(page)
    page.goto(notes)
    expect(widget(page, "coffee-email").locator("[data-playbook-form]")).to_be_visible()
    assert_text(preview(page, "coffee-email"), BLANK_COFFEE)
    assert_text(subject(page, "coffee-email"), "Good to meet you at [Where you met]")

    fill_coffee(page)
    assert_text(
        preview(page, "coffee-email"),
        "Hi Priya,\n\nGood to meet you at the alumni mixer.\n\nCould we talk again next week?",
    )
    assert_text(subject(page, "coffee-email"), "Good to meet you at the alumni mixer")
    assert errors == []


def test_an_empty_field_shows_its_label_in_brackets(notes: str, page: Page) -> None:
    page.goto(notes)
    fill_coffee(page, name="", place="the alumni mixer")
    assert_text(
        preview(page, "coffee-email"),
        "Hi [Their first name],\n\nGood to meet you at the alumni mixer.\n\n"
        "Could we talk again next week?",
    )
    field(page, "coffee-email", "place").fill("")
    assert_text(subject(page, "coffee-email"), "Good to meet you at [Where you met]")


def test_an_if_part_appears_only_while_its_field_is_filled(notes: str, page: Page) -> None:
    page.goto(notes)
    fill_coffee(page)
    expect(preview(page, "coffee-email")).not_to_contain_text("I keep thinking")
    field(page, "coffee-email", "topic").fill("career changes")
    assert_text(
        preview(page, "coffee-email"),
        "Hi Priya,\n\nGood to meet you at the alumni mixer. I keep thinking about "
        "career changes.\n\nCould we talk again next week?",
    )
    field(page, "coffee-email", "topic").fill("   ")
    expect(preview(page, "coffee-email")).not_to_contain_text("I keep thinking")
    expect(preview(page, "coffee-email")).not_to_contain_text("[What you talked about]")


# 2. The length counter on each channel ---------------------------------------------------


def emoji(count: int = 1) -> str:
    return "\U0001f600" * count  # outside the BMP: two UTF-16 code units each


COUNTS = {
    "linkedin-invite": [
        ("a" * 179, "179 / 200 characters", "ok"),
        ("a" * 180, "180 / 200 characters", "near"),
        ("a" * 200, "200 / 200 characters", "near"),
        ("a" * 201, "201 / 200 characters", "over"),
        ("👋🏽 café", "6 / 200 characters", "ok"),  # an emoji with its skin tone is one
    ],
    "linkedin-inmail": [
        ("a" * 1709, "1709 / 1900 characters", "ok"),
        ("a" * 1900, "1900 / 1900 characters", "near"),
        ("a" * 1901, "1901 / 1900 characters", "over"),
    ],
    "linkedin-message": [
        ("a" * 7199, "7199 / 8000 characters", "ok"),
        ("a" * 8000, "8000 / 8000 characters", "near"),
        ("a" * 8001, "8001 / 8000 characters", "over"),
    ],
    "x-dm": [
        ("a" * 8999, "8999 / 10000 characters", "ok"),
        ("a" * 9000, "9000 / 10000 characters", "near"),
        ("a" * 10001, "10001 / 10000 characters", "over"),
    ],
    "sms": [
        ("a" * 143, "143 / 160 characters · 1 SMS · GSM-7", "ok"),
        ("a" * 160, "160 / 160 characters · 1 SMS · GSM-7", "near"),
        ("a" * 161, "161 / 160 characters · 2 SMS · GSM-7", "over"),
        ("a" * 306, "306 / 160 characters · 2 SMS · GSM-7", "over"),
        ("a" * 307, "307 / 160 characters · 3 SMS · GSM-7", "over"),
        # € is in GSM-7's extension table: it costs two.
        ("a" * 158 + "€", "160 / 160 characters · 1 SMS · GSM-7", "near"),
        ("a" * 159 + "€", "161 / 160 characters · 2 SMS · GSM-7", "over"),
        # One emoji switches the whole message to UCS-2: 70 alone, 67 a part.
        ("Hi " + emoji(), "5 / 70 characters · 1 SMS · UCS-2", "ok"),
        ("a" * 68 + emoji(), "70 / 70 characters · 1 SMS · UCS-2", "near"),
        ("a" * 69 + emoji(), "71 / 70 characters · 2 SMS · UCS-2", "over"),
        ("a" * 132 + emoji(), "134 / 70 characters · 2 SMS · UCS-2", "over"),
        ("a" * 133 + emoji(), "135 / 70 characters · 3 SMS · UCS-2", "over"),
    ],
}


@pytest.mark.parametrize("channel", list(COUNTS))
def test_the_counter_shows_length_and_state_for_the_channel(
    notes: str, page: Page, channel: str
) -> None:
    template_id = f"count-{channel}"
    page.goto(notes + "counters/")
    for text, shown, state in COUNTS[channel]:
        field(page, template_id, "text").fill(text)
        assert_text(preview(page, template_id), text)
        expect(counter(page, template_id)).to_have_text(shown)
        expect(counter(page, template_id)).to_have_attribute("data-state", state)


def test_the_counter_warns_about_an_email_subject_over_50_characters(
    notes: str, page: Page
) -> None:
    page.goto(notes + "counters/")
    field(page, "count-email", "text").fill("Hello")
    for length, state in [(44, "ok"), (45, "near"), (50, "near"), (51, "over")]:
        field(page, "count-email", "headline").fill("s" * length)
        assert_text(subject(page, "count-email"), "s" * length)
        expect(counter(page, "count-email")).to_have_text(
            f"5 characters · Subject: {length} / 50 characters"
        )
        expect(counter(page, "count-email")).to_have_attribute("data-state", state)


# 3. Advice checks ------------------------------------------------------------------------


def words(count: int) -> str:
    return " ".join(["word"] * count)


@dataclass(frozen=True)
class Advice:
    check: str
    template: str
    severity: str
    breaks: str
    follows: str
    breaks_in_days: int | None = None
    follows_in_days: int | None = None
    name: str = ""

    @property
    def test_id(self) -> str:
        return self.name or f"{self.check}-{self.severity}"


ADVICE = [
    Advice(
        "placeholder-left",
        "advice-first",
        "error",
        "Hi [Their name], could we talk next week?",
        "Hi Priya, could we talk next week?",
    ),
    Advice("too-long", "advice-first", "warning", words(76), words(75), name="too-long-76-words"),
    Advice("too-long", "advice-first", "error", words(101), words(75), name="too-long-101-words"),
    Advice(
        "about-me",
        "advice-first",
        "warning",
        "I am a designer and I think my work, my team and my plans would interest me. I hope so.",
        "I liked your talk and your slides.",
    ),
    Advice(
        "no-next-step",
        "advice-first",
        "warning",
        "Good to meet you at the mixer.",
        "Good to meet you. Could we talk next week?",
    ),
    Advice(
        "asks-for-job",
        "advice-first",
        "warning",
        "Are you hiring designers this spring?",
        "Could I ask your advice on design research?",
    ),
    Advice(
        "claims-relationship",
        "advice-first",
        "warning",
        "As your former colleague, could we talk?",
        "A mutual friend suggested I write to you.",
    ),
    Advice(
        "too-familiar",
        "advice-first",
        "warning",
        "How was your holiday with the kids?",
        "How was the conference?",
    ),
    Advice(
        "no-thanks",
        "advice-thanks",
        "warning",
        "Good to meet you at the mixer.",
        "Thank you for your advice at the mixer.",
    ),
    Advice(
        "tone",
        "advice-first",
        "warning",
        "Great talk, thx!",
        "Great talk, thank you!",
        name="tone-text-speak",
    ),
    Advice(
        "tone",
        "advice-first",
        "warning",
        "GREAT talk!! Could we talk?",
        "Great talk! Could we talk?",
        name="tone-shouting",
    ),
    Advice(
        "follow-up-too-soon",
        "advice-follow-up",
        "error",
        "Thank you again: could we talk next week?",
        "Thank you again: could we talk next week?",
        breaks_in_days=1,
        follows_in_days=14,
    ),
]


def type_advice_text(page: Page, template_id: str, text: str, in_days: int | None) -> None:
    field(page, template_id, "text").fill(text)
    if in_days is not None:
        date = dt.date.today() + dt.timedelta(days=in_days)
        widget(page, template_id).locator("[data-playbook-remind-date]").fill(date.isoformat())


@pytest.mark.parametrize("case", ADVICE, ids=[case.test_id for case in ADVICE])
def test_an_advice_check_warns_on_text_that_breaks_it_and_goes_quiet_when_fixed(
    notes: str, page: Page, case: Advice
) -> None:
    page.goto(notes + "advice/")
    shown = warning(page, case.template, case.check)
    type_advice_text(page, case.template, case.breaks, case.breaks_in_days)
    expect(shown).to_have_count(1)
    expect(shown).to_be_visible()
    expect(shown).to_have_attribute("data-severity", case.severity)
    path, _, anchor = ADVICE_LINKS[case.check].partition("#")
    expect(shown.get_by_role("link", name="Why?")).to_have_attribute(
        "href", f"../{path.removesuffix('.md')}/#{anchor}"
    )

    type_advice_text(page, case.template, case.follows, case.follows_in_days)
    expect(shown).to_have_count(0)


def test_no_placeholder_warning_before_the_reader_types(notes: str, page: Page) -> None:
    page.goto(notes + "advice/")
    assert_text(preview(page, "advice-first"), "[Text]")
    expect(warning(page, "advice-first", "placeholder-left")).to_have_count(0)
    expect(warning(page, "advice-first", "no-next-step")).to_have_count(1)


# 4-6. Copy, email, remind ----------------------------------------------------------------


def test_copy_puts_the_message_on_the_clipboard(notes: str, browser: Browser) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(notes)
        fill_coffee(page, topic="moving into training")
        shown = preview(page, "coffee-email").text_content()
        action(page, "coffee-email", "copy").click()
        expect(status(page, "coffee-email")).to_have_text(
            "Copied. Paste it where you send the message."
        )
        assert page.evaluate("navigator.clipboard.readText()") == shown
        assert "Hi Priya," in shown and "moving into training" in shown
    finally:
        context.close()


def test_the_email_link_carries_the_subject_and_message_shown(notes: str, page: Page) -> None:
    page.goto(notes)
    fill_coffee(page, place="Zoë's café & bar; 2nd floor", topic="50% + more = better?")
    href = action(page, "coffee-email", "email").get_attribute("href")
    assert href is not None
    url = urllib.parse.urlsplit(href)
    assert url.scheme == "mailto"
    query = urllib.parse.parse_qs(url.query, keep_blank_values=True, strict_parsing=True)
    assert set(query) == {"subject", "body"}
    assert query["subject"] == [subject(page, "coffee-email").text_content()]
    body = query["body"][0]
    assert body.replace("\r\n", "\n") == preview(page, "coffee-email").text_content()
    # RFC 6068: line breaks in a mailto body are CRLF.
    assert "\r\n\r\n" in body and "\n" not in body.replace("\r\n", "")


def test_remind_downloads_a_valid_calendar_file_for_the_chosen_date(notes: str, page: Page) -> None:
    page.goto(notes)
    topic = "Zoë's naïve café talk; résumés, portfolios and ‘the art of the follow-up’ " * 2
    fill_coffee(page, topic=topic)
    chosen = dt.date.today() + dt.timedelta(days=20)
    date_input = widget(page, "coffee-email").locator("[data-playbook-remind-date]")
    expect(date_input).to_have_value((dt.date.today() + dt.timedelta(days=14)).isoformat())
    date_input.fill(chosen.isoformat())
    with page.expect_download() as download_info:
        action(page, "coffee-email", "remind").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    expect(status(page, "coffee-email")).to_contain_text(download.suggested_filename)
    raw = Path(download.path()).read_bytes()

    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"") and b"\r" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert any(line.startswith(b" ") for line in lines), "the long description was not folded"
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never splits a UTF-8 sequence

    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar.get("PRODID", "")).strip()
    items = [c for c in calendar.walk() if c.name in ("VEVENT", "VTODO")]
    assert len(items) == 1
    item = items[0]
    assert str(item.get("UID", "")).strip()
    assert "DTSTAMP" in item
    when = item.get("DTSTART") if item.name == "VEVENT" else item.get("DUE")
    assert when is not None and when.dt == chosen
    assert str(item["DESCRIPTION"]).startswith(preview(page, "coffee-email").text_content())


# 7. Drafts -------------------------------------------------------------------------------


def test_a_reload_keeps_the_draft(notes: str, page: Page) -> None:
    page.goto(notes)
    fill_coffee(page, topic="career changes")
    written = preview(page, "coffee-email").text_content()
    page.reload()
    expect(field(page, "coffee-email", "name")).to_have_value("Priya")
    expect(field(page, "coffee-email", "place")).to_have_value("the alumni mixer")
    expect(field(page, "coffee-email", "topic")).to_have_value("career changes")
    assert_text(preview(page, "coffee-email"), written)
    assert_text(subject(page, "coffee-email"), "Good to meet you at the alumni mixer")


def test_forget_clears_the_fields_and_the_saved_draft(notes: str, page: Page) -> None:
    page.goto(notes)
    fill_coffee(page, topic="career changes")
    assert draft_keys(page) == [DRAFT_KEY]
    action(page, "coffee-email", "forget").click()
    expect(status(page, "coffee-email")).to_contain_text("Cleared")
    for name in ("name", "place", "topic"):
        expect(field(page, "coffee-email", name)).to_have_value("")
    assert_text(preview(page, "coffee-email"), BLANK_COFFEE)
    assert draft_keys(page) == []
    page.reload()
    expect(field(page, "coffee-email", "name")).to_have_value("")
    assert_text(preview(page, "coffee-email"), BLANK_COFFEE)
    assert draft_keys(page) == []


# 8. What the reader types is text, never markup or template code --------------------------


def test_markup_and_template_code_typed_in_fields_stay_plain_text(notes: str, page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    payload = "<img src=x onerror=alert(1)> {{ 7*7 }}"
    page.goto(notes)
    fill_coffee(page, name=payload, place=payload, topic=payload)
    root = widget(page, "coffee-email")
    for shown in (preview(page, "coffee-email"), subject(page, "coffee-email")):
        expect(shown).to_contain_text(payload)
        assert "49" not in shown.text_content()
    assert subject(page, "coffee-email").text_content() == f"Good to meet you at {payload}"
    assert preview(page, "coffee-email").text_content().count(payload) == 3
    page.reload()  # the saved draft is shown the same way
    expect(preview(page, "coffee-email")).to_contain_text(payload)
    expect(root.locator("img")).to_have_count(0)
    assert page.locator("img[src='x']").count() == 0
    page.wait_for_timeout(200)  # a broken image's onerror would have fired by now
    assert dialogs == []


# 9. Accessibility ------------------------------------------------------------------------


def axe_in_light_and_dark(
    page: Page, url: str, fill: Callable[[Page], None], context: str | None = None
) -> list[str]:
    """Axe's report for each colour scheme that has violations, after ``fill(page)``."""
    reports = []
    for scheme in ("default", "slate"):
        page.goto(url)
        page.evaluate(
            "scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme
        )
        fill(page)
        # Filling a field scrolls the page, and Material fades its header title in: let
        # transitions end, or axe measures the contrast of half-faded text.
        page.wait_for_function(
            "document.getAnimations().every(animation => animation.playState !== 'running')"
        )
        results = Axe().run(
            page, context, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}}
        )
        if results.violations_count:
            reports.append(f"{scheme}: {results.generate_report()}")
    return reports


def test_a_generator_page_of_the_default_playbook_has_no_axe_violations(
    default_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = default_playbook

    def fill(page: Page) -> None:
        page.locator("[data-playbook-message] [data-playbook-field]").first.fill("Priya")
        expect(page.locator("[data-playbook-warning]").first).to_be_visible()

    reports = axe_in_light_and_dark(page, base + "before-you-reach-out/", fill)
    assert reports == [], "\n".join(reports)


def test_counter_states_and_warnings_stay_readable_in_light_and_dark(
    notes: str, page: Page
) -> None:
    def fill(page: Page) -> None:
        field(page, "count-linkedin-invite", "text").fill("a" * 190)
        field(page, "count-linkedin-inmail", "text").fill("a" * 1901)
        field(page, "count-email", "headline").fill("s" * 51)
        expect(counter(page, "count-linkedin-invite")).to_have_attribute("data-state", "near")
        expect(counter(page, "count-linkedin-inmail")).to_have_attribute("data-state", "over")
        expect(counter(page, "count-email")).to_have_attribute("data-state", "over")

    # Only the widgets: the bare test site keeps Material's own footer contrast.
    reports = axe_in_light_and_dark(page, notes + "counters/", fill, "[data-playbook-message]")

    def warn(page: Page) -> None:
        field(page, "advice-first", "text").fill(f"Hi [Name], thx! {words(101)}")
        expect(widget(page, "advice-first").locator("[data-severity=error]")).to_have_count(2)
        expect(widget(page, "advice-first").locator("[data-severity=warning]")).not_to_have_count(0)

    reports += axe_in_light_and_dark(page, notes + "advice/", warn, "[data-playbook-message]")
    assert reports == [], "\n".join(reports)


def test_keyboard_alone_fills_a_field_and_copies_the_message(notes: str, page: Page) -> None:
    page.goto(notes)
    first = field(page, "coffee-email", "name")
    copy = action(page, "coffee-email", "copy")

    def tab_to(target: Locator, limit: int) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if target.evaluate("element => element === document.activeElement"):
                return
        pytest.fail(f"Tab never reached {target}")

    tab_to(first, 60)
    page.keyboard.type("Priya")
    assert preview(page, "coffee-email").text_content().startswith("Hi Priya,")
    page.keyboard.press("Tab")
    page.keyboard.type("the spring mixer")
    tab_to(copy, 5)
    page.keyboard.press("Enter")
    expect(status(page, "coffee-email")).to_have_text(
        "Copied. Paste it where you send the message."
    )
