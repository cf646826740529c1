"""Where a message is sent, and how long it may be there: the built-in channels as data.

A site adds or changes channels under ``channels:`` in the plugin config; see
:func:`build_channels`. The browser gets :meth:`Channel.to_json` and counts with the same
rules (``countFor`` in ``playbook-messages.js``); :func:`count_for` is the build-time twin.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from playbook_plugin.rules.text_units import count_characters, count_words

__all__ = [
    "DEFAULT_CHANNELS",
    "Channel",
    "Count",
    "build_channels",
    "count_for",
    "count_subject",
    "sms_encoding",
]

Counting = Literal["characters", "sms", "spoken"]
State = Literal["ok", "near", "over"]

WORDS_PER_MINUTE = 150

# GSM 03.38 (3GPP TS 23.038) default alphabet, without the escape code itself.
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# The extension table: each costs an escape septet plus its own.
GSM_EXTENDED = frozenset("\f^{}\\[~]|€")
SMS_SINGLE = {"GSM-7": 160, "UCS-2": 70}
SMS_PART = {"GSM-7": 153, "UCS-2": 67}  # 6 octets of each part go to the concatenation header


@dataclass(frozen=True)
class Channel:
    name: str
    label: str
    counting: Counting = "characters"
    max_chars: int | None = None
    max_words: int | None = None
    subject: bool = False
    subject_max_chars: int | None = None
    subject_warn_chars: int | None = None
    mailto: bool = False
    note: str = ""
    notes: Mapping[str, str] = field(default_factory=dict)
    """A note for one relationship (new, met, known) in place of ``note``."""
    source: str = ""
    premium: Mapping[str, Any] = field(default_factory=dict)

    def note_for(self, relationship: str) -> str:
        """What the form says next to the counter for a message to this relationship."""
        return self.notes.get(relationship, self.note)

    def to_json(self) -> dict[str, Any]:
        """What the browser needs to count and to show the channel."""
        return {
            "name": self.name,
            "label": self.label,
            "counting": self.counting,
            "max_chars": self.max_chars,
            "max_words": self.max_words,
            "subject": self.subject,
            "subject_max_chars": self.subject_max_chars,
            "subject_warn_chars": self.subject_warn_chars,
        }


DEFAULT_CHANNELS: dict[str, Channel] = {
    channel.name: channel
    for channel in (
        Channel(
            name="linkedin-invite",
            label="LinkedIn invitation note",
            max_chars=200,
            note=(
                "A free LinkedIn account can add a personal note to only about 5 invitations "
                "a month, of up to 200 characters."
            ),
            notes={
                "new": (
                    "A free LinkedIn account can add a personal note to only about 5 "
                    "invitations a month, of up to 200 characters: keep them for the people "
                    "you most want to reach, and say how you found them."
                ),
                "met": (
                    "A free LinkedIn account can add a personal note to only about 5 "
                    "invitations a month, of up to 200 characters: worth one for someone you "
                    "have just met, while they remember you."
                ),
                "known": (
                    "A free LinkedIn account can add a personal note to only about 5 "
                    "invitations a month, of up to 200 characters; someone who knows you "
                    "may not need one."
                ),
            },
            premium={
                "max_chars": 300,
                "note": "With LinkedIn Premium an invitation note can be up to 300 characters.",
                "notes": {},
            },
            source=(
                "LinkedIn Help Center, invitations to connect: a note of up to 200 characters on a "
                "free account, 300 with Premium; free accounts get a small monthly allowance of "
                "personalised invitations (reported as about 5 a month since 2023)."
            ),
        ),
        Channel(
            name="linkedin-inmail",
            label="LinkedIn InMail",
            max_chars=1900,
            subject=True,
            subject_max_chars=200,
            source=(
                "LinkedIn Help, InMail messages FAQ (linkedin.com/help/linkedin/answer/a554514): "
                "subject up to 200 characters; the body limit is given as 2,000, and the composer "
                "stops at 1,900, so the lower figure is used."
            ),
        ),
        Channel(
            name="linkedin-message",
            label="LinkedIn message",
            max_chars=8000,
            source="LinkedIn Help Center, messaging: up to 8,000 characters a message.",
        ),
        Channel(
            name="email",
            label="Email",
            subject=True,
            subject_warn_chars=50,
            mailto=True,
            source=(
                "Email has no practical length limit (RFC 5322 limits lines, not messages). "
                "Mail apps on phones cut subjects at roughly 40-60 characters, hence the "
                "warning over 50."
            ),
        ),
        Channel(
            name="sms",
            label="Text message (SMS)",
            counting="sms",
            source=(
                "3GPP TS 23.038 (GSM 03.38): 160 characters of the GSM 7-bit alphabet, or 70 "
                "UTF-16 code units (UCS-2) when any character is outside it; the extension "
                "table (€ ^ { } [ ] ~ \\ |) costs two. 3GPP TS 23.040: a message split into "
                "parts carries a 6-octet header in each, leaving 153 or 67."
            ),
        ),
        Channel(
            name="x-dm",
            label="X (Twitter) direct message",
            max_chars=10000,
            source="X Help Center, Direct Messages: up to 10,000 characters a message.",
        ),
        Channel(
            name="in-person",
            label="In person",
            counting="spoken",
            note="Lines to say out loud: read them once, then put them in your own words.",
            source=f"Spoken lines have no limit; time is estimated at {WORDS_PER_MINUTE} words "
            "a minute, a conversational pace.",
        ),
    )
}

_OVERRIDABLE = tuple(
    f.name for f in dataclasses.fields(Channel) if f.name not in ("name", "premium")
)
_INT_KEYS = ("max_chars", "max_words", "subject_max_chars", "subject_warn_chars")


def _checked(name: str, key: str, value: Any) -> Any:
    where = f"channels: {name}: {key}"
    if key in _INT_KEYS:
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value <= 0
        ):
            raise ValueError(f"{where} must be a whole number above 0, or null for no limit")
    elif key == "notes":
        relationships = ("new", "met", "known")
        if not isinstance(value, Mapping) or not all(
            k in relationships and isinstance(v, str) for k, v in value.items()
        ):
            raise ValueError(f"{where} must map new, met or known to a text")
    elif key in ("subject", "mailto"):
        if not isinstance(value, bool):
            raise ValueError(f"{where} must be true or false")
    elif key == "counting":
        if value not in ("characters", "sms", "spoken"):
            raise ValueError(f"{where} must be one of: characters, sms, spoken")
    elif not isinstance(value, str):
        raise ValueError(f"{where} must be text")
    return value


def build_channels(
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    linkedin_premium: bool = False,
) -> dict[str, Channel]:
    """The built-in channels, changed and extended by the site's ``channels:`` config.

    A known name changes only the keys given; a new name needs at least ``label``.
    ``linkedin_premium`` applies each channel's ``premium`` values (the invitation note's 300).
    Raises ValueError naming the channel and key when the config is wrong.
    """
    channels = dict(DEFAULT_CHANNELS)
    for name, spec in (overrides or {}).items():
        if not isinstance(spec, Mapping):
            raise ValueError(
                f"channels: {name} must be a mapping of settings, like {{label: Signal, "
                "max_chars: 2000}}"
            )
        unknown = sorted(set(spec) - set(_OVERRIDABLE))
        if unknown:
            raise ValueError(
                f"channels: {name}: unknown setting {', '.join(unknown)}; "
                f"known settings: {', '.join(_OVERRIDABLE)}"
            )
        values = {key: _checked(name, key, value) for key, value in spec.items()}
        if name in channels:
            channels[name] = dataclasses.replace(channels[name], **values)
        elif "label" not in values:
            raise ValueError(f"channels: {name} is a new channel and needs a label")
        else:
            channels[name] = Channel(name=name, **values)
    if linkedin_premium:
        channels = {
            name: dataclasses.replace(channel, **channel.premium) if channel.premium else channel
            for name, channel in channels.items()
        }
    return channels


@dataclass(frozen=True)
class Count:
    """A length against its limit, as the counter shows it."""

    used: int
    limit: int | None
    unit: Literal["characters", "words"]
    state: State
    encoding: Literal["GSM-7", "UCS-2"] | None = None
    parts: int | None = None
    seconds: int | None = None

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _state(used: int, limit: int | None) -> State:
    if limit is None or used * 10 < limit * 9:  # near means at least 90% of the limit
        return "ok"
    return "near" if used <= limit else "over"


def _worst(*states: State) -> State:
    return max(states, key=("ok", "near", "over").index)


def sms_encoding(text: str) -> Literal["GSM-7", "UCS-2"]:
    return "GSM-7" if all(ch in GSM_BASIC or ch in GSM_EXTENDED for ch in text) else "UCS-2"


def _sms_count(text: str) -> Count:
    encoding = sms_encoding(text)
    if encoding == "GSM-7":
        costs = [2 if ch in GSM_EXTENDED else 1 for ch in text]
    else:
        costs = [2 if ord(ch) > 0xFFFF else 1 for ch in text]  # UTF-16 code units
    used = sum(costs)
    single = SMS_SINGLE[encoding]
    if used == 0:
        parts = 0
    elif used <= single:
        parts = 1
    else:
        # An escaped character or a surrogate pair is never split between two parts.
        parts, room = 1, SMS_PART[encoding]
        for cost in costs:
            if cost > room:
                parts, room = parts + 1, SMS_PART[encoding]
            room -= cost
    return Count(used, single, "characters", _state(used, single), encoding, parts)


def count_for(channel: Channel, text: str) -> Count:
    """Count ``text`` the way the channel's platform does."""
    if channel.counting == "sms":
        return _sms_count(text)
    words = count_words(text)
    if channel.counting == "spoken":
        seconds = math.ceil(words * 60 / WORDS_PER_MINUTE)
        return Count(
            words, channel.max_words, "words", _state(words, channel.max_words), seconds=seconds
        )
    used = count_characters(text)
    if channel.max_chars is None and channel.max_words is not None:
        return Count(words, channel.max_words, "words", _state(words, channel.max_words))
    state = _worst(_state(used, channel.max_chars), _state(words, channel.max_words))
    return Count(used, channel.max_chars, "characters", state)


def count_subject(channel: Channel, subject: str) -> Count | None:
    """The subject line against the channel's hard limit, or else its recommended length."""
    if not channel.subject:
        return None
    used = count_characters(subject)
    limit = channel.subject_max_chars or channel.subject_warn_chars
    return Count(used, limit, "characters", _state(used, limit))
