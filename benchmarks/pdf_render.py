"""The PDF stage of a build, side by side with Chromium printing the same content.

Not a test: run it by hand, once, on a quiet machine (``pip install -e '.[test,bench]'``
first)::

    nice python benchmarks/pdf_render.py [--pages 150]

It prints, from one run of each, with the load average at the start and at the end:

1. **default playbook, PDF stage** (every PDF, empty cache, ``pdf_concurrency`` default)
   against **Chromium printing the same content**: mkdocs-print-site-plugin's
   ``print_page/`` of the same playbook, loaded over http and printed to A4 by Debian's
   Chromium through Playwright (page load included, browser start not). Target: at most 1.0x.
   Beside the wall times, CPU seconds: the build's and its PDF workers', and those of the
   browser's processes while it loads and prints (read from ``/proc``), which hold whatever
   else the machine is doing.
2. **where WeasyPrint spends the playbook's time**: ``downloads/playbook.pdf`` rendered
   again in this process, CPU seconds of reading the HTML and CSS, of laying out the pages,
   and of drawing and writing the PDF (fonts, form fields, PDF/UA tags).
3. **Chromium as the renderer**: the very HTML and stylesheet ``playbook.pdf`` is made
   from, printed by Chromium (tagged, with bookmarks), page load included; with what it
   keeps of the PDF: form fields, bookmarks, and the outside PDF/UA checker's verdict.
4. **second build, nothing changed**: the PDF stage when every PDF comes from the cache.
   Target: ≤ 0.1 s.
5. **a generated site** of ``--pages`` pages (150 by default), ten task boxes a page, plus
   five checklists: the PDF stage of its first build. Target: ≤ 60 s.

The PDF stage's time is the plugin's own ``PDF stage: … in N s`` log line.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    default_playbook,
    read_config,
    serve,
    set_plugin,
    table,
    verdict,
    write_config,
)
from mkdocs.commands.build import build
from mkdocs.config import load_config
from scale import paragraph, sentence
from weasyprint import HTML

from playbook_plugin.printing import pdf
from playbook_plugin.printing.pdf_html import PdfJob, PdfSite, page_css
from playbook_plugin.printing.pdf_tags import finish_pdf
from playbook_plugin.printing.print_html import PLAYBOOK_PDF

_STAGE = re.compile(r"PDF stage: (\d+) PDFs in ([0-9.]+) s")
_PDFUA_RESULT = re.compile(r"result: (\w+).*?errors=(\d+)")


class _Stage(logging.Handler):
    """Keeps the plugin's ``PDF stage`` line of each build."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.seen: list[tuple[int, float]] = []

    def emit(self, record: logging.LogRecord) -> None:
        match = _STAGE.search(record.getMessage())
        if match:
            self.seen.append((int(match.group(1)), float(match.group(2))))


@dataclass
class Stage:
    """One build's PDF stage: what it wrote, in how long, and what it was given."""

    count: int
    seconds: float
    cpu: float
    site: PdfSite
    jobs: list[PdfJob]

    def job(self, kind: str) -> PdfJob:
        return next(job for job in self.jobs if job.kind == kind)


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (the PDF workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _processes() -> dict[int, tuple[int, float]]:
    """Every process: its parent and its CPU seconds so far, from ``/proc``."""
    processes: dict[int, tuple[int, float]] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        processes[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    return processes


def _descendants(processes: dict[int, tuple[int, float]]) -> set[int]:
    mine = {os.getpid()}
    while True:
        grown = mine | {pid for pid, (parent, _) in processes.items() if parent in mine}
        if grown == mine:
            return mine - {os.getpid()}
        mine = grown


def _descendants_cpu() -> float:
    """CPU seconds so far of this process's running descendants (the browser's processes).

    A descendant that has ended no longer counts, so measure while the browser is open.
    """
    processes = _processes()
    return sum(processes[pid][1] for pid in _descendants(processes))


def _same_priority() -> None:
    """Gives every thread of the browser this process's niceness.

    Chromium run as root raises its own threads (to nice -8 for drawing), so under
    ``nice`` on a busy machine it would get the cores the build is refused.
    """
    niceness = os.getpriority(os.PRIO_PROCESS, 0)
    for pid in _descendants(_processes()):
        for thread in Path(f"/proc/{pid}/task").glob("*"):
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, int(thread.name), niceness)


def pdf_stage(config_file: Path) -> Stage:
    """Build in this process and report its PDF stage.

    The CPU time tells what the stage costs whatever else the machine is doing.
    """
    logger = logging.getLogger("mkdocs")
    stage, level = _Stage(), logger.level
    logger.addHandler(stage)
    logger.setLevel(logging.INFO)
    write_pdfs = pdf.write_pdfs
    calls: list[tuple[float, PdfSite, list[PdfJob]]] = []

    def timed(site: PdfSite, jobs: list[PdfJob], **options: Any) -> Any:
        started = _cpu()
        try:
            return write_pdfs(site, jobs, **options)
        finally:
            calls.append((_cpu() - started, site, list(jobs)))

    pdf.write_pdfs = timed  # type: ignore[assignment]  # the plugin imports it at the stage
    try:
        build(load_config(str(config_file)))
    finally:
        pdf.write_pdfs = write_pdfs
        logger.removeHandler(stage)
        logger.setLevel(level)
    if not stage.seen:
        raise RuntimeError(f"{config_file}: the build wrote no PDFs")
    count, seconds = stage.seen[-1]
    cpu, site, jobs = calls[-1]
    return Stage(count, seconds, cpu, site, jobs)


def weasyprint_phases(site: PdfSite, job: PdfJob) -> tuple[float, float, float]:
    """CPU seconds WeasyPrint spends on ``job``: reading, laying out, drawing and writing.

    Rendered in this process, already warm from the build (fonts found, code loaded).
    """
    renderer = pdf.Renderer(site)
    html = job.document(site)
    started = process_time()
    source = HTML(
        string=html,
        base_url=site.site_dir.resolve().as_uri() + "/",
        url_fetcher=renderer.fetcher,
    )
    options = {**pdf.PDF_OPTIONS, "cache": renderer.cache}
    read = process_time()
    document = source.render(
        font_config=renderer.font_config, stylesheets=renderer.stylesheets, **options
    )
    laid_out = process_time()
    document.write_pdf(io.BytesIO(), finisher=finish_pdf, **options)
    written = process_time()
    return read - started, laid_out - read, written - laid_out


def chromium_print(config_file: Path) -> tuple[float, float, int]:
    """Seconds and CPU seconds for Chromium to load ``print_page/`` and print it to A4; and
    its page count."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    build(load_config(str(config_file)))
    site_dir = config_file.parent / "site"
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "print_page/")  # warm: the first page a browser opens is slower
        _same_priority()
        started, cpu = perf_counter(), _descendants_cpu()
        page.goto(base + "print_page/", wait_until="load")
        data = page.pdf(format="A4", print_background=True)
        seconds, cpu = perf_counter() - started, _descendants_cpu() - cpu
        browser.close()
    target = config_file.parent / "chromium.pdf"
    target.write_bytes(data)
    return seconds, cpu, len(PdfReader(target).pages)


@dataclass
class Printed:
    """A PDF and what a reader of it gets."""

    seconds: float
    cpu: float
    pages: int
    fields: int
    bookmarks: int
    pdfua: str


def _outline_size(outline: list[Any]) -> int:
    return sum(_outline_size(entry) if isinstance(entry, list) else 1 for entry in outline)


def _pdfua(path: Path) -> str:
    """The outside checker's verdict (``pip install pdfua``, in the test extras)."""
    checker = Path(sys.executable).parent / "pdfua"
    if not checker.exists():
        return "pdfua not installed"
    said = subprocess.run([str(checker), "check", str(path)], capture_output=True, text=True)
    match = _PDFUA_RESULT.search(said.stdout)
    return f"{match.group(1)}, {match.group(2)} errors" if match else "no verdict"


def examined(path: Path, seconds: float = 0.0, cpu: float = 0.0) -> Printed:
    from pypdf import PdfReader

    reader = PdfReader(path)
    fields = len(reader.get_fields() or {})
    bookmarks = _outline_size(reader.outline)
    return Printed(seconds, cpu, len(reader.pages), fields, bookmarks, _pdfua(path))


def chromium_renderer(site_dir: Path, stage: Stage) -> Printed:
    """Chromium printing the HTML and CSS ``playbook.pdf`` is made from, page load included.

    The HTML is written into the built site (its images load from there) and served over
    http; printed tagged, with bookmarks from the headings, at the stylesheet's page size.
    """
    from playwright.sync_api import sync_playwright

    job = stage.job("playbook")
    css = pdf.STYLESHEET.read_text(encoding="utf-8") + page_css(stage.site)
    html = job.document(stage.site).replace("</head>", f"<style>{css}</style></head>", 1)
    (site_dir / "pdf-source.html").write_text(html, encoding="utf-8")
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "pdf-source.html")  # warm, as for print_page/
        _same_priority()
        started, cpu = perf_counter(), _descendants_cpu()
        page.goto(base + "pdf-source.html", wait_until="load")
        data = page.pdf(tagged=True, outline=True, prefer_css_page_size=True)
        seconds, cpu = perf_counter() - started, _descendants_cpu() - cpu
        browser.close()
    target = site_dir.parent / "chromium-renderer.pdf"
    target.write_bytes(data)
    return examined(target, seconds, cpu)


def generated_site(root: Path, pages: int) -> tuple[Path, int]:
    """``pages`` pages of text with ten task boxes each, and five checklists of 20 items."""
    rng = random.Random(pages)
    (root / "checklists").mkdir(parents=True)
    (root / "docs").mkdir()
    for number in range(5):
        items = [f"- [ ] {sentence(rng)[:-1]} {{#item-{n}}}" for n in range(20)]
        text = ["---", f"title: Checklist {number}", "---", "", *items, ""]
        (root / "checklists" / f"list-{number}.md").write_text("\n".join(text), "utf-8")
    nav: list[Any] = []
    for number in range(pages):
        boxes = [f"- [ ] {sentence(rng)[:-1]} {{#box-{n}}}" for n in range(10)]
        text = [f"# Page {number}", "", paragraph(rng), "", "## What to do", "", *boxes, ""]
        text += ["## Why", "", paragraph(rng), "", paragraph(rng), ""]
        (root / "docs" / f"page-{number:03d}.md").write_text("\n".join(text), "utf-8")
        nav.append(f"page-{number:03d}.md")
    config = read_config(Path(__file__).resolve().parent.parent / "mkdocs.yml")
    config = set_plugin(config, {"pdf": True})
    config.update(site_name=f"{pages} pages", extra_css=[], nav=nav)
    return write_config(root, config), pages * 10 + 5 * 20


def _load() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=150, help="pages of the generated site")
    pages = parser.parse_args().pages
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    load_at_start = _load()

    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        ours = default_playbook(root / "ours", plugin=True, extra={})
        write_config(ours.parent, set_plugin(read_config(ours), {"pdf": True}))
        cold = pdf_stage(ours)
        warm = pdf_stage(ours)
        site_dir = ours.parent / "site"
        weasyprint_pdf = examined(site_dir / PLAYBOOK_PDF)
        reading, layout, writing = weasyprint_phases(cold.site, cold.job("playbook"))

        theirs = default_playbook(root / "theirs", plugin=True, extra={})
        config = read_config(theirs)
        config["plugins"].append(
            {"print-site": {"add_cover_page": True, "add_table_of_contents": True}}
        )
        write_config(theirs.parent, config)
        chromium, chromium_cpu, chromium_pages = chromium_print(theirs)
        renderer = chromium_renderer(site_dir, cold)

        generated, boxes = generated_site(root / "generated", pages)
        big = pdf_stage(generated)

    def kept(printed: Printed) -> str:
        return f"{printed.fields} fields, {printed.bookmarks} bookmarks, PDF/UA {printed.pdfua}"

    rows = [
        [
            f"default playbook, PDF stage ({cold.count} PDFs, cold cache)",
            f"{cold.seconds:.2f} s",
            f"{cold.cpu:.2f} s",
            f"{cold.seconds / chromium:.2f}x Chromium (CPU {cold.cpu / chromium_cpu:.1f}x)",
            verdict(cold.seconds <= chromium),
        ],
        [
            f"Chromium prints print_page/ ({chromium_pages} pages), page load included",
            f"{chromium:.2f} s",
            f"{chromium_cpu:.2f} s",
            "1.00x",
            "",
        ],
        [
            f"  playbook.pdf in WeasyPrint ({weasyprint_pdf.pages} pages): read HTML + CSS",
            "",
            f"{reading:.2f} s",
            kept(weasyprint_pdf),
            "",
        ],
        ["  ... lay out the pages", "", f"{layout:.2f} s", "", ""],
        ["  ... draw and write (fonts, fields, tags)", "", f"{writing:.2f} s", "", ""],
        [
            f"  playbook.pdf's HTML printed by Chromium ({renderer.pages} pages)",
            f"{renderer.seconds:.2f} s",
            f"{renderer.cpu:.2f} s",
            kept(renderer),
            "",
        ],
        [
            "second build, nothing changed: PDF stage",
            f"{warm.seconds:.3f} s",
            f"{warm.cpu:.3f} s",
            "<= 0.1 s",
            verdict(warm.seconds <= 0.1),
        ],
        [
            f"generated site: {pages} pages, {boxes} boxes ({big.count} PDFs)",
            f"{big.seconds:.1f} s",
            f"{big.cpu:.1f} s",
            "<= 60 s",
            verdict(big.seconds <= 60),
        ],
    ]
    print(table(["one run each", "time", "CPU", "against", "target"], rows))
    print(
        f"{os.cpu_count()} cores; load average {load_at_start} at the start, {_load()} at "
        "the end (above 1 a core, wall times are shared; CPU times are not)"
    )


if __name__ == "__main__":
    main()
