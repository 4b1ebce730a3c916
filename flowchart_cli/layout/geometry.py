"""The renderer-neutral geometry every writer draws from.

Layout computes one :class:`Diagram` per flow; SVG, PNG, PDF, draw.io,
Mermaid, DOT and the handout all read it and nothing else of the layout.
Coordinates are in SVG user units (1 unit = 1 CSS px), origin top-left,
y growing downwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Flow, Step

__all__ = ["Diagram", "EdgePath", "LaneBand", "NodeBox", "Point", "Rect"]


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned box given by its top-left corner and size."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> Point:
        return Point(self.x + self.width / 2, self.y + self.height / 2)

    def contains(self, other: Rect, tolerance: float = 0.01) -> bool:
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )


@dataclass(frozen=True, slots=True)
class NodeBox:
    """A step placed on the page: ``lines`` is its label wrapped to fit ``box``."""

    step: Step
    box: Rect
    lines: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.step.key

    @property
    def kind(self) -> str:
        return self.step.kind or "process"


@dataclass(frozen=True, slots=True)
class LaneBand:
    """A lane's full-height column (TB) or full-width row (LR).

    ``header`` is the strip that holds its name, wrapped into ``lines``.
    """

    id: str
    name: str
    band: Rect
    header: Rect
    index: int
    lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EdgePath:
    """A routed flow line: an orthogonal or spline polyline from source to target.

    ``points`` start on the source shape's outline and end on the target's;
    ``label_at`` is where the outcome label's anchor sits (``None`` without label)
    and ``label_anchor`` how the text hangs from it (SVG ``text-anchor``: start or end);
    ``back`` marks a line that loops back to an earlier step.
    """

    source: str
    target: str
    label: str
    points: tuple[Point, ...]
    label_at: Point | None = None
    back: bool = False
    label_anchor: str = "start"


@dataclass(frozen=True)
class Diagram:
    """The whole drawing of one flow; ``curved`` asks writers to round the lines' bends (splines)."""

    flow: Flow
    width: float
    height: float
    lanes: tuple[LaneBand, ...]
    nodes: tuple[NodeBox, ...]
    edges: tuple[EdgePath, ...]
    font_family: str = "DejaVu Sans, Verdana, Arial, sans-serif"
    font_size: float = 13.0
    curved: bool = False

    @property
    def title(self) -> str:
        return self.flow.title

    @property
    def direction(self) -> str:
        return self.flow.direction

    def node(self, key: str) -> NodeBox:
        return next(n for n in self.nodes if n.key == key)
