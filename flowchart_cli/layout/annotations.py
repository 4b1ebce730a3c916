"""What is drawn beside the flow itself: the title block above it and each step's number badge.

Both are geometry like the rest, computed once so that SVG (and PNG/PDF made
from it) and draw.io put them in the same places.  The title block moves the
whole drawing down by its height; a writer only draws its lines.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Flow
from ..symbols import SYMBOLS
from .geometry import EdgePath, LaneBand, Point, Rect, StageBand
from .shapes import outline_of
from .text import text_width

__all__ = ["HeaderLine", "header_layout", "header_size", "header_texts", "number_badge", "shift_down"]

_GAP = 12.0  # between the block and the diagram below it
_CUT_CORNER = {kind: row.outline in ("parallelogram", "hexagon") for kind, row in SYMBOLS.items()}


@dataclass(frozen=True, slots=True)
class HeaderLine:
    """One line of the title block: ``at`` is its left end on the baseline."""

    text: str
    at: Point
    size: float
    bold: bool


def header_texts(flow: Flow) -> tuple[str, ...]:
    """The title, then one line with those of version, owner and updated the flow has."""
    from ..words import words  # the handout's words, so both say "owner" alike

    t = words(flow.lang)
    facts = [
        f"{t['version']} {flow.version}" if flow.version else "",
        f"{t['owner']}: {flow.owner}" if flow.owner else "",
        f"{t['updated']}: {flow.updated}" if flow.updated else "",
    ]
    meta = " · ".join(fact for fact in facts if fact)
    return (flow.title, meta) if meta else (flow.title,)


def header_layout(texts: tuple[str, ...], box: Rect, font_size: float) -> tuple[HeaderLine, ...]:
    """Where each line of the block sits inside ``box``: a bold title, smaller facts under it."""
    out, y = [], box.y
    for number, text in enumerate(texts):
        size = font_size + 5 if number == 0 else font_size
        y += size + (0 if number == 0 else 6)
        out.append(HeaderLine(text, Point(box.x, y), size, number == 0))
    return tuple(out)


def header_size(texts: tuple[str, ...], font_size: float) -> tuple[float, float]:
    """Width and height the block needs (its gap to the diagram included in the height)."""
    lines = header_layout(texts, Rect(0, 0, 0, 0), font_size)
    width = max((text_width(line.text, line.size, bold=line.bold) for line in lines), default=0.0)
    return width, (lines[-1].at.y + 6 + _GAP if lines else 0.0)


def pair_letters(number: int) -> str:
    """An off-page connector pair's mark: 1 → A, 26 → Z, 27 → AA (letters, never read as a step's number)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def number_badge(box: Rect, number: int | str, size: float, kind: str = "process") -> Rect:
    """The pill that holds a step's number (or a connector pair's letters) set at ``size`` px
    (:attr:`~.geometry.Diagram.small_size`), centred on its box's top-left corner and a little above it, clear of
    a first line of text that fills the box.

    A diamond has no corner there: its bounding box's corner is empty paper, and on a wide diamond a
    pill there floats far from the shape.  Its pill sits on the middle of its upper-left edge instead,
    outside it (every point of the pill is up and left of the pill's lower right corner, which is
    just off the edge), so it reads as the diamond's and never covers its text.  A parallelogram's or
    hexagon's top edge starts further in, where its slanted side meets it: the pill sits on that corner.
    """
    width = max(size + 5, text_width(str(number), size) + 8)
    height = size + 4
    if kind != "decision":
        cut = outline_of(kind).inset(box, "left", -box.height / 2) if _CUT_CORNER.get(kind) else 0.0
        return Rect(box.x + cut - width / 2, box.y - size / 2 - 4, width, height)
    half_w, half_h = box.width / 2, box.height / 2
    norm = (half_w**2 + half_h**2) ** 0.5 or 1.0
    gap = 2.0  # along the edge's outward normal (-half_h, -half_w) / norm
    corner_x = box.x + half_w / 2 - gap * half_h / norm
    corner_y = box.y + half_h / 2 - gap * half_w / norm
    return Rect(corner_x - width, corner_y - height, width, height)


def shift_down(
    dy: float,
    boxes: list[Rect],
    lanes: tuple[LaneBand, ...],
    edges: tuple[EdgePath, ...],
    stages: tuple[StageBand, ...] = (),
) -> tuple[list[Rect], tuple[LaneBand, ...], tuple[EdgePath, ...], tuple[StageBand, ...]]:
    """The same drawing ``dy`` lower, to make room for the title block."""

    def rect(r: Rect) -> Rect:
        return Rect(r.x, r.y + dy, r.width, r.height)

    def point(p: Point) -> Point:
        return Point(p.x, p.y + dy)

    return (
        [rect(b) for b in boxes],
        tuple(replace(lane, band=rect(lane.band), header=rect(lane.header)) for lane in lanes),
        tuple(
            replace(
                e,
                points=tuple(point(p) for p in e.points),
                label_at=None if e.label_at is None else point(e.label_at),
            )
            for e in edges
        ),
        tuple(replace(stage, band=rect(stage.band), label=rect(stage.label)) for stage in stages),
    )
