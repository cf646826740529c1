"""The advice checks are right on real published templates (tests/corpus/templates.yaml)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from playbook_plugin.render.message_html import applicable_checks, message_data
from playbook_plugin.sources.messages import advise
from tests.node_bridge import node_bridge

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "advice_quality.py"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("advice_quality", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


QUALITY = _benchmark()


def test_the_corpus_has_thirty_real_templates_with_their_sources() -> None:
    corpus = QUALITY.load_corpus()
    assert len(corpus) >= 30
    for entry in corpus:
        source = entry["source"]
        assert source["repo"].count("/") == 1 and len(source["commit"]) == 40, entry["id"]
        assert source["licence"], entry["id"]
    assert {entry["header"].get("lang", "en") for entry in corpus} >= {"en", "es", "fr", "de", "pt"}


def test_every_check_is_precise_and_catches_the_real_mistakes() -> None:
    scores, wrong = QUALITY.measure(QUALITY.load_corpus())
    for check_id, score in scores.items():
        if score.precision is not None:
            assert score.precision >= 0.9, (check_id, wrong)
        if score.recall is not None:
            assert score.recall >= 0.8, (check_id, wrong)
    assert sum(score.mistakes for score in scores.values()) >= 30


def test_every_published_template_builds_pasted_as_is() -> None:
    for entry in QUALITY.load_corpus():
        template = QUALITY.as_template(entry)
        assert template.fields or "[" not in entry["text"], entry["id"]


def test_the_browser_gives_the_same_advice_on_every_published_template() -> None:
    settings = QUALITY.SETTINGS
    with node_bridge() as node:
        for entry in QUALITY.load_corpus():
            template = QUALITY.as_template(entry)
            data = {**message_data(template, settings)}
            data["checks"] = applicable_checks(template, settings)
            for values in ({}, QUALITY.typed_values(template, entry)):
                python = [list(found) for found in advise(template, values)]
                browser = node.call("adviseMessage", data, values, {})
                assert [[item["id"], item["severity"]] for item in browser] == python, entry["id"]
