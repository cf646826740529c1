"""The offline copy `playbook app` adds to a Zensical build: after one visit, with the network
gone, every page opens and works, instant navigation included, as on the MkDocs build
(tests/browser/test_installable_offline.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from ...conftest import free_port
from ..test_installable_offline import Host, built_version, first_visit, hosted, open_on_a_phone
from .conftest import build_with_zensical, copy_default_playbook
from .test_arrival import follow_navigation_link

pytestmark = [pytest.mark.browser, pytest.mark.zensical]


@pytest.fixture(scope="module")
def zensical_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Host]:
    """The default playbook built with Zensical and `playbook app` (PDFs off, as they are not
    kept offline by default), on a host the test can switch off."""
    config_file = copy_default_playbook(tmp_path_factory.mktemp("zensical-offline") / "project")
    port = free_port()
    site_dir = build_with_zensical(
        config_file,
        tmp_path_factory.mktemp("elsewhere"),
        site_url=f"http://127.0.0.1:{port}/",
        pdf=False,
    )
    with hosted(site_dir, port) as host:
        yield host


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(
        service_workers="allow", viewport={"width": 390, "height": 844}, has_touch=True
    )
    yield context
    context.close()


def test_with_the_network_gone_every_zensical_page_opens_and_works(
    zensical_host: Host, phone: BrowserContext
) -> None:
    page = phone.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    assert first_visit(page, zensical_host.base) == built_version(zensical_host.directory)

    zensical_host.stop()
    phone.set_offline(True)
    try:
        for path, heading in [
            ("at-the-event/", "At the event"),
            ("checklists/after-the-event/", "After the event"),
            ("about/", "How to use this playbook"),
            ("people/", "People I met"),
        ]:
            response = page.goto(zensical_host.base + path)
            assert response is not None and response.ok and response.from_service_worker
            expect(page.locator("h1").first).to_contain_text(heading)

        page.goto(zensical_host.base + "checklists/at-the-event/")
        box = page.locator("input[type=checkbox][data-playbook-item]").first
        box.check()
        page.reload()
        expect(page.locator("input[type=checkbox][data-playbook-item]").first).to_be_checked()

        page.goto(zensical_host.base + "people/")
        page.locator('[data-playbook-person-field="name"]').fill("Ana Ruiz")
        page.locator('[data-playbook-action="add-person"]').click()
        page.reload()
        expect(page.locator("[data-playbook-person-name]").first).to_contain_text("Ana Ruiz")

        page.goto(zensical_host.base + "after-you-meet/")
        generator = page.locator("[data-playbook-message]").first
        open_on_a_phone(generator)
        generator.locator("[data-playbook-field]").first.fill("Ana")
        expect(generator.locator("[data-playbook-preview]")).to_contain_text("Ana")
        expect(generator).to_have_css("border-top-style", "solid")

        # Zensical's instant navigation, offline, through the phone's menu.
        page.evaluate("window.sameDocument = true")
        page.locator("label.md-header__button[for=__drawer]").click()
        follow_navigation_link(page, zensical_host.base + "always/")
        expect(page).to_have_url(zensical_host.base + "always/")
        expect(page.locator("h1").first).to_contain_text("Always")
        assert page.evaluate("window.sameDocument === true")

        # Zensical's search index (search.json, not MkDocs' search/search_index.json).
        index = page.evaluate(
            "async url => { const response = await fetch(url); return response.ok"
            " ? (await response.json()).items.length : 0; }",
            zensical_host.base + "search.json",
        )
        assert index > 10
    finally:
        phone.set_offline(False)
        zensical_host.start()
    assert errors == []


def test_the_zensical_copy_holds_only_the_sites_own_files(
    zensical_host: Host, phone: BrowserContext
) -> None:
    page = phone.new_page()
    first_visit(page, zensical_host.base)
    urls: list[str] = page.evaluate(
        """async () => {
          const urls = [];
          for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
          }
          return urls;
        }"""
    )
    assert all(url.startswith(zensical_host.base) for url in urls)
    for needed in ("checklists/keep-in-touch/", "people/", "search.json"):
        assert zensical_host.base + needed in urls, needed
    # Every script the pages ask for, the feature scripts core.js loads among them.
    for script in sorted((zensical_host.directory / "assets/playbook/javascripts").glob("*.js")):
        assert zensical_host.base + f"assets/playbook/javascripts/{script.name}" in urls
    manifest = json.loads(page.request.get(zensical_host.base + "manifest.webmanifest").text())
    assert manifest["name"] == "Networking Playbook"
    assert manifest["start_url"] == "./"
