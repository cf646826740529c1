"""Advice checks: the shared vectors, and what a site may change in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from playbook_plugin.rules.advice import (
    DEFAULT_CHECKS,
    WORD_RULES,
    CheckContext,
    evaluate,
    for_language,
    merge_checks,
)
from tests.node_bridge import REPO
from tests.node_fixtures import load_vectors

VECTORS = load_vectors("check_vectors.json")


def context_from(data: dict[str, Any]) -> CheckContext:
    def day(key: str) -> dt.date | None:
        return dt.date.fromisoformat(data[key]) if data.get(key) else None

    return CheckContext(
        channel=data["channel"],
        relationship=data["relationship"],
        kind=data["kind"],
        missing=tuple(data.get("missing", ())),
        today=day("today"),
        follow_up_date=day("follow_up_date"),
    )


@pytest.mark.parametrize("vector", VECTORS, ids=[vector["name"] for vector in VECTORS])
def test_a_check_fires_on_what_it_warns_about(vector: dict[str, Any]) -> None:
    checks, _ = for_language(
        merge_checks(DEFAULT_CHECKS, vector.get("overrides")), vector.get("lang", "en")
    )
    chosen = [check for check in checks if check.id == vector["check"]]
    assert len(chosen) == 1
    found = evaluate(chosen, vector["text"], context_from(vector["context"]))
    assert (found[0][1] if found else None) == vector["expected"]


def test_every_default_check_links_to_a_section_of_the_playbook() -> None:
    for check in DEFAULT_CHECKS:
        page, anchor = check.link.split("#")
        assert "{#" + anchor + "}" in (REPO / "docs" / page).read_text(encoding="utf-8"), check.id


def test_every_default_check_has_vectors_both_ways() -> None:
    for check in DEFAULT_CHECKS:
        mine = [v for v in VECTORS if v["check"] == check.id and "overrides" not in v]
        assert any(v["expected"] is not None for v in mine), check.id
        assert any(v["expected"] is None for v in mine), check.id


@pytest.mark.parametrize("language", ["es", "fr", "de", "pt"])
def test_every_check_that_reads_words_runs_in_the_shipped_languages(language: str) -> None:
    checks, skipped = for_language(DEFAULT_CHECKS, language)
    assert skipped == []
    for check in checks:
        if check.rule not in WORD_RULES:
            continue
        mine = [v for v in VECTORS if v["check"] == check.id and v.get("lang") == language]
        assert any(v["expected"] is not None for v in mine), f"{language}: {check.id} never fires"
        assert any(v["expected"] is None for v in mine), f"{language}: {check.id} never quiet"


def test_chinese_has_no_word_checks_since_its_words_are_not_spaced() -> None:
    checks, skipped = for_language(DEFAULT_CHECKS, "zh")
    assert sorted(skipped) == sorted(c.id for c in DEFAULT_CHECKS if c.rule in WORD_RULES)
    assert "placeholder-left" in [check.id for check in checks]


def test_a_site_can_switch_a_check_off() -> None:
    checks = merge_checks(DEFAULT_CHECKS, [{"id": "tone", "enabled": False}])
    assert "tone" not in [check.id for check in checks]
    assert len(checks) == len(DEFAULT_CHECKS) - 1


def test_changing_one_setting_keeps_the_others() -> None:
    (too_long,) = [
        check
        for check in merge_checks(DEFAULT_CHECKS, [{"id": "too-long", "warn_over": 60}])
        if check.id == "too-long"
    ]
    assert too_long.params == {"warn_over": 60, "error_over": 100}
    assert too_long.applies.channels == ("email", "linkedin-inmail")


def test_evaluate_reports_checks_in_order_with_their_severity() -> None:
    text = "Hi [Name]! I am SO keen, I think my skills and my CV show I fit a job, I promise!"
    found = evaluate(DEFAULT_CHECKS, text, CheckContext("email", "new", "first-message"))
    assert found == [
        ("placeholder-left", "error"),
        ("about-me", "warning"),
        ("no-next-step", "warning"),
        ("asks-for-job", "warning"),
        ("tone", "warning"),
    ]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ([{"rule": "contains-any"}], r"checks\[0\] needs an id"),
        ([{"id": "Bad Id"}], r"checks\[0\] needs an id"),
        ([{"id": "nope", "enabled": False}], "checks: nope: there is no such check"),
        ([{"id": "new-one", "message": "x"}], "checks: new-one is a new check and needs a rule"),
        ([{"id": "new-one", "rule": "contains-any"}], "new-one is a new check and needs a message"),
        ([{"id": "x", "rule": "magic", "message": "m"}], "checks: x: unknown rule `magic`"),
        ([{"id": "tone", "thresold": 3}], "checks: tone: the rule contains-any has no setting"),
        ([{"id": "too-long", "warn_over": "60"}], "checks: too-long.warn_over must be a number"),
        ([{"id": "tone", "words": "lol"}], None),
        ([{"id": "tone", "words": [1, 2]}], "checks: tone.words must be a list of words"),
        ([{"id": "tone", "patterns": ["("]}], "is not a valid pattern"),
        ([{"id": "tone", "severity": "fatal"}], "checks: tone.severity must be warning or error"),
        ([{"id": "tone", "enabled": "no"}], "checks: tone.enabled must be true or false"),
        ([{"id": "tone", "applies": {"kinds": ["memo"]}}], "tone.applies.kinds: unknown memo"),
        ([{"id": "tone", "applies": {"mood": ["x"]}}], "tone.applies has no key mood"),
        ([{"id": "tone", "applies": {"channels": ["fax"]}}], "tone.applies.channels: unknown fax"),
        (["tone"], r"checks\[0\] must be a mapping"),
    ],
)
def test_bad_check_config_is_named(overrides: list[Any], message: str | None) -> None:
    channels = ["email", "sms"]
    if message is None:
        merge_checks(DEFAULT_CHECKS, overrides, channels=channels)
        return
    with pytest.raises(ValueError, match=message):
        merge_checks(DEFAULT_CHECKS, overrides, channels=channels)
