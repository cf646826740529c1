"""QR codes of page addresses, made at build time as inline SVG (no image files, no network)."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import segno

__all__ = ["qr_matrix", "qr_svg"]

BORDER = 2
"""Quiet zone in modules; 2 is enough on white paper with the code set apart by margins."""


def _code(url: str) -> segno.QRCode:
    import segno  # only a build that prints an address needs it

    # Error level M survives a crease or a pen mark; never a Micro QR, which phones rarely read.
    return segno.make(url, error="m", micro=False, boost_error=False)


@lru_cache(maxsize=256)
def qr_svg(url: str, label: str) -> str:
    """An accessible inline ``<svg>`` of ``url``'s QR code; it scales to the CSS size it gets."""
    svg = _code(url).svg_inline(
        scale=1,
        border=BORDER,
        dark="#000",
        light="#fff",
        omitsize=True,
        svgclass="playbook-qr",
        lineclass=None,
    )
    # The <title> is the figure's alternative text in the tagged PDFs; aria-label, on screen.
    opened = svg.index(">") + 1
    svg = f"{svg[:opened]}<title>{escape(label)}</title>{svg[opened:]}"
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def qr_matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules without the quiet zone, row by row (True is dark): for tests."""
    return tuple(tuple(bool(module) for module in row) for row in _code(url).matrix)
