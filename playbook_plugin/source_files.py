"""Reading an author's files: UTF-8 text, and the path that errors show for them."""

from __future__ import annotations

from pathlib import Path

from playbook_plugin.errors import SourceError


def display_path(file: Path, root: Path) -> str:
    """``checklists/before.md``: the file relative to the project, as authors know it."""
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.as_posix()


def read_source(file: Path, display: str) -> str:
    """The file's text; a file that is not UTF-8 is a ``path:line`` error at the first bad byte."""
    data = file.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(display, line, "this file is not UTF-8 text: save it as UTF-8") from None
    return text.removeprefix("\ufeff")
