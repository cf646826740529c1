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
    small_playbook.config["theme"] = {"name": theme, "highlightjs": False}
    site_dir = small_playbook.build()
    page = small_playbook.html("checklists/before-the-event/")
    assert 'data-playbook-checklist="before-the-event"' in page
    assert "assets/playbook/javascripts/core.js" in page
    assert (site_dir / "checklists" / "event-kit" / "index.html").is_file()


@pytest.mark.parametrize(
    ("theme", "loaded", "fix"),
    [
        ({"name": "mkdocs"}, "https://cdnjs.cloudflare.com/", "`theme.highlightjs: false`"),
        ({"name": "material"}, "https://fonts.googleapis.com/", "`theme.font: false`"),
    ],
)
def test_a_theme_that_loads_from_another_host_is_a_warning(
    small_playbook: Site,
    caplog: pytest.LogCaptureFixture,
    theme: dict[str, str],
    loaded: str,
    fix: str,
) -> None:
    small_playbook.config["theme"] = theme
    small_playbook.build(strict=False)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(loaded in warning and fix in warning for warning in warnings), warnings


def test_an_extra_script_from_another_host_is_a_warning(
    small_playbook: Site, caplog: pytest.LogCaptureFixture
) -> None:
    small_playbook.config["extra_javascript"] = ["https://stats.example.net/track.js"]
    small_playbook.build(strict=False)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert [w for w in warnings if "https://stats.example.net/track.js" in w], warnings


def test_pasted_content_with_an_outside_image_is_left_to_the_author(
    small_playbook: Site,
) -> None:
    small_playbook.write(
        "docs/plays.md", "# Plays\n\n![A chart](https://images.example.org/chart.png)\n"
    )
    small_playbook.build(strict=True)
