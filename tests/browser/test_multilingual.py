"""mkdocs-static-i18n: each language gets the playbook's pages and PDFs, in its own words,
and a reader's ticks on items with an explicit id follow them from one language to another."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from ..conftest import Site, free_port, open_with_instant_navigation, serve

pytestmark = pytest.mark.browser

CHECKLIST_EN = """\
---
title: Before the event
phase: before
---
- [ ] Choose two topics {#topics}
- [ ] Charge your phone {#phone}
"""

CHECKLIST_FR = """\
---
title: Avant l’événement
phase: before
---
- [ ] Choisir deux sujets {#topics}
- [ ] Charger son téléphone {#phone}
"""

HOME_EN = """\
# Home

```checklist
before
```

- [ ] Bring business cards {#cards}

```message
id: hello
title: Hello again
channel: email
relationship: met
---
Hi {{ name }}, it was good to meet you.
```
"""

HOME_FR = """\
# Accueil

```checklist
before
```

- [ ] Prendre des cartes de visite {#cards}

```message
id: hello
title: Bonjour
channel: email
relationship: met
---
Bonjour {{ prenom }}, ravi de vous avoir rencontré.
```
"""


@dataclass(frozen=True)
class Layout:
    name: str
    i18n_first: bool
    sources: dict[str, str]


LAYOUTS = [
    Layout(
        "suffix",
        i18n_first=False,
        sources={
            "checklists/before.md": CHECKLIST_EN,
            "checklists/before.fr.md": CHECKLIST_FR,
            "docs/index.md": HOME_EN,
            "docs/index.fr.md": HOME_FR,
        },
    ),
    Layout(
        "folder",
        i18n_first=True,
        sources={
            "checklists/before.md": CHECKLIST_EN,
            "checklists/fr/before.md": CHECKLIST_FR,
            "docs/en/index.md": HOME_EN,
            "docs/fr/index.md": HOME_FR,
        },
    ),
]


@dataclass(frozen=True)
class Built:
    layout: Layout
    root: Path
    base: str


@pytest.fixture(scope="module", params=LAYOUTS, ids=lambda layout: layout.name)
def multilingual(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Built]:
    layout: Layout = request.param
    site = Site(tmp_path_factory.mktemp(f"i18n-{layout.name}"))
    for path, text in layout.sources.items():
        site.write(path, text)
    i18n = {
        "i18n": {
            "docs_structure": layout.name,
            "languages": [
                {"locale": "en", "default": True, "name": "English", "build": True},
                {"locale": "fr", "name": "Français", "build": True},
            ],
        }
    }
    playbook = {"playbook": {"pdf": True, "pdf_concurrency": 0}}
    site.config["plugins"] = (
        ["search", i18n, playbook]
        if layout.i18n_first
        else [
            "search",
            playbook,
            i18n,
        ]
    )
    # static-i18n's language switcher does not work with Material's instant navigation.
    site.config["theme"] = {"name": "material", "font": False, "language": "en"}
    port = free_port()
    site.config["site_url"] = f"http://127.0.0.1:{port}/"
    site.build(strict=True)
    with serve(site.site_dir, port) as base:
        yield Built(layout, site.root, base)


def test_each_language_gets_its_checklist_pages_overview_and_event_kit(
    multilingual: Built,
) -> None:
    site = multilingual.root / "site"
    for folder, overview, kit, checklist in [
        ("", "Checklists", "Event kit", "Before the event"),
        ("fr/", "Listes de contrôle", "Kit événement", "Avant l’événement"),
    ]:
        assert f">{overview}</h1>" in (site / folder / "checklists/index.html").read_text()
        assert f">{kit}</h1>" in (site / folder / "checklists/event-kit/index.html").read_text()
        page = (site / folder / "checklists/before/index.html").read_text()
        assert f">{checklist}</h1>" in page
    # The staged build was put in place once, with every language in it.
    assert not (multilingual.root / ".site.building").exists()


def test_each_language_gets_its_pdfs(multilingual: Built) -> None:
    site = multilingual.root / "site"
    for folder, built_on in [("", "Built on"), ("fr/", "Généré le")]:
        for pdf in ("playbook.pdf", "event-kit.pdf", "checklists/before.pdf"):
            assert (site / folder / "downloads" / pdf).is_file()
        first = PdfReader(site / folder / "downloads/playbook.pdf").pages[0].extract_text()
        assert built_on in first
    home = (site / "fr/index.html").read_text()
    assert 'href="downloads/playbook.pdf"' in home


def test_ticks_follow_the_reader_to_the_other_language(multilingual: Built, page: Page) -> None:
    page.goto(multilingual.base + "checklists/before/")
    page.locator("input[data-playbook-item='topics']").check()
    page.goto(multilingual.base)
    page.locator("input[data-playbook-item='cards']").check()
    page.wait_for_timeout(100)  # the save runs in its own task right after the tick
    page.goto(multilingual.base + "fr/")
    checklist = page.locator("[data-playbook-checklist='before']")
    expect(checklist.locator("input[data-playbook-item='topics']")).to_be_checked()
    expect(checklist.locator("[data-playbook-progress]")).to_have_text("1 sur 2")
    expect(page.locator("input[data-playbook-item='cards']")).to_be_checked()
    expect(page.get_by_text("Choisir deux sujets")).to_be_visible()


def test_a_translated_template_keeps_its_id_and_speaks_its_language(
    multilingual: Built, page: Page
) -> None:
    page.goto(multilingual.base + "fr/")
    note = page.locator("[data-playbook-message='hello']")
    note.locator("[data-playbook-field='prenom']").fill("Léa")
    expect(note.locator("[data-playbook-preview]")).to_have_text(
        "Bonjour Léa, ravi de vous avoir rencontré."
    )
    expect(note.locator("[data-playbook-action='copy']")).to_have_text("Copier le message")


@pytest.fixture(scope="module")
def instant_multilingual(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The suffix layout with Material's instant navigation on, served at its site_url."""
    layout = LAYOUTS[0]
    site = Site(tmp_path_factory.mktemp("i18n-instant"))
    for path, text in layout.sources.items():
        site.write(path, text)
    i18n = {
        "i18n": {
            "docs_structure": layout.name,
            "languages": [
                {"locale": "en", "default": True, "name": "English", "build": True},
                {"locale": "fr", "name": "Français", "build": True},
            ],
        }
    }
    site.config["plugins"] = ["search", {"playbook": {"pdf": False}}, i18n]
    port = free_port()
    site.config["site_url"] = f"http://127.0.0.1:{port}/"
    # static-i18n warns that its language switcher's link to the same page in the other
    # language is not updated by instant navigation: a warning of its own, which --strict counts.
    site.build(strict=False)
    with serve(site.site_dir, port) as base:
        yield Built(layout, site.root, base)


def test_the_sitemap_lists_the_generated_pages_of_every_language(
    instant_multilingual: Built,
) -> None:
    sitemap = (instant_multilingual.root / "site/sitemap.xml").read_text(encoding="utf-8")
    base = instant_multilingual.base
    for folder in ("", "fr/"):
        for path in ("checklists/", "checklists/before/", "checklists/event-kit/", "people/"):
            assert f"<loc>{base}{folder}{path}</loc>" in sitemap, folder + path
    assert (
        f'<xhtml:link rel="alternate" hreflang="fr" href="{base}fr/checklists/before/"/>' in sitemap
    )


@pytest.mark.parametrize(("folder", "progress"), [("", "1 of 2"), ("fr/", "1 sur 2")])
def test_instant_navigation_reaches_the_generated_pages_in_each_language(
    instant_multilingual: Built, page: Page, folder: str, progress: str
) -> None:
    base = instant_multilingual.base + folder
    open_with_instant_navigation(page, base)
    page.evaluate("window.sameDocument = true")
    # The embedded checklist's title leads to its page.
    page.locator("article [data-playbook-checklist='before'] a[href$='checklists/before/']").click()
    expect(page).to_have_url(base + "checklists/before/")
    assert page.evaluate("window.sameDocument === true"), "the page was loaded again"
    checklist = page.locator("[data-playbook-checklist='before']")
    expect(checklist).to_have_attribute("data-playbook-ready", "")
    checklist.locator("input[data-playbook-item='phone']").check()
    expect(checklist.locator("[data-playbook-progress]")).to_have_text(progress)
