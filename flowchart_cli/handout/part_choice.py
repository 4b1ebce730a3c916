"""Where a flow too big for one printed page is cut: whole stages, else runs of ranks, balanced.

The pieces that can start a page (:class:`Unit`) come from the whole
diagram: its stages when every step has one (a stage too long for a page is
cut between its ranks), else its ranks (shapes side by side along the flow).
The flow is cut into as few parts as print with every text at 7 pt or more,
cut points spread evenly along the flow so no part is left nearly empty;
then a part of one or two steps (in a flow of six or more) joins a
neighbour, and the cuts move by a stage or a rank where that leaves fewer
off-page connectors (a short loop kept on one page above all).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

from ..layout.geometry import Diagram
from ..model import Edge, Flow

__all__ = ["MIN_STEPS", "Unit", "balanced_cuts", "connectors_cost", "even_out", "fewer_connectors", "steps_in", "units"]

MIN_STEPS = 3  # no printed part holds fewer steps (when the flow has twice as many)
_LOOP_SPLIT = 6  # what a loop between two parts costs, in connectors: the trainee turns back and forth
_MOVE_TRIES = 24  # trial layouts the cuts may spend moving to fewer connectors
_HALF = 0.5  # a part moved to fewer connectors still covers this share of its page (review 11: a third)


@dataclass(frozen=True, slots=True)
class Unit:
    """Steps that stay on one page: a rank or a stage, ``lo``–``hi`` along the flow in the whole diagram."""

    keys: frozenset[str]
    lo: float
    hi: float
    ranks: tuple[Unit, ...] = ()  # a stage's ranks, for cutting it when it is too long for a page


def units(flow: Flow, whole: Diagram) -> list[Unit]:
    """The flow cut into pieces that can start a page, in order along the flow."""
    vertical = whole.direction != "LR"
    spans = {n.key: (n.box.y, n.box.bottom) if vertical else (n.box.x, n.box.right) for n in whole.nodes}
    ranks = _merge([Unit(frozenset([key]), lo, hi) for key, (lo, hi) in spans.items()])
    stage_of = {s.key: s.stage for s in flow.steps}
    if not flow.stages or any(stage_of.get(key) is None for key in spans):
        return ranks
    stages = []
    for stage in flow.stages:
        keys = frozenset(key for key in spans if stage_of[key] == stage.id)
        if keys:
            lo, hi = min(spans[k][0] for k in keys), max(spans[k][1] for k in keys)
            stages.append(Unit(keys, lo, hi, tuple(r for r in ranks if r.keys <= keys)))
    stages.sort(key=lambda u: u.lo)
    if any(a.hi > b.lo for a, b in pairwise(stages)):
        return ranks  # stages interleave along the flow: cut between ranks
    return stages


def _merge(pieces: list[Unit]) -> list[Unit]:
    """Pieces side by side along the flow become one (a rank)."""
    merged: list[Unit] = []
    for piece in sorted(pieces, key=lambda u: (u.lo, u.hi)):
        if merged and piece.lo < merged[-1].hi:
            last = merged.pop()
            piece = Unit(last.keys | piece.keys, last.lo, max(last.hi, piece.hi))
        merged.append(piece)
    return merged


def balanced_cuts(pieces: Sequence[Unit], count: int) -> list[list[Unit]]:
    """``pieces`` in ``count`` runs of about equal length along the flow (each run at least one piece)."""
    count = max(1, min(count, len(pieces)))
    start, end = pieces[0].lo, pieces[-1].hi
    bounds = [0]
    for k in range(1, count):
        target = start + (end - start) * k / count
        # the boundary (between piece i-1 and i) nearest the target, after the previous one
        best = min(
            range(bounds[-1] + 1, len(pieces) - (count - k) + 1),
            key=lambda i: abs((pieces[i - 1].hi + pieces[i].lo) / 2 - target),
        )
        bounds.append(best)
    bounds.append(len(pieces))
    return [list(pieces[a:b]) for a, b in pairwise(bounds)]


def even_out(runs: list[list[Unit]], fits: Callable[[list[Unit]], bool], total_steps: int) -> list[list[Unit]]:
    """Runs of one or two steps joined to a neighbour that can take them (flows of 6+ steps)."""
    if total_steps < 2 * MIN_STEPS:
        return runs
    runs = [list(run) for run in runs]
    changed = True
    while changed and len(runs) > 1:
        changed = False
        for i, run in enumerate(runs):
            if steps_in(run) >= MIN_STEPS:
                continue
            neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(runs)]
            for j in sorted(neighbours, key=lambda j: steps_in(runs[j])):
                joined = runs[j] + run if j < i else run + runs[j]
                if fits(joined):
                    runs[min(i, j)] = joined
                    del runs[max(i, j)]
                    changed = True
                    break
            else:
                changed = _recut(runs, i, fits) or _borrow(runs, i, fits)
            if changed:
                break
    return runs


def _recut(runs: list[list[Unit]], i: int, fits: Callable[[list[Unit]], bool], tries: int = 24) -> bool:
    """The short run ``i`` and its neighbours (one, two, then three on each side) cut again into one run
    fewer, or as many, each holding enough steps: the most even cuts along the flow are tried
    first, ``tries`` of them at most for each window."""
    windows = [(max(0, i - reach), min(len(runs), i + reach + 1)) for reach in (1, 2, 3)]
    return any(_recut_window(runs, first, last, fits, tries) for first, last in dict.fromkeys(windows))


def _recut_window(runs: list[list[Unit]], first: int, last: int, fits: Callable[[list[Unit]], bool], tries: int):
    pieces = [piece for run in runs[first:last] for piece in run]
    for count in (last - first - 1, last - first):
        cuts = [
            [pieces[a:b] for a, b in pairwise((0, *bounds, len(pieces)))]
            for bounds in combinations(range(1, len(pieces)), count - 1)
        ]
        cuts = [again for again in cuts if all(steps_in(run) >= MIN_STEPS for run in again)]
        cuts.sort(key=lambda again: max(run[-1].hi - run[0].lo for run in again))
        for again in cuts[:tries]:
            if all(fits(run) for run in again):
                runs[first:last] = again
                return True
    return False


def _borrow(runs: list[list[Unit]], i: int, fits: Callable[[list[Unit]], bool]) -> bool:
    """Move the nearest piece of a neighbour into the short run ``i`` when both still fit and hold enough."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(runs) or len(runs[j]) < 2:
            continue
        piece = runs[j][-1] if j < i else runs[j][0]
        giver = runs[j][:-1] if j < i else runs[j][1:]
        taker = [piece, *runs[i]] if j < i else [*runs[i], piece]
        if steps_in(giver) >= MIN_STEPS and fits(giver) and fits(taker):
            runs[j], runs[i] = giver, taker
            return True
    return False


def steps_in(run: Sequence[Unit]) -> int:
    return sum(len(piece.keys) for piece in run)


def connectors_cost(edges: Sequence[Edge]) -> Callable[[list[list[Unit]]], int]:
    """What a cut costs a reader: its off-page connectors (one per step a part's lines reach in another
    part, one per step reached from another), and :data:`_LOOP_SPLIT` more for each two parts with lines
    both ways between them (a loop split across pages: F to page 7, H back to page 6, review 11)."""

    def cost(runs: list[list[Unit]]) -> int:
        part_of = {key: n for n, run in enumerate(runs) for piece in run for key in piece.keys}
        inside = [e for e in edges if e.source in part_of and e.target in part_of]
        crossing = {(part_of[e.source], e.target) for e in inside if part_of[e.source] != part_of[e.target]}
        ways = {(p, part_of[t]) for p, t in crossing}
        both = sum(1 for p, q in ways if p < q and (q, p) in ways)
        return len(crossing) + len({t for _, t in crossing}) + _LOOP_SPLIT * both

    return cost


def fewer_connectors(
    runs: list[list[Unit]],
    fill: Callable[[list[Unit]], float | None],
    cost: Callable[[list[list[Unit]]], int],
) -> list[list[Unit]]:
    """The cuts between ``runs`` moved a piece or two along the flow wherever that costs the reader less
    (:func:`connectors_cost`) and the two runs it touches still fit (``fill`` gives the share of its page
    a run covers, None when it does not fit), neither shorter of steps than :data:`MIN_STEPS` or than the
    shorter was, neither covering less than half its page unless the emptier one did; as many parts.

    Packing fills each part in turn, so a cut falls wherever the page runs
    out: between a decision and the step its "needs more information" loops
    back to, or past a step whose three answers then each leave the page.
    """
    runs = [list(run) for run in runs]
    tries, moved_once = _MOVE_TRIES, True
    while moved_once:
        best, moved_once = cost(runs), False
        priced = ((cost(moved), n, i, moved) for n, (i, moved) in enumerate(_moves(runs)))
        cheaper = sorted(move for move in priced if move[0] < best)
        for _, _, i, moved in cheaper:
            if tries <= 0:
                return runs
            tries -= 2
            fills = [fill(run) for run in moved[i : i + 2]]
            if None not in fills and min(fills) >= min(_HALF, *(fill(run) or 0.0 for run in runs[i : i + 2])):
                runs, moved_once = moved, True
                break
    return runs


def _moves(runs: list[list[Unit]]) -> Iterator[tuple[int, list[list[Unit]]]]:
    """``runs`` with the cut after run ``i`` moved one or two pieces either way, no run left short."""
    for i in range(len(runs) - 1):
        joined, at = runs[i] + runs[i + 1], len(runs[i])
        least = min(MIN_STEPS, steps_in(runs[i]), steps_in(runs[i + 1]))
        for cut in (at - 2, at - 1, at + 1, at + 2):
            if 0 < cut < len(joined) and min(steps_in(joined[:cut]), steps_in(joined[cut:])) >= least:
                yield i, [*runs[:i], joined[:cut], joined[cut:], *runs[i + 2 :]]
