"""Find fenced blocks in a Markdown page, with their line numbers.

The build validates every page before writing anything, so it needs the fences' places
without rendering; this scanner follows the same rules as pymdownx.superfences for
opening and closing fences (backticks or tildes, three or more, optionally indented).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from playbook_plugin.sources.source_files import markdown_lines

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t>]*?)(?P<fence>`{3,}|~{3,})[ \t]*+(?P<info>[^`\n]*)$")


@dataclass(frozen=True)
class Fence:
    name: str
    line: int
    """Line number of the first line inside the fence."""
    source: str
    closed: bool = True
    """False when the page ends before the closing fence."""


def _fence_name(info: str) -> str:
    info = info.strip()
    if info.startswith("{"):
        match = re.match(r"\{\s*\.?([\w-]+)", info)
        return match.group(1) if match else ""
    return info.split()[0] if info else ""


def scan(text: str) -> list[Fence]:
    """All fences (any name), in page order.

    Task items are not looked for here: they are found in what Markdown renders
    (``tasklists.py``), since lines that look like items do not always render as items.
    """
    fences: list[Fence] = []
    lines = markdown_lines(text)
    index = 0
    while index < len(lines):
        match = FENCE_OPEN.match(lines[index])
        if match is None:
            index += 1
            continue
        indent, fence = match.group("indent"), match.group("fence")
        closing = re.compile(rf"^{re.escape(indent)}{fence[0]}{{{len(fence)},}}[ \t]*$")
        body: list[str] = []
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            body.append(lines[end][len(indent) :] if lines[end].startswith(indent) else lines[end])
            end += 1
        closed = end < len(lines)
        fences.append(Fence(_fence_name(match.group("info")), index + 2, "\n".join(body), closed))
        index = end + 1
    return fences


def fences_named(text: str, name: str) -> Iterator[Fence]:
    return (fence for fence in scan(text) if fence.name == name)
