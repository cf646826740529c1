"""Validate the whole playbook before anything is written: checklists, fences, task lists."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from playbook_plugin.checklists import Checklist, check_item_id, load_checklists
from playbook_plugin.errors import SourceError, SourceErrors
from playbook_plugin.fences import scan


def load_playbook(checklists_dir: Path, docs_dir: Path, project_root: Path) -> dict[str, Checklist]:
    """The checklists, once every source is known to be valid; else all problems at once."""
    errors: list[SourceError] = []
    try:
        checklists = load_checklists(checklists_dir, project_root)
    except SourceErrors as problems:
        errors.extend(problems.errors)
        checklists = {}
    for page in sorted(docs_dir.rglob("*.md")):
        errors.extend(check_page(page, _display(page, project_root), checklists, bool(errors)))
    if errors:
        raise SourceErrors(errors)
    return checklists


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def check_page(
    page: Path, display: str, checklists: Mapping[str, Checklist], checklists_broken: bool
) -> list[SourceError]:
    data = page.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return [SourceError(display, line, "this file is not UTF-8 text: save it as UTF-8")]
    fences, tasks = scan(text)
    errors: list[SourceError] = []
    for fence in fences:
        if fence.name != "checklist":
            continue
        checklist_id = fence.source.strip()
        if checklist_id not in checklists and not checklists_broken:
            known = ", ".join(f"`{name}`" for name in sorted(checklists)) or "none yet"
            errors.append(
                SourceError(
                    display,
                    fence.line,
                    f"there is no checklist `{checklist_id}`: write one of {known}, "
                    f"or add `checklists/{checklist_id}.md`",
                )
            )
    seen: dict[str, int] = {}
    for task in tasks:
        problem = check_item_id(task, display)
        if problem is not None:
            errors.append(problem)
        elif task.item_id in seen:
            errors.append(
                SourceError(
                    display,
                    task.line,
                    f"task id `{task.item_id}` is already used on line {seen[task.item_id]} of "
                    "this page: give this item its own id, like `{#" + task.item_id + "-2}`",
                )
            )
        else:
            seen[task.item_id] = task.line
    return errors
