"""Every ``- [ ]`` task list in a page becomes an interactive checklist keyed by the page."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from playbook_plugin.checklist_html import progress_element
from playbook_plugin.slugs import slugify, split_explicit_id

TASK_MARKER = re.compile(r"^\s*\[(?P<mark>[ xX])\][ \t]+")


class TaskListTreeprocessor(Treeprocessor):
    """Runs before inline processing, so item text is still Markdown and ``{#id}`` is intact."""

    def __init__(
        self,
        md: Markdown,
        *,
        page_key: Callable[[], str],
        legacy_key: Callable[[], str] = lambda: "",
        strings: Mapping[str, str],
        next_widget_number: Callable[[], int],
    ) -> None:
        super().__init__(md)
        self.page_key = page_key
        self.legacy_key = legacy_key
        self.strings = strings
        self.next_widget_number = next_widget_number

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        converted: set[etree.Element] = set()
        for task_list in list(root.iter("ul")):
            if task_list in converted or all(_task_target(li) is None for li in task_list):
                continue
            prefix = f"pb{self.next_widget_number()}"
            seen: set[str] = set()
            done, total = self._convert(task_list, prefix, seen, converted)
            self._wrap(task_list, parents[task_list], done, total)

    def _convert(
        self, task_list: etree.Element, prefix: str, seen: set[str], converted: set[etree.Element]
    ) -> tuple[int, int]:
        converted.add(task_list)
        task_list.set("class", "playbook-items")
        done = total = 0
        for li in task_list:
            target = _task_target(li)
            if target is not None:
                checked = self._convert_item(li, target, prefix, seen)
                done += checked
                total += 1
            for nested in list(li.iter("ul")):
                if nested not in converted:
                    nested_done, nested_total = self._convert(nested, prefix, seen, converted)
                    done += nested_done
                    total += nested_total
        return done, total

    def _convert_item(
        self, li: etree.Element, target: etree.Element, prefix: str, seen: set[str]
    ) -> bool:
        text = target.text or ""
        marker = TASK_MARKER.match(text)
        assert marker is not None
        first_line, newline, rest = text[marker.end() :].partition("\n")
        label_text, explicit_id = split_explicit_id(first_line)
        item_id = explicit_id or slugify(label_text) or "item"
        while item_id in seen:
            item_id += "-2"
        seen.add(item_id)
        checked = marker.group("mark") != " "
        attributes = {
            "type": "checkbox",
            "id": f"{prefix}-{item_id}",
            "name": f"{self.page_key()}/{item_id}",
            "data-playbook-item": item_id,
        }
        if checked:
            attributes["checked"] = "checked"
        checkbox = etree.Element("input", attributes)
        label = etree.Element("label", {"for": attributes["id"]})
        label.text = label_text.rstrip() + newline + rest
        target.text = None
        target.insert(0, checkbox)
        target.insert(1, label)
        li.set("class", "playbook-item")
        return checked

    def _wrap(self, task_list: etree.Element, parent: etree.Element, done: int, total: int) -> None:
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
        wrapper.append(progress_element(self.strings, done, total))
        wrapper.append(task_list)
        parent.insert(index, wrapper)


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
