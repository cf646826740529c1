"""What makes the site installable: the web app manifest, its colours and its icons' names.

Colours come from the theme as the built home page shows it (Material's palette). The icons
are drawn in ``icons.py``, which needs Pillow; this module does not.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

ICON_FOLDER = "assets/playbook/icons"
ICON_SIZES = (192, 512)
APPLE_TOUCH_SIZE = 180
APPLE_TOUCH_ICON = f"{ICON_FOLDER}/apple-touch-icon.png"
MASKABLE_SAFE_ZONE = 0.8
"""A maskable icon's content must fit the central circle of 80% of its width."""
SHORT_NAME_CHARS = 12
"""Longer short names are cut off under the icon on most home screens."""
DEFAULT_THEME = "#333333"
_SCHEME_BACKGROUND = {"default": "#ffffff", "slate": "#1e2129"}


@dataclass(frozen=True)
class Colours:
    theme: str
    background: str


def theme_colours(site_dir: Path) -> Colours:
    """The first palette of the built home page (Material), or neutral colours."""
    try:
        home = (site_dir / "index.html").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return Colours(DEFAULT_THEME, "#ffffff")
    scheme = re.search(r'data-md-color-scheme="([a-z-]+)"', home)
    primary = re.search(r'data-md-color-primary="([a-z-]+)"', home)
    background = _SCHEME_BACKGROUND.get(scheme.group(1) if scheme else "default", "#ffffff")
    theme = _material_primary(site_dir, primary.group(1)) if primary else None
    return Colours(theme or DEFAULT_THEME, background)


def _material_primary(site_dir: Path, name: str) -> str | None:
    rule = re.compile(
        r"\[data-md-color-primary=" + re.escape(name) + r"\]\{--md-primary-fg-color:(#[0-9a-fA-F]+)"
    )
    for sheet in sorted((site_dir / "assets" / "stylesheets").glob("palette*.css")):
        found = rule.search(sheet.read_text(encoding="utf-8", errors="replace"))
        if found:
            return found.group(1)
    return None


def short_name(name: str, chosen: str | None) -> str:
    """The author's short name, or the site's name cut at a word to fit under an icon."""
    if chosen:
        return chosen
    if len(name) <= SHORT_NAME_CHARS:
        return name
    kept = ""
    for word in name.split():
        if len(f"{kept} {word}".strip()) > SHORT_NAME_CHARS:
            break
        kept = f"{kept} {word}".strip()
    return kept or name[:SHORT_NAME_CHARS]


def initials(name: str) -> str:
    words = [word for word in re.split(r"\W+", name) if word]
    letters = "".join(word[0] for word in words[:2]).upper()
    return letters or "?"


def web_manifest(
    *, name: str, short: str, description: str, language: str, colours: Colours
) -> str:
    """The manifest, placed at the site root: start URL and scope are the site itself."""
    icons = [
        {"src": f"{ICON_FOLDER}/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png"}
        for size in ICON_SIZES
    ]
    icons.append(
        {
            "src": f"{ICON_FOLDER}/maskable-512.png",
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        }
    )
    manifest = {
        "name": name,
        "short_name": short,
        "description": description,
        "lang": language,
        "start_url": "./",
        "scope": "./",
        "id": "./",
        "display": "standalone",
        "theme_color": colours.theme,
        "background_color": colours.background,
        "icons": icons,
    }
    if not description:
        del manifest["description"]
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
