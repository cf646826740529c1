"""Axe (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every page of the default playbook.

Each page is checked in the light and the dark palette, as a reader gets them: the browser
says which scheme it prefers and Material's palette follows it (mkdocs.yml pairs each palette
with a ``prefers-color-scheme`` media query). Then the states a reader makes: a generator
showing advice warnings, and a checklist with some ticks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from ..conftest import REPO

pytestmark = pytest.mark.browser

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# What the browser prefers -> the Material scheme mkdocs.yml pairs with it.
PALETTES = {"light": "default", "dark": "slate"}
AXE = Axe()
# Only violations come back in full: the passes of a long page are slow to hand over.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}


def playbook_pages() -> list[str]:
    """Every page the default playbook builds, as a path under the site root.

    Listed from the sources, so each is its own test case; a separate test checks that the
    built site holds exactly these pages, so a new kind of page cannot slip past axe.
    """
    pages = ["404.html", "checklists/", "checklists/event-kit/"]
    for source in sorted((REPO / "docs").rglob("*.md")):
        relative = source.relative_to(REPO / "docs").with_suffix("")
        if relative.name == "index":
            relative = relative.parent
        pages.append("" if str(relative) == "." else f"{relative.as_posix()}/")
    pages += [f"checklists/{source.stem}/" for source in (REPO / "checklists").glob("*.md")]
    return sorted(pages)


PAGES = playbook_pages()


def page_path(html_file: Path, site_dir: Path) -> str:
    relative = html_file.relative_to(site_dir).as_posix()
    if relative == "index.html":
        return ""
    return relative.removesuffix("index.html")


@pytest.fixture(scope="module")
def palette_pages(browser: Browser) -> Iterator[dict[str, Page]]:
    """One page per palette, reused by every test here: a fresh context each, so neither
    inherits the other's palette from Material's ``__palette`` entry in localStorage."""
    contexts = {name: browser.new_context(color_scheme=name) for name in PALETTES}
    pages = {name: context.new_page() for name, context in contexts.items()}
    for page in pages.values():
        page.on("dialog", lambda dialog: dialog.dismiss())
    yield pages
    for context in contexts.values():
        context.close()


def open_in_palette(page: Page, url: str, palette: str) -> None:
    page.goto(url)
    scheme = PALETTES[palette]
    # Material applies the palette that matches the preferred scheme once its bundle runs.
    page.wait_for_function(
        "scheme => document.body.getAttribute('data-md-color-scheme') === scheme", arg=scheme
    )
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    settle(page)


def settle(page: Page) -> None:
    """Let transitions end, or axe measures the contrast of half-faded text."""
    page.wait_for_function(
        "document.getAnimations().every(animation => animation.playState !== 'running')"
    )


def axe_report(page: Page) -> str:
    """Nothing when axe finds no violations; else one readable line per element."""
    results = AXE.run(page, options=AXE_OPTIONS)
    lines: list[str] = []
    for violation in results.response["violations"]:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)


def test_every_built_page_is_checked(default_playbook: tuple[Path, str]) -> None:
    site_dir, _ = default_playbook
    built = sorted(page_path(path, site_dir) for path in site_dir.rglob("*.html"))
    assert built == PAGES


@pytest.mark.parametrize("palette", list(PALETTES))
@pytest.mark.parametrize("path", PAGES, ids=[path or "home" for path in PAGES])
def test_a_page_has_no_axe_violations(
    default_playbook: tuple[Path, str], palette_pages: dict[str, Page], path: str, palette: str
) -> None:
    _, base = default_playbook
    page = palette_pages[palette]
    open_in_palette(page, base + path, palette)
    report = axe_report(page)
    assert report == "", f"{path or 'home'} in the {palette} palette:\n{report}"


def show_advice(page: Page) -> None:
    generator = page.locator("[data-playbook-message]").first
    generator.locator("[data-playbook-field]").first.fill("Priya")
    expect(generator.locator("[data-playbook-warning]").first).to_be_visible()


def tick_some(page: Page) -> None:
    boxes = page.locator("[data-playbook-checklist] input[type=checkbox][data-playbook-item]")
    for index in (0, 2):
        boxes.nth(index).check()
        expect(boxes.nth(index)).to_be_checked()


STATES: dict[str, tuple[str, Callable[[Page], Any]]] = {
    "generator-with-warnings": ("before-you-reach-out/", show_advice),
    "checklist-with-ticks": ("checklists/before-the-event/", tick_some),
}


@pytest.mark.parametrize("palette", list(PALETTES))
@pytest.mark.parametrize("state", list(STATES))
def test_a_page_after_the_reader_acts_has_no_axe_violations(
    default_playbook: tuple[Path, str], palette_pages: dict[str, Page], state: str, palette: str
) -> None:
    _, base = default_playbook
    page = palette_pages[palette]
    path, act = STATES[state]
    open_in_palette(page, base + path, palette)
    act(page)
    settle(page)
    report = axe_report(page)
    assert report == "", f"{state} in the {palette} palette:\n{report}"
