"""The layout stage: one flow in, one :class:`~.geometry.Diagram` out, shared by every writer.

Steps are sized for their wrapped labels, ranked and ordered by Graphviz
`dot`, put in columns inside their lanes, and joined by orthogonal lines
routed through the channels between rows and columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..gcpause import gc_paused
from ..model import OUTCOMES_JOINED, Edge, Flow, flow_edges
from ..options import EDGE_STYLES, RenderOptions
from .assemble import Placement, assemble
from .detours import same_way_stub
from .geometry import Diagram
from .grid import Grid, place_columns
from .lengths import DRAWN_DETOUR_LIMIT, PixelScale, longest_line, pixel_scale
from .level import LEVEL_UP_TO, Judged, keeps_level, level_handoffs
from .ordering import MOST_STEPS, move_chains, order_cells
from .ranking import Ranker, back_edges
from .routing import arrivals_cross, crossed_steps, hemmed_in, plan_routes, tracked_crossings
from .rows import move_rows
from .sizing import fill_width, size_step
from .stages import rank_in_stages, stage_numbers

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
    return [(s, t, OUTCOMES_JOINED.join(label for label in labels if label)) for (s, t), labels in joined.items()]


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
    if options.edges not in EDGE_STYLES:
        raise ValueError(f"unknown edge style {options.edges!r}; choose from {', '.join(EDGE_STYLES)}")
    run = _LayoutRun(flow, options, ranker, lines).arrange()
    if len(flow.steps) > MOST_STEPS:  # a big flow keeps its ranks and dot's order: see MOST_STEPS
        return run.placed(run.rank, run.stage_rows).diagram
    drawing = run.with_shared_stubs(run.settled())
    if not run.lr or ranker is not None or len(flow.steps) > LEVEL_UP_TO:  # see .level
        return _dead_ends_raised(run, drawing, lines, ranker).diagram
    best, judged = drawing, run.judged(drawing)
    best_run = run
    stage = stage_numbers(flow)
    tried: set[frozenset[tuple[int, int]]] = set()
    for plain in (False, True):  # every handoff into a step with one line in, then only the plain ones
        level = level_handoffs(run.marked, run.lane, stage, plain=plain)
        if not level or level in tried:
            continue
        tried.add(level)
        flat = _LayoutRun(flow, options, ranker, lines, level)
        if len(set(flat.rank)) >= len(set(run.rank)):  # no column saved: nothing to gain
            continue
        other = flat.arrange().with_shared_stubs(flat.settled())
        if keeps_level(flat.judged(other), judged, DRAWN_DETOUR_LIMIT):
            best, best_run = other, flat
            break  # the plain handoffs are some of these: seldom shorter still
    return _dead_ends_raised(best_run, best, lines, ranker).diagram


def _dead_ends_raised(run: _LayoutRun, drawing: _Drawing, lines: tuple[Edge, ...], ranker: Ranker | None) -> _Drawing:
    """``drawing`` (made by ``run``), or the one with every step whose lines out all loop back ranked just
    after the step before it, where that moves a step and crosses fewer lines (no line over the limit or
    longer than before, area at most 10 % more); the same level handoffs in both.

    Which is better depends on the flow: in `troca-medidor` "Aviso de visita" at the stage's foot sat
    under the main path and the line to "Adequar o padrão" cut three lines (4 crossings; raised, 2); in
    `seller-dispute` raising its dead ends costs 3 more. Only flows that cross something pay for the try.
    """
    if ranker is not None or not run.flow.stages:
        return drawing
    grid, _, (routes, _) = drawing.plan
    crossed = crossed_steps(routes, drawing.rows, grid.column)
    if not any(run.loop_only[n] for n in crossed):  # most flows: nothing to raise
        return drawing
    usual = run.judged(drawing)
    raised = _LayoutRun(run.flow, run.options, None, lines, run.level, raised=True)
    if raised.rank == run.rank:
        return drawing
    grid, _, (routes, _) = raised.arrange().first
    if tracked_crossings(routes, raised.rank, grid.column) >= usual.crossings:  # the row and chain passes
        return drawing  # seldom gain more on the raised rows than on the usual ones: not worth their time
    other = raised.with_shared_stubs(raised.settled())
    judged = raised.judged(other)
    if (
        judged.crossings < usual.crossings
        and (judged.longest <= DRAWN_DETOUR_LIMIT or judged.longest <= usual.longest)
        and judged.area <= usual.area * 1.1
    ):
        return other
    return drawing


Box = tuple[tuple[str, ...], float, float]
"""A step's box: its label's lines, its width and its height."""


@dataclass(frozen=True, slots=True)
class _Drawing:
    """A drawing and the rows, stage spans and plan (grid, boxes, routes) it was made from."""

    diagram: Diagram
    rows: tuple[int, ...]
    spans: Sequence[tuple[int, int]]
    plan: tuple


class _LayoutRun:
    """One flow's layout: its skeleton (ranks, lanes, lines), the passes that move its cells and rows, and
    every plan they judge, each worked out once and reused by the drawing made of it."""

    def __init__(
        self,
        flow: Flow,
        options: RenderOptions,
        ranker: Ranker | None,
        lines: tuple[Edge, ...],
        level: frozenset[tuple[int, int]] = frozenset(),
        raised: bool = False,
    ) -> None:
        self.flow, self.options, self.level = flow, options, level
        steps = flow.steps
        index = {step.key: n for n, step in enumerate(steps)}
        known = [e for e in lines if e.source in index and e.target in index]
        self.links = joined_links([(index[e.source], index[e.target], e.label) for e in known])
        self.starts = [n for n, step in enumerate(steps) if step.kind == "start"]
        pairs = [(s, t) for s, t, _ in self.links]
        back = back_edges(len(steps), pairs, self.starts)
        ranking, back, self.stage_rows = rank_in_stages(
            flow, pairs, back, timeout=options.layout_timeout, ranker=ranker, level=level, raised=raised
        )
        self.lane_ids = [lane.id for lane in flow.lanes]
        lane_of = {lane_id: n for n, lane_id in enumerate(self.lane_ids)}
        self.lane = [lane_of.get(step.lane or "", 0) for step in steps]
        self.lanes = max(1, len(self.lane_ids))
        self.forward = [(s, t) for (s, t, _), b in zip(self.links, back, strict=True) if not b]
        self.marked = [(s, t, b) for (s, t, _), b in zip(self.links, back, strict=True)]
        self.decision = [step.kind == "decision" for step in steps]
        leading = {s for s, t in self.forward if s != t}
        self.loop_only = [n not in leading and any(s == n and b for s, _, b in self.marked) for n in range(len(steps))]
        """Whether a step's only lines out loop back ("Aviso de visita deixado" → "Propor data")."""
        self.lr = flow.direction == "LR"
        self.sized = [size_step(step, FONT_SIZE, self.lr) for step in steps]
        # in LR an off-page connector's pointed tip faces across the lanes: no line goes in there
        self.closed = frozenset((n, "r") for n, step in enumerate(steps) if self.lr and step.kind == "offpage")
        # a part's entry connector in TB sends its line out of its point, never a side: its point left free
        # stood over another line's arrowhead and seemed to feed it (review 5)
        self.tip_only = frozenset(n for n, step in enumerate(steps) if not self.lr and step.kind == "offpage")
        self.filled: dict[tuple[int, float], Box] = {}
        self.planned: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple] = {}  # one routing per rows, columns
        self.counted: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}
        self.rank = ranking.rank
        self.dot_order = ranking.order

    def arrange(self) -> _LayoutRun:
        """Order the cells of every row (see :func:`.ordering.order_cells`) and plan the first drawing."""
        outcomes: dict[int, list[int]] = {}
        for s, t, b in self.marked:
            if self.decision[s] and not b:
                outcomes.setdefault(s, []).append(t)
        self.order = order_cells(
            self.lane,
            self.rank,
            self.dot_order,
            self.marked,
            list(outcomes.values()),
            lambda order: self.crossings(self.rank, order),
        )
        self.first_order = self.order
        self.first = self.drawn(self.rank)
        return self

    def scale_for(self, rows: Sequence[int], grid: Grid, sizes: Sequence[Box]) -> PixelScale:
        along = [w if self.lr else h for _, w, h in sizes]
        across = [h if self.lr else w for _, w, h in sizes]
        return pixel_scale(rows, grid.column, along, across, grid.columns)

    def planned_on(self, rows: Sequence[int], grid: Grid, sizes: Sequence[Box], shared_bottom: bool = False):
        """The routes (and their tracks) of every line with steps in ``rows``, on ``grid``, with boxes of
        ``sizes``."""
        return plan_routes(
            rows,
            grid.column,
            self.decision,
            self.marked,
            borders=frozenset(grid.first[1:]),
            columns=grid.columns,
            scale=self.scale_for(rows, grid, sizes),
            shared_bottom=shared_bottom,
            closed=self.closed,
            tip_only=self.tip_only,
        )

    def boxes_on(self, grid: Grid) -> list[Box]:
        """The boxes as drawn on ``grid``: in TB as wide as their column lets them (across the lanes is
        the width), so that a row's height, and with it how long each line is, is the drawing's."""
        if self.lr:
            return self.sized
        room: dict[int, float] = {}
        for node, column in enumerate(grid.column):
            room[column] = max(room.get(column, 0.0), self.sized[node][1])
        boxes = []
        for node, step in enumerate(self.flow.steps):
            key = (node, room[grid.column[node]])
            if key not in self.filled:
                self.filled[key] = fill_width(step, self.sized[node], key[1], FONT_SIZE)
            boxes.append(self.filled[key])
        return boxes

    def plan_for(self, rows: tuple[int, ...], grid: Grid):
        """The boxes and the routes on ``rows`` and ``grid``: worked out once, for the passes that judge
        them and for the drawing made of them."""
        key = (rows, grid.column)
        if key not in self.planned:
            boxes = self.boxes_on(grid)
            self.planned[key] = (boxes, self.planned_on(rows, grid, boxes))
        return self.planned[key]

    def grid(self, rows: tuple[int, ...], order: tuple[float, ...]) -> Grid:
        return place_columns(self.lanes, self.lane, rows, order, self.forward)

    def crossings(self, rows: tuple[int, ...], order: tuple[float, ...]) -> float:
        """How many lines the drawing with ``rows`` and cell ``order`` would cross (counted once per grid)."""
        grid = self.grid(rows, order)
        key = (rows, grid.column)
        if key not in self.counted:
            self.counted[key] = tracked_crossings(self.plan_for(rows, grid)[1][0], rows, grid.column)
        return self.counted[key]

    def drawn(self, rows: tuple[int, ...]):
        """The grid, the boxes (in TB as wide as their column lets them) and the routes on ``rows``."""
        grid = self.grid(rows, self.order)
        boxes, plan = self.plan_for(rows, grid)
        return grid, boxes, plan

    def placed(self, rows: tuple[int, ...], spans: Sequence[tuple[int, int]], plan=None) -> _Drawing:
        """The drawing on ``rows`` (with the stages' ``spans``) from ``plan``, by default the current order's."""
        plan = plan or (self.first if rows == self.rank and self.order == self.first_order else self.drawn(rows))
        grid, boxes, (routes, tracks) = plan
        flow, links, options = self.flow, self.links, self.options
        diagram = assemble(
            Placement(
                flow=flow,
                lines=[s[0] for s in boxes],
                sizes=[(s[1], s[2]) for s in boxes],
                lane_ids=self.lane_ids,
                lane_names=[lane.name for lane in flow.lanes],
                rank=rows,
                grid=grid,
                routes=routes,
                labels=[label for _, _, label in links],
                tracks=tracks,
                font_size=FONT_SIZE,
                curved=options.edges == "spline",
                label_size=FONT_SIZE if options.even_text else FONT_SIZE - 1,
                stage_rows=spans,
                shares=link_shares(flow, links) if options.shares else (),
            ),
            options,
        )
        return _Drawing(diagram, rows, spans, plan)

    def settled(self) -> _Drawing:
        """The drawing with the fewest crossings the chain and row passes find (after the cell orders)."""
        rank, stage_rows = self.rank, self.stage_rows
        grid, _, (routes, _) = self.first
        self.counted[(rank, grid.column)] = tracked_crossings(routes, rank, grid.column)  # where the row pass starts
        if not self.counted[(rank, grid.column)]:  # most flows cross nothing
            return self.placed(rank, stage_rows)
        # chains that start at a decision, where several lines fan out, are moved before the rows; the row
        # moves start from both orders (a row a chain's move no longer gains may be worth more), the fewer
        # crossings kept; then any chain once more on the rows chosen
        lane, marked = self.lane, self.marked
        deciding = frozenset(n for n, is_decision in enumerate(self.decision) if is_decision)
        chained = move_chains(
            lane, rank, self.order, marked, lambda chains: self.crossings(rank, chains), most=2, starting=deciding
        )
        tried = []
        for start in dict.fromkeys((self.order, chained)):
            rows, spans = move_rows(
                lane, rank, marked, stage_rows, self.starts, lambda rows, start=start: self.crossings(rows, start)
            )
            tried.append((self.crossings(rows, start), rows, spans, start))
        _, moved, moved_spans, self.order = min(tried, key=lambda found: found[0])  # a tie keeps the first: no move
        self.order = move_chains(lane, moved, self.order, marked, lambda chains: self.crossings(moved, chains))
        if moved == rank and self.order == self.first_order:
            return self.placed(rank, stage_rows)
        drawing = self.placed(moved, moved_spans)
        if longest_line(drawing.diagram) <= DRAWN_DETOUR_LIMIT:  # most moves: no crossing is saved with a long way
            return drawing
        # the frame drew a line longer than the plan foresaw: keep the move only if that is not its doing
        self.order = self.first_order
        unmoved = self.placed(rank, stage_rows)
        return drawing if longest_line(unmoved.diagram) > DRAWN_DETOUR_LIMIT else unmoved

    def judged(self, drawing: _Drawing) -> Judged:
        """What ``drawing`` is weighed by against another drawing of this flow."""
        grid, _, (routes, _) = drawing.plan
        diagram = drawing.diagram
        return Judged(
            crossings=tracked_crossings(routes, drawing.rows, grid.column),
            longest=longest_line(diagram),
            length=diagram.width if self.lr else diagram.height,
            area=diagram.width * diagram.height,
        )

    def with_shared_stubs(self, drawing: _Drawing) -> _Drawing:
        """``drawing``, or the same with two outcomes of a decision out of one bottom stub where that frees
        a side for a loop past it, or spares a line the long way round: kept when fewer lines cross (no
        more, to spare a line over the limit), none into one shape, and no line gets too long."""
        rows, spans, (grid, boxes, (routes, _)) = drawing.rows, drawing.spans, drawing.plan
        longest = longest_line(drawing.diagram)
        too_long = longest > DRAWN_DETOUR_LIMIT
        if not too_long and not hemmed_in(routes, rows, grid.column):  # most flows: nothing to free
            return drawing
        shared = self.planned_on(rows, grid, boxes, shared_bottom=True)
        if arrivals_cross(shared[0], rows, grid.column) or same_way_stub(shared[0], grid.column):
            return drawing
        crossed, now = (tracked_crossings(r, rows, grid.column) for r in (routes, shared[0]))
        if now > crossed or (now == crossed and not too_long):
            return drawing
        other = self.placed(rows, spans, (grid, boxes, shared))
        drawn = longest_line(other.diagram)  # as many crossings: kept only if the long way round has gone
        return other if drawn <= DRAWN_DETOUR_LIMIT or (now < crossed and drawn <= longest) else drawing
