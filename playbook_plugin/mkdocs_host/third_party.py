"""What a rendered page would load from another host: the check behind the privacy promise.

The playbook promises that its pages request nothing from any other host. A theme or an extra
asset can break that without a word (Material's Google Fonts, highlight.js from a CDN in the
themes MkDocs ships, an analytics snippet), so the build looks at what a page loads.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

LOADING_RELS = frozenset(
    {"stylesheet", "preload", "preconnect", "modulepreload", "prefetch", "icon", "manifest"}
)
"""``<link rel>`` values that make the browser fetch (or connect to) the address."""

FIXES = {
    "cdnjs.cloudflare.com": "set `theme.highlightjs: false` (or serve highlight.js from docs/)",
    "fonts.googleapis.com": "set `theme.font: false` (or serve the fonts from docs/)",
    "fonts.gstatic.com": "set `theme.font: false` (or serve the fonts from docs/)",
}
DEFAULT_FIX = "serve the file from docs/ instead, or remove it"


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in ("script", "img", "iframe", "audio", "video", "source"):
            url = values.get("src", "")
        elif tag == "link" and LOADING_RELS & set(values.get("rel", "").lower().split()):
            url = values.get("href", "")
        else:
            return
        if url:
            self.urls.append(url)


def foreign_loads(html: str, site_url: str) -> list[str]:
    """Addresses on other hosts that ``html`` makes the browser fetch, in page order."""
    parser = _Loads()
    parser.feed(html)
    own_host = urlsplit(site_url).netloc.lower()
    found: list[str] = []
    for url in parser.urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https", "") or not parts.netloc:
            continue
        if parts.netloc.lower() != own_host and url not in found:
            found.append(url)
    return found


def how_to_fix(url: str) -> str:
    return FIXES.get(urlsplit(url).netloc.lower(), DEFAULT_FIX)
