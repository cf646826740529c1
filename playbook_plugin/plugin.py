"""The MkDocs plugin ``playbook``: wires MkDocs events to the playbook model and renderers."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from playbook_plugin.checklists import Checklist
from playbook_plugin.config import PlaybookConfig, message_settings
from playbook_plugin.errors import SourceErrors
from playbook_plugin.markdown_ext import PageState, PlaybookExtension
from playbook_plugin.messages import MessageTemplate
from playbook_plugin.offline import IFRAME_WORKER_SHIM, localise_polyfills
from playbook_plugin.pages import (
    EVENT_KIT_PATH,
    OVERVIEW_PATH,
    checklist_page,
    checklist_page_path,
    event_kit_page,
    overview_page,
)
from playbook_plugin.pdf_html import PdfPage, PdfSite
from playbook_plugin.print_html import (
    CHECKLIST_PDF,
    EVENT_KIT_PDF,
    PageKind,
    PrintSite,
    decorate_page,
)
from playbook_plugin.slugs import slugify
from playbook_plugin.sources import load_playbook
from playbook_plugin.staged_site import StagedSite, build_writes_in_place, strict_warnings_logged
from playbook_plugin.strings import merge_strings
from playbook_plugin.theme_fixes import name_search_dialog

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
SCRIPTS = ("javascripts/playbook.js", "javascripts/playbook-messages.js")
STYLESHEETS = ("stylesheets/playbook.css", "stylesheets/playbook-messages.css")
SITE_ASSETS = "assets/playbook"


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    command: str = "build"
    """The mkdocs command running; ``build`` when MkDocs is driven from Python."""

    dirty: bool = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        pdf = self.config.pdf
        self.make_pdfs = pdf if pdf is not None else self.command != "serve"
        self.kinds: dict[str, tuple[PageKind, str]] = {}
        self.print_site: PrintSite | None = None
        self.nav: Navigation | None = None
        self.pdf_pages: dict[str, PdfPage] = {}
        self.project_root = Path(config.config_file_path or ".").resolve().parent
        self.checklists_dir = self.project_root / self.config.checklists_dir
        self.strings = merge_strings(self.config.strings)
        self.messages = message_settings(self.config)
        self.checklists: dict[str, Checklist] = {}
        self.templates: dict[str, MessageTemplate] = {}
        self.page = PageState()
        self.files: Files | None = None
        self.staged = self._stage(config)
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
                templates=self.templates,
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
        if config.strict and playbook.warnings:
            # Raised here, before MkDocs empties site/, rather than counted at the end.
            raise PluginError(
                "\n".join(str(warning) for warning in playbook.warnings)
                + "\n(--strict makes these warnings stop the build)"
            )
        for warning in playbook.warnings:
            log.warning(str(warning))
        self.checklists.clear()
        self.checklists.update(playbook.checklists)
        self.templates.clear()
        self.templates.update(playbook.templates_by_source)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        generated: dict[str, tuple[str, PageKind, str]] = {
            checklist_page_path(checklist.id): (
                checklist_page(checklist, self.strings),
                "checklist",
                checklist.id,
            )
            for checklist in self.checklists.values()
        }
        if self.checklists:
            overview = overview_page(self.checklists, self.strings)
            generated[OVERVIEW_PATH] = (overview, "overview", "")
            kit = event_kit_page(self.checklists, self.strings)
            generated[EVENT_KIT_PATH] = (kit, "event-kit", "")
        for path, (content, kind, checklist_id) in generated.items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=content))
                self.kinds[path] = (kind, checklist_id)
            else:
                log.info("%s is written by hand in docs/, so the playbook leaves it alone", path)
        assets = [*SCRIPTS, *STYLESHEETS]
        polyfills, needs_shim = localise_polyfills(
            config.extra.get("polyfills") or [], f"{SITE_ASSETS}/{IFRAME_WORKER_SHIM}"
        )
        if needs_shim:
            config.extra["polyfills"] = polyfills
            assets.append(IFRAME_WORKER_SHIM)
        for name in assets:
            files.append(
                File.generated(config, f"{SITE_ASSETS}/{name}", abs_src_path=str(ASSETS / name))
            )
        self.files = files
        self.print_site = PrintSite(
            strings=self.strings,
            site_url=config.site_url or "",
            pdfs=self.make_pdfs,
            url_of=lambda path: file.url if (file := files.get_file_from_path(path)) else None,
            event_kit=EVENT_KIT_PATH in self.kinds,
        )
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

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.print_site is None:
            return None
        default: tuple[PageKind, str] = ("home" if page.is_homepage else "other", "")
        kind, checklist_id = self.kinds.get(page.file.src_uri, default)
        html = decorate_page(
            html, kind=kind, page_url=page.url, site=self.print_site, checklist_id=checklist_id
        )
        if self.make_pdfs:
            self.pdf_pages[page.file.src_uri] = PdfPage(page.url, page.title or "", html)
        return html

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return name_search_dialog(output) if self.config.enabled else None

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        return name_search_dialog(output_content) if self.config.enabled else None

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        self.nav = nav
        return None

    def _stage(self, config: MkDocsConfig) -> StagedSite | None:
        """Build beside site/ (see staged_site.py); not for serve, nor --dirty builds."""
        site_dir = Path(config.site_dir)
        if self.command == "serve" or self.dirty or build_writes_in_place() or not site_dir.name:
            return None
        staged = StagedSite(site_dir)
        config.site_dir = str(staged.staging_dir)
        return staged

    @event_priority(-100)  # last: after every plugin has written to the new site
    def _publish_site(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.staged is None:
            return
        config.site_dir = str(self.staged.site_dir)
        if strict_warnings_logged():
            self.staged.discard()
            log.info("--strict: the build stops on its warnings; site/ is left as it was")
            return
        self.staged.publish()

    def on_build_error(self, *, error: Exception) -> None:
        staged = getattr(self, "staged", None)
        if self.config.enabled and staged is not None:
            staged.discard()

    def _write_pdfs(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or not self.make_pdfs:
            return
        from playbook_plugin.pdf import write_pdfs  # WeasyPrint only when needed

        unrendered = [
            page.file.src_uri
            for page in (self.nav.pages if self.nav else [])
            if page.file.src_uri not in self.pdf_pages
        ]
        if unrendered:  # a --dirty build renders only the pages that changed
            log.info("PDFs not updated: %d pages were not rendered in this build", len(unrendered))
            return
        site = self.pdf_site(config)
        sheets = [
            (
                self.pdf_pages[path],
                CHECKLIST_PDF.format(id=checklist_id) if kind == "checklist" else EVENT_KIT_PDF,
                "checklist" if kind == "checklist" else "kit",
            )
            for path, (kind, checklist_id) in self.kinds.items()
            if kind in ("checklist", "event-kit") and path in self.pdf_pages
        ]
        pages = self.nav_pdf_pages()
        try:
            rendered, warnings = write_pdfs(site, pages, sheets)
        except Exception as error:  # WeasyPrint's own errors: stop the build, say where
            raise PluginError(f"playbook: could not write the PDFs: {error}") from error
        for warning in warnings:
            log.warning("PDF %s", warning)
        for pdf in rendered:
            log.info(
                "Wrote %s: %d %s, %d KB, in %.2f s",
                pdf.path,
                pdf.pages,
                "page" if pdf.pages == 1 else "pages",
                round(pdf.size / 1024),
                pdf.seconds,
            )

    on_post_build = CombinedEvent(_write_pdfs, _publish_site)

    def pdf_site(self, config: MkDocsConfig) -> PdfSite:
        """What the PDFs need to know about the site (also used by benchmarks/pdf_render.py)."""
        return PdfSite(
            name=config.site_name,
            description=config.site_description or "",
            site_url=config.site_url or "",
            language=config.theme.get("language") or "en",
            strings=self.strings,
            site_dir=Path(config.site_dir),
            build_date=get_build_datetime().date().isoformat(),
            page_size=self.config.pdf_page_size,
        )

    def nav_pdf_pages(self) -> list[PdfPage]:
        """The pages of the last build, in navigation order, as the playbook PDF takes them."""
        from playbook_plugin.pdf import nav_pages

        return nav_pages(self.nav.items if self.nav else [], self.pdf_pages)

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
