"""The playbook beside other plugins real sites use, checked in the browser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from ..conftest import BEFORE_THE_EVENT, Site, free_port, serve

pytestmark = pytest.mark.browser

MACROS_PAGE = """\
# Plays for {{ config.extra.school }}

- [ ] Bring business cards {#cards}
- [ ] Charge your phone

```message
id: hello
title: Hello again
channel: email
relationship: met
kind: follow-up
fields:
  name: {label: Their first name, example: Priya}
  topic: {label: What you talked about, example: design systems}
---
Hi {{ name }},{% if topic %} thank you for our talk about {{ topic }}.{% endif %} Would you
have time for coffee next week?
```
"""


@pytest.fixture(scope="module", params=["macros first", "playbook first"])
def macros_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """mkdocs-macros with its defaults, listed before or after the playbook."""
    site = Site(tmp_path_factory.mktemp("macros"))
    site.write("docs/index.md", MACROS_PAGE)
    playbook = {"playbook": {"pdf": False}}
    site.config["plugins"] = (
        ["search", "macros", playbook]
        if request.param == "macros first"
        else ["search", playbook, "macros"]
    )
    site.config["extra"] = {"school": "Example University"}
    port = free_port()
    site.config["site_url"] = f"http://127.0.0.1:{port}/"
    site.build(strict=True)
    with serve(site.site_dir, port) as base:
        yield base


def test_macros_render_the_page_and_leave_the_playbook_syntax_alone(
    macros_site: str, page: Page
) -> None:
    page.goto(macros_site)
    expect(page.locator("h1")).to_have_text("Plays for Example University")
    cards = page.locator("input[data-playbook-item='cards']")
    expect(cards).to_have_count(1)
    expect(page.get_by_text("{#cards}")).to_have_count(0)
    cards.check()
    page.reload()
    expect(page.locator("input[data-playbook-item='cards']")).to_be_checked()


def test_a_message_template_keeps_its_conditions_beside_macros(
    macros_site: str, page: Page
) -> None:
    page.goto(macros_site)
    note = page.locator("[data-playbook-message='hello']")
    note.locator("[data-playbook-field='name']").fill("Sam")
    preview = note.locator("[data-playbook-preview]")
    expect(preview).to_have_text("Hi Sam, Would you\nhave time for coffee next week?")
    note.locator("[data-playbook-field='topic']").fill("mentoring")
    expect(preview).to_have_text(
        "Hi Sam, thank you for our talk about mentoring. Would you\nhave time for coffee next week?"
    )


@pytest.fixture(scope="module", params=["mkdocs", "readthedocs"])
def plain_theme_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The themes MkDocs ships, without Material's instant navigation."""
    site = Site(tmp_path_factory.mktemp(request.param))
    site.write("checklists/before-the-event.md", BEFORE_THE_EVENT)
    site.write("docs/index.md", "# Home\n\n```checklist\nbefore-the-event\n```\n")
    site.config["theme"] = {"name": request.param, "highlightjs": False}
    site.build(strict=True)
    with serve(site.site_dir) as base:
        yield base


def test_ticks_persist_on_the_themes_mkdocs_ships(plain_theme_site: str, page: Page) -> None:
    page.goto(plain_theme_site)
    checklist = page.locator("[data-playbook-checklist='before-the-event']")
    expect(checklist.locator("[data-playbook-progress]")).to_have_text("1 of 4")
    checklist.locator("input[data-playbook-item='topics']").check()
    expect(checklist.locator("[data-playbook-progress]")).to_have_text("2 of 4")
    page.goto(plain_theme_site + "checklists/before-the-event/")
    expect(page.locator("input[data-playbook-item='topics']")).to_be_checked()


BLOG_POST = """\
---
date: 2026-11-02
---

# Three things to bring

- [ ] Business cards {#cards}
- [ ] A question for each speaker

<!-- more -->

The rest of the post.
"""


@pytest.fixture(scope="module")
def blog_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Material's blog: the post's start is shown again on the blog's index and archive."""
    site = Site(tmp_path_factory.mktemp("blog"))
    site.write("docs/index.md", "# Home\n")
    site.write("docs/blog/index.md", "# Blog\n")
    site.write("docs/blog/posts/bring.md", BLOG_POST)
    site.config["plugins"] = ["search", "blog", {"playbook": {"pdf": False}}]
    site.build(strict=True)
    with serve(site.site_dir) as base:
        yield base


def test_a_task_list_in_a_blog_excerpt_shares_ticks_with_its_post(
    blog_site: str, page: Page
) -> None:
    page.goto(blog_site + "blog/")
    excerpt_box = page.locator("input[data-playbook-item='cards']")
    expect(excerpt_box).to_have_count(1)
    excerpt_box.check()
    page.locator("a", has_text="Continue reading").first.click()
    page.wait_for_url("**/blog/2026/11/02/*/")
    expect(page.locator("input[data-playbook-item='cards']")).to_be_checked()
    page.goto(blog_site + "blog/archive/2026/")
    expect(page.locator("input[data-playbook-item='cards']")).to_be_checked()
