"""The contract between the build and the browser is stated once, and both sides keep to it."""

from __future__ import annotations

import html as html_module
import json
import re
import subprocess
from pathlib import Path

import markdown
import pytest

from playbook_plugin.contract import (
    ATTRIBUTES,
    CORE_JS,
    PAGE_KEY_PATTERN,
    default_namespace,
    page_key,
    storage_key,
    with_contract,
)
from tests.node_bridge import NODE, REPO

from .conftest import Site

PACKAGE = REPO / "playbook_plugin"
SCRIPTS = sorted((PACKAGE / "assets" / "javascripts").glob("*.js"))


def test_core_js_carries_the_contract_as_this_module_states_it() -> None:
    script = CORE_JS.read_text(encoding="utf-8")
    assert script == with_contract(script), (
        "core.js's contract block is stale: run `python -m playbook_plugin.contract`"
    )


@pytest.mark.parametrize(
    "source", [*SCRIPTS, *sorted(PACKAGE.glob("*.py"))], ids=lambda path: path.name
)
def test_every_data_attribute_the_code_uses_is_in_the_contract(source: Path) -> None:
    used = set(re.findall(r"data-playbook-[a-z-]*[a-z]", source.read_text(encoding="utf-8")))
    assert used <= set(ATTRIBUTES.values()), sorted(used - set(ATTRIBUTES.values()))


PAGES = [
    "index.md",
    "plays.md",
    "guide/index.md",
    "guide/first-steps.md",
    "README.md",
    "people/readme.md",
    "my page.md",
    "café/ünïcode.md",
]
URLS = {
    # What a page's URL is, relative to the site root, with and without directory URLs.
    "index.md": ["", "index.html"],
    "plays.md": ["plays/", "plays.html"],
    "guide/index.md": ["guide/", "guide/index.html"],
    "guide/first-steps.md": ["guide/first-steps/", "guide/first-steps.html"],
    "README.md": ["", "index.html"],
    "people/readme.md": ["people/", "people/index.html"],
    "my page.md": ["my%20page/", "my%20page.html"],
    "café/ünïcode.md": ["caf%C3%A9/%C3%BCn%C3%AFcode/", "caf%C3%A9/%C3%BCn%C3%AFcode.html"],
}


def node_call(function: str, values: list[str]) -> list[object]:
    program = (
        f"const core = require({json.dumps(str(CORE_JS))});"
        f"process.stdout.write(JSON.stringify({json.dumps(values)}.map(v => core.{function}(v))));"
    )
    result = subprocess.run(
        [NODE, "-e", program], capture_output=True, text=True, check=True, timeout=30
    )
    return json.loads(result.stdout)


def test_the_browser_derives_the_page_key_the_plugin_writes() -> None:
    """A host without the plugin keys task lists by URL; it must agree with the plugin."""
    urls = [url for page in PAGES for url in URLS[page]]
    derived = node_call("pageKeyFromPath", urls)
    expected = [page_key(page) for page in PAGES for _ in URLS[page]]
    assert derived == expected
    assert all(re.fullmatch(PAGE_KEY_PATTERN, key) for key in expected)


def test_keys_the_browser_refuses_and_keys_it_reads() -> None:
    keys = [
        "checklist:before-the-event",
        "checklist:page:guide",
        "checklist:page:guide/first-steps",
        "message:thank-you",
        "",
        "hello",
        "checklist:",
        "checklist:../../x",
        "checklist:Bad_Id",
        "checklist:page:../x",
        "checklist:page:a/./b",
        "message:",
        "people:ada",
    ]
    problems = dict(zip(keys, node_call("keyProblem", keys), strict=True))
    assert [key for key, problem in problems.items() if problem is None] == keys[:4]
    assert problems[""] == "key_empty"
    assert problems["hello"] == problems["people:ada"] == "key_kind"
    assert problems["checklist:../../x"] == problems["checklist:page:../x"] == "key_name"


def test_the_namespace_defaults_to_a_slug_of_the_site_name() -> None:
    assert default_namespace("Networking Playbook") == "networking-playbook"
    assert default_namespace("") == default_namespace(None) == "playbook"
    assert storage_key("club", "page", "guide") == "playbook:club:checklist:page:guide"
    assert storage_key("club", "message", "thanks") == "playbook:club:message:thanks"
    assert storage_key("club", "person", "pk3x9a") == "playbook:club:person:pk3x9a"
    assert storage_key("club", "profile") == "playbook:club:profile"
    assert (
        storage_key("club", "draft", "thanks", person="pk3x9a")
        == "playbook:club:draft:pk3x9a:thanks"
    )


def page_block(html: str) -> dict:
    match = re.search(r'<div hidden data-playbook-config="([^"]*)"></div>', html)
    assert match, "the page carries no data block"
    return json.loads(html_module.unescape(match.group(1)))


def test_the_plugin_and_the_extension_give_a_site_the_same_keys(
    small_playbook: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_playbook.write("docs/guide/index.md", "# Guide\n\n- [ ] Read it {#read}\n")
    small_playbook.build()
    built = small_playbook.html("guide/")
    monkeypatch.chdir(small_playbook.root)
    alone = markdown.markdown(
        "- [ ] Read it {#read}\n",
        extensions=["playbook"],
        extension_configs={"playbook": {"site_name": "Test Playbook"}},
    )
    assert page_block(built)["namespace"] == page_block(alone)["namespace"] == "test-playbook"
    assert 'data-playbook-checklist="page:guide"' in built
    # Without the plugin the page is not known at build time: the browser derives the same
    # key from the URL (see the Node check above).
    assert "data-playbook-page-auto" in alone
    # Ticks saved by earlier releases under the source path come along.
    assert 'data-playbook-legacy-key="page:guide/index"' in built


GENERATOR = """\
```message
id: {id}
title: Thanks {id}
channel: email
relationship: met
kind: thank-you
---
Thank you for the chat, it was great.
```
"""


def test_a_page_holds_the_advice_checks_once_and_generators_name_theirs(
    small_playbook: Site,
) -> None:
    small_playbook.write(
        "docs/notes.md", "# Notes\n\n" + GENERATOR.format(id="one") + GENERATOR.format(id="two")
    )
    small_playbook.build(strict=False)
    html = small_playbook.html("notes/")
    block = page_block(html)
    check_ids = [check["id"] for check in block["checks"]]
    assert check_ids and len(check_ids) == len(set(check_ids))
    generators = re.findall(r'data-playbook-message-data="([^"]*)"', html)
    assert len(generators) == 2
    for raw in generators:
        data = json.loads(html_module.unescape(raw))
        assert data["checks"] and set(data["checks"]) <= set(check_ids)
    assert '<script type="application/json"' not in html
    assert html.count("data-playbook-config=") == 1
    # A page with only a checklist carries no checks at all.
    assert page_block(small_playbook.html("plays/"))["checks"] == []


def test_a_page_carries_the_words_of_its_own_widgets_only(small_playbook: Site) -> None:
    small_playbook.write("docs/notes.md", "# Notes\n\n" + GENERATOR.format(id="one"))
    small_playbook.build(strict=False)
    checklist = page_block(small_playbook.html("checklists/before-the-event/"))["strings"]
    generator = page_block(small_playbook.html("notes/"))["strings"]
    data_panel = page_block(small_playbook.html("checklists/"))["strings"]  # export, import
    assert {"progress", "reset_confirm", "page_progress"} <= checklist.keys()
    generator_only = [key for key in generator if key.startswith(("message_", "people_"))]
    assert generator_only and not checklist.keys() & set(generator_only)
    assert not any(key.startswith(("import_", "erase_")) for key in checklist)
    assert {"import_done", "erase_confirm", "export_done"} <= data_panel.keys()
    assert {"import_done", "message_copied"} <= generator.keys()


def test_a_features_stylesheet_is_linked_only_from_pages_with_its_widgets(
    small_playbook: Site,
) -> None:
    small_playbook.write("docs/notes.md", "# Notes\n\n" + GENERATOR.format(id="one"))
    small_playbook.write("docs/guide/deep.md", "# Deep\n\n" + GENERATOR.format(id="two"))
    small_playbook.build(strict=False)
    sheet = "assets/playbook/stylesheets/playbook-messages.css"
    for path, href in (("notes/", f"../{sheet}"), ("guide/deep/", f"../../{sheet}")):
        head = small_playbook.html(path).split("</head>")[0]
        assert head.count("playbook-messages.css") == 1
        assert f'<link rel="stylesheet" href="{href}">' in head
    for path in ("", "plays/", "checklists/before-the-event/"):
        assert "playbook-messages.css" not in small_playbook.html(path)
        assert "assets/playbook/stylesheets/playbook.css" in small_playbook.html(path)
    assert (small_playbook.site_dir / sheet).is_file()
