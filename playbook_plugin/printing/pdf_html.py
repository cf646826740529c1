"""The HTML the PDFs are made from: the site's rendered page content, rewritten for paper.

The pages' content HTML (what MkDocs puts in the article, with the playbook's widgets) is
rewritten as it streams through: screen-only parts are dropped, ids get a per-page prefix
so pages can share one document, links between pages become links inside the PDF,
checkboxes and message blanks become named form fields, and images load from ``site/``
only. Then it is assembled into one document of our own (cover, contents, pages), far
simpler than Material's layout, for WeasyPrint.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from html import unescape as html_unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urljoin, urlsplit

from playbook_plugin.i18n.catalogues import long_date
from playbook_plugin.printing.print_html import url_html
from playbook_plugin.printing.qr import qr_svg
from playbook_plugin.render.strings import format_string

__all__ = [
    "DocumentLinks",
    "PdfJob",
    "PdfPage",
    "PdfSite",
    "page_css",
    "playbook_document",
    "rewrite",
    "sheet_document",
]

VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
DROPPED_TAGS = frozenset(
    [
        "script",
        "style",
        "button",
        "noscript",
        "template",
        "iframe",
        "video",
        "audio",
        "object",
        "embed",
        "link",
        "meta",
        "dialog",
        "select",
        "textarea",
        "canvas",
    ]
)
DROPPED_CLASSES = frozenset(
    (
        "playbook-screen-only",
        "headerlink",
        "playbook-progress",
        "playbook-page-total",
        "playbook-data",
        "playbook-notice",
        "playbook-message__form",
        "playbook-message__subject-line",
        "playbook-message__count",
        "playbook-message__warnings",
        "playbook-message__actions",
        "playbook-message__status",
        "md-clipboard",
        "md-content__button",
    )
)
DROPPED_ATTRIBUTES = frozenset(("hidden", "data-playbook-preview"))
ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers")
_FIELD_NAME = re.compile(r"[^A-Za-z0-9_/-]+")
_EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)(?:<a class=\"headerlink\"|</h1>)", re.S)
_SOURCE = re.compile(r"""<img\b[^>]*?\ssrc=["']([^"']+)["']""")
_QR_SVG = re.compile(r'<svg\b[^>]*class="playbook-qr"[^>]*>.*?</svg>', re.S)
_INTRODUCTION = re.compile(r"<p>((?:(?!</?p[ >]).)*:)\s*</p>", re.S)
"""A paragraph ending in a colon introduces what follows: it must not end a page."""


@dataclass(frozen=True)
class PdfPage:
    """One page of the site as the PDFs see it."""

    url: str
    """Its site URL, as MkDocs gives it (``checklists/x/``, ``""`` for the home page)."""
    title: str
    """Its title in the navigation."""
    html: str
    """Its rendered content: the article's inner HTML."""
    sections: tuple[str, ...] = ()
    """The navigation sections it sits in, outermost first."""


@dataclass(frozen=True)
class PdfSite:
    """What the documents need to know about the site."""

    name: str
    description: str
    site_url: str
    language: str
    strings: Mapping[str, str]
    site_dir: Path
    build_date: str
    page_size: str = "a4"


JobKind = Literal["playbook", "checklist", "kit"]


@dataclass
class DocumentLinks:
    """Where each page of a document starts, to turn site links into links inside the PDF."""

    anchors: dict[str, str] = field(default_factory=dict)
    prefixes: dict[str, str] = field(default_factory=dict)

    def add(self, url: str, anchor: str, prefix: str) -> None:
        self.anchors[url] = anchor
        self.prefixes[url] = prefix


class _Rewriter(HTMLParser):
    """Rewrites one page's content for the PDF, as a stream of tags and text."""

    def __init__(self, page_url: str, prefix: str, links: DocumentLinks, site: PdfSite) -> None:
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.prefix = prefix
        self.links = links
        self.site = site
        self.out: list[str] = []
        self.open: list[str] = []
        self.skip_depth = 0
        self.message = ""
        self.message_depth = 0
        self.checklist = ""
        """The checklist the boxes being read belong to; their fields are named after it."""
        self.field_names: dict[str, int] = {}
        self.link_stack: list[tuple[list[str], dict[str, str], str]] = []

    # The stream -----------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if self.skip_depth:
            if tag not in VOID:
                self.skip_depth += 1
            return
        if self._dropped(tag, attributes):
            if tag not in VOID:
                self.skip_depth = 1
            return
        if "data-playbook-checklist" in attributes:
            self.checklist = attributes["data-playbook-checklist"].removeprefix("page:")
        if tag == "input":
            self._input(attributes)
            return
        if tag == "img":
            self._image(attributes)
            return
        if "data-playbook-message" in attributes and not self.message:
            self.message = attributes["data-playbook-message"]
            self.message_depth = len(self.open) + 1
        if "playbook-blank__line" in attributes.get("class", "").split():
            self._blank(attributes)
            self.skip_depth = 1
            return
        self._prefix_ids(attributes)
        if tag == "a":
            self._start_link(attributes)
            return
        self._emit_start(tag, attributes, tag in VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_depth:
            return  # a self-closing tag opens nothing to skip to the end of
        if tag in VOID:
            self.handle_starttag(tag, attrs)
            return
        attributes = {name: value or "" for name, value in attrs}
        if self._dropped(tag, attributes):
            return
        self._prefix_ids(attributes)
        self.out.append(f"<{tag}{_attributes(attributes)}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag not in self.open:
            return
        while self.open:
            closing = self.open.pop()
            if closing == "a" and self.link_stack:
                self._end_link()
            else:
                self.out.append(f"</{closing}>")
            if closing == tag:
                break
        if self.message and len(self.open) < self.message_depth:
            self.message = ""

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.out.append(escape(data, quote=False))

    def result(self) -> str:
        self.close()
        while self.open:
            self.handle_endtag(self.open[-1])
        return "".join(self.out)

    # What is kept, and how ------------------------------------------------------------

    def _dropped(self, tag: str, attributes: Mapping[str, str]) -> bool:
        if tag in DROPPED_TAGS or DROPPED_ATTRIBUTES.intersection(attributes):
            return True
        return not DROPPED_CLASSES.isdisjoint(attributes.get("class", "").split())

    def _emit_start(self, tag: str, attributes: Mapping[str, str], void: bool = False) -> None:
        self.out.append(f"<{tag}{_attributes(attributes)}>")
        if not void:
            self.open.append(tag)

    def _prefix_ids(self, attributes: dict[str, str]) -> None:
        if "id" in attributes:
            attributes["id"] = self.prefix + attributes["id"]
        for name in ID_REFERENCES:
            if name in attributes:
                attributes[name] = " ".join(self.prefix + ref for ref in attributes[name].split())

    def _field_name(self, wanted: str) -> str:
        name = _FIELD_NAME.sub("-", f"{self.prefix}{wanted}").strip("-") or "field"
        count = self.field_names.get(name, 0)
        self.field_names[name] = count + 1
        return name if count == 0 else f"{name}-{count + 1}"

    def _input(self, attributes: dict[str, str]) -> None:
        if attributes.get("type") != "checkbox":
            return
        self._prefix_ids(attributes)
        attributes.pop("disabled", None)
        item = attributes.get("data-playbook-item", "")
        wanted = attributes.get("name") or (f"{self.checklist}/{item}" if item else "")
        attributes["name"] = self._field_name(wanted or attributes.get("id", ""))
        kept = ("type", "id", "name", "checked", "class", "aria-label", "title")
        self._emit_start("input", {k: v for k, v in attributes.items() if k in kept}, True)

    def _blank(self, attributes: Mapping[str, str]) -> None:
        """A message template's blank becomes a text field, named after its template.

        The same blank used twice in a template (subject and body) keeps one name: the PDF
        makes it one field with a widget at each place (``pdf_tags``).
        """
        wanted = f"{self.message or 'message'}/{attributes.get('data-playbook-blank', 'field')}"
        name = _FIELD_NAME.sub("-", f"{self.prefix}{wanted}").strip("-") or "field"
        rows = attributes.get("data-rows", "1")
        field_attributes = {
            "class": "playbook-blank__input",
            "name": name,
            "title": attributes.get("data-label", ""),
        }
        if rows.isdigit() and int(rows) > 1:
            field_attributes["rows"] = rows
            field_attributes["style"] = f"height: {int(rows) * 6}mm"
            self.out.append(f"<textarea{_attributes(field_attributes)}></textarea>")
        else:
            self._emit_start("input", {"type": "text", **field_attributes}, True)

    def _image(self, attributes: dict[str, str]) -> None:
        source = attributes.get("src", "")
        path = self._site_file(source) if source and not _EXTERNAL.match(source) else None
        if source.startswith("data:") or (path is not None and path.is_file()):
            if path is not None:
                attributes["src"] = path.as_uri()
            self._prefix_ids(attributes)
            attributes.pop("srcset", None)
            attributes.pop("loading", None)
            self._emit_start("img", attributes, True)
        elif attributes.get("alt"):
            # Nothing is fetched from outside site/: an image from elsewhere shows its text.
            self.out.append(f'<span class="pdf-missing-image">{escape(attributes["alt"])}</span>')

    def _site_file(self, url: str) -> Path | None:
        path = self._site_path(url)
        if path is None:
            return None
        root = self.site.site_dir.resolve()
        candidate = (root / path).resolve()
        return candidate if candidate.is_relative_to(root) else None

    def _site_path(self, url: str) -> str | None:
        """A relative URL from this page as a path from the site's root, or None."""
        parts = urlsplit(urljoin("https://site.invalid/" + self.page_url, url))
        if parts.netloc != "site.invalid":
            return None
        return unquote(parts.path).lstrip("/")

    # Links ------------------------------------------------------------------------------

    def _start_link(self, attributes: dict[str, str]) -> None:
        href = attributes.get("href", "")
        kind = "plain"
        if href.startswith("#"):
            attributes["href"] = f"#{self.prefix}{href[1:]}" if href[1:] else "#"
            kind = "internal"
        elif _EXTERNAL.match(href):
            kind = "external" if href.startswith(("http://", "https://", "mailto:")) else "plain"
        elif href:
            target = self._internal_target(href)
            if target is not None:
                attributes["href"] = target
                kind = "internal"
            elif self.site.site_url and (path := self._site_path(href)) is not None:
                attributes["href"] = urljoin(self.site.site_url, path)
                kind = "external"
            else:
                attributes.pop("href")
                kind = "none"
        self.link_stack.append((self.out, attributes, kind))
        self.out = []
        self.open.append("a")

    def _internal_target(self, href: str) -> str | None:
        path = self._site_path(href.partition("#")[0] or self.page_url)
        if path is None:
            return None
        fragment = href.partition("#")[2]
        for candidate in (path, path.removesuffix("index.html"), path + "/"):
            if candidate in self.links.anchors:
                if fragment:
                    return f"#{self.links.prefixes[candidate]}{fragment}"
                return f"#{self.links.anchors[candidate]}"
        return None

    def _end_link(self) -> None:
        inner = "".join(self.out)
        self.out, attributes, kind = self.link_stack.pop()
        text = re.sub(r"<[^>]+>", "", inner).strip()
        if kind == "none":
            self.out.append(f"<span>{inner}</span>")
            return
        if kind != "external":
            self.out.append(f"<a{_attributes(attributes)}>{inner}</a>")
            return
        # On paper an address is only useful printed: after the link's text, or as its text.
        href = attributes["href"]
        address = unquote(href.removeprefix("mailto:").partition("?")[0])
        shown = (href, address, href.removeprefix("https://"), href.removeprefix("http://"))
        same = html_unescape(text) in shown
        classes = attributes.get("class", "").split()
        classes.append("pdf-bare-link" if same else "pdf-external")
        attributes["class"] = " ".join(classes)
        if same:
            inner = inner if "<" in inner else url_html(html_unescape(text))
            self.out.append(f"<a{_attributes(attributes)}>{inner}</a>")
        else:
            self.out.append(
                f'<a{_attributes(attributes)}>{inner}</a><span class="pdf-address"> ('
                f"{url_html(address)})</span>"
            )


def _attributes(attributes: Mapping[str, str]) -> str:
    return "".join(
        f" {name}" if name in ("checked",) else f' {name}="{escape(value)}"'
        for name, value in attributes.items()
    )


def qr_image(svg: str) -> str:
    """An inline QR ``<svg>`` as an ``<img>``: WeasyPrint tags it a Figure with its alt text."""
    label = re.search(r'aria-label="([^"]*)"', svg)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<img class="playbook-qr" alt="{label.group(1) if label else ""}" '
        f'src="data:image/svg+xml;base64,{data}">'
    )


def rewrite(html: str, *, page_url: str, prefix: str, links: DocumentLinks, site: PdfSite) -> str:
    rewriter = _Rewriter(page_url, prefix, links, site)
    rewriter.feed(_QR_SVG.sub(lambda match: qr_image(match.group(0)), html))
    return _INTRODUCTION.sub(r'<p class="pdf-keep-with-next">\1</p>', rewriter.result())


# Documents ---------------------------------------------------------------------------------


def _head(site: PdfSite, title: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(site.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        f'<meta name="description" content="{escape(site.description)}">\n'
        f'<meta name="author" content="{escape(site.name)}">\n'
        f'<meta name="dcterms.created" content="{escape(site.build_date)}">\n'
        f'<meta name="dcterms.modified" content="{escape(site.build_date)}">\n'
        '<meta name="generator" content="Networking Playbook (WeasyPrint)">\n'
        "</head>\n"
    )


def playbook_document(pages: Sequence[PdfPage], site: PdfSite) -> str:
    """The whole playbook: a cover, the contents with page numbers, every page in order."""
    links = DocumentLinks()
    for number, page in enumerate(pages, start=1):
        links.add(page.url, f"pdf-page-{number}", f"p{number}-")
    strings = site.strings
    built = format_string(strings, "pdf_built", date=long_date(site.language, site.build_date))
    parts = [
        _head(site, site.name),
        f'<body class="pdf-playbook pdf-size-{site.page_size}">\n',
        '<section class="pdf-cover">\n',
        f'<h1 class="pdf-cover__title">{escape(site.name)}</h1>\n',
        f'<p class="pdf-cover__description">{escape(site.description)}</p>\n'
        if site.description
        else "",
        f'<p class="pdf-cover__date">{escape(built)}</p>\n',
        f'<p class="pdf-cover__address"><a href="{escape(site.site_url)}" class="pdf-bare-link">'
        f"{escape(site.site_url)}</a></p>\n"
        if site.site_url
        else "",
        "</section>\n",
        _contents(pages, links, strings),
    ]
    previous: tuple[str, ...] = ()
    for number, page in enumerate(pages, start=1):
        opened = [
            section
            for depth, section in enumerate(page.sections)
            if previous[: depth + 1] != page.sections[: depth + 1]
        ]
        previous = page.sections
        depth = len(page.sections)
        if opened and heading(page) == opened[-1]:
            # The section's own page: its heading is the section's bookmark, not a second one.
            opened.pop()
            depth -= 1
        section_data = (
            f' data-section="{escape(opened[0])}" data-section-depth="{depth - len(opened) + 1}"'
            if opened
            else ""
        )
        body = rewrite(page.html, page_url=page.url, prefix=f"p{number}-", links=links, site=site)
        parts.append(
            f'<section class="pdf-page pdf-depth-{depth}" id="pdf-page-{number}" '
            f'data-title="{escape(page.title)}"{section_data}>\n'
            f'<form class="pdf-form">\n{body}\n</form>\n</section>\n'
        )
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def heading(page: PdfPage) -> str:
    """The page's first heading as the reader sees it, else its title in the navigation."""
    match = _H1.search(page.html)
    text = html_unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""
    return " ".join(text.split()) or page.title


def _contents(pages: Sequence[PdfPage], links: DocumentLinks, strings: Mapping[str, str]) -> str:
    """Nested by navigation section, labelled like the pages' headings and the bookmarks.

    The page numbers come from CSS ``target-counter`` on the entry, outside its link, so
    each entry is one link.
    """
    html = ['<nav class="pdf-toc">\n', f"<h2>{escape(strings['pdf_contents'])}</h2>\n", "<ul>\n"]
    previous: tuple[str, ...] = ()
    for page in pages:
        common = 0
        while (
            common < min(len(previous), len(page.sections))
            and previous[common] == page.sections[common]
        ):
            common += 1
        html.extend("</ul></li>\n" for _ in range(len(previous) - common))
        label = heading(page)
        target = f"#{links.anchors[page.url]}"
        line = (
            f'<p class="pdf-toc__line"><a href="{target}">{escape(label)}</a>'
            f'<span class="pdf-toc__page" data-target="{target}"></span></p>'
        )
        opened = page.sections[common:]
        for number, section in enumerate(opened, start=1):
            if number == len(opened) and section == label:
                html.append(f'<li class="pdf-toc__section">{line}<ul>\n')
                line = ""
            else:
                html.append(
                    f'<li class="pdf-toc__section"><p class="pdf-toc__line">{escape(section)}'
                    "</p><ul>\n"
                )
        previous = page.sections
        if line:
            html.append(f"<li>{line}</li>\n")
    html.extend("</ul></li>\n" for _ in previous)
    html.append("</ul>\n</nav>\n")
    return "".join(html)


def sheet_document(
    page: PdfPage, site: PdfSite, kind: str, fit: Mapping[str, int] | None = None
) -> str:
    """One checklist, or the event kit, laid out for paper on its own.

    ``fit`` gives a checklist's fit step (1 to ``FIT_FLOOR``: smaller type and spacing) by
    its id; a checklist sheet repeats its title and QR code at the top of any further page.
    """
    links = DocumentLinks()
    links.add(page.url, "pdf-page-1", "")
    body = rewrite(page.html, page_url=page.url, prefix="", links=links, site=site)
    for checklist_id, step in (fit or {}).items():
        marker = f'data-playbook-checklist="{escape(checklist_id)}"'
        body = body.replace(marker, f'{marker} data-pdf-fit="{step}"') if step else body
    running = ""
    if kind == "checklist" and site.site_url:
        address = urljoin(site.site_url, page.url)
        label = format_string(site.strings, "qr_label", url=address)
        running = (
            '<div class="pdf-running-source" aria-hidden="true">'
            f"{qr_image(qr_svg(address, label))}<p>{url_html(address)}</p></div>\n"
        )
    return (
        _head(site, f"{page.title} · {site.name}")
        + f'<body class="pdf-sheet pdf-sheet--{kind} pdf-size-{site.page_size}">\n'
        f'<section class="pdf-page" id="pdf-page-1" data-title="{escape(page.title)}">\n'
        f'{running}<form class="pdf-form">\n{body}\n</form>\n</section>\n</body>\n</html>\n'
    )


@dataclass(frozen=True)
class PdfJob:
    """One PDF to write: the playbook from its pages, or a sheet from one page."""

    path: str
    """Where it goes, relative to ``site/``."""
    kind: JobKind
    pages: tuple[PdfPage, ...]
    checklist_id: str = ""
    source: str = ""
    """The checklist's file, for what the build says about it."""
    items: int = 0
    fit: tuple[tuple[str, int], ...] = ()
    """The event kit's checklists' fit steps, as their own sheets found them."""

    def files(self, site: PdfSite) -> list[Path]:
        """The site files its pages load (images), whose bytes are part of what it is."""
        found: list[Path] = []
        for page in self.pages:
            for source in _SOURCE.findall(page.html):
                if _EXTERNAL.match(source):
                    continue
                path = urlsplit(urljoin("https://site.invalid/" + page.url, html_unescape(source)))
                found.append(site.site_dir / unquote(path.path).lstrip("/"))
        return found

    def document(self, site: PdfSite, step: int = 0) -> str:
        if self.kind == "playbook":
            return playbook_document(self.pages, site)
        fit = dict(self.fit) if self.kind == "kit" else {self.checklist_id: step}
        return sheet_document(self.pages[0], site, self.kind, fit)


def page_css(site: PdfSite) -> str:
    """The parts of the stylesheet that depend on the site: paper size and the words."""
    size = {"a4": "A4", "letter": "letter"}[site.page_size]
    footer = _content_value(site.strings["pdf_page_of"], {"page": "page", "pages": "pages"})
    continued = _content_value(site.strings["pdf_continued"], {"title": "content()"}, raw=True)
    return (
        f"@page {{ size: {size}; @bottom-center {{ content: {footer}; }} }}\n"
        ".pdf-sheet--checklist h1, .pdf-sheet--kit h2 "
        f"{{ string-set: continued {continued}; }}\n"
    )


def _content_value(template: str, values: Mapping[str, str], raw: bool = False) -> str:
    """``Page {page} of {pages}`` as a CSS ``content`` value with counters (or ``raw`` values)."""
    pieces: list[str] = []
    for token in re.split(r"(\{[a-z]+\})", template):
        name = token[1:-1] if token.startswith("{") else ""
        if name in values:
            pieces.append(values[name] if raw else f"counter({values[name]})")
        elif token:
            pieces.append('"' + token.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(pieces) or '""'
