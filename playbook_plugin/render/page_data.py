"""The page's data block: what every widget of a page shares, written once per page.

The storage namespace, the reader-facing strings and the advice checks the page's generators
use travel in one attribute of a hidden element (``contract.ATTRIBUTES["page"]``). An
attribute, not a JSON ``<script>``: Material's instant navigation re-inserts a page's scripts
with only their text, dropping their type, so a JSON script never reaches the browser core.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from playbook_plugin.contract import ATTRIBUTES
from playbook_plugin.i18n.catalogues import ReaderStrings

PAGE_MARKER = ATTRIBUTES["page"]


PEOPLE_STRING_PREFIXES = ("people_", "transfer")
"""The People log's strings travel only on pages that have the log, its list or a generator."""


def page_data_block(
    namespace: str,
    strings: Mapping[str, str],
    checks: Iterable[Mapping[str, Any]] = (),
    people: Mapping[str, Any] | None = None,
) -> str:
    """``people``: the follow-up ``cadence`` and ``people_url`` (the People page from the site
    root), on pages with a people widget or a message generator."""
    texts = strings.for_browser() if isinstance(strings, ReaderStrings) else dict(strings)
    language = strings.language if isinstance(strings, ReaderStrings) else "en"
    data: dict[str, Any] = {"namespace": namespace, "language": language, "checks": list(checks)}
    if people is None:
        data["strings"] = {
            key: text for key, text in texts.items() if not key.startswith(PEOPLE_STRING_PREFIXES)
        }
    else:
        data["strings"] = texts
        data.update(people)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'<div hidden {PAGE_MARKER}="{escape(payload, quote=True)}"></div>'
