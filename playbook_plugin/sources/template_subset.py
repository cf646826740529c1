"""Compile a message template (body or subject) into the small AST both renderers share.

A template is Jinja2 restricted to a subset, plus the placeholder forms published templates use
(``[Their first name]``, ``{Name}``, ``\\[Name\\]``, ``<Name>``, ``{{ free text }}``, ``___``;
see :func:`_placeholders_to_jinja`), which become ``{{ their_first_name }}`` before Jinja2
parses the text. Jinja2 parses; this
module walks the parse tree, rejects everything outside the subset with ``path:line`` errors,
and turns what is left into JSON the browser renderer (``playbook-messages.js``) interprets.

The JSON AST — a template is a list of nodes:

``{"type": "text", "text": str}``
    Literal text, whitespace exactly as Jinja2 leaves it.
``{"type": "var", "name": str, "filters": [{"name": str, "args": [str]}]}``
    A variable, with filters applied left to right. Also a value inside a comparison.
``{"type": "if", "branches": [{"test": Test, "body": [Node]}], "else": [Node]}``
    ``{% if %}`` and each ``{% elif %}`` are branches, in order.
``{"type": "str", "value": str}``
    A quoted string; only inside a comparison.

A ``Test`` is a ``var`` without filters, ``{"type": "not", "operand": Test}``,
``{"type": "and" | "or", "left": Test, "right": Test}``, or
``{"type": "compare", "op": "==" | "!=", "left": value, "right": value}`` where one side is a
``var`` (filters allowed) and the other a ``str``.

Semantics (shared with the browser): a field that is missing or blank (only spaces, tabs and
newlines) is undefined. ``default()`` replaces it, ``{% if %}`` treats it as false, ``==`` is
false and ``!=`` true, and anywhere else it stands for the text ``[Label]``, which the other
filters then change like any text (``upper`` gives ``[FIRST NAME]``).

The reference renderer (:func:`render_text`) is Jinja2 itself with autoescape off. Parsing
uses the autoescaping sandbox the design names, but the output is the reader's message, plain
text, never HTML: values come out exactly as typed, so ``<b>`` or ``{{ 7*7 }}`` in a value is
text. Whatever displays the message escapes it (the HTML widget and ``textContent`` do).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from jinja2 import TemplateSyntaxError, Undefined, meta, nodes
from jinja2.sandbox import SandboxedEnvironment

from playbook_plugin.sources.errors import SourceError

__all__ = [
    "CompiledTemplate",
    "compile_template",
    "is_blank",
    "label_from_name",
    "render_text",
    "slug_name",
]

Node = dict[str, Any]

ALLOWED_FILTERS = ("default", "trim", "capitalize", "lower", "upper", "title")
MAX_DEPTH = 40
"""Levels of the parse tree; a template with ten nested ``{% if %}`` uses about twenty."""

_BLANK = re.compile(r"[ \t\n\r]*")
_SCAN = re.compile(r"\{[{%#]|\\[\[\]]|\[|\{|<|_{3,}")
_FORMS = {
    "[": re.compile(r"\[([^\[\]{}\n]+)\]"),
    "\\[": re.compile(r"\\\[([^\[\]{}\n\\]+)\\\]"),
    "{": re.compile(r"\{([^\[\]{}\n]+)\}"),
    "<": re.compile(r"<([^<>\n]+)>"),
}
_ANGLE_LABEL = re.compile(r"[^\W\d_][\w \t'\u2019.,&-]*")
_HTML_TAGS = frozenset(
    [
        "a",
        "b",
        "i",
        "u",
        "p",
        "s",
        "q",
        "br",
        "hr",
        "em",
        "strong",
        "span",
        "div",
        "li",
        "ul",
        "ol",
        "small",
        "sub",
        "sup",
        "code",
        "pre",
        "del",
        "ins",
        "mark",
        "img",
        "table",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
    ]
)
_FREE_TEXT = re.compile(r"[^\W\d_][^{}|()\"'=<>~%\[\]\n]*")
_TAG_CLOSE = {"{{": "}}", "{%": "%}", "{#": "#}"}
_END_RAW = re.compile(r"\{%[-+]?\s*endraw\s*[-+]?%\}")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_WORD = re.compile(r"[\W_]+")
_RESERVED_NAMES = frozenset(
    {"and", "or", "not", "in", "is", "if", "else", "true", "false", "none", "self"}
)


def _environment(*, autoescape: bool) -> SandboxedEnvironment:
    env = SandboxedEnvironment(autoescape=autoescape, keep_trailing_newline=False)
    env.globals.clear()  # so `range`, `lipsum`… are plain field names, not functions
    return env


_PARSER = _environment(autoescape=True)
_RENDERER = _environment(autoescape=False)
_BLANK_FILTERS = ("trim", "capitalize", "lower", "upper", "title")
"""The filters that may be given a blank; ``default`` replaces a blank, so it is not one."""


@dataclass(frozen=True)
class CompiledTemplate:
    """A validated template: its Jinja2 source (brackets converted) and its JSON AST."""

    source: str
    ast: list[Node]
    variables: tuple[str, ...]
    bracket_labels: dict[str, str] = field(default_factory=dict)
    next_blank: int = 1

    def to_json(self) -> dict[str, Any]:
        return {"ast": self.ast, "variables": list(self.variables)}


def is_blank(value: str | None) -> bool:
    """True when a field counts as left empty (the browser uses the same rule)."""
    return value is None or _BLANK.fullmatch(value) is not None


def label_from_name(name: str) -> str:
    """``first_name`` and ``firstName`` both give "First name"."""
    words = _CAMEL.sub(" ", name).replace("_", " ").split()
    text = " ".join(words).lower()
    return text[:1].upper() + text[1:]


def slug_name(label: str) -> str | None:
    """The variable a bracket label names (``Their first name`` → ``their_first_name``).

    None when the label holds no letter, so ``[1]`` or ``[…]`` stay literal text.
    """
    if not any(ch.isalpha() for ch in label):
        return None
    decomposed = unicodedata.normalize("NFKD", label.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    slug = _NON_WORD.sub("_", plain).strip("_")
    if not slug.isidentifier():
        slug = f"field_{slug}"
    if slug in _RESERVED_NAMES:
        slug = f"{slug}_"
    return slug


def _free_text(content: str) -> bool:
    """True for ``{{ event/in the news for }}``: words meant for the reader, not a field name.

    Jinja2 cannot read them, or reads them as arithmetic (``city/town``, ``first-name``);
    anything that looks like template code (quotes, calls, filters, tests) stays Jinja2's.
    """
    if not _FREE_TEXT.fullmatch(content) or content.isidentifier():
        return False
    try:
        tree = _PARSER.parse("{{ " + content + " }}")
    except TemplateSyntaxError:
        return True
    output = tree.body[0] if len(tree.body) == 1 else None
    node = output.nodes[0] if isinstance(output, nodes.Output) and output.nodes else None
    return isinstance(node, nodes.Div | nodes.FloorDiv | nodes.Sub)


class _Placeholders:
    """Rewrites every placeholder form as ``{{ name }}``, remembering each one's label."""

    def __init__(self, first_blank: int) -> None:
        self.parts: list[str] = []
        self.labels: dict[str, str] = {}
        self.next_blank = first_blank

    def literal(self, text: str) -> None:
        if text:
            self.parts.append(text)

    def field(self, label: str) -> bool:
        """Emit a field labelled ``label``; False when the label names nothing (no letter)."""
        name = slug_name(label)
        if name is None:
            return False
        if self.parts and self.parts[-1].endswith("{"):
            # A literal brace right before the new tag would read as `{{{`.
            self.parts[-1] = self.parts[-1][:-1] + "{% raw %}{{% endraw %}"
        self.parts.append(f"{{{{ {name} }}}}")
        self.labels.setdefault(name, label)
        return True

    def underscores(self) -> None:
        self.field(f"Blank {self.next_blank}")
        self.next_blank += 1


def _placeholders_to_jinja(body: str, first_blank: int = 1) -> tuple[str, dict[str, str], int]:
    """Rewrite the placeholder forms of published templates as ``{{ name }}``.

    ``[Label]``, ``{Label}``, ``\\[Label\\]`` (Markdown-escaped), ``<Label>``,
    ``{{ free text }}`` and runs of three or more underscores become fields; a bracket
    without a letter stays text, and ``\\[`` alone is a literal bracket. Returns the Jinja2
    source, the labels by field name, and the number the next ``___`` blank would get.
    No newline is added or removed, so Jinja2's line numbers are the body's.
    """
    out = _Placeholders(first_blank)
    position = 0
    while match := _SCAN.search(body, position):
        out.literal(body[position : match.start()])
        token = match.group()
        position = match.end()
        if token in _TAG_CLOSE:
            end = body.find(_TAG_CLOSE[token], position)
            position = len(body) if end < 0 else end + 2
            content = body[match.end() : end].strip() if end >= 0 else ""
            if token == "{{" and end >= 0 and _free_text(content) and out.field(content):
                continue
            if token == "{%" and content.strip("-+ \t\n") == "raw":
                raw_end = _END_RAW.search(body, position)
                position = raw_end.end() if raw_end else len(body)
            out.literal(body[match.start() : position])
            continue
        if token.startswith("_"):
            out.underscores()
            continue
        if token == "\\]":  # Markdown's escaped bracket, as repositories store templates
            out.literal("]")
            continue
        form = _FORMS[token]
        placeholder = form.match(body, match.start())
        label = placeholder.group(1).strip() if placeholder else ""
        if token == "<" and (
            not placeholder
            or placeholder.group(1) != label  # "a < b and c > d" is not a blank
            or not _ANGLE_LABEL.fullmatch(label)
            or label.lower() in _HTML_TAGS
        ):
            label = ""
        if placeholder and label and out.field(label):
            position = placeholder.end()
        else:
            out.literal("[" if token == "\\[" else token)
    out.literal(body[position:])
    return "".join(out.parts), out.labels, out.next_blank


_UNSUPPORTED: dict[type[nodes.Node], tuple[str, str]] = {
    nodes.For: ("a `for` loop", "use {% if %} or write the text out"),
    nodes.Macro: ("a `macro`", "write the text out where it is needed"),
    nodes.CallBlock: ("a `{% call %}` block", "write the text out where it is needed"),
    nodes.Include: ("`{% include %}`", "put the text in this template"),
    nodes.Import: ("`{% import %}`", "put the text in this template"),
    nodes.FromImport: ("`{% from … import %}`", "put the text in this template"),
    nodes.Extends: ("`{% extends %}`", "write the whole message in this template"),
    nodes.Block: ("a `{% block %}`", "write the whole message in this template"),
    nodes.Assign: ("`{% set %}`", "add a field instead, or write the text out"),
    nodes.AssignBlock: ("`{% set %}`", "add a field instead, or write the text out"),
    nodes.With: ("a `{% with %}` block", "use the fields directly"),
    nodes.FilterBlock: ("a `{% filter %}` block", "apply the filter to a field: {{ name|upper }}"),
    nodes.Scope: ("`{% autoescape %}`", "leave it out"),  # Jinja2 wraps autoescape in a Scope
    nodes.ScopedEvalContextModifier: ("`{% autoescape %}`", "leave it out"),
    nodes.ExprStmt: ("`{% do %}`", "leave it out"),
    nodes.Call: ("calling a function (`name(…)`)", "use a field: {{ name }}"),
    nodes.Getattr: ("an attribute (`name.attribute`)", "use a field of its own: {{ name }}"),
    nodes.Getitem: ("indexing (`name[…]`)", "use a field of its own: {{ name }}"),
    nodes.Slice: ("slicing (`name[a:b]`)", "use a field of its own: {{ name }}"),
    nodes.Test: ("a test with `is`", "use {% if name %} to check that a field is filled in"),
    nodes.CondExpr: (
        "an inline `… if … else …`",
        'use {% if %}…{% else %}…{% endif %}, or {{ name|default("…") }}',
    ),
    nodes.And: ("`and` outside {% if %}", "use it in a condition: {% if a and b %}"),
    nodes.Or: ("`or` outside {% if %}", "use it in a condition: {% if a or b %}"),
    nodes.Not: ("`not` outside {% if %}", "use it in a condition: {% if not name %}"),
    nodes.Compare: ("a comparison outside {% if %}", 'use it in a condition: {% if a == "x" %}'),
    nodes.Concat: ("joining with `~`", "write the fields next to each other: {{ a }} {{ b }}"),
    nodes.BinExpr: ("arithmetic (`+ - * / // % **`)", "write the text out"),
    nodes.UnaryExpr: ("a sign (`-x`, `+x`)", "write the text out"),
    nodes.Literal: ("a literal value in `{{ }}`", "write the text outside the braces"),
    nodes.Keyword: ("a keyword argument", 'give default one quoted text: default("…")'),
}


class _Compiler:
    """Walks Jinja2's parse tree, checking the subset and building the JSON AST."""

    def __init__(self, path: str, line: int) -> None:
        self.path = path
        self.line = line
        self.names: list[str] = []

    def error(self, node: nodes.Node, message: str) -> SourceError:
        return SourceError(self.path, self.line + _lineno(node) - 1, message)

    def unsupported(self, node: nodes.Node) -> SourceError:
        for cls in type(node).__mro__:
            if cls in _UNSUPPORTED:
                what, hint = _UNSUPPORTED[cls]
                break
        else:
            what, hint = f"`{type(node).__name__}`", "use {{ name }} and {% if %} only"
        return self.error(node, f"{what} is not supported in message templates; {hint}")

    def body(self, statements: list[nodes.Node]) -> list[Node]:
        out: list[Node] = []
        for statement in statements:
            if isinstance(statement, nodes.Output):
                for child in statement.nodes:
                    if isinstance(child, nodes.TemplateData):
                        out.append({"type": "text", "text": child.data})
                    else:
                        out.append(self.value(child))
            elif isinstance(statement, nodes.If):
                out.append(self.if_(statement))
            else:
                raise self.unsupported(statement)
        return out

    def if_(self, node: nodes.If) -> Node:
        branches = [{"test": self.test(node.test), "body": self.body(node.body)}]
        for elif_ in node.elif_:
            branches.append({"test": self.test(elif_.test), "body": self.body(elif_.body)})
        return {"type": "if", "branches": branches, "else": self.body(node.else_)}

    def name(self, node: nodes.Name) -> Node:
        if node.name == "self":
            raise self.error(
                node, "`self` is a reserved name in templates; use another name for the field"
            )
        if node.name not in self.names:
            self.names.append(node.name)
        return {"type": "var", "name": node.name, "filters": []}

    def value(self, node: nodes.Node) -> Node:
        """A variable, possibly filtered: the only thing allowed in ``{{ }}``."""
        if isinstance(node, nodes.Name):
            return self.name(node)
        if not isinstance(node, nodes.Filter):
            raise self.unsupported(node)
        if node.node is None:
            raise self.unsupported(node)
        inner = self.value(node.node)
        inner["filters"].append(self.filter(node))
        return inner

    def filter(self, node: nodes.Filter) -> dict[str, Any]:
        if node.name not in ALLOWED_FILTERS:
            allowed = ", ".join(ALLOWED_FILTERS)
            raise self.error(
                node,
                f"the filter `{node.name}` is not supported in message templates; "
                f"use one of: {allowed}",
            )
        if node.kwargs or node.dyn_args or node.dyn_kwargs:
            raise self.unsupported(node.kwargs[0] if node.kwargs else node)
        args: list[str] = []
        if node.name == "default":
            args = [arg.value for arg in node.args if _is_text(arg)]
            if len(node.args) > 1 or len(args) != len(node.args):
                raise self.error(
                    node, 'default takes one quoted text, like {{ name|default("there") }}'
                )
        elif node.args:
            raise self.error(
                node,
                f"the filter `{node.name}` takes no arguments; write {{{{ name|{node.name} }}}}",
            )
        return {"name": node.name, "args": args}

    def test(self, node: nodes.Node) -> Node:
        if isinstance(node, nodes.Name):
            return self.name(node)
        if isinstance(node, nodes.Not):
            return {"type": "not", "operand": self.test(node.node)}
        if isinstance(node, nodes.And | nodes.Or):
            kind = "and" if isinstance(node, nodes.And) else "or"
            return {"type": kind, "left": self.test(node.left), "right": self.test(node.right)}
        if isinstance(node, nodes.Compare):
            return self.compare(node)
        if isinstance(node, nodes.Filter):
            raise self.error(
                node,
                "a filtered field on its own is not a condition in message templates; "
                'test the field ({% if name %}) or compare it ({% if name|lower == "x" %})',
            )
        raise self.unsupported(node)

    def compare(self, node: nodes.Compare) -> Node:
        if len(node.ops) != 1 or node.ops[0].op not in ("eq", "ne"):
            raise self.error(
                node,
                "only `==` and `!=` between a field and a quoted text are supported in "
                "message templates; chain conditions with `and` / `or` instead",
            )
        left, right = node.expr, node.ops[0].expr
        if _is_text(left) == _is_text(right):
            raise self.error(
                node, 'compare a field with a quoted text, like {% if role == "mentor" %}'
            )
        sides = [
            {"type": "str", "value": side.value} if _is_text(side) else self.value(side)
            for side in (left, right)
        ]
        op = "==" if node.ops[0].op == "eq" else "!="
        return {"type": "compare", "op": op, "left": sides[0], "right": sides[1]}


def _lineno(node: nodes.Node) -> int:
    """The node's line, or its first child's: Jinja2 leaves some nodes without one."""
    if node.lineno:
        return int(node.lineno)
    for child in node.iter_child_nodes():
        if line := _lineno(child):
            return line
    return 1


def _is_text(node: nodes.Node) -> TypeGuard[nodes.Const]:
    return isinstance(node, nodes.Const) and isinstance(node.value, str)


_BLOCK_TAG = re.compile(r"\{%[-+]?\s*(if|endif|for|endfor)\b")


def _unclosed_if_line(source: str) -> int | None:
    """The line of the ``{% if %}`` that has no ``{% endif %}``, if one is left open."""
    open_ifs: list[int] = []
    for match in _BLOCK_TAG.finditer(source):
        if match.group(1) == "if":
            open_ifs.append(source.count("\n", 0, match.start()) + 1)
        elif match.group(1) == "endif" and open_ifs:
            open_ifs.pop()
    return open_ifs[-1] if open_ifs else None


def _syntax_error(exc: TemplateSyntaxError, source: str, path: str, line: int) -> SourceError:
    reason = (exc.message or "syntax error").rstrip(".")
    if "end of template" in reason and "endif" in reason:
        opened = _unclosed_if_line(source)
        if opened is not None:
            return SourceError(
                path,
                line + opened - 1,
                "this `{% if %}` is never closed: add `{% endif %}` where the text it "
                "controls ends",
            )
    return SourceError(
        path,
        line + (exc.lineno or 1) - 1,
        f"the template cannot be read: {reason}. Check that every {{{{ has its }}}}, "
        "every {% if %} its {% endif %}, and write a literal bracket as \\[",
    )


def _too_deep() -> str:
    return (
        f"the template nests too deeply (more than {MAX_DEPTH} levels of {{% if %}}, filters, "
        "brackets or conditions inside one another): write it with fewer levels"
    )


def _line_too_deep(tree: nodes.Template) -> int | None:
    """The line where the parse tree goes deeper than :data:`MAX_DEPTH`, if it does.

    Walked without recursion: checking, compiling and rendering recurse once per level, and
    Jinja2 turns each level into a level of Python code, which Python limits.
    """
    stack: list[tuple[nodes.Node, int, int]] = [(tree, 0, 1)]
    while stack:
        node, depth, line = stack.pop()
        line = int(node.lineno or line)
        if depth > MAX_DEPTH:
            return line
        stack.extend((child, depth + 1, line) for child in node.iter_child_nodes())
    return None


def compile_template(text: str, *, path: str, line: int, first_blank: int = 1) -> CompiledTemplate:
    """Validate ``text`` against the subset; ``line`` is where it starts in ``path``.

    ``first_blank`` numbers the ``___`` blanks, so a subject's and a body's stay apart.
    """
    source, bracket_labels, next_blank = _placeholders_to_jinja(text, first_blank)
    try:
        tree = _RENDERER.parse(source)  # parsing does not depend on autoescape
    except TemplateSyntaxError as exc:
        raise _syntax_error(exc, source, path, line) from None
    except RecursionError:
        raise SourceError(path, line, _too_deep()) from None
    deepest_line = _line_too_deep(tree)
    if deepest_line is not None:
        raise SourceError(path, line + deepest_line - 1, _too_deep())
    compiler = _Compiler(path, line)
    ast = compiler.body(tree.body)
    declared = meta.find_undeclared_variables(tree)
    variables = tuple(name for name in compiler.names if name in declared)
    if len(_PARSED) > 256:
        _PARSED.clear()
    _PARSED[source] = tree
    return CompiledTemplate(
        source=source,
        ast=ast,
        variables=variables,
        bracket_labels={k: v for k, v in bracket_labels.items() if k in variables},
        next_blank=next_blank,
    )


class _Blank(Undefined):
    """An empty field: undefined to ``default`` and ``if``, ``[Label]`` as text."""

    __slots__ = ("_text",)

    def __init__(self, name: str, text: str) -> None:
        super().__init__(name=name)
        self._text = text

    def __str__(self) -> str:
        return self._text


class _BlankText(str):
    """What a filter makes of a blank: the label's text, still known to be a blank."""

    __slots__ = ()


def _is_blank_value(value: object) -> bool:
    return isinstance(value, _Blank | _BlankText)


def _blank_aware(apply: Callable[..., Any]) -> Callable[..., Any]:
    def filtered(value: Any, *args: Any, **kwargs: Any) -> Any:
        result = apply(value, *args, **kwargs)
        return _BlankText(result) if _is_blank_value(value) else result

    return filtered


def _hiding_environment() -> SandboxedEnvironment:
    """Renders a blank, filtered or not, as nothing, while conditions still read its label:
    the same branches as the text with its blanks shown."""
    env = _environment(autoescape=False)
    env.finalize = lambda value: "" if _is_blank_value(value) else value
    for name in _BLANK_FILTERS:
        env.filters[name] = _blank_aware(env.filters[name])
    return env


_HIDING_RENDERER = _hiding_environment()

_PARSED: dict[str, nodes.Template] = {}
"""Trees ``compile_template`` parsed, handed once to ``_jinja_template``: not parsed twice."""


@functools.lru_cache(maxsize=256)
def _jinja_template(source: str, *, hide_blanks: bool = False) -> Any:
    tree = _PARSED.pop(source, None)
    renderer = _HIDING_RENDERER if hide_blanks else _RENDERER
    return renderer.from_string(tree if tree is not None else source)


def render_text(
    compiled: CompiledTemplate,
    values: dict[str, str],
    labels: dict[str, str] | None = None,
    *,
    show_blanks: bool = True,
) -> str:
    """Render the message as plain text with Jinja2: the reference the browser must match.

    ``labels`` maps a variable to the label shown for it when blank; a variable without one
    uses its bracket label, else a label made from its name. With ``show_blanks=False`` a
    blank is left out instead: the words the template and the reader wrote, which is what
    the counter counts and the advice checks read.
    """
    labels = labels or {}
    context: dict[str, Any] = {}
    for name in compiled.variables:
        value = values.get(name)
        if value is None or is_blank(value):
            label = labels.get(name) or compiled.bracket_labels.get(name) or label_from_name(name)
            # Hidden blanks still read as "[Label]" to filters and conditions, so the same
            # branches are taken; the hiding renderer writes them, filtered or not, as nothing.
            context[name] = _Blank(name, f"[{label}]")
        else:
            context[name] = value
    template = _jinja_template(compiled.source, hide_blanks=not show_blanks)
    return str(template.render(context))
