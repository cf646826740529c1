"""A site in another language shows its widgets in that language, plural forms included."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from ..conftest import AFTER_THE_EVENT, BEFORE_THE_EVENT, Site, free_port, serve

pytestmark = pytest.mark.browser

GENERATOR_PAGE = """\
# Messages

```message
id: merci
title: Merci
channel: email
relationship: met
lang: fr
---
Bonjour {{ prenom }}, merci pour notre échange.
```

```message
id: presentation
title: Se présenter
channel: email
---
Bonjour {{ prenom }}, {{ presentation }}
```
"""

ALL_ABOUT_ME = (
    "je m’appelle Julie et je suis développeuse depuis cinq ans. J’ai travaillé sur des "
    "applications bancaires, je maîtrise Python et mon dernier projet a été primé."
)


@pytest.fixture(scope="module")
def french_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = Site(tmp_path_factory.mktemp("french"))
    site.write("checklists/before-the-event.md", BEFORE_THE_EVENT)
    site.write("checklists/after-the-event.md", AFTER_THE_EVENT)
    site.write("docs/index.md", "# Accueil\n\n```checklist\nbefore-the-event\n```\n")
    site.write("docs/messages.md", GENERATOR_PAGE)
    site.config["theme"]["language"] = "fr"
    port = free_port()
    site.config["site_url"] = f"http://127.0.0.1:{port}/"
    site.build()
    with serve(site.site_dir, port) as base:
        yield base


def test_a_french_site_shows_french_checklists(french_site: str, page: Page) -> None:
    page.goto(french_site)
    checklist = page.locator("[data-playbook-checklist='before-the-event']")
    progress = checklist.locator("[data-playbook-progress]")
    expect(progress).to_have_text("1 sur 4")
    checklist.locator("input[data-playbook-item='topics']").check()
    expect(progress).to_have_text("2 sur 4")
    expect(checklist.locator("[data-playbook-action='reset']")).to_have_text("Réinitialiser")
    page.reload()
    expect(progress).to_have_text("2 sur 4")


def test_counts_in_the_browser_take_french_plural_forms(french_site: str, page: Page) -> None:
    page.goto(french_site + "checklists/before-the-event/")
    page.locator("input[data-playbook-item='topics']").check()
    page.goto(french_site + "checklists/")
    expect(page.locator("h1")).to_have_text("Listes de contrôle")
    status = page.locator("[data-playbook-data-status]")
    with page.expect_download():
        page.get_by_role("button", name="Exporter mes données").click()
    expect(status).to_contain_text("1 entrée enregistrée dans")
    page.goto(french_site + "checklists/after-the-event/")
    page.locator("input[data-playbook-item='thanks']").check()
    page.goto(french_site + "checklists/")
    with page.expect_download():
        page.get_by_role("button", name="Exporter mes données").click()
    expect(status).to_contain_text("2 entrées enregistrées dans")


def test_a_french_generator_speaks_french(french_site: str, page: Page) -> None:
    page.goto(french_site + "messages/")
    note = page.locator("[data-playbook-message='merci']")
    expect(note.locator("[data-playbook-action='copy']")).to_have_text("Copier le message")
    note.locator("[data-playbook-field='prenom']").fill("Léa")
    expect(note.locator("[data-playbook-count]")).to_contain_text("caractères")


def test_a_french_note_all_about_me_gets_french_advice(french_site: str, page: Page) -> None:
    page.goto(french_site + "messages/")
    note = page.locator("[data-playbook-message='presentation']")
    expect(note.locator(".playbook-message__channel")).to_contain_text("Pour\u00a0: E-mail")
    note.locator("[data-playbook-field='prenom']").fill("Léa")
    warning = note.locator("[data-playbook-warning='about-me']")
    expect(warning).to_have_count(0)
    note.locator("[data-playbook-field='presentation']").fill(ALL_ABOUT_ME)
    expect(warning).to_contain_text(
        "Ce message dit plus souvent «\u00a0je\u00a0» que «\u00a0vous\u00a0»"
    )
    expect(warning).to_contain_text("À vérifier\u00a0:")
    note.locator("[data-playbook-field='presentation']").fill(
        "votre conférence m’a beaucoup appris. Auriez-vous vingt minutes jeudi prochain ?"
    )
    expect(warning).to_have_count(0)
