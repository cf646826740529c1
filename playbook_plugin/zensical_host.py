"""What Zensical tells the Markdown extension, which it runs without the MkDocs plugin.

Zensical gives every page's Markdown a ``rendering_context`` preprocessor holding the page
(its path under ``docs/`` and its URL) and the site's configuration (``root_dir``, the folder
of the configuration file, ``docs_dir``, ``site_name``, ``theme.language``…). From them the
extension keys the page's task lists, resolves advice links and finds the checklists exactly
as the plugin does under MkDocs, so a site moved from one to the other keeps readers' ticks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Markdown
from mkdocs.utils import get_relative_url

RENDERING_CONTEXT = "rendering_context"


@dataclass(frozen=True)
class HostSite:
    root_dir: Path
    """The folder of the configuration file: paths in the configuration start there."""
    docs_dir: Path
    site_name: str
    language: str
    use_directory_urls: bool
    site_url: str


@dataclass(frozen=True)
class HostPage:
    path: str
    """The page's path under ``docs/`` (``guide/index.md``)."""
    url: str
    """The page's URL from the site root (``guide/``; the home page's is empty)."""
    meta: dict[str, Any]


def zensical_context(md: Markdown) -> tuple[HostSite, HostPage] | None:
    """The site and page Zensical is rendering, or None under any other host."""
    if RENDERING_CONTEXT not in md.preprocessors:
        return None
    context = md.preprocessors[RENDERING_CONTEXT]
    config: dict[str, Any] = getattr(context, "config", None) or {}
    page = getattr(context, "page", None)
    if "root_dir" not in config or page is None:
        return None
    root = Path(config["root_dir"] or ".").resolve()
    theme = config.get("theme") or {}
    site = HostSite(
        root_dir=root,
        docs_dir=root / str(config.get("docs_dir") or "docs"),
        site_name=str(config.get("site_name") or ""),
        language=str(theme.get("language") or "en"),
        use_directory_urls=bool(config.get("use_directory_urls", True)),
        site_url=str(config.get("site_url") or ""),
    )
    return site, HostPage(str(page.path), str(page.url or ""), dict(page.meta or {}))


def page_url(src_path: str, use_directory_urls: bool) -> str:
    """A page's URL from the site root, as MkDocs and Zensical give it (``guide/x/``)."""
    path = src_path.removesuffix(".md")
    name = path.rpartition("/")[2]
    if name in ("index", "README"):
        return path[: -len(name)]
    return f"{path}/" if use_directory_urls else f"{path}.html"


def link_from(page: HostPage, site: HostSite, link: str, *, in_html: bool = False) -> str:
    """A link to a page of the site written as its path under ``docs/`` (an advice check's
    ``always.md#likeable``), relative to ``page``; empty when the site has no such page.

    ``in_html``: for a link in the page's HTML, which Zensical reads from the page's source
    file (as it reads links in Markdown) and rewrites; else from the page's URL, for the
    browser (links in widget data)."""
    if "://" in link or link.startswith("mailto:"):
        return link
    path, hash_mark, anchor = link.partition("#")
    if not (site.docs_dir / path).is_file():
        return ""
    target = page_url(path, site.use_directory_urls) or "./"
    origin = page.path if in_html else (page.url or "./")
    return f"{get_relative_url(target, origin)}{hash_mark}{anchor}"
