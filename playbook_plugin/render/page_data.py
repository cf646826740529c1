"""The page's data block: what every widget of a page shares, written once per page.

The storage namespace, the reader-facing strings and the advice checks the page's generators
use travel in one attribute of a hidden element (``contract.ATTRIBUTES["page"]``). An
attribute, not a JSON ``<script>``: Material's instant navigation re-inserts a page's scripts
with only their text, dropping their type, so a JSON script never reaches the browser core.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from html import escape
from typing import Any

from playbook_plugin.contract import ATTRIBUTES
from playbook_plugin.i18n.catalogues import ReaderStrings

PAGE_MARKER = ATTRIBUTES["page"]


STRINGS_BY_WIDGET: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = (
    (
        ("people_", "transfer", "message_", "person_"),
        frozenset({"message", "people", "person_picker"}),
    ),
    (
        ("import_", "export_", "erase_"),
        frozenset({"data_panel", "people", "person_picker", "message"}),
    ),
)
"""Strings that travel only on pages with one of these widgets (``contract.ATTRIBUTES`` names):
a generator's, the People log's and the data panel's. A page of checklists carries its own."""


def page_data_block(
    namespace: str,
    strings: Mapping[str, str],
    checks: Iterable[Mapping[str, Any]] = (),
    people: Mapping[str, Any] | None = None,
    widgets: Collection[str] | None = None,
) -> str:
    """``people``: the follow-up ``cadence`` and ``people_url`` (the People page from the site
    root), on pages with a people widget or a message generator. ``widgets``: the names of the
    page's widgets, which choose the strings it carries (None: every string)."""
    texts = strings.for_browser() if isinstance(strings, ReaderStrings) else dict(strings)
    language = strings.language if isinstance(strings, ReaderStrings) else "en"
    data: dict[str, Any] = {"namespace": namespace, "language": language, "checks": list(checks)}
    if widgets is not None:
        unused = tuple(
            prefix
            for prefixes, users in STRINGS_BY_WIDGET
            if users.isdisjoint(widgets)
            for prefix in prefixes
        )
        texts = {key: text for key, text in texts.items() if not key.startswith(unused)}
    data["strings"] = texts
    if people is not None:
        data.update(people)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'<div hidden {PAGE_MARKER}="{escape(payload, quote=True)}"></div>'
