"""Fonts for the scripts a PDF's text is written in: found through fontconfig, or named.

WeasyPrint draws text through Pango, which falls back through fontconfig to any installed
font that has the characters. When no installed font has them, the PDF shows empty boxes;
this module finds those scripts before rendering and names the Debian package to install.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

__all__ = ["MissingScript", "missing_scripts", "text_of"]


@dataclass(frozen=True)
class Script:
    name: str
    ranges: tuple[tuple[int, int], ...]
    package: str
    """The Debian package with a font for it."""


CJK = "fonts-noto-cjk"
CORE = "fonts-noto-core"
SCRIPTS = (
    Script("Korean (Hangul)", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)), CJK),
    Script("Japanese (kana)", ((0x3040, 0x30FF),), CJK),
    Script("Chinese or Japanese (Han)", ((0x3400, 0x4DBF), (0x4E00, 0x9FFF)), CJK),
    Script("Greek", ((0x0370, 0x03FF),), CORE),
    Script("Cyrillic", ((0x0400, 0x04FF),), CORE),
    Script("Armenian", ((0x0530, 0x058F),), CORE),
    Script("Hebrew", ((0x0590, 0x05FF),), CORE),
    Script("Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F)), CORE),
    Script("Devanagari (Hindi, Marathi, Nepali)", ((0x0900, 0x097F),), CORE),
    Script("Bengali", ((0x0980, 0x09FF),), CORE),
    Script("Gurmukhi", ((0x0A00, 0x0A7F),), CORE),
    Script("Gujarati", ((0x0A80, 0x0AFF),), CORE),
    Script("Odia", ((0x0B00, 0x0B7F),), CORE),
    Script("Tamil", ((0x0B80, 0x0BFF),), CORE),
    Script("Telugu", ((0x0C00, 0x0C7F),), CORE),
    Script("Kannada", ((0x0C80, 0x0CFF),), CORE),
    Script("Malayalam", ((0x0D00, 0x0D7F),), CORE),
    Script("Sinhala", ((0x0D80, 0x0DFF),), CORE),
    Script("Thai", ((0x0E00, 0x0E7F),), CORE),
    Script("Lao", ((0x0E80, 0x0EFF),), CORE),
    Script("Tibetan", ((0x0F00, 0x0FFF),), CORE),
    Script("Myanmar", ((0x1000, 0x109F),), CORE),
    Script("Georgian", ((0x10A0, 0x10FF),), CORE),
    Script("Ethiopic", ((0x1200, 0x137F),), CORE),
    Script("Khmer", ((0x1780, 0x17FF),), CORE),
    Script("emoji", ((0x1F300, 0x1FAFF),), "fonts-noto-color-emoji"),
)
SAMPLES = 6
"""Characters of a script checked against the fonts: enough to tell, few enough to be quick."""


@dataclass(frozen=True)
class MissingScript:
    name: str
    package: str
    sample: str
    """A few of its characters, as found in the text."""

    def message(self) -> str:
        return (
            f"text in {self.name} (such as {self.sample!r}) has no font on this computer and "
            f"prints as empty boxes: install one, for example on Debian or Ubuntu "
            f"`apt-get install {self.package}`, then build again"
        )


def text_of(html: str) -> str:
    """The characters of an HTML document's text and attributes, markup removed."""
    return re.sub(r"<[^>]*>", " ", html)


def _script_of(code: int) -> Script | None:
    for script in SCRIPTS:
        if any(low <= code <= high for low, high in script.ranges):
            return script
    return None


def missing_scripts(text: str) -> list[MissingScript]:
    """The scripts used in ``text`` that no installed font covers, with their packages."""
    samples: dict[Script, list[str]] = {}
    for character in set(text):
        code = ord(character)
        if code < 0x0370:
            continue  # Latin and punctuation: the PDFs' own fonts have them
        script = _script_of(code)
        if script is not None and len(samples.setdefault(script, [])) < SAMPLES:
            samples[script].append(character)
    return [
        MissingScript(script.name, script.package, "".join(sorted(characters)))
        for script, characters in sorted(samples.items(), key=lambda item: item[0].name)
        if not _covered(tuple(sorted(characters)))
    ]


@cache
def _covered(characters: Iterable[str]) -> bool:
    """Whether some installed font has every one of ``characters`` (asked of fontconfig)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return True  # no fontconfig tools to ask: let WeasyPrint's own warning speak
    charset = " ".join(f"{ord(character):x}" for character in characters)
    found = subprocess.run(
        [fc_list, f":charset={charset}", "family"],
        capture_output=True,
        text=True,
        check=False,
    )
    return bool(found.stdout.strip())
