"""Random input never crashes a parser: it parses, or it is a `path:line: message` error.

A small, fixed budget per parser keeps `make test` quick; `benchmarks/fuzz.py` runs the
same properties far longer and prints how many inputs held.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playbook_plugin.sources.slugs import split_explicit_id, strip_markup

from .fuzzing import TARGETS, Target

BUDGET = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("target", TARGETS, ids=[target.name for target in TARGETS])
def test_random_input_is_parsed_or_refused_with_path_and_line(target: Target) -> None:
    @BUDGET
    @given(target.inputs())
    def holds(text: str) -> None:
        problem = target.check(text)
        assert problem is None, problem

    holds()


# What the quadratic regular expressions did, kept to show their linear replacements agree.
OLD_EXPLICIT_ID = re.compile(r"\s*\{#([^}]*)\}\s*$")
OLD_MARKUP = re.compile(r"\]\([^)]*\)|<[^>]*>|[`*_~\[\]]")
TRICKY = st.text(st.sampled_from(list("ab {}#]()<>`*_~[\n\t\u2028\u3000")), max_size=30)


@BUDGET
@given(TRICKY)
def test_ids_are_found_as_before_only_faster(text: str) -> None:
    match = OLD_EXPLICIT_ID.search(text)
    expected = (text, None) if match is None else (text[: match.start()], match.group(1))
    assert split_explicit_id(text) == expected


@BUDGET
@given(TRICKY)
def test_slugs_drop_markup_as_before_only_faster(text: str) -> None:
    assert strip_markup(text) == OLD_MARKUP.sub(" ", text)
