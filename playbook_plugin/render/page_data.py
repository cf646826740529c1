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


def page_data_block(
    namespace: str, strings: Mapping[str, str], checks: Iterable[Mapping[str, Any]] = ()
) -> str:
    texts = strings.for_browser() if isinstance(strings, ReaderStrings) else dict(strings)
    language = strings.language if isinstance(strings, ReaderStrings) else "en"
    payload = json.dumps(
        {"namespace": namespace, "language": language, "strings": texts, "checks": list(checks)},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return f'<div hidden {PAGE_MARKER}="{escape(payload, quote=True)}"></div>'
