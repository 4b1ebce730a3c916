"""No page that holds only the last few lines of a section: print again with those sections set closer.

Every section of the handout starts a page, so a section a few lines longer
than a page ends on a page of its own with four lines on it (a table of
contents spilling off the cover, the last quiz question).  CSS cannot see
that coming; the laid-out pages can.  After the first print, a page that only
continues a section, ends it, and is less than :data:`SPILL` full marks the
sections that run into it; they are printed again with ``pagefit.css``
(closer spacing, never smaller text), and the new pages are kept when they
have fewer such pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import pairwise
from typing import Any

from ..resources import templates_dir

__all__ = ["SPILL", "fitted", "page_sections", "spilled_sections", "spilling_sections"]

SPILL = 0.34  # a section's last page filled less than this (and only by it) is a spill

Page = tuple[tuple[str, ...], float]  # the ids of the sections on a page, and how full it is (0–1)


def _boxes(box: Any, margin_box: type) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", None) or ():
        if not isinstance(child, margin_box):  # the running header and page number are not content
            yield from _boxes(child, margin_box)


def page_sections(page: Any) -> Page:
    """The ids of the sections on a laid-out WeasyPrint ``page`` (in order) and how full it is."""
    from weasyprint.formatting_structure import boxes

    root = page._page_box  # WeasyPrint's laid-out page: the only place that knows where lines fell
    ids: list[str] = []
    bottom = top = root.content_box_y()
    for box in _boxes(root, boxes.MarginBox):
        element = getattr(box, "element", None)
        section = isinstance(box, boxes.BlockBox) and element is not None and box.element_tag in ("section", "header")
        if section and element.get("id") and element.get("id") not in ids:
            ids.append(element.get("id"))
        if isinstance(box, boxes.LineBox | boxes.ReplacedBox):
            bottom = max(bottom, box.position_y + box.height)
    return tuple(ids), (bottom - top) / root.height if root.height else 1.0


def _spills(pages: list[Page]) -> list[int]:
    """Indexes of the pages that only hold the end of a section begun on the page before, and little of it."""
    return [
        i
        for i, (before, (ids, full)) in enumerate(pairwise(pages), start=1)
        if len(ids) == 1 and ids[0] in before[0] and full < SPILL
    ]


def spilled_sections(document: Any, before: int = 0) -> list[str]:
    """Ids of the sections to set closer: for each spill, every section on the pages that run into it
    (and on the ``before`` pages before those, whose sections push it forward too)."""
    pages = [page_sections(page) for page in document.pages]
    spilled: list[str] = []
    for i in _spills(pages):
        first = i
        while first > 0 and set(pages[first][0]) & set(pages[first - 1][0]):
            first -= 1  # back to the page where this run of sections began
        first = max(0, first - before)
        spilled.extend(s for page in pages[first : i + 1] for s in page[0] if s not in spilled)
    return spilled


def spilling_sections(document: Any) -> list[str]:
    """Ids of the sections whose last lines spill: set closer alone, they may take those lines back
    where setting every section before them closer moves more of the earlier ones forward too."""
    pages = [page_sections(page) for page in document.pages]
    return list(dict.fromkeys(pages[i][0][0] for i in _spills(pages)))


def _count(document: Any) -> int:
    return len(_spills([page_sections(page) for page in document.pages]))


def fitted(html: str, document: Any, render: Callable[[str], Any]) -> Any:
    """``document`` (``render(html)``), or the print of ``html`` with its spilled sections set closer
    when that has fewer spills (or as few, on fewer pages): first every section that runs into a
    spill; while a spill is left, only the sections that spill, then those and the sections of the
    page before them too.  The closer rules change spacing
    only: a named page with narrower margins would make WeasyPrint start a page at every section
    that names it."""
    if not all(hasattr(page, "_page_box") for page in document.pages):
        return document  # a WeasyPrint that no longer shows its laid-out pages: print as laid out
    if "</style>" not in html:
        return document
    sheet = (templates_dir() / "handout" / "pagefit.css").read_text(encoding="utf-8")
    best, score = document, (_count(document), len(document.pages))
    for choose in (spilled_sections, spilling_sections, lambda d: spilled_sections(d, before=1)):
        sections = choose(document)
        if not score[0] or not sections:
            continue
        rules = sheet.replace("SECTIONS", ", ".join(f"#{section}" for section in sections))
        closer = render(html.replace("</style>", rules + "</style>", 1))
        if (_count(closer), len(closer.pages)) < score:
            best, score = closer, (_count(closer), len(closer.pages))
    return best
