"""The plugin's scripts and stylesheets as a site ships them.

``mkdocs build`` ships them minified (rjsmin and rcssmin: comments and needless white space
out, names and code as written, so what runs is what the tests and the Node suite check);
``mkdocs serve`` ships them as written, so an author can read them in the browser.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


def asset_files(
    config: MkDocsConfig, assets: Path, names: Iterable[str], site_folder: str, *, minify: bool
) -> list[File]:
    """A site file for each asset ``name`` under ``assets``, at ``site_folder/name``."""
    files = []
    for name in names:
        source = assets / name
        path = f"{site_folder}/{name}"
        if minify and source.suffix in (".js", ".css"):
            files.append(File.generated(config, path, content=minified(source)))
        else:
            files.append(File.generated(config, path, abs_src_path=str(source)))
    return files


def minified(source: Path) -> str:
    """The script or stylesheet at ``source``, minified; licence comments (``/*!``) kept."""
    text = source.read_text(encoding="utf-8")
    return _minify(text, source.suffix)


@lru_cache(maxsize=64)
def _minify(text: str, suffix: str) -> str:
    if suffix == ".js":
        import rjsmin

        return str(rjsmin.jsmin(text, keep_bang_comments=True))
    import rcssmin

    return str(rcssmin.cssmin(text, keep_bang_comments=True))
