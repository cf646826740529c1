"""Turn a built site folder into an app a phone installs and opens with no network.

Host-independent: it reads and writes the built site only, so the MkDocs plugin calls it
after a build and any other host can call it on a site built some other way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playbook_plugin.contract import ATTRIBUTES
from playbook_plugin.site_app.icon_cache import icons_for
from playbook_plugin.site_app.manifest import (
    APPLE_TOUCH_ICON,
    short_name,
    theme_colours,
    web_manifest,
)
from playbook_plugin.site_app.precache import (
    SERVICE_WORKER,
    WEB_MANIFEST,
    CachedFile,
    precache_list,
    version_of,
)
from playbook_plugin.site_app.service_worker import keeping_worker, retiring_worker

NOT_FOUND_PAGE = "404.html"


@dataclass(frozen=True)
class AppSettings:
    name: str
    description: str = ""
    language: str = "en"
    short_name: str | None = None
    icon: Path | None = None
    """The author's icon (any raster image, at least 192 px); None: the site's own."""
    pdfs: bool = False
    """Keep the PDF downloads offline too (they are most of the bytes)."""


@dataclass(frozen=True)
class OfflineApp:
    files: list[CachedFile]
    version: str

    @property
    def bytes(self) -> int:
        return sum(file.size for file in self.files)


def head_links(site_root: str, strings: Mapping[str, str]) -> str:
    """What a page's ``<head>`` gets; ``site_root`` is the relative path to the site root
    (``""`` or ``../``). The link carries the words of the "new version" notice, which every
    page may show, with or without widgets of its own."""
    root = escape(site_root, quote=True)
    update = escape(strings["app_update_ready"], quote=True)
    reload = escape(strings["app_update_reload"], quote=True)
    return (
        f'<link rel="manifest" href="{root}{WEB_MANIFEST}" '
        f'{ATTRIBUTES["service_worker"]}="{root}{SERVICE_WORKER}" '
        f'{ATTRIBUTES["app_update"]}="{update}" {ATTRIBUTES["app_update_action"]}="{reload}">'
        f'<link rel="apple-touch-icon" href="{root}{APPLE_TOUCH_ICON}">'
    )


def _favicon(site_dir: Path) -> Path | None:
    try:
        home = (site_dir / "index.html").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = re.search(r'<link rel="(?:shortcut )?icon"[^>]*href="([^"]+)"', home)
    if not found or urlsplit(found.group(1)).scheme:
        return None
    return site_dir / unquote(urlsplit(found.group(1)).path).lstrip("/")


def write_offline_app(
    site_dir: Path, settings: AppSettings, icon_cache: Path | None = None
) -> OfflineApp:
    """Write the manifest, the icons and the service worker that keeps every file offline.
    ``icon_cache``: where icons drawn by an earlier build are kept (None: drawn each time)."""
    colours = theme_colours(site_dir)
    pictures = [settings.icon, _favicon(site_dir)]
    for path, data in icons_for(settings.name, pictures, colours, icon_cache).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    manifest = web_manifest(
        name=settings.name,
        short=short_name(settings.name, settings.short_name),
        description=settings.description,
        language=settings.language,
        colours=colours,
    )
    (site_dir / WEB_MANIFEST).write_text(manifest, encoding="utf-8")
    files = precache_list(site_dir, pdfs=settings.pdfs)
    not_found = NOT_FOUND_PAGE if any(f.key == NOT_FOUND_PAGE for f in files) else None
    script = keeping_worker(files, not_found=not_found)
    (site_dir / SERVICE_WORKER).write_text(script, encoding="utf-8")
    return OfflineApp(files, version_of(files))


def link_pages(site_dir: Path, strings: Mapping[str, str]) -> int:
    """Give every built page the manifest link (for a host that cannot add it while it
    renders); returns how many pages it linked."""
    linked = 0
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir)
        if relative.as_posix() == NOT_FOUND_PAGE:
            continue
        html = page.read_text(encoding="utf-8")
        if 'rel="manifest"' in html or "</head>" not in html:
            continue
        root = "../" * (len(relative.parts) - 1)
        page.write_text(html.replace("</head>", f"{head_links(root, strings)}</head>", 1), "utf-8")
        linked += 1
    return linked


def retire_offline_app(site_dir: Path) -> None:
    """Write the worker that removes an offline copy an earlier build of this site left."""
    (site_dir / SERVICE_WORKER).write_text(retiring_worker(), encoding="utf-8")


__all__ = [
    "AppSettings",
    "OfflineApp",
    "head_links",
    "retire_offline_app",
    "write_offline_app",
]
