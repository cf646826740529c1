"""A site's configuration file read for the ``playbook`` command: ``mkdocs.yml`` (which
Zensical reads too) or ``zensical.toml``. The playbook's options are the plugin's, from
``plugins: [playbook: {...}]`` and from the extension's entry in ``markdown_extensions``,
validated by the plugin's own schema; paths start at the configuration file's folder."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from playbook_plugin.config import PlaybookConfig

_EXTENSION_ONLY_OPTIONS = ("site_name", "language", "page_key")


class ProjectError(Exception):
    """The configuration file cannot be used; the message says where and how to fix it."""


@dataclass
class Project:
    config_file: Path
    site_name: str
    site_url: str
    site_description: str
    docs_dir: Path
    site_dir: Path
    language: str
    use_directory_urls: bool
    options: PlaybookConfig
    nav: list[Any] = field(default_factory=list)
    extra_javascript: list[str] = field(default_factory=list)
    extra_css: list[str] = field(default_factory=list)
    markdown_extensions: list[str] = field(default_factory=list)
    watch: list[Path] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def checklists_dir(self) -> Path:
        return self.root / self.options.checklists_dir


def _entry(entries: Any, name: str) -> tuple[bool, dict[str, Any]]:
    """Whether a ``plugins``/``markdown_extensions`` list names ``name``, and its options."""
    if isinstance(entries, dict):
        entries = [{key: value} for key, value in entries.items()]
    for entry in entries or []:
        if entry == name:
            return True, {}
        if isinstance(entry, dict) and name in entry:
            return True, dict(entry[name] or {})
    return False, {}


def _names(entries: Any) -> list[str]:
    if isinstance(entries, dict):
        return [str(key) for key in entries]
    return [
        str(entry if isinstance(entry, str) else next(iter(entry)))
        for entry in entries or []
        if entry
    ]


def _asset_path(entry: Any) -> str:
    """An ``extra_javascript`` entry: a path, or a mapping with one (``{path, defer}``)."""
    return str(entry.get("path", "")) if isinstance(entry, dict) else str(entry)


def _read(config_file: Path) -> dict[str, Any]:
    try:
        if config_file.suffix == ".toml":
            with config_file.open("rb") as source:
                data = tomllib.load(source)
            return dict(data.get("project", data))
        with config_file.open("rb") as source:
            return yaml_load(source)
    except FileNotFoundError:
        raise ProjectError(
            f"{config_file}: no such file: give the site's configuration with -f"
        ) from None
    except (ConfigurationError, tomllib.TOMLDecodeError) as error:
        raise ProjectError(f"{config_file}: {error}") from None


def load_project(config_file: Path) -> Project:
    config_file = config_file.resolve()
    data = _read(config_file)
    _, plugin_options = _entry(data.get("plugins"), "playbook")
    _, extension_options = _entry(data.get("markdown_extensions"), "playbook")
    options = {**plugin_options, **extension_options}
    for name in _EXTENSION_ONLY_OPTIONS:
        options.pop(name, None)
    schema = PlaybookConfig()
    schema.load_dict(options)
    errors, _warnings = schema.validate()
    if errors:
        problems = "; ".join(f"`{name}`: {error}" for name, error in errors)
        raise ProjectError(f"{config_file}: the playbook's options: {problems}")
    theme = data.get("theme") or {}
    if isinstance(theme, str):
        theme = {"name": theme}
    root = config_file.parent
    return Project(
        config_file=config_file,
        site_name=str(data.get("site_name") or ""),
        site_url=str(data.get("site_url") or ""),
        site_description=str(data.get("site_description") or ""),
        docs_dir=root / str(data.get("docs_dir") or "docs"),
        site_dir=root / str(data.get("site_dir") or "site"),
        language=str(theme.get("language") or theme.get("locale") or "en"),
        use_directory_urls=bool(data.get("use_directory_urls", True)),
        options=schema,
        nav=list(data.get("nav") or []),
        extra_javascript=[_asset_path(entry) for entry in data.get("extra_javascript") or []],
        extra_css=[_asset_path(entry) for entry in data.get("extra_css") or []],
        markdown_extensions=_names(data.get("markdown_extensions")),
        watch=[root / str(path) for path in data.get("watch") or []],
    )
