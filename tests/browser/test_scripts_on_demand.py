"""Scripts a page loads the first time the reader uses what needs them: a generator page opens
without the calendar code or the people model, and a press of "Remind me" or "Mark as sent"
made while that script is still on its way is carried out once it arrives, never lost: on the
hosted site, after instant navigation, and from the offline copy on the disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from ..conftest import open_with_instant_navigation

pytestmark = pytest.mark.browser

GENERATOR = "[data-playbook-message='thank-you-after-meeting']"
FIELDS = {"name": "Ana", "when": "at the meetup", "advice": "a", "action": "b", "my_name": "Leo"}


def loaded_scripts(page: Page) -> list[str]:
    names: list[str] = page.eval_on_selector_all(
        "script[src]", "nodes => nodes.map(node => node.src.split('/').pop())"
    )
    return names


def add_person_on_the_people_page(page: Page, people_url: str) -> None:
    page.goto(people_url)
    form = page.locator(".playbook-people__add")
    form.locator("[data-playbook-person-field='name']").fill("Ana Ruiz")
    form.locator("[data-playbook-person-field='met_at']").fill("the data meetup")
    form.locator("[data-playbook-person-field='name']").press("Enter")
    expect(page.locator("[data-playbook-person] [data-playbook-person-name]")).to_have_text(
        "Ana Ruiz"
    )


def fill_the_note(page: Page) -> None:
    generator = page.locator(GENERATOR)
    expect(generator).to_have_attribute("data-playbook-ready", "")
    generator.locator("[data-playbook-person-picker]").select_option(index=1)
    for name, value in FIELDS.items():
        generator.locator(f"[data-playbook-field='{name}']").fill(value)


def note_for_ana_with_scripts_held(page: Page, base: str, *scripts: str) -> list[Route]:
    """Ana added on the People page, then her note filled in on a generator page while
    ``scripts`` are held on their way: the requests held, for the test to let through."""
    add_person_on_the_people_page(page, base + "people/")
    held: list[Route] = []
    for script in scripts:
        page.route(f"**/{script}", lambda route: held.append(route))
    page.goto(base + "after-you-meet/")
    fill_the_note(page)
    return held


def remind_and_mark_sent(page: Page) -> None:
    """Both presses work, whether or not their script was there before."""
    generator = page.locator(GENERATOR)
    with page.expect_download() as download:
        generator.locator("[data-playbook-action='remind']").click()
    assert download.value.suggested_filename.endswith(".ics")
    generator.locator("[data-playbook-action='mark-sent']").click()
    expect(generator.locator("[data-playbook-message-status]")).to_contain_text(
        "Logged on Ana Ruiz"
    )
    assert page.evaluate("() => window.Playbook.people.list()[0].log.length") == 1


@pytest.fixture
def without_offline_copy(browser: Browser) -> Iterator[Page]:
    """A page whose requests all reach the network: the offline copy's service worker would
    answer from its cache, where a test cannot hold a script on its way."""
    context = browser.new_context(service_workers="block")
    yield context.new_page()
    context.close()


def test_a_press_made_while_its_script_loads_is_carried_out_when_it_arrives(
    default_playbook: tuple[Path, str], without_offline_copy: Page
) -> None:
    _, base = default_playbook
    page = without_offline_copy
    held = note_for_ana_with_scripts_held(page, base, "playbook-calendar.js", "playbook-people.js")
    # The page opened without them; the picker listed Ana from what is stored.
    assert "playbook-calendar.js" not in loaded_scripts(page)
    assert "playbook-people.js" not in loaded_scripts(page)
    assert page.evaluate("() => window.Playbook.people") is None

    generator = page.locator(GENERATOR)
    generator.locator("[data-playbook-action='remind']").click()
    generator.locator("[data-playbook-action='mark-sent']").click()
    page.wait_for_timeout(300)  # the scripts are asked for, and held on the way
    assert sorted(route.request.url.rsplit("/", 1)[1] for route in held) == [
        "playbook-calendar.js",
        "playbook-people.js",
    ]
    assert generator.locator("[data-playbook-message-status]").text_content() == ""
    with page.expect_download() as download:
        for route in held:
            route.continue_()
    assert download.value.suggested_filename.startswith("follow-up-ana-ruiz-")
    expect(generator.locator("[data-playbook-message-status]")).to_contain_text(
        "Logged on Ana Ruiz"
    )
    log: list[dict[str, Any]] = page.evaluate("() => window.Playbook.people.list()[0].log")
    assert [entry["template"] for entry in log] == ["thank-you-after-meeting"]


def test_after_instant_navigation_the_scripts_load_when_first_used(
    default_playbook: tuple[Path, str], page: Page
) -> None:
    _, base = default_playbook
    add_person_on_the_people_page(page, base + "people/")
    open_with_instant_navigation(page, base)
    page.evaluate("() => { window.stayedOnThisDocument = true; }")
    page.locator(".md-nav__link[href$='after-you-meet/']").first.click()
    expect(page).to_have_url(base + "after-you-meet/")
    fill_the_note(page)
    assert page.evaluate("() => window.stayedOnThisDocument === true")
    assert "playbook-calendar.js" not in loaded_scripts(page)
    remind_and_mark_sent(page)


def test_from_the_disk_the_scripts_load_when_first_used(offline_playbook: Path, page: Page) -> None:
    add_person_on_the_people_page(page, (offline_playbook / "people.html").as_uri())
    page.goto((offline_playbook / "after-you-meet.html").as_uri())
    fill_the_note(page)
    assert "playbook-people.js" not in loaded_scripts(page)
    remind_and_mark_sent(page)


def test_the_data_panel_loads_its_script_when_reached_and_keeps_the_press(
    default_playbook: tuple[Path, str], without_offline_copy: Page
) -> None:
    _, base = default_playbook
    page = without_offline_copy
    held: list[Route] = []
    page.route("**/playbook-data.js", lambda route: held.append(route))
    page.goto(base + "checklists/before-the-event/")
    page.locator("[data-playbook-item]").first.check()
    page.goto(base + "people/")
    panel = page.locator("[data-playbook-data]")
    # Its buttons are there at once; its script is not fetched until the reader reaches it.
    expect(panel).to_have_attribute("data-playbook-ready", "")
    expect(panel.locator("[data-playbook-action='export']")).to_be_visible()
    assert "playbook-data.js" not in loaded_scripts(page)
    panel.locator("[data-playbook-action='export']").click()
    page.wait_for_timeout(300)
    assert [route.request.url.rsplit("/", 1)[1] for route in held] == ["playbook-data.js"]
    assert panel.locator("[data-playbook-data-status]").text_content() == ""
    with page.expect_download() as download:
        held[0].continue_()
    assert download.value.suggested_filename.endswith(".json")
    expect(panel.locator("[data-playbook-data-status]")).to_contain_text("Saved 1 entry to")


def test_import_opens_the_file_chooser_at_once_while_its_script_loads(
    default_playbook: tuple[Path, str], without_offline_copy: Page, tmp_path: Path
) -> None:
    """A browser opens a file chooser only during the press itself, so it cannot wait for the
    data panel's script: the chooser opens at once, and the file is read once it arrives."""
    _, base = default_playbook
    page = without_offline_copy
    page.goto(base + "checklists/before-the-event/")
    page.locator("[data-playbook-item]").first.check()
    page.goto(base + "people/")
    with page.expect_download() as download:
        page.locator("[data-playbook-data] [data-playbook-action='export']").click()
    saved = tmp_path / "my-data.json"
    download.value.save_as(saved)

    page.evaluate("() => localStorage.clear()")
    held: list[Route] = []
    page.route("**/playbook-data.js", lambda route: held.append(route))
    page.reload()
    panel = page.locator("[data-playbook-data]")
    with page.expect_file_chooser(timeout=5000) as chooser:
        panel.locator("[data-playbook-action='import']").click()
    chooser.value.set_files(saved)
    page.wait_for_timeout(300)
    assert [route.request.url.rsplit("/", 1)[1] for route in held] == ["playbook-data.js"]
    held[0].continue_()
    expect(panel.locator("[data-playbook-data-status]")).to_contain_text("Imported 1 entry")


def test_a_script_that_cannot_be_fetched_is_asked_for_again_at_the_next_press(
    default_playbook: tuple[Path, str], without_offline_copy: Page
) -> None:
    _, base = default_playbook
    page = without_offline_copy
    page.goto(base + "checklists/before-the-event/")
    page.locator("[data-playbook-item]").first.check()
    refused: list[str] = []

    def refuse_once(route: Route) -> None:
        if not refused:
            refused.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/playbook-data.js", refuse_once)
    page.goto(base + "people/")
    export = page.locator("[data-playbook-data] [data-playbook-action='export']")
    export.click()
    page.wait_for_timeout(500)
    assert len(refused) == 1
    with page.expect_download() as download:
        export.click()
    assert download.value.suggested_filename.endswith(".json")


def test_a_double_press_while_the_script_loads_logs_the_note_once(
    default_playbook: tuple[Path, str], without_offline_copy: Page
) -> None:
    _, base = default_playbook
    page = without_offline_copy
    held = note_for_ana_with_scripts_held(page, base, "playbook-people.js")
    generator = page.locator(GENERATOR)
    generator.locator("[data-playbook-action='mark-sent']").dblclick()
    page.wait_for_timeout(300)
    assert len(held) == 1
    held[0].continue_()
    expect(generator.locator("[data-playbook-message-status]")).to_contain_text(
        "Logged on Ana Ruiz"
    )
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.Playbook.people.list()[0].log.length") == 1
