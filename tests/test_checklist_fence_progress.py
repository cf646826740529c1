"""A checklist fence can show only the reader's progress in a checklist, linked to it."""

from __future__ import annotations

from .conftest import Site


def test_a_progress_fence_links_the_checklist_and_counts_its_items(small_playbook: Site) -> None:
    small_playbook.write(
        "docs/plays.md", '# Plays\n\n```checklist show="progress"\nbefore-the-event\n```\n'
    )
    small_playbook.build()
    html = small_playbook.html("plays/")
    line = html[html.index('<p class="playbook-progress-line">') :].split("</p>", 1)[0]
    assert '<a href="../checklists/before-the-event/">Before the event</a>' in line
    assert 'data-playbook-summary="before-the-event"' in line
    assert "1 of 4" in line  # "Charge your phone" is ticked in the source
    assert "data-playbook-item=" not in html.split("<article", 1)[1].split("</article>", 1)[0]


def test_an_unknown_show_option_is_not_taken_for_a_checklist(small_playbook: Site) -> None:
    small_playbook.write(
        "docs/plays.md", '# Plays\n\n```checklist show="everything"\nbefore-the-event\n```\n'
    )
    small_playbook.build()
    assert "playbook-progress-line" not in small_playbook.html("plays/")
