"""What checking each source found, kept from one build to the next.

The plugin keeps one :class:`SourceCache` while ``mkdocs serve`` rebuilds, so a rebuild after
an edit parses and checks only the sources that changed. An entry is keyed by content, never
by time: a digest of the text, where it sits (path and first line, which its errors name) and
a digest of the settings it was checked with. A build keeps only the entries it used, so a
deleted or renamed file leaves nothing behind, and a file changed back is checked again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from typing import TypeVar

from playbook_plugin.sources.errors import SourceError, SourceErrors

T = TypeVar("T")


class SourceCache:
    def __init__(self) -> None:
        self._settings = ""
        self._kept: dict[Hashable, tuple[bool, object]] = {}
        self._used: dict[Hashable, tuple[bool, object]] = {}
        self.checked = 0
        """Sources parsed or checked in the current build (the rest came from the cache)."""

    def start_build(self, settings: str) -> None:
        """A new build, checked with ``settings``; entries from other settings are dropped."""
        self._kept = self._used if settings == self._settings else {}
        self._used = {}
        self._settings = settings
        self.checked = 0

    def result(self, kind: str, text: str, where: Hashable, make: Callable[[], T]) -> T:
        """``make()``, or what it returned (or raised) for the same text, place and settings."""
        key = (kind, hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), where)
        entry = self._used.get(key) or self._kept.get(key)
        if entry is None:
            self.checked += 1
            try:
                entry = (True, make())
            except (SourceError, SourceErrors) as error:  # kept, and raised again on a hit
                entry = (False, error)
        self._used[key] = entry
        returned, value = entry
        if not returned:
            assert isinstance(value, Exception)
            raise value
        return value  # type: ignore[return-value]
