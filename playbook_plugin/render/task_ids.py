"""Ids of the task items in a page: explicit ``{#id}``, else made from where the item sits.

An implicit id is the Unicode slug of the item's text, qualified by its section heading and
its parent item: ``section/parent/item``. The same text in two sections gives two ids, and
inserting, moving or editing other items changes none. Only true duplicates (same text, same
section, same parent) are told apart by order, with ``-2``, ``-3``.

Explicit ids are the author's promise, so they are checked: an id that is not an id, or one
used twice on a page, is a problem with a suggestion that collides with nothing on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify_unicode

from playbook_plugin.sources.slugs import is_valid_id, slugify, strip_markup, trailing_braces

PART_SEPARATOR = "/"
MAX_PART_LENGTH = 60
FALLBACK_TEXT = "item"

_STASH = re.compile("\x02wzxhzdk:\\d+\x03")
_REFERENCE_TARGET = re.compile(r"\]\[[^\]]*\]")


def plain_text(markdown_text: str) -> str:
    """The words of an item or heading as a reader sees them: no link targets, tags or marks.

    Linear time, as everything here that reads an author's line (see ``slugs.strip_markup``)."""
    text = _STASH.sub(" ", markdown_text)
    text = _REFERENCE_TARGET.sub(" ", text)
    return strip_markup(text).replace("!", " ")


def slug_part(markdown_text: str) -> str:
    """A Unicode slug (letters of every script kept, case-folded), cut to a bounded length."""
    attributes = trailing_braces(markdown_text, openers=":#.")
    text = markdown_text if attributes is None else markdown_text[:attributes]
    slug = slugify_unicode(plain_text(text).casefold(), "-")
    slug = re.sub("-{2,}", "-", slug).strip("-")
    return slug[:MAX_PART_LENGTH].rstrip("-")


@dataclass
class TaskItem:
    """One task item of a page, in page order, before its id is settled."""

    text: str
    """The item's first line as written, without the ``{#id}``."""
    explicit: str | None
    section: str
    """Slug of the nearest heading above the item; empty before the first heading."""
    parent: str
    """Slug of the list item this one is nested in; empty at the top level."""
    legacy_id: str
    """The id the previous release gave this item, so saved ticks can follow it."""
    item_id: str = ""


@dataclass(frozen=True)
class ExplicitIdProblem:
    """An explicit id that cannot be used; ``occurrence`` counts this id's uses so far."""

    written: str
    occurrence: int
    message: str


@dataclass
class PageIds:
    """Settles every id of one page at once, so suggestions and suffixes see the whole page."""

    items: list[TaskItem] = field(default_factory=list)
    problems: list[ExplicitIdProblem] = field(default_factory=list)
    repeated: int = 0
    """Implicit ids that needed an order suffix (true duplicates)."""

    def settle(self) -> None:
        explicit_taken: dict[str, int] = {}
        for item in self.items:
            if item.explicit is not None and is_valid_id(item.explicit):
                explicit_taken.setdefault(item.explicit, 0)
        implicit_bases = {_implicit_base(item) for item in self.items if item.explicit is None}
        taken = set(explicit_taken) | implicit_bases
        uses: dict[str, int] = {}
        for item in self.items:
            if item.explicit is None:
                continue
            uses[item.explicit] = uses.get(item.explicit, 0) + 1
            if not is_valid_id(item.explicit):
                suggestion = _free(slugify(item.explicit) or "my-item", taken)
                taken.add(suggestion)
                item.item_id = suggestion
                self.problems.append(
                    ExplicitIdProblem(
                        item.explicit,
                        uses[item.explicit],
                        f"item id `{item.explicit}` may only use lower-case letters, digits "
                        f"and hyphens: write `{{#{suggestion}}}`",
                    )
                )
            elif uses[item.explicit] > 1:
                suggestion = _free(item.explicit, taken)
                taken.add(suggestion)
                item.item_id = suggestion
                self.problems.append(
                    ExplicitIdProblem(
                        item.explicit,
                        uses[item.explicit],
                        f"item id `{item.explicit}` is already used on this page: "
                        f"give this item its own id, like `{{#{suggestion}}}`",
                    )
                )
            else:
                item.item_id = item.explicit
        used = {item.item_id for item in self.items if item.item_id}
        for item in self.items:
            if item.explicit is not None:
                continue
            base = _implicit_base(item)
            item.item_id = _free(base, used)
            if item.item_id != base:
                self.repeated += 1
            used.add(item.item_id)


def _implicit_base(item: TaskItem) -> str:
    parts = (item.section, item.parent, slug_part(item.text) or FALLBACK_TEXT)
    return PART_SEPARATOR.join(part for part in parts if part)


def _free(base: str, taken: set[str]) -> str:
    """``base`` if nothing on the page uses it, else the first free ``base-N``."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
