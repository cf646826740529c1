"""A PDF's list of page references, built once instead of once per tagged element.

pydyf 0.13's ``PDF.page_references`` builds a new tuple of every page's reference each time
it is read, and WeasyPrint 70 reads it for every tagged element and every link to find one
page: about 175 reads a page in the default playbook, each as long as the PDF, so the work
grows with the square of the pages (5 to 10 % of the time of a 156-page playbook). Here the
tuple is kept until a page is added (pydyf only ever appends pages): the same tuple pydyf
would build.
"""

from __future__ import annotations

from typing import Any

import pydyf

__all__ = ["keep_page_references"]

_BUILD: Any = getattr(pydyf.PDF, "page_references", None)
_KEPT = "_playbook_page_references"


def _kept_page_references(pdf: Any) -> Any:
    pages = len(pdf.pages["Kids"])
    kept = pdf.__dict__.get(_KEPT)
    if kept is None or kept[0] != pages:
        kept = (pages, _BUILD.fget(pdf))
        pdf.__dict__[_KEPT] = kept
    return kept[1]


def keep_page_references() -> None:
    """Make ``pydyf.PDF.page_references`` build its tuple once per page count.

    Left alone if pydyf no longer has it as a plain property (a later pydyf may cache it).
    """
    if isinstance(_BUILD, property) and _BUILD.fget is not None:
        pydyf.PDF.page_references = property(_kept_page_references)
