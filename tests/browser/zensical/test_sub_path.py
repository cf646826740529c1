"""A Zensical site published under a sub-path (site_url https://host/guide/) keeps the keys of
the MkDocs build published the same way: a reader's ticks survive the move."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ...conftest import free_port, open_with_instant_navigation, serve
from .conftest import build_with_zensical, copy_default_playbook, storage_keys
from .test_arrival import follow_navigation_link

pytestmark = [pytest.mark.browser, pytest.mark.zensical]


@pytest.fixture(scope="module")
def zensical_sub_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The default playbook built with Zensical for /playbook/ of its host, served there."""
    root = tmp_path_factory.mktemp("zensical-sub-path")
    config_file = copy_default_playbook(root / "project")
    port = free_port()
    site_dir = build_with_zensical(
        config_file,
        tmp_path_factory.mktemp("elsewhere"),
        site_url=f"http://127.0.0.1:{port}/playbook/",
        pdf=False,
        app=False,
    )
    (root / "host").mkdir()
    shutil.move(site_dir, root / "host" / "playbook")
    with serve(root / "host", port) as base:
        yield root / "host" / "playbook", base + "playbook/"


def test_every_key_under_a_sub_path_is_the_mkdocs_builds(
    zensical_sub_path: tuple[Path, str], subpath_playbook: tuple[Path, str]
) -> None:
    zensical_keys = storage_keys(zensical_sub_path[0])
    assert zensical_keys == storage_keys(subpath_playbook[0])
    assert "list:page:before-you-reach-out" in zensical_keys["before-you-reach-out"]


def test_a_tick_under_a_sub_path_is_saved_under_the_key_mkdocs_uses(
    zensical_sub_path: tuple[Path, str], page: Page
) -> None:
    _, base = zensical_sub_path
    open_with_instant_navigation(page, base)
    page.evaluate("window.sameDocument = true")
    follow_navigation_link(page, base + "before-you-reach-out/")
    expect(page).to_have_url(base + "before-you-reach-out/")
    assert page.evaluate("window.sameDocument === true")
    tasks = page.locator("[data-playbook-checklist='page:before-you-reach-out']")
    expect(tasks).to_have_attribute("data-playbook-ready", "")
    tasks.locator("input[data-playbook-item='stretch-event']").check()
    page.wait_for_timeout(100)  # the save runs in its own task right after the tick
    saved = page.evaluate(
        "() => JSON.parse(localStorage.getItem("
        "'playbook:networking-playbook:checklist:page:before-you-reach-out'))"
    )
    assert saved["items"] == {"stretch-event": True}
    assert page.evaluate("window.Playbook.pageKey()") == "before-you-reach-out"


def test_a_generator_under_a_sub_path_links_the_sites_own_people_page(
    zensical_sub_path: tuple[Path, str], page: Page
) -> None:
    _, base = zensical_sub_path
    page.goto(base + "after-you-meet/")
    note = page.locator("[data-playbook-message='thank-you-after-meeting']")
    expect(note).to_have_attribute("data-playbook-ready", "")
    expect(note.locator("[data-playbook-people-link]")).to_have_attribute("href", base + "people/")
    note.locator("[data-playbook-people-link]").click()
    expect(page.locator("[data-playbook-people]")).to_have_attribute("data-playbook-ready", "")
