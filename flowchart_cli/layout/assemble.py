"""The last layout step: shapes, lane bands and flow lines placed on the page as one Diagram."""

from __future__ import annotations

from .frame import LR_HEADER, MARGIN, Frame, Placement
from .geometry import Diagram, EdgePath, LaneBand, NodeBox
from .lines import edge_points, label_place

__all__ = ["Placement", "assemble"]


def _lanes(f: Frame) -> tuple[LaneBand, ...]:
    """TB: full-height columns; LR: full-width rows; inner borders sit mid-gap."""
    if not f.has_lanes:
        return ()
    bands = []
    for lane in range(len(f.p.lane_ids)):
        first, last = f.lane_extent(lane)
        low = f.gap_at[first] if lane == 0 else f.gap_at[first] + f.gap_size[first] / 2
        high = f.gap_at[last + 1] + (f.gap_size[last + 1] if last + 1 == f.cols else f.gap_size[last + 1] / 2)
        band = f.rect(MARGIN, low, f.along_end - MARGIN, high - low)
        header = f.rect(MARGIN, low, f.header, high - low)
        lines = f.name_lines(lane, LR_HEADER if f.lr else f.lane_size(lane))
        bands.append(LaneBand(f.p.lane_ids[lane], f.p.lane_names[lane], band, header, lane, lines))
    return tuple(bands)


def assemble(p: Placement) -> Diagram:
    """Every shape, band and line of the flow on the page."""
    f = Frame(p)
    nodes = tuple(NodeBox(step, f.node_rect(n), p.lines[n]) for n, step in enumerate(p.flow.steps))
    edges = []
    for route, label in zip(p.routes, p.labels, strict=True):
        points = [f.point(a, c) for a, c in edge_points(f, route)]
        segment = 1 if route.shared_exit else 0
        at, anchor = (
            label_place(points, segment, f.node_rect(route.source), f.lr, route.exit_unit) if label else (None, "start")
        )
        edges.append(
            EdgePath(
                p.flow.steps[route.source].key,
                p.flow.steps[route.target].key,
                label,
                tuple(points),
                at,
                route.back,
                anchor,
            )
        )
    end = f.point(f.along_end + MARGIN, f.across_end + MARGIN)
    return Diagram(p.flow, end.x, end.y, _lanes(f), nodes, tuple(edges), font_size=p.font_size, curved=p.curved)
