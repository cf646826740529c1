"""Every ``- [ ]`` task list in a page becomes an interactive checklist keyed by the page.

Items are found in the tree Markdown rendered, wherever they sit (blockquotes, admonitions,
tabs, nested lists, ``markdown``-enabled HTML blocks), so nothing that does not render as
an item is ever counted. A list right after ``<!-- playbook: plain -->`` is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from playbook_plugin.contract import ATTRIBUTES
from playbook_plugin.render.checklist_html import compact_count, progress_element
from playbook_plugin.render.task_ids import PageIds, TaskItem, slug_part
from playbook_plugin.sources.slugs import slugify, split_explicit_id

TASK_MARKER = re.compile(r"^\s*\[(?P<mark>[ xX])\][ \t]+")
PLAIN_LIST_MARKER = "<!-- playbook: plain -->"
_STASH_ONLY = re.compile("^\x02wzxhzdk:(\\d+)\x03$")
BULLET_CLASS = "playbook-bullet"
"""A plain bullet in a list of task items: items have no class, the exception has."""
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def wants_tasklists(meta: Mapping[str, object]) -> bool:
    """False when the page's front matter says ``playbook: {tasklists: false}``."""
    options = meta.get("playbook")
    return not (isinstance(options, Mapping) and options.get("tasklists") is False)


@dataclass
class _Entry:
    li: etree.Element
    target: etree.Element
    item: TaskItem
    checked: bool
    label_text: str
    """The item's text without the box and the ``{#id}``, the rest of its lines included."""


@dataclass
class _Group:
    """A top-level task list with the lists nested in it: one widget on the page."""

    task_list: etree.Element
    parent: etree.Element
    entries: list[_Entry] = field(default_factory=list)
    lists: list[etree.Element] = field(default_factory=list)


class TaskListTreeprocessor(Treeprocessor):
    """Runs before inline processing, so item text is still Markdown and ``{#id}`` is intact."""

    def __init__(
        self,
        md: Markdown,
        *,
        page_key: Callable[[], str],
        enabled: Callable[[], bool],
        legacy_key: Callable[[], str] = lambda: "",
        strings: Mapping[str, str],
        report: Callable[[PageIds], None],
    ) -> None:
        super().__init__(md)
        self.page_key = page_key
        self.enabled = enabled
        self.legacy_key = legacy_key
        self.strings = strings
        self.report = report

    def run(self, root: etree.Element) -> None:
        if not self.enabled():
            return
        groups: list[_Group] = []
        self._walk(root, _Context(), groups)
        if not groups:
            return
        ids = PageIds(items=[entry.item for group in groups for entry in group.entries])
        ids.settle()
        wrappers = []
        for group in groups:
            for entry in group.entries:
                self._convert_item(entry)
            _mark_lists(group)
            done = sum(entry.checked for entry in group.entries)
            total = len(group.entries)
            if len(groups) == 1:
                progress = progress_element(self.strings, done, total)
            elif _follows_heading(group.task_list, group.parent):
                progress = compact_count(self.strings, done, total)
            else:
                progress = None
            wrappers.append(self._wrap(group.task_list, group.parent, progress))
        if len(groups) > 1:
            done = sum(entry.checked for group in groups for entry in group.entries)
            total = sum(len(group.entries) for group in groups)
            self._add_page_total(root, wrappers[0], done, total)
        self.report(ids)

    def _walk(self, element: etree.Element, context: _Context, groups: list[_Group]) -> None:
        previous: etree.Element | None = None
        for child in list(element):
            if child.tag in HEADINGS:
                page_title = child.tag == "h1" and not context.headings_seen
                context.section = "" if page_title else slug_part("".join(child.itertext()))
                context.headings_seen = True
            elif child.tag == "ul" and any(_task_target(li) is not None for li in child):
                if not self._marked_plain(previous):
                    group = _Group(child, element)
                    self._collect(child, context.section, context.parent, group, set())
                    groups.append(group)
            elif child.tag == "li":
                parent = slug_part(_first_line(_item_text(child)))
                inner = _Context(context.section, parent, context.headings_seen)
                self._walk(child, inner, groups)
                context.section, context.headings_seen = inner.section, inner.headings_seen
            else:
                self._walk(child, context, groups)
            previous = child

    def _marked_plain(self, previous: etree.Element | None) -> bool:
        if previous is None or previous.tag != "p" or len(previous):
            return False
        match = _STASH_ONLY.match((previous.text or "").strip())
        if match is None:
            return False
        blocks = self.md.htmlStash.rawHtmlBlocks
        index = int(match.group(1))
        return index < len(blocks) and str(blocks[index]).strip() == PLAIN_LIST_MARKER

    def _collect(
        self,
        task_list: etree.Element,
        section: str,
        parent: str,
        group: _Group,
        legacy_seen: set[str],
    ) -> None:
        group.lists.append(task_list)
        for li in task_list:
            if li.tag != "li":
                continue
            target = _task_target(li)
            own_text = _first_line(_item_text(li))
            if target is not None:
                entry = _entry(li, target, section, parent, legacy_seen)
                group.entries.append(entry)
                own_text = entry.item.text
            own = slug_part(own_text)
            for nested in li.iter("ul"):
                if nested not in group.lists:
                    self._collect(nested, section, own, group, legacy_seen)

    def _convert_item(self, entry: _Entry) -> None:
        """The box inside its ``<label>``, which names it: no element id to write and point to."""
        item_id = entry.item.item_id
        attributes = {"type": "checkbox", ATTRIBUTES["item"]: item_id}
        # The id an earlier release gave the item, when the browser cannot tell it: it takes
        # an id's last part (after its section) for it otherwise (`previousId` in playbook.js).
        if entry.item.legacy_id not in (item_id, item_id.rpartition("/")[2]):
            attributes[ATTRIBUTES["previous_item"]] = entry.item.legacy_id
        if entry.checked:
            attributes["checked"] = "checked"
        label = etree.Element("label")
        checkbox = etree.SubElement(label, "input", attributes)
        checkbox.tail = entry.label_text  # inline Markdown runs on it later, as on any text
        entry.target.text = None
        entry.target.insert(0, label)

    def _add_page_total(
        self, root: etree.Element, first: etree.Element, done: int, total: int
    ) -> None:
        """One total and one reset for the whole page, above its first list."""
        key = self.page_key()
        total_box = etree.Element(
            "div",
            {
                "class": "playbook-page-total",
                ATTRIBUTES["page_total"]: f"page:{key}",
                "aria-label": self.strings["page_checklists"],
                "role": "group",
            },
        )
        if not key:
            total_box.set("data-playbook-page-auto", "")
        total_box.append(progress_element(self.strings, done, total, text_key="page_progress"))
        children = list(root)
        for index, child in enumerate(children):
            if child is first or any(node is first for node in child.iter()):
                while index > 0 and children[index - 1].tag in HEADINGS - {"h1"}:
                    index -= 1  # above the first list's heading, not between them
                root.insert(index, total_box)
                return

    def _wrap(
        self, task_list: etree.Element, parent: etree.Element, progress: etree.Element | None
    ) -> etree.Element:
        key = self.page_key()
        wrapper = etree.Element(
            "div",
            {
                "class": "playbook-checklist playbook-tasklist",
                "data-playbook-checklist": f"page:{key}",
                "aria-label": self.strings["page_checklist"],
                "role": "group",
            },
        )
        if not key:
            wrapper.set("data-playbook-page-auto", "")
        legacy = self.legacy_key()
        if legacy and legacy != key:
            wrapper.set("data-playbook-legacy-key", f"page:{legacy}")
        index = list(parent).index(task_list)
        parent.remove(task_list)
        wrapper.tail, task_list.tail = task_list.tail, None
        if progress is not None:
            wrapper.append(progress)
        wrapper.append(task_list)
        parent.insert(index, wrapper)
        return wrapper


@dataclass
class _Context:
    section: str = ""
    """Slug of the nearest heading above; a page's first heading, if an h1, is its title."""
    parent: str = ""
    headings_seen: bool = False


def _entry(
    li: etree.Element, target: etree.Element, section: str, parent: str, legacy_seen: set[str]
) -> _Entry:
    text = target.text or ""
    marker = TASK_MARKER.match(text)
    assert marker is not None  # _task_target only returns elements that start with a box
    first_line, newline, rest = text[marker.end() :].partition("\n")
    label_text, explicit = split_explicit_id(first_line)
    legacy = explicit or slugify(label_text) or "item"
    while legacy in legacy_seen:
        legacy += "-2"
    legacy_seen.add(legacy)
    item = TaskItem(
        text=label_text, explicit=explicit, section=section, parent=parent, legacy_id=legacy
    )
    checked = marker.group("mark") != " "
    return _Entry(li, target, item, checked, label_text.rstrip() + newline + rest)


def _mark_lists(group: _Group) -> None:
    """A list with items gets the items' class; a plain bullet among them keeps its bullet."""
    items = {id(entry.li) for entry in group.entries}
    for task_list in group.lists:
        if not any(id(li) in items for li in task_list):
            continue
        task_list.set("class", "playbook-items")
        for li in task_list:
            if li.tag == "li" and id(li) not in items:
                li.set("class", " ".join(filter(None, (li.get("class"), BULLET_CLASS))))


def _follows_heading(task_list: etree.Element, parent: etree.Element) -> bool:
    """True for a list that comes right after a heading: it may keep a count of its own."""
    children = list(parent)
    index = children.index(task_list)
    return index > 0 and children[index - 1].tag in HEADINGS


def _item_text(li: etree.Element) -> str:
    if (li.text or "").strip():
        return li.text or ""
    if len(li) and li[0].tag == "p":
        return li[0].text or ""
    return ""


def _first_line(text: str) -> str:
    first = TASK_MARKER.sub("", text, count=1).partition("\n")[0]
    return split_explicit_id(first)[0]


def _task_target(li: etree.Element) -> etree.Element | None:
    """The element whose text starts with ``[ ]``: the item itself, or its first paragraph."""
    if li.tag != "li":
        return None
    if li.text and TASK_MARKER.match(li.text):
        return li
    if not (li.text or "").strip() and len(li) and li[0].tag == "p":
        paragraph = li[0]
        if paragraph.text and TASK_MARKER.match(paragraph.text):
            return paragraph
    return None
