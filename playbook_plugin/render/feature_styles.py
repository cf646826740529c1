"""Each feature's own stylesheet, linked only from the pages that have its widgets.

A page that has a message generator links ``playbook-messages.css`` in its head, so the widget
is styled without JavaScript and in print. A reader who arrives by Material's instant
navigation keeps the first page's head: ``core.js`` adds the stylesheet then, on every page that
needs it (``contract.FEATURES``). Under Zensical, which runs no plugin, the Markdown extension
links the same stylesheets from the page's content.
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
    links = [
        stylesheet_link(href)
        for href in stylesheet_hrefs(html[head_end:], url_of)
        if f'href="{escape(href)}"' not in html[:head_end]
    ]
    if not links:
        return html
    return html[:head_end] + "".join(links) + html[head_end:]


def stylesheet_hrefs(content: str, url_of: Callable[[str], str]) -> list[str]:
    """The URL of each feature stylesheet the widgets in ``content`` need."""
    return [
        url_of(path) for widgets, path in feature_stylesheets().values() if widgets.search(content)
    ]


def stylesheet_link(href: str) -> str:
    return f'<link rel="stylesheet" href="{escape(href)}">'
