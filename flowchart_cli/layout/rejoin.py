"""Two lines into one shape join as early as they can, so that the drawing shows one line, not two.

A line whose target's column is blocked by a shape on the way down runs in
the channel beside that column and turns in just above its target.  When
another line into the same top already runs down the column from below
the last blocking shape, the first one now turns in where that one does
and joins it: one trunk instead of two parallel lines, each crossing everything that
runs across the drawing between them ("Claim closed", reached from two
early steps of a travel claim, drew two verticals down four stages and
twice as many crossings as a reader needs to follow).

Not right under a shape something leaves by its bottom: a line turning in
there would run on that shape's own stub, or past its outcome's label.
"""

from __future__ import annotations

from collections.abc import Sequence

from .gridroute import Route, RouteGrid

__all__ = ["rejoin_trunks"]


def rejoin_trunks(routes: Sequence[Route], grid: RouteGrid) -> bool:
    """Turn each line that can join another line into its target's top where that one starts down; in
    place. Whether any line changed."""
    at = {(grid.rank[n], grid.column[n]): n for n in range(len(grid.rank))}
    changed = False
    for route in routes:
        back = _join_row(route, routes, grid, at)
        if back is not None:
            route.refs = [*route.refs[:-2], ("h", back), ("pt", 0)]
            changed = True
    return changed


def _join_row(route: Route, routes: Sequence[Route], grid: RouteGrid, at: dict[tuple[int, int], int]) -> int | None:
    """The along-gap where ``route`` can turn into its target's column and join the highest line that
    runs down it into the same top, below every shape in the way."""
    refs = route.refs
    if route.back or route.entry != "t" or len(refs) < 3 or [kind for kind, _ in refs[-3:]] != ["g", "h", "pt"]:
        return None
    s, t = route.source, route.target
    rt, ct = grid.rank[t], grid.column[t]
    if refs[-2][1] != rt:
        return None
    first = refs[-4][1] if len(refs) >= 4 else grid.rank[s] + 1  # the first rank the channel run passes
    blocked = [r for r in range(first, rt) if (r, ct) in grid.occupied]
    if not blocked:
        return None
    back = blocked[-1] + 1  # the column is clear from here down to the target
    starts = sorted(
        other.refs[-2][1]
        for other in routes
        if other is not route
        and other.target == t
        and other.entry == "t"
        and len(other.refs) >= 2
        and other.refs[-2][0] == "h"
        and other.refs[-1] == ("pt", 0)
        and back <= other.refs[-2][1] < rt
    )
    if not starts:
        return None
    join = starts[0]
    blocker = at.get((join - 1, ct))
    if blocker is not None and any(other.source == blocker and other.exit == "b" for other in routes):
        return None
    return join
