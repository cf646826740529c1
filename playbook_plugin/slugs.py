"""Ids and slugs: what authors may write, and how ids are derived from text."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
EXPLICIT_ID = re.compile(r"\s*\{#([^}]*)\}\s*$")
_MARKUP = re.compile(r"\]\([^)]*\)|<[^>]*>|[`*_~\[\]]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def is_valid_id(value: str) -> bool:
    return ID_PATTERN.fullmatch(value) is not None


def slugify(text: str) -> str:
    """``Choose *two* topics!`` → ``choose-two-topics``; markup and accents dropped."""
    plain = _MARKUP.sub(" ", text)
    ascii_text = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub("-", ascii_text.lower()).strip("-")


def split_explicit_id(text: str) -> tuple[str, str | None]:
    """Split ``Do it {#do-it}`` into the text and the explicit id, if there is one."""
    match = EXPLICIT_ID.search(text)
    if match is None:
        return text, None
    return text[: match.start()], match.group(1)
