"""How many bytes the plugin's own JavaScript and CSS add to a page, beside Material's bundle.

Not a test: run it by hand (``npm ci --prefix benchmarks`` is run for you if needed)::

    .venv/bin/python benchmarks/page_weight.py [--runs 5]

For each asset a site page loads from the plugin (``SCRIPTS`` and ``STYLESHEETS`` in
``playbook_plugin/plugin.py``; ``playbook-pdf.css`` is read only by WeasyPrint and is left
out), it prints the raw size, the size minified by esbuild (the version pinned in
``benchmarks/package.json``) and minified then gzipped at level 9. Each file is served on its
own, so each is gzipped on its own. The total of the gzipped sizes is compared with the
budget, 12 KB (12,288 bytes).

Beside it: Material's own bundle as the installed ``mkdocs-material`` ships it (the main
JavaScript bundle, the main and palette stylesheets; already minified), gzipped the same way.

Sizes do not vary from run to run; ``--runs`` repeats the minification (at least 5 times) and
reports the median time esbuild took, and checks that its output is the same every time.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
from pathlib import Path
from time import perf_counter

import material

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import REPO, median, table, verdict

from playbook_plugin.plugin import ASSETS, SCRIPTS, STYLESHEETS

BUDGET = 12 * 1024
BENCHMARKS = REPO / "benchmarks"
ESBUILD = BENCHMARKS / "node_modules" / ".bin" / "esbuild"
MATERIAL_ASSETS = Path(material.__file__).parent / "templates" / "assets"


def ensure_esbuild() -> None:
    if not ESBUILD.exists():
        subprocess.run(["npm", "ci", "--prefix", str(BENCHMARKS)], check=True)


def minify(path: Path) -> bytes:
    loader = "css" if path.suffix == ".css" else "js"
    result = subprocess.run(
        [str(ESBUILD), "--minify", f"--loader={loader}", "--log-level=error"],
        input=path.read_bytes(),
        capture_output=True,
        check=True,
    )
    return result.stdout


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def material_bundle() -> list[Path]:
    scripts = MATERIAL_ASSETS / "javascripts"
    styles = MATERIAL_ASSETS / "stylesheets"
    return [
        *sorted(scripts.glob("bundle.*.min.js")),
        *sorted(styles.glob("main.*.min.css")),
        *sorted(styles.glob("palette.*.min.css")),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="minifications of each (at least 5)")
    runs = max(5, parser.parse_args().runs)
    ensure_esbuild()

    ours = [ASSETS / name for name in (*SCRIPTS, *STYLESHEETS)]
    rows = []
    totals = [0, 0, 0]
    seconds: list[float] = []
    for path in ours:
        outputs = set()
        for _ in range(runs):
            started = perf_counter()
            outputs.add(minify(path))
            seconds.append(perf_counter() - started)
        if len(outputs) != 1:
            raise RuntimeError(f"esbuild gave different output for {path} from run to run")
        minified = outputs.pop()
        sizes = [path.stat().st_size, len(minified), gzipped(minified)]
        totals = [total + size for total, size in zip(totals, sizes, strict=True)]
        rows.append([str(path.relative_to(REPO)), *(f"{size:,}" for size in sizes)])
    rows.append(["total, playbook", *(f"{size:,}" for size in totals)])

    theirs_total = [0, 0]
    for path in material_bundle():
        data = path.read_bytes()
        sizes = [len(data), gzipped(data)]
        theirs_total = [total + size for total, size in zip(theirs_total, sizes, strict=True)]
        rows.append(
            [
                f"material/{path.relative_to(MATERIAL_ASSETS)}",
                f"{sizes[0]:,}",
                "(as shipped)",
                f"{sizes[1]:,}",
            ]
        )
    rows.append(["total, Material", f"{theirs_total[0]:,}", "", f"{theirs_total[1]:,}"])

    version = subprocess.run([str(ESBUILD), "--version"], capture_output=True, text=True).stdout
    print(
        f"esbuild {version.strip()} --minify, then gzip -9 per file;"
        f" {runs} minifications of each, median {median(seconds) * 1000:.0f} ms"
    )
    print(table(["asset", "raw B", "minified B", "min+gzip B"], rows))
    share = totals[2] / (totals[2] + theirs_total[1])
    print(
        f"playbook {totals[2]:,} B gzipped beside Material's {theirs_total[1]:,} B"
        f" ({share:.1%} of the two together; {totals[2] / theirs_total[1]:.2f}x Material's)"
    )
    print(
        f"budget: playbook JS + CSS, minified and gzipped, <= {BUDGET:,} B:"
        f" {totals[2]:,} B ({BUDGET - totals[2]:+,} B left)  {verdict(totals[2] <= BUDGET)}"
    )


if __name__ == "__main__":
    main()
