"""Each feature's own stylesheet, linked only from the pages that have its widgets.

A page that has a message generator links ``playbook-messages.css`` in its head, so the widget
is styled without JavaScript and in print. A reader who arrives by Material's instant
navigation keeps the first page's head: ``core.js`` adds the stylesheet then, when it loads the
feature's script (``contract.FEATURES``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from functools import cache
from html import escape

from playbook_plugin.contract import FEATURES, widget_pattern


@cache
def feature_stylesheets() -> dict[str, tuple[re.Pattern[str], str]]:
    """Feature → what finds its widgets in a page's HTML, and its stylesheet as a path under
    the assets folder."""
    return {
        name: (
            widget_pattern(feature["selector"]),
            posixpath.normpath(posixpath.join("javascripts", feature["stylesheet"])),
        )
        for name, feature in FEATURES.items()
        if "stylesheet" in feature
    }


def link_feature_stylesheets(html: str, url_of: Callable[[str], str]) -> str:
    """``html`` with a ``<link>`` for each feature whose widgets it has; ``url_of`` turns a
    path under the playbook's assets folder into a URL from this page."""
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    links = []
    body = html[head_end:]
    for widgets, path in feature_stylesheets().values():
        if not widgets.search(body):
            continue
        href = url_of(path)
        if f'href="{escape(href)}"' not in html[:head_end]:
            links.append(f'<link rel="stylesheet" href="{escape(href)}">')
    if not links:
        return html
    return html[:head_end] + "".join(links) + html[head_end:]
