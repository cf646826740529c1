"""Fuzz the parsers with a long budget and print how many inputs held.

    .venv/bin/python benchmarks/fuzz.py              # 20,000 inputs per parser
    .venv/bin/python benchmarks/fuzz.py --examples 200000 --seed 7

The same properties as ``tests/test_fuzz.py`` (which runs 150 inputs per parser in
``make test``): an input holds when it parses, or is refused with a ``path:line: message``
error on a line of the input. Anything else (a traceback, an error without a place) is
printed with the input, shortened. Exit status 1 when any input failed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fuzzing import TARGETS, Target  # after the line above puts the repository on the path


def fuzz(target: Target, examples: int, random_seed: int) -> tuple[int, int, list[str]]:
    """Inputs tried, inputs that held, and the first failures."""
    tried = held = 0
    failures: list[str] = []

    @seed(random_seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(target.inputs())
    def run(text: str) -> None:
        nonlocal tried, held
        tried += 1
        problem = target.check(text)
        if problem is None:
            held += 1
        elif len(failures) < 5:
            failures.append(f"{problem}\n      input: {text[:160]!r}")

    run()
    return tried, held, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000, help="inputs per parser")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    total_tried = total_held = 0
    print(f"{'parser':32} {'tried':>9} {'held':>9} {'seconds':>8}")
    for target in TARGETS:
        started = time.perf_counter()
        tried, held, failures = fuzz(target, options.examples, options.seed)
        print(f"{target.name:32} {tried:9,} {held:9,} {time.perf_counter() - started:8.1f}")
        for failure in failures:
            print(f"    {failure}")
        total_tried += tried
        total_held += held
    print(f"{'all':32} {total_tried:9,} {total_held:9,}")
    return 0 if total_tried == total_held else 1


if __name__ == "__main__":
    sys.exit(main())
