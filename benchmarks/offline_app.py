"""What a reader's phone downloads on a first visit so that the whole playbook opens offline.

Builds the default playbook twice (the offline copy without PDFs, the default, and with
them: ``offline_pdfs: true``), serves each at its site_url, opens the home page in Chromium
and times the first visit from navigation to the offline copy stored (the service worker
active and in control), beside the same home page loaded with service workers blocked.
Prints the bytes the copy holds and the bytes the server sent.

    python benchmarks/offline_app.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from time import perf_counter
from typing import Any, ClassVar

from common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    QuietHandler,
    build_in_process,
    default_playbook,
    free_port,
    median,
    read_config,
    serve,
    table,
    write_config,
)
from playwright.sync_api import sync_playwright

from playbook_plugin.site_app.precache import precache_list


def build(root: Path, *, pdfs: bool, port: int) -> Path:
    config_file = default_playbook(root, plugin=True)
    config = read_config(config_file)
    config["site_url"] = f"http://127.0.0.1:{port}/"
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "playbook" in entry:
            entry["playbook"].update({"pdf": pdfs, "offline_pdfs": pdfs})
    build_in_process(write_config(root, config))
    return root / "site"


class CountingHandler(QuietHandler):
    """Counts the bytes of every file the server sends (the page's and the worker's)."""

    sent: ClassVar[list[int]] = [0]

    def copyfile(self, source: Any, outputfile: Any) -> None:
        start = source.tell()
        super().copyfile(source, outputfile)
        CountingHandler.sent[0] += source.tell() - start


def first_visit(browser: Any, base: str, *, workers: bool) -> tuple[float, int]:
    """Seconds from navigation until the copy is stored (or the page loaded, without
    workers), and the bytes the server sent."""
    context = browser.new_context(service_workers="allow" if workers else "block")
    page = context.new_page()
    CountingHandler.sent[0] = 0
    start = perf_counter()
    page.goto(base, wait_until="load")
    if workers:
        page.wait_for_function(
            "navigator.serviceWorker.controller !== null", polling=20, timeout=120_000
        )
    else:
        page.wait_for_load_state("networkidle")
    seconds = perf_counter() - start
    page.wait_for_load_state("networkidle")
    context.close()
    return seconds, CountingHandler.sent[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    rows = []
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for pdfs in (False, True):
            port = free_port()
            site_dir = build(Path(scratch) / f"pdfs-{pdfs}", pdfs=pdfs, port=port)
            files = precache_list(site_dir, pdfs=pdfs)
            held = sum(file.size for file in files)
            with serve(site_dir, port, CountingHandler) as base:
                plain = [first_visit(browser, base, workers=False) for _ in range(runs)]
                keeping = [first_visit(browser, base, workers=True) for _ in range(runs)]
            plain_time = median([seconds for seconds, _ in plain])
            keep_time = median([seconds for seconds, _ in keeping])
            rows.append(
                [
                    "with PDFs (offline_pdfs: true)" if pdfs else "without PDFs (default)",
                    f"{len(files)}",
                    f"{held / 1e6:.2f} MB",
                    f"{median([float(b) for _, b in keeping]) / 1e6:.2f} MB",
                    f"{keep_time:.2f} s",
                    f"{median([float(b) for _, b in plain]) / 1e6:.2f} MB",
                    f"{plain_time:.2f} s",
                ]
            )
        browser.close()
    print(f"first visit to the home page, medians of {runs} runs, load {os.getloadavg()[0]:.1f}")
    print(
        table(
            [
                "offline copy",
                "files",
                "bytes kept",
                "sent on first visit",
                "until stored",
                "home page alone: sent",
                "home page alone: loaded",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
