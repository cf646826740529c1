"""The MkDocs plugin ``playbook``: wires MkDocs events to the playbook model and renderers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from playbook_plugin.checklists import Checklist
from playbook_plugin.config import PlaybookConfig, message_settings
from playbook_plugin.errors import SourceErrors
from playbook_plugin.markdown_ext import PageState, PlaybookExtension
from playbook_plugin.pages import (
    EVENT_KIT_PATH,
    OVERVIEW_PATH,
    checklist_page,
    checklist_page_path,
    event_kit_page,
    overview_page,
)
from playbook_plugin.slugs import slugify
from playbook_plugin.sources import load_playbook
from playbook_plugin.strings import merge_strings

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
SCRIPTS = ("javascripts/playbook.js", "javascripts/playbook-messages.js")
STYLESHEETS = ("stylesheets/playbook.css", "stylesheets/playbook-messages.css")
SITE_ASSETS = "assets/playbook"


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.project_root = Path(config.config_file_path or ".").resolve().parent
        self.checklists_dir = self.project_root / self.config.checklists_dir
        self.strings = merge_strings(self.config.strings)
        self.messages = message_settings(self.config)
        self.checklists: dict[str, Checklist] = {}
        self.page = PageState()
        self.files: Files | None = None
        namespace = self.config.namespace or slugify(config.site_name) or "playbook"
        config.markdown_extensions = [
            extension
            for extension in config.markdown_extensions
            if not isinstance(extension, PlaybookExtension)
        ]
        config.markdown_extensions.append(
            PlaybookExtension(
                checklists=self.checklists,
                page=self.page,
                messages=self.messages,
                namespace=namespace,
                strings=self.config.strings,
            )
        )
        _add_once(config.extra_css, [f"{SITE_ASSETS}/{name}" for name in STYLESHEETS])
        _add_once(config.extra_javascript, [f"{SITE_ASSETS}/{name}" for name in SCRIPTS])
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        try:
            playbook = load_playbook(
                self.checklists_dir, Path(config.docs_dir), self.project_root, self.messages
            )
        except SourceErrors as errors:
            raise PluginError(str(errors)) from None
        for warning in playbook.warnings:
            log.warning(str(warning))
        self.checklists.clear()
        self.checklists.update(playbook.checklists)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        generated = {
            checklist_page_path(checklist.id): checklist_page(checklist, self.strings)
            for checklist in self.checklists.values()
        }
        if self.checklists:
            generated[OVERVIEW_PATH] = overview_page(self.checklists, self.strings)
            generated[EVENT_KIT_PATH] = event_kit_page(self.checklists, self.strings)
        for path, content in generated.items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=content))
            else:
                log.info("%s is written by hand in docs/, so the playbook leaves it alone", path)
        for name in (*SCRIPTS, *STYLESHEETS):
            files.append(
                File.generated(config, f"{SITE_ASSETS}/{name}", abs_src_path=str(ASSETS / name))
            )
        self.files = files
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        self.page.page_key = page.file.src_uri.removesuffix(".md")
        self.page.source_path = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        self.page.checklist_href = lambda checklist_id: self._url(
            checklist_page_path(checklist_id), page
        )
        self.page.resolve_link = lambda link: self._link(link, page)
        return None

    def _url(self, src_path: str, page: Page) -> str | None:
        target = self.files.get_file_from_path(src_path) if self.files else None
        return target.url_relative_to(page.file) if target is not None else None

    def _link(self, link: str, page: Page) -> str:
        """An advice link to a page of this site, from this page; empty if the site lacks it."""
        if "://" in link or link.startswith("mailto:"):
            return link
        path, hash_mark, anchor = link.partition("#")
        url = self._url(path, page)
        return f"{url}{hash_mark}{anchor}" if url is not None else ""

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.config.enabled and self.checklists_dir.is_dir():
            server.watch(str(self.checklists_dir))
        return server


def _add_once(entries: list[Any], paths: list[str]) -> None:
    present = {str(entry) for entry in entries}
    entries.extend(path for path in paths if path not in present)
