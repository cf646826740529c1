"""A Zensical site in French (`theme.language: fr`) gets the widgets' French strings, as the
MkDocs build of the same project does: on the page as built and as the reader ticks and types."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from ...conftest import Site, free_port, serve, site_config
from .conftest import build_with_zensical

pytestmark = [pytest.mark.browser, pytest.mark.zensical]

SOURCES = {
    "checklists/avant.md": (
        "---\ntitle: Avant l’événement\nphase: before\n---\n"
        "- [ ] Choisir deux sujets {#sujets}\n- [ ] Charger son téléphone {#telephone}\n"
    ),
    "docs/index.md": (
        "# Accueil\n\n```checklist\navant\n```\n\n"
        "- [ ] Prendre des cartes de visite {#cartes}\n\n"
        "```message\nid: bonjour\ntitle: Un mot après la rencontre\nchannel: email\n"
        "relationship: met\nfields:\n  prenom: {label: Son prénom}\n---\n"
        "Bonjour {{ prenom }}, ravi de vous avoir rencontré.\n```\n"
    ),
}


def french_config(port: int) -> dict[str, object]:
    """One configuration for both hosts, as the README gives it."""
    config = site_config(
        site_name="Guide réseau",
        site_url=f"http://127.0.0.1:{port}/",
        theme={
            "name": "material",
            "language": "fr",
            "font": False,
            "features": ["navigation.instant"],
        },
        extra_css=["assets/playbook/stylesheets/playbook.css"],
        extra_javascript=["assets/playbook/javascripts/core.js"],
        watch=["checklists"],
    )
    config["markdown_extensions"] = ["attr_list", "pymdownx.superfences", "playbook"]
    return config


def write_project(root: Path, config: dict[str, object]) -> Path:
    for path, text in SOURCES.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return root / "mkdocs.yml"


@pytest.fixture(scope="module")
def french_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The same French project built by each host, each served at its site_url."""
    zensical_port, mkdocs_port = free_port(), free_port()
    config_file = write_project(
        tmp_path_factory.mktemp("french-zensical"), french_config(zensical_port)
    )
    zensical_site = build_with_zensical(
        config_file,
        tmp_path_factory.mktemp("elsewhere"),
        site_url=f"http://127.0.0.1:{zensical_port}/",
        pdf=False,
        app=False,
    )
    mkdocs = Site(tmp_path_factory.mktemp("french-mkdocs"))
    mkdocs.config = french_config(mkdocs_port)
    write_project(mkdocs.root, mkdocs.config)
    mkdocs.build()
    with serve(zensical_site, zensical_port) as zensical, serve(mkdocs.site_dir, mkdocs_port) as md:
        yield {"Zensical": zensical, "MkDocs": md}


def widget_text(page: Page) -> list[str]:
    """What the reader reads in the widgets of the page, once they are set up."""
    expect(page.locator("[data-playbook-message][data-playbook-ready]")).to_have_count(1)
    widgets = page.locator("[data-playbook-checklist], [data-playbook-message]")
    return [" ".join(text.split()) for text in widgets.all_inner_texts()]


def test_a_french_zensical_site_speaks_french_like_the_mkdocs_build(
    french_sites: dict[str, str], page: Page
) -> None:
    seen = {}
    for host, base in french_sites.items():
        page.goto(base)
        checklist = page.locator("[data-playbook-checklist='avant']")
        expect(checklist.locator("[data-playbook-progress]")).to_have_text("0 sur 2")
        expect(checklist.get_by_role("button", name="Réinitialiser")).to_be_visible()
        checklist.get_by_label("Choisir deux sujets").check()
        expect(checklist.locator("[data-playbook-progress]")).to_have_text("1 sur 2")
        note = page.locator("[data-playbook-message='bonjour']")
        note.get_by_label("Son prénom").fill("Léa")
        expect(note.locator("[data-playbook-preview]")).to_have_text(
            "Bonjour Léa, ravi de vous avoir rencontré."
        )
        expect(note.locator("[data-playbook-action='copy']")).to_have_text("Copier le message")
        expect(note.locator("[data-playbook-count]")).to_contain_text("caractères")
        seen[host] = widget_text(page)
    assert seen["Zensical"] == seen["MkDocs"]


def test_the_generated_pages_of_a_french_zensical_site_are_in_french(
    french_sites: dict[str, str], page: Page
) -> None:
    base = french_sites["Zensical"]
    page.goto(base + "checklists/")
    expect(page.locator("h1").first).to_contain_text("Listes de contrôle")
    expect(page.get_by_role("button", name="Exporter mes données")).to_be_visible()
    page.goto(base + "people/")
    expect(page.locator("[data-playbook-people]")).to_have_attribute("data-playbook-ready", "")
    expect(page.get_by_role("button", name="Ajouter la personne")).to_be_visible()
