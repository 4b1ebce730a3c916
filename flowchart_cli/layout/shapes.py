"""The outline of every ISO 5807 symbol: SVG path data, where lines meet it, where its text sits.

Layout uses :func:`inset` to end flow lines exactly on a shape's outline;
the SVG writer (and the handout legend, through it) draws :func:`shape_parts`.
"""

from __future__ import annotations

import math

from ..symbols import SYMBOLS
from .geometry import Point, Rect

__all__ = ["OUTLINES", "fmt", "inset", "shape_parts", "text_area", "text_center"]

OUTLINES = (
    "stadium", "rectangle", "diamond", "parallelogram", "document", "documents", "subprocess",
    "manual_input", "trapezoid", "hexagon", "delay", "cylinder", "circle", "offpage",
)  # fmt: skip
"""The drawings below; a symbol row names one of them as its ``outline``."""


def fmt(value: float) -> str:
    """A coordinate as short fixed text: at most two decimals, never ``-0``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def text_area(kind: str) -> tuple[float, float]:
    """The part of a ``kind`` box (width, height) that can hold text: the symbol table says."""
    return SYMBOLS[kind].text_share if kind in SYMBOLS else (1.0, 1.0)


def _outline(kind: str) -> str:
    """The drawing a symbol uses (several share one: start and end are both a stadium)."""
    return SYMBOLS[kind].outline if kind in SYMBOLS else "rectangle"


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


def text_center(kind: str, rect: Rect) -> Point:
    """Where the middle of a symbol's text block goes."""
    c, kind = rect.center, _outline(kind)
    if kind == "documents":
        front, _ = _front_sheet(rect)
        return Point(front.center.x, front.center.y - _wave(front) / 2)
    shift = {
        "document": -_wave(rect) / 2,
        "manual_input": _slant(rect) / 2,
        "offpage": -_offpage_point(rect) / 2,
        "cylinder": _cyl(rect) / 2,
    }.get(kind, 0.0)
    return Point(c.x, c.y + shift)


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


def shape_parts(kind: str, r: Rect) -> tuple[tuple[str, str], ...]:
    """The drawing of ``kind`` in ``r``: ("fill", d) outlines and ("line", d) details, in order."""
    x, y, w, h, cx, cy = r.x, r.y, r.width, r.height, r.center.x, r.center.y
    kind = _outline(kind)
    if kind == "stadium":
        return (("fill", _rounded_ends(r, True)),)
    if kind == "delay":
        return (("fill", _rounded_ends(r, False)),)
    if kind == "diamond":
        return (("fill", _polygon([(cx, y), (x + w, cy), (cx, y + h), (x, cy)])),)
    if kind == "parallelogram":
        s = _skew(r)
        return (("fill", _polygon([(x + s, y), (x + w, y), (x + w - s, y + h), (x, y + h)])),)
    if kind == "document":
        return (("fill", _document(r)),)
    if kind == "documents":
        front, step = _front_sheet(r)
        back = [
            Rect(front.x + 2 * step, y, front.width, front.height),
            Rect(front.x + step, y + step, front.width, front.height),
        ]
        return tuple(("fill", _document(sheet)) for sheet in (*back, front))
    if kind == "subprocess":
        bar = min(10.0, w * 0.08)
        lines = f"M{fmt(x + bar)},{fmt(y)} V{fmt(y + h)} M{fmt(x + w - bar)},{fmt(y)} V{fmt(y + h)}"
        return (("fill", _polygon([(x, y), (x + w, y), (x + w, y + h), (x, y + h)])), ("line", lines))
    if kind == "manual_input":
        s = _slant(r)
        return (("fill", _polygon([(x, y + s), (x + w, y), (x + w, y + h), (x, y + h)])),)
    if kind == "trapezoid":
        s = _trap(r)
        return (("fill", _polygon([(x, y), (x + w, y), (x + w - s, y + h), (x + s, y + h)])),)
    if kind == "hexagon":
        s = _hex(r)
        return (
            ("fill", _polygon([(x + s, y), (x + w - s, y), (x + w, cy), (x + w - s, y + h), (x + s, y + h), (x, cy)])),
        )
    if kind == "cylinder":
        ry, rx = _cyl(r), w / 2
        body = (
            f"M{fmt(x)},{fmt(y + ry)} A{fmt(rx)},{fmt(ry)} 0 0 1 {fmt(x + w)},{fmt(y + ry)} "
            f"V{fmt(y + h - ry)} A{fmt(rx)},{fmt(ry)} 0 0 1 {fmt(x)},{fmt(y + h - ry)} Z"
        )
        rim = f"M{fmt(x)},{fmt(y + ry)} A{fmt(rx)},{fmt(ry)} 0 0 0 {fmt(x + w)},{fmt(y + ry)}"
        return (("fill", body), ("line", rim))
    if kind == "circle":
        rad = min(w, h) / 2
        d = (
            f"M{fmt(cx - rad)},{fmt(cy)} A{fmt(rad)},{fmt(rad)} 0 1 1 {fmt(cx + rad)},{fmt(cy)} "
            f"A{fmt(rad)},{fmt(rad)} 0 1 1 {fmt(cx - rad)},{fmt(cy)} Z"
        )
        return (("fill", d),)
    if kind == "offpage":
        p = _offpage_point(r)
        return (("fill", _polygon([(x, y), (x + w, y), (x + w, y + h - p), (cx, y + h), (x, y + h - p)])),)
    return (("fill", _polygon([(x, y), (x + w, y), (x + w, y + h), (x, y + h)])),)


def _round_inset(radius: float, offset: float) -> float:
    offset = min(abs(offset), radius)
    return radius - math.sqrt(radius * radius - offset * offset)


def _doc_inset(r: Rect, offset: float) -> float:
    a = _wave(r)
    t = min(1.0, max(0.0, 0.5 - offset / r.width))
    return a - 3 * (a / 0.2887) * t * (1 - t) * (2 * t - 1)


def inset(kind: str, r: Rect, side: str, offset: float) -> float:
    """How far inside ``r``'s ``side`` (top, bottom, left, right) the outline lies at ``offset``.

    ``offset`` is measured along that side from its middle (right/down positive).
    """
    w, h, kind = r.width, r.height, _outline(kind)
    vertical = side in ("left", "right")
    if kind == "diamond":
        return abs(offset) / (h / 2) * (w / 2) if vertical else abs(offset) / (w / 2) * (h / 2)
    if kind == "circle":
        return _round_inset(min(w, h) / 2, offset) + (w - min(w, h)) / 2 * vertical
    if (kind == "stadium" and vertical) or (kind == "delay" and side == "right"):
        return _round_inset(h / 2, offset)
    if kind == "parallelogram" and vertical:
        return _skew(r) * (0.5 - offset / h if side == "left" else 0.5 + offset / h)
    if kind == "trapezoid" and vertical:
        return _trap(r) * (0.5 + offset / h)
    if kind == "hexagon" and vertical:
        return _hex(r) * abs(offset) / (h / 2)
    if kind == "manual_input" and side == "top":
        return _slant(r) * (0.5 - offset / w)
    if kind == "cylinder" and not vertical:
        ry, rx = _cyl(r), w / 2
        return ry - ry * math.sqrt(max(0.0, 1 - (offset / rx) ** 2))
    if kind == "document" and side == "bottom":
        return _doc_inset(r, offset)
    if kind == "documents" and side == "bottom":
        front, step = _front_sheet(r)
        return _doc_inset(front, offset + step)
    if kind == "offpage" and side == "bottom":
        return _offpage_point(r) * min(1.0, abs(offset) / (w / 2))
    return 0.0
