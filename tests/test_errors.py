"""Bad input stops the build with `path:line: what to fix`, and leaves site/ as it was."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import Site

CASES = {
    "malformed front matter": (
        "checklists/bad.md",
        "---\ntitle: Bad\nsummary: [oops\n---\n- [ ] a\n",
        "checklists/bad.md:3: the front matter is not valid YAML",
    ),
    "missing title": (
        "checklists/bad.md",
        "---\nphase: before\n---\n- [ ] a\n",
        "checklists/bad.md:1: the checklist needs a title",
    ),
    "unknown phase": (
        "checklists/bad.md",
        "---\ntitle: Bad\nphase: someday\n---\n- [ ] a\n",
        "checklists/bad.md:3: unknown phase `someday`: use one of before, during, after, anytime",
    ),
    "checklist id that is not an id": (
        "checklists/Bad_Name.md",
        "---\ntitle: Bad\n---\n- [ ] a\n",
        "checklists/Bad_Name.md:1: the file name gives the checklist id `Bad_Name`",
    ),
    "item id that is not an id": (
        "checklists/bad.md",
        "---\ntitle: Bad\n---\n- [ ] a {#Not OK}\n",
        "checklists/bad.md:4: item id `Not OK` may only use lower-case letters",
    ),
    "duplicate item ids": (
        "checklists/bad.md",
        "---\ntitle: Bad\n---\n- [ ] a {#same}\n- [ ] b {#same}\n",
        "checklists/bad.md:5: item id `same` is already used on line 4",
    ),
    "fence naming a missing checklist": (
        "docs/embed.md",
        "# Embed\n\nText.\n\n```checklist\nno-such-list\n```\n",
        "docs/embed.md:6: there is no checklist `no-such-list`",
    ),
    "empty checklist": (
        "checklists/bad.md",
        "---\ntitle: Bad\n---\n\nNothing to tick yet.\n",
        "checklists/bad.md:5: this checklist has no items",
    ),
    "file that is not UTF-8": (
        "checklists/bad.md",
        "---\ntitle: Caf\xe9\n---\n- [ ] a\n".encode("latin-1"),
        "checklists/bad.md:2: this file is not UTF-8 text: save it as UTF-8",
    ),
    "message template with a for loop": (
        "docs/notes.md",
        "# Notes\n\n```message\nid: hello\nchannel: email\n---\n"
        "Hi {% for name in names %}{{ name }}{% endfor %}\n```\n",
        "docs/notes.md:7: a `for` loop is not supported in message templates",
    ),
    "message on an unknown channel": (
        "docs/notes.md",
        "# Notes\n\n```message\nid: hello\nchannel: fax\n---\nHi {{ name }}\n```\n",
        "docs/notes.md:5: `channel: fax` is not known",
    ),
    "message setting with a colon in its value": (
        "docs/notes.md",
        "# Notes\n\n```message\nid: hello\ntitle: Re: our chat\nchannel: email\n---\nHi\n```\n",
        "docs/notes.md:5: the value of `title` contains `: `, which YAML reads as a new setting; "
        'put it in quotes: `title: "Re: our chat"`',
    ),
    "message with an unclosed if": (
        "docs/notes.md",
        "# Notes\n\n```message\nid: hello\nchannel: email\n---\nHi,\n"
        "{% if topic %}I liked {{ topic }}.\n\nSee you soon.\n```\n",
        "docs/notes.md:8: this `{% if %}` is never closed: add `{% endif %}`",
    ),
    "task id that is not an id, in a blockquote": (
        "docs/tasks.md",
        "# Tasks\n\n> Quoted:\n>\n> - [ ] Call {#Call_Back}\n",
        "docs/tasks.md:5: item id `Call_Back` may only use lower-case letters, digits and "
        "hyphens: write `{#call-back}`",
    ),
    "duplicate task ids in a checklist's introduction": (
        "checklists/bad.md",
        "---\ntitle: Bad\n---\n\n> - [ ] a {#same}\n> - [ ] b {#same}\n\n- [ ] c\n",
        "checklists/bad.md:6: item id `same` is already used on this page",
    ),
    "duplicate task ids in a page": (
        "docs/tasks.md",
        "# Tasks\n\n- [ ] Call {#call}\n- [ ] Call again {#call}\n",
        "docs/tasks.md:4: item id `call` is already used on this page: "
        "give this item its own id, like `{#call-2}`",
    ),
}


def run_strict_build(site: Site) -> subprocess.CompletedProcess[str]:
    import yaml

    (site.root / "mkdocs.yml").write_text(yaml.safe_dump(site.config), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site.root,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_fails_the_strict_build_with_path_and_line(
    small_playbook: Site, case: str
) -> None:
    small_playbook.build()
    kept = small_playbook.html("checklists/before-the-event/")
    path, content, expected = CASES[case]
    small_playbook.write(path, content)

    result = run_strict_build(small_playbook)

    assert result.returncode != 0
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert small_playbook.html("checklists/before-the-event/") == kept, "site/ was touched"


def test_all_problems_are_listed_in_one_run(small_playbook: Site) -> None:
    small_playbook.write("checklists/one.md", "---\nphase: before\n---\n- [ ] a\n")
    small_playbook.write("checklists/two.md", "---\ntitle: Two\nphase: later\n---\n- [ ] a\n")
    result = run_strict_build(small_playbook)
    assert "checklists/one.md:1:" in result.stderr
    assert "checklists/two.md:3:" in result.stderr


def test_a_message_id_is_unique_across_the_site(small_playbook: Site) -> None:
    fence = "```message\nid: hello\nchannel: email\n---\nHi {{ name }}, thanks!\n```\n"
    small_playbook.write("docs/one.md", "# One\n\n" + fence)
    small_playbook.write("docs/two.md", "# Two\n\nText.\n\n" + fence)
    result = run_strict_build(small_playbook)
    assert result.returncode != 0
    assert "docs/two.md:6: message id `hello` is already used at docs/one.md:4" in result.stderr


def test_an_example_that_breaks_the_advice_fails_the_strict_build(small_playbook: Site) -> None:
    small_playbook.write(
        "docs/notes.md",
        "# Notes\n\n```message\nid: pushy\nchannel: email\nrelationship: new\n"
        "fields:\n  role: {example: the analyst job}\n---\n"
        "Hi, can you get me {{ role }}? Please reply next week.\n```\n",
    )
    result = run_strict_build(small_playbook)
    assert result.returncode != 0
    assert "docs/notes.md:4: with its examples filled in, message `pushy`" in result.stderr
    assert "`asks-for-job`" in result.stderr, result.stderr
