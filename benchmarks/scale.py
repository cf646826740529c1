"""How the build grows with the playbook: 50, 200 and 500 pages, with and without the plugin.

Not a test: run it by hand (a few minutes)::

    .venv/bin/python benchmarks/scale.py [--runs 5] [--sizes 50,200,500]

A synthetic playbook is written to a temporary folder for each size. At 500 pages it has:

- 500 pages in ``docs/``, in nav sections of 10: headings, paragraphs, a list, an
  admonition, links to the neighbouring pages, and on every other page a task list of 4 items
  with ids;
- 100 checklist files in ``checklists/``, 50 items each (40 items, 10 of them with a nested
  item and some with a detail line): 5,000 checklist items; each is embedded in one page with
  a ``checklist`` fence;
- 300 ``message`` fences (3 pages in 5 have one): the repository's own 16 templates, each
  copy with its own id, so their example texts pass the advice checks.

Smaller sizes scale all three together: N pages, N/5 checklists (N*10 items), 3N/5 templates.
Every size is first built with ``--strict`` on both sides (which is also the warm-up), so the
playbook is valid. Then, taking turns, run by run, each size is built with ``mkdocs build -q``
in a child Python, timed by wall clock, its peak RSS read with ``wait4``:

- **playbook**: the plugin on, PDFs off;
- **no plugin**: the same ``docs/`` with ``playbook`` removed from ``plugins`` (so fences stay
  code blocks, ``checklists/`` is not rendered) and the plugin's nav entries dropped.

It prints, per size, the median build time, seconds per source page, the overhead ratio
(target <= 1.10) and the peak RSS; then, for linearity, the time each extra page costs
between sizes (which leaves out the fixed start-up), and whether that marginal cost stays
within 1.5x of the smallest step's.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import tempfile
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
)

TARGET = 1.10
LINEAR = 1.5
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


def checklist_file(number: int, rng: random.Random) -> str:
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
    item = 0
    for top in range(ITEMS_PER_CHECKLIST * 4 // 5):
        item += 1
        lines.append(f"- [ ] {sentence(rng)[:-1]} {{#item-{item}}}")
        if top % 3 == 0:
            lines.append(f"    {sentence(rng)}")
        if top % 4 == 0:
            item += 1
            lines.append(f"    - [ ] {sentence(rng)[:-1]} {{#item-{item}}}")
    assert item == ITEMS_PER_CHECKLIST
    return "\n".join(lines) + "\n"


def page_file(number: int, pages: int, fences: list[str], rng: random.Random) -> str:
    parts = [f"# Page {number}", "", paragraph(rng), ""]
    for section in range(1, 4):
        parts += [f"## Part {section} of page {number}", "", paragraph(rng), "", paragraph(rng), ""]
        if section == 1:
            parts += [f"- {sentence(rng)}" for _ in range(4)] + [""]
        if section == 2:
            parts += ["!!! tip", "", f"    {sentence(rng)}", ""]
    if number % 2 == 0:
        parts += [f"- [ ] {sentence(rng)[:-1]} {{#task-{n}}}" for n in range(1, 5)] + [""]
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


def write_playbook(root: Path, pages: int, plugin: bool) -> Path:
    """The synthetic playbook of ``pages`` pages in ``root``; returns its mkdocs.yml."""
    rng = random.Random(pages)  # the same text on both sides
    fences = message_fences()
    checklists = pages // 5
    (root / "checklists").mkdir(parents=True)
    for number in range(checklists):
        text = checklist_file(number, rng)
        (root / "checklists" / f"checklist-{number}.md").write_text(text, encoding="utf-8")
    nav: list[object] = []
    for number in range(pages):
        path = root / "docs" / page_path(number)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_file(number, pages, fences, rng), encoding="utf-8")
        if number % PAGES_PER_SECTION == 0:
            nav.append({f"Section {number // PAGES_PER_SECTION}": []})
        section = nav[-1]
        assert isinstance(section, dict)
        next(iter(section.values())).append(page_path(number))
    nav.append(
        {
            "Checklists": [
                "checklists/index.md",
                *(f"checklists/checklist-{n}.md" for n in range(checklists)),
                "checklists/event-kit.md",
            ]
        }
    )
    config = read_config(REPO / "mkdocs.yml")
    config = set_plugin(config, {"pdf": False} if plugin else None)
    config["site_name"] = f"Scale {pages}"
    config["extra_css"] = []
    config["nav"] = nav if plugin else prune_nav(nav, root / "docs")
    return write_config(root, config)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each (at least 5)")
    parser.add_argument("--sizes", default="50,200,500", help="page counts, comma-separated")
    arguments = parser.parse_args()
    runs = max(5, arguments.runs)
    sizes = sorted(int(size) for size in arguments.sizes.split(","))
    sides = ("playbook", "no plugin")

    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        configs = {
            (size, side): write_playbook(
                root / f"{side}-{size}".replace(" ", "-"), size, side == sides[0]
            )
            for size in sizes
            for side in sides
        }
        for config in configs.values():  # warm-up, and proof that each playbook is valid
            build_in_child(config, strict=True)
        results: dict[tuple[int, str], list[BuildRun]] = {key: [] for key in configs}
        for _ in range(runs):
            for key, config in configs.items():
                results[key].append(build_in_child(config))

    rows = []
    overheads: dict[int, float] = {}
    for size in sizes:
        ours = median([run.seconds for run in results[(size, sides[0])]])
        theirs = median([run.seconds for run in results[(size, sides[1])]])
        overheads[size] = ratio(ours, theirs)
        rows.append(
            [
                f"{size} pages, {size // 5} checklists, {size * 10:,} items,"
                f" {size * 3 // 5} templates",
                f"{ours:.2f}",
                f"{theirs:.2f}",
                f"{ours / size * 1000:.1f}",
                f"{theirs / size * 1000:.1f}",
                f"{overheads[size]:.2f}",
                f"{max(run.max_rss_kb for run in results[(size, sides[0])]) / 1024:.0f}",
                f"{max(run.max_rss_kb for run in results[(size, sides[1])]) / 1024:.0f}",
            ]
        )
    print(f"runs: {runs} builds of each size and side, taking turns, after one --strict build")
    print(
        table(
            [
                "median, mkdocs build -q",
                "playbook s",
                "no plugin s",
                "ms/page",
                "no plugin",
                "ratio",
                "peak MB",
                "no plugin",
            ],
            rows,
        )
    )
    steps = []
    for side in sides:
        marginal = []
        for small, large in itertools.pairwise(sizes):
            grow = median([run.seconds for run in results[(large, side)]]) - median(
                [run.seconds for run in results[(small, side)]]
            )
            marginal.append(grow / (large - small) * 1000)
        steps.append((side, marginal))
    if len(sizes) > 1:
        spans = [f"{small}->{large}" for small, large in itertools.pairwise(sizes)]
        print("marginal cost of one more page, ms (between sizes, start-up left out):")
        print(table(["side", *spans], [[side, *(f"{ms:.1f}" for ms in m)] for side, m in steps]))
        ours_steps = steps[0][1]
        linear = max(ours_steps) <= LINEAR * ours_steps[0]
        print(
            f"linear growth (each step within {LINEAR}x of the first), playbook: {verdict(linear)}"
        )
    worst = max(overheads.values())
    print(
        f"target: overhead ratio <= {TARGET:.2f} at every size: worst {worst:.2f}"
        f"  {verdict(worst <= TARGET)}"
    )


if __name__ == "__main__":
    main()
