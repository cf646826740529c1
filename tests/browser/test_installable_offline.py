"""The hosted playbook at an event with no signal: after one visit every page opens offline,
a new build replaces the offline copy whole, and the site installs as an app."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from ..conftest import REPO, QuietHandler, Site, free_port, open_with_instant_navigation

pytestmark = pytest.mark.browser


class Host:
    """A static web host that can be switched off, as the network is in a basement hall."""

    def __init__(self, directory: Path, port: int) -> None:
        self.directory = directory
        self.port = port
        self.requests: list[str] = []
        self.server: http.server.ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> None:
        requests = self.requests

        class Recording(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                requests.append(self.path)
                super().do_GET()

        handler = functools.partial(Recording, directory=str(self.directory))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


@contextlib.contextmanager
def hosted(directory: Path, port: int) -> Iterator[Host]:
    host = Host(directory, port)
    host.start()
    try:
        yield host
    finally:
        host.stop()


def build_playbook(root: Path, site_url: str) -> Path:
    """The repository's playbook, PDFs off (they are not kept offline by default)."""
    for name in ("docs", "checklists"):
        shutil.copytree(REPO / name, root / name, dirs_exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("\n  - playbook\n", "\n  - playbook:\n      pdf: false\n")
    config = config.replace('!ENV [SITE_URL, "http://127.0.0.1:8000/"]', site_url)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    build(load_config(str(root / "mkdocs.yml"), strict=True))
    return root / "site"


@pytest.fixture(scope="module")
def playbook_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Host]:
    port = free_port()
    site_dir = build_playbook(tmp_path_factory.mktemp("installable"), f"http://127.0.0.1:{port}/")
    with hosted(site_dir, port) as host:
        yield host


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(
        service_workers="allow", viewport={"width": 390, "height": 844}, has_touch=True
    )
    yield context
    context.close()


def first_visit(page: Page, url: str) -> str:
    """Open ``url`` and wait until the offline copy is stored; returns its version."""
    open_with_instant_navigation(page, url)
    # The whole copy is downloaded and checked first: give a busy machine time.
    page.wait_for_function(
        "navigator.serviceWorker && navigator.serviceWorker.controller", timeout=90_000
    )
    return str(
        page.evaluate(
            """() => new Promise(resolve => {
              const channel = new MessageChannel();
              channel.port1.onmessage = event => resolve(event.data.version);
              navigator.serviceWorker.controller.postMessage(
                {type: "playbook:version"}, [channel.port2]);
            })"""
        )
    )


def open_on_a_phone(generator: Locator) -> None:
    """On a phone a template shows only its title until the reader opens it."""
    generator.locator("[data-playbook-action=toggle][aria-expanded=false]").click()


def built_version(site_dir: Path) -> str:
    script = (site_dir / "playbook-sw.js").read_text(encoding="utf-8")
    offline = json.loads(script.split("var OFFLINE = ", 1)[1].split(";\n", 1)[0])
    return str(offline["version"])


def test_with_the_network_gone_every_page_opens_and_works(
    playbook_host: Host, phone: BrowserContext
) -> None:
    page = phone.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    version = first_visit(page, playbook_host.base)
    assert version == built_version(playbook_host.directory)

    playbook_host.stop()
    phone.set_offline(True)
    try:
        # Pages never visited, opened directly.
        for path, heading in [
            ("at-the-event/", "At the event"),
            ("checklists/after-the-event/", "After the event"),
            ("about/", "How to use this playbook"),
            ("people/", "People I met"),
        ]:
            response = page.goto(playbook_host.base + path)
            assert response is not None and response.ok and response.from_service_worker
            expect(page.locator("h1").first).to_contain_text(heading)

        # A tick stays after a reload, with no network.
        page.goto(playbook_host.base + "checklists/at-the-event/")
        box = page.locator("input[type=checkbox][data-playbook-item]").first
        box.check()
        page.reload()
        expect(page.locator("input[type=checkbox][data-playbook-item]").first).to_be_checked()

        # The People log, never visited: a person is added and stays.
        page.goto(playbook_host.base + "people/")
        page.locator('[data-playbook-person-field="name"]').fill("Ana Ruiz")
        page.locator('[data-playbook-action="add-person"]').click()
        page.reload()
        expect(page.locator("[data-playbook-person-name]").first).to_contain_text("Ana Ruiz")

        # A note is written, counted and checked.
        page.goto(playbook_host.base + "after-you-meet/")
        generator = page.locator("[data-playbook-message]").first
        open_on_a_phone(generator)
        field = generator.locator("[data-playbook-field]").first
        field.fill("Ana")
        expect(generator.locator("[data-playbook-preview]")).to_contain_text("Ana")
        expect(generator.locator("[data-playbook-count]")).not_to_be_empty()

        # Instant navigation from page to page, through the phone's menu.
        page.locator("label.md-header__button[for=__drawer]").click()
        page.locator(".md-nav--primary .md-nav__link", has_text="Always").first.click()
        expect(page).to_have_url(playbook_host.base + "always/")
        expect(page.locator("h1").first).to_contain_text("Always")

        # Search: Material's worker reads the stored index.
        page.locator("label.md-header__button[for=__search]").click()
        page.locator("input.md-search__input").press_sequentially("thank-you")
        expect(page.locator(".md-search-result__item a").first).to_be_visible()

        # A reminder still downloads.
        page.goto(playbook_host.base + "after-you-meet/")
        with page.expect_download() as download:
            page.locator('[data-playbook-message] [data-playbook-action="remind"]').first.click()
            page.locator('[data-playbook-message] [data-playbook-action="remind"]').first.click()
        assert download.value.suggested_filename.endswith(".ics")
    finally:
        phone.set_offline(False)
        playbook_host.start()
    assert errors == []


def test_the_copy_holds_only_the_sites_own_files(
    playbook_host: Host, phone: BrowserContext
) -> None:
    page = phone.new_page()
    first_visit(page, playbook_host.base)
    stored = page.evaluate(
        """async () => {
          const names = await caches.keys();
          const urls = [];
          for (const name of names) {
            for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
          }
          return {names, urls};
        }"""
    )
    assert len(stored["names"]) == 1
    assert all(url.startswith(playbook_host.base) for url in stored["urls"])
    assert not [url for url in stored["urls"] if url.endswith((".pdf", ".map"))]
    assert f"{playbook_host.base}checklists/keep-in-touch/" in stored["urls"]
    assert f"{playbook_host.base}search/search_index.json" in stored["urls"]
    # Nothing the reader types is in it: their data stays in localStorage.
    page.goto(playbook_host.base + "after-you-meet/")
    open_on_a_phone(page.locator("[data-playbook-message]").first)
    page.locator("[data-playbook-message] [data-playbook-field]").first.fill("Zxqv Marker")
    texts = page.evaluate(
        """async () => {
          const name = (await caches.keys())[0];
          const cache = await caches.open(name);
          const bodies = [];
          for (const request of await cache.keys()) {
            bodies.push(await (await cache.match(request)).text());
          }
          return bodies.join("\\n");
        }"""
    )
    assert "Zxqv Marker" not in texts


def test_the_manifest_makes_an_installable_app(playbook_host: Host, phone: BrowserContext) -> None:
    page = phone.new_page()
    page.goto(playbook_host.base + "checklists/at-the-event/")
    href = page.locator("link[rel=manifest]").evaluate("link => link.href")
    assert href == playbook_host.base + "manifest.webmanifest"
    response = page.request.get(playbook_host.base + "manifest.webmanifest")
    manifest = json.loads(response.text())
    assert manifest["name"] == "Networking Playbook"
    assert 0 < len(manifest["short_name"]) <= 12
    assert manifest["start_url"] == "./" and manifest["scope"] == "./"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#4051b5"  # Material's indigo, the theme's primary
    sizes = {}
    for icon in manifest["icons"]:
        image = Image.open(io.BytesIO(page.request.get(playbook_host.base + icon["src"]).body()))
        assert image.format == "PNG"
        assert f"{image.width}x{image.height}" == icon["sizes"]
        sizes[icon.get("purpose", "any"), image.width] = image
    assert ("any", 192) in sizes and ("any", 512) in sizes and ("maskable", 512) in sizes
    # The browser reads it as an app: name, icons and scope inside the site.
    session = page.context.new_cdp_session(page)
    parsed: Any = session.send("Page.getAppManifest")
    assert parsed["errors"] == []
    assert '"short_name"' in parsed["data"]
    # Chromium's own installability check (Lighthouse 12 dropped its PWA audits). A test
    # browser's profile is a private one, which never installs: that is the only objection.
    first_visit(page, playbook_host.base)
    session = page.context.new_cdp_session(page)
    errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [error["errorId"] for error in errors if error["errorId"] != "in-incognito"] == []


def small_site(site: Site, url: str) -> None:
    site.config["site_url"] = url
    site.config["plugins"] = ["search", {"playbook": {"pdf": False}}]
    site.write("docs/index.md", "# Home\n\nVersion one of the home page.\n\n[Plays](plays.md)\n")
    site.write("docs/plays.md", "# Plays\n\n- [ ] Ask for a next step {#next-step}\n")
    site.build()


def test_a_new_build_replaces_the_copy_whole_when_the_reader_says(
    site: Site, phone: BrowserContext
) -> None:
    port = free_port()
    small_site(site, f"http://127.0.0.1:{port}/")
    old = built_version(site.site_dir)
    with hosted(site.site_dir, port) as host:
        page = phone.new_page()
        assert first_visit(page, host.base) == old

        site.write("docs/plays.md", "# Plays\n\nVersion two.\n\n- [ ] Ask for a next step\n")
        site.build()
        new = built_version(site.site_dir)
        assert new != old

        # The browser finds the new version; until the reader says, pages stay the old ones.
        page.goto(host.base + "plays/")
        notice = page.locator("div[data-playbook-update]")
        expect(notice).to_be_visible(timeout=15000)
        expect(page.locator("article")).not_to_contain_text("Version two")
        expect(notice).to_have_attribute("role", "status")

        with page.expect_event("load"):
            notice.get_by_role("button", name="Reload").click()
        expect(page.locator("article")).to_contain_text("Version two")
        assert page.evaluate("caches.keys()") == [f"playbook-offline {host.base} {new}"]

        # Rebuilt with nothing changed: the same version, nothing to download again.
        before = len(host.requests)
        site.build()
        assert built_version(site.site_dir) == new
        page.reload()
        page.wait_for_load_state("networkidle")
        assert [path for path in host.requests[before:] if path != "/playbook-sw.js"] == []


def test_a_half_deployed_site_never_replaces_a_working_copy(
    site: Site, phone: BrowserContext
) -> None:
    port = free_port()
    small_site(site, f"http://127.0.0.1:{port}/")
    with hosted(site.site_dir, port) as host:
        page = phone.new_page()
        old = first_visit(page, host.base)
        # A new worker is out, but a file it lists is still the old one (upload half done).
        site.write("docs/plays.md", "# Plays\n\nVersion two.\n")
        stale = (site.site_dir / "plays" / "index.html").read_bytes()
        site.build()
        (site.site_dir / "plays" / "index.html").write_bytes(stale)
        page.goto(host.base + "plays/")
        page.wait_for_timeout(1500)
        expect(page.locator("div[data-playbook-update]")).to_have_count(0)
        assert page.evaluate("caches.keys()") == [f"playbook-offline {host.base} {old}"]
        host.stop()
        phone.set_offline(True)
        page.goto(host.base)
        expect(page.locator("article")).to_contain_text("Version one")


def test_a_site_under_a_sub_path_keeps_to_its_own_path(site: Site, phone: BrowserContext) -> None:
    port = free_port()
    small_site(site, f"http://127.0.0.1:{port}/guide/")
    host_root = site.root / "host"
    host_root.mkdir()
    shutil.copytree(site.site_dir, host_root / "guide")
    (host_root / "index.html").write_text("<h1>Another site on this host</h1>", encoding="utf-8")
    with hosted(host_root, port) as host:
        page = phone.new_page()
        first_visit(page, host.base + "guide/")
        scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
        assert scope == host.base + "guide/"
        host.stop()
        phone.set_offline(True)
        response = page.goto(host.base + "guide/plays/")
        assert response is not None and response.from_service_worker
        expect(page.locator("h1").first).to_contain_text("Plays")


def test_serve_and_switched_off_sites_remove_an_old_copy(site: Site, phone: BrowserContext) -> None:
    port = free_port()
    small_site(site, f"http://127.0.0.1:{port}/")
    with hosted(site.site_dir, port) as host:
        page = phone.new_page()
        first_visit(page, host.base)
        site.config["plugins"] = ["search", {"playbook": {"pdf": False, "offline_app": False}}]
        site.write("docs/index.md", "# Home\n\nNo offline copy now.\n")
        site.build()
        assert not (site.site_dir / "manifest.webmanifest").exists()
        assert '<link rel="manifest"' not in site.html("")
        page.goto(host.base + "plays/")
        page.wait_for_function("!navigator.serviceWorker.controller", timeout=15000)
        page.goto(host.base)
        expect(page.locator("article")).to_contain_text("No offline copy now")
        assert page.evaluate("caches.keys()") == []
