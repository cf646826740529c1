"""What the People log costs in the browser with a big log, and what it adds to a generator page.

Not a test: run it by hand (Debian's Chromium, ``/usr/bin/chromium``)::

    .venv/bin/python benchmarks/people.py [--runs 5] [--keys 12]

One small site is built with the plugin. Its People page is loaded in turn, run by run, each
time in a fresh browser context, after one warm-up load of each:

- **500 people**: localStorage holds 500 people with 4 logged messages each (2,000 in all),
  written by an init script before the page's own scripts run;
- **empty log**: the same page, nothing saved.

Figures, the median of the runs:

- **script start to ready**: from the moment ``playbook-people.js`` has arrived (its resource
  timing ``responseEnd``; core.js adds it with ``async = false``, so it runs then) to the
  moment the log is marked ``data-playbook-ready``, which the script does once the list is
  drawn (a MutationObserver records it);
- **keystroke in search**: real key presses typed by Playwright into the search box.
  Listeners on ``window`` take the time when the ``input`` event starts (capture) and when it
  has bubbled past the log's own handler, which shows and hides the people; a forced layout
  (``offsetHeight``) then adds the style and layout work that causes.

What pages weigh, the People page's among them: ``benchmarks/page_weight.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    build_in_process,
    median,
    message_fences,
    ratio,
    serve,
    table,
    write_config,
)
from playwright.sync_api import Browser, sync_playwright

PEOPLE = 500
MESSAGES_EACH = 4
NAMESPACE = "people-bench"
QUERY = "person 4"

SEED = """([namespace, count, each]) => {
  const prefix = "playbook:" + namespace + ":person:";
  const places = ["Data meetup", "Alumni night", "Career fair", "Book club", "Hackathon"];
  for (let n = 0; n < count; n++) {
    const log = [];
    for (let m = 0; m < each; m++) {
      log.push({date: "2026-0" + (m + 1) + "-1" + (n % 9), template: "thanks", kind: "follow-up",
        title: "Follow-up " + m, channel: "Email", text: "Hi, it was good to talk " + m + "."});
    }
    localStorage.setItem(prefix + "p" + n.toString(36), JSON.stringify({
      name: "Person " + n, met_at: places[n % places.length], met_on: "2026-01-0" + (1 + n % 9),
      talked_about: "topic " + (n * 7919 % 1000), next_step: "send the link " + n,
      contact: "person" + n + "@example.org", log: log,
      due: "2026-" + String(1 + n % 12).padStart(2, "0") + "-1" + (n % 9),
      due_step: "Keep in touch", nudges: 0, replied: false, deleted: false,
    }));
  }
}"""
PROBE = """
window.__keys = [];
(function () {
  new MutationObserver(function (changes, observer) {
    var log = document.querySelector("[data-playbook-people][data-playbook-ready]");
    if (log) { window.__ready = performance.now(); observer.disconnect(); }
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-playbook-ready"]});
  var started = 0;
  window.addEventListener("input", function () { started = performance.now(); }, true);
  window.addEventListener("input", function () {
    var handled = performance.now();
    void document.documentElement.offsetHeight;
    window.__keys.push([handled - started, performance.now() - started]);
  });
})();
"""


def write_project(root: Path) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    (root / "docs" / "notes.md").write_text(
        "# Notes\n\n" + message_fences()[0] + "\n", encoding="utf-8"
    )
    config = {
        "site_name": "People bench",
        "theme": {"name": "material", "font": False},
        "markdown_extensions": ["attr_list", "pymdownx.superfences"],
        "plugins": [{"playbook": {"pdf": False}}],
    }
    return write_config(root, config)


def measure(browser: Browser, url: str, seeded: bool, keys: int) -> dict[str, Any]:
    context = browser.new_context()
    try:
        page = context.new_page()
        if seeded:
            page.add_init_script(f"({SEED})({json.dumps([NAMESPACE, PEOPLE, MESSAGES_EACH])})")
        page.add_init_script(PROBE)
        page.goto(url, wait_until="load")
        page.wait_for_function("window.__ready !== undefined")
        timing = page.evaluate(
            """() => ({
              arrived: performance.getEntriesByType("resource")
                .filter(entry => /playbook-people\\.js/.test(entry.name))[0].responseEnd,
              ready: window.__ready,
              people: document.querySelectorAll("[data-playbook-person]").length,
              logged: document.querySelectorAll("[data-playbook-person-log] > li").length,
            })"""
        )
        page.locator("[data-playbook-people-search]").click()
        page.keyboard.type(QUERY[:keys])
        shown = page.locator("[data-playbook-person]:visible").count()
        return {**timing, "keys": page.evaluate("window.__keys"), "shown": shown}
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="page loads of each (at least 3)")
    parser.add_argument("--keys", type=int, default=len(QUERY), help="keys typed per load")
    arguments = parser.parse_args()
    runs = max(3, arguments.runs)

    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        config = write_project(root)
        build_in_process(config, strict=True)
        site = root / "site"
        results: dict[str, list[dict[str, Any]]] = {"500 people": [], "empty log": []}
        with serve(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            url = base + "people/"
            for side in results:  # warm-up
                measure(browser, url, side == "500 people", arguments.keys)
            for _ in range(runs):
                for side in results:
                    results[side].append(
                        measure(browser, url, side == "500 people", arguments.keys)
                    )
            browser.close()

    big, empty = results["500 people"], results["empty log"]
    for run in big:
        if run["people"] != PEOPLE or run["logged"] != PEOPLE * MESSAGES_EACH:
            raise RuntimeError(f"the log showed {run['people']} people, {run['logged']} messages")

    def start_to_ready(side: list[dict[str, Any]]) -> float:
        return median([run["ready"] - run["arrived"] for run in side])

    def keystroke(side: list[dict[str, Any]], index: int) -> float:
        return median([key[index] for run in side for key in run["keys"]])

    rows = []
    for label, ours, theirs in (
        ("script start to ready, ms", start_to_ready(big), start_to_ready(empty)),
        ("keystroke in search: handler, ms", keystroke(big, 0), keystroke(empty, 0)),
        ("keystroke in search: + layout, ms", keystroke(big, 1), keystroke(empty, 1)),
    ):
        rows.append([label, f"{ours:.1f}", f"{theirs:.1f}", f"{ratio(ours, theirs):.1f}"])
    print(f"People page, {runs} runs each; {PEOPLE} people, {PEOPLE * MESSAGES_EACH} messages")
    print(f"(search typed: {QUERY[: arguments.keys]!r}, {big[0]['shown']} people still shown)")
    print(table(["", "500 people", "empty log", "ratio"], rows))


if __name__ == "__main__":
    main()
