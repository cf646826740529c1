"""HTML for print and downloads: the print header of a checklist, page actions, PDF links.

The generated pages carry markers (HTML comments) where these go; the plugin fills them
once it knows the page's address and whether this build makes PDFs. Two classes sort what
shows where: ``playbook-screen-only`` (actions, download links) is hidden in print and left
out of the PDFs; ``playbook-print-only`` (the address and QR code) shows only on paper.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Literal
from urllib.parse import urljoin

from playbook_plugin.printing.qr import qr_svg
from playbook_plugin.render.strings import format_string
from playbook_plugin.sources.messages import MessageSettings, MessageTemplate
from playbook_plugin.sources.template_subset import render_text

__all__ = [
    "ACTIONS_MARKER",
    "CHECKLIST_PDF",
    "DOWNLOADS_MARKER",
    "EVENT_KIT_PDF",
    "PLAYBOOK_PDF",
    "PRINT_ONLY",
    "SCREEN_ONLY",
    "Download",
    "PageKind",
    "PrintSite",
    "decorate_page",
    "downloads_html",
    "fill_markers",
    "message_print_html",
    "page_actions_html",
    "print_source_html",
    "print_source_marker",
    "sheet",
    "url_html",
]

SCREEN_ONLY = "playbook-screen-only"
PRINT_ONLY = "playbook-print-only"
ACTIONS_MARKER = "<!-- playbook:actions -->"
DOWNLOADS_MARKER = "<!-- playbook:downloads -->"
_SOURCE_MARKER = re.compile(r"<!-- playbook:print-source:([a-z0-9-]+) -->")

Download = tuple[str, str]
"""A download link: its text and its URL (relative to the page)."""

PLAYBOOK_PDF = "downloads/playbook.pdf"
EVENT_KIT_PDF = "downloads/event-kit.pdf"
CHECKLIST_PDF = "downloads/checklists/{id}.pdf"

PageKind = Literal["home", "checklist", "event-kit", "overview", "other"]


@dataclass(frozen=True)
class PrintSite:
    """What the print decorations need to know about the site being built."""

    strings: Mapping[str, str]
    site_url: str
    """``site_url`` with its trailing slash, or empty: then no address and no QR code."""
    pdfs: bool
    """Whether this build writes the PDFs, so the pages may link to them."""
    url_of: Callable[[str], str | None]
    """The site URL (``checklists/x/``) of a docs path, or None when the site lacks it."""
    relative_url: Callable[[str, str], str]
    """A site URL relative to a page's URL, as the host computes it (MkDocs:
    ``mkdocs.utils.get_relative_url``)."""
    event_kit: bool = True
    """Whether the plugin makes the event kit (and so its PDF) in this build."""
    documents: frozenset[str] = frozenset(("playbook", "event-kit", "checklists"))
    """Which PDFs the site builds (``pdf_documents``), so only those are linked."""
    downloads_folder: str = ""
    """Where this build's ``downloads/`` sit in the site: ``fr/`` for one language of many."""

    def has_pdf(self, document: str) -> bool:
        return self.pdfs and document in self.documents

    def address(self, url: str | None) -> str | None:
        return urljoin(self.site_url, url) if self.site_url and url is not None else None

    def checklist_url(self, checklist_id: str) -> str | None:
        return self.url_of(f"checklists/{checklist_id}.md")


def decorate_page(
    html: str, *, kind: PageKind, page_url: str, site: PrintSite, checklist_id: str = ""
) -> str:
    """Fill a page's print and download markers; the home page gets the PDF buttons."""
    strings = site.strings

    def link(target: str | None) -> str | None:
        return site.relative_url(target, page_url) if target is not None else None

    def pdf_link(path: str) -> str:
        return site.relative_url(site.downloads_folder + path, page_url)

    def source(for_checklist: str) -> str:
        return print_source_html(site.address(site.checklist_url(for_checklist)), strings)

    overview = link(site.url_of("checklists/index.md"))
    back = (strings["checklists_title"], overview) if overview is not None else None
    if kind == "checklist":
        pdf = (
            pdf_link(CHECKLIST_PDF.format(id=checklist_id)) if site.has_pdf("checklists") else None
        )
        actions = page_actions_html(strings, pdf_href=pdf, back=back)
        return sheet(fill_markers(html, actions=actions, source=source), "checklist")
    if kind == "event-kit":
        pdf = pdf_link(EVENT_KIT_PDF) if site.has_pdf("event-kit") else None
        actions = page_actions_html(strings, pdf_href=pdf, back=back)
        return sheet(fill_markers(html, actions=actions, source=source), "kit")
    downloads: list[Download] = []
    if kind in ("home", "overview"):
        if site.has_pdf("playbook"):
            downloads.append((strings["download_playbook"], pdf_link(PLAYBOOK_PDF)))
        if site.event_kit and site.has_pdf("event-kit"):
            downloads.append((strings["download_event_kit"], pdf_link(EVENT_KIT_PDF)))
    if kind == "overview":
        html = _screen_only_heading(html, '<div class="playbook-data"')
        return fill_markers(html, downloads=downloads_html(strings, downloads), source=source)
    if kind == "home" and downloads:
        return f"{html}\n{downloads_html(strings, downloads)}"
    return html


def print_source_marker(checklist_id: str) -> str:
    return f"<!-- playbook:print-source:{checklist_id} -->"


def print_source_html(address: str | None, strings: Mapping[str, str]) -> str:
    """The QR code and web address of a checklist's page, for the printed sheet."""
    if not address:
        return ""
    label = format_string(strings, "qr_label", url=address)
    return (
        f'<div class="{PRINT_ONLY} playbook-print-source">'
        f"{qr_svg(address, label)}"
        f"<p>{escape(strings['print_source'])} "
        f'<a href="{escape(address)}">{url_html(address)}</a></p></div>'
    )


URL_PART_CHARS = 22
"""About the characters that fit the width of the address under a QR code."""


def url_html(url: str) -> str:
    """``url`` as text that wraps only after a ``/``, never at a hyphen inside a name.

    A part too long for the narrow column under a QR code may also wrap after a dot.
    """
    parts: list[str] = []
    for part in re.findall(r"[^/]*/+|[^/]+$", url):
        too_long = len(part) > URL_PART_CHARS and "." in part.strip(".")
        parts.extend(re.findall(r"[^.]*\.+|[^.]+$", part) if too_long else [part])
    return "<wbr>".join(f'<span class="playbook-url-part">{escape(part)}</span>' for part in parts)


def page_actions_html(
    strings: Mapping[str, str], *, pdf_href: str | None, back: Download | None
) -> str:
    """Print (shown once the script runs), the page's PDF, and the way back to the list."""
    parts = [
        '<button type="button" class="playbook-button" data-playbook-action="print" hidden>'
        f"{escape(strings['print'])}</button>"
    ]
    if pdf_href:
        parts.append(_download_link(strings["download_pdf"], pdf_href))
    if back is not None:
        parts.append(
            f'<a class="playbook-page-actions__back" href="{escape(back[1])}">{escape(back[0])}</a>'
        )
    return f'<p class="{SCREEN_ONLY} playbook-page-actions">{" ".join(parts)}</p>'


def _download_link(text: str, href: str) -> str:
    return (
        f'<a class="playbook-button playbook-download" href="{escape(href)}" '
        f'type="application/pdf" download>{escape(text)}</a>'
    )


def downloads_html(strings: Mapping[str, str], downloads: Sequence[Download]) -> str:
    """A row of PDF download buttons; nothing when this build makes no PDFs."""
    if not downloads:
        return ""
    links = " ".join(_download_link(text, href) for text, href in downloads)
    return (
        f'<div class="{SCREEN_ONLY} playbook-downloads" role="group" '
        f'aria-label="{escape(strings["downloads_title"])}"><p>{links}</p></div>'
    )


def fill_markers(
    html: str, *, actions: str = "", downloads: str = "", source: Callable[[str], str]
) -> str:
    """Replace the markers of a generated page; ``source`` gives a checklist's print header."""
    html = html.replace(ACTIONS_MARKER, actions).replace(DOWNLOADS_MARKER, downloads)
    return _SOURCE_MARKER.sub(lambda match: source(match.group(1)), html)


def _screen_only_heading(html: str, before: str) -> str:
    """Mark the heading just before ``before`` as screen-only: its panel does not print."""
    position = html.find(before)
    start = html.rfind("<h", 0, position)
    if position < 0 or start < 0 or html[start + 2 : start + 3] not in "23456":
        return html
    tag_end = html.find(">", start)
    if "class=" in html[start:tag_end] or html[tag_end:position].count("</h") != 1:
        return html
    level = html[start + 2]
    tag = f'<h{level} class="{SCREEN_ONLY}"'
    return html[:start] + tag + html[start + 3 :]


PRINT_FIT_STEPS = (46.0, 56.0, 66.0)
"""Lines a checklist takes (an item 1, its detail 0.8) that fit one sheet at each print fit
step: normal type, smaller, smallest (playbook.css). Longer lists keep normal type."""
DETAIL_START = "</label><div>"
"""Where an item's detail starts (``checklist_html``): the detail follows the item's label."""
_CHECKLIST_START = re.compile(r'<section class="playbook-checklist" data-playbook-checklist="')


def print_fit(html: str) -> str:
    """Mark each checklist with the print fit step its length needs to fit one sheet."""
    pieces = _CHECKLIST_START.split(html)
    for number, piece in enumerate(pieces[1:], start=1):
        section = piece.split("</section>", 1)[0]
        lines = section.count("data-playbook-item=") + 0.8 * section.count(DETAIL_START)
        step = next((n for n, most in enumerate(PRINT_FIT_STEPS) if lines <= most), 0)
        if step:
            identifier, rest = piece.split('"', 1)
            pieces[number] = f'{identifier}" data-playbook-print-fit="{step}"{rest}'
    marker = '<section class="playbook-checklist" data-playbook-checklist="'
    return marker.join(pieces)


def sheet(html: str, kind: str) -> str:
    """Wrap a page meant for paper, so the print styles lay out only these pages."""
    return f'<div class="playbook-sheet playbook-sheet--{kind}">\n{print_fit(html)}\n</div>'


# Message templates on paper -------------------------------------------------------------

_BLANK = re.compile(r"\[\ue000(\d+)\ue001\]")
LINE_CHARS = 70
"""About how many characters fit one written line across the page."""


@dataclass(frozen=True)
class Blank:
    """A field as it prints: a line sized for what goes in it."""

    name: str
    label: str
    example: str = ""

    @property
    def chars(self) -> int:
        """The length to leave room for: the example's, else the label's, at least 12."""
        return max(len(self.example), len(self.label), 12)

    @property
    def rows(self) -> int:
        """Lines to write on: one, or enough for the example with a line to spare."""
        return 1 if self.chars <= LINE_CHARS // 2 else min(6, self.chars // LINE_CHARS + 2)


def _with_blanks(text: str, blanks: Sequence[Blank]) -> str:
    """Escape ``text`` and turn each blank field into a line to write on, labelled below."""

    def blank(match: re.Match[str]) -> str:
        field = blanks[int(match.group(1))]
        name, label = escape(field.name), escape(field.label)
        size = "playbook-blank--lines" if field.rows > 1 else "playbook-blank--line"
        return (
            f'<span class="playbook-blank {size}" style="--playbook-blank-chars: {field.chars}; '
            f'--playbook-blank-rows: {field.rows}">'
            f'<span class="playbook-blank__line" data-playbook-blank="{name}" '
            f'data-label="{label}" data-chars="{field.chars}" data-rows="{field.rows}"></span>'
            f'<span class="playbook-blank__label">{label}</span></span>'
        )

    return _BLANK.sub(blank, escape(text)).replace("\ue000", "").replace("\ue001", "")


def message_print_html(template: MessageTemplate, settings: MessageSettings) -> str:
    """The template as it prints: its text, with each field a labelled blank line."""
    examples = {field.name: field.example for field in template.fields}
    blanks = [Blank(name, label, examples.get(name, "")) for name, label in template.labels.items()]
    # Render every field empty, as the no-JavaScript version does, with numbered stand-ins
    # for the labels so each blank can become markup after the text is escaped.
    stand_ins = {blank.name: f"\ue000{index}\ue001" for index, blank in enumerate(blanks)}
    parts = [f'<div class="{PRINT_ONLY} playbook-message__print">']
    if template.subject is not None:
        subject = render_text(template.subject, {}, stand_ins)
        parts.append(
            f'<p class="playbook-message__print-subject"><strong>'
            f"{escape(settings.strings['message_subject'])}:</strong> "
            f"{_with_blanks(subject, blanks)}</p>"
        )
    body = render_text(template.body, {}, stand_ins)
    parts.append(f'<div class="playbook-message__print-body">{_with_blanks(body, blanks)}</div>')
    parts.append("</div>")
    return "".join(parts)
