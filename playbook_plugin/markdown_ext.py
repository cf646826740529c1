"""The Markdown layer: ``checklist`` fences and interactive task lists.

It stands alone: ``markdown.Markdown(extensions=["playbook"])`` works, and so does any tool
that runs Python-Markdown extensions (Zensical). The MkDocs plugin passes it the already
validated checklists and, page by page, the page key and links.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from mkdocs.utils import get_relative_url
from pymdownx.superfences import SuperFencesCodeExtension, SuperFencesException

from playbook_plugin.contract import ATTRIBUTES, default_namespace, legacy_page_key, page_key
from playbook_plugin.prepare import SITE_ASSETS
from playbook_plugin.printing.print_address import check_site_url
from playbook_plugin.printing.print_html import PrintSite, decorate_page
from playbook_plugin.render.checklist_html import progress_line, render_checklist
from playbook_plugin.render.feature_styles import stylesheet_hrefs, stylesheet_link
from playbook_plugin.render.message_html import applicable_checks, render_message_html
from playbook_plugin.render.page_data import PAGE_MARKER, page_data_block
from playbook_plugin.render.pages import EVENT_KIT_PATH, checklist_page_path, page_kind
from playbook_plugin.render.people_html import render_people, render_people_due
from playbook_plugin.render.strings import merge_strings
from playbook_plugin.render.task_ids import PageIds
from playbook_plugin.render.tasklists import TaskListTreeprocessor, wants_tasklists
from playbook_plugin.rules.cadence import Cadence, read_cadence
from playbook_plugin.sources.checklists import Checklist, load_checklists
from playbook_plugin.sources.errors import SourceError, SourceErrors
from playbook_plugin.sources.messages import (
    MessageSettings,
    MessageTemplate,
    build_settings,
    parse_message,
)
from playbook_plugin.sources.playbook import checked_playbook
from playbook_plugin.zensical_host import HostSite, link_from, page_url, zensical_context

log = logging.getLogger("mkdocs.plugins.playbook")

CONFIG_FILES = ("mkdocs.yml", "mkdocs.yaml", "zensical.toml")
"""Where Zensical finds a site's configuration by default, in the order it looks."""
SHARED_OPTIONS: dict[str, object] = {
    "checklists_dir": "checklists",
    "namespace": "",
    "strings": {},
    "channels": {},
    "checks": [],
    "linkedin_premium": False,
}
"""The extension's options the plugin has too, with their defaults."""

WIDGETS = {
    name: ATTRIBUTES[name]
    for name in ("checklist", "message", "data_panel", "summary", "people", "person_picker")
}
WIDGET_MARKERS = tuple(WIDGETS.values())
PEOPLE_MARKERS = tuple(ATTRIBUTES[name] for name in ("message", "people", "person_picker"))
"""Widgets that need the follow-up cadence and the People page's address."""


@dataclass
class PageState:
    """What the extension knows about the page being rendered; the plugin keeps it current."""

    page_key: str = ""
    legacy_page_key: str = ""
    """The key earlier releases gave this page's task lists, whose ticks the browser adopts."""
    source_path: str = "<page>"
    checklist_href: Callable[[str], str | None] = field(default=lambda _checklist_id: None)
    resolve_link: Callable[[str], str] = field(default=lambda link: link)
    """Turns a docs path like ``after-you-meet.md#follow-up`` into a URL from this page."""
    people_href: str = ""
    """The People page's URL from this page (empty: the script finds it from the site root)."""
    tasklists: bool = True
    """False when the page's front matter says ``playbook: {tasklists: false}``."""
    checking: bool = False
    """True while the build checks a page's task ids before writing: fences render empty
    (they are checked on their own) and problems are reported by the check, not logged."""
    task_ids: PageIds | None = None
    """The ids of the page's task items, once it is rendered; what the build checks."""


class _PageRender:
    """Per-conversion state: numbering widgets so every input id on a page is unique, and the
    advice checks the page's generators use (written once, in the page's data block)."""

    def __init__(self) -> None:
        self.widgets = 0
        self.checks: dict[str, dict[str, Any]] = {}
        self.tree_done = False
        """True once the whole page is rendered: postprocessors then see the page itself, not
        a heading that ``toc`` runs through them."""

    def reset(self) -> None:
        self.widgets = 0
        self.checks = {}
        self.tree_done = False

    def next_widget_number(self) -> int:
        self.widgets += 1
        return self.widgets


class PlaybookExtension(Extension):
    def __init__(
        self,
        *,
        checklists: Mapping[str, Checklist] | None = None,
        page: PageState | None = None,
        messages: MessageSettings | None = None,
        templates: Mapping[str, MessageTemplate] | None = None,
        cadence: Cadence | None = None,
        **kwargs: Any,
    ) -> None:
        self.config = {
            "checklists_dir": ["checklists", "Folder of checklist files (<id>.md)"],
            "namespace": ["", "Prefix for the reader's data; empty: a slug of site_name"],
            "site_name": ["", "The site's name, which the namespace defaults to a slug of"],
            "strings": [{}, "Overrides for the reader-facing strings"],
            "page_key": ["", "Key of this page's task lists; empty: from the page's URL"],
            "channels": [{}, "Channels to add or override"],
            "checks": [[], "Advice checks to add, change or switch off"],
            "linkedin_premium": [False, "300-character LinkedIn invitations instead of 200"],
            "pdf": [
                True,
                "Under Zensical: link the PDF downloads, which `playbook pdf` writes after the "
                "build",
            ],
            "language": [
                "",
                "The site's language: of the reader-facing strings, of the templates and "
                "of the words in `checks`; empty: the host's (`theme.language`), else `en`",
            ],
            "follow_up": [{}, "The People log's follow-up cadence (as `follow_up` in mkdocs.yml)"],
            "people_url": ["people/", "The People page's URL from the site root"],
        }
        super().__init__(**kwargs)
        self._checklists = checklists
        self._messages = messages
        self._templates = templates if templates is not None else {}
        self._cadence = cadence
        self._driven_by_plugin = page is not None
        self.page = page or PageState(page_key=self.getConfig("page_key"))
        self.site: HostSite | None = None
        """The site Zensical builds, when it runs the extension (it runs no MkDocs plugin)."""

    @property
    def root(self) -> Path:
        """Where relative paths start: the configuration file's folder under Zensical."""
        return self.site.root_dir if self.site else Path.cwd()

    @property
    def checklists(self) -> Mapping[str, Checklist]:
        if self._checklists is None:
            directory = self.root / self.getConfig("checklists_dir")
            try:
                self._checklists = load_checklists(directory, self.root)
            except SourceErrors as errors:
                raise SuperFencesException(str(errors)) from None
        return self._checklists

    @property
    def namespace(self) -> str:
        """The same namespace the plugin gives the same site (``contract.default_namespace``)."""
        site_name = self.getConfig("site_name") or (self.site.site_name if self.site else "")
        return self.getConfig("namespace") or default_namespace(site_name)

    @property
    def language(self) -> str:
        return self.getConfig("language") or (self.site.language if self.site else "en")

    @property
    def strings(self) -> dict[str, str]:
        return merge_strings(self.getConfig("strings"), self.language)

    @property
    def messages(self) -> MessageSettings:
        if self._messages is None:
            try:
                self._messages = build_settings(
                    self.getConfig("channels"),
                    self.getConfig("checks"),
                    self.getConfig("linkedin_premium"),
                    self.getConfig("strings"),
                    language=self.language,
                )
            except ValueError as error:
                raise SuperFencesException(f"playbook extension settings: {error}") from None
        return self._messages

    @property
    def people(self) -> dict[str, Any]:
        """What people widgets and generators need in the page's data block."""
        if self._cadence is None:
            try:
                self._cadence = read_cadence(self.getConfig("follow_up") or None)
            except ValueError as error:
                raise SuperFencesException(f"playbook extension settings: {error}") from None
        return {"cadence": self._cadence.for_browser(), "people_url": self.getConfig("people_url")}

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        if not self._driven_by_plugin and (context := zensical_context(md)) is not None:
            self._adopt_zensical_site(context[0])
        render = _PageRender()
        strings = self.strings
        superfences = _superfences(md)
        _add_fence(
            superfences,
            "checklist",
            lambda **fence: self._format_checklist(fence, render, strings),
            _validate_checklist_options,
        )
        _add_fence(
            superfences,
            "message",
            lambda **fence: self._format_message(fence, render),
            lambda *_args: True,
        )
        _add_fence(
            superfences,
            "people",
            lambda **fence: self._format_people(fence, render, strings),
            _validate_people_options,
        )
        md.treeprocessors.register(
            TaskListTreeprocessor(
                md,
                page_key=lambda: _excerpt_source(md, page_key) or self.page.page_key,
                enabled=lambda: self.page.tasklists,
                legacy_key=lambda: (
                    _excerpt_source(md, legacy_page_key) or self.page.legacy_page_key
                ),
                strings=strings,
                report=self._task_ids,
            ),
            "playbook_tasklists",
            30,
        )
        md.preprocessors.register(_ResetPreprocessor(md, render), "playbook_reset", 1000)
        if self.site is not None:
            md.preprocessors.register(
                _ZensicalPagePreprocessor(md, self), "playbook_zensical_page", 1001
            )
            md.treeprocessors.register(_TreeDone(md, render), "playbook_tree_done", -100)
            md.postprocessors.register(
                _ZensicalPrintPostprocessor(md, self, render), "playbook_print", 4
            )
            md.postprocessors.register(
                _ZensicalStylesheetsPostprocessor(md, render), "playbook_stylesheets", 3
            )
        md.postprocessors.register(
            _PageDataPostprocessor(md, self.namespace, strings, render, lambda: self.people),
            "playbook_config",
            5,
        )

    def _adopt_zensical_site(self, site: HostSite) -> None:
        """Under Zensical: the whole playbook checked once per change, as the plugin does
        before a build (so two generators never share an id), read from the config's folder."""
        self.site = site
        self._adopt_plugin_options(site)
        try:
            playbook = checked_playbook(
                self.root / self.getConfig("checklists_dir"),
                site.docs_dir,
                site.root_dir,
                self.messages,
            )
        except SourceErrors as errors:
            raise SuperFencesException(str(errors)) from None
        self._checklists = playbook.checklists
        self._templates = playbook.templates_by_source

    def _adopt_plugin_options(self, site: HostSite) -> None:
        """The options under ``plugins: [playbook: …]``, which Zensical drops, for every one
        the extension's own entry leaves at its default: one configuration for both hosts."""
        from playbook_plugin.project import ProjectError, load_project

        config_file = next(
            (site.root_dir / name for name in CONFIG_FILES if (site.root_dir / name).is_file()),
            None,
        )
        if config_file is None:
            return
        try:
            options = load_project(config_file).options
        except ProjectError as error:
            raise SuperFencesException(str(error)) from None
        for key, default in SHARED_OPTIONS.items():
            if self.getConfig(key) == default:
                self.setConfig(key, options[key])
        if options["pdf"] is False:
            self.setConfig("pdf", False)
        self._messages = None

    def _task_ids(self, ids: PageIds) -> None:
        """Keep the page's ids for the build's check; say what a site without it would miss."""
        self.page.task_ids = ids
        if self.page.checking:
            return
        for problem in ids.problems:
            log.warning("%s: %s", self.page.source_path, problem.message)
        if ids.repeated:
            log.info(
                "%s: %d task items repeat another item's text in the same place; they are "
                "told apart by order (give them an `{#id}` to keep their ticks if you reorder)",
                self.page.source_path,
                ids.repeated,
            )

    def _format_checklist(
        self, fence: dict[str, Any], render: _PageRender, strings: Mapping[str, str]
    ) -> str:
        if self.page.checking:
            return ""
        checklist_id = fence["src"].strip()
        checklist = self.checklists.get(checklist_id)
        if checklist is None:
            known = ", ".join(sorted(self.checklists)) or "none yet"
            raise SuperFencesException(
                f"there is no checklist `{checklist_id}` (checklists: {known})"
            )
        if fence["options"].get("show") == "progress":
            return progress_line(checklist, strings, self.page.checklist_href(checklist_id))
        return render_checklist(
            checklist,
            strings,
            widget_number=render.next_widget_number(),
            show_title=fence["options"].get("title") != "hide",
            href=self.page.checklist_href(checklist_id),
        )

    def _format_people(
        self, fence: dict[str, Any], render: _PageRender, strings: Mapping[str, str]
    ) -> str:
        if self.page.checking:
            return ""
        if fence["options"].get("show") == "due":
            return render_people_due(strings, self.page.people_href or self.getConfig("people_url"))
        return render_people(strings, widget_number=render.next_widget_number())

    def _format_message(self, fence: dict[str, Any], render: _PageRender) -> str:
        if self.page.checking:
            return ""
        settings = replace(self.messages, resolve_link=self.page.resolve_link)
        template = self._templates.get(fence["src"])
        if template is None:
            try:
                template = parse_message(
                    fence["src"], path=self.page.source_path, line=1, settings=settings
                )
            except SourceError as error:
                raise SuperFencesException(str(error)) from None
        for check in applicable_checks(template, settings):
            render.checks.setdefault(check["key"], check)
        return render_message_html(template, settings)


def _validate_checklist_options(
    language: str,
    inputs: dict[str, str],
    options: dict[str, str],
    attrs: dict[str, str],
    md: Markdown,
) -> bool:
    allowed = {"title": ("show", "hide"), "show": ("list", "progress")}
    for key, value in inputs.items():
        if value not in allowed.get(key, ()):
            return False
        options[key] = value
    return True


def _validate_people_options(
    language: str,
    inputs: dict[str, str],
    options: dict[str, str],
    attrs: dict[str, str],
    md: Markdown,
) -> bool:
    """``people`` embeds the log; ``people show="due"`` the list of follow-ups due this week."""
    for key, value in inputs.items():
        if key != "show" or value not in ("log", "due"):
            return False
        options[key] = value
    return True


def _add_fence(
    superfences: SuperFencesCodeExtension,
    name: str,
    formatter: Callable[..., str],
    validator: Callable[..., bool],
) -> None:
    """A custom fence. pymdown-extensions 12.1 added a reset callback (run before each page);
    earlier releases, which sites pinned to Material 9.6 or older use, take three arguments."""
    parameters = inspect.signature(superfences.extend_super_fences).parameters
    if "reset" in parameters:
        superfences.extend_super_fences(name, formatter, validator, lambda _md: None)
    else:
        superfences.extend_super_fences(name, formatter, validator)


def _excerpt_source(md: Markdown, key: Callable[[str], str]) -> str | None:
    """The key of the post a blog excerpt comes from, when ``md`` renders one.

    Material's blog renders the start of each post on its index and archive pages with a
    Markdown of its own that carries an ``excerpt`` processor naming the post: its task lists
    are the post's, so they keep the post's key and share its ticks.
    """
    if "excerpt" not in md.treeprocessors:
        return None
    post = getattr(md.treeprocessors["excerpt"], "page", None)
    source = getattr(getattr(post, "file", None), "src_uri", None)
    return key(source) if isinstance(source, str) else None


def _superfences(md: Markdown) -> SuperFencesCodeExtension:
    """The page's SuperFences, loading it when the site did not list it."""
    for extension in md.registeredExtensions:
        if isinstance(extension, SuperFencesCodeExtension):
            return extension
    md.registerExtensions(["pymdownx.superfences"], {})
    return _superfences(md)


class _ZensicalPagePreprocessor(Preprocessor):
    """Keys and links of the page Zensical renders, as the plugin sets them under MkDocs."""

    def __init__(self, md: Markdown, extension: PlaybookExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        context = zensical_context(self.md)
        if context is None:
            return lines
        site, page = context
        state = self.extension.page
        state.page_key = page_key(page.path)
        state.legacy_page_key = legacy_page_key(page.path)
        state.source_path = f"{site.docs_dir.name}/{page.path}"
        state.tasklists = wants_tasklists(page.meta)
        state.resolve_link = lambda link: link_from(page, site, link)
        state.checklist_href = lambda checklist_id: (
            link_from(page, site, checklist_page_path(checklist_id), in_html=True) or None
        )
        return lines


class _TreeDone(Treeprocessor):
    def __init__(self, md: Markdown, render: _PageRender) -> None:
        super().__init__(md)
        self.render = render

    def run(self, root: Element) -> None:
        self.render.tree_done = True


class _ZensicalPrintPostprocessor(Postprocessor):
    """Under Zensical: the print header, Print and PDF actions and download links the plugin
    adds to a page under MkDocs (``on_page_content``), on the same pages."""

    def __init__(self, md: Markdown, extension: PlaybookExtension, render: _PageRender) -> None:
        super().__init__(md)
        self.extension = extension
        self.render = render

    def run(self, text: str) -> str:
        context = zensical_context(self.md)
        if context is None or not self.render.tree_done:
            return text
        site, page = context
        checklists = self.extension.checklists
        kind, checklist_id = page_kind(page.path, page.url, checklists)
        if kind == "other":
            return text
        print_site = PrintSite(
            strings=self.extension.strings,
            site_url=check_site_url(site.site_url).printable,
            pdfs=bool(self.extension.getConfig("pdf")),
            url_of=lambda path: (
                page_url(path, site.use_directory_urls)
                if (site.docs_dir / path).is_file()
                else None
            ),
            relative_url=get_relative_url,
            event_kit=(site.docs_dir / EVENT_KIT_PATH).is_file(),
        )
        # Zensical reads a relative link in a page's HTML from the page's source file.
        return decorate_page(
            text, kind=kind, page_url=page.path, site=print_site, checklist_id=checklist_id
        )


class _ZensicalStylesheetsPostprocessor(Postprocessor):
    """Under Zensical: the stylesheet of each feature the page has, linked from the page's
    content (the plugin links them in the head, which a Markdown extension cannot reach), so
    its widgets are styled before any script runs, without JavaScript and in print; Zensical's
    instant navigation brings them in and takes them out with the content."""

    def __init__(self, md: Markdown, render: _PageRender) -> None:
        super().__init__(md)
        self.render = render

    def run(self, text: str) -> str:
        context = zensical_context(self.md)
        if context is None or not self.render.tree_done:
            return text
        page = context[1]
        # Zensical reads a relative link in a page's HTML from the page's source file.
        hrefs = stylesheet_hrefs(
            text, lambda path: get_relative_url(f"{SITE_ASSETS}/{path}", page.path)
        )
        return "".join(stylesheet_link(href) for href in hrefs) + text


class _ResetPreprocessor(Preprocessor):
    """Starts every conversion with a fresh page state."""

    def __init__(self, md: Markdown, render: _PageRender) -> None:
        super().__init__(md)
        self.render = render

    def run(self, lines: list[str]) -> list[str]:
        self.render.reset()
        return lines


class _PageDataPostprocessor(Postprocessor):
    """Adds the page's data block once to a page that has a widget.

    It also runs on bits of a page (``toc`` renders each heading through the postprocessors),
    so the page state is reset when a conversion starts (``_ResetPreprocessor``), not here."""

    def __init__(
        self,
        md: Markdown,
        namespace: str,
        strings: Mapping[str, str],
        render: _PageRender,
        people: Callable[[], Mapping[str, Any]],
    ) -> None:
        super().__init__(md)
        self.namespace = namespace
        self.strings = strings
        self.render = render
        self.people = people

    def run(self, text: str) -> str:
        if PAGE_MARKER in text or not any(marker in text for marker in WIDGET_MARKERS):
            return text
        people = self.people() if any(marker in text for marker in PEOPLE_MARKERS) else None
        widgets = [name for name, marker in WIDGETS.items() if marker in text]
        block = page_data_block(
            self.namespace, self.strings, self.render.checks.values(), people, widgets
        )
        if _excerpt_source(self.md, page_key) is not None:
            # The blog keeps an excerpt's start and drops the rest: the block goes first.
            return f"{block}\n{text}"
        return f"{text}\n{block}"


def makeExtension(**kwargs: Any) -> PlaybookExtension:  # noqa: N802 (Python-Markdown's name)
    return PlaybookExtension(**kwargs)
