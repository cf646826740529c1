"""The PDF downloads, read back with pypdf: structure, form fields, tags, text, QR codes."""

from __future__ import annotations

import html
import logging
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
import zxingcpp
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import Destination

from playbook_plugin.printing.pdf import SiteOnlyFetcher
from playbook_plugin.printing.pdf_html import DocumentLinks, PdfSite, rewrite
from playbook_plugin.printing.qr import qr_matrix
from playbook_plugin.sources.checklists import load_checklists

from .browser.test_print import long_checklist
from .conftest import BEFORE_THE_EVENT, REPO, Site
from .test_default_playbook import PLAYS

CHECKLISTS = load_checklists(REPO / "checklists", REPO)
PRINTABLE = [checklist for checklist in CHECKLISTS.values() if checklist.print]
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def squeeze(text: str) -> str:
    return "".join(text.split())


def article(page_html: str) -> str:
    return page_html.split("<article", 1)[1].split("</article>", 1)[0]


def page_path(docs_path: str) -> str:
    """Where MkDocs writes a docs page (directory URLs)."""
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    else:
        stem += "/"
    return stem + "index.html"


def h1(page_html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)(?:<a class=\"headerlink\"|</h1>)", page_html, re.S)
    assert match, "the page has no h1"
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()


def flat_nav(entries: list[Any]) -> Iterator[tuple[str | None, str]]:
    for entry in entries:
        if isinstance(entry, str):
            yield None, entry
            continue
        ((title, value),) = entry.items()
        if isinstance(value, list):
            yield from flat_nav(value)
        else:
            yield title, value


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


def fields_of(reader: PdfReader, kind: str) -> dict[str, Any]:
    return {name: f for name, f in (reader.get_fields() or {}).items() if f.get("/FT") == kind}


@pytest.fixture(scope="module")
def built(default_playbook: tuple[Path, str]) -> Path:
    return default_playbook[0]


@pytest.fixture(scope="module")
def playbook_pdf(built: Path) -> PdfReader:
    return PdfReader(built / "downloads/playbook.pdf")


@pytest.fixture(scope="module")
def nav_pages(built: Path) -> list[tuple[str, str, str]]:
    """Each page of the navigation: (title in the nav, h1 of the page, its built HTML)."""
    nav = load_config(str(REPO / "mkdocs.yml")).nav
    pages = []
    for title, docs_path in flat_nav(nav):
        page_html = (built / page_path(docs_path)).read_text(encoding="utf-8")
        pages.append((title or h1(page_html), h1(page_html), page_html))
    return pages


# The whole playbook --------------------------------------------------------------------


def test_the_playbook_opens_with_a_cover_then_the_contents(playbook_pdf: PdfReader) -> None:
    cover = playbook_pdf.pages[0].extract_text()
    assert "Networking Playbook" in cover
    assert "Practical plays for growing a professional network" in " ".join(cover.split())
    assert re.search(r"Built on [A-Z][a-z]+ \d{1,2}, \d{4}", cover)
    assert "Page 1 of" not in cover, "the cover has no page number"
    assert playbook_pdf.pages[1].extract_text().startswith("Contents")
    assert playbook_pdf.metadata is not None
    assert playbook_pdf.metadata.title == "Networking Playbook"


def test_every_page_of_the_navigation_has_a_bookmark_where_it_starts(
    playbook_pdf: PdfReader, nav_pages: list[tuple[str, str, str]]
) -> None:
    bookmarks = outline(playbook_pdf)
    assert len(playbook_pdf.pages) > len(nav_pages) + 2
    starts = []
    for _, heading, _ in nav_pages:
        matches = [page for title, _, page in bookmarks if title == heading]
        assert matches, f"no bookmark for {heading!r}"
        start = min(page for page in matches if page > max(starts, default=0))
        assert heading in playbook_pdf.pages[start - 1].extract_text()
        starts.append(start)
    assert starts == sorted(starts), "pages are not in navigation order"
    assert ("Checklists", 0, starts[5]) in bookmarks, "the nav section is a bookmark of its own"


def contents_entries(reader: PdfReader) -> list[tuple[str, int]]:
    """The contents page's entries in order: (title, page number)."""
    text = reader.pages[1].extract_text()
    pattern = r"^(.+?)\s*(?:\.\s*)+(\d+)\s*$"
    return [(m.group(1).strip(), int(m.group(2))) for m in re.finditer(pattern, text, re.M)]


def test_the_contents_give_the_page_where_each_page_starts(
    playbook_pdf: PdfReader, nav_pages: list[tuple[str, str, str]]
) -> None:
    entries = contents_entries(playbook_pdf)
    # One label per page everywhere: the contents, the bookmarks and the page say the same.
    assert [title for title, _ in entries] == [heading for _, heading, _ in nav_pages]
    bookmarks = [(title, page) for title, _, page in outline(playbook_pdf)]
    numbers = [number for _, number in entries]
    assert numbers == sorted(set(numbers)), "each page starts on a page of its own, in order"
    for (_, number), (_, heading, _) in zip(entries, nav_pages, strict=True):
        assert (heading, number) in bookmarks, f"{heading!r} does not start on page {number}"
        assert heading in playbook_pdf.pages[number - 1].extract_text()


def test_each_page_has_a_running_header_and_page_n_of_m(playbook_pdf: PdfReader) -> None:
    total = len(playbook_pdf.pages)
    for heading, start in contents_entries(playbook_pdf):
        text = playbook_pdf.pages[start - 1].extract_text()
        assert f"Page {start} of {total}" in text
        assert "Networking Playbook" in text
        assert heading in text
    last = playbook_pdf.pages[-1].extract_text()
    assert f"Page {total} of {total}" in last
    assert "About this playbook" in last, "the running header names the page's section"


def test_links_inside_the_playbook_go_to_pages_inside_the_pdf(playbook_pdf: PdfReader) -> None:
    destinations = playbook_pdf.named_destinations
    internal = []
    for number, sheet in enumerate(playbook_pdf.pages, start=1):
        for annotation in sheet.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                internal.append((number, str(annotation["/Dest"])))
    assert len(internal) > 30
    for number, name in internal:
        assert name in destinations, f"a link on page {number} goes nowhere ({name})"
    home_links = {
        playbook_pdf.get_destination_page_number(destinations[name]) + 1
        for number, name in internal
        if number == 3
    }
    before = dict(contents_entries(playbook_pdf))["Before you reach out"]
    assert before in home_links, "the home page's link to a play does not lead to it"


def test_every_play_heading_is_in_the_playbook(built: Path, playbook_pdf: PdfReader) -> None:
    text = squeeze(" ".join(sheet.extract_text() for sheet in playbook_pdf.pages))
    for page, plays in PLAYS.items():
        page_html = (built / page / "index.html").read_text(encoding="utf-8")
        for play in plays:
            match = re.search(rf'<h2 id="{play}">(.*?)<a class="headerlink"', page_html)
            assert match, f"{page}#{play} is missing from the site"
            heading = html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))
            assert squeeze(heading) in text, f"the play {heading!r} is not in the PDF"


def test_checklist_items_and_message_blanks_are_form_fields(
    playbook_pdf: PdfReader, nav_pages: list[tuple[str, str, str]]
) -> None:
    items = sum(article(page).count("data-playbook-item=") for _, _, page in nav_pages)
    blanks = 0  # a blank used twice in a template is one field
    for _, _, page in nav_pages:
        for template in article(page).split('data-playbook-message="')[1:]:
            blanks += len(set(re.findall(r'data-playbook-blank="([^"]+)"', template)))
    assert items > 100 and blanks > 20
    assert len(fields_of(playbook_pdf, "/Btn")) == items
    assert len(fields_of(playbook_pdf, "/Tx")) == blanks
    text_fields = fields_of(playbook_pdf, "/Tx")
    assert any(field.get("/TU") == "Their first name" for field in text_fields.values())
    checkboxes = fields_of(playbook_pdf, "/Btn")
    assert any(
        field.get("/TU") == "Write down one goal for the event" for field in checkboxes.values()
    )


def introductions() -> list[tuple[str, str]]:
    """Each line ending in a colon just before a message fence, with that template's title."""
    found = []
    for page in sorted((REPO / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        pattern = r"^([^\n]+:)\n\n```message\n(?:[^`]*?\n)?title: ([^\n]+)\n"
        found += [(line, title.strip("\"'")) for line, title in re.findall(pattern, text, re.M)]
    return found


def test_an_introduction_stays_on_the_page_of_the_template_it_introduces(
    playbook_pdf: PdfReader,
) -> None:
    pages = [squeeze(sheet.extract_text()) for sheet in playbook_pdf.pages]
    pairs = introductions()
    assert len(pairs) > 10 and ("A gentle follow-up:", "A follow-up that is not pushy") in pairs
    for introduction, title in pairs:
        where = [n for n, text in enumerate(pages) if squeeze(introduction + title) in text]
        assert where, f"{introduction!r} is not right above {title!r} on one page"


def test_screen_only_controls_are_left_out_of_the_playbook(playbook_pdf: PdfReader) -> None:
    text = " ".join(sheet.extract_text() for sheet in playbook_pdf.pages)
    for screen_only in ("Copy message", "Reset", "Export my data", "Download as PDF", "¶"):
        assert screen_only not in text
    for screen_only in ("Who is it for?", "Add someone to your people", "Change the words"):
        assert screen_only not in text


# Every PDF -----------------------------------------------------------------------------


def all_pdfs(site_dir: Path) -> list[Path]:
    return sorted((site_dir / "downloads").rglob("*.pdf"))


def test_every_pdf_is_tagged_with_its_language_and_title(built: Path) -> None:
    pdfs = all_pdfs(built)
    assert len(pdfs) == 2 + len(CHECKLISTS)
    for path in pdfs:
        reader = PdfReader(path)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root, f"{path.name} is not tagged"
        assert root["/MarkInfo"]["/Marked"], f"{path.name} is not marked"
        assert root["/Lang"] == "en"
        assert reader.metadata is not None and reader.metadata.title


@pytest.mark.parametrize("checklist_id", sorted(CHECKLISTS))
def test_each_checklist_pdf_is_one_a4_page_of_tickable_boxes(
    built: Path, checklist_id: str
) -> None:
    checklist = CHECKLISTS[checklist_id]
    reader = PdfReader(built / f"downloads/checklists/{checklist_id}.pdf")
    assert len(reader.pages) == 1
    assert tuple(round(float(side), 2) for side in reader.pages[0].mediabox[2:]) == A4
    boxes = fields_of(reader, "/Btn")
    assert len(boxes) == checklist.item_count
    labels = {field.get("/TU") for field in boxes.values()}
    assert squeeze(checklist.title) in squeeze(reader.pages[0].extract_text())
    for item in checklist.all_items():
        assert item.text in labels, f"{item.id} has no labelled box"
    ticked = {name for name, field in boxes.items() if field.get("/V") not in (None, "/Off")}
    assert ticked == {f"{checklist_id}/{i.id}" for i in checklist.all_items() if i.checked}
    assert not fields_of(reader, "/Tx"), "a checklist sheet embeds no text-field font"


def test_the_event_kit_pdf_is_one_page_per_checklist_then_the_log(built: Path) -> None:
    reader = PdfReader(built / "downloads/event-kit.pdf")
    assert len(reader.pages) == len(PRINTABLE) + 1
    assert len(fields_of(reader, "/Btn")) == sum(c.item_count for c in PRINTABLE)
    assert "People I met" in reader.pages[-1].extract_text()
    order = ("before", "during", "after", "anytime")
    for sheet, checklist in zip(
        reader.pages, sorted(PRINTABLE, key=lambda c: order.index(c.phase)), strict=False
    ):
        assert checklist.title in sheet.extract_text()


def decode_qr(pdf: Path, tmp_path: Path, page: int = 1) -> list[str]:
    picture = tmp_path / f"{pdf.stem}-{page}"
    pages = ["-f", str(page), "-l", str(page)]
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", *pages, "-singlefile", pdf, picture], check=True
    )
    return [code.text for code in zxingcpp.read_barcodes(Image.open(f"{picture}.png"))]


def test_the_default_playbook_at_its_preview_address_prints_no_qr_code(built: Path) -> None:
    for checklist_id in CHECKLISTS:
        page = (built / f"checklists/{checklist_id}/index.html").read_text()
        assert "playbook-qr" not in page, "a QR code of this computer's address helps no one"
        reader = PdfReader(built / f"downloads/checklists/{checklist_id}.pdf")
        assert "127.0.0.1" not in reader.pages[0].extract_text()


def test_the_qr_code_is_segnos_code_of_the_address() -> None:
    matrix = qr_matrix("https://example.org/checklists/at-the-event/")
    assert len(matrix) == len(matrix[0]) >= 21
    assert all(matrix[row][column] for row in (0, 6) for column in range(7)), "finder pattern"


def test_the_site_links_to_every_pdf(built: Path) -> None:
    home = (built / "index.html").read_text()
    assert 'href="downloads/playbook.pdf"' in home
    assert 'href="downloads/event-kit.pdf"' in home
    overview = (built / "checklists/index.html").read_text()
    assert 'href="../downloads/playbook.pdf"' in overview
    assert 'href="../downloads/event-kit.pdf"' in overview
    kit = (built / "checklists/event-kit/index.html").read_text()
    assert 'href="../../downloads/event-kit.pdf"' in kit
    for checklist_id in CHECKLISTS:
        page = (built / f"checklists/{checklist_id}/index.html").read_text()
        assert f'href="../../downloads/checklists/{checklist_id}.pdf"' in page
        assert (built / f"downloads/checklists/{checklist_id}.pdf").is_file()


# Options and small sites -----------------------------------------------------------------


def with_pdfs(site: Site, **options: Any) -> Site:
    site.config["plugins"] = ["search", {"playbook": {"pdf": True, **options}}]
    return site


def test_pdf_page_size_letter_sizes_every_pdf(small_playbook: Site) -> None:
    with_pdfs(small_playbook, pdf_page_size="letter").build()
    for path in all_pdfs(small_playbook.site_dir):
        for sheet in PdfReader(path).pages:
            assert tuple(round(float(side), 2) for side in sheet.mediabox[2:]) == LETTER
    kit = PdfReader(small_playbook.site_dir / "downloads/event-kit.pdf")
    assert len(kit.pages) == 2 + 1
    sheet = PdfReader(small_playbook.site_dir / "downloads/checklists/before-the-event.pdf")
    ticked = [name for name, f in fields_of(sheet, "/Btn").items() if f.get("/V") != "/Off"]
    assert ticked == ["before-the-event/phone"], "an item ticked by default is ticked"


def test_an_unknown_page_size_is_refused(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    with_pdfs(small_playbook, pdf_page_size="a5")
    with pytest.raises(Abort):
        small_playbook.build()
    assert "pdf_page_size" in caplog.text and "letter" in caplog.text


def test_without_site_url_there_is_no_address_or_qr_code_and_the_build_says_why(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    del small_playbook.config["site_url"]
    with_pdfs(small_playbook)
    with pytest.raises(Abort):
        small_playbook.build()  # --strict: the warning stops it
    said = [r for r in caplog.records if "QR code" in r.getMessage()]
    assert len(said) == 1 and said[0].levelno == logging.WARNING
    assert "site_url" in said[0].getMessage() and "SITE_URL=" in said[0].getMessage()
    caplog.clear()
    small_playbook.build(strict=False)
    page = small_playbook.html("checklists/before-the-event/")
    assert "playbook-qr" not in article(page) and "playbook-print-source" not in page
    reader = PdfReader(small_playbook.site_dir / "downloads/checklists/before-the-event.pdf")
    assert "Tick it online" not in reader.pages[0].extract_text()
    assert len(reader.pages) == 1


@pytest.mark.parametrize(
    ("site_url", "level"),
    [
        ("http://127.0.0.1:8000/", logging.INFO),
        ("http://localhost:8000/playbook/", logging.INFO),
        ("http://192.168.1.20/", logging.WARNING),
        ("http://10.0.0.5:8080/", logging.WARNING),
        ("http://intranet.local/", logging.WARNING),
        ("http://fileserver/", logging.WARNING),
    ],
)
def test_an_address_a_phone_cannot_open_is_never_printed(
    small_playbook: Site, caplog: pytest.LogCaptureFixture, site_url: str, level: int
) -> None:
    small_playbook.config["site_url"] = site_url
    with caplog.at_level(logging.INFO):
        small_playbook.build(strict=False)
    said = [r for r in caplog.records if "carry no QR code" in r.getMessage()]
    assert [r.levelno for r in said] == [level], "said once, as a warning unless it is loopback"
    assert site_url in said[0].getMessage()
    page = small_playbook.html("checklists/before-the-event/")
    assert "playbook-qr" not in page and site_url not in article(page)


def test_mkdocs_serve_says_nothing_about_the_address(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    del small_playbook.config["site_url"]
    (small_playbook.root / "mkdocs.yml").write_text(yaml.safe_dump(small_playbook.config))
    config = load_config(str(small_playbook.root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    with caplog.at_level(logging.INFO):
        build(config, serve_url="http://127.0.0.1:8000/")
    assert "carry no QR code" not in caplog.text


def test_a_public_address_is_printed_without_a_word(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    small_playbook.config["site_url"] = "https://careers.example.edu/playbook/"
    with caplog.at_level(logging.INFO):
        small_playbook.build()
    assert "carry no QR code" not in caplog.text
    page = small_playbook.html("checklists/before-the-event/")
    assert 'aria-label="QR code that opens https://careers.example.edu/playbook/checklists/' in page


def test_pdfs_are_off_unless_asked_for_and_then_not_linked(small_playbook: Site) -> None:
    small_playbook.build()
    assert not (small_playbook.site_dir / "downloads").exists()
    assert "downloads/" not in small_playbook.html("")
    assert "downloads/" not in small_playbook.html("checklists/before-the-event/")


def plugin_for(site: Site, command: str, **options: Any) -> Any:
    with_pdfs(site, **options)
    if options.get("pdf") is None:
        site.config["plugins"] = ["search", "playbook"]
    (site.root / "docs").mkdir(exist_ok=True)
    (site.root / "mkdocs.yml").write_text(yaml.safe_dump(site.config), encoding="utf-8")
    config = load_config(str(site.root / "mkdocs.yml"))
    plugin = config.plugins["playbook"]
    config.plugins.on_startup(command=command, dirty=False)
    config.plugins.on_config(config)
    return plugin


def test_mkdocs_serve_skips_the_pdfs_unless_the_site_asks_for_them(small_playbook: Site) -> None:
    assert plugin_for(small_playbook, "serve", pdf=None).make_pdfs is False
    assert plugin_for(small_playbook, "build", pdf=None).make_pdfs is True
    assert plugin_for(small_playbook, "serve", pdf=True).make_pdfs is True
    assert plugin_for(small_playbook, "build", pdf=False).make_pdfs is False


def test_the_build_log_reports_each_pdf_and_its_time_once(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        with_pdfs(small_playbook).build()
    wrote = [
        r.getMessage().partition("Wrote ")[2]
        for r in caplog.records
        if "Wrote downloads/" in r.getMessage()
    ]
    assert sorted(line.split(":")[0] for line in wrote) == [
        "downloads/checklists/after-the-event.pdf",
        "downloads/checklists/before-the-event.pdf",
        "downloads/event-kit.pdf",
        "downloads/playbook.pdf",
    ]
    assert all(re.search(r"in \d+\.\d\d s$", line) for line in wrote)


def test_nothing_is_fetched_from_outside_the_site(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    pixel = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
        b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff"
        b"\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    small_playbook.write("docs/dot.png", pixel)
    small_playbook.write(
        "docs/plays.md",
        "# Plays\n\n![A dot](dot.png)\n\n![Their logo](https://example.com/logo.png)\n\n"
        "Read [the MDN guide](https://developer.mozilla.org/en-US/docs/Web/CSS) and "
        "<https://example.org/talks>.\n\n- [ ] Ask for a next step {#next-step}\n",
    )
    with caplog.at_level(logging.DEBUG, logger="weasyprint"):
        with_pdfs(small_playbook).build()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    reader = PdfReader(small_playbook.site_dir / "downloads/playbook.pdf")
    text = " ".join(" ".join(sheet.extract_text() for sheet in reader.pages).split())
    assert "the MDN guide (https://developer.mozilla.org/en-US/docs/Web/CSS)" in text
    assert "https://example.org/talks (" not in text, "a bare address is not printed twice"
    assert "Their logo" in text, "an image from elsewhere shows its text instead"
    images = {image.name for sheet in reader.pages for image in sheet.images}
    assert len(images) == 1, "only the site's own image is in the PDF"


def test_the_fetcher_refuses_anything_outside_the_site(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "inside.css").write_text("p{}")
    (tmp_path / "outside.css").write_text("p{}")
    fetcher = SiteOnlyFetcher(site_dir)
    assert fetcher.fetch((site_dir / "inside.css").as_uri()) is not None
    for url in (
        (tmp_path / "outside.css").as_uri(),
        (site_dir / ".." / "outside.css").as_uri(),
        "https://example.com/style.css",
        "http://127.0.0.1:9/x.png",
        "ftp://example.com/x",
    ):
        with pytest.raises(ValueError, match="outside site/"):
            fetcher.fetch(url)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_checklist_of_25_items_is_one_page_and_longer_ones_break_between_items(
    site: Site, paper: str
) -> None:
    site.write("docs/index.md", "# Home\n")
    site.write("checklists/twenty-five.md", long_checklist(25))
    site.write(
        "checklists/forty-five.md",
        long_checklist(45).replace("---\n\n", "print: false\n---\n\n", 1),
    )
    with_pdfs(site, pdf_page_size=paper).build(strict=False)
    downloads = site.site_dir / "downloads"
    assert len(PdfReader(downloads / "checklists/twenty-five.pdf").pages) == 1
    longer = PdfReader(downloads / "checklists/forty-five.pdf")
    assert len(longer.pages) == 2
    sheets = [squeeze(sheet.extract_text().replace("\u200b", "")) for sheet in longer.pages]
    assert squeeze("A list of 45 (continued)") in sheets[1]
    assert squeeze("(continued)") not in sheets[0]
    for number in range(1, 46):
        item = squeeze(
            f"Step number {number} of the long list, said plainly "
            f"A detail line for step {number}, short enough for one line."
        )
        assert sum(item in sheet for sheet in sheets) == 1, f"step {number} was split"
    kit = PdfReader(downloads / "event-kit.pdf")
    assert len(kit.pages) == 2, "one checklist, then the log of people met on its own page"


def test_a_dirty_build_keeps_the_last_pdfs_rather_than_write_partial_ones(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    with_pdfs(small_playbook).build()
    playbook = small_playbook.site_dir / "downloads/playbook.pdf"
    before = playbook.read_bytes()
    small_playbook.write("docs/plays.md", "# Plays\n\nChanged.\n")
    config = load_config(str(small_playbook.root / "mkdocs.yml"))
    with caplog.at_level(logging.INFO):
        build(config, dirty=True)
    assert "PDFs not updated" in caplog.text
    assert playbook.read_bytes() == before


def test_a_page_is_rewritten_for_paper_without_its_screen_parts(tmp_path: Path) -> None:
    site = PdfSite("Site", "", "https://example.org/", "en", {}, tmp_path, "2027-03-01")
    links = DocumentLinks()
    links.add("plays/", "pdf-page-1", "p1-")
    links.add("after/", "pdf-page-2", "p2-")
    page = (
        '<h2 id="close">Close<a class="headerlink" href="#close">¶</a></h2>'
        '<button hidden><svg><path d="M0 0"/></svg></button>'
        '<p class="playbook-screen-only">Download</p>'
        '<p>See <a href="../after/#thanks">thanks</a>, <a href="#close">this</a>, '
        '<a href="https://example.com/">https://example.com/</a>, '
        '<a href="https://example.net/guide">the guide</a>, <a href="../gone/">old page</a>, '
        "<code>&lt;b&gt;</code></p>"
        '<img src="https://example.com/logo.png" alt="Their logo">'
        '<label for="a">A</label><input type="checkbox" id="a" name="list/a" disabled checked>'
        '<input type="checkbox" id="b" name="list/a">'
    )
    assert rewrite(page, page_url="plays/", prefix="p1-", links=links, site=site) == (
        '<h2 id="p1-close">Close</h2>'
        '<p>See <a href="#p2-thanks">thanks</a>, <a href="#p1-close">this</a>, '
        '<a href="https://example.com/" class="pdf-bare-link">'
        '<span class="playbook-url-part">https://</span><wbr>'
        '<span class="playbook-url-part">example.com/</span></a>, '
        '<a href="https://example.net/guide" class="pdf-external">the guide</a>'
        '<span class="pdf-address"> (<span class="playbook-url-part">https://</span><wbr>'
        '<span class="playbook-url-part">example.net/</span><wbr>'
        '<span class="playbook-url-part">guide</span>)</span>, '
        '<a href="https://example.org/gone/" class="pdf-external">old page</a>'
        '<span class="pdf-address"> (<span class="playbook-url-part">https://</span><wbr>'
        '<span class="playbook-url-part">example.org/</span><wbr>'
        '<span class="playbook-url-part">gone/</span>)</span>, '
        "<code>&lt;b&gt;</code></p>"
        '<span class="pdf-missing-image">Their logo</span>'
        '<label for="p1-a">A</label><input type="checkbox" id="p1-a" name="p1-list/a" checked>'
        '<input type="checkbox" id="p1-b" name="p1-list/a-2">'
    )


# A site published at a real address, with what the PDFs must get right -------------------

PUBLISHED_URL = "https://careers-centre.example.edu/networking-playbook/"
NOTES_PAGE = """\
# Notes

Write to the careers team at [careers@example.edu](mailto:careers@example.edu) or
[ask an adviser](mailto:advice@example.edu?subject=Hello). See [the missing part](#nowhere).

| Channel | Limit |
|---|---|
| SMS | 160 |

A note after you meet:

```message
id: after-meeting
title: After a meeting
channel: email
relationship: met
subject: Good to meet you at {{ place }}
fields:
  name: {label: Their first name, example: Sam}
  place: {label: Where you met, example: the spring alumni mixer}
  about: {label: What they do, example: Sam is a final-year economics student who runs the \
investing club and is looking at analyst roles in public health}
---
Hi {{ name }}, it was good to meet you at {{ place }}. I wrote down: {{ about }}.
```
"""


class Built:
    """A site built once for a module, with what the build said."""

    def __init__(self, site: Site, records: list[logging.LogRecord]) -> None:
        self.site = site
        self.records = records

    def pdf(self, path: str) -> PdfReader:
        return PdfReader(self.site.site_dir / "downloads" / path)

    def said(self, text: str) -> list[logging.LogRecord]:
        return [record for record in self.records if text in record.getMessage()]


class _Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_logged(site: Site) -> list[logging.LogRecord]:
    """Build (not strict: some tests want the warnings) and keep every log record."""
    logger = logging.getLogger("mkdocs")
    keep, level = _Keep(), logger.level
    logger.addHandler(keep)
    logger.setLevel(logging.DEBUG)
    try:
        site.build(strict=False)
    finally:
        logger.removeHandler(keep)
        logger.setLevel(level)
    return keep.records


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Built:
    site = Site(tmp_path_factory.mktemp("published"))
    site.config["site_url"] = PUBLISHED_URL
    site.config["markdown_extensions"] = ["attr_list", "tables", "pymdownx.superfences"]
    site.config["nav"] = ["index.md", "notes.md"]
    site.write("checklists/before-the-event.md", BEFORE_THE_EVENT)
    site.write("checklists/thirty-two.md", long_checklist(32))
    site.write(
        "checklists/forty-five.md",
        long_checklist(45).replace("---\n\n", "print: false\n---\n\n", 1),
    )
    site.write("docs/index.md", "# Home\n\nSee [the notes](notes.md).\n")
    site.write("docs/notes.md", NOTES_PAGE)
    with_pdfs(site)
    return Built(site, build_logged(site))


def sizes_of(sheet: Any, needle: str) -> list[float]:
    """The type sizes, in points, of the text runs on ``sheet`` that contain ``needle``."""
    found: list[float] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if needle in text:
            found.append(round(abs(size * tm[3] * cm[3]), 1))

    sheet.extract_text(visitor_text=visit)
    return found


def test_a_checklist_a_little_too_long_shrinks_to_one_sheet_no_smaller_than_8_pt(
    published: Built,
) -> None:
    shrunk = published.pdf("checklists/thirty-two.pdf")
    assert len(shrunk.pages) == 1
    normal = sizes_of(published.pdf("checklists/before-the-event.pdf").pages[0], "topics")
    smaller = sizes_of(shrunk.pages[0], "Step number 1 ")
    assert normal and smaller
    assert 8 <= min(smaller) < min(normal), "smaller type, but not below the legible floor"
    said = published.said("checklists/thirty-two.md: 32 items")
    assert said and all(r.levelno == logging.INFO for r in said), "fitting is no warning"


def test_past_the_floor_every_later_page_has_the_title_continued_and_the_qr_code(
    published: Built, tmp_path: Path
) -> None:
    path = published.site.site_dir / "downloads/checklists/forty-five.pdf"
    reader = PdfReader(path)
    assert len(reader.pages) == 2
    assert "A list of 45 (continued)" in reader.pages[1].extract_text()
    assert "(continued)" not in reader.pages[0].extract_text()
    address = f"{PUBLISHED_URL}checklists/forty-five/"
    assert decode_qr(path, tmp_path, page=1) == [address]
    assert decode_qr(path, tmp_path, page=2) == [address]
    (warning,) = [r for r in published.said("checklists/forty-five.md") if r.levelno >= 30]
    message = warning.getMessage()
    assert "45 items" in message and "2 pages" in message and "split it" in message


def test_the_qr_code_on_a_checklist_opens_its_page(published: Built, tmp_path: Path) -> None:
    path = published.site.site_dir / "downloads/checklists/before-the-event.pdf"
    assert decode_qr(path, tmp_path) == [f"{PUBLISHED_URL}checklists/before-the-event/"]


def lines_of(text: str) -> list[str]:
    return [line.replace("\u200b", "").strip() for line in text.splitlines() if line.strip()]


def test_a_printed_address_wraps_only_after_a_slash_or_a_dot(published: Built) -> None:
    text = published.pdf("checklists/before-the-event.pdf").pages[0].extract_text()
    address = f"{PUBLISHED_URL}checklists/before-the-event/"
    text = text.replace("Tick it online:", "\n")
    lines = [line for line in lines_of(text) if line and line in address]
    assert "".join(lines) == address, "the address under the QR code is printed whole"
    assert len(lines) > 1, "it is long enough to wrap under the QR code"
    # A host too long for the column under the code may break after a dot; never at a hyphen.
    assert all(line.endswith(("/", ".")) for line in lines), f"a break inside a name: {lines}"


def test_mail_addresses_are_printed_after_their_link(published: Built) -> None:
    text = " ".join(" ".join(s.extract_text() for s in published.pdf("playbook.pdf").pages).split())
    text = text.replace("\u200b", "")
    assert "ask an adviser (advice@example.edu)" in text
    assert "careers@example.edu (" not in text, "an address shown as the text is not repeated"
    assert "mailto:" not in text


def test_a_blank_used_twice_is_one_field_typed_once(published: Built) -> None:
    fields = fields_of(published.pdf("playbook.pdf"), "/Tx")
    place = [f for name, f in fields.items() if name.endswith("after-meeting/place")]
    assert len(place) == 1, "one field for the subject's and the body's blank"
    assert len(place[0]["/Kids"]) == 2, "with a widget at each place"
    assert place[0].get("/TU") == "Where you met"


def text_widgets(reader: PdfReader) -> list[tuple[int, str, Any]]:
    """Every text field widget as (page number, field name, widget)."""
    found = []
    for number, sheet in enumerate(reader.pages, start=1):
        for annotation in sheet.get("/Annots") or []:
            widget = annotation.get_object()
            field = widget.get("/Parent", widget).get_object()
            if field.get("/FT") == "/Tx":
                found.append((number, str(field["/T"]), widget))
    return found


def test_text_fields_are_as_big_as_their_example_and_size_their_type(published: Built) -> None:
    widgets = {
        name.rsplit("/", 1)[1]: w for _, name, w in text_widgets(published.pdf("playbook.pdf"))
    }

    def size(widget: Any) -> tuple[float, float]:
        x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
        return abs(x2 - x1), abs(y2 - y1)

    about = published.pdf("playbook.pdf").get_fields()
    multiline = [f for name, f in about.items() if name.endswith("after-meeting/about")]
    assert int(multiline[0].get("/Ff", 0)) & 4096, "a long example makes a multi-line field"
    width, height = size(widgets["about"])
    assert width > 400 and height > 30, "across the text, several lines high"
    # The example at 10 pt fits the line (Liberation Sans: under 0.55 em a character).
    width, _ = size(widgets["place"])
    assert width >= len("the spring alumni mixer") * 10 * 0.5
    for _, _, widget in text_widgets(published.pdf("playbook.pdf")):
        field = widget.get("/Parent", widget).get_object()
        assert re.search(r" 0 Tf", str(field["/DA"])), "type size auto"


def text_starts(sheet: Any) -> list[tuple[float, float]]:
    """Where each run of text on ``sheet`` starts, in points: (x, y)."""
    found: list[tuple[float, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    sheet.extract_text(visitor_text=visit)
    return found


def test_blank_lines_end_before_the_next_word(published: Built) -> None:
    reader = published.pdf("playbook.pdf")
    checked = 0
    for number, _, widget in text_widgets(reader):
        x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
        low, high = min(y1, y2), max(y1, y2)
        after = [
            x
            for x, y in text_starts(reader.pages[number - 1])
            if low - 2 <= y <= high + 2 and x >= (x1 + x2) / 2
        ]
        if after:
            checked += 1
            assert min(after) >= max(x1, x2) - 0.5, "the line runs into the next word"
    assert checked >= 2


def test_the_pdfs_carry_a_modification_date(published: Built) -> None:
    metadata = published.pdf("playbook.pdf").metadata
    assert metadata is not None and metadata.modification_date is not None


def test_an_anchor_missing_from_the_pdf_is_said_at_mkdocs_own_level(published: Built) -> None:
    said = published.said("No anchor #")
    assert said, "WeasyPrint's note about the missing anchor reaches the log"
    assert all(record.levelno == logging.INFO for record in said), "MkDocs says it at INFO"


def fc_has(character: str) -> bool:
    found = subprocess.run(
        ["fc-list", f":charset={ord(character):x}", "family"], capture_output=True, text=True
    )
    return bool(found.stdout.strip())


def test_text_in_a_script_without_a_font_names_the_debian_package(site: Site) -> None:
    site.write("docs/index.md", "# Greetings\n\nKhmer: សួស្តី។ Georgian: გამარჯობა.\n")
    records = build_logged(with_pdfs(site))
    khmer = [r for r in records if "Khmer" in r.getMessage()]
    if fc_has("ស"):
        assert not khmer, "a script with a font is not reported"
    else:
        assert [r.levelno for r in khmer] == [logging.WARNING]
        assert "apt-get install fonts-noto-core" in khmer[0].getMessage()
        assert "downloads/playbook.pdf" in khmer[0].getMessage()
    assert not [r for r in records if "Georgian" in r.getMessage()], "DejaVu Sans has it"
    reader = PdfReader(site.site_dir / "downloads/playbook.pdf")
    fonts = {
        str(font.get_object()["/BaseFont"])
        for sheet in reader.pages
        for font in (sheet["/Resources"].get("/Font") or {}).values()
    }
    assert any("DejaVu" in font for font in fonts), "Georgian falls back to a font that has it"


def structure(reader: PdfReader) -> Iterator[tuple[Any, list[str]]]:
    """Every structure element with the roles of its ancestors."""

    def walk(node: Any, ancestors: list[str]) -> Iterator[tuple[Any, list[str]]]:
        node = node.get_object()
        role = str(node.get("/S", ""))
        if role:
            yield node, ancestors
        kids = node.get("/K")
        kids = kids if isinstance(kids, list) else [kids] if kids is not None else []
        for kid in kids:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict) and "/S" in kid:
                yield from walk(kid, [*ancestors, role] if role else ancestors)

    yield from walk(reader.trailer["/Root"]["/StructTreeRoot"], [])


def test_every_pdf_passes_the_outside_pdfua_checker(published: Built) -> None:
    pdfs = all_pdfs(published.site.site_dir)
    checked = subprocess.run(
        [str(Path(sys.executable).parent / "pdfua"), "check", *map(str, pdfs)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.count("result: PASS") == len(pdfs)


def test_figures_tables_and_contents_are_tagged_for_screen_readers(published: Built) -> None:
    sheet = list(structure(published.pdf("checklists/forty-five.pdf")))
    figures = [node for node, _ in sheet if node["/S"] == "/Figure"]
    assert figures, "the QR code is a figure"
    for figure in figures:
        assert str(figure.get("/Alt", "")).startswith("QR code that opens https://")
        x1, y1, x2, y2 = (float(v) for v in figure["/A"]["/BBox"])
        assert 0 <= x1 < x2 <= A4[0] and 0 <= y1 < y2 <= A4[1], "a box in points on the page"
        assert 60 < x2 - x1 < 80, "the QR code is 25 mm (71 pt) wide"
    reader = published.pdf("playbook.pdf")
    elements = list(structure(reader))
    headers = [node for node, _ in elements if node["/S"] == "/TH"]
    assert headers and all(node["/A"].get("/Scope") == "/Column" for node in headers)
    assert not [node for node, above in elements if node["/S"] == "/Link" and "/Link" in above]
    contents = [node for node, _ in elements if node["/S"] == "/TOC"]
    assert contents, "the contents are a TOC"
    entries = [node for node, above in elements if node["/S"] == "/TOCI"]
    assert len(entries) == 2 and all("/LBody" not in str(n.get("/K")) for n in entries)
    assert not [node for node, _ in elements if node["/S"] == "/NonStruct" and node in contents]


# Speed: unchanged PDFs are kept, documents render side by side, a site picks its PDFs ------


def wrote(records: list[logging.LogRecord]) -> dict[str, str]:
    """What the build did with each PDF: ``Wrote`` or ``Kept unchanged``."""
    found = {}
    for record in records:
        match = re.search(r"(Wrote|Kept unchanged) (downloads/\S+):", record.getMessage())
        if match:
            found[match.group(2)] = match.group(1)
    return found


def test_a_rebuild_renders_only_the_pdfs_whose_content_changed(small_playbook: Site) -> None:
    with_pdfs(small_playbook)
    first = wrote(build_logged(small_playbook))
    assert set(first.values()) == {"Wrote"} and len(first) == 4
    sheet = small_playbook.site_dir / "downloads/checklists/after-the-event.pdf"
    before = sheet.read_bytes()
    assert set(wrote(build_logged(small_playbook)).values()) == {"Kept unchanged"}
    assert sheet.read_bytes() == before
    small_playbook.write(
        "checklists/before-the-event.md", BEFORE_THE_EVENT.replace("Charge", "Fully charge")
    )
    third = wrote(build_logged(small_playbook))
    assert third == {
        "downloads/playbook.pdf": "Wrote",
        "downloads/checklists/before-the-event.pdf": "Wrote",
        "downloads/checklists/after-the-event.pdf": "Kept unchanged",
        "downloads/event-kit.pdf": "Wrote",
    }
    text = PdfReader(small_playbook.site_dir / "downloads/checklists/before-the-event.pdf")
    assert "Fully charge" in text.pages[0].extract_text()


def test_pdfs_render_in_parallel_processes_to_the_same_result(small_playbook: Site) -> None:
    with_pdfs(small_playbook, pdf_concurrency=2, pdf_cache_dir=".cache/parallel")
    records = build_logged(small_playbook)
    assert len(wrote(records)) == 4
    kit = PdfReader(small_playbook.site_dir / "downloads/event-kit.pdf")
    assert len(kit.pages) == 3 and len(fields_of(kit, "/Btn")) == 6


def test_a_negative_number_of_processes_is_refused(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    with_pdfs(small_playbook, pdf_concurrency=-1)
    with pytest.raises(Abort):
        small_playbook.build()
    assert "pdf_concurrency" in caplog.text and "0 or more" in caplog.text


def test_a_site_chooses_which_pdfs_it_builds_and_links_only_those(small_playbook: Site) -> None:
    with_pdfs(small_playbook, pdf_documents=["checklists"]).build()
    downloads = small_playbook.site_dir / "downloads"
    assert sorted(p.name for p in all_pdfs(small_playbook.site_dir)) == [
        "after-the-event.pdf",
        "before-the-event.pdf",
    ]
    assert not (downloads / "playbook.pdf").exists()
    assert "downloads/playbook.pdf" not in small_playbook.html("")
    assert "downloads/event-kit.pdf" not in small_playbook.html("checklists/event-kit/")
    assert "downloads/checklists/before-the-event.pdf" in small_playbook.html(
        "checklists/before-the-event/"
    )


def test_a_long_pdf_finds_its_pages_without_rebuilding_the_page_list_each_time() -> None:
    import pydyf  # the PDF writer WeasyPrint uses; importing printing.pdf keeps its page list

    document = pydyf.PDF()
    for _ in range(3):
        document.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = document.page_references
    assert document.page_references is first  # read once per tagged element: built once
    document.add_page(pydyf.Dictionary({"Type": "/Page"}))
    pages = document.pages["Kids"][::3]
    assert document.page_references == tuple(f"{page} 0 R".encode() for page in pages)
    assert len(document.page_references) == 4
