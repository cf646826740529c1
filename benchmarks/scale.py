"""How the build grows with the playbook: 50, 200 and 500 pages, with and without the plugin.

Not a test: run it by hand (a few minutes)::

    .venv/bin/python benchmarks/scale.py [--runs 3] [--sizes 50,200,500]

A synthetic playbook is written to a temporary folder for each size. At 500 pages it has:

- 500 pages in ``docs/``, in nav sections of 10: headings, paragraphs, a list, an
  admonition, links to the neighbouring pages, on every other page a task list of 4 items
  with ids, and on one page in five a long task list of published items (below);
- 100 checklist files in ``checklists/``, 50 items each (one in ten: 200), 10 of them with a
  nested item and some with a detail line; each is embedded in one page with a
  ``checklist`` fence;
- 300 ``message`` fences (3 pages in 5 have one): the repository's own 16 templates, each
  copy with its own id, so their example texts pass the advice checks.

The task items' text is real: the items of ``tests/fixtures/real-checklists`` (the
coding-interview-university README in English, Chinese and Spanish, links included), taken
in turn, so the same text comes back across checklists, sections and languages, as in
content people publish. Smaller sizes scale it all together: N pages, N/5 checklists,
3N/5 templates.

Three sides, built with ``mkdocs build -q`` in a child Python, taking turns, run by run,
after one ``--strict`` build of each (the warm-up, and proof that each playbook is valid):

- **playbook**: the plugin on, PDFs off;
- **same pages plainly**: the baseline of the target. ``playbook`` removed from ``plugins``
  and the pages the plugin publishes written as plain Markdown
  (``common.write_same_pages_plainly``); fences stay code blocks;
- **no plugin**: for reference, the docs alone.

It prints, per size, the median wall and CPU time of each side, the ratio to the same pages
built plainly (target <= 1.10), the plugin's own time per page (one build per run through
``plugin_clock.py``; flat from 50 to 500 pages is the target) and the peak RSS; then the time
each extra page costs between sizes (the fixed start-up left out).
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    REPO,
    BuildRun,
    build_in_child,
    median,
    message_fences,
    prune_nav,
    ratio,
    read_config,
    set_plugin,
    table,
    verdict,
    write_config,
    write_same_pages_plainly,
)

TARGET = 1.10
LINEAR = 1.5
PLAYBOOK, SAME_PAGES, NO_PLUGIN = SIDES = ("playbook", "same pages plainly", "no plugin")
REAL_CHECKLISTS = REPO / "tests/fixtures/real-checklists/coding-interview-university"
PAGES_PER_SECTION = 10
ITEMS_PER_CHECKLIST = 50
PHASES = ("before", "during", "after", "anytime")
WORDS = [
    "people",
    "event",
    "coffee",
    "question",
    "follow-up",
    "introduction",
    "career",
    "advice",
    "meeting",
    "contact",
    "conference",
    "message",
    "project",
    "skills",
    "team",
    "manager",
    "mentor",
    "colleague",
    "industry",
    "interview",
    "network",
    "community",
    "volunteer",
    "speaker",
    "panel",
    "workshop",
    "notes",
    "promise",
    "thanks",
    "reply",
    "week",
    "month",
    "goal",
    "topic",
    "story",
    "role",
    "company",
    "field",
    "research",
    "profile",
    "update",
    "referral",
    "help",
]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def real_items() -> list[str]:
    """The task items of the published checklists in tests/fixtures, in order, three languages."""
    items = []
    for path in sorted(REAL_CHECKLISTS.glob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"\s*[-*] \[ \] (.+)$", line)
            if match and "{#" not in match.group(1):
                items.append(match.group(1).strip())
    return items


def checklist_file(number: int, rng: random.Random, items: Iterator[str]) -> str:
    lines = [
        "---",
        f"title: Checklist {number}",
        f"phase: {PHASES[number % len(PHASES)]}",
        f"summary: {sentence(rng)}",
        "---",
        "",
        paragraph(rng),
        "",
    ]
    total = ITEMS_PER_CHECKLIST * (4 if number % 10 == 9 else 1)
    item = 0
    top = 0
    while item < total:
        item += 1
        lines.append(f"- [ ] {next(items)} {{#item-{item}}}")
        if top % 3 == 0:
            lines.append(f"    {sentence(rng)}")
        if top % 4 == 0 and item < total:
            item += 1
            lines.append(f"    - [ ] {next(items)} {{#item-{item}}}")
        top += 1
    return "\n".join(lines) + "\n"


def page_file(
    number: int, pages: int, fences: list[str], rng: random.Random, items: Iterator[str]
) -> str:
    parts = [f"# Page {number}", "", paragraph(rng), ""]
    for section in range(1, 4):
        parts += [f"## Part {section} of page {number}", "", paragraph(rng), "", paragraph(rng), ""]
        if section == 1:
            parts += [f"- {sentence(rng)}" for _ in range(4)] + [""]
        if section == 2:
            parts += ["!!! tip", "", f"    {sentence(rng)}", ""]
    if number % 2 == 0:
        parts += [f"- [ ] {sentence(rng)[:-1]} {{#task-{n}}}" for n in range(1, 5)] + [""]
    if number % 5 == 4:  # one page in five: a long list of published items, without ids
        parts += ["## Study plan", ""] + [f"- [ ] {next(items)}" for _ in range(40)] + [""]
    if number % 5 < 3:  # 3 pages in 5: a message template
        template = (number // 5) * 3 + number % 5
        source = fences[template % len(fences)]
        source = re.sub(
            r"^id: (.+)$", rf"id: \g<1>-{template}", source, count=1, flags=re.MULTILINE
        )
        parts += ["A note to send:", "", "```message", source, "```", ""]
    elif number % 5 == 3:  # one page in 5: a checklist
        parts += [
            "Go through this list:",
            "",
            "```checklist",
            f"checklist-{number // 5}",
            "```",
            "",
        ]
    links = [f"[page {n}]({page_path(n, relative_to=number)})" for n in (number - 1, number + 1)]
    links = [
        link for link, n in zip(links, (number - 1, number + 1), strict=True) if 0 <= n < pages
    ]
    parts += ["See also " + " and ".join(links) + ".", ""]
    return "\n".join(parts)


def page_path(number: int, relative_to: int | None = None) -> str:
    section = number // PAGES_PER_SECTION
    path = f"section-{section:03d}/page-{number:03d}.md"
    if relative_to is not None and relative_to // PAGES_PER_SECTION == section:
        return f"page-{number:03d}.md"
    return path if relative_to is None else f"../{path}"


def write_playbook(root: Path, pages: int, side: str) -> Path:
    """The synthetic playbook of ``pages`` pages in ``root``, for ``side``; its mkdocs.yml."""
    rng = random.Random(pages)  # the same text on every side
    items = itertools.cycle(real_items())
    fences = message_fences()
    checklists = pages // 5
    (root / "checklists").mkdir(parents=True)
    for number in range(checklists):
        text = checklist_file(number, rng, items)
        (root / "checklists" / f"checklist-{number}.md").write_text(text, encoding="utf-8")
    nav: list[object] = []
    for number in range(pages):
        path = root / "docs" / page_path(number)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_file(number, pages, fences, rng, items), encoding="utf-8")
        if number % PAGES_PER_SECTION == 0:
            nav.append({f"Section {number // PAGES_PER_SECTION}": []})
        section = nav[-1]
        assert isinstance(section, dict)
        next(iter(section.values())).append(page_path(number))
    if side == SAME_PAGES:
        plain_pages = write_same_pages_plainly(root)
    else:
        plain_pages = [
            "checklists/index.md",
            *(f"checklists/checklist-{n}.md" for n in range(checklists)),
            "checklists/event-kit.md",
        ]
    nav.append({"Checklists": plain_pages})
    config = read_config(REPO / "mkdocs.yml")
    config = set_plugin(config, {"pdf": False} if side == PLAYBOOK else None)
    config["site_name"] = f"Scale {pages}"
    config["extra_css"] = []
    config["nav"] = prune_nav(nav, root / "docs") if side == NO_PLUGIN else nav
    return write_config(root, config)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each (at least 3)")
    parser.add_argument("--sizes", default="50,200,500", help="page counts, comma-separated")
    arguments = parser.parse_args()
    runs = max(3, arguments.runs)
    sizes = sorted(int(size) for size in arguments.sizes.split(","))

    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        configs = {
            (size, side): write_playbook(root / f"{side}-{size}".replace(" ", "-"), size, side)
            for size in sizes
            for side in SIDES
        }
        for config in configs.values():  # warm-up, and proof that each playbook is valid
            build_in_child(config, strict=True)
        results: dict[tuple[int, str], list[BuildRun]] = {key: [] for key in configs}
        clocked: dict[int, list[float]] = {size: [] for size in sizes}
        for _ in range(runs):
            for key, config in configs.items():
                results[key].append(build_in_child(config))
            for size in sizes:
                run = build_in_child(configs[(size, PLAYBOOK)], clock=True)
                clocked[size].append(run.plugin_seconds["total"])

    def wall(size: int, side: str) -> float:
        return median([run.seconds for run in results[(size, side)]])

    def cpu(size: int, side: str) -> float:
        return median([run.cpu_seconds for run in results[(size, side)]])

    def peak(size: int, side: str) -> str:
        return f"{max(run.max_rss_kb for run in results[(size, side)]) / 1024:.0f}"

    rows = []
    overheads: dict[int, tuple[float, float]] = {}
    for size in sizes:
        overheads[size] = (
            ratio(wall(size, PLAYBOOK), wall(size, SAME_PAGES)),
            ratio(cpu(size, PLAYBOOK), cpu(size, SAME_PAGES)),
        )
        rows.append(
            [
                f"{size} pages, {size // 5} checklists, {size * 3 // 5} templates",
                *(f"{wall(size, side):.2f}" for side in SIDES),
                f"{overheads[size][0]:.2f}",
                *(f"{cpu(size, side):.2f}" for side in SIDES),
                f"{overheads[size][1]:.2f}",
                f"{median(clocked[size]) / size * 1000:.1f}",
                peak(size, PLAYBOOK),
                peak(size, SAME_PAGES),
            ]
        )
    load = os.getloadavg()
    print(
        f"runs: {runs} builds of each size and side, taking turns, after one --strict build;"
        f" load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the end"
    )
    print("wall and CPU seconds, medians of mkdocs build -q; ratio: playbook / same pages plainly")
    print(
        table(
            [
                "size",
                "wall: playbook",
                "same pages",
                "no plugin",
                "ratio",
                "CPU: playbook",
                "same pages",
                "no plugin",
                "ratio",
                "plugin ms/page",
                "peak MB",
                "same pages",
            ],
            rows,
        )
    )
    if len(sizes) > 1:
        spans = [f"{small}->{large}" for small, large in itertools.pairwise(sizes)]
        steps = [
            [
                side,
                *(
                    f"{(cpu(large, side) - cpu(small, side)) / (large - small) * 1000:.1f}"
                    for small, large in itertools.pairwise(sizes)
                ),
            ]
            for side in SIDES
        ]
        print("CPU ms of one more page, between sizes (start-up left out):")
        print(table(["side", *spans], steps))
        per_page = [median(clocked[size]) / size for size in sizes]
        flat = max(per_page) <= LINEAR * min(per_page)
        print(
            f"the plugin's own time per page, {sizes[0]} to {sizes[-1]} pages: "
            + " / ".join(f"{value * 1000:.1f}" for value in per_page)
            + f" ms; flat (within {LINEAR}x): {verdict(flat)}"
        )
    worst_wall = max(wall_ratio for wall_ratio, _ in overheads.values())
    worst_cpu = max(cpu_ratio for _, cpu_ratio in overheads.values())
    print(f"target: playbook / same pages plainly <= {TARGET:.2f} at every size")
    print(f"  wall: worst {worst_wall:.2f}  {verdict(worst_wall <= TARGET)}")
    print(f"  CPU:  worst {worst_cpu:.2f}  {verdict(worst_cpu <= TARGET)}")


if __name__ == "__main__":
    main()
