"""Fixes to Material's own markup that the playbook's accessibility promise needs."""

from __future__ import annotations

import re

_UNNAMED_SEARCH_DIALOG = re.compile(
    r'(<div class="md-search" data-md-component="search" role="dialog")>'
)
_SEARCH_FIELD_LABEL = re.compile(r'<input[^>]*class="md-search__input"[^>]*aria-label="([^"]*)"')


def name_search_dialog(html: str) -> str:
    """Give Material's search dialog the accessible name of its search field.

    Material marks the search box ``role="dialog"`` without a name (axe's and Lighthouse's
    ``aria-dialog-name``); its field's label is already in the site's language.
    """
    label = _SEARCH_FIELD_LABEL.search(html)
    if label is None:
        return html
    return _UNNAMED_SEARCH_DIALOG.sub(rf'\1 aria-label="{label.group(1)}">', html, count=1)
