"""The app icons, kept by the digest of what they are drawn from, so a build whose site name,
colours and pictures have not changed copies them instead of drawing them (and loading Pillow).

The key covers the site's name, its colours and the bytes of each picture the icons may come
from (the author's icon, then the favicon); an entry is a folder of PNG files and a list of
their paths in the site, written whole or not at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from playbook_plugin.site_app.manifest import Colours

__all__ = ["ICON_CACHE_DIR", "icons_for"]

ICON_CACHE_DIR = ".cache/playbook/icons"
"""Where a build keeps its icons, under the project's folder."""

FORMAT = "1"
"""Bump when the drawing changes in a way the inputs do not show (sizes, fonts, encoding)."""
_INDEX = "icons.json"


def icons_for(
    name: str, pictures: Sequence[Path | None], colours: Colours, cache_dir: Path | None
) -> dict[str, bytes]:
    """PNG icons by path under the site, drawn from the first usable picture, or the site's
    initials; from ``cache_dir`` when an earlier build drew the same (None: always drawn)."""
    if cache_dir is None:
        return _draw(name, pictures, colours)
    entry = cache_dir / _key(name, pictures, colours)
    icons = _read(entry)
    if icons is None:
        icons = _draw(name, pictures, colours)
        _write(entry, icons)
    return icons


def _key(name: str, pictures: Sequence[Path | None], colours: Colours) -> str:
    hasher = hashlib.sha256(json.dumps([FORMAT, name, colours.theme, colours.background]).encode())
    for picture in pictures:
        hasher.update(b"\0")
        if picture is not None and picture.is_file():
            hasher.update(picture.read_bytes())
    return hasher.hexdigest()[:32]


def _draw(name: str, pictures: Sequence[Path | None], colours: Colours) -> dict[str, bytes]:
    from playbook_plugin.site_app.icons import icon_files, usable_image

    source = next((image for image in map(usable_image, pictures) if image is not None), None)
    return icon_files(name, source, colours)


def _read(entry: Path) -> dict[str, bytes] | None:
    try:
        paths = json.loads((entry / _INDEX).read_text(encoding="utf-8"))
        return {path: (entry / f"{number}.png").read_bytes() for number, path in enumerate(paths)}
    except (OSError, ValueError, TypeError):
        return None


def _write(entry: Path, icons: dict[str, bytes]) -> None:
    """Into a folder of its own first, then renamed: a reader never sees half an entry."""
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.partial")
    try:
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        for number, data in enumerate(icons.values()):
            (partial / f"{number}.png").write_bytes(data)
        (partial / _INDEX).write_text(json.dumps(list(icons)), encoding="utf-8")
        shutil.rmtree(entry, ignore_errors=True)  # an entry that could not be read
        partial.rename(entry)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)  # a cache that cannot be written: no cache
