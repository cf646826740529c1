"""The pages the plugin adds: one per checklist, the overview, the event kit, People I met."""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape

from playbook_plugin.printing.print_html import (
    ACTIONS_MARKER,
    DOWNLOADS_MARKER,
    PageKind,
    print_source_marker,
)
from playbook_plugin.render.checklist_html import (
    in_phase_order,
    people_met_table,
    phase_label,
    reader_data_panel,
    summary_span,
)
from playbook_plugin.render.strings import format_string
from playbook_plugin.sources.checklists import Checklist

CHECKLISTS_FOLDER = "checklists"
OVERVIEW_PATH = f"{CHECKLISTS_FOLDER}/index.md"
EVENT_KIT_PATH = f"{CHECKLISTS_FOLDER}/event-kit.md"
PEOPLE_PATH = "people.md"
"""The People log's page, at ``people/`` (``people.html`` without directory URLs)."""


def checklist_page_path(checklist_id: str) -> str:
    return f"{CHECKLISTS_FOLDER}/{checklist_id}.md"


def page_kind(src_path: str, url: str, checklists: Mapping[str, Checklist]) -> tuple[PageKind, str]:
    """What a page is to the print decorations, from its path: a checklist's page (and which),
    the overview, the event kit, the home page, or any other page."""
    if src_path == OVERVIEW_PATH:
        return "overview", ""
    if src_path == EVENT_KIT_PATH:
        return "event-kit", ""
    folder, _, name = src_path.rpartition("/")
    if folder == CHECKLISTS_FOLDER and name.removesuffix(".md") in checklists:
        return "checklist", name.removesuffix(".md")
    return ("home", "") if url in ("", "./", "index.html") else ("other", "")


def _front_matter(description: str) -> list[str]:
    """YAML front matter: the page's ``<meta name="description">`` (a JSON string is YAML)."""
    if not description:
        return []
    return ["---", f"description: {json.dumps(description, ensure_ascii=False)}", "---", ""]


def _paragraph(text: str) -> str:
    """One line of an author's text that cannot open a code fence (which would take in the
    lines the plugin writes after it)."""
    if text[:1] in "`~":
        return f"&#{ord(text[0])};{text[1:]}"
    return text


def _fence(checklist_id: str) -> str:
    return f'```checklist title="hide"\n{checklist_id}\n```'


def checklist_page(checklist: Checklist, strings: Mapping[str, str]) -> str:
    """The checklist's page; the plugin fills the markers (actions, print header) per build."""
    lines = [
        *_front_matter(checklist.summary),
        f"# {checklist.title}",
        print_source_marker(checklist.id),
        "",
    ]
    phase = phase_label(strings, checklist.phase)
    meta = [f"**{phase}**"] if phase.casefold() != checklist.title.casefold() else []
    if checklist.summary:
        meta.append(_paragraph(checklist.summary))
    if meta:
        lines += [" · ".join(meta), ""]
    if checklist.intro:
        lines += [checklist.intro, ""]
    lines += [ACTIONS_MARKER, "", _fence(checklist.id), ""]
    return "\n".join(lines)


def overview_page(checklists: Mapping[str, Checklist], strings: Mapping[str, str]) -> str:
    lines = [
        *_front_matter(strings["checklists_intro"]),
        f"# {strings['checklists_title']}",
        "",
        strings["checklists_intro"],
        "",
    ]
    for checklist in in_phase_order(checklists.values()):
        phase = phase_label(strings, checklist.phase)
        shown_phase = f" · {phase}" if phase.casefold() != checklist.title.casefold() else ""
        entry = (
            f"- [{checklist.title}]({checklist.id}.md){shown_phase}"
            f" · {summary_span(checklist, strings)}"
        )
        if checklist.summary:
            entry += f"  \n  {_paragraph(checklist.summary)}"
        lines.append(entry)
    if any(checklist.print for checklist in checklists.values()):
        lines += ["", f"[{strings['event_kit_title']}](event-kit.md)"]
    people_link = f"[{strings['people_title']}](../{PEOPLE_PATH})"
    lines += [
        "",
        format_string(strings, "people_overview", link=people_link, text=strings["people_open"]),
    ]
    lines += [
        "",
        DOWNLOADS_MARKER,
        "",
        f"## {strings['your_data']}",
        "",
        reader_data_panel(strings),
        "",
    ]
    return "\n".join(lines)


def event_kit_page(
    checklists: Mapping[str, Checklist], strings: Mapping[str, str], people_href: str
) -> str:
    """``people_href``: the People page's URL from the kit's (raw HTML links are not
    rewritten by MkDocs)."""
    lines = [f"# {strings['event_kit_title']}", "", ACTIONS_MARKER, ""]
    for checklist in in_phase_order(c for c in checklists.values() if c.print):
        lines += [f"## {checklist.title}", print_source_marker(checklist.id), ""]
        if checklist.summary:
            lines += [_paragraph(checklist.summary), ""]
        lines += [_fence(checklist.id), ""]
    lines += [
        f"## {strings['people_met_title']}",
        "",
        # On screen, the People page; on paper and in the PDF, a sheet to fill in by hand.
        f'<p class="playbook-screen-only"><a href="{escape(people_href, quote=True)}">'
        f"{escape(strings['people_open'])}</a></p>",
        "",
        f'<div class="playbook-print-only">{people_met_table(strings)}</div>',
        "",
    ]
    return "\n".join(lines)


def people_page(strings: Mapping[str, str]) -> str:
    """People I met: the log, and the reader's data panel (export, import, send to a phone).
    Printed, and in the playbook PDF, the page is the sheet to fill in by hand instead."""
    return "\n".join(
        [
            *_front_matter(strings["people_intro"]),
            f"# {strings['people_title']}",
            "",
            strings["people_intro"],
            "",
            "```people",
            "```",
            "",
            f'<div class="playbook-print-only">{people_met_table(strings)}</div>',
            "",
            f'<h2 class="playbook-screen-only">{escape(strings["your_data"])}</h2>',
            "",
            reader_data_panel(strings),
            "",
        ]
    )
