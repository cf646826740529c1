"""What the offline copy stores: every page and asset of a built site, each with its digest.

The list is read from the built site folder, so it holds whatever the host and the other
plugins wrote. Left out: source maps (only a developer's tools read them), the search
languages the site does not use, the compressed sitemap, and the PDFs unless the author asks
for them (they are most of the bytes). The version of the offline copy is a digest of the
list, so it changes with any file's content and never with the time of the build.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

SERVICE_WORKER = "playbook-sw.js"
WEB_MANIFEST = "manifest.webmanifest"
DIGEST_CHARS = 16
"""Hex digits of SHA-256 kept per file: 64 bits, plenty to tell two versions of a file apart."""

_NEVER = (".map", ".gz")
_LUNR = "assets/javascripts/lunr/"
_LUNR_EXTRA = {"ja": "tinyseg.js", "th": "wordcut.js"}


@dataclass(frozen=True)
class CachedFile:
    path: str
    """The file's path under the site folder, with ``/``."""
    key: str
    """The address relative to the site root that pages link to: ``plays/`` for
    ``plays/index.html``, the empty string for the home page."""
    digest: str
    size: int


def page_key(path: str) -> str:
    """``plays/index.html`` → ``plays/``; ``index.html`` → ``""``; other paths unchanged."""
    if path == "index.html":
        return ""
    if path.endswith("/index.html"):
        return path.removesuffix("index.html")
    return path


def search_languages(site_dir: Path) -> list[str]:
    """The languages of Material's search index (``["en"]`` when the site has none)."""
    index = site_dir / "search" / "search_index.json"
    try:
        config = json.loads(index.read_text(encoding="utf-8")).get("config", {})
    except (OSError, ValueError, AttributeError):
        return ["en"]
    languages = config.get("lang") if isinstance(config, dict) else None
    if isinstance(languages, str):
        return [languages]
    return [lang for lang in languages or ["en"] if isinstance(lang, str)] or ["en"]


def _lunr_files_needed(languages: Iterable[str]) -> set[str]:
    """The files Material's search worker loads for these languages (none for English alone)."""
    others = [lang for lang in languages if lang != "en"]
    if not others:
        return set()
    needed = {f"{_LUNR}min/lunr.stemmer.support.min.js"}
    if len(list(languages)) > 1:
        needed.add(f"{_LUNR}min/lunr.multi.min.js")
    for lang in others:
        needed.add(f"{_LUNR}min/lunr.{lang}.min.js")
        if lang in _LUNR_EXTRA:
            needed.add(f"{_LUNR}{_LUNR_EXTRA[lang]}")
    return needed


def wanted(path: str, *, pdfs: bool, lunr_needed: set[str]) -> bool:
    name = PurePosixPath(path).name
    if name == SERVICE_WORKER or name.startswith("."):
        return False
    if path.endswith(_NEVER):
        return False
    if path.startswith(_LUNR):
        return path in lunr_needed
    if path.lower().endswith(".pdf"):
        return pdfs
    return True


def _digest(path: Path) -> str:
    hasher = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            hasher.update(block)
    return hasher.hexdigest()[:DIGEST_CHARS]


def precache_list(site_dir: Path, *, pdfs: bool) -> list[CachedFile]:
    """Every file the offline copy stores, in path order."""
    lunr_needed = _lunr_files_needed(search_languages(site_dir))
    found: list[CachedFile] = []
    for file in sorted(site_dir.rglob("*")):
        if not file.is_file() or file.is_symlink():
            continue
        path = file.relative_to(site_dir).as_posix()
        if any(part.startswith(".") for part in path.split("/")):
            continue
        if not wanted(path, pdfs=pdfs, lunr_needed=lunr_needed):
            continue
        found.append(CachedFile(path, page_key(path), _digest(file), file.stat().st_size))
    return found


def version_of(files: Iterable[CachedFile]) -> str:
    """One digest for the whole copy: equal sites give equal versions, whenever built."""
    hasher = hashlib.sha256()
    for file in files:
        hasher.update(f"{file.key}\0{file.digest}\n".encode())
    return hasher.hexdigest()[:DIGEST_CHARS]
