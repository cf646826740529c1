"""The lowest dependency versions pyproject.toml allows are the ones CI tests with."""

from __future__ import annotations

import re
import tomllib

from .conftest import REPO

CONSTRAINTS = REPO / ".ci" / "lowest-constraints.txt"
RUNTIME_EXTRAS = ("pdf", "material")


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def lower_bounds() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in RUNTIME_EXTRAS:
        requirements += project["optional-dependencies"][extra]
    bounds = {}
    for requirement in requirements:
        match = re.search(r">=\s*([0-9][0-9.]*)", requirement)
        assert match, f"{requirement}: give it a lower bound (>=) that CI tests"
        bounds[_name(requirement)] = match.group(1)
    return bounds


def pins() -> dict[str, str]:
    found = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            found[_name(name)] = version.strip()
    return found


def _release(version: str) -> tuple[int, ...]:
    parts = [int(part) for part in version.split(".")]
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def test_every_lower_bound_is_pinned_for_the_lowest_versions_job() -> None:
    bounds = lower_bounds()
    pinned = pins()
    assert set(bounds) == set(pinned)
    for name, version in bounds.items():
        assert _release(version) == _release(pinned[name]), (
            f"{name}: pyproject.toml allows {version}, CI tests {pinned[name]}"
        )
