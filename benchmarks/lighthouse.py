"""Lighthouse scores of the default playbook: a home page, a checklist page and a generator page.

Not a test: run it by hand, with the project's virtual environment::

    python benchmarks/lighthouse.py [--runs 3] [--desktop] [--keep DIR]

It needs Node.js and Debian's Chromium (``/usr/bin/chromium``, or ``CHROME_PATH``); Lighthouse
itself is pinned in ``benchmarks/package.json`` and installed with ``npm ci --prefix benchmarks``
when ``benchmarks/node_modules`` is missing.

What it does:

1. builds the repository's playbook (``mkdocs.yml``, ``docs/``, ``checklists/``; PDFs
   included) into a temporary folder with ``mkdocs build``,
   ``SITE_URL`` set to the address it is then served at, so ``site_url``, the sitemap and
   Material's instant navigation match the host;
2. serves the site on loopback with Python's ``http.server``, as a static host does: HTTP/1.1
   keep-alive, gzip ``Content-Encoding`` for text types (HTML, CSS, JavaScript, JSON, SVG, XML,
   plain text) when the browser asks for it, ``404.html`` for a missing file. No cache headers:
   Lighthouse loads each page cold, so they do not change a score;
3. runs Lighthouse (mobile, its default form factor with simulated throttling; ``--desktop``
   adds the desktop preset) ``--runs`` times on each page, each run in a fresh Chromium
   profile, and keeps each category's median score.

It prints the scores, page by page, against the targets: accessibility, best practices and SEO
100, performance 98 or more. For each score under its target it lists the audits that cost
points (id, title, score, weight in the category), and for every page the metrics and
Lighthouse's CPU benchmark index, so a noisy run on a busy machine can be told from a real cost.
It exits with status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import free_port, serve

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO / "benchmarks"
LIGHTHOUSE = BENCHMARKS / "node_modules" / ".bin" / "lighthouse"
# What ``mkdocs.yml`` builds from.
PROJECT_FOLDERS = ("docs", "checklists")

PAGES: dict[str, str] = {
    "home": "",
    "checklist": "checklists/before-the-event/",
    "generator": "after-you-meet/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS: dict[str, int] = {
    "performance": 98,
    "accessibility": 100,
    "best-practices": 100,
    "seo": 100,
}
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
    " --disable-background-networking --disable-component-update --disable-sync"
)
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)


class StaticHandler(SimpleHTTPRequestHandler):
    """Files from one folder, gzipped when they are text, ``404.html`` when missing."""

    protocol_version = "HTTP/1.1"
    # Python's table maps .js to text/javascript already; a static host also knows these.
    extensions_map = {  # noqa: RUF012 (the base class declares it as a plain class attribute)
        **SimpleHTTPRequestHandler.extensions_map,
        ".webmanifest": "application/manifest+json",
        ".ics": "text/calendar",
    }

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        kind = self.guess_type(str(path))
        body = path.read_bytes()
        encoding = None
        accepted = self.headers.get("Accept-Encoding", "")
        if kind.startswith(COMPRESSED_TYPES) and "gzip" in accepted:
            body = _gzipped(path, path.stat().st_mtime_ns)
            encoding = "gzip"
        self.send_response(200)
        self.send_header("Content-Type", _with_charset(kind))
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)

    def _not_found(self) -> Any:
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # Only what a page should not ask for. Lighthouse itself fetches /robots.txt; the
        # playbook has none, which its SEO audit accepts.
        if isinstance(code, int) and code >= 400 and self.path != "/robots.txt":
            super().log_request(code, size)


class _Body:
    """What ``send_head`` returns: ``copyfile`` reads it, ``do_GET`` closes it."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@functools.cache
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


def _with_charset(kind: str) -> str:
    textual = kind.startswith("text/") or kind in ("application/javascript", "application/json")
    return f"{kind}; charset=utf-8" if textual else kind


def build_site(root: Path, base_url: str) -> Path:
    """The repository's playbook, built into ``root/site`` for ``base_url``."""
    for name in PROJECT_FOLDERS:
        shutil.copytree(REPO / name, root / name)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    env = {**os.environ, "SITE_URL": base_url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"]
    subprocess.run(command, cwd=root, env=env, check=True)
    return root / "site"


def ensure_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--prefix", str(BENCHMARKS)], check=True)


def run_lighthouse(url: str, report: Path, desktop: bool) -> dict[str, Any]:
    chrome_path = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory(prefix="lighthouse-profile-") as profile:
        command = [
            str(LIGHTHOUSE),
            url,
            f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            "--only-categories=" + ",".join(CATEGORIES),
        ]
        if desktop:
            command.append("--preset=desktop")
        subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome_path}, check=True)
    return json.loads(report.read_text(encoding="utf-8"))


@dataclass
class PageResult:
    name: str
    url: str
    form_factor: str
    reports: list[dict[str, Any]] = field(default_factory=list)

    def scores(self, category: str) -> list[float]:
        return [_score(report, category) for report in self.reports]

    def median(self, category: str) -> float:
        return statistics.median(self.scores(category))

    def missed(self) -> list[str]:
        return [c for c in CATEGORIES if self.median(c) < TARGETS[c]]


def _score(report: dict[str, Any], category: str) -> float:
    if report.get("runtimeError"):
        raise SystemExit(f"Lighthouse failed: {report['runtimeError']}")
    score = report["categories"][category]["score"]
    return -1.0 if score is None else round(score * 100)


def losing_audits(report: dict[str, Any], category: str) -> list[tuple[str, str, float, float]]:
    """The audits of ``category`` that scored under 1 in ``report``: id, title, score, weight."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        score = audit.get("score")
        if score is None or score >= 1:
            continue
        if audit.get("scoreDisplayMode") in ("informative", "manual", "notApplicable"):
            continue
        found.append((ref["id"], audit["title"], score, ref.get("weight", 0)))
    return found


def metrics_line(result: PageResult) -> str:
    parts = []
    for metric in METRICS:
        values = [r["audits"][metric]["numericValue"] for r in result.reports]
        value = statistics.median(values)
        short = "".join(word[0] for word in metric.split("-")).upper()
        parts.append(f"{short} {value:.3f}" if short == "CLS" else f"{short} {value / 1000:.2f} s")
    # Lighthouse's measure of the CPU at the time: it drops when the machine is busy.
    speed = statistics.median(r["environment"]["benchmarkIndex"] for r in result.reports)
    return ", ".join(parts) + f" (medians; CPU benchmark index {speed:.0f})"


def print_table(results: list[PageResult], runs: int) -> None:
    header = ["page", "form factor", *CATEGORIES]
    rows = [
        [
            f"{r.name} (/{r.url.split('/', 3)[3]})",
            r.form_factor,
            *(_cell(r, c, runs) for c in CATEGORIES),
        ]
        for r in results
    ]
    rows.append(["target", "", *(f"{TARGETS[c]}" for c in CATEGORIES)])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


def _cell(result: PageResult, category: str, runs: int) -> str:
    median = f"{result.median(category):.0f}"
    if runs == 1:
        return median
    return f"{median} ({' '.join(f'{s:.0f}' for s in result.scores(category))})"


def print_misses(results: list[PageResult]) -> None:
    for result in results:
        print(f"\n{result.name}, {result.form_factor}: {metrics_line(result)}")
        for category in result.missed():
            worst = min(result.reports, key=lambda report: _score(report, category))
            print(f"  {category} {result.median(category):.0f} < {TARGETS[category]}:")
            for audit_id, title, score, weight in losing_audits(worst, category):
                print(f"    {audit_id}: {title} (score {score:.2f}, weight {weight:g})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page (median; default 3)")
    parser.add_argument("--desktop", action="store_true", help="also run the desktop preset")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the JSON reports in DIR")
    args = parser.parse_args()
    ensure_lighthouse()

    with tempfile.TemporaryDirectory(prefix="playbook-lighthouse-") as temp:
        root = Path(temp)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}/"
        site = build_site(root, base_url)
        reports_dir = args.keep or root / "reports"
        reports_dir.mkdir(parents=True, exist_ok=True)
        form_factors = ["mobile", "desktop"] if args.desktop else ["mobile"]
        results = [
            PageResult(name, base_url + path, form_factor)
            for form_factor in form_factors
            for name, path in PAGES.items()
        ]
        with serve(site, port, handler_class=StaticHandler):
            # Runs take turns page by page, so a busy spell on the machine hits every page.
            for run in range(1, args.runs + 1):
                for result in results:
                    report = reports_dir / f"{result.name}-{result.form_factor}-{run}.json"
                    print(f"run {run}/{args.runs}: {result.form_factor} {result.url}", flush=True)
                    result.reports.append(
                        run_lighthouse(result.url, report, result.form_factor == "desktop")
                    )

    print(f"\nLighthouse scores, median of {args.runs} run(s) per page (runs in brackets):\n")
    print_table(results, args.runs)
    print_misses(results)
    if args.keep:
        print(f"\nReports: {args.keep}")
    missed = [r for r in results if r.missed()]
    print("\nAll targets met." if not missed else f"\nTargets missed on {len(missed)} page(s).")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
