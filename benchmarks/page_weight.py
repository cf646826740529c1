"""What a browser receives from the plugin: its scripts and stylesheets per page, and its HTML.

Not a test: run it by hand::

    .venv/bin/python benchmarks/page_weight.py

1. **Assets per page.** The repository's playbook is built (``mkdocs build``, PDFs off) and
   the files are read from the built site, as a browser receives them (the build minifies
   them). For each kind of page it lists what the page loads from the plugin: the scripts
   and stylesheets its HTML links, and each feature script ``core.js`` adds because the page
   has that feature's widgets (``contract.FEATURES``: a feature's selector found in the
   page). Each file is gzipped on its own at level 9, as a static host serves it, and the
   total is held to the page's budget: 12 KB on a checklist page, 16 KB on a page with a
   message generator (and the people log, where the site has one). Material's own bundle is
   printed beside it.
2. **Checklist HTML.** A page of 443 task items (``tests/fixtures/real-checklists``: the
   coding-interview-university README, as published) is built with the plugin and without
   it; the article's HTML is compared, raw and gzipped, and the bytes each item costs beyond
   the plain task item: <= 120 bytes, and the gzipped page <= 1.10x the plain one.
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

from playbook_plugin.contract import FEATURES
from playbook_plugin.plugin import ASSETS, SCRIPTS, SITE_ASSETS, STYLESHEETS

MATERIAL_ASSETS = Path(material.__file__).parent / "templates" / "assets"
PAGES = {
    "checklist page": ("checklists/before-the-event/", 12 * 1024),
    "generator page": ("after-you-meet/", 16 * 1024),
    "people page": ("people/", 16 * 1024),
}
REAL_CHECKLIST = REPO / "tests/fixtures/real-checklists/coding-interview-university/README.md"
ITEM_BUDGET = 120
PAGE_RATIO = 1.10
_LINKED = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]*assets/playbook/[^"]+)"')
_SELECTOR_PART = re.compile(r"\[([\w-]+)(?:=([\w-]+))?\]")


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def has_feature(html: str, selector: str) -> bool:
    """Whether the page has an element the selector (attribute selectors only) matches."""
    for name, value in _SELECTOR_PART.findall(selector):
        if (f'{name}="{value}"' if value else f"{name}=") in html or f"{name}>" in html:
            return True
    return False


def loaded_assets(html: str) -> list[str]:
    """The plugin's assets the page loads, as paths under the plugin's assets folder."""
    names = [link.split(f"{SITE_ASSETS}/", 1)[1] for link in _LINKED.findall(html)]
    article = html.split("<article", 1)[-1]
    for feature in FEATURES.values():
        if has_feature(article, feature["selector"]):
            names.append(f"javascripts/{feature['script']}")
            if "stylesheet" in feature:
                names.append(posixpath.normpath(f"javascripts/{feature['stylesheet']}"))
    return list(dict.fromkeys(names))


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
    for name in (*SCRIPTS, *STYLESHEETS):
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
        names = loaded_assets(page.read_text(encoding="utf-8"))
        total = sum(gzipped((site_dir / SITE_ASSETS / name).read_bytes()) for name in names)
        passed = passed and total <= budget
        rows.append(
            [
                label,
                url,
                ", ".join(Path(name).name for name in names),
                f"{total:,}",
                f"{budget:,}",
                verdict(total <= budget),
            ]
        )
    print()
    print("what each page loads from the plugin, each file gzipped -9 on its own")
    print(table(["page", "url", "files", "gzipped B", "budget B", ""], rows))
    return passed


def article(html: str) -> str:
    start = html.index("<article")
    return html[start : html.index("</article>", start)]


def checklist_html(root: Path) -> bool:
    text = REAL_CHECKLIST.read_text(encoding="utf-8")
    sizes: dict[str, tuple[int, int]] = {}
    items = 0
    for side in ("plugin", "plain"):
        config_file = default_playbook(root / side, plugin=side == "plugin")
        (config_file.parent / "docs" / "long-list.md").write_text(text, encoding="utf-8")
        config = read_config(config_file)
        config["nav"] = [*config.get("nav", []), {"A long list": "long-list.md"}]
        write_config(config_file.parent, config)
        build_in_process(config_file)
        html = (config_file.parent / "site" / "long-list" / "index.html").read_text("utf-8")
        body = article(html).encode("utf-8")
        sizes[side] = (len(body), gzipped(body))
        if side == "plugin":
            items = body.count(b"data-playbook-item=")
        shutil.rmtree(config_file.parent)
    per_item = (sizes["plugin"][0] - sizes["plain"][0]) / items
    raw_ratio = sizes["plugin"][0] / sizes["plain"][0]
    gz_ratio = sizes["plugin"][1] / sizes["plain"][1]
    print()
    print(f"a page of {items} task items ({REAL_CHECKLIST.relative_to(REPO)}), its article HTML")
    print(
        table(
            ["side", "raw B", "gzipped B"],
            [[side, f"{raw:,}", f"{gz:,}"] for side, (raw, gz) in sizes.items()],
        )
    )
    print(
        f"per item beyond the plain task item: {per_item:.0f} B (budget {ITEM_BUDGET})"
        f"  {verdict(per_item <= ITEM_BUDGET)}"
    )
    print(
        f"page, plugin / plain: raw {raw_ratio:.2f}x, gzipped {gz_ratio:.2f}x (budget"
        f" {PAGE_RATIO:.2f}x gzipped)  {verdict(gz_ratio <= PAGE_RATIO)}"
    )
    return per_item <= ITEM_BUDGET and gz_ratio <= PAGE_RATIO


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
