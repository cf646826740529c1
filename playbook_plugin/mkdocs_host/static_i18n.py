"""mkdocs-static-i18n: which language a build is for, and how its sources are laid out.

static-i18n runs one MkDocs build per language on the same configuration (the default
language first, the others from inside its ``on_post_build``), sets ``theme.language`` in its
``on_config`` and rewrites the site's files in its ``on_files``, both at priority -100: the
playbook reads the language after it, and adds its generated pages after it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from playbook_plugin.sources.languages import Languages

AFTER_STATIC_I18N = -110
"""An event priority that runs after static-i18n's (-100)."""


def _static_i18n(config: MkDocsConfig) -> Any | None:
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("mkdocs_static_i18n"):
            return plugin
    return None


def static_i18n_languages(config: MkDocsConfig) -> Languages | None:
    """The languages of this build when static-i18n runs it; None otherwise."""
    plugin = _static_i18n(config)
    if plugin is None:
        return None
    known = tuple(str(language.locale) for language in plugin.config.languages)
    default = str(plugin.default_language)
    return Languages(
        current=str(plugin.current_language or default),
        default=default,
        known=known,
        layout="folder" if plugin.config.docs_structure == "folder" else "suffix",
    )


def list_in_sitemap(config: MkDocsConfig, generated: Sequence[File]) -> None:
    """Put the playbook's generated pages in static-i18n's ``sitemap.xml``, which lists the
    pages it saw in its ``on_files`` (before the playbook adds its own): without them Material's
    instant navigation opens them with a full page load. Each page names its versions in the
    languages built so far as its alternates, and is named by theirs; the last language's
    build writes the sitemap, when every language's pages are known."""
    plugin = _static_i18n(config)
    store = getattr(plugin, "i18n_files_per_language", None)
    if plugin is None or not isinstance(store, dict):
        return
    language = str(plugin.current_language)
    listed = store.setdefault(language, [])
    for file in generated:
        alternates = {language: file}
        for other_language, others in store.items():
            for other in others:
                if other_language != language and _same_generated_page(other, file):
                    alternates[other_language] = other
                    other.alternates[language] = file
        file.alternates = alternates  # type: ignore[attr-defined]
        listed.append(file)


def _same_generated_page(candidate: Any, file: File) -> bool:
    return (
        getattr(candidate, "generated_by", None) == "playbook"
        and candidate.src_uri == file.src_uri
        and isinstance(getattr(candidate, "alternates", None), dict)
    )
