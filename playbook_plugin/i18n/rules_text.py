"""The advice checks' messages and the channels' labels and notes in the site's language.

They live in ``rules/`` as English data; each default text is one catalogue message, its
message context naming where it comes from (``advice:too-long``, ``channel:email``,
``channel_note:linkedin-invite:new``). A text the site wrote itself (under ``checks:`` or
``channels:``) is not the default any more, so it stays as written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping

from playbook_plugin.i18n.catalogues import translated_text
from playbook_plugin.rules.advice import DEFAULT_CHECKS, Check
from playbook_plugin.rules.channels import DEFAULT_CHANNELS, Channel

__all__ = ["localized_channels", "localized_checks", "rules_messages"]

_DEFAULT_CHECKS = {check.id: check for check in DEFAULT_CHECKS}


def _note_context(name: str, relationship: str = "") -> str:
    return f"channel_note:{name}:{relationship}" if relationship else f"channel_note:{name}"


def rules_messages() -> Iterator[tuple[str, str]]:
    """Every default text of the checks and channels, as ``(context, English)``."""
    for check in DEFAULT_CHECKS:
        yield f"advice:{check.id}", check.message
    for channel in DEFAULT_CHANNELS.values():
        yield f"channel:{channel.name}", channel.label
        if channel.note:
            yield _note_context(channel.name), channel.note
        for relationship, note in channel.notes.items():
            yield _note_context(channel.name, relationship), note
        premium_note = channel.premium.get("note")
        if isinstance(premium_note, str) and premium_note:
            yield _note_context(channel.name, "premium"), premium_note


def localized_checks(checks: Iterable[Check], language: str) -> list[Check]:
    """The checks with each default message in ``language``."""
    localized: list[Check] = []
    for check in checks:
        default = _DEFAULT_CHECKS.get(check.id)
        if default is not None and check.message == default.message:
            message = translated_text(language, f"advice:{check.id}", check.message)
            check = dataclasses.replace(check, message=message)
        localized.append(check)
    return localized


def _note(channel: Channel, default: Channel, language: str, relationship: str) -> str:
    """The channel's note for one relationship (or its general note), translated when it is
    a default one: the free account's, or Premium's when ``linkedin_premium`` applied it."""
    written = channel.notes.get(relationship, "") if relationship else channel.note
    candidates = {
        default.notes.get(relationship, "") if relationship else default.note: relationship,
    }
    premium_note = default.premium.get("note")
    if not relationship and isinstance(premium_note, str):
        candidates[premium_note] = "premium"
    if written and written in candidates:
        return translated_text(language, _note_context(channel.name, candidates[written]), written)
    return written


def localized_channels(channels: Mapping[str, Channel], language: str) -> dict[str, Channel]:
    """The channels with each default label and note in ``language``."""
    localized: dict[str, Channel] = {}
    for name, channel in channels.items():
        default = DEFAULT_CHANNELS.get(name)
        if default is not None:
            label = channel.label
            if label == default.label:
                label = translated_text(language, f"channel:{name}", label)
            channel = dataclasses.replace(
                channel,
                label=label,
                note=_note(channel, default, language, ""),
                notes={
                    relationship: _note(channel, default, language, relationship)
                    for relationship in channel.notes
                },
            )
        localized[name] = channel
    return localized
