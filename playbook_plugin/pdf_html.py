"""The HTML the PDFs are made from: the site's rendered page content, rewritten for paper.

The pages' content HTML (what MkDocs puts in the article, with the playbook's widgets) is
rewritten as it streams through: screen-only parts are dropped, ids get a per-page prefix
so pages can share one document, links between pages become links inside the PDF,
checkboxes and message blanks become named form fields, and images load from ``site/``
only. Then it is assembled into one document of our own (cover, contents, pages), far
simpler than Material's layout, for WeasyPrint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from playbook_plugin.strings import format_string

__all__ = [
    "DocumentLinks",
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
        attributes["name"] = self._field_name(attributes.get("name") or attributes.get("id", ""))
        kept = ("type", "id", "name", "checked", "class", "aria-label", "title")
        self._emit_start("input", {k: v for k, v in attributes.items() if k in kept}, True)

    def _blank(self, attributes: Mapping[str, str]) -> None:
        """A message template's blank becomes a text field, named after its template."""
        wanted = f"{self.message or 'message'}/{attributes.get('data-playbook-blank', 'field')}"
        field_attributes = {
            "type": "text",
            "class": "playbook-blank__input",
            "name": self._field_name(wanted),
            "title": attributes.get("data-label", ""),
        }
        self._emit_start("input", field_attributes, True)

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
            kind = "external" if href.startswith(("http://", "https://")) else "plain"
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
        if kind == "external":
            href = attributes["href"]
            same = text in (href, href.removeprefix("https://"), href.removeprefix("http://"))
            classes = attributes.get("class", "").split()
            classes.append("pdf-bare-link" if same else "pdf-external")
            attributes["class"] = " ".join(classes)
        self.out.append(f"<a{_attributes(attributes)}>{inner}</a>")


def _attributes(attributes: Mapping[str, str]) -> str:
    return "".join(
        f" {name}" if name in ("checked",) else f' {name}="{escape(value)}"'
        for name, value in attributes.items()
    )


def rewrite(html: str, *, page_url: str, prefix: str, links: DocumentLinks, site: PdfSite) -> str:
    rewriter = _Rewriter(page_url, prefix, links, site)
    rewriter.feed(html)
    return rewriter.result()


# Documents ---------------------------------------------------------------------------------


def _head(site: PdfSite, title: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(site.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        f'<meta name="description" content="{escape(site.description)}">\n'
        f'<meta name="author" content="{escape(site.name)}">\n'
        f'<meta name="dcterms.created" content="{escape(site.build_date)}">\n'
        '<meta name="generator" content="Networking Playbook (WeasyPrint)">\n'
        "</head>\n"
    )


def playbook_document(pages: Sequence[PdfPage], site: PdfSite) -> str:
    """The whole playbook: a cover, the contents with page numbers, every page in order."""
    links = DocumentLinks()
    for number, page in enumerate(pages, start=1):
        links.add(page.url, f"pdf-page-{number}", f"p{number}-")
    strings = site.strings
    built = format_string(strings, "pdf_built", date=site.build_date)
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


def _contents(pages: Sequence[PdfPage], links: DocumentLinks, strings: Mapping[str, str]) -> str:
    """Nested by navigation section; the page numbers come from CSS ``target-counter``."""
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
        for section in page.sections[common:]:
            html.append(f'<li class="pdf-toc__section"><span>{escape(section)}</span><ul>\n')
        previous = page.sections
        html.append(f'<li><a href="#{links.anchors[page.url]}">{escape(page.title)}</a></li>\n')
    html.extend("</ul></li>\n" for _ in previous)
    html.append("</ul>\n</nav>\n")
    return "".join(html)


def sheet_document(page: PdfPage, site: PdfSite, kind: str) -> str:
    """One checklist, or the event kit, laid out for paper on its own."""
    links = DocumentLinks()
    links.add(page.url, "pdf-page-1", "")
    body = rewrite(page.html, page_url=page.url, prefix="", links=links, site=site)
    return (
        _head(site, f"{page.title} · {site.name}")
        + f'<body class="pdf-sheet pdf-sheet--{kind} pdf-size-{site.page_size}">\n'
        f'<section class="pdf-page" id="pdf-page-1" data-title="{escape(page.title)}">\n'
        f'<form class="pdf-form">\n{body}\n</form>\n</section>\n</body>\n</html>\n'
    )


def page_css(site: PdfSite) -> str:
    """The parts of the stylesheet that depend on the site: paper size and footer text."""
    size = {"a4": "A4", "letter": "letter"}[site.page_size]
    footer = _content_value(site.strings["pdf_page_of"], {"page": "page", "pages": "pages"})
    return f"@page {{ size: {size}; @bottom-center {{ content: {footer}; }} }}\n"


def _content_value(template: str, counters: Mapping[str, str]) -> str:
    """``Page {page} of {pages}`` as a CSS ``content`` value with counters."""
    pieces: list[str] = []
    for token in re.split(r"(\{[a-z]+\})", template):
        name = token[1:-1] if token.startswith("{") else ""
        if name in counters:
            pieces.append(f"counter({counters[name]})")
        elif token:
            pieces.append('"' + token.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(pieces) or '""'
