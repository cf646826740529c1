"""Write the message template ``locales/playbook.pot`` from ``render/strings.py`` and the
default advice checks and channels (``i18n/rules_text.py``).

``make locales`` runs it, then Babel's ``pybabel update`` (merging new and changed strings
into each language's ``playbook.po``) and ``pybabel compile`` (the ``.mo`` files the build
reads). Run as ``python -m playbook_plugin.i18n.extract``.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from playbook_plugin.i18n.catalogues import DOMAIN, LOCALES_DIR
from playbook_plugin.i18n.rules_text import rules_messages
from playbook_plugin.render.strings import DEFAULT_STRINGS, PLURAL_STRINGS

TEMPLATE = LOCALES_DIR / f"{DOMAIN}.pot"


def template_catalogue() -> Catalog:
    """Every reader-facing string, its key as the message context."""
    catalogue = Catalog(
        project="networking-playbook",
        copyright_holder="the Networking Playbook authors",
        domain=DOMAIN,
        fuzzy=False,
    )
    for key, text in DEFAULT_STRINGS.items():
        if key in PLURAL_STRINGS:
            count, singular = PLURAL_STRINGS[key]
            catalogue.add(
                (singular, text), context=key, auto_comments=[f"The count is {{{count}}}."]
            )
        else:
            catalogue.add(text, context=key)
    for context, text in rules_messages():
        catalogue.add(text, context=context)
    return catalogue


def write_template(path: Path = TEMPLATE) -> None:
    with path.open("wb") as output:
        write_po(output, template_catalogue(), omit_header=False, width=100, sort_output=False)


if __name__ == "__main__":
    write_template()
    print(f"wrote {TEMPLATE}")
