"""Channels: the built-in limits, counting as each platform counts, and site overrides."""

from __future__ import annotations

from typing import Any

import pytest

from playbook_plugin.rules.channels import (
    DEFAULT_CHANNELS,
    build_channels,
    count_for,
    count_subject,
)
from tests.node_fixtures import load_vectors

VECTORS = load_vectors("channel_vectors.json")


@pytest.mark.parametrize("vector", VECTORS, ids=[vector["name"] for vector in VECTORS])
def test_a_text_is_counted_as_the_platform_counts_it(vector: dict[str, Any]) -> None:
    channel = build_channels(linkedin_premium=vector.get("premium", False))[vector["channel"]]
    text = vector["text"] * vector.get("repeat", 1)
    count = count_subject(channel, text) if vector.get("subject") else count_for(channel, text)
    assert count is not None
    assert count.to_json() == vector["expected"]


def test_every_built_in_channel_says_where_its_limit_comes_from() -> None:
    names = {
        "linkedin-invite",
        "linkedin-inmail",
        "linkedin-message",
        "email",
        "sms",
        "x-dm",
        "in-person",
    }
    assert set(DEFAULT_CHANNELS) == names
    assert all(channel.source for channel in DEFAULT_CHANNELS.values())


def test_a_free_linkedin_note_warns_about_the_monthly_allowance() -> None:
    free = build_channels()["linkedin-invite"]
    premium = build_channels(linkedin_premium=True)["linkedin-invite"]
    assert (free.max_chars, premium.max_chars) == (200, 300)
    assert "about 5" in free.note
    assert "300" in premium.note


def test_a_site_can_change_a_channel_and_add_one() -> None:
    channels = build_channels(
        {
            "email": {"subject_warn_chars": 60},
            "signal": {"label": "Signal", "max_chars": 2000},
            "talk": {"label": "Elevator pitch", "counting": "spoken", "max_words": 80},
        }
    )
    assert channels["email"].subject_warn_chars == 60
    assert channels["email"].label == "Email"
    assert count_for(channels["signal"], "a" * 1900).state == "near"
    assert count_for(channels["talk"], "word " * 81).state == "over"
    assert set(DEFAULT_CHANNELS) < set(channels)


def test_a_word_limit_alone_counts_words() -> None:
    channel = build_channels({"pitch": {"label": "Pitch", "max_words": 3}})["pitch"]
    count = count_for(channel, "one two three four")
    assert (count.used, count.limit, count.unit, count.state) == (4, 3, "words", "over")


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"email": {"max_chars": -1}}, "channels: email: max_chars must be a whole number"),
        ({"email": {"max_chars": True}}, "channels: email: max_chars must be a whole number"),
        ({"email": {"colour": "red"}}, "channels: email: unknown setting colour"),
        ({"signal": {"max_chars": 10}}, "channels: signal is a new channel and needs a label"),
        ({"sms": {"counting": "bytes"}}, "channels: sms: counting must be one of"),
        ({"sms": "short"}, "channels: sms must be a mapping"),
        ({"email": {"subject": "yes"}}, "channels: email: subject must be true or false"),
    ],
)
def test_bad_channel_config_is_named(override: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build_channels(override)
