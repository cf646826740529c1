"""The ``playbook`` command, for hosts that run no MkDocs plugin (Zensical).

``playbook prepare`` checks the whole playbook and writes what the plugin would add to a
build into ``docs/``; ``playbook pdf`` writes the PDF downloads from a built site. Both read
the site's configuration file, so the options are the plugin's and paths start at its folder.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import importlib.util
import re
import sys
import time
from collections.abc import Iterator, Sequence
from html import unescape
from pathlib import Path
from typing import Any

from playbook_plugin.config import message_settings
from playbook_plugin.prepare import CORE_SCRIPT, GLOBAL_STYLESHEET, generated_pages, prepare_docs
from playbook_plugin.printing.print_address import check_site_url
from playbook_plugin.project import Project, ProjectError, load_project
from playbook_plugin.render.pages import EVENT_KIT_PATH, checklist_page_path
from playbook_plugin.render.strings import merge_strings
from playbook_plugin.sources.errors import SourceErrors
from playbook_plugin.sources.playbook import Playbook, load_playbook
from playbook_plugin.sources.source_files import markdown_pages
from playbook_plugin.zensical_host import page_url

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
_TITLE = re.compile(r"<h1\b[^>]*>(.*?)(?:<a class=\"headerlink\"|</h1>)", re.S)
"""A page's heading, without the permalink (``¶``) that ``toc: {permalink: true}`` adds."""
_TAGS = re.compile(r"<[^>]+>")


class CommandError(Exception):
    """What stops the command, said as ``path: what is wrong, and how to fix it``."""


def _playbook(project: Project) -> Playbook:
    messages = message_settings(project.options, language=project.language)
    try:
        return load_playbook(project.checklists_dir, project.docs_dir, project.root, messages)
    except SourceErrors as errors:
        raise CommandError(str(errors)) from None


def _config_problems(project: Project) -> list[str]:
    where = project.config_file.name
    problems = []
    if "playbook" not in project.markdown_extensions:
        problems.append(
            f"{where}: list the playbook's Markdown extension after pymdownx.superfences: "
            "`markdown_extensions: [..., pymdownx.superfences, playbook]`"
        )
    if CORE_SCRIPT not in project.extra_javascript:
        problems.append(f"{where}: add `{CORE_SCRIPT}` to `extra_javascript`")
    if GLOBAL_STYLESHEET not in project.extra_css:
        problems.append(f"{where}: add `{GLOBAL_STYLESHEET}` to `extra_css`")
    return problems


def prepare(project: Project) -> list[str]:
    """Check the playbook, write its pages and assets into ``docs/``; what to tell the user."""
    problems = _config_problems(project)
    if problems:
        raise CommandError("\n".join(problems))
    playbook = _playbook(project)
    for warning in playbook.warnings:
        print(f"WARNING: {warning}", file=sys.stderr)
    strings = merge_strings(project.options.strings, project.language)
    done = prepare_docs(project.docs_dir, generated_pages(playbook.checklists, strings))
    said = [
        f"playbook: {len(done.written)} files written, {len(done.unchanged)} unchanged, "
        f"{len(done.removed)} removed in {project.docs_dir.relative_to(project.root)}/"
    ]
    said += [
        f"playbook: {path} is written by hand, so it is left alone" for path in done.left_alone
    ]
    checklists = project.checklists_dir
    if checklists.is_dir() and not any(checklists.resolve() == p.resolve() for p in project.watch):
        said.append(
            f"playbook: add `{checklists.relative_to(project.root)}` to `watch:` in "
            f"{project.config_file.name}, or Zensical keeps showing an edited checklist as it "
            "was where a page embeds it"
        )
    return said


def _nav_entries(
    entries: Sequence[Any], sections: tuple[str, ...]
) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(docs path, title or "", sections) of every page the navigation lists, in order."""
    for entry in entries:
        if isinstance(entry, str):
            if entry.endswith(".md"):
                yield entry, "", sections
        elif isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, str) and value.endswith(".md"):
                    yield value, str(title), sections
                elif isinstance(value, list):
                    yield from _nav_entries(value, (*sections, str(title)))


def _site_pages(project: Project) -> list[tuple[str, str, tuple[str, ...]]]:
    if project.nav:
        return list(_nav_entries(project.nav, ()))
    paths = sorted(
        page.relative_to(project.docs_dir).as_posix()
        for page, error in markdown_pages(project.docs_dir, project.root)
        if error is None
    )
    paths.sort(key=lambda path: path != "index.md")
    return [(path, "", ()) for path in paths]


def _built_page(project: Project, src_path: str, title: str, sections: tuple[str, ...]) -> Any:
    from playbook_plugin.printing.pdf_html import PdfPage

    url = page_url(src_path, project.use_directory_urls)
    built = project.site_dir / (url + "index.html" if url.endswith("/") or not url else url)
    try:
        html = built.read_text(encoding="utf-8")
    except OSError:
        raise CommandError(
            f"{built}: not found: build the site first (`zensical build`), then run `playbook pdf`"
        ) from None
    found = _ARTICLE.search(html)
    content = found.group(1) if found else html
    if not title:
        heading = _TITLE.search(content)
        title = unescape(_TAGS.sub("", heading.group(1))).strip() if heading else src_path
    return PdfPage(url, title, content, sections)


def pdf(project: Project) -> list[str]:
    """Write the PDF downloads from the built site in ``site_dir``; what to tell the user."""
    from playbook_plugin.printing.pdf import write_pdfs
    from playbook_plugin.printing.pdf_html import PdfJob, PdfSite
    from playbook_plugin.printing.print_html import CHECKLIST_PDF, EVENT_KIT_PDF, PLAYBOOK_PDF

    if project.options.pdf is False:
        return [f"playbook: `pdf: false` in {project.config_file.name}: no PDFs written"]
    if importlib.util.find_spec("weasyprint") is None:
        raise CommandError(
            "playbook pdf: the PDFs need WeasyPrint: pip install 'networking-playbook[pdf]'"
        )
    playbook = _playbook(project)
    wanted = set(project.options.pdf_documents)
    pages = [_built_page(project, *entry) for entry in _site_pages(project)]
    jobs = []
    if "playbook" in wanted and pages:
        jobs.append(PdfJob(PLAYBOOK_PDF, "playbook", tuple(pages)))
    for checklist in playbook.checklists.values() if "checklists" in wanted else []:
        page = _built_page(project, checklist_page_path(checklist.id), checklist.title, ())
        jobs.append(
            PdfJob(
                CHECKLIST_PDF.format(id=checklist.id),
                "checklist",
                (page,),
                checklist_id=checklist.id,
                source=checklist.path,
                items=checklist.item_count,
            )
        )
    if "event-kit" in wanted and playbook.checklists:
        jobs.append(PdfJob(EVENT_KIT_PDF, "kit", (_built_page(project, EVENT_KIT_PATH, "", ()),)))
    site = PdfSite(
        name=project.site_name,
        description=project.site_description,
        site_url=check_site_url(project.site_url).printable,
        language=project.language,
        strings=merge_strings(project.options.strings, project.language),
        site_dir=project.site_dir,
        build_date=datetime.date.today().isoformat(),
        page_size=project.options.pdf_page_size,
    )
    rendered = write_pdfs(
        site,
        jobs,
        cache_dir=project.root / project.options.pdf_cache_dir,
        workers=project.options.pdf_concurrency,
    )
    said = []
    for document in rendered:
        said += [f"WARNING: PDF {warning}" for warning in document.warnings]
        unit = "page" if document.pages == 1 else "pages"
        said.append(f"playbook: wrote {document.path}: {document.pages} {unit}")
    return said


def app(project: Project) -> list[str]:
    """Make the built site installable and whole offline after a first visit."""
    from playbook_plugin.site_app.icon_cache import ICON_CACHE_DIR
    from playbook_plugin.site_app.offline_app import (
        AppSettings,
        link_pages,
        retire_offline_app,
        write_offline_app,
    )

    if not project.site_dir.is_dir():
        raise CommandError(f"playbook app: build the site first ({project.site_dir} is missing)")
    if not project.options.offline_app:
        retire_offline_app(project.site_dir)
        return ["playbook: `offline_app: false`: wrote the worker that removes an offline copy"]
    strings = merge_strings(project.options.strings, project.language)
    linked = link_pages(project.site_dir, strings)
    icon = project.options.app_icon
    built = write_offline_app(
        project.site_dir,
        AppSettings(
            name=project.site_name,
            description=project.site_description,
            language=project.language,
            short_name=project.options.app_short_name,
            icon=project.docs_dir / icon if icon else None,
            pdfs=project.options.offline_pdfs,
        ),
        icon_cache=project.root / ICON_CACHE_DIR,
    )
    return [
        f"playbook: {linked} pages linked to the manifest; offline copy {built.version}: "
        f"{len(built.files)} files, {built.bytes / 1e6:.1f} MB"
    ]


def _sources_digest(config_file: Path) -> bytes:
    """A digest of what ``playbook prepare`` reads: the configuration and the checklists."""
    digest = hashlib.sha256()
    files = [config_file]
    try:
        checklists = load_project(config_file).checklists_dir
        files += sorted(path for path in checklists.rglob("*.md") if path.is_file())
    except ProjectError:
        pass
    for path in files:
        digest.update(str(path).encode())
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"gone")
    return digest.digest()


def _prepare_once(config_file: Path) -> bool:
    """``playbook prepare``, said on the terminal; whether it went through."""
    try:
        said = prepare(load_project(config_file))
    except (ProjectError, CommandError) as error:
        print(error, file=sys.stderr)
        return False
    for line in said:
        print(line, file=sys.stderr if line.startswith("WARNING") else sys.stdout)
    return True


def watch(config_file: Path, interval: float = 0.5) -> int:
    """Prepare, then again each time the configuration or a checklist changes (by content),
    until interrupted: beside ``zensical serve``, which rebuilds when the pages change. A
    change that breaks the playbook is said and leaves the pages written before it."""
    try:
        seen = _sources_digest(config_file)
        _prepare_once(config_file)
        print("playbook: watching the checklists and the configuration (Ctrl+C stops)", flush=True)
        while True:
            time.sleep(interval)
            now = _sources_digest(config_file)
            if now != seen:
                seen = now
                _prepare_once(config_file)
                sys.stdout.flush()
    except KeyboardInterrupt:
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="playbook",
        description="The playbook's pages and PDFs for hosts without MkDocs plugins (Zensical).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, summary in (
        ("prepare", "check the playbook and write its pages and assets into docs/"),
        ("pdf", "write the PDF downloads from the built site"),
        ("app", "make the built site installable and whole offline after a first visit"),
    ):
        command = commands.add_parser(name, help=summary, description=summary)
        command.add_argument(
            "-f",
            "--config-file",
            type=Path,
            default=Path("mkdocs.yml"),
            help="the site's configuration (mkdocs.yml or zensical.toml; default mkdocs.yml)",
        )
        if name == "prepare":
            command.add_argument(
                "--watch",
                action="store_true",
                help="keep running, and prepare again when a checklist or the configuration "
                "changes (beside `zensical serve`)",
            )
    arguments = parser.parse_args(argv)
    if arguments.command == "prepare" and arguments.watch:
        return watch(arguments.config_file)
    try:
        project = load_project(arguments.config_file)
        run = {"prepare": prepare, "pdf": pdf, "app": app}[arguments.command]
        said = run(project)
    except (ProjectError, CommandError) as error:
        print(error, file=sys.stderr)
        return 1
    for line in said:
        print(line, file=sys.stderr if line.startswith("WARNING") else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
