"""The default playbook built with Zensical (which runs no MkDocs plugins): `playbook prepare`
before the build, the Markdown extension during it. Checked in the browser, and against the
MkDocs build of the same project: the same pages, the same storage keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from playbook_plugin.cli import main as playbook_command

from .conftest import page_data, storage_keys

pytestmark = [pytest.mark.browser, pytest.mark.zensical]


def test_zensical_builds_every_page_the_plugin_makes(zensical_playbook: tuple[Path, str]) -> None:
    site, _ = zensical_playbook
    for path in ("checklists/", "checklists/event-kit/", "checklists/before-the-event/"):
        assert (site / path / "index.html").is_file(), path
    sheet = (site / "checklists/before-the-event/index.html").read_text(encoding="utf-8")
    assert 'data-playbook-action="print"' in sheet
    assert 'href="../../downloads/checklists/before-the-event.pdf"' in sheet


def test_ticks_persist_on_the_zensical_build(
    zensical_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = zensical_playbook
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
    zensical_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = zensical_playbook
    page.goto(base + "after-you-meet/")
    note = page.locator("[data-playbook-message='thank-you-after-meeting']")
    note.locator("[data-playbook-field='name']").fill("Grace")
    expect(note.locator("[data-playbook-preview]")).to_contain_text("Hi Grace,")
    note.locator("[data-playbook-field='name']").fill("")
    note.locator("[data-playbook-action='copy']").click()
    expect(note).to_contain_text("Still to fill in")


def test_every_advice_link_leads_to_a_page_of_the_site(zensical_playbook: tuple[Path, str]) -> None:
    site, _ = zensical_playbook
    links = 0
    for path, data, _ in page_data(site):
        for check in data["checks"]:  # type: ignore[attr-defined]
            if check.get("link"):
                target = (site / path).parent / check["link"].partition("#")[0] / "index.html"
                assert target.resolve().is_file(), f"{path}: {check['link']}"
                links += 1
    assert links > 5


def test_readers_keep_their_data_moving_from_mkdocs_to_zensical(
    zensical_playbook: tuple[Path, str], default_playbook: tuple[Path, str]
) -> None:
    zensical_keys = storage_keys(zensical_playbook[0])
    mkdocs_keys = storage_keys(default_playbook[0])
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


def test_widgets_are_styled_before_any_script_runs(
    zensical_playbook: tuple[Path, str], browser: Browser
) -> None:
    """As under MkDocs: each page links its widgets' stylesheets itself, so a generator and
    the People log are styled without JavaScript (and in print before the scripts load)."""
    _, base = zensical_playbook
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "after-you-meet/")
    note = page.locator("[data-playbook-message='thank-you-after-meeting']")
    expect(note).to_have_css("border-top-style", "solid")
    page.goto(base + "people/")
    expect(page.locator(".playbook-people__add")).to_have_css("border-top-style", "solid")
    context.close()
