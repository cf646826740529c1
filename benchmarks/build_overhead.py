"""What the plugin adds to ``mkdocs build`` of the repository's own playbook.

Not a test: run it by hand::

    .venv/bin/python benchmarks/build_overhead.py [--runs 7]

Three copies of the repository's playbook (``docs/``, ``checklists/``, ``mkdocs.yml``) are
built in turn, run by run, after one warm-up build of each:

- **with plugin**: ``mkdocs.yml`` as it is, the plugin's PDFs off (``pdf: false``);
- **without plugin**: the same docs with ``playbook`` removed from ``plugins`` (every other
  plugin kept) and the nav entries only the plugin writes dropped. Fences stay raw code
  blocks and ``checklists/`` is not rendered. This is the baseline of the target;
- **without, same pages**: as above, with ``checklists/*.md`` also copied into
  ``docs/checklists/`` so plain MkDocs renders the same Markdown files as pages. It shows how
  much of the overhead is simply the extra pages the plugin publishes.

Each is timed two ways: ``mkdocs build -q`` in a child Python (what a reader of the README
runs: start-up and imports included; its peak RSS is read with ``wait4``), and
``load_config`` + ``build`` in this process (the build work alone, imports warm).

It prints the median of each, the ratio with / without, and the target: ratio <= 1.10.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
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
SIDES = ("with plugin", "without plugin", "without, same pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each (at least 5)")
    runs = max(5, parser.parse_args().runs)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # the baseline's raw links, quietly

    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        configs = {
            SIDES[0]: default_playbook(root / "with", plugin=True),
            SIDES[1]: default_playbook(root / "without", plugin=False),
            SIDES[2]: default_playbook(root / "same", plugin=False, checklists_as_pages=True),
        }
        child: dict[str, list[float]] = {side: [] for side in SIDES}
        rss: dict[str, list[int]] = {side: [] for side in SIDES}
        inside: dict[str, list[float]] = {side: [] for side in SIDES}
        for config in configs.values():  # warm-up: the disk cache, this process' imports
            build_in_child(config)
            build_in_process(config)
        pages = {side: count_pages(config.parent / "site") for side, config in configs.items()}
        for _ in range(runs):
            for side, config in configs.items():
                run = build_in_child(config)
                child[side].append(run.seconds)
                rss[side].append(run.max_rss_kb)
            for side, config in configs.items():
                inside[side].append(build_in_process(config))

    base = SIDES[1]
    rows = []
    for side in SIDES:
        rows.append(
            [
                side,
                str(pages[side]),
                f"{median(child[side]):.3f}",
                f"{ratio(median(child[side]), median(child[base])):.2f}",
                f"{median(inside[side]):.3f}",
                f"{ratio(median(inside[side]), median(inside[base])):.2f}",
                f"{max(rss[side]) / 1024:.0f}",
            ]
        )
    print(f"runs: {runs} of each, taking turns, after one warm-up (PDF off)")
    print(
        table(
            [
                "default playbook",
                "pages",
                "mkdocs build s",
                "ratio",
                "in-process s",
                "ratio",
                "peak RSS MB",
            ],
            rows,
        )
    )
    cli = ratio(median(child[SIDES[0]]), median(child[base]))
    work = ratio(median(inside[SIDES[0]]), median(inside[base]))
    same = ratio(median(child[SIDES[0]]), median(child[SIDES[2]]))
    print(f"target: with / without <= {TARGET:.2f}")
    print(f"  mkdocs build (child process): {cli:.2f}  {verdict(cli <= TARGET)}")
    print(f"  build work (in process):      {work:.2f}  {verdict(work <= TARGET)}")
    print(f"  for reference, against the same pages rendered plainly: {same:.2f}")


if __name__ == "__main__":
    main()
