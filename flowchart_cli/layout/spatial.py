"""A grid of buckets over the page, so "what lies near this box" costs the same on any size of flow.

Label placement asks it for the lines, shapes and labels near each spot it
tries; without it every try looked at every line of the flow, which made
big flows quadratic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Generic, TypeVar

from .geometry import Rect

__all__ = ["GridIndex"]

T = TypeVar("T")
_CELL = 640.0


class GridIndex(Generic[T]):
    """Rectangles with a payload each, bucketed by the grid cells they touch."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        self._items: list[tuple[Rect, T]] = []

    @staticmethod
    def _span(low: float, high: float) -> range:
        return range(int(low // _CELL), int(high // _CELL) + 1)

    def add(self, rect: Rect, payload: T) -> None:
        number = len(self._items)
        self._items.append((rect, payload))
        cells = self._cells
        x0, x1 = int(rect.x // _CELL), int((rect.x + rect.width) // _CELL)  # _span inlined
        y0, y1 = int(rect.y // _CELL), int((rect.y + rect.height) // _CELL)
        if x0 == x1 and y0 == y1:  # one cell: the usual case
            cells[(x0, y0)].append(number)
            return
        for cx in range(x0, x1 + 1):
            for cy in range(y0, y1 + 1):
                cells[(cx, cy)].append(number)

    def near(self, box: Rect, margin: float) -> Iterator[tuple[Rect, T]]:
        """Every item whose cells touch ``box`` grown by ``margin``, each once."""
        xs = self._span(box.x - margin, box.right + margin)
        ys = self._span(box.y - margin, box.bottom + margin)
        items = self._items
        if len(xs) == 1 and len(ys) == 1:  # one cell (the usual case): it holds each item once
            for number in self._cells.get((xs.start, ys.start), ()):
                yield items[number]
            return
        seen: set[int] = set()
        for cx in xs:
            for cy in ys:
                for number in self._cells.get((cx, cy), ()):
                    if number not in seen:
                        seen.add(number)
                        yield items[number]
