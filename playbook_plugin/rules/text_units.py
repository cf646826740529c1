"""How long a text is: user-perceived characters and words, counted as the browser does.

The browser counts characters with ``Intl.Segmenter`` (extended grapheme clusters); this is
the build-time approximation, exact for text without Hangul jamo or Indic conjuncts.
Words are runs of letters, digits and marks, joined across an apostrophe (``I'm``).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["count_characters", "count_words", "words"]

_ZWJ = "\u200d"
_APOSTROPHES = ("'", "\u2019")


def _extends(ch: str) -> bool:
    """True for a code point that belongs to the character before it."""
    cp = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Me", "Mc")
        or 0xFE00 <= cp <= 0xFE0F  # variation selectors
        or 0xE0100 <= cp <= 0xE01EF
        or 0x1F3FB <= cp <= 0x1F3FF  # skin-tone modifiers
        or 0xE0020 <= cp <= 0xE007F  # emoji tag sequences (subdivision flags)
    )


def _regional_indicator(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def count_characters(text: str) -> int:
    """User-perceived characters: an emoji, a flag or ``é`` written as e + accent is one."""
    count = 0
    previous = ""
    flag_open = False  # one regional indicator seen, waiting for its pair
    for ch in text:
        joins = count > 0 and (
            _extends(ch)
            or ch == _ZWJ
            or (previous == _ZWJ and unicodedata.category(ch) == "So")
            or (previous == "\r" and ch == "\n")
            or (flag_open and _regional_indicator(ch))
        )
        if joins:
            flag_open = flag_open and not _regional_indicator(ch)
        else:
            count += 1
            flag_open = _regional_indicator(ch)
        previous = ch
    return count


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNM"


_PLAIN_TEXT = re.compile("[\x00-\x7f\u00a0\u2013\u2014\u2018-\u201d\u2026]*")
"""ASCII, and the typographic quotes, dashes and spaces English text uses: no marks."""
_PLAIN_WORD = re.compile("[A-Za-z0-9]+(?:['\u2019][A-Za-z0-9]+)*")


def words(text: str) -> list[str]:
    """The words of ``text`` in order, as written."""
    if _PLAIN_TEXT.fullmatch(text):  # the same words, found without a loop over characters
        return _PLAIN_WORD.findall(text)
    found: list[str] = []
    current: list[str] = []
    joiner = ""
    for ch in text:
        if _is_word_char(ch):
            if joiner:
                current.append(joiner)
                joiner = ""
            current.append(ch)
        elif ch in _APOSTROPHES and current and not joiner:
            joiner = ch
        else:
            if current:
                found.append("".join(current))
                current = []
            joiner = ""
    if current:
        found.append("".join(current))
    return found


def count_words(text: str) -> int:
    return len(words(text))
