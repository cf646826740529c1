"""The browser script's own tests (node:test) pass, so `pytest` alone covers both sides."""

from __future__ import annotations

import subprocess

from tests.node_bridge import NODE, REPO
from tests.node_fixtures import FIXTURES, render


def test_the_node_fixtures_match_the_python_side() -> None:
    assert FIXTURES.read_text(encoding="utf-8") == render(), (
        "tests/node/fixtures.json is stale: run `python -m tests.node_fixtures`"
    )


def test_the_node_test_suite_passes() -> None:
    result = subprocess.run(
        [NODE, "--test", "tests/node"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
