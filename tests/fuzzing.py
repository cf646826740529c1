"""Random authoring input for the parsers, and the rule every outcome must follow.

Each ``check_*`` function feeds one input to a parser and returns ``None`` when the input
held (it parsed, or it was refused with ``path:line: message`` on a line of the input) and a
description of what went wrong otherwise (any other exception, a malformed error). The
Hypothesis strategies write inputs from the pieces authors type and the ones that break
parsers: YAML and Markdown syntax, anchors and aliases, nesting, control characters, line
separators and text in other scripts.

``tests/test_fuzz.py`` runs them with a small budget in every test run;
``benchmarks/fuzz.py`` runs them with a large one and prints the counts.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import strategies as st

from playbook_plugin.sources.checklists import parse_checklist
from playbook_plugin.sources.errors import SourceError, SourceErrors
from playbook_plugin.sources.fences import scan
from playbook_plugin.sources.messages import (
    build_settings,
    check_example,
    example_text,
    parse_message,
)
from playbook_plugin.sources.template_subset import compile_template, render_text

CHECKLIST_PATH = "checklists/fuzz.md"
PAGE_PATH = "docs/fuzz.md"
FENCE_LINE = 3
"""A message fence's first line in its page, as in ``# Page``, blank line, fence."""

SETTINGS = build_settings()

CONTROL = [chr(code) for code in [*range(0, 32), 127, 0x85]] + [
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200b",
    "\u202e",
    "\ud7ff",
]
UNICODE = ["é", "ß", "Σ", "ж", "中", "한", "👋🏽", "ﬁ", "\u0301", "\u00a0", "\u3000", "İ"]
YAML_PIECES = [
    "\n",
    "  ",
    "    ",
    "\t",
    ": ",
    ":",
    "- ",
    "? ",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "!!str ",
    "!!python/object ",
    "<<: ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    '"',
    "#",
    "|",
    ">",
    "%YAML 1.1\n",
    "---",
    "...",
    "~",
    "null",
    "true",
    "1e999",
    "99999999999999999999",
    "0x1F",
    "2024-02-30",
]
MARKDOWN_PIECES = [
    "\n",
    "- [ ] ",
    "- [x] ",
    "* [X] ",
    "  - [ ] ",
    "      - [ ] ",
    "    ",
    "{#",
    "}",
    "{#id}",
    "{#Bad Id}",
    "```",
    "~~~",
    "```message\n",
    "```checklist\n",
    "> ",
    "<",
    ">",
    "](",
    ")",
    "*",
    "_",
    "`",
    "[",
    "]",
    "\\",
    "<!--",
    "-->",
]
TEMPLATE_PIECES = [
    "{{ ",
    " }}",
    "{{",
    "}}",
    "{% if ",
    "{% elif ",
    "{% else %}",
    "{% endif %}",
    " %}",
    "{%- ",
    " -%}",
    "{# ",
    " #}",
    "name",
    "place",
    "|trim",
    "|upper",
    '|default("x")',
    "|default(",
    "|join",
    " and ",
    " or ",
    "not ",
    ' == "a"',
    " != ",
    "(",
    ")",
    "[Their name]",
    "[",
    "]",
    "\\[",
    "{% for x in y %}",
    "{% endfor %}",
    "{% set x = 1 %}",
    "{{ x.y }}",
    "{{ 7*7 }}",
    "{% raw %}",
    "self",
    "\n",
]
HEADER_KEYS = [
    "id: ",
    "title: ",
    "channel: ",
    "relationship: ",
    "kind: ",
    "follow_up: ",
    "subject: ",
    "fields:\n  ",
    "name: ",
    "label: ",
    "example: ",
    "required: ",
    "email",
    "linkedin-invite",
    "new",
    "met",
    "3 days",
    "2 weeks",
    "0 months",
    "{label: Their name, required: true}",
]


def _text(pieces: list[str], max_size: int = 40) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(pieces),
        st.sampled_from(CONTROL),
        st.sampled_from(UNICODE),
        st.text(max_size=4),
        st.integers(min_value=1, max_value=60).map(lambda depth: "[" * depth),
        st.integers(min_value=1, max_value=60).map(lambda depth: "{% if a %}" * depth),
    )
    return st.lists(piece, max_size=max_size).map("".join)


def checklist_texts() -> st.SearchStrategy[str]:
    """A checklist file: usually a front matter, then Markdown."""
    front = st.one_of(
        st.just(""),
        _text([*YAML_PIECES, "title: ", "phase: ", "summary: ", "print: "]).map(
            lambda header: f"---\ntitle: T\n{header}\n---\n"
        ),
        _text(YAML_PIECES).map(lambda header: f"---\n{header}\n---\n"),
    )
    return st.builds(lambda head, body: head + body, front, _text(MARKDOWN_PIECES + YAML_PIECES))


def message_sources() -> st.SearchStrategy[str]:
    """A message fence's text: settings, ``---``, the template."""
    header = _text(HEADER_KEYS + YAML_PIECES, max_size=25)
    return st.builds(
        lambda extra, body, separator: f"id: fuzz\nchannel: email\n{extra}\n{separator}{body}",
        header,
        _text(TEMPLATE_PIECES, max_size=30),
        st.sampled_from(["---\n", "---", " ---\n", ""]),
    )


def templates() -> st.SearchStrategy[str]:
    return _text(TEMPLATE_PIECES + MARKDOWN_PIECES, max_size=50)


def page_texts() -> st.SearchStrategy[str]:
    return _text(MARKDOWN_PIECES + TEMPLATE_PIECES + YAML_PIECES, max_size=60)


_ERROR_FORM = re.compile(r"(?P<path>[^:\n]+):(?P<line>\d+): \S")


def _malformed(error: SourceError, path: str, first_line: int, text: str) -> str | None:
    """Why ``error`` is not a proper ``path:line: message`` about ``text``, if it is not."""
    match = _ERROR_FORM.match(str(error))
    if match is None or match.group("path") != path:
        return f"not in `{path}:line: message` form: {str(error)[:200]!r}"
    last_line = first_line + text.count("\n") + text.count("\r") + 1
    if not first_line <= error.line <= last_line:
        return f"line {error.line} is outside the input (lines {first_line}-{last_line})"
    if not error.message.strip():
        return "the message is empty"
    return None


def _crash(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    where = f"{frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}" if frames else "?"
    return f"{type(error).__name__} at {where}: {str(error)[:160]}"


def check_checklist(text: str) -> str | None:
    try:
        checklist = parse_checklist(text, checklist_id="fuzz", path=CHECKLIST_PATH)
        scan(checklist.intro)
    except SourceErrors as errors:
        for error in errors.errors:
            if problem := _malformed(error, CHECKLIST_PATH, 1, text):
                return problem
        return None
    except Exception as error:
        return _crash(error)
    return None


def check_message(source: str) -> str | None:
    try:
        template = parse_message(source, path=PAGE_PATH, line=FENCE_LINE, settings=SETTINGS)
        example_text(template)
        check_example(template, SETTINGS)
    except SourceError as error:
        return _malformed(error, PAGE_PATH, FENCE_LINE, source)
    except Exception as error:
        return _crash(error)
    return None


def check_template(text: str) -> str | None:
    try:
        compiled = compile_template(text, path=PAGE_PATH, line=FENCE_LINE)
        values = {name: name.upper() for name in compiled.variables[::2]}
        render_text(compiled, values)
    except SourceError as error:
        return _malformed(error, PAGE_PATH, FENCE_LINE, text)
    except Exception as error:
        return _crash(error)
    return None


def check_page_scan(text: str) -> str | None:
    try:
        scan(text)
    except Exception as error:
        return _crash(error)
    return None


@dataclass(frozen=True)
class Target:
    name: str
    inputs: Callable[[], st.SearchStrategy[str]]
    check: Callable[[str], str | None]


TARGETS = (
    Target("checklist files", checklist_texts, check_checklist),
    Target("message settings and text", message_sources, check_message),
    Target("message templates", templates, check_template),
    Target("fence and task scan of a page", page_texts, check_page_scan),
)
