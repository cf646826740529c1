"""The plugin's options: the schema is the validation."""

from __future__ import annotations

import os
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from playbook_plugin.render.strings import DEFAULT_STRINGS
from playbook_plugin.rules.cadence import Cadence, read_cadence
from playbook_plugin.sources.messages import MessageSettings, build_settings
from playbook_plugin.sources.slugs import is_valid_id

PDF_DOCUMENTS = ("playbook", "event-kit", "checklists")


class _Strings(base.BaseConfigOption[dict[str, str]]):
    """Overrides for the reader-facing strings; only keys of the default table."""

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise base.ValidationError("`strings` must be a mapping of string names to text")
        for key, text in value.items():
            if key not in DEFAULT_STRINGS:
                raise base.ValidationError(
                    f"`strings` has no entry `{key}`; the entries are: "
                    + ", ".join(sorted(DEFAULT_STRINGS))
                )
            if not isinstance(text, str):
                raise base.ValidationError(f"`strings.{key}` must be text")
        return dict(value)


class _FollowUp(base.BaseConfigOption[Cadence]):
    """The People log's follow-up cadence (``rules/cadence.py``)."""

    def run_validation(self, value: object) -> Cadence:
        try:
            return read_cadence(value)
        except ValueError as error:
            raise base.ValidationError(str(error)) from None


class _Namespace(c.Type[str]):
    def __init__(self) -> None:
        super().__init__(str, default="")

    def run_validation(self, value: Any) -> str:
        namespace = str(super().run_validation(value))
        if namespace and not is_valid_id(namespace):
            raise base.ValidationError(
                "`namespace` may only use lower-case letters, digits and hyphens"
            )
        return namespace


class _Processes(c.Type[int]):
    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: Any) -> int:
        processes = int(super().run_validation(value))
        if processes < 0:
            raise base.ValidationError(
                "`pdf_concurrency` is a number of processes: 0 or more (0: none beside the build)"
            )
        return processes


class _Checks(c.Type[list[Any]]):
    """The site's advice checks; validated together with ``channels`` once both are read."""

    def __init__(self) -> None:
        super().__init__(list, default=[])

    def post_validation(self, config: base.Config, key_name: str) -> None:
        try:
            message_settings(config)
        except ValueError as error:
            raise base.ValidationError(str(error)) from None


def message_settings(config: base.Config, language: str = "en") -> MessageSettings:
    """Channels, advice checks and strings for the message generators of this site.

    ``language`` is the site's (``theme.language``): the language of its templates and of
    the word lists in its ``checks:``, unless a template or a check says otherwise.
    """
    return build_settings(
        config["channels"],
        config["checks"],
        config["linkedin_premium"],
        config["strings"],
        language=language,
    )


class PlaybookConfig(base.Config):  # type: ignore[no-untyped-call]
    enabled = c.Type(bool, default=True)
    checklists_dir = c.Type(str, default="checklists")
    namespace = _Namespace()
    """Prefix of the reader's data in localStorage; defaults to a slug of ``site_name``."""
    strings = _Strings()
    channels = c.Type(dict, default={})
    """Add or override channels: ``{name: {label, max_chars, max_words, …}}``."""
    linkedin_premium = c.Type(bool, default=False)
    """Premium accounts may write 300 characters in a LinkedIn invitation, not 200."""
    checks = _Checks()
    """Add, change or switch off advice checks: ``[{id, enabled, message, …}]``."""
    pdf = c.Optional(c.Type(bool))
    """Build the PDF downloads; unset: on for ``mkdocs build``, off under ``mkdocs serve``."""
    pdf_page_size = c.Choice(("a4", "letter"), default="a4")
    """Paper size of the PDFs."""
    pdf_documents = c.ListOfItems(c.Choice(PDF_DOCUMENTS), default=list(PDF_DOCUMENTS))
    """Which PDFs to build: ``playbook``, ``event-kit``, ``checklists`` (default: all)."""
    pdf_concurrency = _Processes(default=max(0, (os.cpu_count() or 1) - 1))
    """Processes rendering PDFs beside the build's own (0: none); default: cores less one."""
    follow_up = _FollowUp()
    """When the People log schedules the next step: ``{thank_within_hours: 24,
    first_follow_up_business_days: 3, nudges_without_reply: 2, keep_in_touch_days: [30, 90]}``."""
    pdf_cache_dir = c.Type(str, default=".cache/playbook/pdf")
    """Where unchanged PDFs are kept between builds, from the folder of mkdocs.yml."""
    offline_app = c.Type(bool, default=True)
    """Write a service worker and a web app manifest: after a first visit the whole site opens
    with no network, and phones install it. Never under ``mkdocs serve``."""
    offline_pdfs = c.Type(bool, default=False)
    """Keep the PDF downloads in the offline copy too (they are most of its bytes)."""
    app_short_name = c.Optional(c.Type(str))
    """The name under the icon on a home screen; default: the site name, cut to 12 characters."""
    app_icon = c.Optional(c.Type(str))
    """The installed app's icon, a PNG or JPEG of at least 192 px under docs/; default: the
    theme's favicon when it is that large, else the site's initials on the theme colour."""
