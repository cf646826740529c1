"""The service worker a built site gets: its offline copy, or the worker that removes one."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from playbook_plugin.site_app.precache import CachedFile, version_of

_SOURCES = Path(__file__).parent.parent / "assets" / "service-worker"
KEEPING_SCRIPT = _SOURCES / "playbook-sw.js"
RETIRING_SCRIPT = _SOURCES / "playbook-sw-retire.js"


def keeping_worker(files: Sequence[CachedFile], *, not_found: str | None) -> str:
    """The worker that keeps ``files`` offline; its text changes whenever one of them does,
    which is how browsers learn that a new version is out."""
    offline = {
        "version": version_of(files),
        "files": {file.key: file.digest for file in files},
        "notFound": not_found,
    }
    data = json.dumps(offline, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"var OFFLINE = {data};\n" + KEEPING_SCRIPT.read_text(encoding="utf-8")


def retiring_worker() -> str:
    """The worker that deletes an offline copy an earlier build left, then unregisters."""
    return RETIRING_SCRIPT.read_text(encoding="utf-8")
