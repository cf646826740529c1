"""Published templates work pasted as they are; each template may tune the advice for itself."""

from __future__ import annotations

import html as html_module
import json
import logging
import re
from typing import Any

import pytest
import yaml

from playbook_plugin.contract import ATTRIBUTES
from playbook_plugin.sources.errors import SourceError
from playbook_plugin.sources.messages import build_settings, parse_message

from .conftest import Site
from .test_advice_quality import QUALITY


def fence(header: dict[str, Any], text: str) -> str:
    settings = yaml.safe_dump(header, allow_unicode=True, sort_keys=False)
    return f"```message\n{settings}---\n{text.rstrip()}\n```\n"


def message_data(html: str, template_id: str) -> dict[str, Any]:
    """A generator's data, its advice checks looked up in the page's data block."""
    start = html.index(f'data-playbook-message="{template_id}"')
    match = re.compile(r'data-playbook-message-data="([^"]*)"').search(html, start)
    assert match, "no message data"
    data = json.loads(html_module.unescape(match.group(1)))
    page = re.search(rf'{ATTRIBUTES["page"]}="([^"]*)"', html)
    assert page, "no page data block"
    checks = {
        check.get("key", check["id"]): check
        for check in json.loads(html_module.unescape(page.group(1)))["checks"]
    }
    data["checks"] = [checks[key] for key in data["checks"]]
    return data


def test_every_published_template_builds_strict_pasted_as_is(small_playbook: Site) -> None:
    corpus = QUALITY.load_corpus()
    page = "# Pasted\n\n" + "\n".join(
        fence({"id": entry["id"], "title": entry["id"], **entry["header"]}, entry["text"])
        for entry in corpus
    )
    small_playbook.write("docs/pasted.md", page)
    small_playbook.build(strict=True)
    html = small_playbook.html("pasted/")
    for entry in corpus:
        assert f'data-playbook-message="{entry["id"]}"' in html
    ripple = message_data(html, "ripple-informational-request")
    labels = {field["label"] for field in ripple["fields"]}
    assert "Recipient's Name" in labels and "123‑456‑7890" not in labels
    previews = re.findall(r"data-playbook-preview[^>]*>(.*?)</div>", html, re.S)
    assert len(previews) == len(corpus)
    assert not [text for text in previews if "\\[" in html_module.unescape(text)]
    assert any("[Recipient's Name]" in html_module.unescape(text) for text in previews)


def test_a_complete_example_that_breaks_the_advice_is_still_reported(small_playbook: Site) -> None:
    small_playbook.write(
        "docs/notes.md",
        "# Notes\n\n"
        + fence(
            {"id": "vague", "channel": "email", "kind": "follow-up"},
            "Hi [Name], good to see you at [Event].",
        ).replace("---\n", "fields:\n  name: {example: Ana}\n  event: {example: PyCon}\n---\n"),
    )
    with pytest.raises(Exception, match="Aborted"):
        small_playbook.build(strict=True)


def test_a_template_can_switch_a_check_off_for_itself(small_playbook: Site) -> None:
    header = {
        "id": "vague",
        "channel": "email",
        "kind": "follow-up",
        "checks": {"no-next-step": False},
        "fields": {"name": {"example": "Ana"}, "event": {"example": "PyCon"}},
    }
    small_playbook.write(
        "docs/notes.md", "# Notes\n\n" + fence(header, "Hi [Name], good to see you at [Event].")
    )
    small_playbook.build(strict=True)
    data = message_data(small_playbook.html("notes/"), "vague")
    assert "no-next-step" not in {check["id"] for check in data["checks"]}
    assert "placeholder-left" in {check["id"] for check in data["checks"]}


def test_a_template_can_change_a_threshold_for_itself() -> None:
    settings = build_settings()
    source = (
        "id: long\nchannel: email\nchecks:\n  too-long: {warn_over: 150, error_over: 200}\n---\nHi"
    )
    template = parse_message(source, path="p.md", line=1, settings=settings)
    too_long = next(check for check in template.checks if check.id == "too-long")
    assert too_long.params == {"warn_over": 150, "error_over": 200}
    site_wide = next(check for check in settings.checks if check.id == "too-long")
    assert site_wide.params["warn_over"] == 75


@pytest.mark.parametrize(
    ("checks", "message"),
    [
        ("{no-such-check: false}", "p.md:3: checks: there is no check `no-such-check`"),
        ("{tone: maybe}", "p.md:3: checks: `tone` must be true, false or settings"),
        ("{too-long: {warn_over: lots}}", "p.md:3: checks: too-long.warn_over must be a number"),
        ("[tone]", "p.md:3: `checks` must map check ids to settings"),
        ("{tone: {lang: 7}}", "p.md:3: checks: tone.lang must be a language code"),
    ],
)
def test_a_wrong_checks_setting_says_what_to_write(checks: str, message: str) -> None:
    source = f"id: a\nchannel: email\nchecks: {checks}\n---\nHi"
    with pytest.raises(Exception) as caught:
        parse_message(source, path="p.md", line=1, settings=build_settings())
    assert str(caught.value).startswith(message), str(caught.value)


def test_a_check_the_site_switched_off_stays_off_and_says_where() -> None:
    settings = build_settings(checks_override=[{"id": "tone", "enabled": False}])
    off = "id: a\nchannel: email\nchecks: {tone: false}\n---\nHi"
    template = parse_message(off, path="p.md", line=1, settings=settings)
    assert "tone" not in {check.id for check in template.checks}
    with pytest.raises(SourceError, match=r"switched off for the whole site in mkdocs\.yml"):
        parse_message(off.replace("false", "{}"), path="p.md", line=1, settings=settings)


@pytest.mark.parametrize("lang", ["42", "español", "e"])
def test_a_wrong_language_code_says_what_to_write(lang: str) -> None:
    source = f"id: a\nchannel: email\nlang: {lang}\n---\nHola"
    with pytest.raises(
        SourceError, match=r"p\.md:3: `lang: .*` is not a language code; write one like"
    ):
        parse_message(source, path="p.md", line=1, settings=build_settings())


def test_a_spanish_template_is_checked_with_spanish_words(small_playbook: Site) -> None:
    header = {"id": "gracias", "channel": "email", "kind": "thank-you", "lang": "es"}
    small_playbook.write(
        "docs/notes.md", "# Notes\n\n" + fence(header, "Hola [Nombre], me encantó la charla.")
    )
    small_playbook.build(strict=True)
    data = message_data(small_playbook.html("notes/"), "gracias")
    no_thanks = next(check for check in data["checks"] if check["id"] == "no-thanks")
    assert "gracias" in no_thanks["params"]["words"]
    tone = next(check for check in data["checks"] if check["id"] == "tone")
    assert "xq" in tone["params"]["words"] and "thx" not in tone["params"]["words"]


def test_a_language_without_word_lists_runs_only_the_checks_that_read_no_words(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    # Chinese is written without spaces between words, so no check reads words in it.
    small_playbook.config["theme"]["language"] = "zh"
    for number in (1, 2):
        small_playbook.write(
            f"docs/note-{number}.md",
            f"# Note {number}\n\n"
            + fence({"id": f"merci-{number}", "channel": "email"}, "您好，[名字]，谢谢！"),
        )
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        small_playbook.build(strict=True)
    notes = [
        record.getMessage() for record in caplog.records if "no word list" in record.getMessage()
    ]
    assert len(notes) == 1, notes
    assert "`zh`" in notes[0] and "tone" in notes[0]
    data = message_data(small_playbook.html("note-1/"), "merci-1")
    ran = {check["id"] for check in data["checks"]}
    assert ran == {"placeholder-left", "too-long", "follow-up-too-soon"}


def test_a_page_left_untranslated_keeps_its_languages_words_and_speaks_the_readers(
    small_playbook: Site,
) -> None:
    """Under mkdocs-static-i18n the French build shows the English page where there is no
    French one: its template is checked with English words, its advice is in French."""
    header = {
        "id": "thanks",
        "channel": "email",
        "kind": "thank-you",
        "fields": {"topic": {"example": "your advice on portfolios"}},
    }
    small_playbook.write(
        "docs/notes.md", "# Notes\n\n" + fence(header, "Thanks so much for {{ topic }}.")
    )
    languages = [
        {"locale": "en", "default": True, "name": "English", "build": True},
        {"locale": "fr", "name": "Français", "build": True},
    ]
    small_playbook.config["plugins"] = [
        "search",
        {"playbook": {"pdf": False}},
        {"i18n": {"docs_structure": "suffix", "languages": languages}},
    ]
    # static-i18n's language switcher does not work with Material's instant navigation.
    small_playbook.config["theme"] = {"name": "material", "font": False, "language": "en"}
    small_playbook.build(strict=True)
    data = message_data(small_playbook.html("fr/notes/"), "thanks")
    no_thanks = next(check for check in data["checks"] if check["id"] == "no-thanks")
    assert "thank*" in no_thanks["params"]["words"]
    assert no_thanks["message"] == "Un message de remerciement doit dire merci, et pour quoi."
