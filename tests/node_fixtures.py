"""What the Node tests need from the Python side, written to ``tests/node/fixtures.json``.

The browser renderer cannot parse Jinja2, so the Node tests read the compiled ASTs of the
shared template vectors, and the default channels and checks, from this file. Regenerate it
after changing a vector or a default: ``python -m tests.node_fixtures``.
``test_node_fixtures_are_current`` fails when it is stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playbook_plugin.rules.advice import DEFAULT_CHECKS, for_language, merge_checks
from playbook_plugin.rules.channels import build_channels
from playbook_plugin.sources.template_subset import compile_template

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "node" / "fixtures.json"


def load_vectors(name: str) -> list[dict[str, Any]]:
    return json.loads((TESTS / name).read_text(encoding="utf-8"))


def fixtures() -> dict[str, Any]:
    templates = {}
    for vector in load_vectors("template_vectors.json"):
        compiled = compile_template(vector["template"], path="template_vectors.json", line=1)
        templates[vector["template"]] = {
            **compiled.to_json(),
            "bracket_labels": compiled.bracket_labels,
        }
    check_sets = {
        vector["name"]: [
            check.to_json()
            for check in for_language(
                merge_checks(DEFAULT_CHECKS, vector.get("overrides")), vector.get("lang", "en")
            )[0]
        ]
        for vector in load_vectors("check_vectors.json")
        if "overrides" in vector
    }
    languages = {
        vector["lang"] for vector in load_vectors("check_vectors.json") if "lang" in vector
    }
    checks_by_language = {
        language: [check.to_json() for check in for_language(DEFAULT_CHECKS, language)[0]]
        for language in sorted(languages)
    }
    return {
        "templates": templates,
        "channels": {name: c.to_json() for name, c in build_channels().items()},
        "channels_premium": {
            name: c.to_json() for name, c in build_channels(linkedin_premium=True).items()
        },
        "checks": [check.to_json() for check in DEFAULT_CHECKS],
        "check_sets": check_sets,
        "checks_by_language": checks_by_language,
    }


def render() -> str:
    return json.dumps(fixtures(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


if __name__ == "__main__":
    FIXTURES.write_text(render(), encoding="utf-8")
    print(f"wrote {FIXTURES}")
