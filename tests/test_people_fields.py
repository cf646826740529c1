"""Which fields a picked person, or the reader's profile, fills in: declared or recognised."""

from __future__ import annotations

import pytest

from playbook_plugin.render.message_html import message_data, render_message_html
from playbook_plugin.rules.people_fields import RECOGNISED, normal_label
from playbook_plugin.sources.errors import SourceError
from playbook_plugin.sources.messages import build_settings, parse_message

from .conftest import REPO

SETTINGS = build_settings()


def fillers(header_fields: str, body: str) -> dict[str, dict[str, str] | None]:
    source = f"id: note\nchannel: email\nfields:\n{header_fields}---\n{body}"
    template = parse_message(source, path="docs/notes.md", line=4, settings=SETTINGS)
    return {f.name: f.filler.to_json() if f.filler else None for f in template.fields}


def test_common_labels_and_bracket_placeholders_map_to_the_person_and_the_profile() -> None:
    found = fillers(
        "  name: {label: Their first name}\n  place: {label: Where you met}\n"
        "  topic: {label: What you want to follow}\n  sign: {label: Your name}\n",
        "Hi {{ name }}, {{ place }} {{ topic }} [Event Name] [Your school] [Recipient’s Name]"
        " {{ my_name }} {{ sign }} [Something else]",
    )
    assert found == {
        "name": {"person": "first_name"},
        "place": {"person": "met_at"},
        # An author's own label decides: this `topic` is not what you talked about.
        "topic": None,
        "sign": {"profile": "your_name"},
        "event_name": {"person": "met_at"},
        "your_school": {"profile": "school_or_role"},
        "recipient_s_name": {"person": "first_name"},
        "my_name": {"profile": "your_name"},
        "something_else": None,
    }


def test_a_declared_mapping_wins_and_false_leaves_a_field_alone() -> None:
    found = fillers(
        "  who: {label: First name of the person you know, person: first_name}\n"
        "  place: {label: Where you met, person: false}\n"
        "  me: {profile: story}\n",
        "{{ who }} {{ place }} {{ me }}",
    )
    assert found == {"who": {"person": "first_name"}, "place": None, "me": {"profile": "story"}}


@pytest.mark.parametrize(
    ("field", "line", "message"),
    [
        (
            "  name: {person: nickname}\n",
            7,
            "docs/notes.md:7: fields: `name`: `person: nickname` is not known; use one of: "
            "first_name, name, met_at, met_on, talked_about, next_step, contact "
            "(or `person: false` to leave the field alone)",
        ),
        (
            "  name:\n    label: Name\n    profile: my_name\n",
            9,
            "docs/notes.md:9: fields: `name`: `profile: my_name` is not known; use one of: "
            "your_name, school_or_role, story, contact (or `profile: false` to leave the field "
            "alone)",
        ),
        (
            "  name:\n    person: name\n    profile: your_name\n",
            9,
            "docs/notes.md:9: fields: `name` has both `person` and `profile`; keep the one it "
            "comes from",
        ),
    ],
)
def test_a_wrong_mapping_names_the_line_and_the_values_to_use(
    field: str, line: int, message: str
) -> None:
    with pytest.raises(SourceError) as caught:
        fillers(field, "Hi {{ name }}")
    assert str(caught.value) == message
    assert caught.value.line == line


def test_profile_fields_are_marked_for_the_browser_and_say_they_are_shared() -> None:
    source = "id: note\nchannel: email\nfields:\n  me: {label: Your name}\n---\nHi, {{ me }}"
    template = parse_message(source, path="docs/notes.md", line=4, settings=SETTINGS)
    html = render_message_html(template, SETTINGS)
    assert 'data-playbook-field="me" class="playbook-message__input" ' in html
    assert 'data-playbook-profile-field="your_name"' in html
    assert "(kept for all your notes)" in html
    assert message_data(template, SETTINGS)["fields"] == [
        {"name": "me", "label": "Your name", "required": False, "profile": "your_name"}
    ]


def test_every_recognised_label_is_already_in_its_looked_up_form() -> None:
    labels = [key for kind, key, _ in RECOGNISED if kind == "label"]
    assert [normal_label(label) for label in labels] == labels
    assert len(set(labels)) == len(labels)


def test_the_readme_lists_every_recognised_name_and_label() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    for kind, key, filler in RECOGNISED:
        start = f"| `{filler.source}: {filler.value}` |"
        row = next((line for line in readme if line.startswith(start)), None)
        assert row is not None, f"README has no row {start}"
        assert (f"`{key}`" if kind == "name" else f"“{key}”") in row, (key, filler)
