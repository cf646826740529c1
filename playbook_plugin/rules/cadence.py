"""The follow-up cadence: when the People log schedules the next step after each message.

Data an author changes under ``follow_up:`` in ``mkdocs.yml``; the defaults come from the
playbook's own plays (thank within a day, follow up no sooner than three working days, wait
two weeks before a nudge, no more than two nudges without a reply, keep in touch every one to
three months).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

EXAMPLE = (
    "follow_up: {thank_within_hours: 24, first_follow_up_business_days: 3, "
    "nudge_after_days: 14, nudges_without_reply: 2, keep_in_touch_days: [30, 90]}"
)


@dataclass(frozen=True)
class Cadence:
    thank_within_hours: int = 24
    """Send the thank-you within this many hours of meeting."""
    first_follow_up_business_days: int = 3
    """Follow up no sooner than this many working days (Monday to Friday) after a message."""
    nudge_after_days: int = 14
    """After a follow-up without a reply, the next nudge is due this many days later."""
    nudges_without_reply: int = 2
    """At most this many follow-ups without a reply; then rest, and keep in touch later."""
    keep_in_touch_days: tuple[int, int] = (30, 90)
    """Keep in touch every so many days: the ideal period and the latest."""

    def for_browser(self) -> dict[str, Any]:
        data = asdict(self)
        data["keep_in_touch_days"] = list(self.keep_in_touch_days)
        return data


_LIMITS = {
    "thank_within_hours": (1, 24 * 30, "a number of hours"),
    "first_follow_up_business_days": (1, 60, "a number of working days"),
    "nudge_after_days": (1, 365, "a number of days"),
    "nudges_without_reply": (1, 10, "a number of follow-ups"),
}


def _whole_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def read_cadence(value: object) -> Cadence:
    """The cadence ``follow_up:`` sets; a ``ValueError`` says what is wrong in mkdocs.yml terms."""
    if value is None:
        return Cadence()
    if not isinstance(value, Mapping):
        raise ValueError(f"`follow_up` must be a mapping of settings, like {EXAMPLE}")
    known = {*_LIMITS, "keep_in_touch_days"}
    for key in value:
        if key not in known:
            raise ValueError(
                f"`follow_up` has no setting `{key}`; the settings are: " + ", ".join(sorted(known))
            )
    settings: dict[str, Any] = {}
    for key, (low, high, what) in _LIMITS.items():
        if key not in value:
            continue
        number = value[key]
        if not _whole_number(number) or not low <= number <= high:
            raise ValueError(
                f"`follow_up.{key}` must be {what} from {low} to {high}, not {number!r}"
            )
        settings[key] = number
    if "keep_in_touch_days" in value:
        days = value["keep_in_touch_days"]
        fine = (
            isinstance(days, list)
            and len(days) == 2
            and all(_whole_number(day) and 1 <= day <= 3660 for day in days)
            and days[0] <= days[1]
        )
        if not fine:
            raise ValueError(
                "`follow_up.keep_in_touch_days` must be two numbers of days, the ideal period "
                f"and the latest (the second no smaller), like [30, 90], not {days!r}"
            )
        settings["keep_in_touch_days"] = (days[0], days[1])
    return Cadence(**settings)
