"""Lines in a lane's side channel drawn close to the shapes they pass, not along the far border.

A channel beside a lane border (or the drawing's edge) is as wide as its
widest need: a long outcome label on one row's stub widens it for the whole
height. Its tracks lie by the border, so a loop rows away from that label
would run round the far side of the channel, up to twice its distance.
Here each run along such a channel moves towards the shapes of its own lane
as far as the shapes and labels beside it, and the runs it shares rows
with, let it: runs keep their order and at least a track gap apart, never
move outwards, and a run next to a long label stays clear of it. Between
two columns of one lane a run moves towards the shape its line leaves or
enters by a stub; the other runs there stay. A line whose own long label
holds its run out, and that comes back into its lane, brings its run in
too when the channel has room for the label outside the run (even a little,
for a line near the detour limit). A run keeps tips.py's room at the
arrowheads into, and the lines out of, the shapes beside it, and two runs
one after the other a few px apart across lie on one line.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .frame import SPACING, Frame
from .lengths import DRAWN_DETOUR_LIMIT
from .outcome_text import NARROW, outcome_size
from .routing import Route
from .tips import START_ROOM, TIP_ROOM

__all__ = ["hug_shapes"]

_SHAPE_ROOM = 20.0  # a run beside a shape: as far from it as two tracks are from each other
_LABEL_ROOM = 16.0  # from a stub's start to past its label's end: the label sits 4 px out, 6 px wider than its
# text, and keeps 6 px from other lines (labels.py)
_OVERLAP = 60.0  # runs closer than this along the channel keep a track gap apart (on one track: one line)
_RUN_ON = 50.0  # but two that share no row, this far apart along, may lie on one line, or pass each other (at 40,
# a loop's climb stopped 40 px under another's once passing.py gave its channel room: one line, read on)

Points = list[tuple[float, float]]


@dataclass(frozen=True, slots=True)
class _Run:
    """One line's run along a side channel: points ``index`` and ``index + 1`` of line ``line``."""

    line: int
    index: int
    low: float
    high: float
    at: float


@dataclass(frozen=True, slots=True)
class _Half:
    """The part of a channel on one lane's side: shapes lie at ``inward`` (-1: lower across, +1: higher).

    Between two columns of one lane (``shared``) both halves span the whole gap: a run belongs to the
    side whose shape its line leaves or enters by a stub, and the other runs there stay put.
    """

    gap: int
    inward: int
    low: float
    high: float
    shared: bool = False


def _halves(f: Frame) -> list[_Half]:
    """Every side channel: both halves of each lane border and the drawing's two edges."""
    halves = []
    for gap in range(f.cols + 1):
        start, size = f.gap_at[gap], f.gap_size[gap]
        if gap == 0:
            halves.append(_Half(gap, +1, start, start + size))
        elif gap == f.cols:
            halves.append(_Half(gap, -1, start, start + size))
        elif f.has_lanes and gap in f.p.grid.first:
            border = start + f.border_split[gap]
            halves += [_Half(gap, -1, start, border), _Half(gap, +1, border, start + size)]
        else:
            halves += [_Half(gap, -1, start, start + size, True), _Half(gap, +1, start, start + size, True)]
    return halves


def _runs(f: Frame, routes: Sequence[Route], lines: Sequence[Points], half: _Half) -> tuple[list[_Run], list[_Run]]:
    """The runs in the half that may move, and the other runs in its channel (which stay)."""
    mine, others = [], []
    for line, points in enumerate(lines):
        for index in range(len(points) - 1):
            (a0, c0), (a1, c1) = points[index], points[index + 1]
            if abs(c0 - c1) < 0.01 and abs(a0 - a1) > 0.01 and half.low < c0 < half.high:
                run = _Run(line, index, min(a0, a1), max(a0, a1), c0)
                moves = not half.shared or _side(f, routes[line], points, run, half.gap) == half.inward
                (mine if moves else others).append(run)
    return mine, others


def _side(f: Frame, route: Route, points: Points, run: _Run, gap: int) -> int:
    """Towards which column of ``gap`` a run between two columns of one lane belongs (0: neither): the
    one its line leaves by a stub into the run, or enters by a stub from it; 0 when those disagree."""
    sides = set()
    column = f.p.grid.column
    if run.index == 1:
        sides.add(+1 if points[0][1] > run.at else -1)
        if column[route.source] != (gap if points[0][1] > run.at else gap - 1):
            return 0
    if run.index == len(points) - 3:
        side = +1 if points[-1][1] > run.at else -1
        sides.add(side)
        if column[route.target] < gap if side > 0 else column[route.target] > gap - 1:
            return 0  # a target on that side, beside the gap or past it ("¿Faltan más de 24 horas? Sí")
    return sides.pop() if len(sides) == 1 else 0


@dataclass(frozen=True, slots=True)
class _Obstacle:
    """What a run passing rows ``low``..``high`` must keep outside of: ``reach`` across.

    ``line`` is the line whose stub label it is (-1 for a shape, or a label that holds every run), with
    where its stub lies along (``stub_at``) and where the stub ends across (``stub_end``); ``own`` the line
    whose arrowhead or start it keeps room at (its own runs pass).
    """

    low: float
    high: float
    reach: float
    line: int = -1
    stub_at: float = 0.0
    stub_end: float = 0.0
    own: int = -1


def _obstacles(
    f: Frame, half: _Half, routes: Sequence[Route], lines: Sequence[Points], narrow: frozenset[int]
) -> list[_Obstacle]:
    """Each shape on the half's inner side, each stub label there (on narrow lines for a line in
    ``narrow``), each label beside a drop under a decision there that fits its lane on this side only,
    and the ends of the lines at those shapes."""
    column = half.gap - 1 if half.inward < 0 else half.gap
    out = []
    for node, col in enumerate(f.p.grid.column):
        if col == column:
            a, c = f.node_center(node)
            reach = c - half.inward * f.across[node] / 2
            out.append(_Obstacle(a - f.along[node] / 2, a + f.along[node] / 2, reach - half.inward * _SHAPE_ROOM))
    size = f.p.label_size or f.p.font_size - 1
    exit_side = "r" if half.inward < 0 else "l"
    for line, (route, label, points) in enumerate(zip(routes, f.p.labels, lines, strict=True)):
        if not label or f.p.grid.column[route.source] != column:
            continue
        a, c = points[0]
        if route.exit == "b" and not f.lr:  # beside the drop under the decision
            length, tall = outcome_size(label, size)
            if _only_side(f, column, c, length + _LABEL_ROOM) == -half.inward:
                out.append(_Obstacle(a, a + size + 22 + tall, c - half.inward * (length + _LABEL_ROOM)))
            continue
        if route.exit != exit_side:
            continue
        length, tall = outcome_size(label, size, NARROW if line in narrow else not f.lr)
        if f.lr:  # the label stands beside the stub, before it along the flow
            low, high, reach = a - length - 16, a + length + 16, c - half.inward * (size + 16 + tall)
        else:  # the label lies above (or below) the stub
            low, high, reach = a - size - 10 - tall, a + size + 22 + tall, c - half.inward * (length + _LABEL_ROOM)
        out.append(_Obstacle(low, high, reach, line, a, points[1][1]))
    out += _ends_beside(f, half, routes, lines, column)
    return out


def _ends_beside(
    f: Frame, half: _Half, routes: Sequence[Route], lines: Sequence[Points], column: int
) -> list[_Obstacle]:
    """The arrowheads into the column's shapes from the half, and the lines out of them into it: a run may
    not cross them nearer the shape than tips.py keeps (review 11: the way back from "Book the first home
    nursing visit" brought in to 20 px from "Social work assessment…" crossed the arrow into it 20 px before
    its tip, as if it fed it)."""
    out = []
    for number, (route, points) in enumerate(zip(routes, lines, strict=True)):
        if len(points) < 2:
            continue
        for (end, before), shape, room in (
            ((points[-1], points[-2]), route.target, TIP_ROOM),
            ((points[0], points[1]), route.source, START_ROOM),
        ):
            if f.p.grid.column[shape] != column or abs(end[0] - before[0]) > 0.01:
                continue
            if (before[1] - end[1]) * half.inward >= 0:  # not from (or into) this half's side
                continue
            out.append(_Obstacle(end[0] - 1, end[0] + 1, end[1] - half.inward * room, own=number))
    return out


def _only_side(f: Frame, column: int, at: float, reach: float) -> int:
    """The one side of a drop at ``at`` (-1 before it, +1 after it) where a label ``reach`` px wide fits
    inside its lane; 0 when both sides or neither do (then no run need keep clear of it)."""
    lanes = f.p.grid.first if f.has_lanes else [0]
    lane = max(n for n, first in enumerate(lanes) if first <= column)
    first, last = f.lane_extent(lane) if f.has_lanes else (0, f.cols - 1)
    low = f.gap_at[first] + (f.border_split[first] if lane > 0 else 0.0)
    high = f.gap_at[last + 1] + (f.gap_size[last + 1] if last + 1 == f.cols else f.border_split[last + 1])
    fits = (at - reach >= low, at + reach <= high)
    return 0 if fits[0] == fits[1] else (-1 if fits[0] else +1)


def _units(runs: list[_Run]) -> list[list[_Run]]:
    """Runs on one track that meet end to end are one merged line: they move together."""
    runs = sorted(runs, key=lambda r: (round(r.at, 2), r.low))
    units: list[list[_Run]] = []
    for run in runs:
        last = units[-1] if units else None
        if last and abs(last[0].at - run.at) < 0.01 and run.low <= max(r.high for r in last) + 0.01:
            last.append(run)
        else:
            units.append([run])
    return units


def _span(unit: list[_Run]) -> tuple[float, float]:
    return min(r.low for r in unit), max(r.high for r in unit)


_BUCKET = 240.0  # px along the channel: what lies beside a run is looked up in these stretches


class _Channel:
    """The units of one half, their spans, the obstacles beside them, and which of those lie near which
    stretch of the channel (a flow of thousands of steps has thousands of runs in one channel)."""

    def __init__(self, half: _Half, units: list[list[_Run]], obstacles: list[_Obstacle], fixed: int) -> None:
        self.half, self.units, self.obstacles, self.fixed = half, units, obstacles, fixed
        self.spans = [_span(unit) for unit in units]
        self._units: dict[int, list[int]] = defaultdict(list)
        for u, (low, high) in enumerate(self.spans):
            for bucket in _buckets(low - _OVERLAP, high + _OVERLAP):
                self._units[bucket].append(u)
        self._obstacles: dict[int, list[int]] = defaultdict(list)
        for n, o in enumerate(obstacles):
            for bucket in _buckets(o.low, o.high):
                self._obstacles[bucket].append(n)

    def near_units(self, u: int) -> set[int]:
        return {v for b in _buckets(*self.spans[u]) for v in self._units.get(b, ())} - {u}

    def near_obstacles(self, u: int) -> set[int]:
        low, high = self.spans[u]
        return {n for b in _buckets(low - 0.01, high + 0.01) for n in self._obstacles.get(b, ())}

    def limit(self, u: int, placed: dict[int, float], *, own: bool) -> float:
        """How far in unit ``u`` may come: clear of the shapes and labels beside it (its own label too
        when ``own``) and a track gap outside the runs already ``placed`` beside it."""
        half, unit = self.half, self.units[u]
        inward, (low, high), now = half.inward, self.spans[u], unit[0].at
        limit = half.low if inward < 0 else half.high
        best = limit - inward * _SHAPE_ROOM  # inside the channel, clear of the column beside it
        lines = {run.line for run in unit}
        for n in self.near_obstacles(u):
            o = self.obstacles[n]
            if not (o.low < high + 0.01 and low - 0.01 < o.high):
                continue
            if (o.line in lines and not own) or o.own in lines:
                continue
            if o.line >= 0 and o.line not in lines and low < o.stub_at < high and (now - o.stub_end) * inward > 0:
                continue  # this run crosses that label's stub already: the label sits elsewhere on its line
            best = max(best, o.reach) if inward < 0 else min(best, o.reach)
        passable = []  # runs that end less than _RUN_ON before this one starts (or start after it ends)
        for v in self.near_units(u):
            if v not in placed:
                continue
            v_low, v_high = self.spans[v]
            if not (v_low < high + _OVERLAP and low - _OVERLAP < v_high):
                continue
            at = placed[v]
            if v_low > high + 0.01 or v_high < low - 0.01:
                if max(v_low - high, low - v_high) < _RUN_ON:  # far enough apart along, a run may come beside it
                    passable.append(at)
            elif (self.units[v][0].at - now) * inward > 0.01:  # beside it, nearer the shapes: it stays outside
                best = max(best, at + SPACING) if inward < 0 else min(best, at - SPACING)
        if any(abs(best - at) < SPACING for at in passable):  # on one line with one, it would seem to run on
            for at in passable:  # into it: it stays outside those nearer the shapes than it is
                if (at - now) * inward > 0.01:
                    best = max(best, at + SPACING) if inward < 0 else min(best, at - SPACING)
        return best


def _buckets(low: float, high: float) -> range:
    return range(int(low // _BUCKET), int(high // _BUCKET) + 1)


def _place(channel: _Channel, lines: list[Points]) -> list[float]:
    """Each unit's new across position: innermost first, as near the shapes as the shapes, labels and
    the units already placed beside it allow, never further out than before; a unit whose lines
    would turn back stays, and so do the last ``fixed`` units (other runs of a shared channel)."""
    units, inward, fixed = channel.units, channel.half.inward, channel.fixed
    placed: dict[int, float] = {u: units[u][0].at for u in range(len(units) - fixed, len(units))}
    order = sorted(range(len(units) - fixed), key=lambda u: units[u][0].at * -inward)  # innermost first
    for u in order:
        now = units[u][0].at
        best = channel.limit(u, placed, own=True)
        at = max(best, now) if inward > 0 else min(best, now)
        placed[u] = at if all(_keeps_turns(lines[r.line], r.index, at) for r in units[u]) else now
    return [placed[u] for u in range(len(units))]


_ALIGN = 6.0  # px across: two runs one after the other along a channel this close lie on one line


def _aligned(channel: _Channel, placed: list[float], lines: list[Points]) -> None:
    """Two runs one after the other along the channel, a few px apart across, both on the outer one's
    line: 3 px apart they read as one line bent by mistake ("Conflicto personal" above "Sí")."""
    units, inward, movable = channel.units, channel.half.inward, len(channel.units) - channel.fixed
    for u in range(movable):
        for v in channel.near_units(u):
            gap = placed[u] - placed[v]
            if not 0.01 < gap * inward < _ALIGN:
                continue  # u must be the inner one of the two
            (low, high), (v_low, v_high) = channel.spans[u], channel.spans[v]
            if v_low < high + 0.01 and low - 0.01 < v_high:
                continue
            at = placed[v]
            clear = all(
                abs(placed[w] - at) >= SPACING
                for w in channel.near_units(u)
                if w not in (u, v) and channel.spans[w][0] < high + _OVERLAP and low - _OVERLAP < channel.spans[w][1]
            )
            if clear and all(_keeps_turns(lines[r.line], r.index, at) for r in units[u]):
                placed[u] = at


def _label_outside(
    f: Frame, channel: _Channel, placed: list[float], lines: list[Points], narrow: frozenset[int]
) -> None:
    """Labelled side lines whose long labels hold their run out and that come back into their own lane:
    the run comes in to the shapes and each label stands outside it, beside the run just past its corner,
    where the channel has room for it (TB only: in LR a label stands beside its stub, not along it)."""
    if f.lr:
        return
    half, units = channel.half, channel.units
    inward = half.inward
    size = f.p.label_size or f.p.font_size - 1
    outer_edge = half.high if inward < 0 else half.low
    labelled = {o.line for o in channel.obstacles if o.line >= 0}
    for u, unit in enumerate(units[: len(units) - channel.fixed]):
        own = [run for run in unit if run.line in labelled]
        if not own or not all(_comes_back(lines[run.line], run, inward) for run in own):
            continue
        at = channel.limit(u, dict(enumerate(placed)), own=False)
        at = max(at, placed[u]) if inward > 0 else min(at, placed[u])
        if abs(at - placed[u]) < 2 * SPACING and not any(_too_long(lines[run.line], f) for run in own):
            continue  # a short label stays on its stub, above it: the line is hardly longer
        if not all(_keeps_turns(lines[run.line], run.index, at) for run in unit):
            continue
        sizes = [outcome_size(f.p.labels[run.line], size, NARROW if run.line in narrow else True) for run in own]
        if (outer_edge - at) * -inward < max(wide for wide, _ in sizes) + 12:  # no room for a label (3 px out,
            continue  # 6 px wider) and a gap
        rows = [_label_rows(lines[run.line], size, tall) for run, (_, tall) in zip(own, sizes, strict=True)]
        clash = any(
            (a - at) * inward < 0
            and any(channel.spans[v][0] - 6 < high and low < channel.spans[v][1] for low, high in rows)
            for v, a in enumerate(placed)
            if v != u
        )
        if not clash:
            placed[u] = at


_LONG = DRAWN_DETOUR_LIMIT - 0.1  # a line this long for its ends' distance comes in even a little


def _too_long(points: Points, f: Frame) -> bool:
    """Whether the line is near the drawing's detour limit (review 11: "How is the patient doing? No answer",
    out to its label's end and back to the step right above it, 1.53 times its ends' distance)."""
    length = sum(abs(a0 - b0) + abs(a1 - b1) for (a0, a1), (b0, b1) in itertools.pairwise(points))
    (a0, a1), (b0, b1) = points[0], points[-1]
    return length > _LONG * (abs(a0 - b0) + abs(a1 - b1) + 4 * f.p.font_size)


def _comes_back(points: Points, run: _Run, inward: int) -> bool:
    """Whether ``run`` follows its line's stub and the line then turns back in towards the shapes."""
    return run.index == 1 and len(points) >= 4 and (points[3][1] - run.at) * inward > 0


def _label_rows(points: Points, size: float, tall: float) -> tuple[float, float]:
    """The along range a label ``tall`` px more than one line, beside the run just past the stub's corner,
    covers."""
    stub = points[0][0]
    reach = stub + (size + 24 + tall) * (1 if points[2][0] > stub else -1)
    return min(stub, reach), max(stub, reach)


def hug_shapes(f: Frame, routes: Sequence[Route], lines: Sequence[Points]) -> tuple[list[Points], frozenset[int]]:
    """``lines`` (along, across points of every route) with their side-channel runs moved inwards, and the
    lines whose stub labels are set on narrow lines so that their runs could come in further.

    A line still near the detour limit whose own long stub label holds its run out (TB) has the label
    set on narrow lines when that lets a run in: review 12's "Changed mind / Faulty", out 160 px past a
    diamond's corner for its one-line label and back under the diamond, 1.64 times its ends' distance.
    """
    out = _hugged(f, routes, lines, frozenset())
    if f.lr:
        return out, frozenset()
    narrow = frozenset(
        line
        for line, (route, label, points) in enumerate(zip(routes, f.p.labels, out, strict=True))
        if label and route.exit in ("l", "r") and _too_long(points, f) and _narrower(label, f)
    )
    for _ in range(3):  # only the labels whose own lines came in stay narrow
        if not narrow:
            break
        tried = _hugged(f, routes, lines, narrow)
        moved = frozenset(line for line in narrow if tried[line] != out[line])
        if moved == narrow:
            return tried, narrow
        narrow = moved
    return out, frozenset()


def _narrower(label: str, f: Frame) -> bool:
    size = f.p.label_size or f.p.font_size - 1
    return outcome_size(label, size, NARROW)[0] < outcome_size(label, size)[0] - SPACING


def _hugged(f: Frame, routes: Sequence[Route], lines: Sequence[Points], narrow: frozenset[int]) -> list[Points]:
    out = [list(points) for points in lines]
    for half in _halves(f):
        runs, others = _runs(f, routes, out, half)
        if not runs:
            continue
        stay = _units(others)
        own, parted = _parted(_units(runs), out, f)
        units = own + stay
        channel = _Channel(half, units, _obstacles(f, half, routes, out, narrow), len(stay))
        placed = _place(channel, out)
        _label_outside(f, channel, placed, out, narrow)
        _aligned(channel, placed, out)
        _rejoin(channel, placed, parted)
        for unit, at in zip(units, placed, strict=True):
            for run in unit:
                points = out[run.line]
                for k in (run.index, run.index + 1):
                    points[k] = (points[k][0], at)
    return out


def _parted(units: list[list[_Run]], lines: list[Points], f: Frame) -> tuple[list[list[_Run]], dict[int, int]]:
    """Units with a merged line near the detour limit split off as a unit of its own, and which unit it
    left (review 12: "Do the photos show transit damage? No" out to the far track of "Changed mind /
    Faulty", whose long label holds it out, and back to the step right under the diamond, 2.15 times its
    ends' distance). Its last run may then come in to the shapes alone and end on its partner's way
    into their common side: one arrival still, joined nearer."""
    out: list[list[_Run]] = []
    parted: dict[int, int] = {}
    for unit in units:
        last = [run for run in unit if run.index == len(lines[run.line]) - 3]
        long = [
            run
            for run in last
            if _too_long(lines[run.line], f)
            and any(other.line != run.line and lines[other.line][-2:] == lines[run.line][-2:] for other in last)
        ]
        if not long:
            out.append(unit)
            continue
        alone = min(long, key=lambda run: run.high - run.low)
        out.append([run for run in unit if run is not alone])
        parted[len(out)] = len(out) - 1
        out.append([alone])
    return out, parted


def _rejoin(channel: _Channel, placed: list[float], parted: dict[int, int]) -> None:
    """A parted run that did not come in a track gap inside the unit it left goes back onto it."""
    inward = channel.half.inward
    for alone, left in parted.items():
        if (placed[alone] - placed[left]) * inward < SPACING - 0.01:
            placed[alone] = placed[left]


def _keeps_turns(points: Points, index: int, at: float) -> bool:
    """Whether moving the run at ``index`` to ``at`` leaves the lines into it pointing the same way."""
    old = points[index][1]
    for k in (index - 1, index + 2):
        if 0 <= k < len(points):
            other = points[k][1]
            if (other - old) * (other - at) <= 0 and abs(other - old) > 0.01:
                return False
    return True
