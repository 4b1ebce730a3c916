"""The renderer-neutral geometry every writer draws from.

Layout places the shapes, the export step (:mod:`.export`) resolves once
everything a writer needs (tooltips, links, colours, step numbers, lane and
stage texts) into one :class:`Diagram`; SVG, PNG, PDF, draw.io, Mermaid, DOT
and the handout read it and nothing else: no writer sees the flow model.
Coordinates are in SVG user units (1 unit = 1 CSS px), origin top-left,
y growing downwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .outcome_text import LEADING, outcome_lines
from .text import clean_text, text_width
from .theme import THEMES, Theme

_STACKED_WORD = 0.6
"""A stacked tag's word ("Parte") against its number's size."""

__all__ = [
    "SHARE_SCALE",
    "Diagram",
    "EdgePath",
    "LaneBand",
    "NodeBox",
    "PartOutline",
    "Point",
    "Rect",
    "StageBand",
    "label_box",
    "label_centre",
    "share_width",
]


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
    """A step placed on the page, with what every writer shows of it.

    ``key`` names the step in outputs (its id, or ``step-N``); ``lines`` is its
    label wrapped to fit ``box``; ``number`` its 1-based position in the flow;
    ``tooltip`` its notes; ``link`` a URL safe to click (or ""), ``href`` where
    a click on the drawing goes (the referenced flow's SVG, else ``link``);
    ``fill`` its colour in the diagram's theme; ``has_id`` whether the author
    gave it an id.  ``connector`` is set (to the pair's number) on the
    off-page connectors a printed part adds where a line leaves or enters it:
    they are not steps of the flow.
    """

    key: str
    kind: str
    box: Rect
    lines: tuple[str, ...]
    label: str = ""
    number: int = 0
    lane: str | None = None
    stage: str | None = None
    tooltip: str = ""
    link: str = ""
    href: str = ""
    fill: str = "#ffffff"
    has_id: bool = False
    connector: int = 0
    data: tuple[tuple[str, str], ...] = ()
    """What the drawing does not show (id, notes, duration…), for editable formats to carry (see kept_data)."""


@dataclass(frozen=True, slots=True)
class LaneBand:
    """A lane's full-height column (TB) or full-width row (LR).

    ``header`` is the strip that holds its name, wrapped into ``lines``;
    ``fill`` and ``header_fill`` are its colours in the diagram's theme.
    """

    id: str
    name: str
    band: Rect
    header: Rect
    index: int
    lines: tuple[str, ...] = ()
    description: str = ""
    external: bool = False
    fill: str = "#ffffff"
    header_fill: str = "#ffffff"
    data: tuple[tuple[str, str], ...] = ()
    sideways: bool = False
    """The name (``lines[0]``) reads upwards in the header: a printed overview's lane too narrow for its name
    across, in a header row grown for it (review 12: "Courier" left unnamed, "Pay-/ment/provi…")."""


@dataclass(frozen=True, slots=True)
class StageBand:
    """A stage's band across every lane: a row under the lane headers (TB) or a column (LR).

    ``label`` is the strip that holds its number and name: ``lines`` is the
    number ("2"), then the name wrapped to fit.
    """

    id: str
    name: str
    number: int
    band: Rect
    label: Rect
    lines: tuple[str, ...] = ()
    description: str = ""
    data: tuple[tuple[str, str], ...] = ()
    sideways: Rect | None = None
    """Where a printed overview sets the name, bold at the lane names' size, instead of ``lines``: reading
    upwards in a box taller than wide (a top-to-bottom flow's stage column is narrower than a word, and as
    tall as the stage), across in a wider one (a left-to-right flow's stage row, beside the parts' tags)."""


SHARE_SCALE = 0.85
"""An outcome's share (`render --shares`) is set this much smaller than its label."""


def share_width(share: str, size: float) -> float:
    """The width of " 60 %" set after a label of font ``size`` (0 without a share)."""
    return text_width(f" {clean_text(share)}", size * SHARE_SCALE) if share else 0.0


def label_box(text: str, at: Point, anchor: str, size: float, share: str = "", wrap: int = True) -> Rect:
    """The box an outcome label's backing covers: its bold lines (its share after the last) hung from
    ``at`` (on the first line's baseline), 3 px around."""
    lines = outcome_lines(text, size, wrap)
    widths = [text_width(line, size, bold=True) for line in lines]
    widths[-1] += share_width(share, size)
    width = max(widths) + 6
    left = at.x - 3 if anchor == "start" else at.x - width + 3
    return Rect(left, at.y - size, width, size + 5 + (len(lines) - 1) * size * LEADING)


def label_centre(lines: tuple[str, ...], at: Point, anchor: str, size: float) -> Point:
    """Where draw.io and DOT centre an outcome label: the middle of its block of ``lines`` (regular width)."""
    half = max(text_width(line, size) for line in lines) / 2
    middle = at.y - 0.35 * size + (len(lines) - 1) * size * LEADING / 2
    return Point(at.x + half if anchor == "start" else at.x - half, middle)


@dataclass(frozen=True, slots=True)
class EdgePath:
    """A routed flow line: an orthogonal or spline polyline from source to target.

    ``points`` start on the source shape's outline and end on the target's;
    ``label_at`` is where the outcome label's anchor sits (``None`` without label)
    and ``label_anchor`` how the text hangs from it (SVG ``text-anchor``: start or end),
    set at ``label_size`` px; ``back`` marks a line that loops back to an earlier step.
    ``share`` is the outcome's share ("60 %", `render --shares`), set smaller after the label.
    ``label_box`` (the label's backing, what the layout keeps clear, its share included) and
    ``label_centre`` follow from those, worked out here once for every writer
    (``None`` without a placed label), so a moved copy (``replace``) stays right; so do
    ``label_lines``, the lines a long label is set on, its share after the last.
    """

    source: str
    target: str
    label: str
    points: tuple[Point, ...]
    label_at: Point | None = None
    back: bool = False
    label_anchor: str = "start"
    label_size: float = 12.0
    share: str = ""
    label_wrap: int = True
    """Whether a long label is set on several lines (:func:`.outcome_text.wraps`), or on narrow ones
    (:data:`.outcome_text.NARROW`, where it found room no other way)."""
    label_box: Rect | None = field(init=False, default=None)
    label_centre: Point | None = field(init=False, default=None)
    label_lines: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        if self.label:
            lines = outcome_lines(self.label, self.label_size, self.label_wrap)
            if self.share:
                lines = (*lines[:-1], f"{lines[-1]} {self.share}")
            object.__setattr__(self, "label_lines", lines)
        if self.label and self.label_at is not None:
            place = (self.label_at, self.label_anchor, self.label_size)
            object.__setattr__(self, "label_box", label_box(self.label, *place, self.share, self.label_wrap))
            object.__setattr__(self, "label_centre", label_centre(self.label_lines, *place))

    @property
    def shown_label(self) -> str:
        """The label with its share after it, for writers that set one plain text ("Sí 60 %")."""
        return f"{self.label} {self.share}" if self.share else self.label


@dataclass(frozen=True, slots=True)
class PartOutline:
    """A printed part framed on the overview page: ``box`` around its steps, ``number`` in ``font_size`` px.

    ``word`` ("Parte") goes with the number in its tag: a bare "4" beside the stage name "Proposta" read as that
    stage's number (review 17). ``stacked`` sets it small above the number, for the narrow margin left of a
    top-to-bottom overview's stage column; else it goes before the number on one line."""

    number: int
    box: Rect
    font_size: float
    word: str = ""
    stacked: bool = False

    @property
    def word_size(self) -> float:
        return self.font_size * (_STACKED_WORD if self.stacked else 1.0)

    @property
    def text(self) -> str:
        """The tag's words on one line ("Parte 3")."""
        return f"{self.word} {self.number}" if self.word else str(self.number)

    @property
    def tag(self) -> Rect:
        """The box its words are written in, at the frame's top-left corner."""
        size = self.font_size
        if self.word and self.stacked:
            width = max(text_width(self.word, self.word_size, bold=True), text_width(str(self.number), size, bold=True))
            return Rect(self.box.x + 4, self.box.y + 4, width + 0.9 * size, size * 1.4 + self.word_size * 1.1)
        width = text_width(self.text, size, bold=True)
        return Rect(self.box.x + 4, self.box.y + 4, width + 0.9 * size, size * 1.4)


@dataclass(frozen=True)
class Diagram:
    """The whole drawing of one flow, ready for any writer.

    ``theme`` holds the resolved colours; ``curved`` asks writers to round the
    lines' bends (splines); ``numbers`` to draw each step's number on its
    shape; ``header`` holds the title-block lines to draw above the diagram
    (empty: none), inside ``header_box`` (see :func:`.annotations.header_layout`);
    ``outlines`` frames the printed parts on an overview (empty: none).
    """

    title: str
    width: float
    height: float
    lanes: tuple[LaneBand, ...]
    nodes: tuple[NodeBox, ...]
    edges: tuple[EdgePath, ...]
    stages: tuple[StageBand, ...] = ()
    direction: str = "TB"
    description: str = ""
    lang: str = "en"
    theme: Theme = THEMES["default"]
    font_family: str = "DejaVu Sans, Verdana, Arial, sans-serif"
    font_size: float = 13.0
    curved: bool = False
    numbers: bool = False
    header: tuple[str, ...] = ()
    header_box: Rect | None = None
    outlines: tuple[PartOutline, ...] = ()
    data: tuple[tuple[str, str], ...] = ()
    """The flow's keys no cell shows (lang, version, owner…), for editable formats to carry."""
    even_text: bool = False
    """Outcome labels and step numbers as big as the shapes' text (a printed part), not 1 px smaller."""

    @property
    def small_size(self) -> float:
        """The size of the smallest texts, outcome labels and step numbers (px)."""
        return self.font_size if self.even_text else self.font_size - 1

    def node(self, key: str) -> NodeBox:
        return next(n for n in self.nodes if n.key == key)
