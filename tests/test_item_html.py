"""A checklist item's text renders as Markdown renders it, whichever way the build takes."""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from playbook_plugin.render.checklist_html import _markdown_html

PLAIN = list("abcXYZ 09 .,'\"()?/%$@;éü中")
SPECIAL = [*"-:=+|~^#*_[]<>&!{}`\\1\t\r\f\u00a0\u2028\u3000", "  ", "--", "1.", "* ", "> ", "==="]


def markdown_inline(text: str) -> str:
    html: str = markdown.Markdown(extensions=["attr_list", "sane_lists"]).convert(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PLAIN + PLAIN + PLAIN + SPECIAL), min_size=1, max_size=14))
def test_item_text_renders_exactly_as_markdown_renders_it(parts: list[str]) -> None:
    text = "".join(parts)
    assert _markdown_html.__wrapped__(text, True) == markdown_inline(text)
