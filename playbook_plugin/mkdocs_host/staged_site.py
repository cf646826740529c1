"""Build into a hidden folder beside ``site/`` and put it in place only when the build succeeds.

MkDocs empties ``site/`` before it writes the new pages, so a build that fails on a page, is
stopped under ``--strict``, or is killed half-way would leave a broken or empty site. Built
beside it instead, the new site replaces the old one with two renames once everything is
written; until then the previous site stays as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import CountHandler


@dataclass(frozen=True)
class StagedSite:
    site_dir: Path
    """Where the site is published (``site_dir`` in mkdocs.yml)."""

    @property
    def staging_dir(self) -> Path:
        """Hidden, beside ``site_dir``, on the same disk, so the swap is a rename."""
        return self.site_dir.with_name(f".{self.site_dir.name}.building")

    @property
    def old_dir(self) -> Path:
        return self.site_dir.with_name(f".{self.site_dir.name}.previous")

    def prepare(self, *, from_previous: bool = True) -> None:
        """With ``from_previous``, start from the previous site, hard-linked: a clean build
        empties it at once, and a ``--dirty`` one (which MkDocs tells plugins only through
        the command line) keeps the pages it does not rebuild. Without, start empty."""
        self.discard()
        if from_previous and self.site_dir.is_dir():
            shutil.copytree(self.site_dir, self.staging_dir, copy_function=_link_or_copy)

    def publish(self) -> None:
        """Put the new site in place of the old one."""
        shutil.rmtree(self.old_dir, ignore_errors=True)
        if self.site_dir.is_symlink() or os.path.ismount(self.site_dir):
            self._replace_contents()
            return
        if self.site_dir.exists():
            os.rename(self.site_dir, self.old_dir)
        os.rename(self.staging_dir, self.site_dir)
        shutil.rmtree(self.old_dir, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.staging_dir, ignore_errors=True)

    def _replace_contents(self) -> None:
        """``site_dir`` is a link or a mount point, which cannot be renamed: swap what is in it."""
        for entry in list(self.site_dir.iterdir()):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        for entry in self.staging_dir.iterdir():
            os.rename(entry, self.site_dir / entry.name)
        self.staging_dir.rmdir()


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def strict_warnings_logged() -> bool:
    """True when MkDocs, in ``--strict`` mode, has counted a warning in this build.

    MkDocs checks its count only after the last ``on_post_build``: the site must not be put in
    place before then if the build is going to be aborted.
    """
    return any(
        isinstance(handler, CountHandler) and handler.get_counts()
        for handler in logging.getLogger("mkdocs").handlers
    )
