"""The People page and fence as the build writes them: where the page lives, what links to it,
the cadence an author sets in mkdocs.yml, and clear errors when it is set wrong."""

from __future__ import annotations

import logging
from typing import Any

import markdown
import pytest
from mkdocs.exceptions import Abort

from .conftest import Site
from .test_build import config_of

DEFAULT_CADENCE = {
    "thank_within_hours": 24,
    "first_follow_up_business_days": 3,
    "nudge_after_days": 14,
    "nudges_without_reply": 2,
    "keep_in_touch_days": [30, 90],
}


def playbook_options(site: Site) -> dict[str, Any]:
    plugin = next(
        entry for entry in site.config["plugins"] if isinstance(entry, dict) and "playbook" in entry
    )
    options: dict[str, Any] = plugin["playbook"]
    return options


def test_the_people_page_is_at_people_and_linked_from_the_checklists_and_event_kit(
    small_playbook: Site,
) -> None:
    small_playbook.build()
    page = small_playbook.html("people/")
    assert "data-playbook-people" in page
    assert 'data-playbook-person-field="name"' in page
    assert 'data-playbook-action="add-person"' in page
    assert "data-playbook-data" in page, "export and import on the same page"
    assert '<div class="playbook-print-only"><table class="playbook-people-log">' in page
    assert "playbook-people.css" in page.split("</head>")[0]
    assert config_of(page)["cadence"] == DEFAULT_CADENCE
    assert config_of(page)["people_url"] == "people/"
    assert 'href="../people/"' in small_playbook.html("checklists/")
    kit = small_playbook.html("checklists/event-kit/")
    assert '<p class="playbook-screen-only"><a href="../../people/">' in kit
    assert '<div class="playbook-print-only"><table class="playbook-people-log">' in kit


def test_without_directory_urls_the_links_find_people_html(small_playbook: Site) -> None:
    small_playbook.config["use_directory_urls"] = False
    small_playbook.build()
    page = (small_playbook.site_dir / "people.html").read_text(encoding="utf-8")
    assert config_of(page)["people_url"] == "people.html"
    kit = (small_playbook.site_dir / "checklists" / "event-kit.html").read_text(encoding="utf-8")
    assert 'href="../people.html"' in kit


def test_the_cadence_comes_from_follow_up_in_mkdocs_yml(small_playbook: Site) -> None:
    playbook_options(small_playbook)["follow_up"] = {
        "nudges_without_reply": 1,
        "keep_in_touch_days": [14, 60],
    }
    small_playbook.write("docs/due.md", '# Due\n\n```people show="due"\n```\n')
    small_playbook.build()
    cadence = config_of(small_playbook.html("due/"))["cadence"]
    assert cadence == {**DEFAULT_CADENCE, "nudges_without_reply": 1, "keep_in_touch_days": [14, 60]}
    assert 'href="../people/"' in small_playbook.html("due/")


def test_pages_without_people_or_generators_carry_no_people_settings(
    small_playbook: Site,
) -> None:
    small_playbook.build()
    data = config_of(small_playbook.html("checklists/before-the-event/"))
    assert "cadence" not in data
    assert not [key for key in data["strings"] if key.startswith("people_")]


@pytest.mark.parametrize(
    ("follow_up", "message"),
    [
        ({"nudges": 3}, "`follow_up` has no setting `nudges`; the settings are:"),
        (
            {"keep_in_touch_days": [90, 30]},
            "`follow_up.keep_in_touch_days` must be two numbers of days, the ideal period and "
            "the latest (the second no smaller), like [30, 90], not [90, 30]",
        ),
        (
            {"first_follow_up_business_days": "three"},
            "`follow_up.first_follow_up_business_days` must be a number of working days from "
            "1 to 60, not 'three'",
        ),
        ("weekly", "`follow_up` must be a mapping of settings"),
    ],
)
def test_a_wrong_cadence_stops_the_build_saying_what_to_write(
    small_playbook: Site, caplog: pytest.LogCaptureFixture, follow_up: object, message: str
) -> None:
    playbook_options(small_playbook)["follow_up"] = follow_up
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        small_playbook.build()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert message in logged
    assert "Traceback" not in logged


def test_a_people_page_the_author_wrote_is_left_alone(small_playbook: Site) -> None:
    small_playbook.write("docs/people.md", "# My own people page\n\nHand-written.\n")
    small_playbook.build()
    page = small_playbook.html("people/")
    assert "Hand-written." in page
    assert "data-playbook-people" not in page


def test_the_fence_renders_without_mkdocs() -> None:
    html = markdown.markdown(
        '```people\n```\n\n```people show="due"\n```\n',
        extensions=["playbook"],
        extension_configs={
            "playbook": {"namespace": "solo", "follow_up": {"thank_within_hours": 48}}
        },
    )
    assert html.count("data-playbook-people ") + html.count("data-playbook-people>") == 1
    assert "data-playbook-people-due" in html
    assert 'href="people/"' in html
    assert config_of(html)["cadence"]["thank_within_hours"] == 48
    assert config_of(html)["namespace"] == "solo"
