"""The contract between the build and the browser, stated once.

The ``data-playbook-*`` attribute names, the shape of the reader's storage keys, the rule that
turns a page into its key, the namespace default and the export file's format live here. The
plugin and the Markdown extension import them; ``core.js`` carries a generated copy between
its ``contract:begin`` and ``contract:end`` markers (``python -m playbook_plugin.contract``
rewrites it), and a test fails when the copy drifts from this module.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from playbook_plugin.sources.slugs import slugify

ATTRIBUTES: dict[str, str] = {
    # The page-level data block: namespace, strings and the advice checks the page uses.
    "page": "data-playbook-config",
    # Checklists, embedded or on their own page, and task lists.
    "checklist": "data-playbook-checklist",
    "item": "data-playbook-item",
    "progress": "data-playbook-progress",
    "page_auto": "data-playbook-page-auto",
    "legacy_key": "data-playbook-legacy-key",
    "previous_item": "data-playbook-was",
    "page_total": "data-playbook-page-total",
    # The overview's per-checklist progress.
    "summary": "data-playbook-summary",
    "summary_items": "data-playbook-items",
    "summary_defaults": "data-playbook-defaults",
    # The reader's data panel.
    "data_panel": "data-playbook-data",
    "data_status": "data-playbook-data-status",
    "import_file": "data-playbook-import-file",
    "storage_notice": "data-playbook-storage-notice",
    "data_notice": "data-playbook-data-notice",
    # Message generators.
    "message": "data-playbook-message",
    "message_data": "data-playbook-message-data",
    "channel": "data-playbook-channel",
    "form": "data-playbook-form",
    "field": "data-playbook-field",
    "preview": "data-playbook-preview",
    "subject": "data-playbook-subject",
    "count": "data-playbook-count",
    "warnings": "data-playbook-warnings",
    "warning": "data-playbook-warning",
    "actions": "data-playbook-actions",
    "message_status": "data-playbook-message-status",
    "remind_date": "data-playbook-remind-date",
    "collapsed": "data-playbook-collapsed",
    # Notes for people in a generator (the picker itself is the People log's `person_picker`).
    "person_row": "data-playbook-person-row",
    "people_link": "data-playbook-people-link",
    "edit_note": "data-playbook-edit-note",
    # People I met: the log, its add-person form, each person, the profile, what is due.
    "people": "data-playbook-people",
    "people_due": "data-playbook-people-due",
    "person": "data-playbook-person",
    "person_field": "data-playbook-person-field",
    "person_name": "data-playbook-person-name",
    "person_due": "data-playbook-person-due",
    "person_log": "data-playbook-person-log",
    "person_picker": "data-playbook-person-picker",
    "profile_field": "data-playbook-profile-field",
    "people_search": "data-playbook-people-search",
    "people_list": "data-playbook-people-list",
    "people_status": "data-playbook-people-status",
    "transfer": "data-playbook-transfer",
    # Print: a blank to fill in by hand.
    "blank": "data-playbook-blank",
    # Shared by every widget.
    "action": "data-playbook-action",
    "ready": "data-playbook-ready",
    # The installable offline copy: on the page's manifest link, with the words of the notice
    # that a new version is ready.
    "service_worker": "data-playbook-service-worker",
    "app_update": "data-playbook-update",
    "app_update_action": "data-playbook-update-action",
    # The script element core.js adds for a feature.
    "feature": "data-playbook-feature",
}
"""Every ``data-playbook-*`` attribute the build writes and the browser reads."""

STORAGE_PREFIX = "playbook"
KEY_KINDS: dict[str, str] = {
    "checklist": "checklist:{id}",
    "page": "checklist:page:{key}",
    "message": "message:{id}",
    "person": "person:{id}",
    "profile": "profile",
    "draft": "draft:{person}:{id}",
}
"""Keys under ``playbook:<namespace>:``: a checklist's ticks, the ticks of a page's task
lists (a checklist named ``page:<page key>``), a message draft, a person the reader met, the
reader's own profile (a fixed key), and a draft for one person and one template."""

TRANSFER_FRAGMENT = "playbook-transfer"
"""The URL fragment (``#playbook-transfer=…``) that carries the reader's data to another
device: compressed, base64url, never sent to a server."""
QR_LIMIT_BYTES = 2900
"""What one QR code holds at error level L, near enough: a longer link offers the file."""

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Checklist and message ids (``slugs.ID_PATTERN``)."""
PAGE_KEY_PATTERN = r"^(?!.*(?:^|/)\.\.?(?:/|$))[^\x00-\x1f/][^\x00-\x1f]*$"
"""A page key: a relative path with no ``.`` or ``..`` segment and no control character."""

EXPORT_FORMAT = "networking-playbook"
EXPORT_VERSION = 1
IMPORT_LIMIT_BYTES = 5 * 1024 * 1024
"""The largest export file the data panel reads."""

DEFAULT_NAMESPACE = "playbook"
"""The namespace of a site without a name (and of data saved before sites were named)."""

# Features: one classic script each. A feature with a `selector` loads on the pages that have
# its widgets, with a stylesheet of its own where it has one (a path from the scripts' folder):
# the plugin links that stylesheet from those pages (for readers without JavaScript, and for
# print), and core.js adds it when instant navigation brings such a page. A feature without a
# selector loads only when asked for (`Playbook.need`), the first time the reader uses what
# needs it, or (`uses`) the first time the reader reaches one of its widgets; `later` names
# those a feature may ask for.
FEATURES: dict[str, dict[str, str]] = {
    "checklists": {
        "script": "playbook.js",
        "selector": "[data-playbook-checklist], [data-playbook-summary], "
        "[data-playbook-action=print]",
    },
    # Export, import and erase: loaded the first time the reader reaches the data panel (`uses`:
    # core.js shows its controls at once, `shows`, and carries out a press made before the
    # script arrives once it has); a transfer link asks for it to merge what it carries.
    "data": {
        "script": "playbook-data.js",
        "uses": "[data-playbook-data]",
        "shows": ".playbook-data__actions",
    },
    "messages": {
        "script": "playbook-messages.js",
        "selector": "[data-playbook-message]",
        "stylesheet": "../stylesheets/playbook-messages.css",
        "later": "calendar people",
    },
    # The people model and window.Playbook.people: where the log or "due this week" is, and in a
    # generator once the reader marks a note as sent (its picker reads names without it).
    "people": {
        "script": "playbook-people.js",
        "selector": "[data-playbook-people], [data-playbook-people-due]",
        "later": "calendar",
    },
    # The People page's log and the "due this week" list, drawn from the model.
    "people-log": {
        "script": "playbook-people-log.js",
        "selector": "[data-playbook-people], [data-playbook-people-due]",
        "stylesheet": "../stylesheets/playbook-people.css",
        "later": "transfer",
    },
    # Sending the log to another device (a link, its QR code, a file), and reading such a link.
    "transfer": {
        "script": "playbook-devices.js",
        "later": "data",
    },
    # Calendar files (RFC 5545): loaded when a reader first asks for a reminder.
    "calendar": {
        "script": "playbook-calendar.js",
    },
}

_SELECTOR_PART = re.compile(r"\[([\w-]+)(?:=([\w-]+))?\]")


def widget_pattern(selector: str) -> re.Pattern[str]:
    """What a feature's ``selector`` (attribute selectors, comma-separated) finds in HTML:
    ``[data-playbook-people]`` matches that attribute and not ``data-playbook-people-link``."""
    parts = []
    for name, value in _SELECTOR_PART.findall(selector):
        attribute = re.escape(name)
        ends = f'="{re.escape(value)}"' if value else r"(?=[\s=>/])"
        parts.append(rf"\s{attribute}{ends}")
    return re.compile("|".join(parts))


def features_loaded_later(names: list[str]) -> list[str]:
    """The features ``names`` may ask for as the reader uses them, and those they may ask for."""
    found: list[str] = []
    todo = list(names)
    while todo:
        for later in FEATURES[todo.pop(0)].get("later", "").split():
            if later not in names and later not in found:
                found.append(later)
                todo.append(later)
    return found


_INDEX = re.compile(r"(?:^|/)(?:index|README)$", re.IGNORECASE)


def default_namespace(site_name: str | None) -> str:
    """Where a site keeps the reader's data when ``namespace`` is not set: a slug of its name.

    Every site opened from ``file://`` shares one origin, so the name keeps sites apart.
    """
    return slugify(site_name or "") or DEFAULT_NAMESPACE


def page_key(src_uri: str) -> str:
    """The key of a page's task lists, from its path under ``docs/``.

    ``index.md`` → ``index``; ``plays.md`` → ``plays``; ``guide/index.md`` → ``guide``.
    It equals what the browser derives from the page's URL relative to the site root
    (``pageKeyFromPath`` in ``core.js``), so hosts without the plugin agree with it.
    """
    path = src_uri.replace("\\", "/").removesuffix(".md")
    if _INDEX.search(path):
        path = _INDEX.sub("", path)
    return path.strip("/") or "index"


def legacy_page_key(src_uri: str) -> str:
    """The key releases before the contract used: the source path without ``.md``."""
    return src_uri.replace("\\", "/").removesuffix(".md")


def storage_key(namespace: str, kind: str, name: str = "", person: str = "") -> str:
    """The full ``localStorage`` key, e.g. ``playbook:club:checklist:before-the-event``;
    a draft names its person too: ``storage_key("club", "draft", "thanks", person="p1")``."""
    shape = KEY_KINDS[kind]
    local = shape.format(id=name, key=name, person=person)
    return f"{STORAGE_PREFIX}:{namespace}:{local}"


def browser_contract() -> dict[str, Any]:
    """What ``core.js`` carries of this module, as JSON."""
    return {
        "attributes": ATTRIBUTES,
        "storagePrefix": STORAGE_PREFIX,
        "keyKinds": KEY_KINDS,
        "idPattern": ID_PATTERN,
        "pageKeyPattern": PAGE_KEY_PATTERN,
        "exportFormat": EXPORT_FORMAT,
        "exportVersion": EXPORT_VERSION,
        "importLimitBytes": IMPORT_LIMIT_BYTES,
        "transferFragment": TRANSFER_FRAGMENT,
        "qrLimitBytes": QR_LIMIT_BYTES,
        "defaultNamespace": DEFAULT_NAMESPACE,
        "features": FEATURES,
    }


CORE_JS = Path(__file__).parent / "assets" / "javascripts" / "core.js"
BEGIN = "/* contract:begin (generated by `python -m playbook_plugin.contract`) */"
END = "/* contract:end */"


def contract_block() -> str:
    payload = json.dumps(browser_contract(), indent=2, sort_keys=True)
    indented = "\n".join("  " + line if line else line for line in payload.splitlines())
    return f"{BEGIN}\n  var CONTRACT = {indented.lstrip()};\n  {END}"


def with_contract(script: str) -> str:
    """``script`` (core.js) with its contract block regenerated from this module."""
    start = script.index(BEGIN)
    end = script.index(END) + len(END)
    return script[:start] + contract_block() + script[end:]


if __name__ == "__main__":
    CORE_JS.write_text(with_contract(CORE_JS.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote the contract block of {CORE_JS}")
