"""Ids and slugs: what authors may write, and how ids are derived from text."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MARKUP_CHARS = re.compile(r"[`*_~\[\]]")
# Where a link target or a tag may start, or a run of markup characters; without the
# constructs that can no longer match further on in the text.
_MARKUP_STARTS = {
    (link, tag): re.compile(
        "|".join([*([r"\]\("] if link else []), *(["<"] if tag else []), r"[`*_~\[]+|\]"])
    )
    for link in (True, False)
    for tag in (True, False)
}
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def is_valid_id(value: str) -> bool:
    return ID_PATTERN.fullmatch(value) is not None


def slugify(text: str) -> str:
    """``Choose *two* topics!`` → ``choose-two-topics``; markup and accents dropped."""
    plain = strip_markup(text)
    ascii_text = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub("-", ascii_text.lower()).strip("-")


def strip_markup(text: str) -> str:
    """Each link target ``](…)``, tag ``<…>`` and emphasis or bracket character as a space.

    Linear time, where the regular expression ``\\]\\([^)]*\\)|<[^>]*>|[`*_~\\[\\]]`` it
    replaces took quadratic time on a run of ``<`` with no ``>`` after it.
    """
    last_paren, last_angle = text.rfind(")"), text.rfind(">")
    parts: list[str] = []
    position = 0
    while True:
        link, tag = position + 2 <= last_paren, position < last_angle
        if not link and not tag:
            parts.append(_MARKUP_CHARS.sub(" ", text[position:]))
            return "".join(parts)
        match = _MARKUP_STARTS[link, tag].search(text, position)
        if match is None:
            parts.append(text[position:])
            return "".join(parts)
        start, end = match.start(), match.end()
        token = match.group()
        replacement = " " * len(token)  # one space per markup character
        if token == "](":
            replacement = " "
            # A lone `]` when no `)` follows: the `(` stays text.
            end = text.index(")", start + 2) + 1 if start + 2 <= last_paren else start + 1
        elif token == "<":
            if start >= last_angle:
                parts.append(text[position:end])
                position = end
                continue
            end = text.index(">", start) + 1
        parts.append(text[position:start])
        parts.append(replacement)
        position = end


def trailing_braces(text: str, openers: str = "#") -> int | None:
    """Where a last ``{#…}`` (or ``{`` + another of ``openers``) with only spaces after it
    starts in ``text``, if there is one. Linear: ``rfind`` rather than a regular expression,
    whose leading ``\\s*`` took quadratic time on a line with a long run of spaces."""
    stripped = text.rstrip()
    if not stripped.endswith("}"):
        return None
    close = len(stripped) - 1
    position = stripped.rfind("}", 0, close) + 1
    while (start := stripped.find("{", position, close)) >= 0:
        if stripped[start + 1 : start + 2] in tuple(openers):
            return start
        position = start + 1
    return None


def split_explicit_id(text: str) -> tuple[str, str | None]:
    """Split ``Do it {#do-it}`` into the text and the explicit id, if there is one.

    The id is the last ``{#…}`` on the line with only spaces after it."""
    start = trailing_braces(text)
    if start is None:
        return text, None
    return text[:start].rstrip(), text.rstrip()[start + 2 : -1]
