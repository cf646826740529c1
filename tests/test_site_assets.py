"""What a browser receives: the plugin's scripts and stylesheets, minified on build."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from playbook_plugin.mkdocs_host.shortened_scripts import shorten, shortened_copy
from playbook_plugin.plugin import ASSETS, SCRIPTS, SITE_ASSETS, STYLESHEETS

from .conftest import Site
from .node_bridge import NODE, REPO


def test_a_built_site_ships_every_script_and_stylesheet_minified_and_parsable(
    default_playbook: tuple[Path, str], tmp_path: Path
) -> None:
    site_dir, _ = default_playbook
    for name in (*SCRIPTS, *STYLESHEETS):
        source = (ASSETS / name).read_text(encoding="utf-8")
        shipped = (site_dir / SITE_ASSETS / name).read_text(encoding="utf-8")
        assert len(shipped) < 0.8 * len(source), f"{name} is not minified"
        assert "\n  " not in shipped, f"{name} keeps its indentation"
        if name.endswith(".js"):
            # Node parses exactly what the browser would.
            copy = tmp_path / Path(name).name
            copy.write_text(shipped, encoding="utf-8")
            checked = subprocess.run([NODE, "--check", str(copy)], capture_output=True, text=True)
            assert checked.returncode == 0, f"{name}: {checked.stderr}"


def test_a_vendored_script_keeps_its_copyright_notice_when_minified(
    default_playbook: tuple[Path, str],
) -> None:
    site_dir, _ = default_playbook
    shipped = (site_dir / SITE_ASSETS / "vendor/qrcode-generator.js").read_text(encoding="utf-8")
    assert "Copyright (c) 2009 Kazuhiko Arase, MIT license" in shipped
    assert "\n  " not in shipped, "the vendored script is shipped minified"


def test_a_build_ships_each_script_shortened_as_made_from_the_script_as_written(
    default_playbook: tuple[Path, str],
) -> None:
    site_dir, _ = default_playbook
    stale = []
    for name in SCRIPTS:
        source = (ASSETS / name).read_text(encoding="utf-8")
        copy = shortened_copy(name, source)
        if copy is None:
            stale.append(name)
            continue
        assert (site_dir / SITE_ASSETS / name).read_text(encoding="utf-8") == copy
        # The copy is what the pinned tool makes of the script, nothing edited by hand.
        assert copy == shorten(source), f"{name}: assets/shortened/ was edited by hand"
    assert not stale, (
        f"{', '.join(stale)} changed since their shortened copies were made: run "
        "`python -m playbook_plugin.mkdocs_host.shortened_scripts`"
    )


def test_a_script_edited_since_its_shortened_copy_ships_minified_as_written(
    small_playbook: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    from playbook_plugin.mkdocs_host import shortened_scripts

    monkeypatch.setattr(shortened_scripts, "_digests", lambda: {})
    site_dir = small_playbook.build()
    shipped = (site_dir / SITE_ASSETS / "javascripts" / "core.js").read_text(encoding="utf-8")
    assert "function pageKeyFromPath(relative)" in shipped  # rjsmin keeps the names


def test_the_node_suite_passes_on_the_shipped_message_script(
    default_playbook: tuple[Path, str],
) -> None:
    site_dir, _ = default_playbook
    shipped = site_dir / SITE_ASSETS / "javascripts" / "playbook-messages.js"
    result = subprocess.run(
        [NODE, "--test", "tests/node"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PLAYBOOK_MESSAGES_SCRIPT": str(shipped)},
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout


def test_serve_ships_the_scripts_as_written_for_authors(small_playbook: Site) -> None:
    config = small_playbook.serve_build()
    for name in (*SCRIPTS, *STYLESHEETS):
        shipped = Path(config.site_dir) / SITE_ASSETS / name
        assert shipped.read_text(encoding="utf-8") == (ASSETS / name).read_text(encoding="utf-8")
