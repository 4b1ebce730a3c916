"""Coordinates: sizes of rows, columns and channels, then every shape, band and line on the page.

Everything is computed in the flow's frame — ``along`` the ranks and
``across`` the lanes — and turned into x/y only at the end, so TB and LR
share one code path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Flow
from .geometry import Diagram, EdgePath, LaneBand, NodeBox, Point, Rect
from .grid import Grid
from .routing import Route
from .shapes import inset
from .text import text_width, wrap_text

__all__ = ["Placement", "assemble"]

MARGIN = 20.0
SPACING = 10.0
HEADER_LINE = 17.0
LR_HEADER = 132.0


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


def _spread(count: int, low: float, high: float) -> list[float]:
    middle = (low + high) / 2
    return [middle + (i - (count - 1) / 2) * SPACING for i in range(count)]


class _Frame:
    def __init__(self, p: Placement) -> None:
        self.p = p
        self.lr = p.flow.direction == "LR"
        self.along = [w if self.lr else h for w, h in p.sizes]
        self.across = [h if self.lr else w for w, h in p.sizes]
        self.has_lanes = bool(p.lane_ids)
        self.rows = max(p.rank, default=0) + 1
        self.cols = p.grid.columns
        self.col_size = self._column_sizes()
        self.gap_size = self._across_gaps()
        self._widen_for_lane_names()
        self.header = self._header_size()
        self.row_size = [max([self.along[n] for n in range(len(p.rank)) if p.rank[n] == r], default=40.0)
                         for r in range(self.rows)]
        self.hgap_size, self.hgap_pad = self._along_gaps()
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
        need = [0.0] * (self.cols + 1)
        for route, label in zip(self.p.routes, self.p.labels, strict=True):
            if label and route.exit in ("l", "r") and not self.lr:
                column = self.p.grid.column[route.source]
                gap = column + 1 if route.exit == "r" else column
                slack = (self.col_size[column] - self.across[route.source]) / 2
                need[gap] = max(need[gap], text_width(label, self.p.font_size) + 18 - slack)
        sizes = []
        for gap in range(self.cols + 1):
            edge = gap in (0, self.cols)
            base = 22.0 if edge else (44.0 if self._is_border(gap) else 34.0)
            tracks = self.p.tracks.get(("g", gap), 0)
            room = tracks * SPACING + 24 + (SPACING if self._is_border(gap) else 0)
            sizes.append(max(base, room, need[gap]))
        return sizes

    def _lane_extent(self, lane: int) -> tuple[int, int]:
        first = self.p.grid.first[lane]
        return first, first + self.p.grid.width[lane] - 1

    def _lane_size(self, lane: int) -> float:
        first, last = self._lane_extent(lane)
        inner = sum(self.col_size[first:last + 1]) + sum(self.gap_size[first + 1:last + 1])
        return inner + self.gap_size[first] / 2 + self.gap_size[last + 1] / 2

    def _name_lines(self, lane: int, width: float) -> tuple[str, ...]:
        return wrap_text(self.p.lane_names[lane], max(40.0, width - 16) / 1.08, self.p.font_size + 1)

    def _widen_for_lane_names(self) -> None:
        if not (self.has_lanes and self.lr):
            return
        for lane in range(len(self.p.lane_ids)):
            need = len(self._name_lines(lane, LR_HEADER)) * HEADER_LINE + 20
            size = self._lane_size(lane)
            if size < need:
                first, last = self._lane_extent(lane)
                for column in range(first, last + 1):
                    self.col_size[column] += (need - size) / (last - first + 1)

    def _header_size(self) -> float:
        if not self.has_lanes:
            return 0.0
        if self.lr:
            return LR_HEADER
        lines = max(len(self._name_lines(lane, self._lane_size(lane))) for lane in range(len(self.p.lane_ids)))
        return max(36.0, lines * HEADER_LINE + 16)

    def _along_gaps(self) -> tuple[list[float], list[float]]:
        pads = [12.0] + [24.0] * self.rows
        if self.lr:
            for route, label in zip(self.p.routes, self.p.labels, strict=True):
                if label and route.exit == "b":
                    gap = self.p.rank[route.source] + 1
                    pads[gap] = max(pads[gap], text_width(label, self.p.font_size) + 16)
        sizes = []
        for gap in range(self.rows + 1):
            base = 24.0 if gap in (0, self.rows) else 46.0
            room = pads[gap] + self.p.tracks.get(("h", gap), 0) * SPACING + 12
            sizes.append(max(base, room))
        return sizes, pads

    # positions ---------------------------------------------------------------
    def _positions(self) -> None:
        pos = MARGIN
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
        count = self.p.tracks[(kind, gap)]
        if kind == "h":
            low = self.hgap_at[gap] + self.hgap_pad[gap]
            return _spread(count, low, self.hgap_at[gap] + self.hgap_size[gap] - 12)[track]
        low, size = self.gap_at[gap], self.gap_size[gap]
        places = _spread(count, low, low + size)
        if self._is_border(gap) and count % 2 == 1:
            places = [p + SPACING / 2 for p in places]
        return places[track]


_REAL_SIDE = {False: {"b": "bottom", "t": "top", "r": "right", "l": "left"},
              True: {"b": "right", "t": "left", "r": "bottom", "l": "top"}}


def _port(f: _Frame, node: int, side: str, offset: float) -> tuple[float, float]:
    kind = f.p.flow.steps[node].kind or "process"
    depth = inset(kind, f.node_rect(node), _REAL_SIDE[f.lr][side], offset)
    a, c = f.node_center(node)
    half_a, half_c = f.along[node] / 2, f.across[node] / 2
    if side == "b":
        return a + half_a - depth, c + offset
    if side == "t":
        return a - half_a + depth, c + offset
    if side == "r":
        return a + offset, c + half_c - depth
    return a + offset, c - half_c + depth


def _offset(f: _Frame, node: int, side: str, unit: int) -> float:
    if side in ("t", "b"):
        return unit * min(14.0, f.across[node] / 5)
    return max(-f.along[node] / 2 + 6, min(f.along[node] / 2 - 6, unit * 12.0))


def _edge_points(f: _Frame, route: Route) -> list[tuple[float, float]]:
    start = _port(f, route.source, route.exit, _offset(f, route.source, route.exit, route.exit_unit))
    end = _port(f, route.target, route.entry, _offset(f, route.target, route.entry, route.entry_unit))
    points = [start]
    axis = 0 if route.exit in ("b", "t") else 1
    for (kind, gap), track in zip(route.refs, route.tracks, strict=True):
        value = end[axis] if kind == "pt" else f.track(kind, gap, track)
        last = points[-1]
        points.append((value, last[1]) if axis == 0 else (last[0], value))
        axis = 1 - axis
    points.append(end)
    return _simplify(points)


def _simplify(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    kept: list[tuple[float, float]] = []
    for point in points:
        if kept and abs(point[0] - kept[-1][0]) < 0.01 and abs(point[1] - kept[-1][1]) < 0.01:
            continue
        if len(kept) >= 2 and _collinear(kept[-2], kept[-1], point):
            kept[-1] = point
            continue
        kept.append(point)
    return kept


def _collinear(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> bool:
    return (abs(a[0] - b[0]) < 0.01 and abs(b[0] - c[0]) < 0.01) or (
        abs(a[1] - b[1]) < 0.01 and abs(b[1] - c[1]) < 0.01)


def _label_place(points: list[Point], segment: int, source: Rect, lr: bool, unit: int) -> tuple[Point, str]:
    """Beside the line's ``segment``, just clear of the source shape's box.

    Beside a vertical line the label goes right in TB (into the gap below the
    rank) and left in LR (into the room kept before the next rank); above a
    horizontal one.  Lines that share a corner (``unit`` > 0 lies further
    along) put their labels on opposite sides so they never stack.
    """
    segment = min(segment, len(points) - 2)
    start, end = points[segment], points[segment + 1]
    if segment:
        source = Rect(start.x, start.y, 0, 0)
    if abs(start.x - end.x) < 0.01:
        down = end.y >= start.y
        y = max(start.y, source.bottom) + 15 if down else min(start.y, source.y) - 7
        left = unit < 0 or (lr and unit == 0)
        return (Point(start.x - 6, y), "end") if left else (Point(start.x + 6, y), "start")
    right = end.x >= start.x
    x = max(start.x, source.right) + 7 if right else min(start.x, source.x) - 7
    return Point(x, start.y + 15 if unit > 0 else start.y - 6), "start" if right else "end"


def _lanes(f: _Frame) -> tuple[LaneBand, ...]:
    if not f.has_lanes:
        return ()
    bands = []
    for lane in range(len(f.p.lane_ids)):
        first, last = f._lane_extent(lane)
        low = f.gap_at[first] if lane == 0 else f.gap_at[first] + f.gap_size[first] / 2
        high = f.gap_at[last + 1] + (f.gap_size[last + 1] if last + 1 == f.cols else f.gap_size[last + 1] / 2)
        band = f.rect(MARGIN, low, f.along_end - MARGIN, high - low)
        header = f.rect(MARGIN, low, f.header, high - low)
        lines = f._name_lines(lane, f._lane_size(lane) if not f.lr else LR_HEADER)
        bands.append(LaneBand(f.p.lane_ids[lane], f.p.lane_names[lane], band, header, lane, lines))
    return tuple(bands)


def assemble(p: Placement) -> Diagram:
    f = _Frame(p)
    nodes = tuple(NodeBox(step, f.node_rect(n), p.lines[n]) for n, step in enumerate(p.flow.steps))
    edges = []
    for route, label in zip(p.routes, p.labels, strict=True):
        points = [f.point(a, c) for a, c in _edge_points(f, route)]
        segment = 1 if route.shared_exit else 0
        at, anchor = _label_place(points, segment, f.node_rect(route.source), f.lr,
                                  route.exit_unit) if label else (None, "start")
        edges.append(EdgePath(p.flow.steps[route.source].key, p.flow.steps[route.target].key, label,
                              tuple(points), at, route.back, anchor))
    end = f.point(f.along_end + MARGIN, f.across_end + MARGIN)
    return Diagram(p.flow, end.x, end.y, _lanes(f), nodes, tuple(edges), font_size=p.font_size,
                   curved=p.curved)
