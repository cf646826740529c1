"""Checklist files: ``checklists/<id>.md`` parsed into a validated model."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter

from playbook_plugin.sources.errors import SourceError, SourceErrors
from playbook_plugin.sources.languages import Languages
from playbook_plugin.sources.slugs import is_valid_id, slugify, split_explicit_id
from playbook_plugin.sources.source_cache import SourceCache
from playbook_plugin.sources.source_files import display_path, markdown_lines, read_source
from playbook_plugin.sources.yaml_header import HeaderError, load_header

PHASES = ("before", "during", "after", "anytime")
RESERVED_IDS = frozenset({"index", "event-kit"})
FRONT_MATTER_KEYS = ("title", "phase", "summary", "print")
MAX_CHECKLIST_CHARACTERS = 100_000
"""Bounds the Markdown work of one checklist (rendered on its page, the kit and embeds);
the playbook's own checklists are under 2,000."""

TASK_LINE = re.compile(r"^(?P<indent> *)[-*+] \[(?P<mark>[ xX])\](?: (?P<text>.*))?$")
PLAIN_ITEM = re.compile(r"^[-*+] (?!\[[ xX]\])")


@dataclass(frozen=True)
class TaskLine:
    """One ``- [ ] text {#id}`` line, wherever it is found."""

    line: int
    indent: int
    checked: bool
    text: str
    item_id: str
    explicit_id: bool


@dataclass
class ChecklistItem:
    id: str
    text: str
    checked: bool
    line: int
    detail: str = ""
    children: list[ChecklistItem] = field(default_factory=list)


@dataclass
class Checklist:
    id: str
    title: str
    phase: str
    summary: str
    print: bool
    intro: str
    items: list[ChecklistItem]
    path: str
    intro_line: int = 1
    """The file line where the introduction starts, for errors found in it."""

    def all_items(self) -> Iterator[ChecklistItem]:
        for item in self.items:
            yield item
            yield from item.children

    @property
    def item_count(self) -> int:
        return sum(1 for _ in self.all_items())


def parse_task_line(raw: str, line: int) -> TaskLine | None:
    match = TASK_LINE.match(raw.expandtabs(4))
    if match is None:
        return None
    text, explicit = split_explicit_id(match.group("text") or "")
    return TaskLine(
        line=line,
        indent=len(match.group("indent")),
        checked=match.group("mark") != " ",
        text=text.strip(),
        item_id=explicit if explicit is not None else slugify(text),
        explicit_id=explicit is not None,
    )


def check_item_id(task: TaskLine, path: str) -> SourceError | None:
    if task.explicit_id and not is_valid_id(task.item_id):
        return SourceError(
            path,
            task.line,
            f"item id `{task.item_id}` may only use lower-case letters, digits and hyphens "
            f"(like `{slugify(task.item_id) or 'my-item'}`)",
        )
    if not task.item_id:
        return SourceError(
            path,
            task.line,
            "this item has no text to make an id from: add one at the end of the line, "
            "like `{#my-item}`",
        )
    return None


def load_checklists(
    directory: Path,
    display_root: Path,
    cache: SourceCache | None = None,
    languages: Languages | None = None,
) -> dict[str, Checklist]:
    """Every checklist in ``directory``, keyed by id; all problems raised together.

    With a ``cache``, a file whose text was parsed by an earlier build is not parsed again.
    On a multilingual site, ``languages`` picks each checklist's file for the language being
    built (``before.fr.md`` or ``fr/before.md``, else the default language's)."""
    checklists: dict[str, Checklist] = {}
    errors: list[SourceError] = []
    if not directory.is_dir():
        return checklists
    # Names starting with a dot are editors' lock and backup files (Emacs' `.#x.md` links).
    files = sorted(f for f in directory.glob("*.md") if not f.name.startswith("."))
    ids: dict[Path, str] = {file: file.stem for file in files}
    if languages is not None:
        if languages.layout == "folder":
            files += sorted(
                f
                for folder in directory.iterdir()
                if folder.is_dir() and languages.is_language(folder.name)
                for f in folder.glob("*.md")
                if not f.name.startswith(".")
            )
        chosen = languages.choose(files, directory)
        files = list(chosen.values())
        ids = {file: neutral.stem for neutral, file in chosen.items()}
    for file in files:
        try:
            checklist = parse_checklist_file(
                file, display_path(file, display_root), cache, checklist_id=ids[file]
            )
        except SourceErrors as problems:
            errors.extend(problems.errors)
        else:
            checklists[checklist.id] = checklist
    if errors:
        raise SourceErrors(errors)
    return checklists


def parse_checklist_file(
    file: Path,
    display: str,
    cache: SourceCache | None = None,
    checklist_id: str | None = None,
) -> Checklist:
    try:
        text = read_source(file, display)
    except SourceError as error:
        raise SourceErrors([error]) from None
    name = checklist_id or file.stem
    if cache is not None:
        return cache.result(
            "checklist", text, display, lambda: _parse_checklist_text(text, name, display)
        )
    return _parse_checklist_text(text, name, display)


def _parse_checklist_text(text: str, checklist_id: str, display: str) -> Checklist:
    if len(text) > MAX_CHECKLIST_CHARACTERS:
        raise SourceErrors(
            [
                SourceError(
                    display,
                    1,
                    f"this checklist is {len(text):,} characters long; a checklist is read on a "
                    f"phone and printed on a page or two, so keep it under "
                    f"{MAX_CHECKLIST_CHARACTERS:,}: split it, or move the long text to a page",
                )
            ]
        )
    return parse_checklist(text, checklist_id=checklist_id, path=display)


def parse_checklist(text: str, *, checklist_id: str, path: str) -> Checklist:
    errors: list[SourceError] = []
    meta, body, body_line = _split_front_matter(text, path)
    if not is_valid_id(checklist_id):
        errors.append(
            SourceError(
                path,
                1,
                f"the file name gives the checklist id `{checklist_id}`; ids may only use "
                f"lower-case letters, digits and hyphens: rename the file to "
                f"`{slugify(checklist_id) or 'my-checklist'}.md`",
            )
        )
    elif checklist_id in RESERVED_IDS:
        errors.append(
            SourceError(
                path,
                1,
                f"`{checklist_id}` is the name of a page the playbook makes itself: "
                "rename the file",
            )
        )
    title, phase, summary, printable = _read_front_matter(meta, text, path, errors)
    intro, intro_line, items = _parse_body(body, body_line, path, errors)
    if not items and not any(error.path == path and "item" in error.message for error in errors):
        errors.append(
            SourceError(
                path,
                body_line,
                "this checklist has no items: add at least one line like `- [ ] Bring a pen`",
            )
        )
    if errors:
        raise SourceErrors(errors)
    return Checklist(
        id=checklist_id,
        title=title,
        phase=phase,
        summary=summary,
        print=printable,
        intro=intro,
        items=items,
        path=path,
        intro_line=intro_line,
    )


def _split_front_matter(text: str, path: str) -> tuple[dict[str, object], str, int]:
    handler = frontmatter.default_handlers.YAMLHandler()
    if not handler.detect(text):
        return {}, text, 1
    try:
        raw_meta, body = handler.split(text)
    except ValueError:
        return {}, text, 1
    body = body.lstrip("\n")
    body_start = text.rfind(body) if body else len(text)
    body_line = text.count("\n", 0, body_start) + 1
    try:
        _, meta = load_header(raw_meta)
    except HeaderError as problem:
        if problem.fix is not None:
            message = f"the front matter {problem.problem}: {problem.fix}"
        else:
            message = (
                f"the front matter is not valid YAML ({problem.problem}); "
                "write one `key: value` per line between the two `---` lines"
            )
        # The header starts on the line of its first `---`.
        raise SourceErrors([SourceError(path, problem.line + 1, message)]) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SourceErrors(
            [SourceError(path, 2, "the front matter must be `key: value` lines, like `title: …`")]
        )
    return meta, body, body_line


def _key_lines(text: str) -> dict[str, int]:
    """The line of each ``key:`` written at the start of a line (the first one wins)."""
    lines: dict[str, int] = {}
    for number, line in enumerate(markdown_lines(text), start=1):
        head, colon, _ = line.partition(":")
        if colon and head[:1].strip():
            lines.setdefault(head.rstrip(), number)
    return lines


def _read_front_matter(
    meta: dict[str, object], text: str, path: str, errors: list[SourceError]
) -> tuple[str, str, str, bool]:
    key_lines = _key_lines(text)
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            errors.append(
                SourceError(
                    path,
                    key_lines.get(str(key), 1),
                    f"unknown front matter key `{key}`; the keys are "
                    + ", ".join(f"`{name}`" for name in FRONT_MATTER_KEYS),
                )
            )
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        errors.append(
            SourceError(
                path,
                key_lines.get("title", 1) if "title" in meta else 1,
                "the checklist needs a title: add `title: Before the event` to the front matter",
            )
        )
        title = ""
    elif "\n" in title.strip() or "\r" in title.strip():
        errors.append(
            SourceError(
                path,
                key_lines.get("title", 1),
                "the title must fit on one line: write it on the `title:` line, "
                "without line breaks",
            )
        )
        title = ""
    phase = meta.get("phase", "anytime")
    if phase not in PHASES:
        errors.append(
            SourceError(
                path,
                key_lines.get("phase", 1),
                f"unknown phase `{phase}`: use one of " + ", ".join(PHASES),
            )
        )
    summary = meta.get("summary", "")
    if not isinstance(summary, str):
        errors.append(SourceError(path, key_lines.get("summary", 1), "`summary` must be text"))
        summary = ""
    printable = meta.get("print", True)
    if not isinstance(printable, bool):
        errors.append(
            SourceError(path, key_lines.get("print", 1), "`print` must be `true` or `false`")
        )
        printable = True
    # One line, so that the generated pages can place it without it starting a block.
    return title.strip(), str(phase), " ".join(summary.split()), printable


def _parse_body(
    body: str, first_line: int, path: str, errors: list[SourceError]
) -> tuple[str, int, list[ChecklistItem]]:
    lines = markdown_lines(body)
    intro: list[str] = []
    items: list[ChecklistItem] = []
    seen: dict[str, int] = {}
    current: ChecklistItem | None = None
    current_child: ChecklistItem | None = None
    detail: list[str] = []

    def flush_detail() -> None:
        target = current_child or current
        if target is not None and detail:
            target.detail = _dedent("\n".join(detail)).strip("\n")
        detail.clear()

    for offset, raw in enumerate(lines):
        number = first_line + offset
        expanded = raw.expandtabs(4)
        task = parse_task_line(raw, number)
        if task is not None and task.indent < 2:
            flush_detail()
            current = _new_item(task, path, seen, errors)
            current_child = None
            items.append(current)
            continue
        if current is None:
            intro.append(raw)
            continue
        if not expanded.strip():
            detail.append("")
            continue
        if not expanded.startswith("  "):
            if PLAIN_ITEM.match(expanded):
                errors.append(_plain_item_error(path, number, expanded))
            else:
                errors.append(
                    SourceError(
                        path,
                        number,
                        "text after the list is not part of any item: indent it under an "
                        "item (4 spaces) or move it above the list",
                    )
                )
            continue
        if task is not None:
            if task.indent >= 6 and current_child is not None:
                errors.append(
                    SourceError(
                        path,
                        number,
                        "checklists nest one level deep only: move this item up a level",
                    )
                )
                continue
            flush_detail()
            current_child = _new_item(task, path, seen, errors)
            current.children.append(current_child)
            continue
        detail.append(raw)
    flush_detail()
    leading_blank = next((i for i, line in enumerate(intro) if line), len(intro))
    return "\n".join(intro).strip("\n"), first_line + leading_blank, items


def _new_item(
    task: TaskLine, path: str, seen: dict[str, int], errors: list[SourceError]
) -> ChecklistItem:
    problem = check_item_id(task, path)
    if problem is not None:
        errors.append(problem)
    elif task.item_id in seen:
        errors.append(
            SourceError(
                path,
                task.line,
                f"item id `{task.item_id}` is already used on line {seen[task.item_id]}: "
                "give this item its own id, like `{#" + task.item_id + "-2}`",
            )
        )
    else:
        seen[task.item_id] = task.line
    return ChecklistItem(id=task.item_id, text=task.text, checked=task.checked, line=task.line)


def _plain_item_error(path: str, line: int, raw: str) -> SourceError:
    return SourceError(
        path,
        line,
        f"list items in a checklist need a box: write `- [ ] {raw[2:].strip()}`",
    )


def _dedent(text: str) -> str:
    lines = text.split("\n")
    widths = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    cut = min(widths, default=0)
    return "\n".join(line[cut:] for line in lines)
