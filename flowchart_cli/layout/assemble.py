"""The last layout step: shapes, lane bands and flow lines placed on the page, handed to the export step."""

from __future__ import annotations

from collections.abc import Sequence

from ..options import RenderOptions
from .annotations import header_size, header_texts, number_badge, shift_down
from .arrivals import Line, side_arrivals
from .badges import clear_badges
from .beside import top_entries
from .crossed_arrivals import crossed_arrivals_joined
from .departures import own_side_departures
from .export import export_diagram
from .frame import MARGIN, Frame, Placement
from .geometry import Diagram, EdgePath, LaneBand, Point, Rect
from .hugging import hug_shapes
from .labels import LabelRequest, place_labels
from .lines import edge_points
from .opposed import parted_arrivals
from .outcome_text import NARROW, wraps
from .passing import clear_passing
from .routing import Route
from .side_turns import clear_side_turns, left_beside
from .stage_bands import fit_stage_names, stage_bands
from .straighten import straight_drops
from .text import text_width
from .tips import clear_tips
from .turns import clear_turns

__all__ = ["Placement", "assemble"]


def _lanes(f: Frame) -> tuple[LaneBand, ...]:
    """TB: full-height columns; LR: full-width rows; inner borders sit mid-gap."""
    if not f.has_lanes:
        return ()
    bands = []
    for lane in range(len(f.p.lane_ids)):
        first, last = f.lane_extent(lane)
        low = f.gap_at[first] if lane == 0 else f.gap_at[first] + f.border_split[first]
        high = f.gap_at[last + 1] + (f.gap_size[last + 1] if last + 1 == f.cols else f.border_split[last + 1])
        band = f.rect(MARGIN, low, f.along_end - MARGIN, high - low)
        header = f.rect(MARGIN, low, f.header, high - low)
        lines = f.name_lines(lane, f.lr_header if f.lr else f.lane_size(lane))
        bands.append(LaneBand(f.p.lane_ids[lane], f.p.lane_names[lane], band, header, lane, lines))
    return tuple(bands)


def _borders(lanes: tuple[LaneBand, ...], lr: bool) -> list[tuple[LaneBand, float]]:
    """Each lane border (across the flow: x in TB, y in LR) with a lane it bounds: the first lane's
    outer edge, every border between two lanes, the last lane's outer edge."""
    if not lanes:
        return []
    low = [lane.band.y if lr else lane.band.x for lane in lanes]
    last = lanes[-1].band
    return [*zip(lanes, low, strict=True), (lanes[-1], last.bottom if lr else last.right)]


def _label_starts(
    routes: Sequence[Route], lines: Sequence[Sequence[Point]], straight_on: frozenset[int]
) -> list[tuple[int, float]]:
    """Each line's label: the segment it starts on and how far along it at the least. An outcome out of a
    stub it shares with another starts past the stub (on the run after it). In LR, where one of them goes
    straight on (``straight_on``, see :attr:`.Frame.straight_on`), the branches part right past the corner
    and each label stands on its own branch past that (the straight one's label on the stub read as both
    lines', review 4): the other's on its run into its target after its turn across (else beside that
    turn), the straight one's past the other's turn."""
    starts = [(1 if route.shared_exit else 0, 0.0) for route in routes]
    for number in _straight_down(routes, lines):  # TB: the same past the other's turn, where there is room
        start = lines[number][0]
        turns = [  # the other lines out of the same stub, where each turns off it
            lines[n][1].y
            for n, r in enumerate(routes)
            if n != number and r.shared_exit and r.source == routes[number].source and lines[n][0] == start
        ]
        turns = [y for y in turns if y > start.y]
        if turns and lines[number][-1].y - max(turns) >= _LABEL_ROOM:
            starts[number] = (0, max(turns) - lines[number][0].y + _PAST_TURN)
    for number in straight_on:
        source = routes[number].source
        others = [n for n, r in enumerate(routes) if r.shared_exit and r.source == source and n != number]
        turns = [lines[n][1].x for n in others if len(lines[n]) > 2]
        starts[number] = (0, max(turns, default=lines[number][0].x) - lines[number][0].x)
        for other in others:
            if len(lines[other]) == 4:  # a turn across, then along into its target
                starts[other] = (2, 0.0)
    return starts


_LABEL_ROOM = 60.0  # a label past the other branch's turn: its offset, two lines and a gap before the arrow
_PAST_TURN = 12.0  # the label's top that far below the other branch's run (a line's clearance and more)
_STUB_AIR = 24.0  # a run out of a side: room for its turn, or a label's air either end


def _straight_down(routes: Sequence[Route], lines: Sequence[Sequence[Point]]) -> list[int]:
    """In TB, the outcomes that go straight down out of a bottom stub they share with another outcome, which
    turns off it: on the stub their label read as both lines' ("Error de la cita" over the turn of "Ya no la
    necesita", review 9), so it stands on its own line past that turn."""
    return [
        n
        for n, (route, points) in enumerate(zip(routes, lines, strict=True))
        if route.shared_exit
        and route.exit == "b"
        and len(points) == 2
        and abs(points[0].x - points[1].x) < 0.01
        and points[1].y > points[0].y
    ]


def _drawn(f: Frame) -> tuple[list[Rect], tuple[LaneBand, ...], list[Line], frozenset[int]]:
    """The shapes, lanes and lines as the frame places them, each line's pieces mended (hugging, arrivals,
    departures, drops…), and the routes whose labels are set narrow so that their runs could come in."""
    p = f.p
    boxes = [f.node_rect(n) for n in range(len(p.flow.steps))]
    lanes = _lanes(f)
    framed, narrow = hug_shapes(f, p.routes, [edge_points(f, route, boxes) for route in p.routes])
    ends = [(route.source, route.target) for route in p.routes]
    kinds = [step.kind or "process" for step in p.flow.steps]
    lines = side_arrivals([tuple(f.point(a, c) for a, c in points) for points in framed], boxes, ends, kinds)
    walls = [  # the lane borders: a new piece of line keeps the track gap from them too
        (Point(x, lane.band.y), Point(x, lane.band.bottom))
        if not f.lr
        else (Point(lane.band.x, x), Point(lane.band.right, x))
        for lane, x in _borders(lanes, f.lr)
    ]
    lines = parted_arrivals(lines, boxes, ends, kinds, walls, [route.back for route in p.routes])
    lines = own_side_departures(lines, boxes, ends, kinds, walls)
    small = p.label_size or p.font_size - 1
    # the run out of a side an outcome's label sits on: its words on one line, and a little air each end
    stubs = [text_width(label, small, bold=True) + _STUB_AIR if label else _STUB_AIR for label in p.labels]
    lines = straight_drops(lines, boxes, ends, walls, stubs)
    lines = top_entries(lines, boxes, ends, kinds, walls)
    return boxes, lanes, crossed_arrivals_joined(lines, ends), narrow


def assemble(p: Placement, options: RenderOptions = RenderOptions()) -> Diagram:
    """Every shape, band and line of the flow on the page."""
    f = Frame(p)
    fit_stage_names(f)
    clear_turns(f)
    clear_side_turns(f)
    clear_tips(f)
    clear_passing(f)
    if options.numbers:
        clear_badges(f, p.font_size if options.even_text else p.font_size - 1)
    boxes, lanes, lines, narrow = _drawn(f)
    if (kept := left_beside(f, lines)) and clear_side_turns(f, kept):  # ways out beside.py could not move
        boxes, lanes, lines, narrow = _drawn(f)
    kinds = [step.kind or "process" for step in p.flow.steps]
    small = p.label_size or p.font_size - 1
    shares = list(p.shares) or [""] * len(p.routes)
    starts = _label_starts(p.routes, lines, f.straight_on)
    requests = [
        LabelRequest(
            label,
            points,
            segment,
            boxes[route.source],
            route.exit_unit,
            share,
            NARROW if number in narrow else wraps(route.exit, f.lr),
            skip,
        )
        if label
        else None
        for number, (route, label, points, share, (segment, skip)) in enumerate(
            zip(p.routes, p.labels, lines, shares, starts, strict=True)
        )
    ]
    borders = [  # a label never straddles a lane border, nor sticks out past the outer lanes' edges
        Rect(x, lane.band.y, 0.0, lane.band.height) if not f.lr else Rect(lane.band.x, x, lane.band.width, 0.0)
        for lane, x in _borders(lanes, f.lr)
    ]
    shapes = [*boxes, *(lane.header for lane in lanes), *borders]
    if options.numbers:  # a label clear of the number badges too, as wide as three digits (a printed
        # part numbers its steps as in the whole flow, after its layout)
        shapes += [number_badge(box, "888", small, kind) for box, kind in zip(boxes, kinds, strict=True)]
    places = place_labels(requests, lines, shapes, f.lr, small)
    edges = tuple(
        EdgePath(
            p.flow.steps[route.source].key,
            p.flow.steps[route.target].key,
            label,
            points,
            at,
            route.back,
            anchor,
            small,
            share if label else "",
            wrap,
        )
        for route, label, points, (at, anchor, wrap), share in zip(
            p.routes, p.labels, lines, places, shares, strict=True
        )
    )
    stages = stage_bands(f)
    end = f.point(f.along_end + MARGIN, f.across_end + MARGIN)
    labels = [e.label_box for e in edges if e.label_box is not None]  # a label beside a line at the edge
    width = max([end.x, *(box.right + 3 for box in labels)])
    height = max([end.y, *(box.bottom + 3 for box in labels)])
    header: tuple[str, ...] = ()
    header_box = None
    if options.header:
        header = header_texts(p.flow)
        need_w, need_h = header_size(header, p.font_size)
        boxes, lanes, edges, stages = shift_down(need_h, boxes, lanes, edges, stages)
        width, height = max(width, need_w + 2 * MARGIN), height + need_h
        header_box = Rect(MARGIN, MARGIN, width - 2 * MARGIN, need_h)
    return export_diagram(
        p.flow,
        boxes=boxes,
        lines=p.lines,
        lanes=lanes,
        edges=edges,
        width=width,
        height=height,
        stages=stages,
        font_size=p.font_size,
        options=options,
        header=header,
        header_box=header_box,
    )
