"""The reader-facing strings in a site's language, from the gettext catalogues in ``locales/``.

Each string of ``render/strings.py`` is one message: its key is the message context, its
English text the message id. Strings that depend on a count are plural messages; the browser
gets their forms by CLDR plural category, the names ``Intl.PluralRules`` gives, so it needs no
plural rule of its own. A message a catalogue lacks stays in English.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "playbook"
SOURCE_LANGUAGE = "en"
SHIPPED_LANGUAGES = ("de", "es", "fr", "pt", "zh_Hans")
"""The catalogues beside English (the source), as folder names under ``locales/``."""

_SAMPLE_COUNTS = (*range(0, 1001), 10**6, 10**7)


class PluralText(NamedTuple):
    counter: str
    """The placeholder whose number chooses the form."""
    forms: dict[str, str]
    """Text by CLDR plural category (``one``, ``few``, ``many``, ``other``…); ``other`` is
    always there."""


class ReaderStrings(dict[str, str]):
    """The strings of one site in one language. ``strings[key]`` is an entry's text for any
    count (the ``other`` form); ``plurals`` holds every form of the count-dependent ones."""

    def __init__(
        self,
        texts: Mapping[str, str],
        *,
        language: str = SOURCE_LANGUAGE,
        plurals: Mapping[str, PluralText] | None = None,
    ) -> None:
        super().__init__(texts)
        self.language = language
        """A BCP 47 tag (``zh-Hans``), as ``Intl.PluralRules`` takes it."""
        self.plurals: dict[str, PluralText] = dict(plurals or {})

    def for_browser(self) -> dict[str, object]:
        """The table a page's data block carries: a plural entry as its count and forms."""
        return {
            key: (
                {"count": self.plurals[key].counter, **self.plurals[key].forms}
                if key in self.plurals
                else text
            )
            for key, text in self.items()
        }


def catalogue_for(language: str) -> str | None:
    """The shipped catalogue for a language tag as themes write it (``fr``, ``pt-BR``,
    ``zh``, ``zh-Hans``, ``zh_CN``); None for English and languages without one."""
    tag = language.replace("-", "_").casefold()
    if tag in ("zh", "zh_cn", "zh_sg") or tag.startswith("zh_hans"):
        return "zh_Hans"
    primary = tag.split("_")[0]
    return primary if primary in SHIPPED_LANGUAGES else None


def has_catalogue(language: str) -> bool:
    """True when the site's language has its strings: English or a shipped catalogue."""
    return language.replace("-", "_").split("_")[0].casefold() == SOURCE_LANGUAGE or bool(
        catalogue_for(language)
    )


@lru_cache
def _translations(catalogue: str | None) -> gettext.NullTranslations:
    if catalogue is None:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALES_DIR, [catalogue])


@lru_cache
def _locale(language: str) -> Locale:
    return Locale.parse(language.replace("-", "_"))


def plural_category(language: str, count: int) -> str:
    """The CLDR plural category of a count in a language (``one``, ``other``…)."""
    return str(_locale(language).plural_form(count))


@lru_cache
def _samples(language: str) -> dict[str, int]:
    """One count of each plural category the language has, to ask gettext for its form."""
    samples: dict[str, int] = {}
    for count in _SAMPLE_COUNTS:
        samples.setdefault(plural_category(language, count), count)
    return samples


def long_date(language: str, iso_date: str) -> str:
    """A date as readers of ``language`` write it in full (``29 novembre 2026``); the ISO
    date itself for a language Babel does not know."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
        return str(format_date(dt.date.fromisoformat(iso_date), format="long", locale=locale))
    except (UnknownLocaleError, ValueError):
        return iso_date


def translated_text(language: str, context: str, english: str) -> str:
    """One message in ``language``: its catalogue's text, else ``english``."""
    return _translations(catalogue_for(language)).pgettext(context, english)


def translated_strings(
    language: str,
    english: Mapping[str, str],
    english_plurals: Mapping[str, tuple[str, str]],
) -> ReaderStrings:
    """Every string in ``language`` (English where its catalogue lacks one).

    ``english`` maps each key to its text (a plural entry's plural form); ``english_plurals``
    maps the count-dependent keys to their count placeholder and English singular.
    """
    catalogue = catalogue_for(language)
    translations = _translations(catalogue)
    tag = catalogue.replace("_", "-") if catalogue else SOURCE_LANGUAGE
    texts: dict[str, str] = {}
    plurals: dict[str, PluralText] = {}
    for key, text in english.items():
        if key not in english_plurals:
            texts[key] = translations.pgettext(key, text)
            continue
        counter, singular = english_plurals[key]
        forms = {
            category: translations.npgettext(key, singular, text, sample)
            for category, sample in _samples(tag).items()
        }
        forms.setdefault("other", translations.npgettext(key, singular, text, 2))
        texts[key] = forms["other"]
        plurals[key] = PluralText(counter, forms)
    return ReaderStrings(texts, language=tag, plurals=plurals)
