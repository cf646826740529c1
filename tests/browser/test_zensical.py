"""The default playbook built with Zensical (which runs no MkDocs plugins): `playbook prepare`
before the build, the Markdown extension during it. Checked in the browser, and against the
MkDocs build of the same project: the same pages, the same storage keys."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from playbook_plugin.cli import main as playbook_command

from ..conftest import REPO, free_port, serve

pytestmark = pytest.mark.browser

ZENSICAL = Path(sys.executable).with_name("zensical")


def zensical_build(
    config_file: Path, cwd: Path, **environment: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ZENSICAL), "build", "--clean", "-f", str(config_file)],
        cwd=cwd,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The repository's playbook, prepared and built from another folder than the project's
    (paths start at the configuration file), served at its site_url."""
    root = tmp_path_factory.mktemp("zensical") / "project"
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    for name in ("docs", "checklists"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/"
    os.chdir(elsewhere)
    try:
        assert playbook_command(["prepare", "-f", str(root / "mkdocs.yml")]) == 0
    finally:
        os.chdir(REPO)
    built = zensical_build(root / "mkdocs.yml", elsewhere, SITE_URL=site_url)
    assert built.returncode == 0, built.stderr
    with serve(root / "site", port) as base:
        yield root / "site", base


def test_zensical_builds_every_page_the_plugin_makes(zensical_site: tuple[Path, str]) -> None:
    site, _ = zensical_site
    for path in ("checklists/", "checklists/event-kit/", "checklists/before-the-event/"):
        assert (site / path / "index.html").is_file(), path
    sheet = (site / "checklists/before-the-event/index.html").read_text(encoding="utf-8")
    assert 'data-playbook-action="print"' in sheet
    assert 'href="../../downloads/checklists/before-the-event.pdf"' in sheet


def test_ticks_persist_on_the_zensical_build(zensical_site: tuple[Path, str], page: Page) -> None:
    _, base = zensical_site
    page.goto(base + "checklists/before-the-event/")
    checklist = page.locator("[data-playbook-checklist='before-the-event']")
    first = checklist.locator("input[data-playbook-item]").first
    first.check()
    page.wait_for_timeout(100)  # the save runs in its own task right after the tick
    page.reload()
    expect(checklist.locator("input[data-playbook-item]").first).to_be_checked()
    page.goto(base + "checklists/")
    expect(page.locator("[data-playbook-summary='before-the-event']")).to_contain_text("1 of")


def test_a_generator_works_on_the_zensical_build(
    zensical_site: tuple[Path, str], page: Page
) -> None:
    _, base = zensical_site
    page.goto(base + "after-you-meet/")
    note = page.locator("[data-playbook-message='thank-you-after-meeting']")
    note.locator("[data-playbook-field='name']").fill("Grace")
    expect(note.locator("[data-playbook-preview]")).to_contain_text("Hi Grace,")
    note.locator("[data-playbook-field='name']").fill("")
    note.locator("[data-playbook-action='copy']").click()
    expect(note).to_contain_text("Still to fill in")


def _page_data(site: Path) -> Iterator[tuple[str, dict[str, object], str]]:
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        found = re.search(r'data-playbook-config="([^"]*)"', text)
        if found:
            yield path.relative_to(site).as_posix(), json.loads(html.unescape(found.group(1))), text


def test_every_advice_link_leads_to_a_page_of_the_site(zensical_site: tuple[Path, str]) -> None:
    site, _ = zensical_site
    links = 0
    for path, data, _ in _page_data(site):
        for check in data["checks"]:  # type: ignore[attr-defined]
            if check.get("link"):
                target = (site / path).parent / check["link"].partition("#")[0] / "index.html"
                assert target.resolve().is_file(), f"{path}: {check['link']}"
                links += 1
    assert links > 5


def _keys(site: Path) -> dict[str, set[str]]:
    """What the reader's data is saved under, page by page: namespace, widget keys, items."""
    keys: dict[str, set[str]] = {}
    for path, data, text in _page_data(site):
        found = {f"namespace:{data['namespace']}"}
        found |= {f"list:{key}" for key in re.findall(r'data-playbook-checklist="([^"]*)"', text)}
        found |= {f"item:{key}" for key in re.findall(r'data-playbook-item="([^"]*)"', text)}
        found |= {f"message:{key}" for key in re.findall(r'data-playbook-message="([^"]*)"', text)}
        keys[path.removesuffix(".html").removesuffix("index").rstrip("/")] = found
    return keys


def test_readers_keep_their_data_moving_from_mkdocs_to_zensical(
    zensical_site: tuple[Path, str], default_playbook: tuple[Path, str]
) -> None:
    zensical_keys = _keys(zensical_site[0])
    mkdocs_keys = _keys(default_playbook[0])
    assert zensical_keys == mkdocs_keys
    assert "namespace:networking-playbook" in zensical_keys["checklists"]


def test_two_generators_with_one_id_stop_prepare_with_where_and_how(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    message = (
        "```message\nid: hello\ntitle: Hello\nchannel: email\nrelationship: met\n---\nHi.\n```\n"
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n\n" + message, encoding="utf-8")
    (tmp_path / "docs/other.md").write_text("# Other\n\n" + message, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Two\nmarkdown_extensions: [pymdownx.superfences, playbook]\n"
        "extra_javascript: [assets/playbook/javascripts/core.js]\n"
        "extra_css: [assets/playbook/stylesheets/playbook.css]\n",
        encoding="utf-8",
    )
    assert playbook_command(["prepare", "-f", str(tmp_path / "mkdocs.yml")]) == 1
    said = capsys.readouterr().err
    assert "docs/other.md:4: message id `hello` is already used at docs/index.md:4" in said
    assert "Traceback" not in said
