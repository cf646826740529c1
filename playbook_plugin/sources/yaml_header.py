"""YAML headers (checklist front matter, message settings) read with bounded work.

Authors write flat settings, so what YAML allows beyond them is refused with the line to fix:
anchors and aliases (``&a`` / ``*a``: an alias bomb expands to billions of values, an alias
to itself makes a value that contains itself), nesting deeper than :data:`MAX_NESTING`, and
characters YAML does not accept (control characters).
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_NESTING = 20
"""Levels of lists and mappings inside one another; settings use two or three."""


def _without_dates(loader: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """The loader, reading ``2024-02-30`` as text: no setting is a date, and an impossible
    date would stop the parser with a ``ValueError`` that names no line."""
    resolvers = {
        first: [(tag, pattern) for tag, pattern in entries if not tag.endswith(":timestamp")]
        for first, entries in loader.yaml_implicit_resolvers.items()
    }
    return type(f"{loader.__name__}WithoutDates", (loader,), {"yaml_implicit_resolvers": resolvers})


_LOADER = _without_dates(yaml.SafeLoader)
# LibYAML's parser when PyYAML was built with it: the same results, several times faster.
_FAST_LOADER = _without_dates(getattr(yaml, "CSafeLoader", yaml.SafeLoader))


class HeaderError(Exception):
    """What is wrong with a header, on a line counted from 0 at its first line."""

    def __init__(self, line: int, problem: str, fix: str | None = None) -> None:
        """``problem`` completes "the header …" when ``fix`` is given, else it is the YAML
        parser's own words for a syntax error."""
        super().__init__(problem)
        self.line = line
        self.problem = problem
        self.fix = fix
        """How to fix it, when it is not a plain YAML syntax error (the caller explains those)."""


def load_header(text: str) -> tuple[yaml.Node | None, Any]:
    """The header's node tree (for the lines of its keys) and its data."""
    try:
        return _load(text, _FAST_LOADER)
    except yaml.YAMLError as fast_error:
        if not hasattr(yaml, "CSafeLoader"):
            raise _header_error(fast_error, text) from None
        # PyYAML's own parser points at the line to fix, where LibYAML's may be one off.
        try:
            _load(text, _LOADER)
        except yaml.YAMLError as error:
            raise _header_error(error, text) from None
        except RecursionError:
            pass
        raise _header_error(fast_error, text) from None


def _load(text: str, loader_class: type[yaml.SafeLoader]) -> tuple[yaml.Node | None, Any]:
    _check_events(text, loader_class)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        try:
            return node, loader.construct_document(node)
        except (ValueError, OverflowError, TypeError) as error:  # e.g. `!!timestamp 2024-02-30`
            raise HeaderError(
                node.start_mark.line,
                f"has a value YAML cannot read ({error})",
                "write the values as plain text",
            ) from None
    finally:
        loader.dispose()


def _line(event: yaml.Event) -> int:
    """The 0-based line an event starts on (PyYAML's parser always marks its events)."""
    return event.start_mark.line if event.start_mark is not None else 0


def _check_events(text: str, loader_class: type[yaml.SafeLoader]) -> None:
    """Refuse aliases and deep nesting before anything is built (which would recurse)."""
    depth = 0
    for event in yaml.parse(text, Loader=loader_class):
        if isinstance(event, yaml.AliasEvent):
            raise HeaderError(
                _line(event),
                "uses a YAML alias (`*name`, repeating the value marked `&name`)",
                "write the value out in full where it is needed",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                raise HeaderError(
                    _line(event),
                    f"nests values more than {MAX_NESTING} levels deep",
                    "write one `key: value` per line",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _header_error(error: yaml.YAMLError, text: str) -> HeaderError:
    if isinstance(error, yaml.reader.ReaderError):
        position = min(max(error.position, 0), len(text))
        character = error.character
        code = (
            character if isinstance(character, int) else ord(text[position : position + 1] or " ")
        )
        return HeaderError(
            text.count("\n", 0, position),
            f"contains the control character U+{code:04X}, which YAML does not allow",
            "delete that character (some editors show it as a box or not at all)",
        )
    mark = getattr(error, "problem_mark", None)
    context = getattr(error, "context_mark", None)
    if mark is None or (context is not None and mark.index >= len(text.rstrip())):
        mark = context
    problem = getattr(error, "problem", None) or "it could not be read"
    return HeaderError(mark.line if mark is not None else 0, problem)
