"""Validate the whole playbook before anything is written: checklists, fences, task ids."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from playbook_plugin.rules.advice import Severity, primary_language
from playbook_plugin.sources.checklists import Checklist, load_checklists
from playbook_plugin.sources.errors import SourceError, SourceErrors
from playbook_plugin.sources.fences import Fence, scan
from playbook_plugin.sources.languages import Languages
from playbook_plugin.sources.messages import (
    MessageSettings,
    MessageTemplate,
    check_example,
    parse_message,
)
from playbook_plugin.sources.source_cache import SourceCache
from playbook_plugin.sources.source_files import (
    display_path,
    is_prepared_text,
    markdown_pages,
    read_source,
)
from playbook_plugin.sources.task_checks import RenderTasks, check_task_ids


@dataclass
class Playbook:
    """Every validated source of a site, and the advice its own examples break."""

    checklists: dict[str, Checklist] = field(default_factory=dict)
    templates: dict[str, MessageTemplate] = field(default_factory=dict)
    templates_by_source: dict[str, MessageTemplate] = field(default_factory=dict)
    """Each ``message`` fence's text and its template, so that rendering parses none again."""
    warnings: list[SourceError] = field(default_factory=list)
    checks_without_words: dict[str, set[str]] = field(default_factory=dict)
    """By language: the advice checks that have no word list in it, so do not run."""


def load_playbook(
    checklists_dir: Path,
    docs_dir: Path,
    project_root: Path,
    messages: MessageSettings,
    render_tasks: RenderTasks | None = None,
    cache: SourceCache | None = None,
    languages: Languages | None = None,
) -> Playbook:
    """The playbook, once every source is known to be valid; else all problems at once.

    ``render_tasks`` renders a page as the site will, to check its explicit task ids; it is
    only called once everything else is valid, and only for pages that may have a problem.
    ``cache`` (kept by the plugin across ``mkdocs serve`` rebuilds, started with the
    settings these checks depend on) skips the sources an earlier build already checked.
    On a multilingual site, ``languages`` limits both to the sources of the language built.
    """
    playbook = Playbook()
    cache = cache if cache is not None else SourceCache()
    errors: list[SourceError] = []
    try:
        playbook.checklists = load_checklists(checklists_dir, project_root, cache, languages)
    except SourceErrors as problems:
        errors.extend(problems.errors)
    checklists_broken = bool(errors)
    for checklist in playbook.checklists.values():
        errors.extend(_check_intro(playbook, checklist, messages, checklists_broken, cache))
    pages: list[tuple[str, str]] = []
    listed = list(markdown_pages(docs_dir, project_root))
    if languages is not None:
        built = set(languages.choose((page for page, _ in listed), docs_dir).values())
        listed = [(page, error) for page, error in listed if error or page in built]
    for page, listing_error in listed:
        if listing_error is not None:
            errors.append(listing_error)
            continue
        display = display_path(page, project_root)
        try:
            text = read_source(page, display)
        except SourceError as error:
            errors.append(error)
            continue
        if is_prepared_text(text):
            continue  # written by `playbook prepare` from the checklists, checked through them
        pages.append((text, display))
        fences = cache.result("fences", text, None, partial(scan, text))
        errors.extend(
            _check_checklist_fences(fences, display, playbook.checklists, checklists_broken)
        )
        page_messages = messages
        if languages is not None:
            written_in = languages.written_in(page.relative_to(docs_dir))
            if written_in != languages.current:
                # The default language's page stands in for a missing translation: its
                # templates are in the default language, so are the words they are checked on.
                page_messages = replace(messages, language=primary_language(written_in))
        for fence in fences:
            if fence.name == "message":
                errors.extend(_add_template(playbook, fence, display, page_messages, cache))
    if not errors and render_tasks is not None:
        for text, display in pages:
            errors.extend(
                cache.result(
                    "task ids", text, display, partial(check_task_ids, text, display, render_tasks)
                )
            )
        for checklist in playbook.checklists.values():
            # The introduction is part of the checklist's page: its task lists follow page rules.
            if "{#" in checklist.intro:
                errors.extend(
                    cache.result(
                        "intro task ids",
                        checklist.intro,
                        (checklist.path, checklist.intro_line),
                        partial(
                            check_task_ids,
                            checklist.intro,
                            checklist.path,
                            render_tasks,
                            first_line=checklist.intro_line,
                        ),
                    )
                )
    if errors:
        raise SourceErrors(errors)
    return playbook


def _check_intro(
    playbook: Playbook,
    checklist: Checklist,
    messages: MessageSettings,
    checklists_broken: bool,
    cache: SourceCache,
) -> list[SourceError]:
    """A checklist's introduction is Markdown on the checklist's page: check its fences too."""
    fences = scan(checklist.intro)
    fences = [replace(fence, line=fence.line + checklist.intro_line - 1) for fence in fences]
    errors = _check_checklist_fences(fences, checklist.path, playbook.checklists, checklists_broken)
    for fence in fences:
        if not fence.closed:
            errors.append(
                SourceError(
                    checklist.path,
                    fence.line - 1,
                    "this code fence is not closed before the first item: "
                    "close it with a line of the same backticks or tildes",
                )
            )
        elif fence.name == "message":
            errors.extend(_add_template(playbook, fence, checklist.path, messages, cache))
    return errors


def _parse_and_judge(
    fence: Fence, display: str, messages: MessageSettings
) -> tuple[MessageTemplate, list[tuple[str, Severity]]]:
    """The fence's template, and the advice checks its own examples break."""
    template = parse_message(fence.source, path=display, line=fence.line, settings=messages)
    return template, check_example(template, messages)


def _add_template(
    playbook: Playbook, fence: Fence, display: str, messages: MessageSettings, cache: SourceCache
) -> list[SourceError]:
    try:
        template, broken_checks = cache.result(
            "message",
            fence.source,
            (display, fence.line),
            lambda: _parse_and_judge(fence, display, messages),
        )
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
    for check_id, severity in broken_checks:
        playbook.warnings.append(
            SourceError(
                display,
                template.line,
                f"with its examples filled in, message `{template.id}` trips the advice check "
                f"`{check_id}` ({severity}): change the text or the examples so it follows "
                f"the advice, or switch the check off for this template with "
                f"`checks: {{{check_id}: false}}` in its settings" + _language_hint(template),
            )
        )
    for check_id in template.checks_without_words:
        playbook.checks_without_words.setdefault(template.lang, set()).add(check_id)
    return []


def _language_hint(template: MessageTemplate) -> str:
    """Says which language's words judged a template that did not name its language."""
    if template.lang_declared or template.lang == "en":
        return ""
    return (
        f"; it was read as `{template.lang}`, the language of its page: if it is written in "
        "another language, say so with `lang:` in its settings (for example `lang: en`)"
    )


def check_page(
    text: str, display: str, checklists: Mapping[str, Checklist], checklists_broken: bool
) -> tuple[list[Fence], list[SourceError]]:
    """The page's fences, and what is wrong with its checklist fences."""
    fences = scan(text)
    return fences, _check_checklist_fences(fences, display, checklists, checklists_broken)


def _check_checklist_fences(
    fences: list[Fence], display: str, checklists: Mapping[str, Checklist], checklists_broken: bool
) -> list[SourceError]:
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
    return errors


_checked: dict[tuple[Path, Path, Path], tuple[tuple[tuple[str, int, int], ...], Playbook]] = {}


def _signature(*folders: Path) -> tuple[tuple[str, int, int], ...]:
    """Every Markdown source's path, size and modification time: what a change alters."""
    found: list[tuple[str, int, int]] = []
    for folder in folders:
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else ():
            try:
                info = path.stat()
            except OSError:
                continue
            found.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(found)


def checked_playbook(
    checklists_dir: Path, docs_dir: Path, project_root: Path, messages: MessageSettings
) -> Playbook:
    """``load_playbook``, kept while no source changes: for hosts that render page by page
    (Zensical) and have no moment before the build to check the whole playbook once."""
    key = (checklists_dir.resolve(), docs_dir.resolve(), project_root.resolve())
    signature = _signature(checklists_dir, docs_dir)
    cached = _checked.get(key)
    if cached is not None and cached[0] == signature:
        return cached[1]
    playbook = load_playbook(checklists_dir, docs_dir, project_root, messages)
    _checked[key] = (signature, playbook)
    return playbook
