"""Shared fixtures: small sites built in temporary folders, a static server, and Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def site_config(**overrides: Any) -> dict[str, Any]:
    config: dict[str, Any] = {
        "site_name": "Test Playbook",
        "site_url": "http://127.0.0.1:8000/",
        "theme": {"name": "material", "font": False, "features": ["navigation.instant"]},
        "markdown_extensions": ["attr_list", "pymdownx.superfences"],
        # PDFs take a second a site: the tests that are about them switch them on. The offline
        # copy would serve a page from before a rebuild until the reader reloads: the tests
        # about it switch it on (the default playbook's builds keep it, as published).
        "plugins": ["search", {"playbook": {"pdf": False, "offline_app": False}}],
    }
    config.update(overrides)
    return config


class Site:
    """A playbook project in a temporary folder: write sources, build, read pages."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.config: dict[str, Any] = site_config()

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def remove(self, relative: str) -> None:
        (self.root / relative).unlink()

    def build(self, strict: bool = True) -> Path:
        (self.root / "docs").mkdir(exist_ok=True)
        (self.root / "mkdocs.yml").write_text(yaml.safe_dump(self.config), encoding="utf-8")
        config = load_config(str(self.root / "mkdocs.yml"), strict=strict)
        # As `mkdocs build` does: MkDocs keeps a plugin with on_startup across loads.
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        return self.site_dir

    def serve_build(self) -> Any:
        """One build as `mkdocs serve` makes it (the first, or a rebuild after an edit);
        returns the MkDocs config it used. MkDocs keeps the plugin between rebuilds."""
        (self.root / "docs").mkdir(exist_ok=True)
        (self.root / "mkdocs.yml").write_text(yaml.safe_dump(self.config), encoding="utf-8")
        config = load_config(str(self.root / "mkdocs.yml"))
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config, serve_url="http://127.0.0.1:8000/")
        finally:
            config.plugins.on_startup(command="build", dirty=False)
        return config

    def html(self, url_path: str) -> str:
        path = self.site_dir / url_path
        if url_path.endswith("/") or not url_path:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return Site(tmp_path)


BEFORE_THE_EVENT = """\
---
title: Before the event
phase: before
summary: Arrive knowing what you want to talk about.
---

Start a day or two ahead.

- [ ] Choose two or three topics {#topics}
    Think of what you **enjoy** talking about.
- [ ] Read up on the hosts' work {#research}
    - [ ] Look up the speakers {#research-speakers}
- [x] Charge your phone {#phone}
"""

AFTER_THE_EVENT = """\
---
title: After the event
phase: after
---

- [ ] Send a thank-you within 24 hours {#thanks}
- [ ] Log each person you met {#log}
"""


@pytest.fixture
def small_playbook(site: Site) -> Site:
    site.write("checklists/before-the-event.md", BEFORE_THE_EVENT)
    site.write("checklists/after-the-event.md", AFTER_THE_EVENT)
    site.write(
        "docs/index.md",
        "# Home\n\nWelcome.\n\n```checklist\nbefore-the-event\n```\n\n[Plays](plays.md)\n",
    )
    site.write(
        "docs/plays.md",
        "# Plays\n\n## Close the conversation\n\n- [ ] Ask for a next step {#next-step}\n"
        "- [ ] Write down what you promised\n",
    )
    return site


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that never lets the browser reuse a page from before a rebuild."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path, port: int | None = None) -> Iterator[str]:
    """Serve ``directory`` over http on loopback; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port or free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def served(small_playbook: Site) -> Iterator[tuple[Site, str]]:
    """The small playbook built for, and served at, its own site_url (instant navigation)."""
    port = free_port()
    small_playbook.config["site_url"] = f"http://127.0.0.1:{port}/"
    small_playbook.build()
    with serve(small_playbook.site_dir, port) as base:
        yield small_playbook, base


def build_default_playbook(root: Path, **environment: str) -> Path:
    """Build a copy of the repository's playbook in ``root`` with ``environment`` set."""
    for name in ("docs", "checklists"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    try:
        config = load_config(str(root / "mkdocs.yml"), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    finally:
        for name, value in saved.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value
    return root / "site"


@pytest.fixture(scope="session")
def default_playbook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The repository's own playbook, built once and served at its site_url."""
    port = free_port()
    site_dir = build_default_playbook(
        tmp_path_factory.mktemp("default-playbook"), SITE_URL=f"http://127.0.0.1:{port}/"
    )
    with serve(site_dir, port) as base:
        yield site_dir, base


@pytest.fixture(scope="session")
def offline_playbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline build (``OFFLINE=true``), zipped and unzipped elsewhere as a reader would."""
    site_dir = build_default_playbook(tmp_path_factory.mktemp("offline-build"), OFFLINE="true")
    archive = shutil.make_archive(str(site_dir.parent / "playbook"), "zip", site_dir)
    unpacked = tmp_path_factory.mktemp("unzipped") / "Networking Playbook"
    shutil.unpack_archive(archive, unpacked)
    return unpacked


@pytest.fixture(scope="session")
def subpath_playbook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The playbook published under ``/playbook/`` of its host, as on GitHub Pages."""
    port = free_port()
    root = tmp_path_factory.mktemp("subpath")
    site_dir = build_default_playbook(root, SITE_URL=f"http://127.0.0.1:{port}/playbook/")
    host = root / "host"
    host.mkdir()
    shutil.move(site_dir, host / "playbook")
    with serve(host, port) as base:
        yield host / "playbook", base + "playbook/"


# Playwright, driving Debian's Chromium (Playwright's own browser download cannot work here).


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install chromium`); "
            "browser tests never skip"
        )
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture
def collect_page_errors() -> Callable[[Any], list[str]]:
    def attach(page: Any) -> list[str]:
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        return errors

    return attach


def open_with_instant_navigation(page: Any, url: str) -> None:
    """Open ``url`` and wait until Material's instant navigation takes over links.

    Material intercepts clicks only once it has read ``sitemap.xml``; a click before that is
    an ordinary page load.
    """
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        page.goto(url)
    page.wait_for_load_state("networkidle")


NEED_PEOPLE = """() => new Promise(done => {
    const ask = () => window.Playbook && window.Playbook.need
        ? window.Playbook.need("people", () => done(true)) : setTimeout(ask, 20);
    ask();
})"""
"""For ``page.evaluate``: the people model (``window.Playbook.people``), which a generator page
loads the first time a note is marked sent; tests that seed people through it ask for it."""
