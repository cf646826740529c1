"""What the plugin adds to ``mkdocs build`` of the repository's own playbook.

Not a test: run it by hand::

    .venv/bin/python benchmarks/build_overhead.py [--runs 5]

Three copies of the repository's playbook (``docs/``, ``checklists/``, ``mkdocs.yml``) are
built in turn, run by run, after one warm-up build of each:

- **with plugin**: ``mkdocs.yml`` as it is, the plugin's PDFs off (``pdf: false``);
- **same pages plainly**: the baseline of the target. ``playbook`` removed from ``plugins``
  (every other plugin kept), and the pages the plugin publishes written as plain Markdown
  (``common.write_same_pages_plainly``: each checklist file as a page, an overview, an event
  kit), so plain MkDocs renders the same set of pages. Fences stay code blocks;
- **without plugin**: for reference, the same docs without the plugin's pages (fewer pages).

Each is timed three ways: ``mkdocs build -q`` in a child Python (what a reader of the README
runs: start-up and imports included), its wall time and its CPU time (user + system, read
with ``wait4`` with its peak RSS: steadier than wall time when the machine is shared); and
``load_config`` + ``build`` in this process (the build work alone, imports warm). One more
child build a run goes through ``plugin_clock.py``, which times the plugin's own code: its
imports (beyond what MkDocs imports anyway) and every event and Markdown hook.

It prints the medians side by side, the ratios to the same pages built plainly against the
target (<= 1.10), and where the plugin's own time goes.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    BuildRun,
    build_in_child,
    build_in_process,
    count_pages,
    default_playbook,
    median,
    ratio,
    table,
    verdict,
)

TARGET = 1.10
SIDES = ("with plugin", "same pages plainly", "without plugin")
BASE = SIDES[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each (at least 3)")
    runs = max(3, parser.parse_args().runs)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # the baseline's raw links, quietly

    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        configs = {
            SIDES[0]: default_playbook(root / "with", plugin=True),
            SIDES[1]: default_playbook(root / "same", plugin=False, checklists_as_pages=True),
            SIDES[2]: default_playbook(root / "without", plugin=False),
        }
        child: dict[str, list[BuildRun]] = {side: [] for side in SIDES}
        inside: dict[str, list[float]] = {side: [] for side in SIDES}
        clocked: list[dict[str, float]] = []
        for config in configs.values():  # warm-up: the disk cache, bytecode, imports
            build_in_child(config)
            build_in_process(config)
        pages = {side: count_pages(config.parent / "site") for side, config in configs.items()}
        for _ in range(runs):
            for side, config in configs.items():
                child[side].append(build_in_child(config))
            for side, config in configs.items():
                inside[side].append(build_in_process(config))
            clocked.append(build_in_child(configs[SIDES[0]], clock=True).plugin_seconds)

    def wall(side: str) -> float:
        return median([run.seconds for run in child[side]])

    def cpu(side: str) -> float:
        return median([run.cpu_seconds for run in child[side]])

    rows = []
    for side in SIDES:
        rows.append(
            [
                side,
                str(pages[side]),
                f"{wall(side):.3f}",
                f"{ratio(wall(side), wall(BASE)):.2f}",
                f"{cpu(side):.3f}",
                f"{ratio(cpu(side), cpu(BASE)):.2f}",
                f"{median(inside[side]):.3f}",
                f"{ratio(median(inside[side]), median(inside[BASE])):.2f}",
                f"{max(run.max_rss_kb for run in child[side]) / 1024:.0f}",
            ]
        )
    load = os.getloadavg()
    print(
        f"runs: {runs} of each, taking turns, after one warm-up (PDF off);"
        f" load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the end"
    )
    print(
        table(
            [
                "default playbook",
                "pages",
                "build wall s",
                "ratio",
                "build CPU s",
                "ratio",
                "in-process s",
                "ratio",
                "peak MB",
            ],
            rows,
        )
    )
    parts = sorted(clocked[0], key=lambda part: -median([run[part] for run in clocked]))
    own = median([run["total"] for run in clocked])
    print(
        f"the plugin's own CPU time in a build: {own * 1000:.0f} ms"
        f" ({own / pages[SIDES[0]] * 1000:.1f} ms a page), of which: "
        + ", ".join(
            f"{part} {median([run[part] for run in clocked]) * 1000:.0f}"
            for part in parts
            if part != "total" and median([run[part] for run in clocked]) >= 0.0005
        )
    )
    print(f"target: with plugin / same pages plainly <= {TARGET:.2f}")
    for label, value in (
        ("mkdocs build, wall", ratio(wall(SIDES[0]), wall(BASE))),
        ("mkdocs build, CPU", ratio(cpu(SIDES[0]), cpu(BASE))),
        ("build work in process", ratio(median(inside[SIDES[0]]), median(inside[BASE]))),
    ):
        print(f"  {label + ':':24} {value:.2f}  {verdict(value <= TARGET)}")


if __name__ == "__main__":
    main()
