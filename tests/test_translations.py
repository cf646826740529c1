"""The reader-facing strings in the site's language: every shipped catalogue is complete,
keeps the placeholders, is compiled, and a site in that language shows it."""

from __future__ import annotations

import gettext
import re

import pytest
from babel.messages.pofile import read_po

from playbook_plugin.i18n.catalogues import DOMAIN, LOCALES_DIR, SHIPPED_LANGUAGES
from playbook_plugin.i18n.extract import TEMPLATE, template_catalogue
from playbook_plugin.render.strings import (
    DEFAULT_STRINGS,
    PLURAL_STRINGS,
    format_string,
    merge_strings,
)

from .conftest import Site

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _catalogue(language: str):  # type: ignore[no-untyped-def]
    path = LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as po:
        return read_po(po)


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def test_every_string_has_a_translation_in_every_shipped_language() -> None:
    problems: list[str] = []
    for language in SHIPPED_LANGUAGES:
        catalogue = _catalogue(language)
        missing: list[str] = []
        for key, english in DEFAULT_STRINGS.items():
            message = next((m for m in catalogue if m.context == key), None)
            forms = (
                []
                if message is None
                else list(message.string)
                if isinstance(message.string, tuple)
                else [message.string]
            )
            if message is None or message.fuzzy or not all(forms):
                missing.append(key)
                continue
            if (key in PLURAL_STRINGS) != isinstance(message.id, tuple):
                should = "should" if key in PLURAL_STRINGS else "should not"
                problems.append(f"{language}: `{key}` {should} be a plural (run `make locales`)")
            for form in forms:
                if _placeholders(form) != _placeholders(english):
                    problems.append(
                        f"{language}: `{key}` has {sorted(_placeholders(form))}, "
                        f"the English has {sorted(_placeholders(english))}: {form!r}"
                    )
        if missing:
            problems.append(
                f"{language}: {len(missing)} strings not translated yet in "
                f"{language}/LC_MESSAGES/{DOMAIN}.po (run `make locales`, then translate): "
                + ", ".join(missing)
            )
    assert not problems, "\n".join(problems)


def test_the_template_and_the_compiled_catalogues_are_up_to_date() -> None:
    with TEMPLATE.open("rb") as pot:
        written = {(m.context, m.id) for m in read_po(pot) if m.id}
    expected = {(m.context, m.id) for m in template_catalogue() if m.id}
    assert written == expected, "playbook.pot is stale: run `make locales`"
    for language in SHIPPED_LANGUAGES:
        compiled = gettext.translation(DOMAIN, LOCALES_DIR, [language])
        for message in _catalogue(language):
            if not message.id or not message.string:
                continue
            if isinstance(message.id, tuple):
                sample = compiled.npgettext(message.context, *message.id, 2)
                assert sample in message.string, f"{language}.mo is stale: run `make locales`"
            else:
                assert compiled.pgettext(message.context, message.id) == message.string, (
                    f"{language}.mo is stale: run `make locales`"
                )


@pytest.mark.parametrize(
    ("language", "one", "five"),
    [
        ("en", "1 item", "5 items"),
        ("fr", "1 élément", "5 éléments"),
        ("de", "1 Punkt", "5 Punkte"),
        ("es", "1 punto", "5 puntos"),
        ("pt-BR", "1 item", "5 itens"),
        ("zh", "1 项", "5 项"),
    ],
)
def test_counts_take_the_languages_plural_forms(language: str, one: str, five: str) -> None:
    strings = merge_strings({}, language)
    assert format_string(strings, "items_count", total=1) == one
    assert format_string(strings, "items_count", total=5) == five


def test_french_says_zero_in_the_singular() -> None:
    strings = merge_strings({}, "fr")
    assert format_string(strings, "import_done", count=0) == "0 entrée importée."


def test_a_language_without_a_catalogue_stays_in_english() -> None:
    strings = merge_strings({}, "ja")
    assert strings["reset"] == "Reset"
    assert format_string(strings, "items_count", total=1) == "1 item"


def test_an_override_is_the_text_for_every_count() -> None:
    strings = merge_strings({"items_count": "{total} trucs"}, "fr")
    assert format_string(strings, "items_count", total=1) == "1 trucs"
    assert strings["reset"] == "Réinitialiser"


def test_a_french_site_gets_french_pages_and_an_override_still_wins(small_playbook: Site) -> None:
    small_playbook.config["theme"]["language"] = "fr"
    small_playbook.config["plugins"] = [
        "search",
        {"playbook": {"pdf": False, "strings": {"reset": "Tout décocher"}}},
    ]
    small_playbook.build()
    overview = small_playbook.html("checklists/")
    assert '<h1 id="listes-de-controle">Listes de contrôle</h1>' in overview
    assert "Exporter mes données" in overview
    page = small_playbook.html("checklists/before-the-event/")
    assert re.search(r"data-playbook-progress[^>]*>1 sur 4<", page)
    assert ">Tout décocher</button>" in page
    assert "Avant l’événement" in page


def test_the_mkdocs_themes_locale_chooses_the_language(small_playbook: Site) -> None:
    small_playbook.config["theme"] = {"name": "mkdocs", "locale": "de", "highlightjs": False}
    small_playbook.build()
    assert '<h1 id="checklisten">Checklisten</h1>' in small_playbook.html("checklists/")
