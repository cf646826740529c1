"""Sites built with Zensical as `make zensical` builds them: `playbook prepare`, `zensical build`,
`playbook pdf`, `playbook app`. Built from another folder than the project's (paths start at the
configuration file), once per session or module, and served at their site_url (Zensical's
instant navigation, like Material's, takes over links only there)."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from playbook_plugin.cli import main as playbook_command

from ...conftest import REPO, free_port, serve

ZENSICAL = Path(sys.executable).with_name("zensical")


def zensical_build(
    config_file: Path, cwd: Path, **environment: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ZENSICAL), "build", "--clean", "-f", str(config_file)],
        cwd=cwd,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=300,
    )


def playbook(command: str, config_file: Path, elsewhere: Path, **environment: str) -> None:
    """Run ``playbook <command>`` from ``elsewhere``, with ``environment`` set, as a shell
    would (the configuration reads SITE_URL with ``!ENV``)."""
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    os.chdir(elsewhere)
    try:
        assert playbook_command([command, "-f", str(config_file)]) == 0, command
    finally:
        os.chdir(REPO)
        for name, value in saved.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value


def copy_default_playbook(root: Path) -> Path:
    """The repository's playbook (sources and mkdocs.yml) in ``root``; its config file."""
    for name in ("docs", "checklists"):
        shutil.copytree(
            REPO / name,
            root / name,
            # What an earlier `make zensical` prepared in the repository is not a source.
            ignore=shutil.ignore_patterns("people.md") if name == "docs" else None,
        )
    for prepared in ("docs/checklists", "docs/assets/playbook"):
        shutil.rmtree(root / prepared, ignore_errors=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root / "mkdocs.yml"


def build_with_zensical(
    config_file: Path, elsewhere: Path, *, site_url: str, pdf: bool = True, app: bool = True
) -> Path:
    """`make zensical`'s steps on ``config_file``; the built site's folder."""
    environment = {"SITE_URL": site_url}
    playbook("prepare", config_file, elsewhere, **environment)
    built = zensical_build(config_file, elsewhere, **environment)
    assert built.returncode == 0, built.stderr
    if pdf:
        playbook("pdf", config_file, elsewhere, **environment)
    if app:
        playbook("app", config_file, elsewhere, **environment)
    return config_file.parent / "site"


def page_data(site: Path) -> Iterator[tuple[str, dict[str, object], str]]:
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        found = re.search(r'data-playbook-config="([^"]*)"', text)
        if found:
            yield path.relative_to(site).as_posix(), json.loads(html.unescape(found.group(1))), text


def storage_keys(site: Path) -> dict[str, set[str]]:
    """What the reader's data is saved under, page by page: namespace, widget keys, items."""
    keys: dict[str, set[str]] = {}
    for path, data, text in page_data(site):
        found = {f"namespace:{data['namespace']}"}
        found |= {f"list:{key}" for key in re.findall(r'data-playbook-checklist="([^"]*)"', text)}
        found |= {f"item:{key}" for key in re.findall(r'data-playbook-item="([^"]*)"', text)}
        found |= {f"message:{key}" for key in re.findall(r'data-playbook-message="([^"]*)"', text)}
        keys[path.removesuffix(".html").removesuffix("index").rstrip("/")] = found
    return keys


@pytest.fixture(scope="session")
def zensical_playbook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The repository's playbook built as `make zensical` does (PDFs and offline copy
    included), served at its site_url."""
    config_file = copy_default_playbook(tmp_path_factory.mktemp("zensical") / "project")
    port = free_port()
    site_dir = build_with_zensical(
        config_file, tmp_path_factory.mktemp("elsewhere"), site_url=f"http://127.0.0.1:{port}/"
    )
    with serve(site_dir, port) as base:
        yield site_dir, base
