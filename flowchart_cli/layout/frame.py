"""The page frame: sizes of rows, columns and channels, and where each of them lies.

Everything is computed in the flow's frame — ``along`` the ranks and
``across`` the lanes — and turned into x/y only at the end, so TB and LR
share one code path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Flow
from .geometry import Point, Rect
from .grid import Grid
from .outcome_text import LEADING, outcome_lines, outcome_size, wraps
from .routing import Route
from .text import text_width, wrap_text

__all__ = ["LR_HEADER", "MARGIN", "Frame", "Placement"]

MARGIN = 16.0
SPACING = 20.0  # between two tracks of one channel: clearly two lines, even side by side for long
HEADER_LINE = 17.0
LR_HEADER = 132.0  # LR: the lane header column, widened to the longest word of a lane's name (no word cut)
_LR_HEADER_MOST = 240.0
_BORDER_CLEARANCE = 20.0  # lines keep this far from a lane border or the drawing's edge
_SHAPE_CLEARANCE = 12.0  # and at least this far from a shape beside their channel
_PAD = 10.0  # from a shape's bottom to the first track below it: nearer, the line seems to leave that shape
_LABEL_PAD = 24.0  # the same under a decision whose outcome label sits there
_ARROW_ROOM = 11.0  # from the last track to the shape below: the 9 px arrowhead and a short stem
_LABEL_ARROW_GAP = 12.0  # between an outcome label past its branch's turn and the arrowhead it runs to
_MIN_GAP = 18.0  # between two rows with no line across: a straight drop still shows its arrowhead
_BORDER_HALF = 14.0  # from a shape to a lane border with no line between them
_OUTSIDE_FROM = 48.0  # a label narrower than this stays on its stub (hugging.py): no room kept outside for it
_OUTSIDE_LABEL = 44.0  # a run 20 px from the column's widest shape, then its label 3 px out, 6 px wider
# than its text, and 15 px to the border


@dataclass(frozen=True, slots=True)
class Placement:
    """What layout decided before coordinates: sizes, lanes, ranks, columns, routes."""

    flow: Flow
    lines: Sequence[tuple[str, ...]]
    sizes: Sequence[tuple[float, float]]
    lane_ids: Sequence[str]
    lane_names: Sequence[str]
    rank: Sequence[int]
    grid: Grid
    routes: Sequence[Route]
    labels: Sequence[str]
    tracks: dict[tuple[str, int], int]
    font_size: float
    curved: bool
    label_size: float = 0.0
    """Outcome labels' size (0: 1 px under ``font_size``)."""
    stage_rows: Sequence[tuple[int, int]] = ()
    """Each stage's first and last row, in declared order (empty without stages)."""
    shares: Sequence[str] = ()
    """Each line's share text ("60 %", `render --shares`; "" for none), or empty when not asked for."""


def _spread(count: int, low: float, high: float, track: int) -> float:
    """Where track ``track`` of ``count`` lies: the tracks centred between ``low`` and ``high``."""
    return (low + high) / 2 + (track - (count - 1) / 2) * SPACING


class Frame:
    """Sizes and positions of every row, column, channel and lane header of one flow."""

    def __init__(self, p: Placement) -> None:
        self.p = p
        self.lr = p.flow.direction == "LR"
        self.along = [w if self.lr else h for w, h in p.sizes]
        self.across = [h if self.lr else w for w, h in p.sizes]
        self.has_lanes = bool(p.lane_ids)
        self.rows = max([*p.rank, *(last for _, last in p.stage_rows)], default=0) + 1  # an unused stage: an empty row
        self.cols = p.grid.columns
        self.stage_borders = frozenset(first for first, _ in p.stage_rows[1:])
        self.stage_header = 0.0
        self.lr_header = self._lr_header_width()
        self.col_size = self._column_sizes()
        self.gap_size = self._across_gaps()
        self._widen_for_lane_names()
        self.header = self._header_size()
        self.row_size = [0.0] * self.rows
        for node, row in enumerate(p.rank):  # one pass: a row is as tall as its tallest shape
            self.row_size[row] = max(self.row_size[row], self.along[node])
        self.row_size = [size or 40.0 for size in self.row_size]
        self.hgap_size, self.hgap_pad, self.hgap_below = self._along_gaps()  # below: room kept under a gap's
        # tracks beyond the arrowhead's
        self._positions()

    # sizes -----------------------------------------------------------------
    def _column_sizes(self) -> list[float]:
        sizes = [140.0] * self.cols
        seen = [False] * self.cols
        for node, column in enumerate(self.p.grid.column):
            sizes[column] = max(sizes[column] if seen[column] else 60.0, self.across[node])
            seen[column] = True
        return sizes

    def _is_border(self, gap: int) -> bool:
        return self.has_lanes and 0 < gap < self.cols and gap in self.p.grid.first

    def _across_gaps(self) -> list[float]:
        """Each gap between columns; a lane border's gap is two halves, each as wide as its own side needs.

        The border lies where the halves meet (``border_split``), so a label or
        tracks on one side of it do not widen the other side.
        """
        need = [0.0] * (self.cols + 1)
        half_need: dict[tuple[int, int], float] = {}
        for route, label in zip(self.p.routes, self.p.labels, strict=True):
            if label and route.exit in ("l", "r"):
                gap, side, room = self._stub_room(route, label)
                if side is None:
                    need[gap] = max(need[gap], room)
                else:
                    half_need[(gap, side)] = max(half_need.get((gap, side), 0.0), room)
        sizes = []
        self.border_split = []
        self.track_pads: list[tuple[float, float]] = []  # inside a gap, room before its first track and after its last
        for gap in range(self.cols + 1):
            edge = gap in (0, self.cols)
            if self._is_border(gap):
                halves = []
                for side, kind in enumerate(("gL", "gR")):
                    count = self.p.tracks.get((kind, gap), 0)
                    room = _BORDER_CLEARANCE + (count - 1) * SPACING + _SHAPE_CLEARANCE if count else 0.0
                    halves.append(max(_BORDER_HALF, room, half_need.get((gap, side), 0.0)))
                sizes.append(halves[0] + halves[1])
                self.border_split.append(halves[0])
                self.track_pads.append((0.0, 0.0))
                continue
            base = 22.0 if edge else 34.0
            count = self.p.tracks.get(("g", gap), 0)
            clear = _BORDER_CLEARANCE if edge else _SHAPE_CLEARANCE
            room = 2 * clear + (count - 1) * SPACING if count else 0.0
            if edge:
                pads = (clear, clear)
                size = max(base, room, need[gap])
            else:  # a label on one side's stubs needs room on that side only: the tracks keep to the other
                pads = (max(clear, half_need.get((gap, 0), 0.0)), max(clear, half_need.get((gap, 1), 0.0)))
                size = max(base, room, pads[0] + pads[1] + max(0, count - 1) * SPACING)
            sizes.append(size)
            self.border_split.append(size / 2)
            self.track_pads.append(pads)
        return sizes

    def _stub_room(self, route: Route, label: str) -> tuple[int, int | None, float]:
        """The across-gap a labelled side branch leaves into, and how wide it must be for the label.

        The label sits on the stub between the shape's corner and the line's
        track, so even the track nearest the shape must leave it room; beside a
        lane border the tracks lie near the border, on the source's side, and
        only that side's half of the gap (side 0 left of the border, 1 right)
        must hold it. At the drawing's edge the tracks keep to the edge, so the
        label needs its length and the tracks' width. Between two columns of
        one lane the label needs its length on its own side (0 or 1) only: the
        tracks keep to the other side, so the lines of the column there stay
        short and the lane no wider than both sides' labels and the tracks.
        A long label on a line back into its own lane or column gets room to
        stand outside the line's run instead, so the run can keep close to the
        shapes it passes (hugging.py) rather than go round the label.
        """
        column = self.p.grid.column[route.source]
        gap = column + 1 if route.exit == "r" else column
        slack = (self.col_size[column] - self.across[route.source]) / 2
        size = self.p.label_size or self.p.font_size - 1
        wide, tall = outcome_size(label, size, wraps(route.exit, self.lr))
        length = (size + 16 + tall if self.lr else wide + 14) - slack
        back = (self.p.grid.column[route.target] < gap) == (column < gap)
        outside = _OUTSIDE_LABEL + wide if not self.lr and back and wide >= _OUTSIDE_FROM else 0.0
        if route.back and not self.lr:  # a loop's label sits beside its run back: room there only for a long
            # one, which a run 20 px from a lane border would push across the border
            length = 0.0
        if self._is_border(gap):
            side = 0 if column < gap else 1
            count = self.p.tracks.get(("gL" if side == 0 else "gR", gap), 1)
            room = length + _BORDER_CLEARANCE + (count - 1) * SPACING
            return gap, side, max(room, outside)
        count = self.p.tracks.get(("g", gap), 1)
        if gap in (0, self.cols):
            room = length + (count - 1) * SPACING + _BORDER_CLEARANCE
            return gap, None, max(room, outside)
        return gap, 0 if column < gap else 1, max(length, outside)

    def lane_extent(self, lane: int) -> tuple[int, int]:
        first = self.p.grid.first[lane]
        return first, first + self.p.grid.width[lane] - 1

    def lane_size(self, lane: int) -> float:
        first, last = self.lane_extent(lane)
        inner = sum(self.col_size[first : last + 1]) + sum(self.gap_size[first + 1 : last + 1])
        return inner + self.gap_size[first] - self.border_split[first] + self.border_split[last + 1]

    def name_lines(self, lane: int, width: float) -> tuple[str, ...]:
        return wrap_text(self.p.lane_names[lane], max(40.0, width - 16), self.p.font_size + 1, bold=True)

    def header_lines(self, lane: int, width: float) -> int:
        """How many lines the lane's header holds: its name's, and one for "(externo)" on a lane outside
        the team (``external: true``; the SVG writer sets it)."""
        lanes = self.p.flow.lanes
        return len(self.name_lines(lane, width)) + (lane < len(lanes) and lanes[lane].external)

    def _lr_header_width(self) -> float:
        """LR: the header column, wide enough for the longest word of any lane's name ("Transportadora"
        was cut into "Transportador" / "a"), within reason."""
        size = self.p.font_size + 1
        words = [word for name in self.p.lane_names for word in name.split()]
        longest = max((text_width(word, size, bold=True) for word in words), default=0.0)
        return max(LR_HEADER, min(_LR_HEADER_MOST, round(longest + 18)))

    def _widen_for_lane_names(self) -> None:
        if not (self.has_lanes and self.lr):
            return
        for lane in range(len(self.p.lane_ids)):
            need = self.header_lines(lane, self.lr_header) * HEADER_LINE + 20
            size = self.lane_size(lane)
            if size < need:
                first, last = self.lane_extent(lane)
                for column in range(first, last + 1):
                    self.col_size[column] += (need - size) / (last - first + 1)

    def _header_size(self) -> float:
        if not self.has_lanes:
            return 0.0
        if self.lr:
            return self.lr_header
        lines = max(self.header_lines(lane, self.lane_size(lane)) for lane in range(len(self.p.lane_ids)))
        return max(36.0, lines * HEADER_LINE + 16)

    @property
    def straight_on(self) -> frozenset[int]:
        """In LR, the lines that go straight on out of a side stub they share with another outcome (to a step
        in the source's own lane row): there the branches part right past the corner (:meth:`_along_gaps`)."""
        column = self.p.grid.column
        return frozenset(
            n for n, r in enumerate(self.p.routes) if self.lr and r.shared_exit and column[r.target] == column[r.source]
        )

    def _along_gaps(self) -> tuple[list[float], list[float], list[float]]:
        """Each gap between rows: room for an outcome label under a decision, the tracks, an arrowhead.

        A gap is no taller than what runs through it, so a plain chain packs tight. In LR two outcomes out
        of one side stub, one of them going straight on, part right past the corner, each label on its own
        branch past the tracks (on the stub, the straight one's label read as both lines', review 4): their
        room is kept below the tracks. Where both turn, each label stands on the stub before its own turn,
        above it for the branch going up, below it for the one going down.
        """
        pads = [12.0] + [_PAD] * self.rows
        below = [0.0] * (self.rows + 1)
        straight_on = {self.p.routes[n].source for n in self.straight_on}
        for route, label in zip(self.p.routes, self.p.labels, strict=True):
            if label and route.exit == "b":
                gap = self.p.rank[route.source] + 1
                small = self.p.label_size or self.p.font_size - 1
                lines = outcome_lines(label, small)
                if self.lr:  # as wide as the label is set (bold): a printed part sets it at the text's size, and
                    # its end ran into the arrowhead ("Quantity or delivery", review 4)
                    need = max(
                        max(text_width(line, self.p.font_size), text_width(line, small, bold=True)) for line in lines
                    )
                    need += 16
                else:  # the label stands beside the drop, a line under another
                    need = _LABEL_PAD + (len(lines) - 1) * small * LEADING
                if self.lr and route.source in straight_on:  # the label, then a gap before the arrowhead
                    below[gap] = max(below[gap], need - _ARROW_ROOM + _LABEL_ARROW_GAP)
                else:
                    pads[gap] = max(pads[gap], need)
        sizes = []
        for gap in range(self.rows + 1):
            base = 20.0 if gap in (0, self.rows) else _MIN_GAP
            count = self.p.tracks.get(("h", gap), 0)
            room = pads[gap] + max(0, count - 1) * SPACING + _ARROW_ROOM + (1 if count else 0)
            if gap in self.stage_borders:  # the border, then its tracks clear of it
                room += 2 * _BORDER_CLEARANCE
            sizes.append(max(base, room + below[gap]))
        return sizes, pads, below

    # positions ---------------------------------------------------------------
    def keep_below(self, gap: int, extra: float) -> None:
        """``extra`` more room between along-gap ``gap``'s tracks and the row below it (see turns.py)."""
        self.hgap_size[gap] += extra
        self.hgap_below[gap] += extra

    def keep_above(self, gap: int, extra: float) -> None:
        """``extra`` more room between the row above along-gap ``gap`` and its tracks (see tips.py)."""
        self.hgap_size[gap] += extra
        self.hgap_pad[gap] += extra

    def keep_apart(self, gap: int, side: int, extra: float) -> None:
        """``extra`` more room between across-gap ``gap``'s tracks and the column before it (``side`` 0) or
        after it (1) (see tips.py): the tracks keep their place beside the other column."""
        self.gap_size[gap] += extra
        if side == 1 or gap == self.cols:  # the tracks keep to the gap's start, or at the drawing's end to it
            if not self._is_border(gap) and 0 < gap < self.cols:
                before, after = self.track_pads[gap]
                self.track_pads[gap] = (before, after + extra)
        elif self._is_border(gap):  # the border and its tracks move on with the column after it
            self.border_split[gap] += extra
        elif gap > 0:
            before, after = self.track_pads[gap]
            self.track_pads[gap] = (before + extra, after)

    def keep_room(self, along: dict[tuple[int, int], float], across: dict[tuple[int, int], float]) -> None:
        """Grow the channels as noted, then place everything again: ``along`` (along-gap, 0 above its tracks |
        1 below) and ``across`` (across-gap, 0 before its tracks | 1 after), each in px more."""
        for (gap, side), extra in sorted(along.items()):
            if side:
                self.keep_below(gap, extra)
            else:
                self.keep_above(gap, extra)
        for (gap, side), extra in sorted(across.items()):
            self.keep_apart(gap, side, extra)
        if along or across:
            self.place()

    def place(self) -> None:
        """Positions from sizes; called again when stage names make a row or the strip grow."""
        self._positions()

    def _positions(self) -> None:
        pos = MARGIN + self.stage_header
        self.gap_at, self.col_at = [], []
        for gap in range(self.cols + 1):
            self.gap_at.append(pos)
            pos += self.gap_size[gap]
            if gap < self.cols:
                self.col_at.append(pos)
                pos += self.col_size[gap]
        self.across_end = pos
        pos = MARGIN + self.header
        self.hgap_at, self.row_at = [], []
        for gap in range(self.rows + 1):
            self.hgap_at.append(pos)
            pos += self.hgap_size[gap]
            if gap < self.rows:
                self.row_at.append(pos)
                pos += self.row_size[gap]
        self.along_end = pos

    def node_center(self, node: int) -> tuple[float, float]:
        column, row = self.p.grid.column[node], self.p.rank[node]
        return (self.row_at[row] + self.row_size[row] / 2, self.col_at[column] + self.col_size[column] / 2)

    def rect(self, a0: float, c0: float, along: float, across: float) -> Rect:
        return Rect(a0, c0, along, across) if self.lr else Rect(c0, a0, across, along)

    def node_rect(self, node: int) -> Rect:
        a, c = self.node_center(node)
        return self.rect(a - self.along[node] / 2, c - self.across[node] / 2, self.along[node], self.across[node])

    def point(self, a: float, c: float) -> Point:
        return Point(a, c) if self.lr else Point(c, a)

    def track(self, kind: str, gap: int, track: int) -> float:
        if kind == "g" and self._is_border(gap):
            return self.border_track(gap, track)
        count = self.p.tracks[(kind, gap)]
        if kind == "h":
            low = self.hgap_at[gap] + self.hgap_pad[gap] + (2 * _BORDER_CLEARANCE if gap in self.stage_borders else 0)
            high = self.hgap_at[gap] + self.hgap_size[gap] - _ARROW_ROOM - self.hgap_below[gap]
            return _spread(count, low, high, track)
        low, size = self.gap_at[gap], self.gap_size[gap]
        if gap == 0 and self.cols > 0:  # at the drawing's edge the tracks keep to the edge
            return low + _BORDER_CLEARANCE + track * SPACING
        if gap == self.cols:
            return low + size - _BORDER_CLEARANCE - (count - 1 - track) * SPACING
        before, after = self.track_pads[gap]
        return _spread(count, low + before, low + size - after, track)

    def stage_border(self, gap: int) -> float:
        """Where the border between two stages lies in along-gap ``gap``: below the labels, above the tracks."""
        return self.hgap_at[gap] + self.hgap_pad[gap] + _BORDER_CLEARANCE

    def border_track(self, gap: int, track: int) -> float:
        """Track ``track`` of a lane border's gap: -1, -2… left of the border, 0, 1… right of it."""
        border = self.gap_at[gap] + self.border_split[gap]
        if track < 0:
            return border - _BORDER_CLEARANCE - (-1 - track) * SPACING
        return border + _BORDER_CLEARANCE + track * SPACING
