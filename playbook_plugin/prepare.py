"""``playbook prepare``: what the MkDocs plugin adds to a build, written into ``docs/`` for a
host that runs no MkDocs plugin (Zensical): the checklist pages, the overview and the event
kit (from the same functions the plugin uses), and the browser scripts and stylesheets.

A page written here says so in its first lines, so the next run may replace or remove it and
never touches a page an author wrote; the MkDocs plugin builds its own in place of these.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from playbook_plugin.render.pages import (
    CHECKLISTS_FOLDER,
    EVENT_KIT_PATH,
    OVERVIEW_PATH,
    PEOPLE_PATH,
    checklist_page,
    checklist_page_path,
    event_kit_page,
    overview_page,
    people_page,
)
from playbook_plugin.sources.checklists import Checklist
from playbook_plugin.sources.source_files import PREPARED_MARKER, is_prepared

ASSETS = Path(__file__).parent / "assets"
SITE_ASSETS = "assets/playbook"
CORE_SCRIPT = f"{SITE_ASSETS}/javascripts/core.js"
GLOBAL_STYLESHEET = f"{SITE_ASSETS}/stylesheets/playbook.css"
_MARKER_LINE = (
    f"{PREPARED_MARKER} from the checklists; edit them, not this page, and run it again -->"
)


@dataclass
class Prepared:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    left_alone: list[Path] = field(default_factory=list)
    """Pages an author wrote where the playbook would put one."""


def generated_pages(checklists: dict[str, Checklist], strings: dict[str, str]) -> dict[str, str]:
    """Every page the playbook adds, by its path under ``docs/``."""
    pages = {
        checklist_page_path(checklist.id): checklist_page(checklist, strings)
        + _content_version(checklist)
        for checklist in checklists.values()
    }
    if checklists:
        every = _content_version(*checklists.values())
        pages[OVERVIEW_PATH] = overview_page(checklists, strings) + every
        # Zensical gives every page a folder, as MkDocs does by default.
        pages[EVENT_KIT_PATH] = (
            event_kit_page(checklists, strings, people_href="../../people/") + every
        )
    pages[PEOPLE_PATH] = people_page(strings)
    return pages


def _content_version(*checklists: Checklist) -> str:
    """A line that changes with the checklists a page shows: their items are rendered from the
    checklist files when Zensical builds the page, and Zensical renders again only the pages
    whose own text changed."""
    digest = hashlib.sha256(repr(checklists).encode("utf-8")).hexdigest()[:16]
    return f"\n<!-- playbook:checklists-version {digest} -->\n"


def _marked(text: str) -> str:
    """The page with the marker after its front matter (which must stay first)."""
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4) + len("\n---\n")
        return f"{text[:end]}{_MARKER_LINE}\n{text[end:]}"
    return f"{_MARKER_LINE}\n\n{text}"


def _write(path: Path, content: bytes, prepared: Prepared) -> None:
    if path.is_file() and path.read_bytes() == content:
        prepared.unchanged.append(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    prepared.written.append(path)


def prepare_docs(docs_dir: Path, pages: dict[str, str]) -> Prepared:
    """Write ``pages`` and the browser assets into ``docs_dir``; remove stale prepared pages."""
    prepared = Prepared()
    for path, text in pages.items():
        target = docs_dir / path
        if target.exists() and not is_prepared(target):
            prepared.left_alone.append(target)
            continue
        _write(target, _marked(text).encode("utf-8"), prepared)
    folder = docs_dir / CHECKLISTS_FOLDER
    candidates = sorted(folder.glob("*.md")) if folder.is_dir() else []
    for stale in [*candidates, docs_dir / PEOPLE_PATH]:
        if not stale.is_file():
            continue
        if stale.relative_to(docs_dir).as_posix() not in pages and is_prepared(stale):
            stale.unlink()
            prepared.removed.append(stale)
    for kind in ("javascripts", "stylesheets", "vendor"):
        for asset in sorted((ASSETS / kind).rglob("*")):
            if asset.is_file():
                target = docs_dir / SITE_ASSETS / asset.relative_to(ASSETS)
                _write(target, asset.read_bytes(), prepared)
    return prepared
