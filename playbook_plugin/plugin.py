"""The MkDocs plugin ``playbook``: wires MkDocs events to the playbook model and renderers."""

from __future__ import annotations

import importlib.util
import json
import logging
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING, Any, Literal

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime, get_relative_url
from mkdocs.utils.meta import get_data as get_markdown_meta

from playbook_plugin.config import PlaybookConfig, message_settings
from playbook_plugin.contract import FEATURES, default_namespace, legacy_page_key, page_key
from playbook_plugin.i18n.catalogues import has_catalogue
from playbook_plugin.markdown_ext import PageState, PlaybookExtension
from playbook_plugin.mkdocs_host.jinja_shield import Shield, renders_pages_as_jinja
from playbook_plugin.mkdocs_host.offline import IFRAME_WORKER_SHIM, localise_polyfills
from playbook_plugin.mkdocs_host.site_assets import asset_files
from playbook_plugin.mkdocs_host.staged_site import StagedSite, strict_warnings_logged
from playbook_plugin.mkdocs_host.static_i18n import (
    AFTER_STATIC_I18N,
    list_in_sitemap,
    static_i18n_languages,
)
from playbook_plugin.mkdocs_host.theme_fixes import name_search_dialog
from playbook_plugin.mkdocs_host.third_party import foreign_loads, how_to_fix
from playbook_plugin.printing.print_address import check_site_url
from playbook_plugin.printing.print_html import (
    CHECKLIST_PDF,
    EVENT_KIT_PDF,
    PLAYBOOK_PDF,
    PageKind,
    PrintSite,
    decorate_page,
)
from playbook_plugin.render.feature_styles import feature_stylesheets, link_feature_stylesheets
from playbook_plugin.render.pages import (
    CHECKLISTS_FOLDER,
    EVENT_KIT_PATH,
    OVERVIEW_PATH,
    PEOPLE_PATH,
    checklist_page,
    checklist_page_path,
    event_kit_page,
    overview_page,
    people_page,
)
from playbook_plugin.render.strings import merge_strings
from playbook_plugin.render.task_ids import PageIds
from playbook_plugin.render.tasklists import wants_tasklists
from playbook_plugin.site_app.icon_cache import ICON_CACHE_DIR
from playbook_plugin.site_app.offline_app import (
    AppSettings,
    head_links,
    retire_offline_app,
    write_offline_app,
)
from playbook_plugin.sources.checklists import Checklist
from playbook_plugin.sources.errors import SourceErrors
from playbook_plugin.sources.messages import MessageTemplate
from playbook_plugin.sources.playbook import load_playbook
from playbook_plugin.sources.source_cache import SourceCache
from playbook_plugin.sources.source_files import is_prepared

if TYPE_CHECKING:  # only `mkdocs serve` and builds that make PDFs load these
    from mkdocs.livereload import LiveReloadServer

    from playbook_plugin.printing.pdf_html import PdfJob, PdfPage, PdfSite

log = get_plugin_logger(__name__)
_MISSING_ANCHOR = "No anchor #"

ASSETS = Path(__file__).parent / "assets"
CORE_SCRIPT = "javascripts/core.js"
"""The one script every page loads; it loads each feature's script where a page needs it."""
FEATURE_SCRIPTS = tuple(f"javascripts/{feature['script']}" for feature in FEATURES.values())
SCRIPTS = (CORE_SCRIPT, *FEATURE_SCRIPTS)
"""Every script a page may load (benchmarks/page_weight.py weighs them)."""
GLOBAL_STYLESHEET = "stylesheets/playbook.css"
"""Checklists, actions and notices: every page may have them."""
STYLESHEETS = (GLOBAL_STYLESHEET, *(path for _, path in feature_stylesheets().values()))
"""Every stylesheet a page may load; a feature's own only where the page has its widgets."""
SITE_ASSETS = "assets/playbook"
QR_ENCODER = "vendor/qrcode-generator.js"
"""The People log's QR encoder, loaded only when a reader asks to send their data to a phone."""
GENERATED_PAGES_DIR = ".cache/playbook/pages"
"""Where the pages the plugin makes are written, from the folder of mkdocs.yml."""


class PlaybookPlugin(BasePlugin[PlaybookConfig]):  # type: ignore[no-untyped-call]
    command: str = "build"
    """The mkdocs command running; ``build`` when MkDocs is driven from Python."""

    dirty: bool = False
    source_cache: SourceCache | None = None
    """Kept across ``mkdocs serve`` rebuilds: sources an earlier build checked are not
    parsed or checked again while their text and the settings stay the same."""

    told_before_build: bool = False
    """``on_startup`` came just before this build: ``dirty`` is known, not guessed."""

    builds_inside: int = 0
    """Builds started inside the current one (static-i18n's further languages) not yet done."""

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        self.told_before_build = True

    @event_priority(AFTER_STATIC_I18N)  # once static-i18n has set this build's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.languages = static_i18n_languages(config)
        self.make_pdfs = self._pdfs_wanted()
        self.kinds: dict[str, tuple[PageKind, str]] = {}
        self.print_site: PrintSite | None = None
        self.nav: Navigation | None = None
        self.pdf_pages: dict[str, PdfPage] = {}
        self.project_root = Path(config.config_file_path or ".").resolve().parent
        self.checklists_dir = self.project_root / self.config.checklists_dir
        language = self.languages.current if self.languages else _theme_language(config)
        self.language = language
        self.strings = merge_strings(self.config.strings, language)
        if not has_catalogue(language):
            log.info(
                "the reader-facing strings have no translation for the language `%s` yet, so "
                "they are in English; translate them one by one with `strings:`",
                language,
            )
        self.messages = message_settings(self.config, language=language)
        self.checklists: dict[str, Checklist] = {}
        self.templates: dict[str, MessageTemplate] = {}
        self.page = PageState()
        self.files: Files | None = None
        self.theme_checked = False
        self.shield = Shield()
        self._stage(config)
        self.offline_app = self._offline_app_wanted(config)
        self.told_before_build = False  # a later build from Python is not told
        namespace = self.config.namespace or default_namespace(config.site_name)
        # A site built with Zensical too lists the extension itself: the plugin brings its own.
        config.markdown_extensions = [
            extension
            for extension in config.markdown_extensions
            if not isinstance(extension, PlaybookExtension) and extension != "playbook"
        ]
        config.mdx_configs.pop("playbook", None)
        config.markdown_extensions.append(  # MkDocs takes an Extension too; typed for names
            PlaybookExtension(  # type: ignore[arg-type]
                checklists=self.checklists,
                page=self.page,
                messages=self.messages,
                templates=self.templates,
                namespace=namespace,
                strings=self.config.strings,
                cadence=self.config.follow_up,
                people_url=_site_url_of(PEOPLE_PATH, config.use_directory_urls),
                language=language,
            )
        )
        _add_once(config.extra_css, [f"{SITE_ASSETS}/{GLOBAL_STYLESHEET}"])
        _add_once(config.extra_javascript, [f"{SITE_ASSETS}/{CORE_SCRIPT}"])
        return config

    def _pdfs_wanted(self) -> bool:
        """PDFs on ``pdf: true``, or by default on build; never without WeasyPrint installed."""
        asked = self.config.pdf
        wanted = asked if asked is not None else self.command != "serve"
        if wanted and importlib.util.find_spec("weasyprint") is None:
            install = "pip install 'networking-playbook[pdf]'"
            if asked:
                raise PluginError(f"playbook: `pdf: true` needs WeasyPrint: {install}")
            log.info("PDF downloads left out: WeasyPrint is not installed (%s)", install)
            return False
        return wanted

    def _offline_app_wanted(self, config: MkDocsConfig) -> bool:
        """Not under serve (no stale previews), nor in a copy made to be opened from the disk,
        where service workers do not run."""
        if not self.config.offline_app or self.command == "serve":
            return False
        for name in ("material/offline", "offline"):
            offline = config.plugins.get(name)
            if offline is not None and getattr(offline, "config", {}).get("enabled", True):
                return False
        return True

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        if self.source_cache is None:
            self.source_cache = SourceCache()
        self.source_cache.start_build(self._checks_depend_on(config))
        try:
            playbook = load_playbook(
                self.checklists_dir,
                Path(config.docs_dir),
                self.project_root,
                self.messages,
                render_tasks=lambda text, display: self._render_tasks(text, display, config),
                cache=self.source_cache,
                languages=self.languages,
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
        for lang, check_ids in sorted(playbook.checks_without_words.items()):
            log.info(
                "advice checks %s have no word list for the language `%s`, so they do not run "
                "on its message templates; add one under `checks:` with `lang: %s`",
                ", ".join(sorted(check_ids)),
                lang,
                lang,
            )
        self.checklists.clear()
        self.checklists.update(playbook.checklists)
        self.templates.clear()
        self.templates.update(playbook.templates_by_source)

    def _checks_depend_on(self, config: MkDocsConfig) -> str:
        """Beside a source's text, what checking it depends on: the plugin's options, the
        site's language and its Markdown extensions (task ids are found as they render)."""
        extensions = [
            entry if isinstance(entry, str) else type(entry).__name__
            for entry in config.markdown_extensions
        ]
        return json.dumps(
            [dict(self.config), config.theme.get("language"), extensions, config.mdx_configs],
            sort_keys=True,
            default=repr,
        )

    def _render_tasks(self, text: str, display: str, config: MkDocsConfig) -> PageIds | None:
        """The page's task ids, rendered with the site's own extensions, as the build will."""
        body, meta = get_markdown_meta(text)
        if not wants_tasklists(meta):
            return None
        self.page.page_key = ""
        self.page.source_path = display
        self.page.tasklists = True
        self.page.checking = True
        self.page.task_ids = None
        try:
            converter = markdown.Markdown(
                extensions=config.markdown_extensions, extension_configs=config.mdx_configs
            )
            converter.convert(body)
        finally:
            self.page.checking = False
        return self.page.task_ids

    @event_priority(AFTER_STATIC_I18N)  # static-i18n keeps only files from docs_dir
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
            people_href = get_relative_url(
                _site_url_of(PEOPLE_PATH, config.use_directory_urls),
                _site_url_of(EVENT_KIT_PATH, config.use_directory_urls),
            )
            kit = event_kit_page(self.checklists, self.strings, people_href)
            generated[EVENT_KIT_PATH] = (kit, "event-kit", "")
        pages_dir = (
            self.project_root
            / GENERATED_PAGES_DIR
            / (self.languages.current if self.languages else "site")
        )
        for prepared in [
            file
            for file in files.documentation_pages()
            if (file.src_uri.startswith(f"{CHECKLISTS_FOLDER}/") or file.src_uri == PEOPLE_PATH)
            and file.abs_src_path
            and is_prepared(Path(file.abs_src_path))
        ]:
            files.remove(prepared)  # written for Zensical: the plugin makes its own
        generated[PEOPLE_PATH] = (people_page(self.strings), "other", "")
        added = []
        for path, (content, kind, checklist_id) in generated.items():
            if files.get_file_from_path(path) is None:
                added.append(self._generated_page(pages_dir, path, content, config))
                files.append(added[-1])
                self.kinds[path] = (kind, checklist_id)
            else:
                log.info("%s is written by hand in docs/, so the playbook leaves it alone", path)
        if self.languages:
            list_in_sitemap(config, added)
        assets = [*SCRIPTS, *STYLESHEETS, QR_ENCODER]
        polyfills, needs_shim = localise_polyfills(
            config.extra.get("polyfills") or [], f"{SITE_ASSETS}/{IFRAME_WORKER_SHIM}"
        )
        if needs_shim:
            config.extra["polyfills"] = polyfills
            assets.append(IFRAME_WORKER_SHIM)
        for prepared_asset in assets:
            _drop_copied_asset(files, f"{SITE_ASSETS}/{prepared_asset}")
        for file in asset_files(
            config, ASSETS, assets, SITE_ASSETS, minify=self.command != "serve"
        ):
            files.append(file)
        self.files = files
        address = check_site_url(config.site_url)
        prints_address = bool(self.checklists) or self.make_pdfs
        if address.problem and prints_address and self.command != "serve":
            # The preview address is what the default playbook builds with: an INFO keeps
            # `make site --strict` passing; any other address that cannot work is a warning.
            (log.info if address.problem == "loopback" else log.warning)(address.message())
        self.print_site = PrintSite(
            strings=self.strings,
            site_url=address.printable,
            pdfs=self.make_pdfs,
            url_of=lambda path: file.url if (file := files.get_file_from_path(path)) else None,
            relative_url=get_relative_url,
            event_kit=EVENT_KIT_PATH in self.kinds,
            documents=frozenset(self.config.pdf_documents),
            downloads_folder=self._language_folder(),
        )
        return files

    def _language_folder(self) -> str:
        """Where this build's pages and PDFs go: ``fr/`` in a static-i18n French build."""
        return self.languages.folder if self.languages else ""

    def _generated_page(
        self, pages_dir: Path, path: str, content: str, config: MkDocsConfig
    ) -> File:
        """A page the plugin makes, written to a build folder so that it has a source file,
        as plugins that read ``abs_src_path`` expect (static-i18n, git dates…)."""
        source = pages_dir / path
        source.parent.mkdir(parents=True, exist_ok=True)
        if not source.is_file() or source.read_text(encoding="utf-8") != content:
            source.write_text(content, encoding="utf-8")
        page = File(path, str(pages_dir), config.site_dir, config.use_directory_urls)
        page.generated_by = "playbook"
        folder = self._language_folder()
        if folder:
            page.dest_uri = folder + page.dest_uri
        return page

    @event_priority(100)  # first: before a plugin that renders pages as Jinja (macros)
    def _cover_own_syntax(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or not renders_pages_as_jinja(config.plugins):
            return None
        self.shield = Shield()
        return self.shield.cover(markdown)

    @event_priority(-100)  # last: once every other plugin has seen the page
    def _uncover_own_syntax(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        shield, self.shield = self.shield, Shield()
        return shield.uncover(markdown)

    def _set_up_page(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        # static-i18n's language-neutral path: a page's translations share its ticks.
        source = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
        self.page.page_key = page_key(source)
        self.page.legacy_page_key = legacy_page_key(source)
        self.page.tasklists = wants_tasklists(page.meta)
        self.page.source_path = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        self.page.checklist_href = lambda checklist_id: self._url(
            checklist_page_path(checklist_id), page
        )
        self.page.resolve_link = lambda link: self._link(link, page)
        self.page.people_href = self._url(PEOPLE_PATH, page) or ""
        return None

    on_page_markdown = CombinedEvent(_cover_own_syntax, _set_up_page, _uncover_own_syntax)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.print_site is None:
            return None
        # static-i18n gives each language its own home page (``fr/``) in the navigation.
        is_home = page.is_homepage or (self.nav is not None and page is self.nav.homepage)
        default: tuple[PageKind, str] = ("home" if is_home else "other", "")
        kind, checklist_id = self.kinds.get(page.file.src_uri, default)
        html = decorate_page(
            html, kind=kind, page_url=page.url, site=self.print_site, checklist_id=checklist_id
        )
        if self.make_pdfs:
            from playbook_plugin.printing.pdf_html import PdfPage

            self.pdf_pages[page.file.src_uri] = PdfPage(page.url, page.title or "", html)
        return html

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        if not self.theme_checked:
            self.theme_checked = True
            self._warn_foreign_loads(output.replace(page.content or "", ""), config)
        output = link_feature_stylesheets(
            output, lambda path: get_relative_url(f"{SITE_ASSETS}/{path}", page.url)
        )
        if self.offline_app and page.file.src_uri != "404.md" and "</head>" in output:
            root = get_relative_url("x", page.url).removesuffix("x")
            output = output.replace("</head>", f"{head_links(root, self.strings)}</head>", 1)
        return name_search_dialog(output)

    def _warn_foreign_loads(self, page_frame: str, config: MkDocsConfig) -> None:
        """Once a build: the theme or an extra asset fetches from another host."""
        for url in foreign_loads(page_frame, config.site_url or ""):
            log.warning(
                "the theme or an extra asset loads %s from another host, so readers' pages "
                "are no longer private: %s",
                url,
                how_to_fix(url),
            )

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        return name_search_dialog(output_content) if self.config.enabled else None

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        self.nav = nav
        return None

    def _stage(self, config: MkDocsConfig) -> None:
        """Build beside site/ (see staged_site.py); not for serve, nor --dirty builds.

        A build started inside this one (static-i18n builds each further language from its
        ``on_post_build``) writes into the same staged site, which the first build publishes.
        """
        staged: StagedSite | None = getattr(self, "staged", None)
        if staged is not None and Path(config.site_dir) == staged.staging_dir:
            self.builds_inside += 1
            return
        self.builds_inside = 0
        self.staged = None
        site_dir = Path(config.site_dir)
        if self.command == "serve" or self.dirty or not site_dir.name:
            return
        self.staged = StagedSite(site_dir)
        # A build driven from Python may be --dirty without saying so: start it from the
        # previous site. One the command line started is known to be clean.
        self.staged.prepare(from_previous=not self.told_before_build)
        config.site_dir = str(self.staged.staging_dir)

    @event_priority(-105)  # once every plugin (static-i18n's builds too) has written its files
    def _write_offline_app(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        site_dir = Path(config.site_dir)
        if not self.offline_app:
            retire_offline_app(site_dir)
            return
        icon = self.config.app_icon
        app = write_offline_app(
            site_dir,
            AppSettings(
                name=config.site_name,
                description=config.site_description or "",
                language=config.theme.get("language") or "en",
                short_name=self.config.app_short_name,
                icon=Path(config.docs_dir) / icon if icon else None,
                pdfs=self.config.offline_pdfs,
            ),
            icon_cache=self.project_root / ICON_CACHE_DIR,
        )
        log.info(
            "offline copy %s: %d files, %.1f MB, kept by playbook-sw.js after a first visit",
            app.version,
            len(app.files),
            app.bytes / 1e6,
        )

    @event_priority(-110)  # last: after every plugin (static-i18n's builds too) has written
    def _publish_site(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.staged is None:
            return
        if self.builds_inside:
            self.builds_inside -= 1
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
        from playbook_plugin.printing.pdf import write_pdfs  # WeasyPrint only when needed

        unrendered = [
            page.file.src_uri
            for page in (self.nav.pages if self.nav else [])
            if page.file.src_uri not in self.pdf_pages
        ]
        if unrendered:  # a --dirty build renders only the pages that changed
            log.info("PDFs not updated: %d pages were not rendered in this build", len(unrendered))
            return
        started = perf_counter()
        jobs = self.pdf_jobs()
        cache_dir = self.project_root / self.config.pdf_cache_dir
        try:
            rendered = write_pdfs(
                self.pdf_site(config),
                jobs,
                cache_dir=cache_dir,
                workers=self.config.pdf_concurrency,
            )
        except Exception as error:  # WeasyPrint's own errors: stop the build, say where
            raise PluginError(f"playbook: could not write the PDFs: {error}") from error
        anchors = config.validation.links.anchors
        for pdf in rendered:
            for warning in pdf.warnings:
                # MkDocs reports a missing anchor at its own level (INFO unless asked for).
                level = anchors if _MISSING_ANCHOR in warning else logging.WARNING
                log.log(level, "PDF %s", warning)
            for note in pdf.notes:
                log.info("PDF %s", note)
            log.info(
                "%s %s: %d %s, %d KB, in %.2f s",
                "Kept unchanged" if pdf.reused else "Wrote",
                pdf.path,
                pdf.pages,
                "page" if pdf.pages == 1 else "pages",
                round(pdf.size / 1024),
                pdf.seconds,
            )
        log.info("PDF stage: %d PDFs in %.2f s", len(rendered), perf_counter() - started)

    def pdf_jobs(self) -> list[PdfJob]:
        """The PDFs this site builds, as the PDF renderer takes them."""
        from playbook_plugin.printing.pdf_html import PdfJob

        wanted = set(self.config.pdf_documents)
        jobs: list[PdfJob] = []
        pages = self.nav_pdf_pages()
        folder = self._language_folder()
        if "playbook" in wanted and pages:
            jobs.append(PdfJob(folder + PLAYBOOK_PDF, "playbook", tuple(pages)))
        for path, (kind, checklist_id) in self.kinds.items():
            page = self.pdf_pages.get(path)
            if page is None:
                continue
            if kind == "checklist" and "checklists" in wanted:
                checklist = self.checklists[checklist_id]
                jobs.append(
                    PdfJob(
                        folder + CHECKLIST_PDF.format(id=checklist_id),
                        "checklist",
                        (page,),
                        checklist_id=checklist_id,
                        source=checklist.path,
                        items=checklist.item_count,
                    )
                )
            elif kind == "event-kit" and "event-kit" in wanted:
                jobs.append(PdfJob(folder + EVENT_KIT_PDF, "kit", (page,)))
        return jobs

    on_post_build = CombinedEvent(_write_pdfs, _write_offline_app, _publish_site)

    def pdf_site(self, config: MkDocsConfig) -> PdfSite:
        """What the PDFs need to know about the site (also used by benchmarks/pdf_render.py)."""
        from playbook_plugin.printing.pdf_html import PdfSite

        return PdfSite(
            name=config.site_name,
            description=config.site_description or "",
            site_url=check_site_url(config.site_url).printable,
            language=self.language,
            strings=self.strings,
            site_dir=Path(config.site_dir),
            build_date=get_build_datetime().date().isoformat(),
            page_size=self.config.pdf_page_size,
        )

    def nav_pdf_pages(self) -> list[PdfPage]:
        """The pages of the last build, in navigation order, as the playbook PDF takes them."""
        from playbook_plugin.printing.pdf import nav_pages

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


def _site_url_of(src_path: str, use_directory_urls: bool) -> str:
    """A page's URL from the site root, as MkDocs gives it (``people.md`` → ``people/``)."""
    stem = src_path.removesuffix(".md")
    if not use_directory_urls:
        return f"{stem}.html"
    return "" if stem == "index" else f"{stem.removesuffix('/index')}/"


def _relative(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def _drop_copied_asset(files: Files, path: str) -> None:
    """Leave out an asset ``playbook prepare`` copied into docs/ for Zensical: the plugin
    ships its own."""
    existing = files.get_file_from_path(path)
    if existing is not None:
        files.remove(existing)


def _theme_language(config: MkDocsConfig) -> str:
    """Material's ``theme.language``, or the ``locale`` of the themes MkDocs ships."""
    return str(config.theme.get("language") or config.theme.get("locale") or "en")


def _add_once(entries: list[Any], paths: list[str]) -> None:
    present = {str(entry) for entry in entries}
    entries.extend(path for path in paths if path not in present)
