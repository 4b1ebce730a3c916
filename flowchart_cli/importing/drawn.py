"""The neutral "drawn graph" every reader produces: what a drawing shows, before it is a flow.

Readers (draw.io, Mermaid, Visio) only say what they see: boxes with a shape
and a label, lines between them, lane and stage bands.  Turning that into a
flow a person would have written (symbols, order, ids, `next`) is one shared
job, :mod:`flowchart_cli.importing.flow_draft`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SHAPES", "Box", "DrawnEdge", "DrawnGraph", "DrawnLane", "DrawnNode", "DrawnStage", "ImportFailure"]

SHAPES = frozenset(
    {
        "terminator",  # start or end, decided by the lines
        "decision",
        "io",
        "document",
        "documents",
        "subprocess",
        "manual_input",
        "manual",
        "preparation",
        "delay",
        "database",
        "connector",
        "offpage",
        "process",
    }
)
"""What a reader may call a node's shape: a symbol key, or ``terminator`` for start/end."""


class ImportFailure(Exception):
    """The file is not a readable flowchart: the message says what is wrong (exit 1)."""


@dataclass(frozen=True, slots=True)
class Box:
    """An absolute rectangle in the drawing's coordinates."""

    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2

    def holds(self, point: tuple[float, float]) -> bool:
        x, y = point
        return self.x <= x <= self.x + self.width and self.y <= y <= self.y + self.height

    def distance(self, point: tuple[float, float]) -> float:
        """How far ``point`` lies outside the box (0 inside)."""
        x, y = point
        dx = max(self.x - x, 0.0, x - self.x - self.width)
        dy = max(self.y - y, 0.0, y - self.y - self.height)
        return (dx * dx + dy * dy) ** 0.5


@dataclass(frozen=True, slots=True)
class DrawnNode:
    """A box of the drawing.  ``lane``/``stage`` are set by readers that know membership (Mermaid)."""

    key: str
    label: str
    shape: str
    box: Box | None = None
    lane: str | None = None
    stage: str | None = None
    guess: str = ""
    """What the reader had to guess about this box (an unknown shape), for a note."""
    data: tuple[tuple[str, str], ...] = ()
    """Data the drawing carries but does not show (``fc_id``, ``fc_notes``…; see kept_data)."""


@dataclass(frozen=True, slots=True)
class DrawnEdge:
    """A line from ``source`` to ``target`` (node keys); ``arrow`` False when it had no arrow head."""

    source: str
    target: str
    label: str = ""
    arrow: bool = True


@dataclass(frozen=True, slots=True)
class DrawnLane:
    """A swimlane: its name and, for drawings, its band and carried data (``fc_id``…)."""

    key: str
    name: str
    box: Box | None = None
    data: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class DrawnStage:
    """A phase band across the lanes."""

    key: str
    name: str
    box: Box | None = None
    data: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class DrawnGraph:
    """One page of a drawing.  Lanes and stages are in visual order already."""

    title: str
    direction: str
    nodes: tuple[DrawnNode, ...]
    edges: tuple[DrawnEdge, ...]
    lanes: tuple[DrawnLane, ...] = ()
    stages: tuple[DrawnStage, ...] = ()
    notes: tuple[str, ...] = ()
    """Notes about the drawing as a whole (ignored lines of Mermaid, cells left out)."""
    data: tuple[tuple[str, str], ...] = ()
    """The flow's keys the drawing carries (``fc_lang``…, on draw.io's root cell)."""
