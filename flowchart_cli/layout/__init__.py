"""The layout stage: one flow in, one :class:`~.geometry.Diagram` out, shared by every writer.

Steps are sized for their wrapped labels, ranked and ordered by Graphviz
`dot`, put in columns inside their lanes, and joined by orthogonal lines
routed through the channels between rows and columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from ..gcpause import gc_paused
from ..model import Edge, Flow, flow_edges
from ..options import EDGE_STYLES, RenderOptions
from .assemble import Placement, assemble
from .geometry import Diagram
from .grid import Grid, place_columns
from .lengths import DRAWN_DETOUR_LIMIT, PixelScale, longest_line, pixel_scale
from .ordering import MOST_STEPS, move_chains, order_cells
from .ranking import Ranker, back_edges
from .routing import arrivals_cross, hemmed_in, plan_routes, tracked_crossings
from .rows import move_rows
from .sizing import fill_width, size_step
from .stages import rank_in_stages

__all__ = ["EDGE_STYLES", "layout_flow"]

FONT_SIZE = 13.0


def link_shares(flow: Flow, links: list[tuple[int, int, str]]) -> list[str]:
    """Each line's share ("60 %") for `render --shares`: the outcome's, or the sum of the outcomes it joins."""
    from ..shares import format_share, outcome_shares

    steps = flow.steps
    by_pair: dict[tuple[int, int], Fraction] = {}
    index = {step.key: n for n, step in enumerate(steps)}
    for n, step in enumerate(steps):
        if step.kind == "decision" and step.branches:
            for branch, share in zip(step.branches, outcome_shares(step), strict=True):
                target = flow.step_by_id(branch.target)
                if target is not None:
                    pair = (n, index[target.key])
                    by_pair[pair] = by_pair.get(pair, Fraction(0)) + share
    return [format_share(by_pair[s, t], flow.lang) if (s, t) in by_pair else "" for s, t, _ in links]


def joined_links(links: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Outcomes of one step that lead to the same step become one line whose label names them all."""
    joined: dict[tuple[int, int], list[str]] = {}
    for source, target, label in links:
        joined.setdefault((source, target), []).append(label)
    return [(s, t, " / ".join(label for label in labels if label)) for (s, t), labels in joined.items()]


def layout_flow(
    flow: Flow,
    options: RenderOptions = RenderOptions(),
    *,
    ranker: Ranker | None = None,
    edges: tuple[Edge, ...] | None = None,
) -> Diagram:
    """Lay ``flow`` out and export it as drawn with ``options`` (edges ortho or spline, theme, numbers…).

    ``ranker`` stands in for Graphviz `dot` (tests of everything after the ranking run without it);
    ``edges`` are the lines to draw when they are not the flow's own (a printed part's, see
    :mod:`flowchart_cli.handout.part_flow`).
    """
    with gc_paused():
        return _layout(flow, options, ranker, flow_edges(flow) if edges is None else edges)


def _layout(flow: Flow, options: RenderOptions, ranker: Ranker | None, lines: tuple[Edge, ...]) -> Diagram:
    edges = options.edges
    if edges not in EDGE_STYLES:
        raise ValueError(f"unknown edge style {edges!r}; choose from {', '.join(EDGE_STYLES)}")
    steps = flow.steps
    index = {step.key: n for n, step in enumerate(steps)}
    known = [e for e in lines if e.source in index and e.target in index]
    links = joined_links([(index[e.source], index[e.target], e.label) for e in known])
    starts = [n for n, step in enumerate(steps) if step.kind == "start"]
    pairs = [(s, t) for s, t, _ in links]
    back = back_edges(len(steps), pairs, starts)
    ranking, back, stage_rows = rank_in_stages(flow, pairs, back, timeout=options.layout_timeout, ranker=ranker)
    lane_ids = [lane.id for lane in flow.lanes]
    lane_of = {lane_id: n for n, lane_id in enumerate(lane_ids)}
    lane = [lane_of.get(step.lane or "", 0) for step in steps]
    forward = [(s, t) for (s, t, _), b in zip(links, back, strict=True) if not b]
    marked = [(s, t, b) for (s, t, _), b in zip(links, back, strict=True)]
    decision = [step.kind == "decision" for step in steps]
    lr = flow.direction == "LR"
    sized = [size_step(step, FONT_SIZE, lr) for step in steps]
    lanes = max(1, len(lane_ids))

    def scale_for(rows: Sequence[int], grid: Grid, sizes: Sequence[tuple[tuple[str, ...], float, float]]) -> PixelScale:
        along = [w if lr else h for _, w, h in sizes]
        across = [h if lr else w for _, w, h in sizes]
        return pixel_scale(rows, grid.column, along, across, grid.columns)

    def planned_on(
        rows: Sequence[int],
        grid: Grid,
        sizes: Sequence[tuple[tuple[str, ...], float, float]],
        shared_bottom: bool = False,
    ):
        """The routes (and their tracks) of every line with steps in ``rows``, on ``grid``, with boxes of
        ``sizes``."""
        return plan_routes(
            rows,
            grid.column,
            decision,
            marked,
            borders=frozenset(grid.first[1:]),
            columns=grid.columns,
            scale=scale_for(rows, grid, sizes),
            shared_bottom=shared_bottom,
        )

    filled: dict[tuple[int, float], tuple[tuple[str, ...], float, float]] = {}

    def boxes_on(grid: Grid) -> list[tuple[tuple[str, ...], float, float]]:
        """The boxes as drawn on ``grid``: in TB as wide as their column lets them (across the lanes is
        the width), so that a row's height, and with it how long each line is, is the drawing's."""
        if lr:
            return sized
        room: dict[int, float] = {}
        for node, column in enumerate(grid.column):
            room[column] = max(room.get(column, 0.0), sized[node][1])
        boxes = []
        for node, step in enumerate(steps):
            key = (node, room[grid.column[node]])
            if key not in filled:
                filled[key] = fill_width(step, sized[node], key[1], FONT_SIZE)
            boxes.append(filled[key])
        return boxes

    planned: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple] = {}  # one routing per rows and columns
    counted: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}

    def plan_for(rows: tuple[int, ...], grid: Grid):
        """The boxes and the routes on ``rows`` and ``grid``: worked out once, for the passes that judge
        them and for the drawing made of them."""
        key = (rows, grid.column)
        if key not in planned:
            boxes = boxes_on(grid)
            planned[key] = (boxes, planned_on(rows, grid, boxes))
        return planned[key]

    def routed(rows: tuple[int, ...], order: tuple[float, ...]) -> float:
        grid = place_columns(lanes, lane, rows, order, forward)
        key = (rows, grid.column)
        if key not in counted:
            counted[key] = tracked_crossings(plan_for(rows, grid)[1][0], rows, grid.column)
        return counted[key]

    outcomes: dict[int, list[int]] = {}
    for s, t, b in marked:
        if decision[s] and not b:
            outcomes.setdefault(s, []).append(t)
    rank = ranking.rank
    order = order_cells(lane, rank, ranking.order, marked, list(outcomes.values()), lambda order: routed(rank, order))

    def drawn(rows: tuple[int, ...]):
        """The grid, the boxes (in TB as wide as their column lets them) and the routes on ``rows``."""
        grid = place_columns(lanes, lane, rows, order, forward)
        boxes, plan = plan_for(rows, grid)
        return grid, boxes, plan

    first = drawn(rank)
    first_order = order

    last: dict[str, object] = {}  # the plan the last drawing was made from

    def placed(rows: tuple[int, ...], spans: Sequence[tuple[int, int]], plan=None) -> Diagram:
        plan = plan or (first if rows == rank and order == first_order else drawn(rows))
        grid, boxes, (routes, tracks) = plan
        last.update(rows=rows, spans=spans, plan=plan)
        return assemble(
            Placement(
                flow=flow,
                lines=[s[0] for s in boxes],
                sizes=[(s[1], s[2]) for s in boxes],
                lane_ids=lane_ids,
                lane_names=[lane.name for lane in flow.lanes],
                rank=rows,
                grid=grid,
                routes=routes,
                labels=[label for _, _, label in links],
                tracks=tracks,
                font_size=FONT_SIZE,
                curved=edges == "spline",
                label_size=FONT_SIZE if options.even_text else FONT_SIZE - 1,
                stage_rows=spans,
                shares=link_shares(flow, links) if options.shares else (),
            ),
            options,
        )

    def settled() -> Diagram:
        """The drawing with the fewest crossings the chain and row passes find (after the cell orders)."""
        nonlocal order
        grid, _, (routes, _) = first
        counted[(rank, grid.column)] = tracked_crossings(routes, rank, grid.column)  # where the row pass starts
        if not counted[(rank, grid.column)]:  # most flows cross nothing
            return placed(rank, stage_rows)
        # chains that start at a decision, where several lines fan out, are moved before the rows; the row
        # moves start from both orders (a row a chain's move no longer gains may be worth more), the fewer
        # crossings kept; then any chain once more on the rows chosen
        deciding = frozenset(n for n, is_decision in enumerate(decision) if is_decision)
        chained = move_chains(lane, rank, order, marked, lambda chains: routed(rank, chains), most=2, starting=deciding)
        tried = []
        for start in dict.fromkeys((order, chained)):
            rows, spans = move_rows(
                lane, rank, marked, stage_rows, starts, lambda rows, start=start: routed(rows, start)
            )
            tried.append((routed(rows, start), rows, spans, start))
        _, moved, moved_spans, order = min(tried, key=lambda found: found[0])  # a tie keeps the first: no move
        order = move_chains(lane, moved, order, marked, lambda chains: routed(moved, chains))
        if moved == rank and order == first_order:
            return placed(rank, stage_rows)
        diagram = placed(moved, moved_spans)
        if longest_line(diagram) <= DRAWN_DETOUR_LIMIT:  # most moves: no crossing is saved with a long way
            return diagram
        # the frame drew a line longer than the plan foresaw: keep the move only if that is not its doing
        order = first_order
        unmoved = placed(rank, stage_rows)
        return diagram if longest_line(unmoved) > DRAWN_DETOUR_LIMIT else unmoved

    if len(steps) > MOST_STEPS:  # a big flow keeps its ranks and dot's order: see MOST_STEPS
        return placed(rank, stage_rows)
    drawing = settled()
    rows, spans, (grid, boxes, (routes, _)) = last["rows"], last["spans"], last["plan"]
    if not hemmed_in(routes, rows, grid.column):  # most flows: no such decision's outcome crosses a line
        return drawing
    crossed = tracked_crossings(routes, rows, grid.column)
    # two outcomes of a decision out of one bottom stub free a side for a loop past it: tried on the
    # drawing settled, kept when fewer lines cross, none into one shape, and no line gets too long
    shared = planned_on(rows, grid, boxes, shared_bottom=True)
    if tracked_crossings(shared[0], rows, grid.column) >= crossed or arrivals_cross(shared[0], rows, grid.column):
        return drawing
    other = placed(rows, spans, (grid, boxes, shared))
    longest = longest_line(other)
    return other if longest <= DRAWN_DETOUR_LIMIT or longest <= longest_line(drawing) else drawing
