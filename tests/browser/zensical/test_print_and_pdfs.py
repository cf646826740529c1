"""Paper from the Zensical build: the browser's print of each checklist and of the event kit
(the print stylesheet under Zensical's theme), and the PDFs `playbook pdf` writes, read back and
compared with the MkDocs build's PDFs of the same playbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader
from pypdf.generic import Destination

from playbook_plugin.render.strings import DEFAULT_STRINGS

from ..test_print import CHECKLISTS, PRINTABLE, SITE_CHROME, assert_sheet_holds, printed, squeeze

pytestmark = [pytest.mark.browser, pytest.mark.zensical]


def test_each_checklist_prints_on_one_sheet_without_zensicals_page_around_it(
    zensical_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = zensical_playbook
    for checklist in CHECKLISTS.values():
        page.goto(f"{base}checklists/{checklist.id}/")
        sheets = printed(page, "A4")
        assert len(sheets) == 1, f"{checklist.id} printed on {len(sheets)} sheets"
        assert_sheet_holds(sheets[0], checklist)
        assert squeeze(DEFAULT_STRINGS[f"phase_{checklist.phase}"]) in squeeze(sheets[0])
        for chrome in SITE_CHROME:
            assert chrome not in sheets[0], f"{chrome!r} printed on the {checklist.id} sheet"
        for control in ("Print", "Reset", "Download as PDF", "Checklists", "¶"):
            assert control not in sheets[0].split(), f"the {control!r} control printed"


def test_the_event_kit_prints_one_checklist_a_sheet_then_the_people_log(
    zensical_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = zensical_playbook
    page.goto(base + "checklists/event-kit/")
    sheets = printed(page, "A4")
    assert len(sheets) == len(PRINTABLE) + 1
    for sheet, checklist in zip(sheets, PRINTABLE, strict=False):
        assert_sheet_holds(sheet, checklist)
    assert "What we talked about" in sheets[-1]
    assert not any(chrome in sheet for sheet in sheets for chrome in SITE_CHROME)


def test_print_shows_the_checklist_and_hides_the_widgets_controls(
    zensical_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = zensical_playbook
    page.goto(base + "checklists/before-the-event/")
    controls = [
        page.get_by_role("button", name="Print"),
        page.get_by_role("link", name="Download as PDF"),
        page.get_by_role("button", name="Reset"),
        page.locator("[data-playbook-progress]"),
    ]
    for control in controls:
        expect(control).to_be_visible()
    page.emulate_media(media="print")
    for control in controls:
        expect(control).to_be_hidden()
    expect(page.locator("input[data-playbook-item]").first).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


def test_a_message_template_prints_as_text_with_labelled_blanks(
    zensical_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = zensical_playbook
    page.goto(base + "before-you-reach-out/")
    widget = page.locator("[data-playbook-message='connect-with-note']")
    widget.get_by_label("Their first name").fill("Priya")
    page.emulate_media(media="print")
    for hidden in ("[data-playbook-form]", "[data-playbook-actions]", "[data-playbook-preview]"):
        expect(widget.locator(hidden)).to_be_hidden()
    on_paper = widget.locator(".playbook-message__print")
    expect(on_paper).to_be_visible()
    expect(on_paper.locator(".playbook-blank__label").first).to_have_text("Their first name")
    text = squeeze(" ".join(printed(page, "A4")))
    assert squeeze("Hi Their first name") in text
    assert "Priya" not in text and "Copy message" not in text


# The PDFs ------------------------------------------------------------------------------


def outline(reader: PdfReader) -> list[tuple[str, int, int]]:
    """Every bookmark as (title, depth, page number from 1)."""
    found: list[tuple[str, int, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                assert isinstance(item, Destination)
                found.append((item.title, depth, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def pdfs(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("downloads/**/*.pdf"))


def test_playbook_pdf_writes_the_pdfs_the_mkdocs_build_has(
    zensical_playbook: tuple[Path, str], default_playbook: tuple[Path, str]
) -> None:
    zensical_site, mkdocs_site = zensical_playbook[0], default_playbook[0]
    assert pdfs(zensical_site) == pdfs(mkdocs_site)
    assert len(pdfs(zensical_site)) == 2 + len(CHECKLISTS)
    for name in pdfs(zensical_site):
        ours, theirs = PdfReader(zensical_site / name), PdfReader(mkdocs_site / name)
        # Built on the same preview address and day: the same text on every page.
        assert [sheet.extract_text() for sheet in ours.pages] == [
            sheet.extract_text() for sheet in theirs.pages
        ], name
        assert outline(ours) == outline(theirs), f"{name}: bookmarks"
        assert sorted(ours.get_fields() or {}) == sorted(theirs.get_fields() or {}), name
        assert ours.metadata is not None and theirs.metadata is not None
        assert ours.metadata.title == theirs.metadata.title, name
        assert ours.trailer["/Root"]["/Lang"] == "en"
        assert "/StructTreeRoot" in ours.trailer["/Root"], f"{name} is not tagged"


def test_the_zensical_pages_link_every_pdf(zensical_playbook: tuple[Path, str]) -> None:
    site, _ = zensical_playbook
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="downloads/playbook.pdf"' in home
    kit = (site / "checklists/event-kit/index.html").read_text(encoding="utf-8")
    assert 'href="../../downloads/event-kit.pdf"' in kit
    for checklist in CHECKLISTS:
        sheet = (site / f"checklists/{checklist}/index.html").read_text(encoding="utf-8")
        assert f'href="../../downloads/checklists/{checklist}.pdf"' in sheet
