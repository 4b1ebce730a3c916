"""The printed diagram seen along its flow: which way it runs and how far the lane headers reach.

Its own module because both the page planner (:mod:`.sheets`) and the places
it may cut (:mod:`.ranks`) measure along this axis.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..layout.geometry import Diagram

__all__ = ["Axis", "axis_of"]


@dataclass(frozen=True, slots=True)
class Axis:
    """The diagram seen along its flow: TB flows run down (``vertical``), LR flows run right.

    ``head`` is where the lane headers end along the flow, ``length`` the
    drawing's extent along it and ``cross`` its extent across it (px).
    """

    vertical: bool
    head: float
    length: float
    cross: float

    def size(self, lo: float, hi: float, across: float | None = None) -> tuple[float, float]:
        """Width and height (px) of a part drawing ``lo``–``hi`` (``across`` wide) under the lane headers."""
        along, across = self.head + hi - lo, self.cross if across is None else across
        return (across, along) if self.vertical else (along, across)


def axis_of(diagram: Diagram) -> Axis:
    vertical = diagram.direction != "LR"
    heads = [lane.header.bottom if vertical else lane.header.right for lane in diagram.lanes]
    head = max(heads, default=0.0)
    length, cross = (diagram.height, diagram.width) if vertical else (diagram.width, diagram.height)
    return Axis(vertical, head, length, cross)
