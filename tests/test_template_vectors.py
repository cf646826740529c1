"""The shared template vectors render as expected with Jinja2, the reference renderer.

``tests/node/renderer.test.js`` runs the same vectors through the browser renderer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from playbook_plugin.sources.template_subset import ALLOWED_FILTERS, compile_template, render_text
from tests.node_fixtures import load_vectors

VECTORS = load_vectors("template_vectors.json")


@pytest.mark.parametrize("vector", VECTORS, ids=[vector["name"] for vector in VECTORS])
def test_jinja2_gives_the_expected_message(vector: dict[str, Any]) -> None:
    compiled = compile_template(vector["template"], path="template_vectors.json", line=1)
    assert render_text(compiled, vector["values"], vector.get("labels")) == vector["expected"]


def _nodes(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        if node["type"] == "if":
            for branch in node["branches"]:
                yield from _tests(branch["test"])
                yield from _nodes(branch["body"])
            yield from _nodes(node["else"])


def _tests(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for key in ("operand", "left", "right"):
        if key in node:
            yield from _tests(node[key])


def test_the_vectors_cover_every_construct_of_the_subset() -> None:
    seen: set[str] = set()
    for vector in VECTORS:
        compiled = compile_template(vector["template"], path="template_vectors.json", line=1)
        for node in _nodes(compiled.ast):
            seen.add(node["type"])
            seen.update(f"filter:{f['name']}" for f in node.get("filters", []))
            if node["type"] == "compare":
                seen.add(f"compare:{node['op']}")
            if node["type"] == "if":
                seen.add(f"elif:{len(node['branches']) > 1}")
                seen.add(f"else:{bool(node['else'])}")
    wanted = {"text", "var", "if", "not", "and", "or", "compare", "str", "compare:==", "compare:!="}
    wanted |= {f"filter:{name}" for name in ALLOWED_FILTERS}
    wanted |= {"elif:True", "else:True", "else:False"}
    assert wanted <= seen
    assert len(VECTORS) >= 40
