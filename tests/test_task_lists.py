"""Task lists written anywhere, by anyone: found as Markdown renders them, with stable ids."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import Site, site_config
from .test_errors import run_strict_build

REAL = Path(__file__).parent / "fixtures" / "real-checklists"
STUDY_PLAN = REAL / "coding-interview-university"
STUDY_PLAN_PAGES = {"en.md": "README.md", "zh.md": "README-cn.md", "es.md": "README-es.md"}
ITEM = re.compile(r'<input[^>]*data-playbook-item="([^"]+)"')


def item_ids(html: str) -> list[str]:
    return ITEM.findall(html)


def item_labelled(html: str, text: str) -> str:
    """The id of the item whose label is exactly ``text``."""
    match = re.search(
        r'<label><input [^>]*data-playbook-item="([^"]+)"[^>]*>' + re.escape(text) + "</label>",
        html,
    )
    assert match, f"no item labelled {text!r}"
    return match.group(1)


def page_of(site: Site, markdown: str, *, extensions: list | None = None) -> str:
    site.write("docs/index.md", "# Home\n")
    site.write("docs/page.md", markdown)
    if extensions is not None:
        site.config["markdown_extensions"] = extensions
    site.build()
    return site.html("page/")


def test_the_same_text_in_two_sections_is_two_items_whatever_their_order(site: Site) -> None:
    first = "## Arrays\n\n- [ ] Implement it\n- [ ] Videos\n"
    second = "## Trees\n\n- [ ] Implement it\n"
    html = page_of(site, f"# Plan\n\n{first}\n{second}")
    arrays, trees = item_labelled(html, "Implement it"), item_ids(html)[2]
    assert arrays != trees

    swapped = page_of(site, f"# Plan\n\nIntro.\n\n{second}\n{first}\n## More\n\n- [ ] New one\n")
    assert item_ids(swapped)[0] == trees
    assert item_ids(swapped)[1] == arrays


def test_inserting_or_editing_other_items_moves_no_id(site: Site) -> None:
    before = page_of(
        site, "# Plan\n\n- [ ] Call Sam\n    - [ ] Ask about the talk\n- [ ] Email Jo\n"
    )
    after = page_of(
        site,
        "# Plan\n\n- [ ] A new first item\n- [ ] Call Sam\n    - [ ] Book a coffee\n"
        "    - [ ] Ask about the talk\n- [ ] Email Jo today\n",
    )
    assert item_labelled(after, "Call Sam") == item_labelled(before, "Call Sam")
    assert item_labelled(after, "Ask about the talk") == item_labelled(before, "Ask about the talk")
    assert item_labelled(after, "Email Jo today") != item_labelled(before, "Email Jo")


def test_items_in_any_script_get_ids_from_their_own_letters(site: Site) -> None:
    html = page_of(
        site,
        "# 计划\n\n## 算法\n\n- [ ] [大O符号（视频）](https://example.com/a)\n- [ ] 实现\n"
        "- [ ] Ελληνικά κείμενα\n- [ ] 🎉\n",
    )
    assert item_ids(html) == ["算法/大o符号视频", "算法/实现", "算法/ελληνικά-κείμενα", "算法/item"]


def test_the_page_title_does_not_qualify_ids_but_later_headings_do(site: Site) -> None:
    html = page_of(site, "# Plan\n\n- [ ] Call\n\n# Later\n\n- [ ] Call\n")
    assert item_ids(html) == ["call", "later/call"]


def test_a_true_duplicate_gets_a_suffix_and_only_an_info_line(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        html = page_of(site, "# Plan\n\n- [ ] implement\n- [ ] implement\n- [ ] implement\n")
    assert item_ids(html) == ["implement", "implement-2", "implement-3"]
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert "docs/page.md: 2 task items repeat another item's text" in caplog.text


def test_items_are_found_wherever_markdown_renders_them(site: Site) -> None:
    html = page_of(
        site,
        "# Everywhere\n\n> - [ ] In a quote {#quoted}\n\n"
        '!!! note "Note"\n    - [ ] In a note\n\n'
        '=== "Tab"\n\n    - [ ] In a tab\n\n'
        "<div markdown>\n- [ ] In HTML\n</div>\n\n"
        "- Plain parent\n    - [ ] Nested under plain\n",
        extensions=[
            "attr_list",
            "admonition",
            "md_in_html",
            "pymdownx.superfences",
            {"pymdownx.tabbed": {"alternate_style": True}},
        ],
    )
    assert item_ids(html) == [
        "quoted",
        "in-a-note",
        "in-a-tab",
        "in-html",
        "plain-parent/nested-under-plain",
    ]
    assert "{#" not in html[html.index("<article") :]


def test_lines_that_do_not_render_as_items_are_not_items(site: Site) -> None:
    html = page_of(
        site,
        "# Plan\n\nA paragraph.\n\t- [ ] tab-indented, so part of the paragraph {#Not_An_Id}\n"
        "\t- [ ] and this {#Not_An_Id}\n",
    )
    assert item_ids(html) == []
    assert "data-playbook-checklist" not in html


def test_applying_every_suggestion_of_a_file_at_once_gives_a_page_that_builds(
    small_playbook: Site,
) -> None:
    page = (
        "# Tasks\n\n- [ ] One {#call}\n- [ ] Two {#call}\n- [ ] Three {#call}\n"
        "- [ ] Four {#call-2}\n- [ ] Five {#Call_Back}\n- [ ] Six {#call-back}\n"
    )
    small_playbook.write("docs/tasks.md", page)
    result = run_strict_build(small_playbook)
    assert result.returncode != 0
    fixes = re.findall(r"docs/tasks\.md:(\d+): .*?`\{#([^}]+)\}`", result.stderr)
    assert len(fixes) == 3, result.stderr
    lines = page.split("\n")
    for line, suggestion in fixes:
        index = int(line) - 1
        lines[index] = re.sub(r"\{#[^}]+\}$", "{#" + suggestion + "}", lines[index])
    small_playbook.write("docs/tasks.md", "\n".join(lines))
    assert run_strict_build(small_playbook).returncode == 0


def test_a_page_or_a_single_list_can_stay_plain_markdown(site: Site) -> None:
    site.write("docs/index.md", "# Home\n")
    site.write(
        "docs/plain.md",
        "---\nplaybook:\n  tasklists: false\n---\n# Plain page\n\n- [ ] Stays text {#Any_Thing}\n",
    )
    site.write(
        "docs/mixed.md",
        "# Mixed\n\n<!-- playbook: plain -->\n- [ ] Stays text\n\nThen:\n\n- [ ] Becomes a box\n",
    )
    site.build()
    assert "data-playbook-item" not in site.html("plain/")
    assert "<li>[ ] Stays text {#Any_Thing}</li>" in site.html("plain/")
    mixed = site.html("mixed/")
    assert "<li>[ ] Stays text</li>" in mixed
    assert item_ids(mixed) == ["becomes-a-box"]


# Real checklists written by others, pasted unchanged.


def _build_study_plan(root: Path, *, plugin: bool) -> tuple[Path, list[str]]:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Study plans\n", encoding="utf-8")
    for page, source in STUDY_PLAN_PAGES.items():
        shutil.copy(STUDY_PLAN / source, docs / page)
    config = site_config(
        # The plans link to files of their own repository that are not kept here.
        validation={"links": {"not_found": "info", "unrecognized_links": "info"}},
    )
    if not plugin:
        config["plugins"] = ["search"]
    import yaml

    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    warnings: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: warnings.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        build(load_config(str(root / "mkdocs.yml"), strict=True))
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return root / "site", warnings


@pytest.fixture(scope="module")
def study_plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[str]]:
    """The study plan in three languages, built with the plugin and without it, strict."""
    with_plugin, warnings = _build_study_plan(tmp_path_factory.mktemp("with"), plugin=True)
    _, plain_warnings = _build_study_plan(tmp_path_factory.mktemp("without"), plugin=False)
    return with_plugin, warnings, plain_warnings


def test_a_real_study_plan_builds_strict_with_the_same_warnings_as_without_the_plugin(
    study_plan: tuple[Path, list[str], list[str]],
) -> None:
    _, warnings, plain_warnings = study_plan
    assert warnings == plain_warnings == []


@pytest.mark.parametrize("page", list(STUDY_PLAN_PAGES))
def test_every_item_of_a_real_study_plan_is_a_box_with_its_own_id(
    study_plan: tuple[Path, list[str], list[str]], page: str
) -> None:
    site_dir, _, _ = study_plan
    html = (site_dir / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    source = (STUDY_PLAN / STUDY_PLAN_PAGES[page]).read_text(encoding="utf-8")
    ids = item_ids(html)
    assert len(ids) > 300
    assert len(ids) == len(set(ids)), "two items share an id"
    rendered_boxes = len(re.findall(r"^\s*[-*] \[[ xX]\]", source, re.MULTILINE))
    assert len(ids) <= rendered_boxes
    assert "{#" not in html


def test_chinese_items_keep_their_letters_in_their_ids(
    study_plan: tuple[Path, list[str], list[str]],
) -> None:
    site_dir, _, _ = study_plan
    html = (site_dir / "zh" / "index.html").read_text(encoding="utf-8")
    big_o = [item for item in item_ids(html) if "大o符号" in item]
    assert len(big_o) >= 2
    assert not [item for item in item_ids(html) if re.fullmatch(r"[a-z0-9-]{1,2}", item)]


def test_a_page_with_many_lists_has_one_total_and_one_reset(site: Site) -> None:
    html = page_of(
        site,
        "# Plan\n\n## Arrays\n\n- [ ] One\n- [x] Two\n\nText.\n\n- [ ] Three\n"
        "    - A plain bullet\n    - [ ] Four\n\n## Trees\n\n- [ ] Five\n",
    )
    article = html[html.index("<article") :]
    assert article.count("data-playbook-page-total") == 1
    assert re.search(r"data-playbook-progress[^>]*>1 of 5 on this page<", article)
    assert article.count('data-playbook-action="reset"') == 1
    assert article.index("data-playbook-page-total") < article.index('id="arrays"')
    counts = re.findall(r"data-playbook-progress[^>]*>(\d+ of \d+)[^<]*<", article)
    assert counts == ["1 of 5", "1 of 2", "0 of 1"], "lists under a heading keep a count"
    assert '<li class="playbook-bullet">A plain bullet</li>' in article


def test_a_page_with_one_list_keeps_its_own_progress_and_reset(site: Site) -> None:
    html = page_of(site, "# Plan\n\n- [ ] One\n- [ ] Two\n")
    article = html[html.index("<article") :]
    assert "data-playbook-page-total" not in article
    assert re.search(r"data-playbook-progress[^>]*>0 of 2<", article)
    assert article.count('data-playbook-action="reset"') == 1
