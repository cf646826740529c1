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
import threading
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
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

from playbook_plugin.printing.pdf_cache import PdfCache, digest
from playbook_plugin.printing.pdf_fonts import missing_scripts, text_of
from playbook_plugin.printing.pdf_html import PdfJob, PdfPage, PdfSite, page_css
from playbook_plugin.printing.pdf_pages import keep_page_references
from playbook_plugin.printing.pdf_tags import finish_pdf

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

keep_page_references()

STYLESHEET = Path(__file__).parents[1] / "assets" / "stylesheets" / "playbook-pdf.css"
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
        options = {**PDF_OPTIONS, "cache": self.cache, "finisher": finish_pdf}
        target.parent.mkdir(parents=True, exist_ok=True)
        with _weasyprint_warnings() as warnings:
            document.write_pdf(target, **options)
        return warnings

    def run(self, job: PdfJob, html: str | None = None) -> Rendered:
        """Render ``job`` into ``site/``; a checklist sheet shrinks to fit, or continues."""
        started = perf_counter()
        html = html if html is not None else job.document(self.site)
        scripts = [script.message() for script in missing_scripts(text_of(html))]
        warnings = [f"{job.path}: {warning}" for warning in [*self.warnings, *scripts]]
        notes: list[str] = []
        document, said = self._document(html)
        step = 0
        if job.kind == "checklist" and len(document.pages) > 1:
            step, fitted = self._fit(job)
            if fitted is None:
                warnings.append(self._continues(job, len(document.pages)))
            else:
                document, said = fitted
                notes.append(
                    f"{job.source}: {job.items} items fit one sheet of {job.path} "
                    f"with smaller type (step {step} of {FIT_FLOOR})"
                )
        target = self.site.site_dir / job.path
        said.extend(self._write(document, target))
        warnings.extend(f"{job.path}: {warning}" for warning in said)
        return Rendered(
            job.path,
            len(document.pages),
            perf_counter() - started,
            target.stat().st_size,
            step,
            tuple(warnings),
            notes=tuple(notes),
        )

    def _fit(self, job: PdfJob) -> tuple[int, tuple[Any, list[str]] | None]:
        """The largest fit step at which the sheet is one page; ``FIT_FLOOR + 1`` if none.

        The floor is tried first, so a list far too long costs one more rendering only.
        """
        floor = self._document(job.document(self.site, FIT_FLOOR))
        if len(floor[0].pages) > 1:
            return FIT_FLOOR + 1, None
        for step in range(1, FIT_FLOOR):
            rendered = self._document(job.document(self.site, step))
            if len(rendered[0].pages) == 1:
                return step, rendered
        return FIT_FLOOR, floor

    def _continues(self, job: PdfJob, pages: int) -> str:
        return (
            f"{job.source}: {job.items} items do not fit one sheet even with the smallest "
            f"type (8 pt), so {job.path} prints on {pages} pages, each page after the first "
            'headed with the title, "(continued)" and the QR code. To print it on one sheet, '
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


def _pool(workers: int) -> ProcessPoolExecutor | None:
    if workers < 1:
        return None
    # Forking is cheap (WeasyPrint is already imported) and safe in a one-thread build;
    # under `mkdocs serve` (a server thread) a fresh interpreter is started instead.
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    method = "fork" if can_fork and threading.active_count() == 1 else "spawn"
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))


class _Schedule:
    """Renders what the cache lacks: big documents in worker processes, while this process
    renders the small ones; the event kit once the checklists' fit steps are known."""

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
        done: dict[str, Rendered] = {}
        later = [job for job in jobs if job.kind == "kit"]
        todo = [
            (job, html) for job in jobs if job.kind != "kit" for html in self._missing(job, done)
        ]
        todo.sort(key=lambda pair: len(pair[1]), reverse=True)  # the biggest first
        pool = _pool(min(self.workers, max(0, len(todo) + len(later) - 1)))
        futures: list[tuple[PdfJob, Future[Rendered]]] = []
        try:
            while todo or later:
                while pool is not None and todo and self._busy(futures) < self.workers:
                    job, html = todo.pop(0)
                    futures.append((job, pool.submit(_render_in_worker, self.site, job, html)))
                if todo:
                    job, html = todo.pop()  # this process takes the smallest
                    self._finish(job, self._render(job, html), done)
                    continue
                checklists = [job.path for job in jobs if job.kind == "checklist"]
                for job, future in futures:
                    if job.kind == "checklist":
                        self._finish(job, future.result(), done)
                if later and all(path in done for path in checklists):
                    kit = replace(later.pop(0), fit=self._fits(jobs, done))
                    todo.extend((kit, html) for html in self._missing(kit, done))
            for job, future in futures:
                self._finish(job, future.result(), done)
        finally:
            if pool is not None:
                pool.shutdown()
        return [done[job.path] for job in jobs]

    @staticmethod
    def _busy(futures: Sequence[tuple[PdfJob, Future[Rendered]]]) -> int:
        return sum(1 for _, future in futures if not future.done())

    @staticmethod
    def _fits(jobs: Sequence[PdfJob], done: Mapping[str, Rendered]) -> tuple[tuple[str, int], ...]:
        return tuple(
            (job.checklist_id, done[job.path].fit)
            for job in jobs
            if job.kind == "checklist" and 0 < done[job.path].fit <= FIT_FLOOR
        )

    def _render(self, job: PdfJob, html: str) -> Rendered:
        if self.renderer is None:
            self.renderer = Renderer(self.site)
        return self.renderer.run(job, html)

    def _key(self, job: PdfJob) -> str:
        return digest(f"{job!r}\0{self.site!r}\0{self.style}", job.files(self.site))

    def _missing(self, job: PdfJob, done: dict[str, Rendered]) -> list[str]:
        """``[html]`` when ``job`` must render; none when the cache had it (now in ``done``)."""
        key = self._key(job)
        self.keys.append(key)
        reused = self._reuse(job, key)
        if reused is not None:
            done[job.path] = reused
            return []
        return [job.document(self.site)]

    def _finish(self, job: PdfJob, rendered: Rendered, done: dict[str, Rendered]) -> None:
        if job.path in done:
            return
        done[job.path] = rendered
        if self.cache is not None:
            self.cache.put(self._key(job), self.site.site_dir / job.path, asdict(rendered))

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

    ``workers`` processes render beside this one (0: this one alone). Checklist sheets
    come before the event kit, which takes the type size each checklist needed.
    """
    cache = PdfCache(cache_dir) if cache_dir is not None else None
    schedule = _Schedule(site, cache, max(0, workers))
    rendered = schedule.run(jobs)
    if cache is not None:
        cache.keep_only(schedule.keys)
    return rendered
