"""The plugin's scripts with their local names shortened, made ahead and kept in the repository.

A minifier that renames variables saves about a sixth of each script gzipped, but the
maintained ones need Node or a platform binary, and the pure Python one (calmjs.parse, ES5)
takes about a second for all the scripts: too slow for every build, and too much to ask of
every author's machine. So the shortened copies are made once, by that tool at a pinned
version (the test extra), and kept in ``assets/shortened/`` with the digest of the source
each was made from:

    python -m playbook_plugin.mkdocs_host.shortened_scripts

A build ships a script's shortened copy while its digest matches the script as written; a
script edited since ships minified by rjsmin instead (correct, only larger), and
``tests/test_site_assets.py`` fails until the copies are made again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
SHORTENED = ASSETS / "shortened"
DIGESTS = SHORTENED / "digests.json"
TOOL = "calmjs.parse"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digests() -> dict[str, str]:
    try:
        loaded = json.loads(DIGESTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def shortened_copy(name: str, source_text: str) -> str | None:
    """The shortened copy of the script ``name`` (a path under the assets folder), if it was
    made from exactly ``source_text``; else None."""
    if _digests().get(name) != digest(source_text):
        return None
    try:
        return (SHORTENED / name).read_text(encoding="utf-8")
    except OSError:
        return None


def shorten(source_text: str) -> str:
    """What the pinned tool makes of a script: comments and white space out, local names
    shortened, property names and globals as written."""
    from calmjs.parse import es5
    from calmjs.parse.unparsers.es5 import minify_print

    return str(minify_print(es5(source_text), obfuscate=True, obfuscate_globals=False)) + "\n"


def write_shortened(names: Iterable[str]) -> list[str]:
    """Makes the shortened copy of each script ``name`` again; returns the names it wrote."""
    digests = {}
    written = []
    for name in names:
        text = (ASSETS / name).read_text(encoding="utf-8")
        target = SHORTENED / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(shorten(text), encoding="utf-8")
        digests[name] = digest(text)
        written.append(name)
    DIGESTS.write_text(json.dumps(digests, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return written


if __name__ == "__main__":
    from playbook_plugin.plugin import SCRIPTS

    for name in write_shortened(SCRIPTS):
        print(f"wrote {SHORTENED.relative_to(ASSETS.parent.parent)}/{name}")
