"""PDF downloads, rendered with WeasyPrint from the pages MkDocs rendered.

``downloads/playbook.pdf`` (cover, contents, every page in navigation order),
``downloads/event-kit.pdf`` and ``downloads/checklists/<id>.pdf``. Checklist boxes and
message blanks are form fields; the PDFs are tagged (PDF/UA-1). Nothing is fetched from
outside ``site/``: no network, system fonts only. A PDF whose inputs did not change since
the last build is copied from the cache; the others render in parallel processes.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from time import perf_counter
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import CSS, HTML
from weasyprint import __version__ as weasyprint_version
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from playbook_plugin.pdf_cache import PdfCache, digest
from playbook_plugin.pdf_fonts import missing_scripts, text_of
from playbook_plugin.pdf_html import PdfJob, PdfPage, PdfSite, page_css
from playbook_plugin.pdf_tags import finish_tags

__all__ = [
    "FIT_FLOOR",
    "PdfJob",
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
FIT_FLOOR = 3
"""The last fit step (8 pt items, 7 pt details, in playbook-pdf.css): the legible floor."""


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
    fit: int = 0
    """The fit step a checklist sheet needed (0: none; ``FIT_FLOOR`` + 1: it continues)."""
    warnings: tuple[str, ...] = ()
    reused: bool = False
    """Copied from the cache: nothing it is made from changed."""
    notes: tuple[str, ...] = field(default=())
    """What the build says at INFO level (a checklist fitted by smaller type)."""


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
        with _weasyprint_warnings() as warnings:
            self.stylesheets = [
                CSS(filename=str(STYLESHEET), font_config=self.font_config),
                CSS(string=page_css(site), font_config=self.font_config),
            ]
        self.warnings = list(warnings)

    def _document(self, html: str) -> tuple[Any, list[str]]:
        options = {**PDF_OPTIONS, "stylesheets": self.stylesheets, "cache": self.cache}
        with _weasyprint_warnings() as warnings:
            document = HTML(
                string=html,
                base_url=self.site.site_dir.resolve().as_uri() + "/",
                url_fetcher=self.fetcher,
            ).render(font_config=self.font_config, **options)
        return document, warnings

    def _write(self, document: Any, target: Path) -> list[str]:
        options = {**PDF_OPTIONS, "cache": self.cache, "finisher": finish_tags}
        target.parent.mkdir(parents=True, exist_ok=True)
        with _weasyprint_warnings() as warnings:
            document.write_pdf(target, **options)
        return warnings

    def run(self, job: PdfJob, html: str | None = None) -> Rendered:
        """Render ``job`` into ``site/``; a checklist sheet shrinks to fit, or continues."""
        started = perf_counter()
        html = html if html is not None else job.document(self.site)
        warnings = [*self.warnings, *(s.message() for s in missing_scripts(text_of(html)))]
        document, said = self._document(html)
        step = 0
        notes: list[str] = []
        if job.kind == "checklist" and len(document.pages) > 1:
            for step in range(1, FIT_FLOOR + 2):
                if step > FIT_FLOOR:
                    document, said = self._document(html)  # full size, page by page
                    warnings.append(self._continues(job, len(document.pages)))
                    break
                document, said = self._document(job.document(self.site, step))
                if len(document.pages) == 1:
                    notes.append(
                        f"{job.source}: {job.items} items fit one sheet of {job.path} "
                        f"with smaller type (step {step} of {FIT_FLOOR})"
                    )
                    break
        warnings.extend(said)
        target = self.site.site_dir / job.path
        warnings.extend(self._write(document, target))
        return Rendered(
            job.path,
            len(document.pages),
            perf_counter() - started,
            target.stat().st_size,
            step,
            tuple(f"{job.path}: {warning}" for warning in warnings),
            notes=tuple(notes),
        )

    def _continues(self, job: PdfJob, pages: int) -> str:
        return (
            f"{job.source}: {job.items} items do not fit one sheet even with the smallest "
            f"type (8 pt), so {job.path} prints on {pages} pages, each page after the first "
            'headed with the title, "continued" and the QR code. To print it on one sheet, '
            "split it into two checklists, or move detail lines into the page's introduction"
        )


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


_WORKER: Renderer | None = None


def _render_in_worker(site: PdfSite, job: PdfJob, html: str) -> Rendered:
    global _WORKER
    if _WORKER is None or _WORKER.site != site:
        _WORKER = Renderer(site)
    return _WORKER.run(job, html)


class _Batch:
    """Renders what the cache lacks: in this process, or in worker processes."""

    def __init__(self, site: PdfSite, cache: PdfCache | None, workers: int) -> None:
        self.site = site
        self.cache = cache
        self.workers = workers
        self.renderer: Renderer | None = None
        self.keys: list[str] = []
        self.style = "\0".join(
            (
                STYLESHEET.read_text(encoding="utf-8"),
                page_css(site),
                weasyprint_version,
                repr(PDF_OPTIONS),
            )
        )

    def run(self, jobs: Sequence[PdfJob]) -> list[Rendered]:
        done: dict[int, Rendered] = {}
        todo: list[tuple[int, PdfJob, str, str]] = []
        for index, job in enumerate(jobs):
            key = digest(f"{job!r}\0{self.site!r}\0{self.style}", job.files(self.site))
            self.keys.append(key)
            reused = self._reuse(job, key)
            if reused is not None:
                done[index] = reused
            else:
                todo.append((index, job, job.document(self.site), key))
        workers = min(self.workers, len(todo))
        if workers > 1:
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                futures = [
                    (index, key, pool.submit(_render_in_worker, self.site, job, html))
                    for index, job, html, key in todo
                ]
                results = [(index, key, future.result()) for index, key, future in futures]
        else:
            if todo and self.renderer is None:
                self.renderer = Renderer(self.site)
            results = [
                (index, key, self.renderer.run(job, html))  # type: ignore[union-attr]
                for index, job, html, key in todo
            ]
        for index, key, rendered in results:
            done[index] = rendered
            if self.cache is not None:
                report = asdict(rendered)
                self.cache.put(key, self.site.site_dir / rendered.path, report)
        return [done[index] for index in range(len(jobs))]

    def _reuse(self, job: PdfJob, key: str) -> Rendered | None:
        if self.cache is None:
            return None
        started = perf_counter()
        target = self.site.site_dir / job.path
        report = self.cache.get(key, target)
        if report is None:
            return None
        try:
            return Rendered(
                path=job.path,
                pages=int(report["pages"]),
                seconds=perf_counter() - started,
                size=target.stat().st_size,
                fit=int(report["fit"]),
                warnings=tuple(report["warnings"]),
                reused=True,
                notes=tuple(report["notes"]),
            )
        except (KeyError, TypeError, ValueError):
            return None


def write_pdfs(
    site: PdfSite, jobs: Sequence[PdfJob], *, cache_dir: Path | None = None, workers: int = 1
) -> list[Rendered]:
    """Write every PDF of ``jobs``, reusing unchanged ones from ``cache_dir``.

    Checklist sheets render first: the event kit takes the type size each one needed.
    """
    cache = PdfCache(cache_dir) if cache_dir is not None else None
    batch = _Batch(site, cache, max(1, workers))
    first = [job for job in jobs if job.kind != "kit"]
    rendered = batch.run(first)
    fits = tuple(
        (job.checklist_id, min(result.fit, FIT_FLOOR))
        for job, result in zip(first, rendered, strict=True)
        if job.kind == "checklist" and 0 < result.fit <= FIT_FLOOR
    )
    kits = [replace(job, fit=fits) for job in jobs if job.kind == "kit"]
    rendered += batch.run(kits)
    if cache is not None:
        cache.keep_only(batch.keys)
    return rendered
