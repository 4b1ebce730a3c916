"""The drawings a handout inlines: the diagram and the legend icons, as inline SVG.

They come from the SVG writer (the same drawing as `flowchart render`); this
module only makes them fit for inlining: no XML prolog, a viewBox so CSS can
scale them, and ids made unique per drawing so that two inline SVGs never
point into each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from markupsafe import Markup

from ..layout.geometry import Diagram
from ..layout.theme import THEMES, Theme
from ..options import RenderOptions

__all__ = ["Drawing", "SvgDrawing", "inline_svg"]

_PROLOG = re.compile(r"\A(?:\s|<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->)*", re.S)
_ROOT = re.compile(r"<svg\b[^>]*>", re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_LABELLED_BY = re.compile(r'(\baria-(?:labelledby|describedby)=")([^"]*)"')


class Drawing(Protocol):
    """What the view-model needs drawn (tests pass a fake)."""

    def diagram_svg(self, diagram: Diagram) -> str: ...

    def icon(self, kind: str, width: float, height: float) -> str: ...


@dataclass(frozen=True)
class SvgDrawing:
    """The real drawings, from :mod:`flowchart_cli.writers.svg`, in the diagram's theme."""

    theme: Theme = THEMES["default"]

    def diagram_svg(self, diagram: Diagram) -> str:
        from ..writers.svg import write_svg

        svg = write_svg(diagram, RenderOptions())
        return svg.decode("utf-8") if isinstance(svg, bytes) else svg

    def icon(self, kind: str, width: float, height: float) -> str:
        return _icon(kind, width, height, self.theme)


@cache
def _icon(kind: str, width: float, height: float, theme: Theme) -> str:
    from ..writers.svg import symbol_icon

    return symbol_icon(kind, width, height, theme)


def inline_svg(
    svg: str, prefix: str, width: float | None = None, height: float | None = None, *, focusable: bool = False
) -> Markup:
    """``svg`` ready to sit inside HTML: prolog dropped, viewBox ensured, ids prefixed.

    ``width``/``height`` give the viewBox when the drawing has none.  A ``focusable`` drawing takes the
    keyboard's focus (``tabindex="0"``): on screen a diagram wider than the page column scrolls sideways inside
    it, and a keyboard must reach it to scroll it (axe's scrollable-region-focusable).
    """
    text = _PROLOG.sub("", svg, count=1).strip()
    root = _ROOT.search(text)
    if root is None:
        raise ValueError("the SVG writer returned no <svg> element")
    tag = root.group(0)
    if "viewBox" not in tag and width and height:
        tag = tag.replace("<svg", f'<svg viewBox="0 0 {width:g} {height:g}"', 1)
    if focusable and "tabindex" not in tag:
        tag = tag.replace("<svg", '<svg tabindex="0"', 1)
    text = text[: root.start()] + tag + text[root.end() :]
    return Markup(_scope_ids(text, prefix))


def _scope_ids(text: str, prefix: str) -> str:
    """Prefix every id and every local reference to it (`#id`, `url(#id)`)."""
    ids = set(_ID.findall(text))
    if not ids:
        return text
    names = "|".join(map(re.escape, sorted(ids, key=len, reverse=True)))
    pattern = re.compile(r'(\bid="|href="#|url\(#)(' + names + r')(?=["\)])')
    text = pattern.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", text)
    return _LABELLED_BY.sub(
        lambda m: (
            m.group(1) + " ".join(f"{prefix}-{name}" if name in ids else name for name in m.group(2).split()) + '"'
        ),
        text,
    )
