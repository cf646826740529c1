"""How long playbook.pdf takes to render, beside mkdocs-print-site-plugin's print page.

Not a test: run it by hand (``pip install -e '.[bench]'`` first)::

    python benchmarks/pdf_render.py [--runs 7]

Both sides render the same content, the repository's playbook, with WeasyPrint, in the same
process, taking turns run by run:

- **playbook**: the plugin's own print document (cover, contents, pages) and stylesheet, as
  ``mkdocs build`` renders ``downloads/playbook.pdf``;
- **print-site**: ``print_page/index.html`` from mkdocs-print-site-plugin (Material's layout,
  its print CSS), with the one rule Material needs to be split into pages at all by WeasyPrint
  (``.md-main__inner { display: block }``), else WeasyPrint stops after the first page.
  WeasyPrint's hundreds of warnings about Material's CSS are silenced for both.

It prints the median of each and their ratio.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from time import perf_counter
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from playbook_plugin.pdf import Renderer, SiteOnlyFetcher  # noqa: E402

# A user stylesheet: it needs !important to win over Material's own rules.
MATERIAL_FIX = ".md-main__inner { display: block !important; height: auto !important }"


def project(root: Path, extra_plugins: list[Any], pdf: bool) -> Path:
    """A copy of the repository's playbook in ``root``, with its own mkdocs.yml."""
    for name in ("docs", "checklists"):
        shutil.copytree(REPO / name, root / name)
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace('!ENV [SITE_URL, "http://127.0.0.1:8000/"]', '"http://127.0.0.1:8000/"')
    config = yaml.safe_load(text)
    config["plugins"] = ["search", {"playbook": {"pdf": pdf}}, *extra_plugins]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root / "mkdocs.yml"


def time_it(render: Any) -> tuple[float, int, int]:
    started = perf_counter()
    pages, size = render()
    return perf_counter() - started, pages, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each (at least 5)")
    runs = max(5, parser.parse_args().runs)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        (root / "ours").mkdir()
        (root / "theirs").mkdir()

        ours_config = load_config(str(project(root / "ours", [], pdf=True)))
        build(ours_config)
        plugin = ours_config.plugins["playbook"]
        site = plugin.pdf_site(ours_config)
        pages = plugin.nav_pdf_pages()

        print_site = {"print-site": {"add_cover_page": True, "add_table_of_contents": True}}
        theirs_config = load_config(str(project(root / "theirs", [print_site], pdf=False)))
        build(theirs_config)
        theirs_dir = Path(theirs_config.site_dir)
        print_page = theirs_dir / "print_page" / "index.html"

        def render_ours() -> tuple[int, int]:
            # What the build does for playbook.pdf: a renderer (stylesheet, fonts), the document.
            rendered = Renderer(site).playbook(pages, "downloads/bench-playbook.pdf")
            return rendered.pages, rendered.size

        def render_theirs() -> tuple[int, int]:
            fonts = FontConfiguration()
            document = HTML(
                filename=str(print_page), url_fetcher=SiteOnlyFetcher(theirs_dir)
            ).render(
                stylesheets=[CSS(string=MATERIAL_FIX, font_config=fonts)],
                font_config=fonts,
                pdf_forms=True,
                pdf_variant="pdf/ua-1",
            )
            data = document.write_pdf(pdf_forms=True, pdf_variant="pdf/ua-1")
            return len(document.pages), len(data)

        ours: list[float] = []
        theirs: list[float] = []
        render_ours(), render_theirs()  # warm up: imports, font discovery
        for _ in range(runs):
            seconds, our_pages, our_size = time_it(render_ours)
            ours.append(seconds)
            seconds, their_pages, their_size = time_it(render_theirs)
            theirs.append(seconds)

    ours_median = statistics.median(ours)
    theirs_median = statistics.median(theirs)
    print(f"runs: {runs} of each, taking turns (WeasyPrint, pdf_forms, PDF/UA-1)")
    print(
        f"playbook.pdf (this plugin):        median {ours_median:.3f} s"
        f"  ({our_pages} pages, {our_size // 1024} KB)"
    )
    print(
        f"print-site page (Material layout): median {theirs_median:.3f} s"
        f"  ({their_pages} pages, {their_size // 1024} KB)"
    )
    print(f"ratio print-site / playbook: {theirs_median / ours_median:.2f}")


if __name__ == "__main__":
    main()
