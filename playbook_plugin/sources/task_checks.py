"""Check the explicit ``{#id}`` of task items before anything is written.

Only explicit ids can be wrong (implicit ones are always settled), so a page is rendered
for the check only when a cheap line scan finds an explicit id that is not an id or is
written twice. The scan sees a superset of the items Markdown renders (every line with a
box and a trailing ``{#…}``), so a page it clears cannot fail; a page it flags is rendered
with the site's own extensions, and only the items Markdown really made are reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from playbook_plugin.render.task_ids import PageIds
from playbook_plugin.sources.errors import SourceError
from playbook_plugin.sources.slugs import is_valid_id
from playbook_plugin.sources.source_files import markdown_lines

_BOX = re.compile(r"\[[ xX]\][ \t]")

RenderTasks = Callable[[str, str], "PageIds | None"]
"""Renders a page's Markdown (front matter included) under a display path; its task ids."""


def written_ids(text: str) -> Iterator[tuple[int, str]]:
    """``(line, id)`` of every line that has a box and ends with ``{#id}``; linear time."""
    for number, line in enumerate(markdown_lines(text), start=1):
        stripped = line.rstrip()
        if not stripped.endswith("}"):
            continue
        start = stripped.rfind("{#")
        if start == -1 or "}" in stripped[start:-1] or _BOX.search(stripped, 0, start) is None:
            continue
        yield number, stripped[start + 2 : -1]


def may_have_problems(text: str) -> bool:
    seen: set[str] = set()
    for _line, written in written_ids(text):
        if written in seen or not is_valid_id(written):
            return True
        seen.add(written)
    return False


def check_task_ids(
    text: str, display: str, render: RenderTasks, *, first_line: int = 1
) -> list[SourceError]:
    """Problems with the explicit ids of the items Markdown renders from ``text``."""
    if "{#" not in text or not may_have_problems(text):
        return []
    ids = render(text, display)
    if ids is None:
        return []
    lines: dict[str, list[int]] = {}
    for number, written in written_ids(text):
        lines.setdefault(written, []).append(number + first_line - 1)
    errors = []
    for problem in ids.problems:
        candidates = lines.get(problem.written, [])
        line = candidates[min(problem.occurrence, len(candidates)) - 1] if candidates else 1
        errors.append(SourceError(display, line, problem.message))
    return errors
