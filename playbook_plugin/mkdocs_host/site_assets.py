"""The plugin's scripts and stylesheets as a site ships them.

``mkdocs build`` ships them minified: a script as its shortened copy made ahead
(``shortened_scripts``: local names shortened too) while that copy matches the script as
written, else by rjsmin; stylesheets by rcssmin (comments and needless white space out).
The tests and the Node suite run on what a build ships. ``mkdocs serve`` ships them as
written, so an author can read them in the browser.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from playbook_plugin.mkdocs_host.shortened_scripts import shortened_copy


def asset_files(
    config: MkDocsConfig, assets: Path, names: Iterable[str], site_folder: str, *, minify: bool
) -> list[File]:
    """A site file for each asset ``name`` under ``assets``, at ``site_folder/name``."""
    files = []
    for name in names:
        source = assets / name
        path = f"{site_folder}/{name}"
        if minify and source.suffix in (".js", ".css"):
            files.append(File.generated(config, path, content=minified(source, name)))
        else:
            files.append(File.generated(config, path, abs_src_path=str(source)))
    return files


def minified(source: Path, name: str) -> str:
    """The script or stylesheet at ``source`` (``name`` under the assets folder), minified;
    licence comments (``/*!``) kept."""
    text = source.read_text(encoding="utf-8")
    if source.suffix == ".js" and (shortened := shortened_copy(name, text)) is not None:
        return shortened
    return _minify(text, source.suffix)


@lru_cache(maxsize=64)
def _minify(text: str, suffix: str) -> str:
    if suffix == ".js":
        import rjsmin

        return str(rjsmin.jsmin(text, keep_bang_comments=True))
    import rcssmin

    return str(rcssmin.cssmin(text, keep_bang_comments=True))
