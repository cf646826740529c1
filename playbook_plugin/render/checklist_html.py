"""HTML for checklists: plain, accessible markup that reads and prints without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from html import escape
from xml.etree import ElementTree as etree

import markdown
from markdown.serializers import to_html_string

from playbook_plugin.contract import ATTRIBUTES
from playbook_plugin.render.strings import format_string
from playbook_plugin.sources.checklists import PHASES, Checklist, ChecklistItem

ITEM = ATTRIBUTES["item"]


@lru_cache(maxsize=1)
def _item_markdown() -> markdown.Markdown:
    """One converter for every item's text: building a Markdown instance costs more."""
    return markdown.Markdown(extensions=["attr_list", "sane_lists"])


_PLAIN_LINE = re.compile(r"[^\s\\`*_\[\]<>&!{}#=+|~^:-][^\x00-\x1f\\`*_\[\]<>&!{}]*(?<!\s)")
"""A line with nothing Markdown would change inline, which cannot open a block either."""


@lru_cache(maxsize=16384)
def _markdown_html(text: str, inline: bool) -> str:
    if inline and not text[:1].isdigit() and _PLAIN_LINE.fullmatch(text):
        return text  # what Markdown gives for it, without a conversion for each item
    html: str = _item_markdown().reset().convert(text)
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


def progress_element(
    strings: Mapping[str, str],
    done: int,
    total: int,
    *,
    reset: bool = True,
    text_key: str = "progress",
) -> etree.Element:
    """The progress line: ``3 of 7``, a bar, and the reset control (shown once JS runs)."""
    wrapper = etree.Element("div", {"class": "playbook-progress"})
    text = etree.SubElement(
        wrapper,
        "span",
        {"class": "playbook-progress__text", "data-playbook-progress": "", "role": "status"},
    )
    text.text = format_string(strings, text_key, done=done, total=total)
    bar = etree.SubElement(
        wrapper, "span", {"class": "playbook-progress__bar", "aria-hidden": "true"}
    )
    percent = round(100 * done / total) if total else 0
    etree.SubElement(bar, "span", {"style": f"width: {percent}%"})
    if reset:
        button = etree.SubElement(
            wrapper,
            "button",
            {
                "type": "button",
                "class": "playbook-button",
                "data-playbook-action": "reset",
                "hidden": "hidden",
            },
        )
        button.text = strings["reset"]
    return wrapper


def compact_count(strings: Mapping[str, str], done: int, total: int) -> etree.Element:
    """A list's own ``3 of 7``, without bar or reset, when the page has a total of its own."""
    wrapper = etree.Element("div", {"class": "playbook-progress playbook-progress--compact"})
    text = etree.SubElement(
        wrapper,
        "span",
        {"class": "playbook-progress__text", "data-playbook-progress": "", "role": "status"},
    )
    text.text = format_string(strings, "progress", done=done, total=total)
    return wrapper


def render_checklist(
    checklist: Checklist,
    strings: Mapping[str, str],
    *,
    widget_number: int,
    show_title: bool = True,
    href: str | None = None,
) -> str:
    prefix = f"pb{widget_number}"
    title_id = f"{prefix}-title"
    done = sum(1 for item in checklist.all_items() if item.checked)
    parts = [
        f'<section class="playbook-checklist" data-playbook-checklist="{checklist.id}" '
        + (
            f'aria-labelledby="{title_id}">'
            if show_title
            else f'aria-label="{escape(checklist.title)}">'
        )
    ]
    if show_title:
        title = escape(checklist.title)
        if href is not None:
            title = f'<a href="{escape(href)}">{title}</a>'
        parts.append(f'<p class="playbook-checklist__title" id="{title_id}">{title}</p>')
        if checklist.summary:
            summary = _markdown_html(checklist.summary, True)
            parts.append(f'<p class="playbook-checklist__summary">{summary}</p>')
    parts.append(to_html_string(progress_element(strings, done, checklist.item_count)))
    parts.append(_render_items(checklist.items))
    parts.append("</section>")
    return "\n".join(parts)


def _render_items(items: Iterable[ChecklistItem]) -> str:
    """The items, lean: a wrapping ``<label>`` names its box without element ids, and the
    list's class styles its items, so an item costs little more than its id beyond a plain
    task item (a long checklist is mostly items)."""
    rendered = ['<ul class="playbook-items">']
    for item in items:
        checked = " checked" if item.checked else ""
        rendered.append(
            f'<li><label><input type=checkbox {ITEM}="{item.id}"{checked}>'
            f"{_markdown_html(item.text, True)}</label>"
        )
        if item.detail:
            rendered.append(f"<div>{_markdown_html(item.detail, False)}</div>")
        if item.children:
            rendered.append(_render_items(item.children))
        rendered.append("</li>")
    rendered.append("</ul>")
    return "".join(rendered)


def summary_span(checklist: Checklist, strings: Mapping[str, str]) -> str:
    """Inline progress for the overview page, filled from the reader's ticks by the script."""
    items = list(checklist.all_items())
    done = sum(1 for item in items if item.checked)
    return (
        f'<span class="playbook-summary" data-playbook-summary="{checklist.id}" '
        f'data-playbook-items="{" ".join(item.id for item in items)}" '
        f'data-playbook-defaults="{" ".join(item.id for item in items if item.checked)}">'
        f"{escape(format_string(strings, 'progress', done=done, total=len(items)))}</span>"
    )


def progress_line(checklist: Checklist, strings: Mapping[str, str], href: str | None) -> str:
    """One line: the checklist's title, linked to it, and the reader's progress in it."""
    title = escape(checklist.title)
    if href is not None:
        title = f'<a href="{escape(href)}">{title}</a>'
    return f'<p class="playbook-progress-line">{title} · {summary_span(checklist, strings)}</p>'


def reader_data_panel(strings: Mapping[str, str]) -> str:
    """Export, import and erasure of everything the reader saved, with a status line."""
    return (
        '<div class="playbook-data" data-playbook-data>\n'
        f"<p>{escape(strings['your_data_intro'])}</p>\n"
        '<p class="playbook-data__actions" hidden>'
        f'<button type="button" class="playbook-button" data-playbook-action="export">'
        f"{escape(strings['export'])}</button> "
        f'<button type="button" class="playbook-button" data-playbook-action="import">'
        f"{escape(strings['import'])}</button> "
        f'<button type="button" class="playbook-button" data-playbook-action="forget">'
        f"{escape(strings['erase'])}</button>"
        '<input type="file" accept="application/json,.json" hidden tabindex="-1" '
        f'aria-label="{escape(strings["import"])}" data-playbook-import-file></p>\n'
        '<p class="playbook-data__status" role="status" data-playbook-data-status></p>\n'
        "</div>"
    )


def people_met_table(strings: Mapping[str, str], rows: int = 12) -> str:
    columns = [
        "people_met_name",
        "people_met_where",
        "people_met_topic",
        "people_met_next",
        "people_met_date",
    ]
    head = "".join(f'<th scope="col">{escape(strings[key])}</th>' for key in columns)
    row = "<tr>" + "<td></td>" * len(columns) + "</tr>"
    return (
        '<table class="playbook-people-log">'
        f"<thead><tr>{head}</tr></thead><tbody>{row * rows}</tbody></table>"
    )


def phase_label(strings: Mapping[str, str], phase: str) -> str:
    return strings[f"phase_{phase}"]


def in_phase_order(checklists: Iterable[Checklist]) -> list[Checklist]:
    return sorted(checklists, key=lambda checklist: (PHASES.index(checklist.phase), checklist.id))
