"""Which source files a language of a multilingual site reads.

mkdocs-static-i18n builds a site once per language from one tree of sources, in one of two
layouts: ``suffix`` (``before.md`` in the default language, ``before.fr.md`` in French) or
``folder`` (``en/before.md``, ``fr/before.md``). The playbook reads its checklists and checks
its pages the same way: each language build takes its own file where there is one, and the
default language's file where there is not (static-i18n's ``fallback_to_default``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal, TypeVar

_LOCALE = re.compile(r"^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$|^[a-z]{2}_[A-Z]{2}$")
"""What static-i18n takes for a language code in a file or folder name."""

PathT = TypeVar("PathT", bound=PurePath)


@dataclass(frozen=True)
class Languages:
    current: str
    """The language this build is for."""
    default: str
    """The default language, built at the site's root."""
    known: tuple[str, ...]
    """Every language the site configures."""
    layout: Literal["suffix", "folder"] = "suffix"

    @property
    def folder(self) -> str:
        """Where this language's pages go in the site: ``fr/``, or nothing for the default."""
        return "" if self.current == self.default else f"{self.current}/"

    def split(self, relative: PurePath) -> tuple[str | None, PurePath]:
        """A source's language (None: not marked, so the default's) and its path without it."""
        if self.layout == "folder":
            if len(relative.parts) > 1 and self.is_language(relative.parts[0]):
                return relative.parts[0], PurePath(*relative.parts[1:])
            return None, relative
        stem = PurePath(relative.stem)
        if stem.suffix and self.is_language(stem.suffix[1:]):
            return stem.suffix[1:], relative.with_name(stem.stem + relative.suffix)
        return None, relative

    def written_in(self, relative: PurePath) -> str:
        """The language a source is written in: the one its name marks, else the default."""
        return self.split(relative)[0] or self.default

    def choose(self, sources: Iterable[PathT], root: PurePath) -> dict[PurePath, PathT]:
        """For each language-neutral path under ``root``, the file this build reads."""
        chosen: dict[PurePath, tuple[int, PathT]] = {}
        for source in sources:
            language, neutral = self.split(source.relative_to(root))
            if language == self.current:
                rank = 0
            elif language is None or language == self.default:
                rank = 1
            else:
                continue
            if neutral not in chosen or rank < chosen[neutral][0]:
                chosen[neutral] = (rank, source)
        return {neutral: source for neutral, (_, source) in sorted(chosen.items())}

    def is_language(self, name: str) -> bool:
        return name in self.known or bool(_LOCALE.match(name))
