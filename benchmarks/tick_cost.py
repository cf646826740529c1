"""What one tick costs in a page of task lists: 10 items against 1,000, beside a plain box.

Not a test: run it by hand (Debian's Chromium, ``/usr/bin/chromium``)::

    .venv/bin/python benchmarks/tick_cost.py [--runs 5] [--ticks 30]

One site is built with the plugin. Two of its pages hold task lists written as an author
would: ``small/`` has 10 items in 2 sections, ``large/`` has 1,000 items in 40 sections
(nested items, a plain bullet now and then). Each page also holds one plain
``<input type=checkbox>`` the plugin does not know: the browser's own cost of a tick in the
same DOM.

A third page, ``large/bare.html``, is the 1,000-item page with the plugin's scripts taken out:
the same DOM and CSS, so a click on one of its boxes is what the browser itself spends on
ticking such a box (focus, ``:checked`` styles, the struck-through label), with no handler.

Each run opens the pages in a fresh browser context and clicks boxes spread over the page,
then the plain box as often. Listeners on ``window`` take the time when the ``change`` event
starts (capture) and when it has bubbled past the plugin's own listener on ``document``, then
force a layout (``offsetHeight``), which adds the style and layout work the tick causes.
Pages are served cross-origin isolated (COOP/COEP), so ``performance.now()`` has 5 µs
resolution.

Target: handler + layout per tick at 1,000 items <= 1 ms median, and about what it is at 10.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_cost import SCRIPT_TAG, IsolatedHandler
from common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    build_in_process,
    median,
    read_config,
    serve,
    set_plugin,
    table,
    verdict,
    write_config,
)
from playwright.sync_api import Browser, sync_playwright

TARGET_MS = 1.0
PLAIN_BOX = '<input type="checkbox" id="plain-box" aria-label="A box the plugin does not know">'
TICK_PROBE = """
window.__ticks = [];
(function () {
  var started = 0;
  window.addEventListener("change", function () { started = performance.now(); }, true);
  window.addEventListener("change", function (event) {
    var handled = performance.now();
    void document.documentElement.offsetHeight;
    var laidOut = performance.now();
    window.__ticks.push([event.target.id === "plain-box" ? "plain" : "item",
                         handled - started, laidOut - started]);
  });
})();
"""


def task_page(title: str, sections: int, per_section: int) -> str:
    parts = [f"# {title}\n", PLAIN_BOX, ""]
    for section in range(1, sections + 1):
        parts.append(f"## Week {section}\n")
        for n in range(1, per_section + 1):
            if n % 5 == 0:
                parts.append(f"    - [ ] Take notes on part {n} of week {section}")
            else:
                parts.append(f"- [ ] Read chapter {n} of week {section}, then [the notes](#)")
            if n % 9 == 0:
                parts.append("    - a plain bullet with a hint")
        parts.append("")
    return "\n".join(parts) + "\n"


def write_project(root: Path) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Tick cost\n", encoding="utf-8")
    (docs / "small.md").write_text(task_page("Ten items", 2, 5), encoding="utf-8")
    (docs / "large.md").write_text(task_page("A thousand items", 40, 25), encoding="utf-8")
    config = read_config(REPO / "mkdocs.yml")
    config = set_plugin(config, {"pdf": False})
    config.pop("nav", None)
    return write_config(root, config)


def write_bare_page(site: Path) -> None:
    """``large/bare.html``: the 1,000-item page without the plugin's scripts."""
    html = (site / "large" / "index.html").read_text(encoding="utf-8")
    bare = (
        SCRIPT_TAG.sub("", html)
        .replace('href="../', 'href="../../')
        .replace('src="../', 'src="../../')
    )
    (site / "large" / "bare").mkdir()
    (site / "large" / "bare" / "index.html").write_text(bare, encoding="utf-8")


def measure(browser: Browser, url: str, ticks: int) -> dict[str, Any]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(TICK_PROBE)
        page.goto(url, wait_until="load")
        boxes = page.locator("input[data-playbook-item]")
        count = boxes.count()
        for n in range(ticks):
            boxes.nth((n * 37) % count).click()
        plain = page.locator("#plain-box")
        for _ in range(ticks):
            plain.click()
        return {"items": count, "ticks": page.evaluate("window.__ticks")}
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="page loads of each (at least 3)")
    parser.add_argument("--ticks", type=int, default=30, help="ticks per load")
    arguments = parser.parse_args()
    runs = max(3, arguments.runs)
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        build_in_process(write_project(root), strict=True)
        write_bare_page(root / "site")
        results: dict[str, list[dict[str, Any]]] = {
            "small/": [],
            "large/": [],
            "large/bare/": [],
        }
        with (
            serve(root / "site", handler_class=IsolatedHandler) as base,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in results:  # warm-up
                measure(browser, base + path, 5)
            for _ in range(runs):
                for path in results:
                    results[path].append(measure(browser, base + path, arguments.ticks))
            browser.close()

    def samples(path: str, kind: str, index: int) -> list[float]:
        return [tick[index] for run in results[path] for tick in run["ticks"] if tick[0] == kind]

    rows = []
    for path in results:
        items = results[path][0]["items"]
        kinds = [("item", "a task item"), ("plain", "the plain box")]
        if path == "large/bare/":
            kinds = [("item", "a task item, no script")]
        for kind, label in kinds:
            handler, work = samples(path, kind, 1), samples(path, kind, 2)
            rows.append(
                [
                    f"{items:,} items: {label}",
                    f"{median(handler):.3f}",
                    f"{median(work):.3f}",
                    f"{statistics.quantiles(work, n=10)[-1]:.3f}",
                ]
            )
    print(f"runs: {runs} loads of each page, {arguments.ticks} ticks of each box a load")
    print(table(["tick", "handler, ms", "handler + layout, ms", "90th pct, ms"], rows))
    large = median(samples("large/", "item", 2))
    floor = median(samples("large/bare/", "item", 2))
    print(f"the plugin's share at 1,000 items: {large - floor:+.3f} ms over the browser's own")
    print(
        f"target: handler + layout per tick at 1,000 items <= {TARGET_MS:.0f} ms median:"
        f" {large:.3f} ms  {verdict(large <= TARGET_MS)}"
    )


if __name__ == "__main__":
    main()
