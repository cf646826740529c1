"""Sites built through MkDocs itself, asserted on the HTML a reader gets."""

from __future__ import annotations

import html as html_module
import json
import re

import markdown
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import Site


def config_of(html: str) -> dict:
    match = re.search(r'<div hidden data-playbook-config="([^"]*)"></div>', html)
    assert match, "the page carries no playbook settings"
    return json.loads(html_module.unescape(match.group(1)))


def test_each_checklist_gets_its_own_page_with_boxes_and_labels(small_playbook: Site) -> None:
    small_playbook.build()
    html = small_playbook.html("checklists/before-the-event/")
    assert "<h1" in html and "Before the event</h1>" in html
    assert 'data-playbook-checklist="before-the-event"' in html
    for item in ("topics", "research", "research-speakers", "phone"):
        # The box sits in its label, which names it.
        assert re.search(rf'<label><input type=checkbox data-playbook-item="{item}"[^>]*>', html)
    assert "Think of what you <strong>enjoy</strong> talking about." in html
    assert "Start a day or two ahead." in html


def test_a_ticked_by_default_item_is_checked_and_counted_without_javascript(
    small_playbook: Site,
) -> None:
    small_playbook.build()
    html = small_playbook.html("checklists/before-the-event/")
    assert re.search(r'data-playbook-item="phone" checked', html)
    assert re.search(r"data-playbook-progress[^>]*>1 of 4<", html)


def test_the_overview_lists_every_checklist_in_phase_order_with_progress(
    small_playbook: Site,
) -> None:
    small_playbook.build()
    html = small_playbook.html("checklists/")
    html = html[html.index("<article") :]
    before = html.index('href="before-the-event/"')
    after = html.index('href="after-the-event/"')
    assert before < after
    assert 'data-playbook-summary="before-the-event"' in html
    assert 'data-playbook-items="topics research research-speakers phone"' in html
    assert 'data-playbook-action="export"' in html and 'data-playbook-action="import"' in html


def test_the_event_kit_holds_printable_checklists_then_a_people_log(small_playbook: Site) -> None:
    small_playbook.write(
        "checklists/routine.md", "---\ntitle: Monthly routine\nprint: false\n---\n- [ ] Call\n"
    )
    small_playbook.build()
    html = small_playbook.html("checklists/event-kit/")
    html = html[html.index("<article") :]
    assert (
        html.index('data-playbook-checklist="before-the-event"')
        < html.index('data-playbook-checklist="after-the-event"')
        < html.index("People I met")
    )
    assert 'data-playbook-checklist="routine"' not in html
    assert html.count("<tr><td></td>") >= 10


def test_an_embedded_checklist_shares_its_id_and_links_to_its_page(small_playbook: Site) -> None:
    small_playbook.build()
    html = small_playbook.html("")
    assert 'data-playbook-checklist="before-the-event"' in html
    assert '<a href="checklists/before-the-event/">Before the event</a>' in html


def test_task_lists_in_any_page_are_interactive_and_keyed_by_the_page(
    small_playbook: Site,
) -> None:
    small_playbook.build()
    html = small_playbook.html("plays/")
    assert 'data-playbook-checklist="page:plays"' in html
    assert 'data-playbook-item="next-step"' in html
    box = re.search(
        r'<input[^>]*data-playbook-item="close-the-conversation/write-down-what-you-promised"'
        r"[^>]*>",
        html,
    )
    assert box, "an implicit id names its section"
    # The id the previous release gave it is the id's last part, which the browser takes
    # without it being written again.
    assert "data-playbook-was" not in box.group(0)
    assert "{#next-step}" not in html
    assert re.search(r"<label><input [^>]*>Ask for a next step</label>", html)


def test_assets_are_added_once_and_relative_to_each_page(small_playbook: Site) -> None:
    small_playbook.config["extra_javascript"] = ["assets/playbook/javascripts/playbook.js"]
    small_playbook.build()
    html = small_playbook.html("checklists/before-the-event/")
    assert html.count("playbook/javascripts/playbook.js") == 1
    assert 'src="../../assets/playbook/javascripts/playbook.js"' in html
    assert (small_playbook.site_dir / "assets/playbook/stylesheets/playbook.css").exists()


def test_the_namespace_defaults_to_a_slug_of_the_site_name(small_playbook: Site) -> None:
    small_playbook.build()
    assert config_of(small_playbook.html(""))["namespace"] == "test-playbook"


def test_a_site_can_translate_every_widget_string(small_playbook: Site) -> None:
    small_playbook.config["plugins"] = [
        "search",
        {
            "playbook": {
                "namespace": "club",
                "strings": {"progress": "{done} sur {total}", "reset": "Effacer"},
            }
        },
    ]
    small_playbook.build()
    html = small_playbook.html("checklists/before-the-event/")
    assert re.search(r"data-playbook-progress[^>]*>1 sur 4<", html)
    assert ">Effacer</button>" in html
    settings = config_of(html)
    assert settings["namespace"] == "club"
    assert settings["strings"]["reset"] == "Effacer"


def test_the_extension_works_without_mkdocs(tmp_path, monkeypatch) -> None:
    (tmp_path / "checklists").mkdir()
    (tmp_path / "checklists" / "prep.md").write_text(
        "---\ntitle: Prep\n---\n- [ ] Pack cards {#cards}\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    html = markdown.markdown(
        "```checklist\nprep\n```\n\n- [ ] A task\n",
        extensions=["playbook"],
        extension_configs={"playbook": {"namespace": "solo", "page_key": "guide"}},
    )
    assert 'data-playbook-checklist="prep"' in html
    assert 'data-playbook-item="cards"' in html
    assert 'data-playbook-checklist="page:guide"' in html
    assert config_of(html)["namespace"] == "solo"


def test_mkdocs_serve_rebuilds_when_a_checklist_changes(small_playbook: Site) -> None:
    from mkdocs.config import load_config as load

    small_playbook.build()
    config = load(str(small_playbook.root / "mkdocs.yml"))
    config.plugins.on_config(config)
    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    config.plugins["playbook"].on_serve(Server(), config=config, builder=None)
    assert watched == [str(small_playbook.root / "checklists")]


def test_materials_search_dialog_is_named_on_every_page(small_playbook: Site) -> None:
    small_playbook.build()
    pages = sorted(small_playbook.site_dir.rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'data-md-component="search" role="dialog" aria-label="Search">' in html, page


def test_a_dirty_build_from_python_rebuilds_only_the_changed_page(small_playbook: Site) -> None:
    small_playbook.build()
    home = small_playbook.site_dir / "index.html"
    written = home.stat().st_mtime_ns
    small_playbook.write("docs/plays.md", "# Plays\n\nChanged.\n")
    build(load_config(str(small_playbook.root / "mkdocs.yml")), dirty=True)
    assert "Changed." in small_playbook.html("plays/")
    assert home.stat().st_mtime_ns == written
    assert 'data-playbook-checklist="before-the-event"' in small_playbook.html("")
