"""The message widget's HTML: the browser contract, and what readers see without JavaScript."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from playbook_plugin.render.message_html import applicable_checks, render_message_html
from playbook_plugin.sources.messages import build_settings, parse_message

SETTINGS = build_settings()
VOID = {"input", "br", "img", "meta", "link", "hr"}

FENCE = """\
id: thanks-after-coffee
title: Thank-you after a <coffee> & chat
channel: email
relationship: met
kind: thank-you
follow_up: 1 month
subject: Thank you, {{ name }}
fields:
  name: {label: Their first name, required: true, example: Grace}
  advice:
    label: "What they advised </script>"
    example: getting started in user research, one small project at a time
---
Hi {{ name }},

Thank you for the advice on {{ advice|default("your work") }}.
See you [When you meet next]?
"""


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""
    children: list[Element] = field(default_factory=list)

    def all(self) -> list[Element]:
        found = [self]
        for child in self.children:
            found += child.all()
        return found

    def find(self, **attrs: str | None) -> list[Element]:
        """Elements with these attributes; None only asks that the attribute be there."""

        def matches(element: Element) -> bool:
            return all(
                key.replace("_", "-") in element.attrs
                if value is None
                else element.attrs.get(key.replace("_", "-")) == value
                for key, value in attrs.items()
            )

        return [element for element in self.all() if matches(element)]

    def one(self, **attrs: str | None) -> Element:
        (element,) = self.find(**attrs)
        return element


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data


def widget(source: str = FENCE, settings=SETTINGS) -> tuple[Element, str]:
    template = parse_message(source, path="docs/page.md", line=3, settings=settings)
    html = render_message_html(template, settings)
    parser = _Parser()
    parser.feed(html)
    parser.close()
    assert parser.stack == [parser.root], "unclosed elements"
    (root,) = parser.root.children
    return root, html


def test_the_root_carries_the_template_id() -> None:
    root, _ = widget()
    assert root.attrs["data-playbook-message"] == "thanks-after-coffee"
    assert "playbook-message" in (root.attrs["class"] or "")


def test_without_javascript_the_preview_is_the_message_with_every_blank_labelled() -> None:
    root, _ = widget()
    preview = root.one(data_playbook_preview=None)
    assert preview.tag == "div" and "pre-wrap" in (preview.attrs["style"] or "")
    assert preview.text == (
        "Hi [Their first name],\n\n"
        "Thank you for the advice on your work.\n"
        "See you [When you meet next]?"
    )
    assert root.one(data_playbook_subject=None).text == "Thank you, [Their first name]"


def test_the_form_actions_and_counter_wait_for_javascript() -> None:
    root, _ = widget()
    for marker in ("data-playbook-form", "data-playbook-actions", "data-playbook-count"):
        assert "hidden" in root.one(**{marker.replace("-", "_"): None}).attrs, marker
    assert "hidden" not in root.one(data_playbook_preview=None).attrs


def test_one_labelled_input_per_field_with_its_example() -> None:
    root, _ = widget()
    inputs = root.find(data_playbook_field=None)
    assert [e.attrs["data-playbook-field"] for e in inputs] == [
        "name",
        "advice",
        "when_you_meet_next",
    ]
    labels = {e.attrs["for"]: e for e in root.all() if e.tag == "label"}
    for element in inputs:
        assert element.attrs["id"] in labels
        assert element.attrs["name"]
    name, advice, when = inputs
    assert labels[name.attrs["id"]].text == "Their first name (required)"
    assert "required" in name.attrs and "required" not in advice.attrs
    assert name.attrs["placeholder"] == "Grace"
    assert advice.tag == "textarea", "a long example gets room to type"
    assert "placeholder" not in when.attrs


def test_reader_facing_strings_come_from_the_settings() -> None:
    strings = dict(SETTINGS.strings, message_copy="Kopieren", message_required="(Pflicht)")
    root, _ = widget(settings=replace(SETTINGS, strings=strings))
    assert root.one(data_playbook_action="copy").text == "Kopieren"
    assert "(Pflicht)" in root.text


def test_email_remind_and_forget_actions() -> None:
    root, _ = widget()
    assert root.one(data_playbook_action="email").tag == "a"
    assert root.one(data_playbook_action="email").attrs["href"].startswith("mailto:")
    assert root.one(data_playbook_action="remind").tag == "button"
    assert root.one(data_playbook_action="forget").tag == "button"
    date = root.one(data_playbook_remind_date=None)
    assert date.attrs["type"] == "date"
    assert any(e.tag == "label" and e.attrs.get("for") == date.attrs["id"] for e in root.all())


def test_no_mailto_or_reminder_where_they_do_not_apply() -> None:
    root, _ = widget("id: a\nchannel: linkedin-invite\n---\nHi {{ name }}")
    assert not root.find(data_playbook_action="email")
    assert not root.find(data_playbook_action="remind")
    assert not root.find(data_playbook_subject=None)
    assert "about 5 invitations a month" in root.text


def test_warnings_are_announced_politely() -> None:
    root, _ = widget()
    assert root.one(data_playbook_warnings=None).attrs["aria-live"] == "polite"


def test_markup_in_titles_labels_and_examples_is_escaped() -> None:
    root, html = widget()
    assert root.one(id="playbook-message-thanks-after-coffee-title").text == (
        "Thank-you after a <coffee> & chat"
    )
    assert "<coffee>" not in html
    assert "<script" not in html, "instant navigation drops a script's type: no data in one"


def test_the_data_for_the_browser_travels_in_an_attribute_and_names_its_checks() -> None:
    root, _ = widget()
    data = json.loads(root.attrs["data-playbook-message-data"])
    assert data["id"] == "thanks-after-coffee"
    assert data["channel"]["name"] == "email"
    assert data["follow_up"] == {"amount": 1, "unit": "month"}
    assert data["labels"]["advice"] == "What they advised </script>"
    assert [field["name"] for field in data["fields"]] == ["name", "advice", "when_you_meet_next"]
    assert data["body"][0] == {"type": "text", "text": "Hi "}
    assert "no-thanks" in data["checks"]
    assert "too-long" not in data["checks"], "only checks that apply"


def test_check_links_are_resolved_for_the_page_in_its_data_block() -> None:
    settings = replace(SETTINGS, resolve_link=lambda link: "../" + link.replace(".md", "/"))
    template = parse_message(FENCE, path="docs/page.md", line=3, settings=settings)
    links = {check["id"]: check["link"] for check in applicable_checks(template, settings)}
    assert links["no-thanks"] == "../after-you-meet/#thank"
