"""What makes the site installable: the web app manifest and its icons.

Colours come from the theme as the built home page shows it (Material's palette), icons from
the author's icon, logo or favicon when it is an image large enough for a phone's home screen,
otherwise from the site's initials on the theme colour.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

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
_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)


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


def usable_image(path: Path | None) -> Image.Image | None:
    """The image at ``path`` if it is a raster image at least 192 px on its short side."""
    if path is None or not path.is_file():
        return None
    try:
        with Image.open(path) as opened:
            image = opened.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    return image if min(image.size) >= min(ICON_SIZES) else None


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in _FONTS:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def _monogram(text: str, size: int, colour: str, *, maskable: bool) -> Image.Image:
    image = Image.new("RGBA", (size, size), colour)
    draw = ImageDraw.Draw(image)
    room = size * (MASKABLE_SAFE_ZONE if maskable else 1.0) * 0.7
    font = _font(int(room / max(1, len(text)) * 1.3))
    box = draw.textbbox((0, 0), text, font=font)
    width, height = box[2] - box[0], box[3] - box[1]
    position = ((size - width) / 2 - box[0], (size - height) / 2 - box[1])
    draw.text(position, text, font=font, fill="#ffffff")
    return image


def _fitted(source: Image.Image, size: int, background: str, *, maskable: bool) -> Image.Image:
    canvas = Image.new("RGBA", (size, size), background if maskable else (0, 0, 0, 0))
    inner = int(size * MASKABLE_SAFE_ZONE) if maskable else size
    picture = source.copy()
    picture.thumbnail((inner, inner), Image.Resampling.LANCZOS)
    if max(picture.size) < inner:
        scale = inner / max(picture.size)
        picture = source.resize(
            (round(source.width * scale), round(source.height * scale)), Image.Resampling.LANCZOS
        )
    canvas.alpha_composite(picture, ((size - picture.width) // 2, (size - picture.height) // 2))
    return canvas


def _png(image: Image.Image) -> bytes:
    """PNG at zlib's default level: ``optimize`` made these few icons 4% smaller at three
    times the CPU, paid by every build. An opaque picture is saved without its alpha."""
    if image.mode == "RGBA" and image.getextrema()[3] == (255, 255):
        image = image.convert("RGB")
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def icon_files(name: str, source: Image.Image | None, colours: Colours) -> dict[str, bytes]:
    """PNG icons by path under the site: any-purpose and maskable, and Apple's touch icon."""
    icons: dict[str, bytes] = {}
    letters = initials(name)

    def draw(size: int, *, maskable: bool) -> Image.Image:
        if source is None:
            return _monogram(letters, size, colours.theme, maskable=maskable)
        return _fitted(source, size, colours.background, maskable=maskable)

    for size in ICON_SIZES:
        icons[f"{ICON_FOLDER}/icon-{size}.png"] = _png(draw(size, maskable=False))
    icons[f"{ICON_FOLDER}/maskable-512.png"] = _png(draw(512, maskable=True))
    touch = draw(APPLE_TOUCH_SIZE, maskable=True)
    icons[APPLE_TOUCH_ICON] = _png(touch.convert("RGB"))
    return icons


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
