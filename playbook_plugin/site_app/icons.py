"""The app icons, drawn with Pillow: the author's icon, logo or favicon when it is an image
large enough for a phone's home screen, otherwise the site's initials on the theme colour.

Imported only when icons must be drawn (``icon_cache``): Pillow takes a while to load.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from playbook_plugin.site_app.manifest import (
    APPLE_TOUCH_ICON,
    APPLE_TOUCH_SIZE,
    ICON_FOLDER,
    ICON_SIZES,
    MASKABLE_SAFE_ZONE,
    Colours,
    initials,
)

_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)


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
    if image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
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
