"""The outline of every ISO 5807 symbol: SVG path data, where lines meet it, where its text sits.

Each drawing is one unit, an :class:`Outline`: its parts, how far inside its
box the outline lies on each side, and where its text centres.  A symbol's
row in :data:`~flowchart_cli.symbols.SYMBOLS` names its drawing (start and end
share the stadium).  Layout uses :func:`inset` to end flow lines exactly on a
shape's outline; the SVG writer (and the handout legend, through it) draws
:func:`shape_parts` with its text at :func:`text_center`.
"""

from __future__ import annotations

import math

from ..symbols import SYMBOLS
from .geometry import Point, Rect

__all__ = ["OUTLINES", "Outline", "Parts", "fmt", "inset", "outline_of", "shape_parts", "text_area", "text_center"]

Parts = tuple[tuple[str, str], ...]
"""("fill", d) outlines and ("line", d) details, in drawing order (d: SVG path data)."""


def fmt(value: float) -> str:
    """A coordinate as short fixed text: at most two decimals, never ``-0``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def text_area(kind: str) -> tuple[float, float]:
    """The part of a ``kind`` box (width, height) that can hold text: the symbol table says."""
    return SYMBOLS[kind].text_share if kind in SYMBOLS else (1.0, 1.0)


def _wave(rect: Rect) -> float:
    return max(3.0, rect.height * 0.11)


def _cyl(rect: Rect) -> float:
    return min(12.0, rect.height * 0.16)


def _offpage_point(rect: Rect) -> float:
    return min(rect.height * 0.35, rect.width / 2)


def _slant(rect: Rect) -> float:
    return min(rect.height * 0.28, 20.0)


def _skew(rect: Rect) -> float:
    return min(18.0, rect.width * 0.12)


def _trap(rect: Rect) -> float:
    return min(rect.width * 0.14, 26.0)


def _hex(rect: Rect) -> float:
    return min(rect.width * 0.14, rect.height / 2, 24.0)


def _front_sheet(rect: Rect) -> tuple[Rect, float]:
    step = min(6.0, rect.height * 0.08)
    return Rect(rect.x, rect.y + 2 * step, rect.width - 2 * step, rect.height - 2 * step), step


def _document(r: Rect) -> str:
    a = _wave(r)
    e = r.bottom - a
    k = a / 0.2887
    return (
        f"M{fmt(r.x)},{fmt(r.y)} H{fmt(r.right)} V{fmt(e)} "
        f"C{fmt(r.x + 0.65 * r.width)},{fmt(e - k)} {fmt(r.x + 0.35 * r.width)},{fmt(e + k)} "
        f"{fmt(r.x)},{fmt(e)} Z"
    )


def _rounded_ends(r: Rect, left: bool) -> str:
    rad = min(r.height / 2, r.width / 2)
    x0 = r.x + rad if left else r.x
    start = f"M{fmt(x0)},{fmt(r.y)} H{fmt(r.right - rad)} "
    right = f"A{fmt(rad)},{fmt(rad)} 0 0 1 {fmt(r.right - rad)},{fmt(r.bottom)} H{fmt(x0)} "
    close = f"A{fmt(rad)},{fmt(rad)} 0 0 1 {fmt(x0)},{fmt(r.y)} Z" if left else "Z"
    return start + right + close


def _polygon(points: list[tuple[float, float]]) -> str:
    return "M" + " L".join(f"{fmt(x)},{fmt(y)}" for x, y in points) + " Z"


def _round_inset(radius: float, offset: float) -> float:
    offset = min(abs(offset), radius)
    return radius - math.sqrt(radius * radius - offset * offset)


def _doc_inset(r: Rect, offset: float) -> float:
    a = _wave(r)
    t = min(1.0, max(0.0, 0.5 - offset / r.width))
    return a - 3 * (a / 0.2887) * t * (1 - t) * (2 * t - 1)


class Outline:
    """One drawing, whole.  The defaults are a plain box's: the outline lies on the box's sides
    and the text centres in it; each drawing below says only where it differs."""

    def parts(self, r: Rect) -> Parts:
        """The drawing in ``r``."""
        x, y, w, h = r.x, r.y, r.width, r.height
        return (("fill", _polygon([(x, y), (x + w, y), (x + w, y + h), (x, y + h)])),)

    def inset(self, r: Rect, side: str, offset: float) -> float:
        """How far inside ``r``'s ``side`` (top, bottom, left, right) the outline lies at ``offset``
        (measured along that side from its middle, right/down positive)."""
        return 0.0

    def text_centre(self, r: Rect) -> Point:
        """Where the middle of the text block goes."""
        return r.center


class _Rectangle(Outline):
    """Process (and any unknown kind): the box itself."""


class _Stadium(Outline):
    """Start and end: round at both ends."""

    def parts(self, r: Rect) -> Parts:
        return (("fill", _rounded_ends(r, True)),)

    def inset(self, r: Rect, side: str, offset: float) -> float:
        return _round_inset(r.height / 2, offset) if side in _SIDEWAYS else 0.0


class _Delay(Outline):
    """Delay: round at the right end only."""

    def parts(self, r: Rect) -> Parts:
        return (("fill", _rounded_ends(r, False)),)

    def inset(self, r: Rect, side: str, offset: float) -> float:
        return _round_inset(r.height / 2, offset) if side == "right" else 0.0


class _Diamond(Outline):
    """Decision."""

    def parts(self, r: Rect) -> Parts:
        x, y, w, h, cx, cy = r.x, r.y, r.width, r.height, r.center.x, r.center.y
        return (("fill", _polygon([(cx, y), (x + w, cy), (cx, y + h), (x, cy)])),)

    def inset(self, r: Rect, side: str, offset: float) -> float:
        w, h = r.width, r.height
        return abs(offset) / (h / 2) * (w / 2) if side in _SIDEWAYS else abs(offset) / (w / 2) * (h / 2)


class _Parallelogram(Outline):
    """Input/output: slanted sides."""

    def parts(self, r: Rect) -> Parts:
        x, y, w, h, s = r.x, r.y, r.width, r.height, _skew(r)
        return (("fill", _polygon([(x + s, y), (x + w, y), (x + w - s, y + h), (x, y + h)])),)

    def inset(self, r: Rect, side: str, offset: float) -> float:
        if side not in _SIDEWAYS:
            return 0.0
        h = r.height
        return _skew(r) * (0.5 - offset / h if side == "left" else 0.5 + offset / h)


class _Document(Outline):
    """Document: a wavy base."""

    def parts(self, r: Rect) -> Parts:
        return (("fill", _document(r)),)

    def inset(self, r: Rect, side: str, offset: float) -> float:
        return _doc_inset(r, offset) if side == "bottom" else 0.0

    def text_centre(self, r: Rect) -> Point:
        c = r.center
        return Point(c.x, c.y + -_wave(r) / 2)


class _Documents(Outline):
    """Several documents: three sheets, the front one lowest and leftmost."""

    def parts(self, r: Rect) -> Parts:
        front, step = _front_sheet(r)
        back = [
            Rect(front.x + 2 * step, r.y, front.width, front.height),
            Rect(front.x + step, r.y + step, front.width, front.height),
        ]
        return tuple(("fill", _document(sheet)) for sheet in (*back, front))

    def inset(self, r: Rect, side: str, offset: float) -> float:
        if side != "bottom":
            return 0.0
        front, step = _front_sheet(r)
        return _doc_inset(front, offset + step)

    def text_centre(self, r: Rect) -> Point:
        front, _ = _front_sheet(r)
        return Point(front.center.x, front.center.y - _wave(front) / 2)


class _Subprocess(Outline):
    """Predefined process: the box with a bar inside each end."""

    def parts(self, r: Rect) -> Parts:
        x, y, w, h = r.x, r.y, r.width, r.height
        bar = min(10.0, w * 0.08)
        lines = f"M{fmt(x + bar)},{fmt(y)} V{fmt(y + h)} M{fmt(x + w - bar)},{fmt(y)} V{fmt(y + h)}"
        return (*super().parts(r), ("line", lines))


class _ManualInput(Outline):
    """Manual input: the top slopes up to the right."""

    def parts(self, r: Rect) -> Parts:
        x, y, w, h, s = r.x, r.y, r.width, r.height, _slant(r)
        return (("fill", _polygon([(x, y + s), (x + w, y), (x + w, y + h), (x, y + h)])),)

    def inset(self, r: Rect, side: str, offset: float) -> float:
        return _slant(r) * (0.5 - offset / r.width) if side == "top" else 0.0

    def text_centre(self, r: Rect) -> Point:
        c = r.center
        return Point(c.x, c.y + _slant(r) / 2)


class _Trapezoid(Outline):
    """Manual operation: narrower at the bottom."""

    def parts(self, r: Rect) -> Parts:
        x, y, w, h, s = r.x, r.y, r.width, r.height, _trap(r)
        return (("fill", _polygon([(x, y), (x + w, y), (x + w - s, y + h), (x + s, y + h)])),)

    def inset(self, r: Rect, side: str, offset: float) -> float:
        return _trap(r) * (0.5 + offset / r.height) if side in _SIDEWAYS else 0.0


class _Hexagon(Outline):
    """Preparation: pointed ends."""

    def parts(self, r: Rect) -> Parts:
        x, y, w, h, cy, s = r.x, r.y, r.width, r.height, r.center.y, _hex(r)
        return (
            ("fill", _polygon([(x + s, y), (x + w - s, y), (x + w, cy), (x + w - s, y + h), (x + s, y + h), (x, cy)])),
        )

    def inset(self, r: Rect, side: str, offset: float) -> float:
        return _hex(r) * abs(offset) / (r.height / 2) if side in _SIDEWAYS else 0.0


class _Cylinder(Outline):
    """Stored data: a drum seen from the side, its top rim drawn."""

    def parts(self, r: Rect) -> Parts:
        x, y, w, h = r.x, r.y, r.width, r.height
        ry, rx = _cyl(r), w / 2
        body = (
            f"M{fmt(x)},{fmt(y + ry)} A{fmt(rx)},{fmt(ry)} 0 0 1 {fmt(x + w)},{fmt(y + ry)} "
            f"V{fmt(y + h - ry)} A{fmt(rx)},{fmt(ry)} 0 0 1 {fmt(x)},{fmt(y + h - ry)} Z"
        )
        rim = f"M{fmt(x)},{fmt(y + ry)} A{fmt(rx)},{fmt(ry)} 0 0 0 {fmt(x + w)},{fmt(y + ry)}"
        return (("fill", body), ("line", rim))

    def inset(self, r: Rect, side: str, offset: float) -> float:
        if side in _SIDEWAYS:
            return 0.0
        ry, rx = _cyl(r), r.width / 2
        return ry - ry * math.sqrt(max(0.0, 1 - (offset / rx) ** 2))

    def text_centre(self, r: Rect) -> Point:
        c = r.center
        return Point(c.x, c.y + _cyl(r) / 2)


class _Circle(Outline):
    """Connector: a circle as wide as the box is high, in its middle."""

    def parts(self, r: Rect) -> Parts:
        cx, cy, rad = r.center.x, r.center.y, min(r.width, r.height) / 2
        d = (
            f"M{fmt(cx - rad)},{fmt(cy)} A{fmt(rad)},{fmt(rad)} 0 1 1 {fmt(cx + rad)},{fmt(cy)} "
            f"A{fmt(rad)},{fmt(rad)} 0 1 1 {fmt(cx - rad)},{fmt(cy)} Z"
        )
        return (("fill", d),)

    def inset(self, r: Rect, side: str, offset: float) -> float:
        w, h = r.width, r.height
        return _round_inset(min(w, h) / 2, offset) + (w - min(w, h)) / 2 * (side in _SIDEWAYS)


class _Offpage(Outline):
    """Off-page connector: a box whose base comes to a point."""

    def parts(self, r: Rect) -> Parts:
        x, y, w, h, cx, p = r.x, r.y, r.width, r.height, r.center.x, _offpage_point(r)
        return (("fill", _polygon([(x, y), (x + w, y), (x + w, y + h - p), (cx, y + h), (x, y + h - p)])),)

    def inset(self, r: Rect, side: str, offset: float) -> float:
        return _offpage_point(r) * min(1.0, abs(offset) / (r.width / 2)) if side == "bottom" else 0.0

    def text_centre(self, r: Rect) -> Point:
        c = r.center
        return Point(c.x, c.y + -_offpage_point(r) / 2)


_SIDEWAYS = ("left", "right")

OUTLINES: dict[str, Outline] = {
    "stadium": _Stadium(),
    "rectangle": _Rectangle(),
    "diamond": _Diamond(),
    "parallelogram": _Parallelogram(),
    "document": _Document(),
    "documents": _Documents(),
    "subprocess": _Subprocess(),
    "manual_input": _ManualInput(),
    "trapezoid": _Trapezoid(),
    "hexagon": _Hexagon(),
    "delay": _Delay(),
    "cylinder": _Cylinder(),
    "circle": _Circle(),
    "offpage": _Offpage(),
}
"""Every drawing by name; a symbol row names one of them as its ``outline``."""


def outline_of(kind: str) -> Outline:
    """The drawing a symbol uses (a box for a kind the table does not know)."""
    return OUTLINES[SYMBOLS[kind].outline if kind in SYMBOLS else "rectangle"]


def shape_parts(kind: str, r: Rect) -> Parts:
    """The drawing of ``kind`` in ``r``: ("fill", d) outlines and ("line", d) details, in order."""
    return outline_of(kind).parts(r)


def inset(kind: str, r: Rect, side: str, offset: float) -> float:
    """How far inside ``r``'s ``side`` (top, bottom, left, right) the outline of ``kind`` lies at ``offset``.

    ``offset`` is measured along that side from its middle (right/down positive).
    """
    return outline_of(kind).inset(r, side, offset)


def text_center(kind: str, rect: Rect) -> Point:
    """Where the middle of a symbol's text block goes."""
    return outline_of(kind).text_centre(rect)
