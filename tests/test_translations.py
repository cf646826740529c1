"""The reader-facing strings in the site's language: every shipped catalogue is complete,
keeps the placeholders, is compiled, and a site in that language shows it."""

from __future__ import annotations

import gettext
import logging
import re

import pytest
from babel.messages.pofile import read_po
from mkdocs.exceptions import Abort

from playbook_plugin.i18n.catalogues import DOMAIN, LOCALES_DIR, SHIPPED_LANGUAGES, long_date
from playbook_plugin.i18n.extract import TEMPLATE, template_catalogue
from playbook_plugin.render.strings import format_string, merge_strings
from playbook_plugin.rules.advice import DEFAULT_CHECKS
from playbook_plugin.sources.messages import build_settings

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
        for template in template_catalogue():
            if not template.id:
                continue
            key = template.context
            english = template.id if isinstance(template.id, str) else template.id[-1]
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
            if isinstance(template.id, tuple) != isinstance(message.id, tuple):
                should = "should" if isinstance(template.id, tuple) else "should not"
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


@pytest.mark.parametrize(
    ("language", "key", "counter", "one", "two"),
    [
        (
            "fr",
            "transfer_confirm",
            "count",
            "Ce lien contient 1 entrée",
            "Ce lien contient 2 entrées",
        ),
        ("de", "people_due_count", "count", "Diese Woche 1 Person ", "Diese Woche 2 Personen "),
        ("es", "people_search_count", "total", "1 de 1 persona", "1 de 2 personas"),
        ("en", "transfer_confirm", "count", "carries 1 entry of", "carries 2 entries of"),
        ("fr", "people_warning_too_soon", "days", "1 jour ouvré après", "2 jours ouvrés après"),
        ("de", "people_touch_past_ideal", "days", "mehr als 1 Tag her", "mehr als 2 Tage her"),
        ("pt", "people_warning_third_nudge", "count", "1 seguimento sem", "2 seguimentos sem"),
    ],
)
def test_people_counts_agree_with_the_number(
    language: str, key: str, counter: str, one: str, two: str
) -> None:
    strings = merge_strings({}, language)
    values = {"shown": 1, "earliest": "2026-12-01"}
    assert one in format_string(strings, key, **{**values, counter: 1})
    assert two in format_string(strings, key, **{**values, counter: 2})


def test_advice_and_channels_speak_the_sites_language_and_its_own_words_stay() -> None:
    settings = build_settings(
        {"signal": {"label": "Signal"}, "sms": {"label": "Texto"}},
        [{"id": "tone", "message": "Pas de majuscules."}],
        language="fr",
    )
    messages = {check.id: check.message for check in settings.checks}
    assert messages["about-me"].startswith("Ce message dit plus souvent «\u00a0je\u00a0»")
    assert messages["no-thanks"] == "Un message de remerciement doit dire merci, et pour quoi."
    assert messages["tone"] == "Pas de majuscules."
    invite = settings.channels["linkedin-invite"]
    assert invite.label == "Note d’invitation LinkedIn"
    assert invite.note_for("met").startswith("Un compte LinkedIn gratuit ne permet")
    assert settings.channels["sms"].label == "Texto"
    assert settings.channels["signal"].label == "Signal"


def test_the_premium_note_is_translated_too_and_english_stays_english() -> None:
    premium = build_settings(linkedin_premium=True, language="de").channels["linkedin-invite"]
    assert premium.note_for("new").startswith("Mit LinkedIn Premium darf die Nachricht")
    english = build_settings(language="en")
    assert [check.message for check in english.checks] == [c.message for c in DEFAULT_CHECKS]


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
    people_line = "Personnes rencontrées</a>\u00a0: Gardez une trace des personnes rencontrées"
    assert people_line in overview


def test_the_mkdocs_themes_locale_chooses_the_language(small_playbook: Site) -> None:
    small_playbook.config["theme"] = {"name": "mkdocs", "locale": "de", "highlightjs": False}
    small_playbook.build()
    assert '<h1 id="checklisten">Checklisten</h1>' in small_playbook.html("checklists/")


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "Built on November 29, 2026"),
        ("fr", "Généré le 29 novembre 2026"),
        ("de", "Erstellt am 29. November 2026"),
        ("zh-Hans", "生成于 2026年11月29日"),
    ],
)
def test_the_pdf_cover_gives_the_build_date_as_the_language_writes_it(
    language: str, written: str
) -> None:
    strings = merge_strings({}, language)
    assert format_string(strings, "pdf_built", date=long_date(language, "2026-11-29")) == written


THANK_YOU_IN_ENGLISH = """\
# Notes

```message
id: thanks
title: Thanks
channel: email
kind: thank-you
fields:
  name: {required: true, example: Sam}
---
Hi {{ name }}, thank you for telling me about your work on the data team yesterday.
```
"""


def test_a_template_without_lang_on_a_french_site_is_told_it_was_read_as_french(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    small_playbook.config["theme"]["language"] = "fr"
    small_playbook.write("docs/notes.md", THANK_YOU_IN_ENGLISH)
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        small_playbook.build()
    assert "trips the advice check `no-thanks`" in caplog.text
    assert "it was read as `fr`, the language of its page" in caplog.text
    assert "`lang: en`" in caplog.text

    caplog.clear()
    small_playbook.write("docs/notes.md", THANK_YOU_IN_ENGLISH.replace("kind:", "lang: en\nkind:"))
    with caplog.at_level(logging.WARNING):
        small_playbook.build()
    assert "no-thanks" not in caplog.text
