"""PDFs kept by the digest of what they are made from, so an unchanged one is not re-rendered.

The key covers the pages' HTML and the site's settings, the stylesheets, every site file
the pages load, the WeasyPrint version and the options; the entry keeps the PDF and what
its rendering said (pages, fit, warnings), so a build that reuses it reports the same.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["PdfCache", "digest"]

FORMAT = "1"
"""Bump when the rendering changes in a way the inputs do not show."""


def digest(inputs: str, files: Iterable[Path]) -> str:
    """The key of a document: what it is made from, and the bytes of the files it loads."""
    hasher = hashlib.sha256(f"{FORMAT}\0{inputs}".encode())
    for path in sorted(set(files)):
        hasher.update(b"\0" + str(path).encode() + b"\0")
        if path.is_file():
            hasher.update(path.read_bytes())
    return hasher.hexdigest()


class PdfCache:
    """``<dir>/<key>.pdf`` and ``<dir>/<key>.json`` (what the rendering reported)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def get(self, key: str, target: Path) -> dict[str, Any] | None:
        """Copy the cached PDF to ``target`` and return its report, or None on a miss."""
        pdf, report = self.directory / f"{key}.pdf", self.directory / f"{key}.json"
        try:
            data = json.loads(report.read_text(encoding="utf-8"))
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf, target)
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def put(self, key: str, source: Path, report: dict[str, Any]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        partial = self.directory / f"{key}.pdf.partial"
        shutil.copyfile(source, partial)
        os.replace(partial, self.directory / f"{key}.pdf")
        (self.directory / f"{key}.json").write_text(json.dumps(report), encoding="utf-8")

    def keep_only(self, keys: Iterable[str]) -> None:
        """Remove the entries of documents this build no longer makes."""
        wanted = set(keys)
        if not self.directory.is_dir():
            return
        for entry in self.directory.iterdir():
            if entry.name.split(".", 1)[0] not in wanted:
                entry.unlink(missing_ok=True)
