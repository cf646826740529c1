"""Ids and slugs: what authors may write, and how ids are derived from text."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MARKUP_START = re.compile(r"\]\(|<|[`*_~\[\]]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def is_valid_id(value: str) -> bool:
    return ID_PATTERN.fullmatch(value) is not None


def slugify(text: str) -> str:
    """``Choose *two* topics!`` → ``choose-two-topics``; markup and accents dropped."""
    plain = _strip_markup(text)
    ascii_text = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub("-", ascii_text.lower()).strip("-")


def _strip_markup(text: str) -> str:
    """Each link target ``](…)``, tag ``<…>`` and emphasis or bracket character as a space.

    Linear time, where the regular expression ``\\]\\([^)]*\\)|<[^>]*>|…`` it replaces
    took quadratic time on a run of ``<`` with no ``>`` after it.
    """
    last_paren, last_angle = text.rfind(")"), text.rfind(">")
    parts: list[str] = []
    position = 0
    while match := _MARKUP_START.search(text, position):
        start, token = match.start(), match.group()
        end = match.end()
        if token == "](" and start + 2 <= last_paren:
            end = text.index(")", start + 2) + 1
        elif token == "](":
            end = start + 1  # a lone `]`; the `(` stays text
        elif token == "<":
            if start >= last_angle:
                parts.append(text[position:end])
                position = end
                continue
            end = text.index(">", start) + 1
        parts.append(text[position:start])
        parts.append(" ")
        position = end
    parts.append(text[position:])
    return "".join(parts)


def split_explicit_id(text: str) -> tuple[str, str | None]:
    """Split ``Do it {#do-it}`` into the text and the explicit id, if there is one.

    The id is the last ``{#…}`` on the line with only spaces after it. Found with ``rfind``
    rather than a regular expression, whose leading ``\\s*`` took quadratic time on a line
    with a long run of spaces.
    """
    stripped = text.rstrip()
    if not stripped.endswith("}"):
        return text, None
    close = len(stripped) - 1
    start = stripped.find("{#", stripped.rfind("}", 0, close) + 1, close)
    if start < 0:
        return text, None
    return text[:start].rstrip(), stripped[start + 2 : close]
