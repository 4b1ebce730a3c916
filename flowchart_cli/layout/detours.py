"""Decisions and loops choose the ways out that cross the fewest other lines.

The outcomes of one decision are planned together: every way of giving
them distinct sides (bottom, left, right) is tried, each outcome taking its
best shape for its side, and the set with the fewest crossings wins, a
crossing between two outcomes of that decision counting as many.  A loop
back from any other step tries both sides.  A line that leaves by a side
may run along its row past empty cells to a farther channel (round the
outside of the drawing, say), and may reach its target from above, along
its row from beside it, or from below.

A plan costs its crossings, bends and length (a crossing weighs a few
bends, so no line takes a long detour to avoid one); ties keep the first
plan.  Lines that cross nothing as first planned keep their plan: the
search is for tangles.  Two passes let later choices settle earlier ones
(one on a big flow, whose plans rarely interact), so the work grows about
linearly with the flow.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter

from .gridroute import Route, RouteGrid, down_refs, logical, shape_points, side_gap
from .lengths import DETOUR_LIMIT, estimated_detour
from .route_index import RouteIndex, Segment, cross, route_crossings, segment_crossings, segments_of

__all__ = ["PAIRS_UP_TO", "improve_routes", "row_clear", "same_way_stub", "untangle_pairs"]

_PASSES = 2
_CROSSING = 5.0  # what one crossing costs, in bends: a long detour is no better than a crossing
_BEND = 2.0
_LENGTH = 0.2  # per grid unit (a row or a column is two)
_SIBLING = 120.0  # a crossing between two outcomes of one decision is never worth it
_MISORDER = 150.0  # two outcomes whose targets sit in one row in the opposite order to their sides: worse still
_BIG = 1000  # lines: past this, one pass only
PAIRS_UP_TO = 200
"""Lines: past this many, crossing pairs are not planned again together (a flow that big keeps the
ordering passes' time too: see :data:`.ordering.MOST_STEPS`)."""
_NEAR_GAPS = 6  # across-gaps a line leaving by a side may turn in, nearest first (and the farthest it reaches)
_CHOICES = 3  # shapes per outcome and side tried together when a decision's outcomes are planned
_MOST_JOINT = 4  # decisions with more outcomes keep their plan (their extra lines share the bottom); of four, two
# or three share the bottom (review 10: "Sujo além do normal" out of the left corner, back under the diamond)
_DETOUR = 60.0  # a way round past the detour limit costs more than a dozen crossings…
_DETOUR_SLOPE = 200.0  # …and more the longer it is
Shape = tuple[str, str, list[tuple[str, int]]]  # exit side, entry side, refs
Cost = float


class _Planner:
    def __init__(self, routes: list[Route], grid: RouteGrid) -> None:
        self.routes, self.grid = routes, grid
        self.big = False
        self.lines = [logical(route, grid) for route in routes]  # every route's points as planned now
        self.index = RouteIndex(self.lines)
        self.leaving: dict[int, Counter[str]] = defaultdict(Counter)
        self.arriving: dict[int, Counter[str]] = defaultdict(Counter)
        self.into: dict[int, set[int]] = defaultdict(set)
        for number, route in enumerate(routes):
            self.leaving[route.source][route.exit] += 1
            self.arriving[route.target][route.entry] += 1
            self.into[route.target].add(number)
        self.bases: dict[tuple[int, str, str, tuple[tuple[str, int], ...]], tuple[Cost, list[tuple[float, float]]]] = {}

    def base(self, number: int, shape: Shape) -> tuple[Cost, list[tuple[float, float]]]:
        """The shape's bends and length, costed, and its grid points (worked out once per line and shape:
        they depend on the line's ends and the grid only, and the planner asks again and again)."""
        key = (number, shape[0], shape[1], tuple(shape[2]))
        found = self.bases.get(key)
        if found is None:
            found = self.bases[key] = self._base(number, shape)
        return found

    def _base(self, number: int, shape: Shape) -> tuple[Cost, list[tuple[float, float]]]:
        route = self.routes[number]
        points = shape_points(route.source, route.target, shape[0], shape[2], self.grid)
        run_a = run_c = 0
        p0, p1 = points[0]
        for q0, q1 in points[1:]:
            run_a += abs(p0 - q0)
            run_c += abs(p1 - q1)
            p0, p1 = q0, q1
        cost = _BEND * (len(points) - 2) + _LENGTH * (run_a + run_c)
        scale = self.grid.scale
        (a0, c0), (a1, c1) = points[0], points[-1]
        winds = run_a > abs(a1 - a0) or run_c > abs(c1 - c0)  # a line that never turns back is no detour
        if scale is not None and winds:
            over = estimated_detour(points, route.source, route.target, scale) - DETOUR_LIMIT
            if over > 0:
                cost += _DETOUR + _DETOUR_SLOPE * over
        return cost, points

    def detour_cost(self, number: int, points: list[tuple[float, float]]) -> Cost:
        """Nothing for a line within the detour limit; past it, more than any crossings it avoids."""
        if self.grid.scale is None:
            return 0.0
        route = self.routes[number]
        over = estimated_detour(points, route.source, route.target, self.grid.scale) - DETOUR_LIMIT
        return _DETOUR + _DETOUR_SLOPE * over if over > 0 else 0.0

    def crowded(self, group: list[int]) -> bool:
        """Whether two lines of one decision leave it by one side other than the bottom (they would cross)."""
        sides = [self.routes[n].exit for n in group if self.routes[n].exit != "b"]
        return len(sides) != len(set(sides))

    def too_long(self, number: int) -> bool:
        return self.detour_cost(number, self.lines[number]) > 0

    def joining(self, number: int, entry: str) -> set[int]:
        """The lines a line entering its target by ``entry`` joins before the shape: those into the same
        side (only they merge; a line into another side of that shape is tracked apart and may cross)."""
        routes = self.routes
        return {n for n in self.into[routes[number].target] if routes[n].entry == entry}

    def cost_from(
        self, number: int, base: Cost, points: list[tuple[float, float]], skip: set[int], limit: Cost, entry: str
    ) -> Cost:
        """What the shape with these ``base`` and ``points``, entering by ``entry``, costs; once clearly above
        ``limit`` the count stops (the result is then a lower bound)."""
        if base > limit:
            return base
        joining = self.joining(number, entry)
        crossings = self.index.crossings(points, skip | {number}, joining, (limit - base) / _CROSSING)
        return base + _CROSSING * crossings

    def tangle(self, group: list[int]) -> float:
        """How much the lines of ``group`` cross other lines and each other as planned now.

        On a big flow only their crossings with each other count: a loop that must cross the chain
        it closes is not re-planned there (most are, and nothing better is found).
        """
        skip = set(group)
        lines = [self.lines[n] for n in group]
        between = sum(route_crossings(a, b) for a, b in itertools.combinations(lines, 2))
        if self.big:
            return between
        return between + sum(
            self.index.crossings(points, skip, self.joining(n, self.routes[n].entry))
            for n, points in zip(group, lines, strict=True)
        )

    def apply(self, number: int, shape: Shape) -> bool:
        route = self.routes[number]
        if (route.exit, route.entry, route.refs) == shape:
            return False
        self.leaving[route.source][route.exit] -= 1
        self.arriving[route.target][route.entry] -= 1
        route.exit, route.entry, route.refs = shape[0], shape[1], list(shape[2])
        self.leaving[route.source][route.exit] += 1
        self.arriving[route.target][route.entry] += 1
        self.lines[number] = logical(route, self.grid)
        self.index.put(number, self.lines[number])
        return True

    def source_entries(self, number: int) -> set[str]:
        """The sides of the line's source that other lines enter: a line leaving there would run beside them."""
        route = self.routes[number]
        counts = self.arriving[route.source]
        own = route.entry if route.target == route.source else None
        return {side for side, count in counts.items() if count - (side == own) > 0 and side != "t"}

    def target_exits(self, number: int) -> set[str]:
        counts = self.leaving[self.routes[number].target]
        return {side for side, count in counts.items() if count > 0 and side != "b"}


def improve_routes(
    routes: list[Route], grid: RouteGrid, decision: Sequence[bool], *, shared_bottom: bool = False
) -> None:
    """Rewrite the exits, entries and refs of the lines that have a choice, in place; with ``shared_bottom``
    two outcomes of a decision may also leave it by one bottom (see :func:`_assignments`)."""
    planner = _Planner(routes, grid)
    planner.big = len(routes) > _BIG
    groups: dict[int, list[int]] = defaultdict(list)
    for number, route in enumerate(routes):
        if route.source != route.target:
            groups[route.source].append(number)
    joint = [g for s, g in groups.items() if decision[s] and len(g) <= _MOST_JOINT]
    big = len(routes) > _BIG
    # every line may be re-planned; on a big flow only loops and long ways round (the rest is dot's own work)
    single = [
        n for s, g in groups.items() if not decision[s] for n in g if not big or routes[n].back or planner.too_long(n)
    ]
    units = [*joint, *([n] for n in single)]
    for _ in range(1 if big else _PASSES):  # a big flow gets one pass: its plans rarely interact
        changed = False
        for key, group in enumerate(units):
            crowded = planner.crowded(group) or _misordered(planner, group, [routes[n].exit for n in group])
            if not (crowded or planner.tangle(group) or any(planner.too_long(n) for n in group)):
                continue  # crosses nothing and goes no long way round: keep the first plan
            changed |= (
                _plan_decision(planner, group, shared_bottom) if key < len(joint) else _plan_single(planner, group[0])
            )
        if not changed:
            break


def untangle_pairs(routes: list[Route], grid: RouteGrid, decision: Sequence[bool]) -> bool:
    """Plan every two lines that still cross again together, in place (a big flow keeps its plan: see
    :data:`PAIRS_UP_TO`); whether any line changed."""
    if len(routes) > PAIRS_UP_TO:
        return False
    planner = _Planner(routes, grid)
    groups: dict[int, list[int]] = defaultdict(list)
    for number, route in enumerate(routes):
        if route.source != route.target:
            groups[route.source].append(number)
    changed = False
    for _ in range(_PASSES):
        if not _untangle_pairs(planner, groups, decision):
            break
        changed = True
    return changed


def _untangle_pairs(planner: _Planner, groups: dict[int, list[int]], decision: Sequence[bool]) -> bool:
    """Two lines that cross are planned again together, each from its few best shapes per side.

    One line alone often cannot do better: a decision's outcome into a step and that step's loop back
    to the decision cross unless the outcome enters from above *and* the loop leaves by the other side.
    """
    routes, lines = planner.routes, planner.lines
    changed = False
    for a in range(len(routes)):
        for b in sorted(planner.index.crossers(lines[a], {a})):
            if b > a and route_crossings(lines[a], lines[b]) >= 1:
                changed |= _plan_pair(planner, a, b, groups, decision)
    return changed


def _pair_options(
    planner: _Planner, number: int, other: int, groups: dict[int, list[int]], decision: Sequence[bool]
) -> list[tuple[Shape, Cost, list[Segment], Cost]]:
    """The line's current shape and its few best per side it may take, costed without the other line,
    each with its segments and the part of its cost that is crossings."""
    route = planner.routes[number]
    skip = {number, other}
    if decision[route.source]:
        if len(groups[route.source]) > _MOST_JOINT:
            return []
        used = {planner.routes[n].exit for n in groups[route.source] if n not in skip}
        sides = [side for side in ("b", "l", "r") if side not in used]
    else:
        sides = ["l", "r"]
    current = _current(route)
    base, points = planner.base(number, current)
    found = [(current, planner.cost_from(number, base, points, skip, float("inf"), current[1]), points)]
    partner = planner.routes[other]
    planner.leaving[partner.source][partner.exit] -= 1  # the other line may move: its sides are free
    planner.arriving[partner.target][partner.entry] -= 1
    for side in sides:
        found += _cheapest_few(planner, number, _shapes(planner, number, side), skip, _CHOICES)
    planner.leaving[partner.source][partner.exit] += 1
    planner.arriving[partner.target][partner.entry] += 1
    siblings = [segments_of(planner.lines[n]) for n in groups[route.source] if n not in skip and decision[route.source]]
    out = []
    for shape, cost, points in found:
        segments = segments_of(points)
        extra = (_SIBLING - _CROSSING) * sum(
            segment_crossings(segments, sibling) + _overlaps(segments, sibling) for sibling in siblings
        )
        out.append((shape, cost + extra, segments, cost + extra - planner.base(number, shape)[0]))
    return out


def _overlaps(a: list[Segment], b: list[Segment]) -> int:
    """Runs of two lines along one channel: the grid cannot tell whether their tracks will cross there,
    so a pair planned again counts each as a crossing (the lines it had may have had none)."""
    return sum(1 for p in a for q in b if p[0] is q[0] and p[1] == q[1] and min(p[3], q[3]) - max(p[2], q[2]) > 0)


def _side_clash(first: Route, first_shape: Shape, second: Route, second_shape: Shape) -> bool:
    """Whether one line would leave a shape by the side the other enters it (they would run together)."""
    return any(
        out.source == into.target and out_shape[0] == into_shape[1] and out_shape[0] in ("l", "r")
        for out, out_shape, into, into_shape in (
            (first, first_shape, second, second_shape),
            (second, second_shape, first, first_shape),
        )
    )


def _plan_pair(planner: _Planner, a: int, b: int, groups: dict[int, list[int]], decision: Sequence[bool]) -> bool:
    routes = planner.routes
    siblings = routes[a].source == routes[b].source
    weight = _SIBLING if siblings else _CROSSING
    options = [_pair_options(planner, n, other, groups, decision) for n, other in ((a, b), (b, a))]
    if not all(options):
        return False

    def misordered(number: int, side: str, partner: int, partner_side: str) -> Cost:
        group = groups[routes[number].source]
        if not decision[routes[number].source] or len(group) < 2:
            return 0.0
        sides = [side if n == number else partner_side if n == partner else routes[n].exit for n in group]
        return _misordered(planner, group, sides)

    best: tuple[Cost, Cost, int] | None = None  # crossings (weighed), cost, which combination
    combos = list(itertools.product(*options))
    for key, ((shape_a, cost_a, lines_a, cross_a), (shape_b, cost_b, lines_b, cross_b)) in enumerate(combos):
        if (siblings and shape_a[0] == shape_b[0]) or _side_clash(routes[a], shape_a, routes[b], shape_b):
            continue
        between = weight * (segment_crossings(lines_a, lines_b) + _overlaps(lines_a, lines_b))
        penalty = misordered(a, shape_a[0], b, shape_b[0]) + (
            0.0 if siblings else misordered(b, shape_b[0], a, shape_a[0])
        )
        crossings = cross_a + cross_b + between + penalty
        cost = cost_a + cost_b + between + penalty
        if best is None or (crossings < best[0] - 1e-9 and cost < best[1] - 1e-9):
            best = (crossings, cost, key)
    if best is None or best[2] == 0:  # the current pair (first) is as good as any: fewer crossings, or keep it
        return False
    (shape_a, *_), (shape_b, *_) = combos[best[2]]
    return planner.apply(a, shape_a) | planner.apply(b, shape_b)


def _current(route: Route) -> Shape:
    return route.exit, route.entry, list(route.refs)


def _plan_single(planner: _Planner, number: int) -> bool:
    route = planner.routes[number]
    shapes = itertools.chain([_current(route)], _shapes(planner, number, "l"), _shapes(planner, number, "r"))
    best = _cheapest(planner, number, shapes, set())
    return best is not None and planner.apply(number, best[0])


def _plan_decision(planner: _Planner, group: list[int], shared_bottom: bool = False) -> bool:
    skip = set(group)
    current = [_current(planner.routes[n]) for n in group]
    best = current
    costs, lines, turns = [], [], []
    for number, shape in zip(group, current, strict=True):
        base, points = planner.base(number, shape)
        costs.append(planner.cost_from(number, base, points, skip, float("inf"), shape[1]))
        lines.append(segments_of(points))
        turns.append(_first_turn(points))
    sides_now = [shape[0] for shape in current]
    best_cost = _total(lines, costs) + _misordered(planner, group, sides_now) + _stub_cost(sides_now, turns)
    # each outcome's few best shapes per side (and their segments), worked out once for every assignment:
    # the cheapest alone may cut a sibling that the next one (a channel farther out) passes clear of
    options: dict[tuple[int, str], list[tuple[Shape, Cost, list[Segment], int]]] = {}
    for number in group:
        for side in ("b", "l", "r"):
            found = _cheapest_few(planner, number, _shapes(planner, number, side), skip, _CHOICES)
            options[(number, side)] = [
                (shape, cost, segments_of(points), _first_turn(points)) for shape, cost, points in found
            ]
    crossed = _once_per_pair(segment_crossings)  # two options' crossings
    sure = _once_per_pair(_sure_crossings)  # the same for two outcomes out of one bottom

    shares = shared_bottom or len(group) > 3  # more answers than sides: two or three out of the bottom
    for sides in _assignments(len(group)) if shares else itertools.permutations(("b", "l", "r"), len(group)):
        per_line = [options[(number, side)] for number, side in zip(group, sides, strict=True)]
        misordered = _misordered(planner, group, sides)
        stub = tuple(i for i, side in enumerate(sides) if side == "b")  # those out of one bottom share its stub
        for chosen in itertools.product(*per_line):
            cost = sum(option[1] for option in chosen) + misordered
            if len(stub) > 1:  # where the two part is a touch, not a crossing
                cost += _stub_cost(sides, [option[3] for option in chosen])
                cost += _SIBLING * sum(
                    (sure if i in stub and j in stub else crossed)(chosen[i][2], chosen[j][2])
                    for i, j in _PAIRS[len(group)]
                )
            else:
                cost += _SIBLING * sum(crossed(a[2], b[2]) for a, b in itertools.combinations(chosen, 2))
            if cost < best_cost:
                best, best_cost = [option[0] for option in chosen], cost
    changed = False
    for number, shape in zip(group, best, strict=True):
        changed |= planner.apply(number, shape)
    return changed


def _stub_cost(sides: Sequence[str], turns: Sequence[int]) -> Cost:
    """What outcomes sharing one bottom stub cost: a little; much more when two of them turn one way off it."""
    shared = [turn for side, turn in zip(sides, turns, strict=True) if side == "b"]
    if len(shared) < 2:
        return 0.0
    turning = [turn for turn in shared if turn]
    same_way = len(set(turning)) < len(turning)
    return _SHARED_BOTTOM + (_SAME_WAY if same_way else 0.0)


def same_way_stub(routes: Sequence[Route], column: Sequence[int]) -> bool:
    """Whether two outcomes of a decision leave it by one bottom stub and both turn one way off it."""
    turns: dict[int, Counter[int]] = defaultdict(Counter)
    for route in routes:
        if route.exit != "b" or route.back or route.source == route.target or len(route.refs) < 2:
            continue
        kind, value = route.refs[1]
        across = 2 * column[route.target] + 1 if kind == "pt" else 2 * value
        turn = across - (2 * column[route.source] + 1)
        if turn:
            turns[route.source][1 if turn > 0 else -1] += 1
    return any(count > 1 for found in turns.values() for count in found.values())


def _first_turn(points: Sequence[tuple[float, float]]) -> int:
    """Which way a line out of a bottom turns first, across the ranks: -1, +1, or 0 (it never turns)."""
    if len(points) < 3:
        return 0
    delta = points[2][1] - points[1][1]
    return 0 if delta == 0 else (1 if delta > 0 else -1)


def _once_per_pair(
    count: Callable[[list[Segment], list[Segment]], float],
) -> Callable[[list[Segment], list[Segment]], float]:
    """``count`` of two options' segments, worked out once for every assignment that pairs them."""
    seen: dict[tuple[int, int], float] = {}

    def counted(a: list[Segment], b: list[Segment]) -> float:
        key = (id(a), id(b))
        found = seen.get(key)
        if found is None:
            found = seen[key] = count(a, b)
        return found

    return counted


_ACROSS_ORDER = {"l": 0, "b": 1, "r": 2}
_SHARED_BOTTOM = 4.0  # two outcomes out of one bottom: less than a crossing, more than a couple of bends
_SAME_WAY = 3 * _CROSSING  # …that both turn one way and run on side by side: their labels stand together, and
# which line is which rests on 20 px (review 5: "Sim" and "Não" beside each other for 1,000 px)
_PAIRS = {count: tuple(itertools.combinations(range(count), 2)) for count in range(_MOST_JOINT + 1)}


def _assignments(count: int) -> list[tuple[str, ...]]:
    """Every way of giving ``count`` outcomes sides: distinct ones, or two sharing the bottom (which
    frees a side for a loop past the decision, or holds a fourth outcome) and any other a side of its own,
    or, of four, three sharing the bottom and the fourth a side."""
    found = list(itertools.permutations(("b", "l", "r"), count))
    if count in (2, 3, 4):
        for pair in itertools.combinations(range(count), 2):
            rest = [i for i in range(count) if i not in pair]
            for others in itertools.permutations(("l", "r"), len(rest)):
                sides = ["b"] * count
                for i, side in zip(rest, others, strict=True):
                    sides[i] = side
                found.append(tuple(sides))
    if count == 4:  # or three out of the bottom, one straight on and two parting below it
        for i, side in itertools.product(range(count), ("l", "r")):
            found.append(tuple(side if n == i else "b" for n in range(count)))
    return found


def _sure_crossings(a: Sequence[Segment], b: Sequence[Segment]) -> float:
    """Proper crossings only: two outcomes out of one bottom share their first stub and part at a turn
    (a touch, not a crossing)."""
    return sum(1.0 for p in a for q in b if p[0] is not q[0] and cross(p, q) == 1.0)


def _misordered(planner: _Planner, group: list[int], sides: Sequence[str]) -> Cost:
    """A heavy price for two forward outcomes whose targets sit in one row in the opposite order to
    the sides they leave by (left, bottom, right): their lines would wind round each other."""
    grid, routes = planner.grid, planner.routes
    total = 0.0
    for (a, side_a), (b, side_b) in itertools.combinations(zip(group, sides, strict=True), 2):
        ra, rb = routes[a], routes[b]
        if ra.back or rb.back or grid.rank[ra.target] != grid.rank[rb.target]:
            continue
        if (_ACROSS_ORDER[side_a] - _ACROSS_ORDER[side_b]) * (grid.column[ra.target] - grid.column[rb.target]) < 0:
            total += _MISORDER
    return total


def _cheapest(
    planner: _Planner, number: int, shapes: Iterator[Shape], skip: set[int]
) -> tuple[Shape, Cost, list[tuple[float, float]]] | None:
    """The first of the cheapest shapes, its cost and its points (``None`` without any)."""
    found = _cheapest_few(planner, number, shapes, skip, 1)
    return found[0] if found else None


def _cheapest_few(
    planner: _Planner, number: int, shapes: Iterator[Shape], skip: set[int], count: int
) -> list[tuple[Shape, Cost, list[tuple[float, float]]]]:
    """The ``count`` cheapest shapes, cheapest first (equal costs in the order given), with their costs
    and points.

    Shapes are tried shortest first, so once enough cross nothing the longer ones are never counted.
    """
    costed = [(*planner.base(number, shape), order, shape) for order, shape in enumerate(shapes)]
    costed.sort(key=itemgetter(0))  # stable: equal costs keep their order
    best: list[tuple[Cost, int, Shape, list[tuple[float, float]]]] = []
    for base, points, order, shape in costed:
        limit = best[-1][0] if len(best) == count else float("inf")
        if base >= limit:
            break
        cost = planner.cost_from(number, base, points, skip, limit, shape[1])
        if cost < limit:
            bisect.insort(best, (cost, order, shape, points), key=itemgetter(0, 1))
            del best[count:]
    return [(shape, cost, points) for cost, _, shape, points in best]


def _total(lines: list[list[Segment]], costs: list[Cost]) -> Cost:
    """A decision's plan (its outcomes' segments): their own costs, and a heavy price for each crossing between them."""
    between = sum(segment_crossings(a, b) for a, b in itertools.combinations(lines, 2))
    return sum(costs) + _SIBLING * between


def _shapes(planner: _Planner, number: int, side: str) -> Iterator[Shape]:
    """Every shape route ``number`` can take leaving by ``side``."""
    route, grid = planner.routes[number], planner.grid
    s, t = route.source, route.target
    rs, rt, cs, ct = grid.rank[s], grid.rank[t], grid.column[s], grid.column[t]
    if side == "b":
        if route.back:
            return
        if rs == rt:  # a level handoff out of the bottom goes round the next rank into the target's side
            for into in ("l", "r"):
                if (t, into) not in grid.closed and into not in planner.target_exits(number):
                    yield "b", into, [("h", rs + 1), ("g", side_gap(ct, into)), ("pt", 0)]
            return
        yield "b", "t", down_refs(grid, rs, rt, cs, ct)
        if not planner.big:  # on a big flow a line keeps to its first way down
            yield from _down_channels(grid, rs, rt, cs, ct)
        return
    if side in planner.source_entries(number) or s in grid.tip_only:
        return
    entries = [e for e in ("l", "r") if e not in planner.target_exits(number) and (t, e) not in grid.closed]
    for gs in _reachable(grid, rs, cs, side):
        yield side, "t", [("g", gs), ("h", rt), ("pt", 0)]
        for into in entries:
            gt = side_gap(ct, into)
            if gs == gt or row_clear(grid, rt, ct, gs, into):
                yield side, into, [("g", gs), ("pt", 0)]
            if gs != gt:
                yield side, into, [("g", gs), ("h", rt + 1), ("g", gt), ("pt", 0)]
                yield side, into, [("g", gs), ("h", rt), ("g", gt), ("pt", 0)]


def _down_channels(grid: RouteGrid, rs: int, rt: int, cs: int, ct: int) -> Iterator[Shape]:
    """A forward line out of the bottom that runs down another channel: any between its two columns,
    one beyond each, or either edge of the drawing (the detour cost keeps it from going far)."""
    if rt - rs < 2:
        return
    low, high = min(cs, ct), max(cs, ct) + 1
    gaps = sorted({*range(low, high + 1), max(0, low - 1), min(grid.columns, high + 1), 0, grid.columns})
    for gap in gaps:
        yield "b", "t", [("h", rs + 1), ("g", gap), ("h", rt), ("pt", 0)]


def _reachable(grid: RouteGrid, row: int, column: int, side: str) -> list[int]:
    """The across-gaps a line leaving ``side`` of the shape at (row, column) may turn in: the nearest
    few it reaches along its row past empty cells, and the farthest (a decision whose targets lie in
    several columns on one side needs the one just past the nearer target, often the third or fourth)."""
    step = 1 if side == "r" else -1
    gap = side_gap(column, side)
    gaps = []
    while 0 <= gap <= grid.columns:
        gaps.append(gap)
        cell = gap if side == "r" else gap - 1
        if (row, cell) in grid.occupied or not 0 <= cell < grid.columns:
            break
        gap += step
    return gaps[:_NEAR_GAPS] + gaps[-1:] if len(gaps) > _NEAR_GAPS else gaps


def row_clear(grid: RouteGrid, row: int, column: int, gap: int, side: str) -> bool:
    """Whether a line can run along ``row`` from across-gap ``gap`` into ``side`` of the shape at ``column``."""
    if side == "r":
        between = range(column + 1, gap)
        facing = gap > column + 1
    else:
        between = range(gap, column)
        facing = gap < column
    return facing and all((row, c) not in grid.occupied for c in between)
