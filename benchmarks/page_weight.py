"""What a browser receives from the plugin: its scripts and stylesheets per page, and its HTML.

Not a test: run it by hand::

    .venv/bin/python benchmarks/page_weight.py

1. **Assets per page.** The repository's playbook is built (``mkdocs build``, PDFs off) and
   the files are read from the built site, as a browser receives them (the build minifies
   them). For each kind of page it lists what the page loads from the plugin as it opens:
   the scripts and stylesheets its HTML links, and each feature script ``core.js`` adds
   because the page has that feature's widgets (``contract.FEATURES``: a feature's selector
   found in the page). That total is held to the page's budget: 12 KB on a checklist page,
   16 KB on a page with a message generator, and on the People page. Beside it, what the
   browser has fetched once the reader has used every feature of the page: the scripts the
   features load the first time they are used (``uses`` and ``later`` in
   ``contract.FEATURES``: the data panel, calendar files, the people model when a note is
   marked sent, sending the log to a phone and its QR encoder). Each file is gzipped
   on its own at level 9, as a static host serves it. Material's own bundle is printed
   beside it.
2. **Checklist HTML.** A page of 443 task items (``tests/fixtures/real-checklists``: the
   coding-interview-university README, as published) is built with the plugin and without
   it; the article's HTML is compared, raw and gzipped, and the bytes each item costs beyond
   the plain task item: <= 120 bytes, and the gzipped page <= 1.10x the plain one. Beside
   them: what the item ids weigh an item, and the gzipped ratio with their values left out.
"""

from __future__ import annotations

import gzip
import logging
import posixpath
import re
import shutil
import sys
import tempfile
from pathlib import Path

import material

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import (
    REPO,
    build_in_process,
    default_playbook,
    read_config,
    table,
    verdict,
    write_config,
)

from playbook_plugin.contract import FEATURES, features_loaded_later, widget_pattern
from playbook_plugin.plugin import ASSETS, QR_ENCODER, SCRIPTS, SITE_ASSETS, STYLESHEETS
from playbook_plugin.sources.checklists import parse_checklist
from playbook_plugin.sources.errors import SourceErrors

MATERIAL_ASSETS = Path(material.__file__).parent / "templates" / "assets"
PAGES = {
    "checklist page": ("checklists/before-the-event/", 12 * 1024),
    "generator page": ("after-you-meet/", 16 * 1024),
    "people page": ("people/", 16 * 1024),
}
REAL_CHECKLIST = REPO / "tests/fixtures/real-checklists/coding-interview-university/README.md"
ITEM_BUDGET = 120
PAGE_RATIO = 1.10
# Scripts and stylesheets only: an icon the page names (the home-screen icon) is fetched when
# the reader installs the site, not to show the page.
_LINKED = re.compile(
    r'<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]*assets/playbook/[^"]+)"'
)
_ITEM_IDS = re.compile(rb'(data-playbook-(?:item|was))="([^"]*)"')


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def feature_files(name: str) -> list[str]:
    """A feature's script and stylesheet, as paths under the plugin's assets folder."""
    feature = FEATURES[name]
    files = [f"javascripts/{feature['script']}"]
    if "stylesheet" in feature:
        files.append(posixpath.normpath(f"javascripts/{feature['stylesheet']}"))
    if name == "transfer":
        files.append(QR_ENCODER)  # loaded the first time the reader sends the log to a phone
    return files


def loaded_assets(html: str) -> tuple[list[str], list[str]]:
    """The plugin's assets the page loads as it opens, and those its features load later, the
    first time the reader uses them; paths under the plugin's assets folder."""
    names = [link.split(f"{SITE_ASSETS}/", 1)[1] for link in _LINKED.findall(html)]
    article = html.split("<article", 1)[-1]
    present = [
        name
        for name, feature in FEATURES.items()
        if "selector" in feature and widget_pattern(feature["selector"]).search(article)
    ]
    for name in present:
        names += feature_files(name)
    now = list(dict.fromkeys(names))
    reached = [  # loaded the first time the reader reaches one of their widgets
        name
        for name, feature in FEATURES.items()
        if "uses" in feature and widget_pattern(feature["uses"]).search(article)
    ]
    later = [path for name in reached for path in feature_files(name)]
    for name in features_loaded_later(present + reached):
        later += feature_files(name)
    return now, [path for path in dict.fromkeys(later) if path not in now]


def material_bundle() -> list[Path]:
    scripts = MATERIAL_ASSETS / "javascripts"
    styles = MATERIAL_ASSETS / "stylesheets"
    return [
        *sorted(scripts.glob("bundle.*.min.js")),
        *sorted(styles.glob("main.*.min.css")),
        *sorted(styles.glob("palette.*.min.css")),
    ]


def assets_per_page(site_dir: Path) -> bool:
    rows = []
    for name in (*SCRIPTS, *STYLESHEETS, QR_ENCODER):
        source = (ASSETS / name).read_bytes()
        shipped = (site_dir / SITE_ASSETS / name).read_bytes()
        rows.append(
            [
                name,
                f"{len(source):,}",
                f"{len(shipped):,}",
                f"{gzipped(source):,}",
                f"{gzipped(shipped):,}",
            ]
        )
    for path in material_bundle():
        data = path.read_bytes()
        rows.append([f"material/{path.name}", "", f"{len(data):,}", "", f"{gzipped(data):,}"])
    print("the plugin's assets: as written and as a built site ships them (minified)")
    print(table(["asset", "source B", "shipped B", "source gz", "shipped gz"], rows))

    passed = True
    rows = []
    for label, (url, budget) in PAGES.items():
        page = site_dir / url / "index.html"
        if not page.exists():
            rows.append([label, url, "(no such page in this playbook)", "", "", ""])
            continue
        names, later = loaded_assets(page.read_text(encoding="utf-8"))
        total = sum(gzipped((site_dir / SITE_ASSETS / name).read_bytes()) for name in names)
        more = sum(gzipped((site_dir / SITE_ASSETS / name).read_bytes()) for name in later)
        passed = passed and total <= budget
        rows.append(
            [
                label,
                url,
                ", ".join(Path(name).name for name in names),
                f"{total:,}",
                f"{budget:,}",
                verdict(total <= budget),
                ", ".join(Path(name).name for name in later) or "-",
                f"{total + more:,}",
            ]
        )
    print()
    print(
        "what each page loads from the plugin as it opens (the budget), and what the browser"
        " has fetched once the reader has used every feature; each file gzipped -9 on its own"
    )
    headers = ["page", "url", "loads with the page", "gzipped B", "budget B", ""]
    print(table([*headers, "loaded when first used", "all used, gzipped B"], rows))
    return passed


def article(html: str) -> str:
    start = html.index("<article")
    return html[start : html.index("</article>", start)]


def long_checklist() -> str:
    """The real page's task items as one checklist file: each text once, ids from the text
    (an item whose id another item already has is left out)."""
    seen: set[str] = set()
    lines = ["---", "title: A long list", "phase: anytime", "---", ""]
    for line in REAL_CHECKLIST.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*- \[ \] (.+)$", line)
        if match and match.group(1) not in seen:
            seen.add(match.group(1))
            lines.append(f"- [ ] {match.group(1)}")
    while True:  # texts that make the same id: the later ones are left out
        try:
            parse_checklist("\n".join(lines) + "\n", checklist_id="long-list", path="long")
        except SourceErrors as problems:
            repeated = {error.line for error in problems.errors}
            lines = [line for number, line in enumerate(lines, 1) if number not in repeated]
        else:
            return "\n".join(lines) + "\n"


def built_article(root: Path, plugin: bool, file: str, text: str, url: str) -> bytes:
    config_file = default_playbook(root, plugin=plugin)
    (config_file.parent / file).write_text(text, encoding="utf-8")
    if file.startswith("docs/"):
        config = read_config(config_file)
        config["nav"] = [*config.get("nav", []), {"A long list": file.removeprefix("docs/")}]
        write_config(config_file.parent, config)
    build_in_process(config_file)
    html = (config_file.parent / "site" / url / "index.html").read_text("utf-8")
    shutil.rmtree(config_file.parent)
    return article(html).encode("utf-8")


def checklist_html(root: Path) -> bool:
    """Item by item, what the plugin's HTML weighs beyond the same Markdown built plainly."""
    page = REAL_CHECKLIST.read_text(encoding="utf-8")
    checklist = long_checklist()
    cases = {
        "task lists in a page": (
            built_article(root / "a", True, "docs/long-list.md", page, "long-list"),
            built_article(root / "b", False, "docs/long-list.md", page, "long-list"),
        ),
        "a checklist file, its page": (
            built_article(
                root / "c", True, "checklists/long-list.md", checklist, "checklists/long-list"
            ),
            built_article(root / "d", False, "docs/long-list.md", checklist, "long-list"),
        ),
    }
    rows = []
    passed = True
    for label, (ours, plain) in cases.items():
        items = ours.count(b"data-playbook-item=")
        per_item = (len(ours) - len(plain)) / items
        gz_ratio = gzipped(ours) / gzipped(plain)
        ids = _ITEM_IDS.findall(ours)
        without_ids = _ITEM_IDS.sub(rb'\1=""', ours)
        passed = passed and per_item <= ITEM_BUDGET and gz_ratio <= PAGE_RATIO
        rows.append(
            [
                label,
                str(items),
                f"{len(ours):,}",
                f"{len(plain):,}",
                f"{gzipped(ours):,}",
                f"{gzipped(plain):,}",
                f"{per_item:.0f} {verdict(per_item <= ITEM_BUDGET)}",
                f"{len(ours) / len(plain):.2f}",
                f"{gz_ratio:.2f} {verdict(gz_ratio <= PAGE_RATIO)}",
                f"{sum(len(value) for _, value in ids) / items:.0f}",
                f"{gzipped(without_ids) / gzipped(plain):.2f}",
            ]
        )
    print()
    print(
        f"the items of {REAL_CHECKLIST.relative_to(REPO)}, the article's HTML with the plugin"
        f" and built plainly; targets: <= {ITEM_BUDGET} B an item, gzipped <= {PAGE_RATIO:.2f}x."
        " The item ids (data-playbook-item and, for ticks saved by an earlier release,"
        " data-playbook-was) are the storage keys: what they weigh, and the gzipped ratio"
        " with their values left out, say what the rest of the markup costs"
    )
    print(
        table(
            [
                "page",
                "items",
                "raw B",
                "plain",
                "gzip B",
                "plain",
                "B/item",
                "raw x",
                "gzip x",
                "ids B/item",
                "gzip x, ids left out",
            ],
            rows,
        )
    )
    return passed


def main() -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        config_file = default_playbook(root / "site", plugin=True)
        build_in_process(config_file)
        assets_ok = assets_per_page(config_file.parent / "site")
        html_ok = checklist_html(root / "items")
    sys.exit(0 if assets_ok and html_ok else 1)


if __name__ == "__main__":
    main()
