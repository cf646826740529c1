"""Validate the whole playbook before anything is written: checklists, fences, task ids."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from playbook_plugin.checklists import Checklist, load_checklists
from playbook_plugin.errors import SourceError, SourceErrors
from playbook_plugin.fences import Fence, scan
from playbook_plugin.messages import MessageSettings, MessageTemplate, check_example, parse_message
from playbook_plugin.source_files import display_path, read_source
from playbook_plugin.task_checks import RenderTasks, check_task_ids


@dataclass
class Playbook:
    """Every validated source of a site, and the advice its own examples break."""

    checklists: dict[str, Checklist] = field(default_factory=dict)
    templates: dict[str, MessageTemplate] = field(default_factory=dict)
    templates_by_source: dict[str, MessageTemplate] = field(default_factory=dict)
    """Each ``message`` fence's text and its template, so that rendering parses none again."""
    warnings: list[SourceError] = field(default_factory=list)


def load_playbook(
    checklists_dir: Path,
    docs_dir: Path,
    project_root: Path,
    messages: MessageSettings,
    render_tasks: RenderTasks | None = None,
) -> Playbook:
    """The playbook, once every source is known to be valid; else all problems at once.

    ``render_tasks`` renders a page as the site will, to check its explicit task ids; it is
    only called once everything else is valid, and only for pages that may have a problem.
    """
    playbook = Playbook()
    errors: list[SourceError] = []
    try:
        playbook.checklists = load_checklists(checklists_dir, project_root)
    except SourceErrors as problems:
        errors.extend(problems.errors)
    checklists_broken = bool(errors)
    pages: list[tuple[str, str]] = []
    for page in sorted(docs_dir.rglob("*.md")):
        display = display_path(page, project_root)
        try:
            text = read_source(page, display)
        except SourceError as error:
            errors.append(error)
            continue
        pages.append((text, display))
        fences, page_errors = check_page(text, display, playbook.checklists, checklists_broken)
        errors.extend(page_errors)
        for fence in fences:
            if fence.name == "message":
                errors.extend(_add_template(playbook, fence, display, messages))
    if not errors and render_tasks is not None:
        for text, display in pages:
            errors.extend(check_task_ids(text, display, render_tasks))
        for checklist in playbook.checklists.values():
            errors.extend(_check_intro_task_ids(checklist, project_root, render_tasks))
    if errors:
        raise SourceErrors(errors)
    return playbook


def _check_intro_task_ids(
    checklist: Checklist, project_root: Path, render_tasks: RenderTasks
) -> list[SourceError]:
    """A checklist's introduction is part of its page: its task lists follow the page rules."""
    if "{#" not in checklist.intro:
        return []
    source = (project_root / checklist.path).read_text(encoding="utf-8")
    start = source.find(checklist.intro)
    first_line = source.count("\n", 0, start) + 1 if start >= 0 else 1
    return check_task_ids(checklist.intro, checklist.path, render_tasks, first_line=first_line)


def _add_template(
    playbook: Playbook, fence: Fence, display: str, messages: MessageSettings
) -> list[SourceError]:
    try:
        template = parse_message(fence.source, path=display, line=fence.line, settings=messages)
    except SourceError as error:
        return [error]
    earlier = playbook.templates.get(template.id)
    if earlier is not None:
        return [
            SourceError(
                display,
                template.line,
                f"message id `{template.id}` is already used at {earlier.path}:{earlier.line}: "
                "give each template its own id",
            )
        ]
    playbook.templates[template.id] = template
    playbook.templates_by_source[fence.source] = template
    for check_id, severity in check_example(template, messages):
        playbook.warnings.append(
            SourceError(
                display,
                template.line,
                f"with its examples filled in, message `{template.id}` trips the advice check "
                f"`{check_id}` ({severity}): change the text or the examples so it follows "
                "the advice, or switch the check off for this site",
            )
        )
    return []


def check_page(
    text: str, display: str, checklists: Mapping[str, Checklist], checklists_broken: bool
) -> tuple[list[Fence], list[SourceError]]:
    """The page's fences, and what is wrong with its checklist fences."""
    fences, _tasks = scan(text)
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
    return fences, errors
