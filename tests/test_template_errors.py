"""A construct outside the template subset stops the build at its file and line, by name."""

from __future__ import annotations

import re

import pytest

from playbook_plugin.sources.errors import SourceError
from playbook_plugin.sources.template_subset import compile_template

BODY_LINE = 20
"""The page line where the template body starts."""

CASES = [
    ("a for loop", "Hi,\n{% for x in things %}{{ x }}{% endfor %}", 2, "a `for` loop"),
    ("a function call", "{{ name() }}", 1, "calling a function"),
    ("a call inside a filter argument", "{{ name|default(other()) }}", 1, "default takes one"),
    ("an attribute", "Hi\n\n{{ person.name }}", 3, "an attribute (`name.attribute`)"),
    ("an index", "{{ names[0] }}", 1, "indexing"),
    ("a slice", "{{ name[1:] }}", 1, "indexing"),
    ("an unknown filter", "{{ name|replace('a', 'b') }}", 1, "the filter `replace`"),
    ("an alias of default", "{{ name|d('x') }}", 1, "the filter `d`"),
    ("a filter with too many arguments", "{{ name|default('a', true) }}", 1, "default takes one"),
    ("a filter with an argument", "{{ name|upper(1) }}", 1, "`upper` takes no arguments"),
    ("a keyword argument", "{{ name|default(default_value='a') }}", 1, "keyword argument"),
    ("a macro", "{% macro hi() %}hi{% endmacro %}", 1, "a `macro`"),
    ("a call block", "{% call hi() %}x{% endcall %}", 1, "`{% call %}` block"),
    ("an include", "\n{% include 'other.md' %}", 2, "`{% include %}`"),
    ("an import", "{% import 'forms.html' as forms %}", 1, "`{% import %}`"),
    ("a from-import", "{% from 'forms.html' import field %}", 1, "`{% from … import %}`"),
    ("set", "{% set greeting = 'Hi' %}{{ greeting }}", 1, "`{% set %}`"),
    ("a set block", "{% set greeting %}Hi{% endset %}", 1, "`{% set %}`"),
    ("a block", "{% block body %}x{% endblock %}", 1, "a `{% block %}`"),
    ("extends", "{% extends 'base.html' %}", 1, "`{% extends %}`"),
    ("with", "{% with a = 1 %}{{ a }}{% endwith %}", 1, "a `{% with %}` block"),
    ("a filter block", "{% filter upper %}x{% endfilter %}", 1, "a `{% filter %}` block"),
    ("autoescape", "{% autoescape false %}x{% endautoescape %}", 1, "`{% autoescape %}`"),
    ("addition", "{{ count + 1 }}", 1, "arithmetic"),
    ("multiplication of literals", "\n\n\n{{ 7*7 }}", 4, "arithmetic"),
    ("a negative number", "{{ -count }}", 1, "a sign"),
    ("concatenation", "{{ first ~ last }}", 1, "joining with `~`"),
    ("an is-test", "{% if name is defined %}x{% endif %}", 1, "a test with `is`"),
    ("an inline if", "{{ name if name else 'there' }}", 1, "an inline `… if … else …`"),
    ("a string literal in output", "{{ 'Hi' }}", 1, "a literal value"),
    ("a number in output", "{{ 42 }}", 1, "a literal value"),
    ("a list literal", "{{ [1, 2] }}", 1, "a literal value"),
    ("a filtered literal", "{{ 'hi'|upper }}", 1, "a literal value"),
    ("and outside if", "{{ a and b }}", 1, "`and` outside {% if %}"),
    ("a comparison outside if", "{{ a == 'b' }}", 1, "a comparison outside {% if %}"),
    ("less-than", "{% if a < 'b' %}x{% endif %}", 1, "only `==` and `!=`"),
    ("in", "{% if 'a' in b %}x{% endif %}", 1, "only `==` and `!=`"),
    ("a chained comparison", "{% if a == 'x' == b %}x{% endif %}", 1, "only `==` and `!=`"),
    (
        "comparing two fields",
        "{% if a == b %}x{% endif %}",
        1,
        "compare a field with a quoted text",
    ),
    ("comparing with a number", "{% if a == 1 %}x{% endif %}", 1, "compare a field with a quoted"),
    ("a filtered field as a condition", "{% if a|trim %}x{% endif %}", 1, "not a condition"),
    ("a literal condition", "{% if true %}x{% endif %}", 1, "a literal value"),
    ("self", "{{ self }}", 1, "`self` is a reserved name"),
    ("an unclosed output", "Hi\n{{ name", 2, "the template cannot be read"),
    ("an unclosed if", "{% if a %}\nx\n", 1, "is never closed"),
    (
        "an unclosed if points at its own line",
        "Hi\n{% if a %}x{% endif %}\n{% if b %}\ny\n\nz",
        3,
        "this `{% if %}` is never closed",
    ),
    ("an unknown tag", "\n\n{% foo %}", 3, "unknown tag 'foo'"),
    ("a stray endif", "x\n{% endif %}", 2, "the template cannot be read"),
]


@pytest.mark.parametrize(
    ("template", "line", "words"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_an_unsupported_construct_is_named_at_its_line(
    template: str, line: int, words: str
) -> None:
    with pytest.raises(SourceError) as caught:
        compile_template(template, path="docs/after-you-meet.md", line=BODY_LINE)
    error = caught.value
    assert str(error).startswith(f"docs/after-you-meet.md:{BODY_LINE + line - 1}: ")
    assert words in error.message
    assert "Traceback" not in str(error)


def test_every_message_says_how_to_fix_it() -> None:
    for _name, template, _line, _words in CASES:
        with pytest.raises(SourceError) as caught:
            compile_template(template, path="p.md", line=1)
        assert re.search(r"; |\. Check|, like |: add ", caught.value.message)
