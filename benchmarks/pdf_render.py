"""The PDF stage of a build, side by side with Chromium printing the same content.

Not a test: run it by hand, once, on a quiet machine (``pip install -e '.[bench]'`` first)::

    nice python benchmarks/pdf_render.py [--pages 150]

It prints, from one run of each:

1. **default playbook, PDF stage** (every PDF, empty cache, ``pdf_concurrency`` default)
   against **Chromium printing the same content**: mkdocs-print-site-plugin's
   ``print_page/`` of the same playbook, loaded over http and printed to A4 by Debian's
   Chromium through Playwright (page load included, browser start not). Target: at most 1.0x.
2. **second build, nothing changed**: the PDF stage when every PDF comes from the cache.
   Target: ≤ 0.1 s.
3. **a generated site** of ``--pages`` pages (150 by default), ten task boxes a page, plus
   five checklists: the PDF stage of its first build. Target: ≤ 60 s.

The PDF stage's time is the plugin's own ``PDF stage: … in N s`` log line.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import re
import resource
import sys
import tempfile
from pathlib import Path
from time import perf_counter
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

from playbook_plugin import pdf

_STAGE = re.compile(r"PDF stage: (\d+) PDFs in ([0-9.]+) s")


class _Stage(logging.Handler):
    """Keeps the plugin's ``PDF stage`` line of each build."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.seen: list[tuple[int, float]] = []

    def emit(self, record: logging.LogRecord) -> None:
        match = _STAGE.search(record.getMessage())
        if match:
            self.seen.append((int(match.group(1)), float(match.group(2))))


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (the PDF workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def pdf_stage(config_file: Path) -> tuple[int, float, float]:
    """Build in this process: the number of PDFs, the PDF stage's seconds and CPU seconds.

    The CPU time tells what the stage costs whatever else the machine is doing.
    """
    logger = logging.getLogger("mkdocs")
    stage, level = _Stage(), logger.level
    logger.addHandler(stage)
    logger.setLevel(logging.INFO)
    write_pdfs = pdf.write_pdfs
    cpu: list[float] = []

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = _cpu()
        try:
            return write_pdfs(*args, **kwargs)
        finally:
            cpu.append(_cpu() - started)

    pdf.write_pdfs = timed  # the plugin imports it when the PDF stage starts
    try:
        build(load_config(str(config_file)))
    finally:
        pdf.write_pdfs = write_pdfs
        logger.removeHandler(stage)
        logger.setLevel(level)
    if not stage.seen:
        raise RuntimeError(f"{config_file}: the build wrote no PDFs")
    count, seconds = stage.seen[-1]
    return count, seconds, cpu[-1]


def chromium_print(config_file: Path) -> tuple[float, int]:
    """Seconds for Chromium to load ``print_page/`` and print it to A4; and its page count."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    build(load_config(str(config_file)))
    site_dir = config_file.parent / "site"
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "print_page/")  # warm: the first page a browser opens is slower
        started = perf_counter()
        page.goto(base + "print_page/", wait_until="load")
        data = page.pdf(format="A4", print_background=True)
        seconds = perf_counter() - started
        browser.close()
    target = config_file.parent / "chromium.pdf"
    target.write_bytes(data)
    return seconds, len(PdfReader(target).pages)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=150, help="pages of the generated site")
    pages = parser.parse_args().pages
    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        ours = default_playbook(root / "ours", plugin=True, extra={})
        write_config(ours.parent, set_plugin(read_config(ours), {"pdf": True}))
        count, cold, cold_cpu = pdf_stage(ours)
        _, warm, warm_cpu = pdf_stage(ours)

        theirs = default_playbook(root / "theirs", plugin=True, extra={})
        config = read_config(theirs)
        config["plugins"].append(
            {"print-site": {"add_cover_page": True, "add_table_of_contents": True}}
        )
        write_config(theirs.parent, config)
        chromium, chromium_pages = chromium_print(theirs)

        generated, boxes = generated_site(root / "generated", pages)
        generated_count, generated_seconds, generated_cpu = pdf_stage(generated)

    rows = [
        [
            f"default playbook, PDF stage ({count} PDFs, cold cache)",
            f"{cold:.2f} s",
            f"{cold_cpu:.2f} s",
            f"{cold / chromium:.2f}x Chromium",
            verdict(cold <= chromium),
        ],
        [
            f"Chromium prints print_page/ ({chromium_pages} pages), page load included",
            f"{chromium:.2f} s",
            "",
            "1.00x",
            "",
        ],
        [
            "second build, nothing changed: PDF stage",
            f"{warm:.3f} s",
            f"{warm_cpu:.3f} s",
            "<= 0.1 s",
            verdict(warm <= 0.1),
        ],
        [
            f"generated site: {pages} pages, {boxes} boxes ({generated_count} PDFs)",
            f"{generated_seconds:.1f} s",
            f"{generated_cpu:.1f} s",
            "<= 60 s",
            verdict(generated_seconds <= 60),
        ],
    ]
    print(table(["one run each", "time", "CPU", "against", "target"], rows))
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{os.cpu_count()} cores; load average {load} (figures above 1 a core are shared)")


if __name__ == "__main__":
    sys.exit(main())
