"""HTML for the People log and the "due this week" list.

The log (``[data-playbook-people]``) is a form to add a person, a search box and a list that
``playbook-people.js`` fills from what the reader saved in this browser; without JavaScript
it says what it needs. The "due this week" list (``[data-playbook-people-due]``) links to the
People page and shows, once the script runs, who to follow up with in the next seven days.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from playbook_plugin.contract import ATTRIBUTES

PERSON_FIELDS: tuple[tuple[str, str, bool], ...] = (
    # (field, input type, required)
    ("name", "text", True),
    ("met_at", "text", False),
    ("met_on", "date", False),
    ("talked_about", "text", False),
    ("next_step", "text", False),
    ("contact", "text", False),
)
"""The add-person form's inputs, in order (``data-playbook-person-field``)."""

_AUTOCOMPLETE = {"name": "off", "met_at": "off", "contact": "off"}

PROFILE_FIELDS: tuple[tuple[str, str], ...] = (
    # (field, autocomplete)
    ("your_name", "name"),
    ("school_or_role", "organization-title"),
    ("story", "off"),
    ("contact", "email"),
)
"""The reader's profile (``data-playbook-profile-field``), shared by every template."""


def _profile(strings: Mapping[str, str], prefix: str) -> str:
    fields = "".join(
        f'<p class="playbook-people__field"><label for="{prefix}-profile-{name}">'
        f"{escape(strings[f'people_profile_{name}'])}</label>"
        f'<input id="{prefix}-profile-{name}" type="text" autocomplete="{autocomplete}" '
        f'{ATTRIBUTES["profile_field"]}="{name}"></p>'
        for name, autocomplete in PROFILE_FIELDS
    )
    return (
        '<details class="playbook-people__profile" hidden>'
        f"<summary>{escape(strings['people_profile_title'])}</summary>"
        f"<p>{escape(strings['people_profile_intro'])}</p>"
        f'<div class="playbook-people__fields">{fields}</div></details>\n'
    )


def _field(strings: Mapping[str, str], prefix: str, name: str, kind: str, required: bool) -> str:
    field_id = f"{prefix}-{name}"
    label = escape(strings[f"people_field_{name}"])
    note = ""
    if not required and name not in ("met_at", "met_on"):
        note = (
            f' <span class="playbook-people__optional">{escape(strings["people_optional"])}</span>'
        )
    attributes = [
        f'id="{field_id}"',
        f'name="{name}"',
        f'type="{kind}"',
        f'{ATTRIBUTES["person_field"]}="{name}"',
    ]
    if required:
        attributes.append('required aria-required="true"')
    if name in _AUTOCOMPLETE:
        attributes.append(f'autocomplete="{_AUTOCOMPLETE[name]}"')
    if name == "met_at":
        attributes.append(f'list="{prefix}-places"')
    return (
        f'<p class="playbook-people__field playbook-people__field--{name}">'
        f'<label for="{field_id}">{label}{note}</label>'
        f"<input {' '.join(attributes)}></p>"
    )


def render_people(strings: Mapping[str, str], *, widget_number: int) -> str:
    """The People log: add form, search, tools and the list the script fills."""
    prefix = f"playbook-people-{widget_number}"
    fields = "".join(_field(strings, prefix, *spec) for spec in PERSON_FIELDS)
    action = ATTRIBUTES["action"]
    return (
        f'<div class="playbook-people" {ATTRIBUTES["people"]}>\n'
        f'<p class="playbook-people__needs-js playbook-screen-only">'
        f"{escape(strings['people_needs_js'])}</p>\n"
        f'<form class="playbook-people__add" hidden aria-labelledby="{prefix}-add-title" '
        'autocomplete="off">'
        f'<h2 id="{prefix}-add-title" class="playbook-people__heading">'
        f"{escape(strings['people_add_title'])}</h2>"
        f'<div class="playbook-people__fields">{fields}</div>'
        f'<datalist id="{prefix}-places"></datalist>'
        f'<p><button type="submit" class="playbook-button playbook-button--primary" '
        f'{action}="add-person">{escape(strings["people_add"])}</button></p>'
        "</form>\n"
        f'<p class="playbook-people__status" role="status" {ATTRIBUTES["people_status"]}></p>\n'
        f'<div class="playbook-people__tools" hidden>'
        f'<p class="playbook-people__search"><label for="{prefix}-search">'
        f"{escape(strings['people_search'])}</label>"
        f'<input id="{prefix}-search" type="search" autocomplete="off" '
        f"{ATTRIBUTES['people_search']}></p>"
        f'<p class="playbook-people__filter"><label for="{prefix}-filter">'
        f"{escape(strings['people_filter'])}</label>"
        f'<select id="{prefix}-filter" name="filter">'
        f'<option value="all">{escape(strings["people_filter_all"])}</option>'
        f'<option value="due">{escape(strings["people_filter_due"])}</option>'
        f'<option value="touch">{escape(strings["people_filter_touch"])}</option>'
        "</select></p>"
        f'<p class="playbook-people__actions">'
        f'<button type="button" class="playbook-button" {action}="remind-all">'
        f"{escape(strings['people_remind_all'])}</button> "
        f'<button type="button" class="playbook-button" {action}="transfer">'
        f"{escape(strings['transfer'])}</button></p>"
        f'<div class="playbook-people__transfer" {ATTRIBUTES["transfer"]} hidden></div>'
        "</div>\n"
        f'<ol class="playbook-people__list" {ATTRIBUTES["people_list"]} hidden></ol>\n'
        f"{_profile(strings, prefix)}"
        "</div>"
    )


def render_people_due(strings: Mapping[str, str], people_href: str) -> str:
    """The "due this week" list: a link to the People page, filled by the script."""
    return (
        f'<div class="playbook-people-due" {ATTRIBUTES["people_due"]}>\n'
        f'<p class="playbook-people-due__title"><strong>{escape(strings["people_due_title"])}'
        "</strong></p>\n"
        f'<p class="playbook-people-due__status">{escape(strings["people_due_needs_js"])}</p>\n'
        '<ul class="playbook-people-due__list" hidden></ul>\n'
        f'<p><a href="{escape(people_href, quote=True)}">{escape(strings["people_due_link"])}'
        "</a></p>\n"
        "</div>"
    )
