"""Reading an author's files: UTF-8 text, and the path that errors show for them.

Only regular files are read. A named pipe, a folder, a broken link or a link loop whose
name ends in ``.md`` is a ``path:line`` error, never a blocked or crashed build.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from playbook_plugin.sources.errors import SourceError

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
"""What MkDocs reads as pages (``mkdocs.utils.markdown_extensions``)."""


def display_path(file: Path, root: Path) -> str:
    """``checklists/before.md``: the file relative to the project, as authors know it.

    Only the folder is resolved, so a link keeps its own name (and a link loop is no error).
    """
    try:
        located = file.parent.resolve() / file.name
        return located.relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return file.as_posix()


def read_source(file: Path, display: str) -> str:
    """The file's text; a file that is not UTF-8 is a ``path:line`` error at the first bad byte."""
    data = _read_regular_file(file, display)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(display, line, "this file is not UTF-8 text: save it as UTF-8") from None
    return text.removeprefix("\ufeff")


def _read_regular_file(file: Path, display: str) -> bytes:
    # O_NONBLOCK: opening a named pipe must not wait for a writer.
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(file, flags)
    except OSError as error:
        raise _unreadable(file, display, error) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise SourceError(
                display,
                1,
                "this is a folder, but a name ending in .md is for a Markdown file: "
                "rename the folder",
            )
        if not stat.S_ISREG(mode):
            raise SourceError(
                display,
                1,
                "this is not a regular file (a named pipe, socket or device): "
                "replace it with a Markdown file or remove it",
            )
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return stream.read()
    finally:
        os.close(descriptor)


def _unreadable(file: Path, display: str, error: OSError) -> SourceError:
    if error.errno == errno.ELOOP:
        return SourceError(
            display, 1, "this link leads back to itself (a loop): point it at a file or remove it"
        )
    if error.errno == errno.ENOENT and file.is_symlink():
        target = os.readlink(file)
        return SourceError(
            display,
            1,
            f"this is a link to `{target}`, which does not exist: fix the link or remove it",
        )
    reason = error.strerror or "it cannot be opened"
    return SourceError(
        display, 1, f"this file cannot be read ({reason}): check that it exists and you may read it"
    )


def markdown_lines(text: str) -> list[str]:
    """The lines as Python-Markdown sees them (its ``NormalizeWhitespace``).

    Only ``\\n`` ends a line once CR and CRLF are normalised; ``str.splitlines()`` would also
    split at U+2028, U+0085 or a form feed, and find fences Markdown never renders (or miss
    one it does). Markdown also deletes the characters U+0002 and U+0003.
    """
    text = text.replace("\x02", "").replace("\x03", "")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def markdown_pages(docs_dir: Path, root: Path) -> Iterator[tuple[Path, SourceError | None]]:
    """Every page MkDocs will read in ``docs_dir``, in path order, like MkDocs finds them.

    MkDocs walks the folder following links and leaves out names starting with a dot. A
    folder link that leads back to a folder it is in would make it build the pages again and
    again: it comes back as an error in place of a page.
    """
    identities: dict[Path, tuple[int, int]] = {}
    for folder, folders, files in os.walk(docs_dir, followlinks=True):
        here = Path(folder)
        try:
            info = os.stat(here)
        except OSError:
            folders.clear()
            continue
        identity = (info.st_dev, info.st_ino)
        if identity in (identities.get(parent) for parent in here.parents):
            folders.clear()
            yield (
                here,
                SourceError(
                    display_path(here, root),
                    1,
                    "this folder link leads back to a folder it is in (a loop): remove the link",
                ),
            )
            continue
        identities[here] = identity
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(MARKDOWN_SUFFIXES):
                yield here / name, None


PREPARED_MARKER = "<!-- playbook: written by `playbook prepare`"
"""How a page ``playbook prepare`` wrote into ``docs/`` (for Zensical) starts."""


def is_prepared_text(text: str) -> bool:
    """True for the text of a page ``playbook prepare`` wrote (the marker opens it)."""
    return PREPARED_MARKER in text[:4096]


def is_prepared(path: Path) -> bool:
    """True for a page ``playbook prepare`` wrote, not an author: generated from the
    checklists, it is checked through them, and a build may replace it. Only a regular file
    is opened (a named pipe would block)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open(encoding="utf-8") as page:
            return is_prepared_text(page.read(4096))
    except (OSError, UnicodeDecodeError):
        return False
