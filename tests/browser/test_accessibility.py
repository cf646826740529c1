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

from playbook_plugin.sources.source_files import is_prepared

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
    pages = ["404.html", "checklists/", "checklists/event-kit/", "people/"]
    for source in sorted((REPO / "docs").rglob("*.md")):
        if is_prepared(source):  # `make zensical` wrote it; the plugin makes its own
            continue
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
    toggle = generator.locator("[data-playbook-action=toggle][aria-expanded=false]")
    if toggle.count():  # on a phone a template starts closed
        toggle.click()
    generator.locator("[data-playbook-field]").first.fill("Priya")
    expect(generator.locator("[data-playbook-warning]").first).to_be_visible()


def tick_some(page: Page) -> None:
    boxes = page.locator("[data-playbook-checklist] input[type=checkbox][data-playbook-item]")
    for index in (0, 2):
        boxes.nth(index).check()
        expect(boxes.nth(index)).to_be_checked()


def log_people(page: Page) -> None:
    """Two people, one overdue with a message on the timeline, and one being edited."""
    form = page.locator(".playbook-people__add")
    for name in ("Ana Ruiz", "Bo Chen"):
        form.locator("[data-playbook-person-field='name']").fill(name)
        form.locator("[data-playbook-person-field='met_at']").fill("Data meetup")
        form.locator("[data-playbook-person-field='name']").press("Enter")
    people = page.evaluate("() => window.Playbook.people.list().map(person => person.id)")
    page.evaluate(
        """id => window.Playbook.people.markSent(id, {kind: 'follow-up', title: 'Follow-up',
        channel: 'Email', text: 'Hi Ana', date: '2020-01-06'})""",
        people[0],
    )
    page.locator("[data-playbook-person] details summary").first.click()
    page.locator("[data-playbook-action='edit-person']").last.click()
    page.locator(".playbook-people__profile summary").click()
    expect(page.locator(".playbook-person--overdue")).to_have_count(1)


STATES: dict[str, tuple[str, Callable[[Page], Any]]] = {
    "generator-with-warnings": ("before-you-reach-out/", show_advice),
    "checklist-with-ticks": ("checklists/before-the-event/", tick_some),
    "people-logged": ("people/", log_people),
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


# Target size (WCAG 2.5.8): every control the playbook draws is at least 24 by 24 CSS pixels.

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
PRODUCT_CONTROLS = (
    ":is([data-playbook-checklist], [data-playbook-message], [data-playbook-data],"
    " [data-playbook-people], .playbook-page-actions, .playbook-downloads)"
    " :is(input, button, a[href], textarea, select, label)"
)
# The overview page is the plugin's own, links and all. Its links are lines of text written in
# Markdown: for them the test takes WCAG's spacing exception (a 24 px circle on a smaller
# target touches no other target), where the widgets' controls must be 24 px themselves.
OVERVIEW_LINKS = ".md-content a[href]:not(.headerlink)"
TARGETS = """([selector, spaced]) => {
    const all = [...document.querySelectorAll(
        ".md-content :is(a[href], button, input, label, textarea, select)")]
        .filter(element => element.checkVisibility());
    const box = element => element.getBoundingClientRect();
    const small = element => box(element).width < 24 || box(element).height < 24;
    const centre = element => [box(element).x + box(element).width / 2,
                               box(element).y + box(element).height / 2];
    const away = ([x, y], rect) => Math.hypot(
        Math.max(rect.left - x, 0, x - rect.right), Math.max(rect.top - y, 0, y - rect.bottom));
    const spacedOut = element => all.every(other => other === element
        || other.contains(element) || element.contains(other)
        || (away(centre(element), box(other)) >= 12
            && (!small(other) || Math.hypot(centre(element)[0] - centre(other)[0],
                                            centre(element)[1] - centre(other)[1]) >= 24)));
    return [...document.querySelectorAll(selector)]
        .filter(element => element.checkVisibility())
        .map(element => {
            const text = (element.getAttribute("aria-label") || element.textContent).trim();
            return {
                name: `${element.tagName.toLowerCase()} ${JSON.stringify(text.slice(0, 40))}`,
                width: Math.round(box(element).width * 10) / 10,
                height: Math.round(box(element).height * 10) / 10,
                fine: !small(element) || (spaced && element.matches(spaced) && spacedOut(element)),
            };
        });
}"""


def small_targets(page: Page, selector: str, spaced: str = "") -> tuple[int, list[str]]:
    """How many visible controls match, and those under 24 by 24 (and not spaced out)."""
    targets = page.evaluate(TARGETS, [selector, spaced])
    small = [
        f"{target['name']}: {target['width']} x {target['height']}"
        for target in targets
        if not target["fine"]
    ]
    return len(targets), small


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_control_the_playbook_draws_is_at_least_24_pixels(
    default_playbook: tuple[Path, str], browser: Browser, viewport: str
) -> None:
    _, base = default_playbook
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    problems: list[str] = []
    try:
        for path, selector, spaced in (
            ("checklists/before-the-event/", PRODUCT_CONTROLS, ""),
            ("checklists/", f"{PRODUCT_CONTROLS}, {OVERVIEW_LINKS}", OVERVIEW_LINKS),
            ("before-you-reach-out/", PRODUCT_CONTROLS, ""),
            ("people/", PRODUCT_CONTROLS, ""),
        ):
            page.goto(base + path)
            page.locator("[data-playbook-checklist], [data-playbook-data]").first.wait_for()
            if page.locator("[data-playbook-message]").count():
                show_advice(page)  # the warnings' links too
            count, small = small_targets(page, selector, spaced)
            assert count >= 5, f"{path}: only {count} controls found"
            problems += [f"{path} {target}" for target in small]
    finally:
        context.close()
    assert problems == [], f"smaller than 24 x 24 on a {viewport}:\n" + "\n".join(problems)


# Live regions: progress, advice and status lines are announced because they are in the page,
# in the accessibility tree, before anything is written to them.

LIVE_AT_LOAD = """selector => [...document.querySelectorAll(selector)].map(element => {
    element.__liveAtLoad = true;
    return {
        live: element.getAttribute("aria-live") || element.getAttribute("role"),
        rendered: element.checkVisibility(),
    };
})"""
IN_LIVE_REGION_FROM_LOAD = """element => {
    const region = element.closest("[aria-live], [role=status], [role=alert]");
    return Boolean(region && region.__liveAtLoad);
}"""


def mark_live_regions(page: Page, selector: str, expected: tuple[str, ...]) -> int:
    regions = page.evaluate(LIVE_AT_LOAD, selector)
    assert regions, f"no {selector} at load"
    for region in regions:
        assert region["live"] in expected, f"{selector}: {region}"
        assert region["rendered"], f"{selector} is not rendered while empty, so not announced"
    return len(regions)


def test_progress_advice_and_status_lines_are_live_regions_from_load(
    default_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = default_playbook
    page.goto(base + "before-you-reach-out/")
    mark_live_regions(page, "[data-playbook-progress]", ("status",))
    generators = mark_live_regions(page, "[data-playbook-warnings]", ("polite", "status"))
    assert mark_live_regions(page, "[data-playbook-message-status]", ("status",)) == generators

    page.locator("[data-playbook-checklist] input[type=checkbox]").first.press("Space")
    progress = page.locator("[data-playbook-checklist] [data-playbook-progress]").first
    expect(progress).to_have_text("1 of 17")
    assert progress.evaluate(IN_LIVE_REGION_FROM_LOAD)

    show_advice(page)
    warning = page.locator("[data-playbook-warning]").first
    assert warning.evaluate(IN_LIVE_REGION_FROM_LOAD)

    generator = page.locator("[data-playbook-message]").first
    generator.locator("[data-playbook-action='forget']").press("Enter")
    status = generator.locator("[data-playbook-message-status]")
    expect(status).not_to_be_empty()
    assert status.evaluate(IN_LIVE_REGION_FROM_LOAD)

    page.goto(base + "checklists/")
    mark_live_regions(page, "[data-playbook-data-status]", ("status",))
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-playbook-data] [data-playbook-action='forget']").press("Enter")
    data_status = page.locator("[data-playbook-data-status]")
    expect(data_status).not_to_be_empty()
    assert data_status.evaluate(IN_LIVE_REGION_FROM_LOAD)
