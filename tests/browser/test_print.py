"""Printing from the browser: one sheet per checklist, the event kit, message templates."""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from playbook_plugin.render.strings import DEFAULT_STRINGS
from playbook_plugin.sources.checklists import Checklist, ChecklistItem, load_checklists

from ..conftest import REPO, Site, free_port, serve

pytestmark = pytest.mark.browser

PAPERS = ["A4", "Letter"]
CHECKLISTS = load_checklists(REPO / "checklists", REPO)
PRINTABLE = sorted(
    (checklist for checklist in CHECKLISTS.values() if checklist.print),
    key=lambda checklist: ("before", "during", "after", "anytime").index(checklist.phase),
)
# Text of the site around the page: navigation, header, search, footer.
SITE_CHROME = ["Before you reach out", "After you meet", "About this playbook", "Search"]


def printed(page: Page, paper: str) -> list[str]:
    """Print the page as Chromium does, and return the text of each sheet."""
    reader = PdfReader(io.BytesIO(page.pdf(format=paper)))
    return [sheet.extract_text() for sheet in reader.pages]


def squeeze(text: str) -> str:
    """Text without any whitespace, so a line broken anywhere still matches."""
    return "".join(text.split())


def item_text(item: ChecklistItem) -> str:
    return re.sub(r"[*_`]", "", item.text)


def assert_sheet_holds(sheet: str, checklist: Checklist) -> None:
    text = squeeze(sheet)
    assert squeeze(checklist.title) in text
    for item in checklist.all_items():
        assert squeeze(item_text(item)) in text, f"{item.id} is missing from the printed sheet"


@pytest.mark.parametrize("paper", PAPERS)
def test_each_checklist_prints_on_one_sheet_without_the_site_around_it(
    default_playbook: tuple[Path, str], page: Page, paper: str
) -> None:
    _, base = default_playbook
    for checklist in CHECKLISTS.values():
        address = f"{base}checklists/{checklist.id}/"
        page.goto(address)
        sheets = printed(page, paper)
        assert len(sheets) == 1, f"{checklist.id} printed on {len(sheets)} {paper} sheets"
        assert_sheet_holds(sheets[0], checklist)
        phase = DEFAULT_STRINGS[f"phase_{checklist.phase}"]
        assert squeeze(phase) in squeeze(sheets[0]), "the sheet does not say when to use it"
        for chrome in SITE_CHROME:
            assert chrome not in sheets[0], f"{chrome!r} printed on the {checklist.id} sheet"
        for control in ("Print", "Reset", "Download as PDF", "Checklists"):
            assert control not in sheets[0].split(), f"the {control!r} control printed"
        # Built at the preview address: a QR code of this computer would lead nowhere.
        assert "127.0.0.1" not in sheets[0], "the sheet prints an address no phone can open"


@pytest.mark.parametrize("paper", PAPERS)
def test_the_event_kit_prints_one_checklist_a_sheet_then_the_people_log(
    default_playbook: tuple[Path, str], page: Page, paper: str
) -> None:
    _, base = default_playbook
    page.goto(base + "checklists/event-kit/")
    sheets = printed(page, paper)
    assert len(sheets) == len(PRINTABLE) + 1
    for sheet, checklist in zip(sheets, PRINTABLE, strict=False):
        assert_sheet_holds(sheet, checklist)
        others = [other for other in PRINTABLE if other is not checklist]
        for other in others:
            assert squeeze(item_text(next(other.all_items()))) not in squeeze(sheet)
    assert "People I met" in sheets[-1]
    assert "What we talked about" in sheets[-1]
    assert not any(chrome in sheet for sheet in sheets for chrome in SITE_CHROME)


PUBLISHED_URL = "https://careers-centre.example.edu/networking-playbook/"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small playbook built for its public address, served here to print it."""
    site = Site(tmp_path_factory.mktemp("published"))
    site.config["site_url"] = PUBLISHED_URL
    site.write("docs/index.md", "# Home\n")
    site.write("checklists/at-the-event.md", long_checklist(8).replace("A list of 8", "At it"))
    site.write(
        "docs/notes.md",
        "# Notes\n\n```message\nid: after-meeting\ntitle: After a meeting\n"
        "channel: email\nrelationship: met\nfields:\n"
        "  name: {label: Their first name, example: Ana}\n"
        "  about: {label: What they do, example: Sam is a final-year economics student who "
        "runs the investing club and is looking at analyst roles in public health}\n---\n"
        "Hi {{ name }}, you told me about your work: {{ about }}. Could we talk on Friday?"
        "\n```\n",
    )
    site.build()
    with serve(site.site_dir, free_port()) as base:
        yield base


def test_the_print_header_shows_the_qr_code_only_on_paper(published: str, page: Page) -> None:
    page.goto(published + "checklists/at-the-event/")
    address = f"{PUBLISHED_URL}checklists/at-the-event/"
    qr = page.get_by_role("img", name=f"QR code that opens {address}")
    expect(qr).to_be_hidden()
    page.emulate_media(media="print")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box is not None and 60 < box["width"] < 120, "the QR code should be about 2.5 cm wide"
    assert squeeze(address) in squeeze(printed(page, "A4")[0])


def test_the_printed_address_wraps_only_after_a_slash_or_a_dot(published: str, page: Page) -> None:
    page.goto(published + "checklists/at-the-event/")
    page.emulate_media(media="print")
    parts = page.locator(".playbook-print-source .playbook-url-part")
    assert parts.count() >= 4
    lines = parts.evaluate_all("parts => parts.map(part => part.getClientRects().length)")
    assert lines == [1] * len(lines), "a part of the address was broken across lines"
    tops = parts.evaluate_all("parts => parts.map(part => part.getBoundingClientRect().top)")
    assert len(set(tops)) > 1, "the address is long enough to wrap under the QR code"


def test_a_long_blank_prints_as_lines_as_wide_as_the_text(published: str, page: Page) -> None:
    page.goto(published + "notes/")
    page.emulate_media(media="print")
    message = page.locator("[data-playbook-message='after-meeting'] .playbook-message__print")
    short = message.locator(".playbook-blank").first.bounding_box()
    long = message.locator(".playbook-blank--lines .playbook-blank__line").bounding_box()
    body = message.bounding_box()
    assert short and long and body
    assert long["width"] > 0.8 * body["width"], "room for the example's length"
    assert long["height"] > 2 * short["height"] * 0.8, "several lines to write on"


def test_print_hides_the_buttons_and_downloads(
    default_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = default_playbook
    page.goto(base + "checklists/before-the-event/")
    print_button = page.get_by_role("button", name="Print")
    download = page.get_by_role("link", name="Download as PDF")
    reset = page.get_by_role("button", name="Reset")
    for control in (print_button, download, reset):
        expect(control).to_be_visible()
    page.emulate_media(media="print")
    for control in (print_button, download, reset):
        expect(control).to_be_hidden()
    expect(page.locator("[data-playbook-progress]")).to_be_hidden()


@pytest.mark.parametrize("path", ["checklists/before-the-event/", "checklists/event-kit/"])
def test_the_print_button_opens_the_print_dialog(
    default_playbook: tuple[Path, str], page: Page, path: str
) -> None:
    _, base = default_playbook
    page.goto(base + path)
    page.evaluate(
        "() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }"
    )
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("window.__printed") == 1


def test_without_javascript_there_is_no_print_button(
    browser: Browser, default_playbook: tuple[Path, str]
) -> None:
    site_dir, _ = default_playbook
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site_dir / "checklists/event-kit/index.html").as_uri())
    expect(page.locator("[data-playbook-action=print]")).to_have_count(1)
    expect(page.locator("[data-playbook-action=print]")).to_be_hidden()
    context.close()


def test_a_ticked_box_prints_ticked(
    default_playbook: tuple[Path, str], page: Page, tmp_path: Path
) -> None:
    _, base = default_playbook
    page.goto(base + "checklists/after-the-event/")

    def picture(name: str) -> bytes:
        page.mouse.move(0, 0)  # a hovered box is drawn darker
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(page.pdf(format="A4"))
        subprocess.run(["pdftoppm", "-r", "40", "-gray", "-singlefile", pdf, tmp_path / name])
        return (tmp_path / f"{name}.pgm").read_bytes()

    blank = picture("blank")
    page.get_by_label("Send a thank-you within 24 hours").check()
    assert picture("ticked") != blank
    page.reload()
    assert picture("reloaded") != blank, "the reader's tick did not come back for printing"
    page.get_by_label("Send a thank-you within 24 hours").uncheck()
    assert picture("unticked") == blank


def test_a_message_template_prints_as_text_with_labelled_blanks(
    default_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = default_playbook
    page.goto(base + "before-you-reach-out/")
    widget = page.locator("[data-playbook-message='connect-with-note']")
    widget.get_by_label("Their first name").fill("Priya")
    page.emulate_media(media="print")
    for hidden in ("[data-playbook-form]", "[data-playbook-actions]", "[data-playbook-preview]"):
        expect(widget.locator(hidden)).to_be_hidden()
    # Every control goes; the title, a button on screen that opens the template, stays as text.
    buttons = widget.locator("button:not([data-playbook-action=toggle]), a.playbook-button")
    assert buttons.count() >= 2
    for button in buttons.all():
        expect(button).to_be_hidden()
    expect(widget.locator(".playbook-message__title")).to_have_text(
        "Connection request with a personal note"
    )
    on_paper = widget.locator(".playbook-message__print")
    expect(on_paper).to_be_visible()
    labels = on_paper.locator(".playbook-blank__label")
    expect(labels.first).to_have_text("Their first name")
    line = on_paper.locator(".playbook-blank__line").first
    assert line.evaluate("node => getComputedStyle(node).borderBottomStyle") == "solid"
    text = squeeze(" ".join(printed(page, "A4")))
    assert squeeze("Connection request with a personal note") in text
    assert squeeze("Hi Their first name") in text, "the blank is not labelled in the printout"
    assert "Priya" not in text, "print shows the template, not what the reader typed"
    assert "Copy message" not in text


# Long checklists, in a site of their own ------------------------------------------------


def long_checklist(count: int) -> str:
    lines = ["---", f"title: A list of {count}", "phase: during", "summary: Many steps.", "---", ""]
    for number in range(1, count + 1):
        lines.append(
            f"- [ ] Step number {number} of the long list, said plainly {{#step-{number}}}"
        )
        lines.append(f"    A detail line for step {number}, short enough for one line.")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def long_lists(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = Site(tmp_path_factory.mktemp("long-lists"))
    site.write("docs/index.md", "# Home\n")
    site.write("checklists/twenty-five.md", long_checklist(25))
    site.write("checklists/forty-five.md", long_checklist(45))
    site.write("checklists/thirty-two.md", long_checklist(32))
    port = free_port()
    site.config["site_url"] = f"http://127.0.0.1:{port}/"
    site.build()
    with serve(site.site_dir, port) as base:
        yield base


@pytest.mark.parametrize("paper", PAPERS)
def test_a_checklist_of_25_items_with_details_fits_one_sheet(
    long_lists: str, page: Page, paper: str
) -> None:
    page.goto(long_lists + "checklists/twenty-five/")
    sheets = printed(page, paper)
    assert len(sheets) == 1
    assert "Step number 25 of the long list" in sheets[0]


def item_size(page: Page) -> float:
    item = page.locator(".playbook-items label").first
    return float(item.evaluate("node => parseFloat(getComputedStyle(node).fontSize)"))


@pytest.mark.parametrize("paper", PAPERS)
def test_a_checklist_a_little_too_long_prints_smaller_on_one_sheet(
    long_lists: str, page: Page, paper: str
) -> None:
    page.emulate_media(media="print")
    page.goto(long_lists + "checklists/twenty-five/")
    normal = item_size(page)
    page.goto(long_lists + "checklists/thirty-two/")
    assert 0.75 * normal <= item_size(page) < normal, "smaller, within reason"
    sheets = printed(page, paper)
    assert len(sheets) == 1
    assert "Step number 32 of the long list" in sheets[0]


@pytest.mark.parametrize("paper", PAPERS)
def test_a_longer_checklist_breaks_between_items_never_inside_one(
    long_lists: str, page: Page, paper: str
) -> None:
    page.goto(long_lists + "checklists/forty-five/")
    sheets = [squeeze(sheet) for sheet in printed(page, paper)]
    assert len(sheets) == 2
    for number in range(1, 46):
        item = squeeze(
            f"Step number {number} of the long list, said plainly "
            f"A detail line for step {number}, short enough for one line."
        )
        assert sum(item in sheet for sheet in sheets) == 1, f"step {number} was split"
