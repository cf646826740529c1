"""PDF downloads, rendered with WeasyPrint once per build from the pages MkDocs rendered.

``downloads/playbook.pdf`` (cover, contents, every page in navigation order),
``downloads/event-kit.pdf`` and ``downloads/checklists/<id>.pdf``. Checklist boxes and
message blanks are form fields; the PDFs are tagged (PDF/UA-1). Nothing is fetched from
outside ``site/``: no network, system fonts only.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from time import perf_counter
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from playbook_plugin.pdf_html import (
    PdfPage,
    PdfSite,
    page_css,
    playbook_document,
    sheet_document,
)
from playbook_plugin.print_html import PLAYBOOK_PDF

__all__ = [
    "PdfPage",
    "PdfSite",
    "Rendered",
    "Renderer",
    "SiteOnlyFetcher",
    "nav_pages",
    "write_pdfs",
]

STYLESHEET = Path(__file__).parent / "assets" / "stylesheets" / "playbook-pdf.css"
PDF_OPTIONS: dict[str, Any] = {"pdf_forms": True, "pdf_variant": "pdf/ua-1"}


class SiteOnlyFetcher(URLFetcher):
    """Loads files from inside ``site/`` and ``data:`` URLs; refuses everything else."""

    def __init__(self, site_dir: Path) -> None:
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.root = site_dir.resolve()

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith("file:"):
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if path.is_relative_to(self.root):
                return super().fetch(url, headers)
        raise ValueError(f"the PDFs load nothing from outside site/: {url}")


@dataclass(frozen=True)
class Rendered:
    path: str
    """Where it was written, relative to ``site/``."""
    pages: int
    seconds: float
    size: int


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _weasyprint_warnings() -> Iterator[list[str]]:
    """WeasyPrint's warnings while rendering, kept for the build log instead of printed."""
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


class Renderer:
    """Renders the site's PDFs with one stylesheet, font set-up and image cache."""

    def __init__(self, site: PdfSite) -> None:
        self.site = site
        self.fetcher = SiteOnlyFetcher(site.site_dir)
        self.font_config = FontConfiguration()
        self.cache: dict[str, Any] = {}
        self.warnings: list[str] = []
        with _weasyprint_warnings() as warnings:
            self.stylesheets = [
                CSS(filename=str(STYLESHEET), font_config=self.font_config),
                CSS(string=page_css(site), font_config=self.font_config),
            ]
        self.warnings.extend(warnings)

    def render(self, html: str, path: str) -> Rendered:
        """Render ``html`` to ``site/<path>``."""
        started = perf_counter()
        target = self.site.site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        options = {**PDF_OPTIONS, "stylesheets": self.stylesheets, "cache": self.cache}
        with _weasyprint_warnings() as warnings:
            document = HTML(
                string=html,
                base_url=self.site.site_dir.resolve().as_uri() + "/",
                url_fetcher=self.fetcher,
            ).render(font_config=self.font_config, **options)
            document.write_pdf(target, **options)
        self.warnings.extend(f"{path}: {warning}" for warning in warnings)
        return Rendered(path, len(document.pages), perf_counter() - started, target.stat().st_size)

    def playbook(self, pages: Sequence[PdfPage], path: str) -> Rendered:
        return self.render(playbook_document(pages, self.site), path)

    def sheet(self, page: PdfPage, path: str, kind: str) -> Rendered:
        return self.render(sheet_document(page, self.site, kind), path)


def nav_pages(items: Sequence[Any], contents: Mapping[str, PdfPage]) -> list[PdfPage]:
    """The navigation's pages in order, with their sections; ``contents`` by source path."""
    pages: list[PdfPage] = []

    def walk(entries: Sequence[Any], sections: tuple[str, ...]) -> None:
        for entry in entries:
            if getattr(entry, "is_section", False):
                walk(entry.children, (*sections, entry.title))
            elif getattr(entry, "is_page", False) and entry.file.src_uri in contents:
                pages.append(replace(contents[entry.file.src_uri], sections=sections))

    walk(items, ())
    return pages


def write_pdfs(
    site: PdfSite, pages: Sequence[PdfPage], sheets: Sequence[tuple[PdfPage, str, str]]
) -> tuple[list[Rendered], list[str]]:
    """Render every PDF once: the playbook from ``pages``, then each ``(page, path, kind)``.

    Returns what was written and WeasyPrint's warnings, for the build log.
    """
    renderer = Renderer(site)
    rendered = [renderer.playbook(pages, PLAYBOOK_PDF)] if pages else []
    rendered += [renderer.sheet(page, path, kind) for page, path, kind in sheets]
    return rendered, renderer.warnings
