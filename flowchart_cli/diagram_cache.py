"""Check flow text and keep its SVG by content, so a docs server re-renders only flows that changed.

`mkdocs serve` rebuilds the whole site on every save; laying a flow out
(Graphviz) is the slow part, so SVGs are kept by a hash of the flow text, the
file it stands for and the render options. Checking is cheap and always
redone: a `ref` that vanished is still reported.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from .check import CheckResult, check_text
from .writers import RenderOptions

__all__ = ["DiagramCache", "Rendered"]


@dataclass(frozen=True, slots=True)
class Rendered:
    """A checked flow and its SVG (``None`` when the flow has errors)."""

    result: CheckResult
    svg: str | None


class DiagramCache:
    """SVGs by content, the least recently used dropped past ``limit``; ``renders`` counts real renders."""

    def __init__(self, limit: int = 512) -> None:
        self.limit = limit
        self.renders = 0
        self._svgs: OrderedDict[str, str] = OrderedDict()

    def render(
        self,
        text: str,
        *,
        path: Path,
        display: str,
        options: RenderOptions,
        line_offset: int = 0,
        source: str | None = None,
    ) -> Rendered:
        """Check ``text`` (diagnostics point at ``display``, lines moved by ``line_offset``) and draw it."""
        result = check_text(text, path, display, line_offset=line_offset, source=source)
        if not result.ok:
            return Rendered(result, None)
        key = hashlib.sha256(f"{path}\0{options!r}\0{text}".encode()).hexdigest()
        svg = self._svgs.get(key)
        if svg is None:
            svg = self._draw(result, options)
            self._svgs[key] = svg
            while len(self._svgs) > self.limit:
                self._svgs.popitem(last=False)
        else:
            self._svgs.move_to_end(key)
        return Rendered(result, svg)

    def _draw(self, result: CheckResult, options: RenderOptions) -> str:
        from .pipeline import render_payloads

        self.renders += 1
        svg = render_payloads(result.flow, ["svg"], options)["svg"]
        return svg if isinstance(svg, str) else svg.decode("utf-8")
