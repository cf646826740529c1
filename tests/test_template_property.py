"""Any template in the subset, with any values, reads the same in the browser as in Jinja2.

Hypothesis writes templates from the subset's grammar (text, fields, brackets, filters,
if/elif/else with not/and/or/==/!=, whitespace control) and values (empty, blank, unicode,
markup-like); one Node process renders each with the browser's renderer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playbook_plugin.sources.template_subset import compile_template, render_text
from tests.node_bridge import NodeBridge, node_bridge

NAMES = ["name", "place", "role", "x"]
BRACKETS = ["Their first name", "Where you met"]
FIELDS = [*NAMES, "their_first_name", "where_you_met"]

# Characters whose case rules both sides know from the same Unicode data: ASCII, Latin,
# Greek (final sigma), Cyrillic, Georgian, title-case digraphs, ligatures, CJK, emoji,
# combining marks and every kind of space Python's strip() and split() know.
SPECIAL = (
    "éÉèàçÇßẞŉİıĳǆǅǄǉǌǳΣσςΑΩωάΐЖжЯяაბ中文한ﬁﬂ\u0301\u0308👋🏽🇫🇷"
    "\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\x1c\x1f\x85\x0b\x0c\t"
)
VALUE_ALPHABET = st.sampled_from([chr(c) for c in range(0x20, 0x7F)] + ["\n", "\r"] + list(SPECIAL))
TEXT_ALPHABET = st.sampled_from(
    [chr(c) for c in range(0x20, 0x7F) if chr(c) not in "{}[]\\"] + ["\n"] + list(SPECIAL)
)
QUOTED = st.text(st.sampled_from([c for c in "abc XYZ ßΣ-_.,é👋" if c not in "\"'\\"]), max_size=6)

FILTER = st.one_of(
    st.sampled_from(["|trim", "|capitalize", "|lower", "|upper", "|title", "|default"]),
    QUOTED.map(lambda text: f'|default("{text}")'),
)
VARIABLE = st.builds(
    lambda name, filters: name + "".join(filters),
    st.sampled_from(FIELDS),
    st.lists(FILTER, max_size=3),
)
TEST = st.recursive(
    st.one_of(
        st.sampled_from(FIELDS),
        st.builds(
            lambda variable, op, text, flip: (
                f'"{text}" {op} {variable}' if flip else f'{variable} {op} "{text}"'
            ),
            VARIABLE,
            st.sampled_from(["==", "!="]),
            st.one_of(QUOTED, st.sampled_from(["", "[Name]", "a", "Ana"])),
            st.booleans(),
        ),
    ),
    lambda inner: st.one_of(
        inner.map(lambda test: f"not {test}"),
        st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(
            lambda parts: f"({parts[0]} {parts[1]} {parts[2]})"
        ),
    ),
    max_leaves=4,
)
DASH = st.sampled_from(["", "-"])


def _output(variable: str, left: str, right: str) -> str:
    return "{{" + left + " " + variable + " " + right + "}}"


def _if(tests: list[str], bodies: list[str], otherwise: str | None, dashes: list[str]) -> str:
    parts = []
    for index, (test, body) in enumerate(zip(tests, bodies, strict=True)):
        keyword = "if" if index == 0 else "elif"
        parts.append("{%" + dashes[0] + f" {keyword} {test} " + dashes[1] + "%}" + body)
    if otherwise is not None:
        parts.append("{%" + dashes[2] + " else %}" + otherwise)
    parts.append("{% endif " + dashes[3] + "%}")
    return "".join(parts)


LEAF = st.one_of(
    st.text(TEXT_ALPHABET, min_size=1, max_size=8),
    st.builds(_output, VARIABLE, DASH, DASH),
    st.sampled_from([f"[{label}]" for label in BRACKETS] + ["\\[", "\\[Name]", "[1]"]),
)


def _block(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    body = st.lists(inner, max_size=3).map("".join)
    return st.integers(1, 3).flatmap(
        lambda branches: st.builds(
            _if,
            st.lists(TEST, min_size=branches, max_size=branches),
            st.lists(body, min_size=branches, max_size=branches),
            st.one_of(st.none(), body),
            st.lists(DASH, min_size=4, max_size=4),
        )
    )


TEMPLATE = st.lists(st.recursive(LEAF, _block, max_leaves=8), max_size=6).map("".join)
VALUE = st.one_of(
    st.just(""),
    st.sampled_from([" ", "\n\t", "<b>&amp;{{x}}</b>", "{% if x %}", "[Label]", "\u00a0", "Ana"]),
    st.text(VALUE_ALPHABET, max_size=12),
)
VALUES = st.dictionaries(st.sampled_from(FIELDS), VALUE)


@pytest.fixture(scope="module")
def node() -> Iterator[NodeBridge]:
    with node_bridge() as bridge:
        yield bridge


def _both(node: NodeBridge, source: str, values: dict[str, str]) -> tuple[str, str]:
    compiled = compile_template(source, path="generated.md", line=1)
    python = render_text(compiled, values)
    browser = node.call("renderTemplate", compiled.ast, values, compiled.bracket_labels)
    return python, browser


@settings(max_examples=200, deadline=None)
@given(source=TEMPLATE, values=VALUES)
def test_the_browser_renders_what_jinja2_renders(
    node: NodeBridge, source: str, values: dict[str, str]
) -> None:
    python, browser = _both(node, source, values)
    assert browser == python


@settings(max_examples=100, deadline=None)
@given(source=TEMPLATE, values=VALUES)
def test_without_blanks_the_browser_leaves_out_what_jinja2_leaves_out(
    node: NodeBridge, source: str, values: dict[str, str]
) -> None:
    compiled = compile_template(source, path="generated.md", line=1)
    python = render_text(compiled, values, show_blanks=False)
    browser = node.call(
        "renderTemplate", compiled.ast, values, compiled.bracket_labels, {"hideBlanks": True}
    )
    assert browser == python


@pytest.mark.parametrize(
    "source",
    [
        '{% if name|trim == "[Name]" %}0{% endif %}',
        '{% if name|upper != "[NAME]" %}0{% else %}1{% endif %} {{ name|lower }}.',
    ],
)
def test_a_condition_on_a_hidden_blank_takes_the_branch_the_shown_text_takes(
    node: NodeBridge, source: str
) -> None:
    # Found by the property above: the counted words once took the other branch.
    compiled = compile_template(source, path="generated.md", line=1)
    shown = render_text(compiled, {})
    hidden = render_text(compiled, {}, show_blanks=False)
    browser = node.call("renderTemplate", compiled.ast, {}, {}, {"hideBlanks": True})
    assert hidden == browser
    assert hidden[:1] == shown[:1]  # the branch: "0" or "1"


def _case_exceptions() -> list[str]:
    """Every character whose title case is not its upper case, and every space."""
    chars = []
    for code in range(0x110000):
        ch = chr(code)
        if unicodedata.category(ch) in ("Cn", "Cs"):
            continue
        if ch.title() != ch.upper() or ch.isspace():
            chars.append(ch)
    return chars


def test_the_filters_agree_on_every_title_case_exception_and_space(node: NodeBridge) -> None:
    source = "{{ x|capitalize }}|{{ x|title }}|{{ x|trim }}|{{ x|upper }}|{{ x|lower }}"
    for ch in _case_exceptions():
        for value in (ch + "aΣ", "a" + ch + "b", ch + ch + "x " + ch):
            python, browser = _both(node, source, {"x": value})
            assert browser == python, repr(value)
