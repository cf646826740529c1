"""Keep the playbook's own syntax away from plugins that render a page's Markdown as Jinja.

mkdocs-macros renders every page as a Jinja template before Markdown sees it. Two pieces of
playbook syntax are Jinja to it: an item id ``{#id}`` opens a comment that never closes, and a
``message`` fence's ``{% if %}`` is evaluated with the page's variables, so a branch vanishes
or the build dies. The plugin swaps both for inert tokens before such a plugin runs, and puts
them back after it, so a site uses macros everywhere else as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

JINJA_PAGE_PLUGINS = frozenset({"macros"})
"""Plugins that render page Markdown with Jinja (mkdocs-macros registers as ``macros``)."""

_FENCE = re.compile(
    r"^(?P<indent>[ \t>]*)(?P<mark>`{3,}|~{3,})[ \t]*\{?[ \t]*\.?message\b[^\n]*\n"
    r"(?P<body>.*?)"
    r"^(?P=indent)(?P=mark)[`~]*[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_ITEM_ID = re.compile(r"\{#(?:[^}\n]*[^#}\n])?\}")
"""``{#id}`` (an item or heading id), but not a closed Jinja comment ``{# … #}``."""
_TOKEN = re.compile("\ue000(\\d+)\ue001")


@dataclass
class Shield:
    """The pieces taken out of one page, to be put back once the Jinja plugin has run."""

    pieces: list[str] = field(default_factory=list)

    def _hold(self, text: str) -> str:
        self.pieces.append(text)
        return f"\ue000{len(self.pieces) - 1}\ue001"

    def cover(self, markdown: str) -> str:
        markdown = _FENCE.sub(lambda match: self._hold(match.group(0)), markdown)
        return _ITEM_ID.sub(lambda match: self._hold(match.group(0)), markdown)

    def uncover(self, markdown: str) -> str:
        if not self.pieces:
            return markdown
        return _TOKEN.sub(lambda match: self.pieces[int(match.group(1))], markdown)


def renders_pages_as_jinja(plugin_names: Iterable[str]) -> bool:
    return not JINJA_PAGE_PLUGINS.isdisjoint(plugin_names)
