"""A failed, stopped or killed build leaves the author's previous site/ as it was.

Every bad source is a `path:line: what to fix` error, found before MkDocs empties site/; a
failure later in the build (a page, --strict, a killed process) never replaces the old site.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from .conftest import AFTER_THE_EVENT, BEFORE_THE_EVENT, Site

SENTINEL = "kept-from-the-last-build.txt"
"""A file of the previous site that only emptying site/ removes."""

MESSAGE = "```message\nid: hello\nchannel: email\n---\nHi {{ name }}, thanks!\n```\n"


def _message(header: str = "", body: str = "Hi {{ name }}, thanks!") -> str:
    return f"# Notes\n\n```message\nid: hello\nchannel: email\n{header}---\n{body}\n```\n"


def _alias_bomb(levels: int) -> str:
    """YAML whose last anchor stands for 9 ** levels values."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, levels)]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = Site(tmp_path_factory.mktemp("built-once"))
    site.write("checklists/before-the-event.md", BEFORE_THE_EVENT)
    site.write("checklists/after-the-event.md", AFTER_THE_EVENT)
    site.write("docs/index.md", "# Home\n\n```checklist\nbefore-the-event\n```\n")
    site.build()
    (site.site_dir / SENTINEL).write_text("previous site", encoding="utf-8")
    return site.root


@pytest.fixture
def previous(built_once: Path, tmp_path: Path) -> Site:
    """A playbook whose last build succeeded: its site/ is there to be kept."""
    root = tmp_path / "project"
    shutil.copytree(built_once, root, symlinks=True)
    return Site(root)


def assert_previous_site_kept(site: Site) -> None:
    assert (site.site_dir / SENTINEL).exists(), "site/ was emptied"
    assert "before-the-event" in site.html("checklists/before-the-event/")
    leftovers = [path.name for path in site.root.iterdir() if path.name.startswith(".site")]
    assert leftovers == [], "a half-built site was left behind"


def failed_build_errors(site: Site, caplog: pytest.LogCaptureFixture) -> str:
    """Build; it must stop the way MkDocs stops on bad input (no other exception)."""
    caplog.clear()
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        site.build()
    return "\n".join(record.getMessage() for record in caplog.records)


CASES = {
    "a checklist title with a code fence in it": (
        "checklists/bad.md",
        '---\ntitle: "Bad\\n```checklist\\nnope\\n```"\n---\n- [ ] a\n',
        "checklists/bad.md:2: the title must fit on one line",
    ),
    "a message with a bad id in a checklist's introduction": (
        "checklists/bad.md",
        "---\ntitle: Bad\n---\n\nIntro.\n\n```message\nid: Bad_Id\nchannel: email\n---\nHi\n```\n"
        "\n- [ ] a\n",
        "checklists/bad.md:8: `id: Bad_Id` may only use lower-case letters",
    ),
    "a checklist fence left open in a checklist's introduction": (
        "checklists/bad.md",
        "---\ntitle: Bad\n---\nIntro.\n\n```checklist\nafter-the-event\n- [ ] a\n",
        "checklists/bad.md:6: this code fence is not closed before the first item",
    ),
    "a fence after a U+2028 line separator": (
        "docs/odd.md",
        "# Odd\n\n```text\nfoo\u2028```\n```\n"
        "```message\nid: Bad_Id\nchannel: email\n---\nhi\n```\n",
        "docs/odd.md:7: `id: Bad_Id` may only use lower-case letters",
    ),
    "a control character in front matter": (
        "checklists/bad.md",
        "---\ntitle: Bad\nsummary: a\x07b\n---\n- [ ] a\n",
        "checklists/bad.md:3: the front matter contains the control character U+0007",
    ),
    "a control character in a message's settings": (
        "docs/notes.md",
        _message(header="title: a\x1bb\n"),
        "docs/notes.md:6: the settings block above `---` contains the control character U+001B",
    ),
    "an alias bomb in front matter": (
        "checklists/bad.md",
        f"---\ntitle: Bad\n{_alias_bomb(6)}\nphase: *a5\n---\n- [ ] a\n",
        "checklists/bad.md:4: the front matter uses a YAML alias",
    ),
    "an alias bomb in a message's fields": (
        "docs/notes.md",
        _message(header=_alias_bomb(3) + "\nfields:\n  name: {label: *a2}\n"),
        "docs/notes.md:7: the settings block above `---` uses a YAML alias",
    ),
    "recursive YAML in a message's settings": (
        "docs/notes.md",
        _message(header="fields: &loop {name: *loop}\n"),
        "docs/notes.md:6: the settings block above `---` uses a YAML alias",
    ),
    "lists nested 2,000 deep in front matter": (
        "checklists/bad.md",
        "---\ntitle: Bad\nsummary: " + "[" * 2000 + "]" * 2000 + "\n---\n- [ ] a\n",
        "checklists/bad.md:3: the front matter nests values more than 20 levels deep",
    ),
    "lists nested 50 deep in a message's fields": (
        "docs/notes.md",
        _message(header="fields:\n  name: {label: " + "[" * 50 + "]" * 50 + "}\n"),
        "docs/notes.md:7: the settings block above `---` nests values more than 20 levels deep",
    ),
    "an impossible date tagged as a date": (
        "checklists/bad.md",
        "---\ntitle: Bad\nsummary: !!timestamp 2024-02-30\n---\n- [ ] a\n",
        "checklists/bad.md:2: the front matter has a value YAML cannot read",
    ),
    "a follow-up too far away to put in a calendar": (
        "docs/notes.md",
        _message(header="follow_up: 99999999999999999999 months\n"),
        "docs/notes.md:6: `follow_up: 99999999999999999999 months` is more than ten years away",
    ),
    "300 nested ifs": (
        "docs/notes.md",
        _message(body="{% if a %}" * 300 + "x" + "{% endif %}" * 300),
        "docs/notes.md:7: the template nests too deeply",
    ),
    "2,000 trim filters": (
        "docs/notes.md",
        _message(body="{{ name" + "|trim" * 2000 + " }}"),
        "docs/notes.md:7: the template nests too deeply",
    ),
    "500 parentheses": (
        "docs/notes.md",
        _message(body="{{ " + "(" * 500 + "name" + ")" * 500 + " }}"),
        "docs/notes.md:7: the template nests too deeply",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_a_path_line_error_and_the_previous_site_stays(
    previous: Site, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    path, content, expected = CASES[case]
    previous.write(path, content)

    errors = failed_build_errors(previous, caplog)

    assert expected in errors, errors
    assert_previous_site_kept(previous)


def test_a_message_in_a_checklist_introduction_needs_an_id_of_its_own(
    previous: Site, caplog: pytest.LogCaptureFixture
) -> None:
    previous.write("docs/notes.md", "# Notes\n\n" + MESSAGE)
    previous.write("checklists/bad.md", f"---\ntitle: Bad\n---\nIntro.\n\n{MESSAGE}\n- [ ] a\n")

    errors = failed_build_errors(previous, caplog)

    assert "message id `hello` is already used at " in errors, errors
    assert "checklists/bad.md:6:" in errors or "docs/notes.md:4:" in errors, errors
    assert_previous_site_kept(previous)


def test_files_that_are_not_files_are_errors_not_crashes(
    previous: Site, caplog: pytest.LogCaptureFixture
) -> None:
    (previous.root / "checklists" / "folder.md").mkdir()
    os.symlink("nowhere.md", previous.root / "docs" / "broken.md")
    os.symlink("loop.md", previous.root / "docs" / "loop.md")
    os.symlink(".", previous.root / "docs" / "again")

    errors = failed_build_errors(previous, caplog)

    assert "checklists/folder.md:1: this is a folder" in errors, errors
    assert "docs/broken.md:1: this is a link to `nowhere.md`, which does not exist" in errors
    assert "docs/loop.md:1: this link leads back to itself" in errors
    assert "docs/again:1: this folder link leads back to a folder it is in" in errors
    assert_previous_site_kept(previous)


def test_a_value_that_looks_like_an_impossible_date_is_text(previous: Site) -> None:
    previous.write("checklists/dated.md", "---\ntitle: 2024-02-30\n---\n- [ ] a\n")
    previous.build()
    assert "2024-02-30" in previous.html("checklists/dated/")


def test_an_editors_lock_file_beside_a_checklist_is_ignored(previous: Site) -> None:
    os.symlink("user@host.1234", previous.root / "checklists" / ".#before-the-event.md")
    previous.build()
    assert "before-the-event" in previous.html("checklists/before-the-event/")


def run_mkdocs_build(site: Site, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    (site.root / "mkdocs.yml").write_text(yaml.safe_dump(site.config), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=site.root,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_a_named_pipe_called_like_a_checklist_does_not_block_the_build(previous: Site) -> None:
    os.mkfifo(previous.root / "checklists" / "pipe.md")
    os.mkfifo(previous.root / "docs" / "pipe.md")

    result = run_mkdocs_build(previous, timeout=30)

    assert result.returncode != 0
    assert "checklists/pipe.md:1: this is not a regular file" in result.stderr, result.stderr
    assert "docs/pipe.md:1: this is not a regular file" in result.stderr
    assert "Traceback" not in result.stderr
    assert_previous_site_kept(previous)


def test_strict_stops_on_an_example_that_trips_a_check_before_writing_anything(
    previous: Site, caplog: pytest.LogCaptureFixture
) -> None:
    previous.write(
        "docs/notes.md",
        _message(
            header="fields:\n  name: {required: true, example: Sam}\n",
            body="Hi {{ name }}! I NEED a job!!",
        ),
    )

    errors = failed_build_errors(previous, caplog)

    assert "docs/notes.md:4: with its examples filled in, message `hello` trips" in errors
    assert "--strict makes these warnings stop the build" in errors
    assert_previous_site_kept(previous)


def test_a_strict_build_stopped_by_any_warning_keeps_the_previous_site(previous: Site) -> None:
    previous.write("docs/index.md", "# Home\n\nSee [a page that is not there](missing.md).\n")

    with pytest.raises(Abort, match="warnings in strict mode"):
        previous.build()

    assert_previous_site_kept(previous)


HOOK = """\
import os, signal, time

def on_page_content(html, page, config, files):
    if page.file.src_uri == "index.md":
        {action}
    return html
"""


def test_a_page_that_fails_late_in_the_build_keeps_the_previous_site(
    previous: Site, caplog: pytest.LogCaptureFixture
) -> None:
    previous.write("hook.py", HOOK.format(action='raise RuntimeError("late failure")'))
    previous.config["hooks"] = ["hook.py"]
    caplog.clear()
    with pytest.raises(RuntimeError, match="late failure"):
        previous.build()
    assert_previous_site_kept(previous)


def test_a_build_killed_half_way_keeps_the_previous_site_and_the_next_build_recovers(
    previous: Site,
) -> None:
    previous.write("docs/index.md", "# Home, rewritten\n")
    previous.write("hook.py", HOOK.format(action="os.kill(os.getpid(), signal.SIGKILL)"))
    previous.config["hooks"] = ["hook.py"]

    killed = run_mkdocs_build(previous)

    assert killed.returncode == -9
    assert (previous.site_dir / SENTINEL).exists(), "site/ was emptied"
    assert "Home, rewritten" not in previous.html("")

    del previous.config["hooks"]
    previous.build()
    assert "Home, rewritten" in previous.html("")
    assert not (previous.site_dir / SENTINEL).exists()
    assert [path.name for path in previous.root.iterdir() if path.name.startswith(".site")] == []


LONG_LINES = {
    "spaces in a checklist item": (
        "checklists/long.md",
        "---\ntitle: Long\n---\n- [ ] a" + " " * 95_000 + "b\n",
        "---\ntitle: Long\n---\n- [ ] ab\n",
    ),
    "spaces in a page's task": (
        "docs/long.md",
        "# Long\n\n- [ ] a" + " " * 150_000 + "b\n",
        "# Long\n\n- [ ] ab\n",
    ),
    "< in a page's task": (
        "docs/long.md",
        "# Long\n\n- [ ] a " + "<" * 150_000 + "\n",
        "# Long\n\na " + "<" * 150_000 + "\n",  # Markdown's own time for the text, no task
    ),
    "]( in a page's task": (
        "docs/long.md",
        "# Long\n\n- [ ] a " + "](" * 75_000 + "\n",
        "# Long\n\na " + "](" * 75_000 + "\n",
    ),
}


@pytest.mark.parametrize("case", LONG_LINES, ids=list(LONG_LINES))
def test_a_long_line_adds_no_more_than_seconds_to_a_build(previous: Site, case: str) -> None:
    path, content, reference = LONG_LINES[case]
    previous.write(path, reference)
    started = time.perf_counter()
    previous.build()
    normal = time.perf_counter() - started
    previous.write(path, content)

    started = time.perf_counter()
    previous.build()
    extra = time.perf_counter() - started - normal

    assert extra < 5, f"{extra:.1f} s longer than a normal build"


def test_a_checklist_of_a_megabyte_is_refused_before_any_work(
    previous: Site, caplog: pytest.LogCaptureFixture
) -> None:
    previous.write("checklists/long.md", "---\ntitle: Long\n---\n- [ ] a " + "<" * 1_000_000)
    started = time.perf_counter()
    errors = failed_build_errors(previous, caplog)
    assert time.perf_counter() - started < 5
    assert "checklists/long.md:1: this checklist is 1,000,028 characters long" in errors, errors
    assert_previous_site_kept(previous)


def test_the_advice_checks_read_a_long_message_in_seconds() -> None:
    from playbook_plugin.sources.messages import build_settings, check_example, parse_message

    settings = build_settings()
    source = "id: long\nchannel: email\n---\nHi {{ name }}, " + "word " * 100_000
    template = parse_message(source, path="docs/long.md", line=3, settings=settings)
    started = time.perf_counter()
    check_example(template, settings)
    assert time.perf_counter() - started < 5
