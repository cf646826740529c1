"""The HTML of a message generator, following the browser contract in DESIGN.md.

Without JavaScript (and in print) the widget is the title, the channel and the message with
every field blank (``[Label]``). ``playbook-messages.js`` unhides the form, the counter and
the actions, and re-renders the preview from the JSON data as the reader types.

A written message also gets a person picker (people from the People log fill the fields that
map to them), a way to change its words, and "mark as sent". Lines to say out loud (a channel
that counts ``spoken``) are a card of words to say: no picker, copy, email, reminder, editing
or marking as sent, only the count in seconds.

The data travels in an attribute, never in a ``<script>``: Material's instant navigation
re-inserts a page's scripts with only their text, dropping their type and attributes. The
advice checks are not in it: the page's data block holds them once (``applicable_checks``),
and each generator names the ones that apply to it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from html import escape
from typing import Any

from playbook_plugin.contract import ATTRIBUTES
from playbook_plugin.printing.print_html import SCREEN_ONLY, message_print_html
from playbook_plugin.render.strings import format_string
from playbook_plugin.rules.advice import Check
from playbook_plugin.sources.messages import Field, MessageSettings, MessageTemplate
from playbook_plugin.sources.template_subset import render_text

__all__ = ["applicable_checks", "message_data", "render_message_html"]

LONG_EXAMPLE = 60
"""A field whose example is longer than this gets a text area instead of a line."""


def _checks_for(template: MessageTemplate) -> list[Check]:
    """This template's checks (the site's, its own ``checks:``, its language's) that apply."""
    context = template.context()
    return [
        check
        for check in template.checks
        if check.applies.matches(context.channel, context.relationship, context.kind)
    ]


def _check_key(check: Check, settings: MessageSettings) -> str:
    """The check's id when it is the site's own; a template's variant (its own thresholds,
    another language's words) gets a key of its own, so the page block can hold both."""
    if check in settings.checks:
        return check.id
    digest = hashlib.sha1(repr(check.to_json()).encode("utf-8")).hexdigest()[:8]
    return f"{check.id}~{digest}"


def applicable_checks(template: MessageTemplate, settings: MessageSettings) -> list[dict[str, Any]]:
    """The advice checks that apply to this template, with links from this page.

    Each has a ``key``, the name the generator's data uses for it (see :func:`_check_key`).
    """
    return [
        {**check.to_json(settings.resolve_link), "key": _check_key(check, settings)}
        for check in _checks_for(template)
    ]


def is_spoken(template: MessageTemplate) -> bool:
    """Lines said out loud: words to say, not a message to send."""
    return template.channel.counting == "spoken"


def _field_data(field: Field) -> dict[str, Any]:
    data: dict[str, Any] = {"name": field.name, "label": field.label, "required": field.required}
    if field.filler is not None:
        data.update(field.filler.to_json())
    return data


def message_data(template: MessageTemplate, settings: MessageSettings) -> dict[str, Any]:
    """What the browser needs: the compiled templates, channel, fields (with what fills them
    from a person or the profile) and the checks' ids."""
    return {
        "id": template.id,
        "title": template.title,
        "channel": template.channel.to_json(),
        "relationship": template.relationship,
        "kind": template.kind,
        "follow_up": template.follow_up.to_json() if template.follow_up else None,
        "subject": template.subject.ast if template.subject else None,
        "body": template.body.ast,
        "fields": [_field_data(field) for field in template.fields],
        "spoken": is_spoken(template),
        "labels": template.labels,
        "checks": [_check_key(check, settings) for check in _checks_for(template)],
    }


def _data_attribute(data: dict[str, Any]) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'{ATTRIBUTES["message_data"]}="{escape(payload, quote=True)}"'


def _field_html(base: str, template: MessageTemplate, settings: MessageSettings) -> list[str]:
    html: list[str] = []
    for field in template.fields:
        field_id = escape(f"{base}-field-{field.name}")
        required = (
            f' <span class="playbook-message__required">'
            f"{escape(settings.strings['message_required'])}</span>"
            if field.required
            else ""
        )
        profile = field.filler.value if field.filler and field.filler.source == "profile" else ""
        if profile:
            required += (
                f' <span class="playbook-message__profile-hint">'
                f"{escape(settings.strings['message_profile_hint'])}</span>"
            )
        attributes = (
            f'id="{field_id}" name="{escape(field.name)}" '
            f'data-playbook-field="{escape(field.name)}" class="playbook-message__input"'
            + (f' data-playbook-profile-field="{escape(profile)}"' if profile else "")
            + (f' placeholder="{escape(field.example)}"' if field.example else "")
            + (" required" if field.required else "")
        )
        control = (
            f'<textarea {attributes} rows="2"></textarea>'
            if len(field.example) > LONG_EXAMPLE
            else f'<input type="text" {attributes} autocomplete="off">'
        )
        html.append(
            '<div class="playbook-message__field">'
            f'<label for="{field_id}">{escape(field.label)}{required}</label>'
            f"{control}</div>"
        )
    return html


def _person_picker_html(base: str, strings: Mapping[str, str]) -> str:
    """Who the note is for; the script lists the people and links the People page."""
    return (
        f'<p class="playbook-message__person {SCREEN_ONLY}" data-playbook-person-row hidden>'
        f'<label for="{base}-person">{escape(strings["message_person"])}</label> '
        f'<select id="{base}-person" class="playbook-message__input" data-playbook-person-picker>'
        f'<option value="">{escape(strings["message_person_none"])}</option></select> '
        f'<a class="playbook-message__people-link" data-playbook-people-link hidden>'
        f"{escape(strings['message_person_add'])}</a></p>"
    )


def _button(action: str, text: str) -> str:
    return (
        f'<button type="button" class="playbook-button" data-playbook-action="{action}">'
        f"{escape(text)}</button>"
    )


def render_message_html(template: MessageTemplate, settings: MessageSettings) -> str:
    """The widget for one template; ids are unique because template ids are."""
    strings = settings.strings
    base = f"playbook-message-{template.id}"
    channel = template.channel
    labels = template.labels
    spoken = is_spoken(template)
    parts = [
        f'<div class="playbook-message{" playbook-message--spoken" if spoken else ""}" '
        f'data-playbook-message="{escape(template.id)}" '
        f'data-playbook-channel="{escape(channel.name)}" role="group" '
        f'aria-labelledby="{base}-title" {_data_attribute(message_data(template, settings))}>',
        f'<p class="playbook-message__title" id="{base}-title">{escape(template.title)}</p>',
        '<p class="playbook-message__channel">'
        f"{escape(format_string(strings, 'message_channel', channel=channel.label))}"
        + (
            f' <span class="playbook-message__note">{escape(note)}</span>'
            if (note := channel.note_for(template.relationship))
            else ""
        )
        + "</p>",
    ]
    if not spoken:
        parts.append(_person_picker_html(base, strings))
    if template.fields:
        parts += [
            '<fieldset class="playbook-message__form" data-playbook-form hidden>',
            f"<legend>{escape(strings['message_fields'])}</legend>",
            *_field_html(base, template, settings),
            "</fieldset>",
        ]
    if template.subject is not None:
        subject = render_text(template.subject, {}, labels)
        parts.append(
            '<p class="playbook-message__subject-line">'
            f'<span class="playbook-message__label" id="{base}-subject">'
            f"{escape(strings['message_subject'])}:</span> "
            f'<span class="playbook-message__subject" data-playbook-subject '
            f'aria-labelledby="{base}-subject">{escape(subject)}</span> '
            '<button type="button" class="playbook-button playbook-button--small" '
            'data-playbook-action="copy-subject" hidden>'
            f"{escape(strings['message_copy_subject'])}</button></p>"
        )
    body = render_text(template.body, {}, labels)
    parts += [
        f'<p class="playbook-message__edit-note {SCREEN_ONLY}" data-playbook-edit-note hidden>'
        f"{escape(strings['message_edited_note'])}</p>"
        if not spoken
        else "",
        '<div class="playbook-message__preview" data-playbook-preview '
        f'aria-label="{escape(strings["message_text"])}" '
        f'style="white-space: pre-wrap">{escape(body)}</div>',
        '<p class="playbook-message__count" data-playbook-count data-state="ok" hidden></p>',
        f'<ul class="playbook-message__warnings" data-playbook-warnings aria-live="polite" '
        f'aria-label="{escape(strings["message_advice"])}"></ul>',
        '<div class="playbook-message__actions" data-playbook-actions hidden>',
    ]
    if not spoken:
        parts += [
            _button("copy", strings["message_copy"]),
            _button("edit", strings["message_edit"]),
        ]
    if channel.mailto and not spoken:
        parts.append(
            '<a class="playbook-button" data-playbook-action="email" href="mailto:">'
            f"{escape(strings['message_email'])}</a>"
        )
    if template.follow_up is not None and not spoken:
        parts.append(
            '<span class="playbook-message__remind">'
            f'<label for="{base}-date">{escape(strings["message_remind_date"])}</label> '
            f'<input type="date" id="{base}-date" name="{base}-date" '
            'class="playbook-message__date" data-playbook-remind-date> '
            '<button type="button" class="playbook-button" data-playbook-action="remind">'
            f"{escape(strings['message_remind'])}</button></span>"
        )
    if not spoken:
        parts.append(_button("mark-sent", strings["message_mark_sent"]))
    parts += [
        _button("forget", strings["message_forget"]),
        "</div>",
        '<p class="playbook-message__status" data-playbook-message-status role="status"></p>',
        message_print_html(template, settings),
        "</div>",
    ]
    return "\n".join(parts)
