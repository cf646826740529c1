"""The package's layout holds its design: a core free of MkDocs, old import paths kept."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest

from playbook_plugin import MOVED

from .conftest import REPO

CORE_LAYERS = ("sources", "rules", "render", "printing")


def test_the_core_layers_import_without_mkdocs() -> None:
    """What Zensical or a command line would run: nothing below the adapters needs MkDocs."""
    modules = sorted(
        f"playbook_plugin.{layer}.{path.stem}"
        for layer in CORE_LAYERS
        for path in (REPO / "playbook_plugin" / layer).glob("*.py")
        if path.stem != "__init__"
    )
    script = (
        "import sys, importlib\n"
        "sys.modules['mkdocs'] = None\n"  # any `import mkdocs…` now fails
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(len(sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.returncode == 0, result.stderr
    assert len(modules) >= 25


@pytest.mark.parametrize("old", sorted(MOVED))
def test_a_module_imports_from_its_old_flat_path_with_a_warning(old: str) -> None:
    new = __import__(MOVED[old], fromlist=["_"])
    sys.modules.pop(f"playbook_plugin.{old}", None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module = __import__(f"playbook_plugin.{old}", fromlist=["_"])
    assert module is new
    assert any(
        issubclass(w.category, DeprecationWarning) and MOVED[old] in str(w.message) for w in caught
    )


def test_the_old_plugin_and_extension_entry_points_still_load() -> None:
    from playbook_plugin.markdown_ext import PlaybookExtension
    from playbook_plugin.plugin import PlaybookPlugin

    assert PlaybookPlugin.__module__ == "playbook_plugin.plugin"
    assert PlaybookExtension.__module__ == "playbook_plugin.markdown_ext"


def test_the_old_sources_module_names_still_resolve_with_a_warning() -> None:
    from playbook_plugin.sources.playbook import load_playbook

    with pytest.warns(DeprecationWarning, match="playbook_plugin.sources.playbook"):
        from playbook_plugin.sources import load_playbook as old

    assert old is load_playbook
