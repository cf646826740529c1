"""Fixes to WeasyPrint's PDF/UA structure tree, applied as it writes the PDF (``finisher``).

WeasyPrint 70 gives figures' layout boxes in CSS pixels from the top of the page, and table
header cells no ``/Scope``; PDF/UA checkers want points in the page's own space, and a scope.
"""

from __future__ import annotations

from typing import Any

import pydyf

__all__ = ["finish_tags"]

PX = 0.75
"""Points per CSS pixel."""


def _object(pdf: Any, reference: Any) -> Any:
    number = int(bytes(reference).split()[0]) if not isinstance(reference, int) else reference
    return pdf.objects[number]


def _name(value: Any) -> str:
    return str(value).lstrip("/")


def finish_tags(document: Any, pdf: Any) -> None:
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
