"""Fixes to WeasyPrint's PDFs, applied as it writes them (its ``finisher`` hook).

Text fields: the same blank used twice becomes one field with a widget at each place, and
every text field's type size is "auto", so a long answer still fits its box.

WeasyPrint 70 gives figures' layout boxes in CSS pixels from the top of the page, table
header cells no ``/Scope``, and a ``<nav>`` list the generic ``NonStruct``/``L``/``LI``
tags; PDF/UA wants points in the page's own space, a scope, and a ``TOC`` of ``TOCI``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import pydyf

__all__ = ["finish_pdf"]

_FONT_SIZE = re.compile(rb"(/\S+) [0-9.]+ Tf")

PX = 0.75
"""Points per CSS pixel."""


def _object(pdf: Any, reference: Any) -> Any:
    number = int(bytes(reference).split()[0]) if not isinstance(reference, int) else reference
    return pdf.objects[number]


def _name(value: Any) -> str:
    return str(value).lstrip("/")


def _kids(pdf: Any, element: Any) -> list[Any]:
    kids = element.get("K")
    if not isinstance(kids, pydyf.Array):
        return []
    return [
        _object(pdf, kid)
        for kid in kids
        if isinstance(kid, bytes | str) and not str(kid).lstrip("-").isdigit()
    ]


def _is_element(value: Any) -> bool:
    return isinstance(value, pydyf.Dictionary) and value.get("Type") == "/StructElem"


def _contents_list(pdf: Any, element: Any) -> None:
    """``L`` becomes ``TOC``, ``LI`` ``TOCI`` (its ``LBody`` dissolved into it)."""
    kind = _name(element.get("S", ""))
    if kind == "L":
        element["S"] = "/TOC"
    elif kind == "LI":
        element["S"] = "/TOCI"
        merged = pydyf.Array()
        for kid in element["K"]:
            child: Any = _object(pdf, kid) if isinstance(kid, bytes) else None
            if _is_element(child) and _name(child.get("S", "")) == "LBody":
                for grandchild in child["K"]:
                    merged.append(grandchild)
                    target: Any = (
                        _object(pdf, grandchild) if isinstance(grandchild, bytes) else None
                    )
                    if _is_element(target):
                        target["P"] = element.reference
            else:
                merged.append(kid)
        element["K"] = merged
    for child in _kids(pdf, element):
        if _is_element(child):
            _contents_list(pdf, child)


def _tag_contents(pdf: Any) -> None:
    """The playbook's contents: the one ``NonStruct`` (``<nav>``) under the document."""
    for element in list(pdf.objects):
        if not _is_element(element) or element.get("S") != "/Document":
            continue
        for child in _kids(pdf, element):
            if _is_element(child) and child.get("S") == "/NonStruct":
                child["S"] = "/Div"
                for part in _kids(pdf, child):
                    if _is_element(part) and part.get("S") == "/L":
                        _contents_list(pdf, part)


def _bytes(value: str | bytes) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else value


def _merge_text_fields(pdf: Any) -> None:
    form = pdf.catalog.get("AcroForm")
    if not isinstance(form, pydyf.Dictionary):
        return
    widgets: dict[bytes, list[Any]] = defaultdict(list)
    for reference in form["Fields"]:
        field = _object(pdf, reference)
        if field.get("FT") == "/Tx":
            field["DA"] = pydyf.String(_FONT_SIZE.sub(rb"\1 0 Tf", _bytes(field["DA"].string)))
            widgets[_bytes(field["T"].string)].append(field)
    replaced: dict[bytes, bytes | None] = {}
    for group in widgets.values():
        if len(group) < 2:
            continue
        first = group[0]
        parent = pydyf.Dictionary(
            {
                "FT": "/Tx",
                "T": first["T"],
                "TU": first["TU"],
                "DA": first["DA"],
                "V": first["V"],
                "Kids": pydyf.Array(widget.reference for widget in group),
            }
        )
        if "Ff" in first:
            parent["Ff"] = first["Ff"]
        pdf.add_object(parent)
        for number, widget in enumerate(group):
            for key in ("FT", "T", "V", "Ff"):
                widget.pop(key, None)
            widget["Parent"] = parent.reference
            replaced[bytes(widget.reference)] = bytes(parent.reference) if number == 0 else None
    if replaced:
        fields = pydyf.Array()
        for reference in form["Fields"]:
            field_key = bytes(reference)
            if field_key not in replaced:
                fields.append(reference)
            elif replaced[field_key] is not None:
                fields.append(replaced[field_key])
        form["Fields"] = fields


def finish_pdf(document: Any, pdf: Any) -> None:
    _merge_text_fields(pdf)
    _tag_contents(pdf)
    for element in list(pdf.objects):
        if not isinstance(element, pydyf.Dictionary) or element.get("Type") != "/StructElem":
            continue
        kind = _name(element.get("S", ""))
        if kind == "Figure":
            _figure_box_in_points(pdf, element)
        elif kind == "TH":
            attributes = element.get("A")
            if isinstance(attributes, pydyf.Dictionary) and "Scope" not in attributes:
                row = _object(pdf, element["P"])
                section = _name(_object(pdf, row["P"]).get("S", "")) if "P" in row else ""
                attributes["Scope"] = "/Column" if section == "THead" else "/Row"


def _figure_box_in_points(pdf: Any, element: Any) -> None:
    attributes = element.get("A")
    if not isinstance(attributes, pydyf.Dictionary) or "BBox" not in attributes:
        return
    page = _object(pdf, element["Pg"])
    height = float(page["MediaBox"][3])
    x1, y1, x2, y2 = (float(value) for value in attributes["BBox"])
    attributes["BBox"] = pydyf.Array((x1 * PX, height - y2 * PX, x2 * PX, height - y1 * PX))
