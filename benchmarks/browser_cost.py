"""What the plugin's scripts cost in the browser on a heavy page: start-up and one keystroke.

Not a test: run it by hand (Debian's Chromium, ``/usr/bin/chromium``)::

    .venv/bin/python benchmarks/browser_cost.py [--runs 7] [--keys 40]

One site is built with the plugin: its home page holds one checklist of 1,000 items and 20
message generators (the repository's own templates, given new ids). Two versions of that page
are served over http from this process, and loaded in turn, run by run, each in a fresh
browser context (empty localStorage), after one warm-up load of each:

- **playbook**: the page as built;
- **no script**: the same HTML with the plugin's two ``<script>`` tags removed: the same DOM
  and CSS, with nothing to bring it to life.

Both pages get an inline ``performance.mark`` where the plugin's first ``<script>`` tag is
(or was), and an inline script after it that listens for ``DOMContentLoaded`` last. The
plugin sets its widgets up inside ``DOMContentLoaded`` (Material's ``document$`` emits then),
so that last listener is the moment it is ready; the script checks that all 20 generators
are marked ``data-playbook-ready`` by then. Figures:

- **script start to ready**: from the mark to that last listener. On the playbook page this is
  fetching and running the plugin's scripts plus the rest of ``DOMContentLoaded`` (Material's
  own set-up included); on the bare page, the same window holds only Material's share. The
  ratio therefore magnifies the plugin's cost: a small denominator. The *difference* in ms is
  the plugin's cost, and so also printed is the ratio from navigation start to ready, which is
  the reader's view: how much later the page is ready with the plugin than without.
- **script time**: Chromium's own ``ScriptDuration`` for the whole load (DevTools Protocol
  ``Performance.getMetrics``), with and without.
- **keystroke**: real key presses typed by Playwright into one text field of the 10th
  generator. Listeners on ``window`` take the time when the ``input`` event starts (capture)
  and when it has bubbled past the generator's own handler, which re-renders the preview,
  counter, advice and saved draft synchronously (no debounce, no animation frame); then a
  forced layout (``offsetHeight``) adds the style and layout work the re-render causes,
  which the browser would otherwise do before the next frame. On the bare page the same
  fields are un-hidden and typed into, so the baseline is the browser's own cost of a
  keystroke in that DOM. Pages are served cross-origin isolated (COOP/COEP), which gives
  ``performance.now()`` 5 µs resolution instead of 100 µs.

Target: keystroke work (handler + layout) <= 4 ms, median of every key of every run.
"""

from __future__ import annotations

import argparse
import http.server
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    build_in_process,
    median,
    message_fences,
    ratio,
    read_config,
    serve,
    set_plugin,
    table,
    verdict,
    write_config,
)
from playwright.sync_api import Browser, sync_playwright

ITEMS = 1000
GENERATORS = 20
TYPED_INTO = 9  # the 10th generator
KEYSTROKE_TARGET_MS = 4.0
TEXT = "Alexandra from the product team at Brightwell, "
SCRIPT_TAG = re.compile(r'<script src="[^"]*assets/playbook/javascripts/[^"]+"></script>')

START_MARK = '<script>performance.mark("playbook-start")</script>'
READY_PROBE = """<script>
document.addEventListener("DOMContentLoaded", function () {
  // core.js loads the feature scripts after the page: ready is when every generator is.
  var total = document.querySelectorAll("[data-playbook-message]").length;
  var scripted = !!document.querySelector('script[src*="assets/playbook/javascripts/"]');
  var observer = new MutationObserver(check);
  function check() {
    var ready = document.querySelectorAll("[data-playbook-message][data-playbook-ready]").length;
    if (scripted && ready < total) return;
    observer.disconnect();
    window.__ready = performance.now();
    window.__generatorsReady = ready;
  }
  observer.observe(document.body, {
    subtree: true, attributes: true, attributeFilter: ["data-playbook-ready"]
  });
  check();
});
</script>"""
KEY_PROBE = """
window.__keys = [];
(function () {
  var started = 0;
  window.addEventListener("input", function () { started = performance.now(); }, true);
  window.addEventListener("input", function () {
    var handled = performance.now();
    void document.documentElement.offsetHeight;
    var laidOut = performance.now();
    window.__keys.push([handled - started, laidOut - started]);
  });
})();
"""


def write_project(root: Path) -> Path:
    items = [
        f"- [ ] Step {n}: write down one thing you learnt from person {n} {{#step-{n}}}"
        + (f"\n    A detail for step {n}, with **bold** text." if n % 10 == 0 else "")
        for n in range(1, ITEMS + 1)
    ]
    (root / "checklists").mkdir(parents=True)
    (root / "checklists" / "big.md").write_text(
        "---\ntitle: A thousand steps\nphase: anytime\nsummary: One long list.\n---\n\n"
        + "\n".join(items)
        + "\n",
        encoding="utf-8",
    )
    fences = message_fences()
    parts = ["# A heavy page\n", "One checklist of 1,000 items and 20 message generators.\n"]
    parts.append("```checklist\nbig\n```\n")
    for n in range(GENERATORS):
        source = fences[n % len(fences)]
        source = re.sub(r"^id: (.+)$", rf"id: \g<1>-{n}", source, count=1, flags=re.MULTILINE)
        parts.append(f"## Generator {n + 1}\n\n```message\n{source}\n```\n")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("\n".join(parts), encoding="utf-8")
    config = read_config(REPO / "mkdocs.yml")
    config = set_plugin(config, {"pdf": False})
    config.pop("nav", None)
    config["extra_css"] = []
    return write_config(root, config)


def two_pages(site: Path) -> tuple[int, int]:
    """Write ``index.html`` (playbook) and ``bare.html`` (no script), both with the probes."""
    html = (site / "index.html").read_text(encoding="utf-8")
    tags = SCRIPT_TAG.findall(html)
    if not tags:
        raise RuntimeError("the page has none of the plugin's script tags")
    first = html.index(tags[0])
    last = html.index(tags[-1]) + len(tags[-1])
    ours = html[:first] + START_MARK + html[first:last] + READY_PROBE + html[last:]
    bare = html[:first] + START_MARK + SCRIPT_TAG.sub("", html[first:last]) + READY_PROBE
    bare += html[last:]
    (site / "index.html").write_text(ours, encoding="utf-8")
    (site / "bare.html").write_text(bare, encoding="utf-8")
    return len(ours.encode()), len(bare.encode())


class IsolatedHandler(http.server.SimpleHTTPRequestHandler):
    """Cross-origin isolated, so performance.now() is precise; never cached."""

    def end_headers(self) -> None:
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def measure(browser: Browser, url: str, bare: bool, keys: int) -> dict[str, Any]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(KEY_PROBE)
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(url, wait_until="load")
        page.wait_for_function("window.__ready !== undefined")
        timing = page.evaluate(
            """() => ({
              isolated: window.crossOriginIsolated,
              start: performance.getEntriesByName("playbook-start")[0].startTime,
              ready: window.__ready,
              generators: window.__generatorsReady,
              total: document.querySelectorAll("[data-playbook-message]").length,
              items: document.querySelectorAll("[data-playbook-item]").length,
            })"""
        )
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        root = page.locator("[data-playbook-message]").nth(TYPED_INTO)
        if bare:  # what the plugin's script would un-hide, so that the fields can be typed in
            root.evaluate(
                """root => root.querySelectorAll(
                  "[data-playbook-form], [data-playbook-actions], [data-playbook-count]"
                ).forEach(node => { node.hidden = false; })"""
            )
        field = root.locator("input[data-playbook-field]").first
        field.click()
        page.keyboard.type((TEXT * (keys // len(TEXT) + 1))[:keys])
        typed = page.evaluate("window.__keys")
        preview = root.locator("[data-playbook-preview]").inner_text()
        return {
            **timing,
            "script_ms": metrics["ScriptDuration"] * 1000,
            "keys": typed,
            "preview": preview,
        }
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="page loads of each (at least 5)")
    parser.add_argument("--keys", type=int, default=40, help="keystrokes typed per load")
    arguments = parser.parse_args()
    runs = max(5, arguments.runs)

    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        build_in_process(write_project(root), strict=True)
        site = root / "site"
        ours_size, bare_size = two_pages(site)
        shutil.rmtree(site / "search", ignore_errors=True)  # not loaded: no search typed
        results: dict[str, list[dict[str, Any]]] = {"playbook": [], "no script": []}
        with serve(site, handler_class=IsolatedHandler) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            pages = {"playbook": base + "index.html", "no script": base + "bare.html"}
            for side, url in pages.items():  # warm-up
                measure(browser, url, side == "no script", arguments.keys)
            for _ in range(runs):
                for side, url in pages.items():
                    results[side].append(measure(browser, url, side == "no script", arguments.keys))
            browser.close()

    ours, bare = results["playbook"], results["no script"]
    for run in ours:
        if run["generators"] != GENERATORS:
            raise RuntimeError(f"only {run['generators']} generators ready at DOMContentLoaded")
        if TEXT[:10] not in run["preview"]:
            raise RuntimeError("the preview did not follow the typing")
    if not ours[0]["isolated"]:
        print("warning: the page is not cross-origin isolated: timer resolution is 100 µs")

    def figure(side: list[dict[str, Any]], key: str) -> float:
        return median([run[key] for run in side])

    def window(side: list[dict[str, Any]]) -> float:
        return median([run["ready"] - run["start"] for run in side])

    def keystrokes(side: list[dict[str, Any]], index: int) -> list[float]:
        return [key[index] for run in side for key in run["keys"]]

    rows = []
    for label, our, their in (
        ("script start to ready, ms", window(ours), window(bare)),
        ("navigation start to ready, ms", figure(ours, "ready"), figure(bare, "ready")),
        ("script time during load, ms", figure(ours, "script_ms"), figure(bare, "script_ms")),
    ):
        rows.append(
            [label, f"{our:.1f}", f"{their:.1f}", f"{our - their:+.1f}", f"{ratio(our, their):.2f}"]
        )
    key_rows = []
    for label, index in (("handler", 0), ("handler + layout", 1)):
        our_keys, their_keys = keystrokes(ours, index), keystrokes(bare, index)
        our_median, their_median = median(our_keys), median(their_keys)
        key_rows.append(
            [
                f"keystroke: {label}, ms",
                f"{our_median:.3f}",
                f"{their_median:.3f}",
                f"{our_median - their_median:+.3f}",
                f"{ratio(our_median, their_median):.1f}",
            ]
        )
        key_rows.append(
            [
                "  90th percentile, ms",
                f"{statistics.quantiles(our_keys, n=10)[-1]:.3f}",
                f"{statistics.quantiles(their_keys, n=10)[-1]:.3f}",
                "",
                "",
            ]
        )
    keys_each = len(ours[0]["keys"])
    print(
        f"page: 1 checklist of {ours[0]['items']:,} items, {ours[0]['total']} generators;"
        f" HTML {ours_size // 1024} KB (no script: {bare_size // 1024} KB)"
    )
    print(
        f"runs: {runs} loads of each, taking turns, after one warm-up;"
        f" {keys_each} keystrokes a load ({keys_each * runs} of each in all)"
    )
    print(table(["median", "playbook", "no script", "difference", "ratio"], rows + key_rows))
    work = median(keystrokes(ours, 1))
    print(
        f"target: keystroke work (handler + layout) <= {KEYSTROKE_TARGET_MS:.0f} ms median:"
        f" {work:.3f} ms  {verdict(work <= KEYSTROKE_TARGET_MS)}"
    )


if __name__ == "__main__":
    main()
