"""Installing the package as the README says: what is optional, and the other themes."""

from __future__ import annotations

import importlib.util
import logging
import tomllib
from typing import Any

import pytest
from mkdocs.exceptions import Abort, PluginError

from .conftest import REPO, Site


def _project() -> dict[str, Any]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_licence_is_an_spdx_expression_with_its_file() -> None:
    project = _project()
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert "MIT License" in (REPO / "LICENSE").read_text(encoding="utf-8")


def test_pdfs_and_material_are_extras_not_requirements() -> None:
    project = _project()
    required = " ".join(project["dependencies"])
    assert "weasyprint" not in required.lower()
    assert "mkdocs-material" not in required
    assert project["optional-dependencies"]["pdf"] == ["weasyprint>=70"]
    assert project["optional-dependencies"]["material"] == ["mkdocs-material>=9.5"]


@pytest.fixture
def without_weasyprint(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: Any, **kwargs: Any) -> Any:
        return None if name.split(".")[0] == "weasyprint" else real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def test_without_weasyprint_a_build_leaves_the_pdfs_out(
    small_playbook: Site, without_weasyprint: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    small_playbook.config["plugins"] = ["search", "playbook"]
    site_dir = small_playbook.build()
    assert not (site_dir / "downloads").exists()
    assert "downloads/playbook.pdf" not in small_playbook.html("")
    assert "pip install 'networking-playbook[pdf]'" in caplog.text


def test_asking_for_pdfs_without_weasyprint_says_what_to_install(
    small_playbook: Site, without_weasyprint: None, caplog: pytest.LogCaptureFixture
) -> None:
    small_playbook.config["plugins"] = ["search", {"playbook": {"pdf": True}}]
    with pytest.raises((Abort, PluginError)) as raised:
        small_playbook.build()
    assert isinstance(raised.value, Abort | PluginError)
    assert "`pdf: true` needs WeasyPrint: pip install 'networking-playbook[pdf]'" in caplog.text


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_the_plugin_works_on_the_themes_mkdocs_ships(small_playbook: Site, theme: str) -> None:
    small_playbook.config["theme"] = {"name": theme}
    site_dir = small_playbook.build()
    page = small_playbook.html("checklists/before-the-event/")
    assert 'data-playbook-checklist="before-the-event"' in page
    assert "assets/playbook/javascripts/playbook.js" in page
    assert (site_dir / "checklists" / "event-kit" / "index.html").is_file()
