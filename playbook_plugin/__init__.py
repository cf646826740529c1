"""Networking Playbook: checklists and message templates for MkDocs and Python-Markdown.

The package is grouped by layer: ``sources`` (what authors write), ``rules`` (channels and
advice), ``render`` (HTML for the browser), ``printing`` (print and PDF) and ``mkdocs_host``
(what only MkDocs needs); ``plugin``, ``markdown_ext`` and ``config`` are the thin adapters.
Modules moved out of the flat layout still import from their old path, with a warning.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType

from playbook_plugin.sources.errors import SourceError, SourceErrors

__all__ = ["SourceError", "SourceErrors"]

MOVED: dict[str, str] = {
    "advice": "playbook_plugin.rules.advice",
    "channels": "playbook_plugin.rules.channels",
    "checklist_html": "playbook_plugin.render.checklist_html",
    "checklists": "playbook_plugin.sources.checklists",
    "errors": "playbook_plugin.sources.errors",
    "feature_styles": "playbook_plugin.render.feature_styles",
    "fences": "playbook_plugin.sources.fences",
    "jinja_shield": "playbook_plugin.mkdocs_host.jinja_shield",
    "message_html": "playbook_plugin.render.message_html",
    "messages": "playbook_plugin.sources.messages",
    "offline": "playbook_plugin.mkdocs_host.offline",
    "page_data": "playbook_plugin.render.page_data",
    "pages": "playbook_plugin.render.pages",
    "pdf": "playbook_plugin.printing.pdf",
    "pdf_cache": "playbook_plugin.printing.pdf_cache",
    "pdf_fonts": "playbook_plugin.printing.pdf_fonts",
    "pdf_html": "playbook_plugin.printing.pdf_html",
    "pdf_tags": "playbook_plugin.printing.pdf_tags",
    "print_address": "playbook_plugin.printing.print_address",
    "print_html": "playbook_plugin.printing.print_html",
    "qr": "playbook_plugin.printing.qr",
    "slugs": "playbook_plugin.sources.slugs",
    "source_files": "playbook_plugin.sources.source_files",
    "staged_site": "playbook_plugin.mkdocs_host.staged_site",
    "strings": "playbook_plugin.render.strings",
    "task_checks": "playbook_plugin.sources.task_checks",
    "task_ids": "playbook_plugin.render.task_ids",
    "tasklists": "playbook_plugin.render.tasklists",
    "template_subset": "playbook_plugin.sources.template_subset",
    "text_units": "playbook_plugin.rules.text_units",
    "theme_fixes": "playbook_plugin.mkdocs_host.theme_fixes",
    "third_party": "playbook_plugin.mkdocs_host.third_party",
    "yaml_header": "playbook_plugin.sources.yaml_header",
}
"""Old module name → where it lives now."""


class _MovedModuleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """``import playbook_plugin.<old name>`` gives the moved module, with a warning."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != __name__ or name not in MOVED:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        name = spec.name.rpartition(".")[2]
        warnings.warn(
            f"{spec.name} moved to {MOVED[name]}; import it from there",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.import_module(MOVED[name])

    def exec_module(self, module: ModuleType) -> None:
        """The moved module is already executed."""


if not any(isinstance(finder, _MovedModuleFinder) for finder in sys.meta_path):
    sys.meta_path.append(_MovedModuleFinder())
