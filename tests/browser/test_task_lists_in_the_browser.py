"""Task lists pasted from elsewhere, ticked by a reader in Debian's Chromium."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Page, expect

from ..conftest import free_port, serve, site_config

pytestmark = pytest.mark.browser

STUDY_PLAN = Path(__file__).parent.parent / "fixtures" / "real-checklists"
STUDY_PLAN = STUDY_PLAN / "coding-interview-university"
PAGES = {"en": "README.md", "zh": "README-cn.md", "es": "README-es.md"}
NAMESPACE = "test-playbook"


class StudyPlanSite:
    """The study plan in three languages, as pages of one site, built and served."""

    def __init__(self, root: Path, port: int) -> None:
        self.root = root
        self.docs = root / "docs"
        self.docs.mkdir(parents=True)
        (self.docs / "index.md").write_text("# Study plans\n", encoding="utf-8")
        for page, source in PAGES.items():
            shutil.copy(STUDY_PLAN / source, self.docs / f"{page}.md")
        config = site_config(
            site_url=f"http://127.0.0.1:{port}/",
            validation={"links": {"not_found": "info", "unrecognized_links": "info"}},
        )
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")

    def build(self) -> None:
        build(load_config(str(self.root / "mkdocs.yml"), strict=True))

    def edit(self, page: str, change: Callable[[str], str]) -> None:
        path = self.docs / f"{page}.md"
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.fixture
def study_plan(tmp_path: Path) -> Iterator[tuple[StudyPlanSite, str]]:
    port = free_port()
    site = StudyPlanSite(tmp_path, port)
    site.build()
    with serve(tmp_path / "site", port) as base:
        yield site, base


def checked_labels(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "input[data-playbook-item]:checked",
        "boxes => boxes.map(box => box.closest('label').textContent.trim())",
    )


def unique_labels(page: Page) -> list[str]:
    labels: list[str] = page.eval_on_selector_all(
        "label:has(> input[data-playbook-item])",
        "labels => labels.map(l => l.textContent.trim())",
    )
    return [label for label in labels if labels.count(label) == 1]


def tick_by_label(page: Page, text: str) -> None:
    page.evaluate(
        """text => {
          const label = [...document.querySelectorAll("label:has(> input[data-playbook-item])")]
            .find(label => label.textContent.trim() === text);
          label.querySelector("input").click();
        }""",
        text,
    )


def swap_sections(text: str, first: str, second: str) -> str:
    """Swap the ``##`` sections that start with the headings ``first`` and ``second``."""
    blocks = re.split(r"(?m)^(?=## )", text)
    one = next(index for index, block in enumerate(blocks) if block.startswith(first))
    two = next(index for index, block in enumerate(blocks) if block.startswith(second))
    blocks[one], blocks[two] = blocks[two], blocks[one]
    return "".join(blocks)


def insert_item(text: str, heading: str, item: str) -> str:
    """Add ``item`` as the first task item of the section under ``heading``."""
    start = text.index(heading)
    first_box = text.index("- [ ] ", start)
    line_start = text.rindex("\n", 0, first_box) + 1
    indent = text[line_start:first_box]
    return text[:line_start] + f"{indent}- [ ] {item}\n" + text[line_start:]


EDITS = {
    "en": (
        "## Algorithmic complexity / Big-O / Asymptotic analysis",
        "## Data Structures",
        "## Trees",
    ),
    "zh": ("## 算法复杂度 / Big-O / 渐进分析", "## 数据结构", "## 树（Trees）"),
    "es": (
        "## Complejidad algorítmica / Big-O / Análisis asintótico",
        "## Estructuras de datos",
        "## Árboles",
    ),
}


def test_ticks_stay_on_their_items_after_the_author_inserts_and_swaps_sections(
    study_plan: tuple[StudyPlanSite, str], page: Page
) -> None:
    site, base = study_plan
    ticked: dict[str, list[str]] = {}
    for name in PAGES:
        page.goto(f"{base}{name}/")
        labels = unique_labels(page)
        chosen = [labels[index] for index in (3, 60, 150, 300)]
        for label in chosen:
            tick_by_label(page, label)
        assert sorted(checked_labels(page)) == sorted(chosen)
        ticked[name] = chosen
    assert sum(len(labels) for labels in ticked.values()) == 12

    for name, (first, second, inserted_under) in EDITS.items():
        text = (site.docs / f"{name}.md").read_text(encoding="utf-8")
        text = swap_sections(text, first, second)
        text = insert_item(text, inserted_under, "A brand new first item")
        site.edit(name, lambda _old, new=text: new)
    site.build()

    for name in PAGES:
        page.goto(f"{base}{name}/")
        expect(page.locator("input[data-playbook-item]").first).to_be_attached()
        assert page.get_by_text("A brand new first item").count() == 1, "the site was not rebuilt"
        assert sorted(checked_labels(page)) == sorted(ticked[name]), name


# Ticks saved by the previous release, under its ASCII-only ids (read off its build of the
# Chinese page: 大O符号… was `o`, the Python book `python`, 视频 `item`).
SAVED_BY_PREVIOUS_RELEASE = {
    "items": {"o": True, "python": True},
    "updated": "2026-11-01T09:00:00.000Z",
}


def test_ticks_saved_by_the_previous_release_move_to_the_new_ids_once(
    study_plan: tuple[StudyPlanSite, str], page: Page
) -> None:
    _, base = study_plan
    key = f"playbook:{NAMESPACE}:checklist:page:zh"
    page.goto(base)
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [key, json.dumps(SAVED_BY_PREVIOUS_RELEASE)],
    )
    page.goto(f"{base}zh/")
    expected = page.eval_on_selector_all(
        "input[data-playbook-was='o'], input[data-playbook-was='python']",
        "boxes => boxes.map(box => box.closest('label').textContent.trim())",
    )
    assert "大O符号（通用快速教程）（视频）" in expected
    assert sorted(checked_labels(page)) == sorted(expected), "not the items the reader ticked"

    saved = json.loads(page.evaluate("key => localStorage.getItem(key)", key))
    assert "o" not in saved["items"] and "python" not in saved["items"]
    big_o = page.eval_on_selector(
        "input[data-playbook-was='o']", "box => box.getAttribute('data-playbook-item')"
    )
    assert saved["items"][big_o] is True

    tick_by_label(page, "大O符号（通用快速教程）（视频）")  # the reader unticks it
    page.reload()
    assert "大O符号（通用快速教程）（视频）" not in checked_labels(page), "moved twice"


def test_a_tick_saved_under_an_ids_last_part_moves_to_the_id_with_its_section(
    study_plan: tuple[StudyPlanSite, str], page: Page
) -> None:
    _, base = study_plan
    key = f"playbook:{NAMESPACE}:checklist:page:en"
    previous = "harvard-cs50-asymptotic-notation-video"
    page.goto(base)
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [key, json.dumps({"items": {previous: True}, "updated": "2026-11-01T09:00:00.000Z"})],
    )
    page.goto(f"{base}en/")
    box = page.locator(f"input[data-playbook-item$='/{previous}']")
    expect(box).to_have_count(1)
    assert box.get_attribute("data-playbook-was") is None, "the build leaves it to the browser"
    expect(box).to_be_checked()
    saved = json.loads(page.evaluate("key => localStorage.getItem(key)", key))
    assert previous not in saved["items"]
    assert saved["items"][box.get_attribute("data-playbook-item")] is True


def test_a_page_of_many_lists_shows_one_total_that_follows_each_tick(
    study_plan: tuple[StudyPlanSite, str], page: Page
) -> None:
    _, base = study_plan
    page.goto(f"{base}en/")
    total = page.locator("[data-playbook-page-total] [data-playbook-progress]")
    boxes = page.locator("input[data-playbook-item]")
    count = boxes.count()
    expect(total).to_have_text(f"0 of {count} on this page")
    assert page.locator("[data-playbook-action=reset]:visible").count() == 1
    labels = unique_labels(page)
    for label in labels[10:13]:
        tick_by_label(page, label)
    expect(total).to_have_text(f"3 of {count} on this page")
    page.reload()
    expect(total).to_have_text(f"3 of {count} on this page")

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-playbook-page-total] [data-playbook-action=reset]").click()
    expect(total).to_have_text(f"0 of {count} on this page")
    assert checked_labels(page) == []


def test_a_list_under_its_own_heading_keeps_a_count_that_follows_its_ticks(
    study_plan: tuple[StudyPlanSite, str], page: Page
) -> None:
    _, base = study_plan
    page.goto(f"{base}en/")
    widget = (
        page.locator("[data-playbook-checklist]")
        .filter(has=page.locator("[data-playbook-progress]"))
        .first
    )
    count = widget.locator("[data-playbook-progress]")
    items = widget.locator("input[data-playbook-item]")
    expect(count).to_have_text(f"0 of {items.count()}")
    items.first.check()
    expect(count).to_have_text(f"1 of {items.count()}")


def test_plain_bullets_inside_a_checklist_keep_their_bullets(
    study_plan: tuple[StudyPlanSite, str], page: Page
) -> None:
    _, base = study_plan
    page.goto(f"{base}en/")
    styles = page.eval_on_selector_all(
        ".playbook-items > li:not(:has(> label > input, > p > label > input))",
        "items => items.map(item => getComputedStyle(item).listStyleType)",
    )
    assert styles and set(styles) == {"disc"}


def test_a_depth_three_item_keeps_most_of_a_phone_screen(
    study_plan: tuple[StudyPlanSite, str], page: Page
) -> None:
    _, base = study_plan
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}en/")
    widths = page.evaluate(
        """() => {
          const article = document.querySelector("article").getBoundingClientRect().width;
          const isItem = ":is(li:has(> label > input), li:has(> p > label > input))";
          const deep = [...document.querySelectorAll(isItem)].find(item => {
            let depth = 0;
            for (let node = item; node; node = node.parentElement.closest(isItem))
              depth++;
            return depth >= 3;
          });
          const label = deep.querySelector(":scope > label, :scope > p > label");
          const item = deep.getBoundingClientRect();
          const text = item.right - label.getBoundingClientRect().left;
          return { article, text };
        }"""
    )
    assert widths["text"] >= 0.6 * widths["article"], widths
