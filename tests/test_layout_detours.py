"""layout/detours.py on small hand-made grids: which way out a decision's outcomes and a loop back take.

Each grid is drawn in the test's docstring: rows are ranks, columns lane
slots; a route is checked through its grid points (`gridroute.logical`) and
the crossings the route index counts, so the tests say what a reader sees
(two lines crossing, a line leaving by the wrong side), not how the search
goes.
"""

from __future__ import annotations

import copy
import itertools

from flowchart_cli.layout.detours import improve_routes
from flowchart_cli.layout.gridroute import Route, RouteGrid, down_refs, logical
from flowchart_cli.layout.lengths import pixel_scale
from flowchart_cli.layout.route_index import route_crossings


def grid_of(cells: dict[int, tuple[int, int]], columns: int, *, scaled: bool = True) -> RouteGrid:
    """A grid with node n at cells[n] = (rank, column); shapes 120 x 50 px when ``scaled``."""
    rank = [cells[n][0] for n in range(len(cells))]
    column = [cells[n][1] for n in range(len(cells))]
    scale = pixel_scale(rank, column, [50.0] * len(cells), [120.0] * len(cells)) if scaled else None
    return RouteGrid(rank, column, {cells[n] for n in cells}, columns=columns, scale=scale)


def down(source: int, target: int, grid: RouteGrid) -> Route:
    """A forward line out of the bottom, planned as routing first plans it."""
    rank, column = grid.rank, grid.column
    refs = down_refs(grid, rank[source], rank[target], column[source], column[target])
    return Route(source, target, back=False, exit="b", entry="t", refs=refs)


def side(source: int, target: int, grid: RouteGrid, leaves: str, *, back: bool = False) -> Route:
    """A line out of the ``leaves`` side into the top of its target, through the gap beside the source."""
    gap = grid.column[source] + (1 if leaves == "r" else 0)
    refs = [("g", gap), ("h", grid.rank[target]), ("pt", 0)]
    return Route(source, target, back=back, exit=leaves, entry="t", refs=refs)


def crossings(routes: list[Route], grid: RouteGrid) -> float:
    lines = [logical(route, grid) for route in routes]
    return sum(route_crossings(a, b) for a, b in itertools.combinations(lines, 2))


def ends_right(route: Route, grid: RouteGrid) -> bool:
    """The route's points start on its source's cell and end on its target's, turning only at right angles."""
    points = logical(route, grid)
    source = (2 * grid.rank[route.source] + 1, 2 * grid.column[route.source] + 1)
    target = (2 * grid.rank[route.target] + 1, 2 * grid.column[route.target] + 1)
    straight = all(a[0] == b[0] or a[1] == b[1] for a, b in itertools.pairwise(points))
    return points[0] == source and points[-1] == target and straight


def test_a_decision_whose_outcomes_cross_sends_each_to_its_own_side():
    """¿Aprobado? in the middle column, Sí to the left and No to the right, first planned the wrong way round.

    rank 0:   .      [¿Aprobado?]   .
    rank 1: [Sí]          .       [No]
    """
    grid = grid_of({0: (0, 1), 1: (1, 0), 2: (1, 2)}, columns=3)
    routes = [side(0, 1, grid, "r"), side(0, 2, grid, "l")]
    assert crossings(routes, grid) >= 1, "the test starts from a tangle"
    improve_routes(routes, grid, decision=[True, False, False])
    assert crossings(routes, grid) == 0
    assert [r.exit for r in routes] != ["r", "l"]
    assert routes[0].exit in ("l", "b") and routes[1].exit in ("r", "b")
    assert routes[0].exit != routes[1].exit, "two outcomes never leave one decision by the same side"
    assert all(ends_right(route, grid) for route in routes)


def test_outcomes_that_cross_nothing_keep_their_first_plan():
    """A three-way decision (Sí / No / No sé) already planned left, bottom, right: nothing to improve.

    rank 0:   .   [¿Pago?]   .
    rank 1: [A]     [B]     [C]
    """
    grid = grid_of({0: (0, 1), 1: (1, 0), 2: (1, 1), 3: (1, 2)}, columns=3)
    routes = [side(0, 1, grid, "l"), down(0, 2, grid), side(0, 3, grid, "r")]
    before = copy.deepcopy(routes)
    improve_routes(routes, grid, decision=[True, False, False, False])
    assert routes == before


def test_a_straight_chain_is_left_alone():
    grid = grid_of({n: (n, 0) for n in range(5)}, columns=1)
    routes = [down(n, n + 1, grid) for n in range(4)]
    before = copy.deepcopy(routes)
    improve_routes(routes, grid, decision=[False] * 5)
    assert routes == before
    assert all(route.refs == [] for route in routes), "straight down, no turn"


def test_a_loop_back_goes_round_the_side_that_crosses_nothing():
    """ "Reintentar la entrega": a loop from the last step back to the first, first planned through the
    right-hand channel, where a side branch already runs; the left side crosses nothing.

    rank 0: [Entregar]     .
    rank 1: [¿Entregado?] [Avisar]
    rank 2: [Reintentar]   .
    """
    grid = grid_of({0: (0, 0), 1: (1, 0), 2: (2, 0), 3: (1, 1)}, columns=2)
    branch = Route(1, 3, back=False, exit="r", entry="l", refs=[("pt", 0)])  # straight across to Avisar
    chain = [down(0, 1, grid), down(1, 2, grid)]
    loop = Route(2, 0, back=True, exit="r", entry="r", refs=[("g", 1), ("pt", 0)])
    routes = [*chain, branch, loop]
    assert crossings(routes, grid) >= 1, "the loop first runs up through the branch"
    improve_routes(routes, grid, decision=[False, True, False, False])
    assert crossings(routes, grid) == 0
    assert routes[3].exit == "l" and routes[3].back
    assert all(ends_right(route, grid) for route in routes)


def test_outcomes_to_one_row_leave_in_the_order_of_their_targets():
    """A decision whose two outcomes end side by side in one row below: the left target's line leaves by
    the left (or the bottom), never by the right, else the two lines wind round each other.

    rank 0:  .   [¿Urgente?]  .
    rank 1:  .       .        .
    rank 2: [Sí]     .       [No]
    """
    grid = grid_of({0: (0, 1), 1: (2, 0), 2: (2, 2)}, columns=3)
    routes = [side(0, 1, grid, "r"), side(0, 2, grid, "l")]
    improve_routes(routes, grid, decision=[True, False, False])
    order = {"l": 0, "b": 1, "r": 2}
    assert order[routes[0].exit] < order[routes[1].exit]
    assert crossings(routes, grid) == 0


def test_without_a_pixel_scale_the_plan_is_still_untangled():
    """No sizes known (the scale is optional): crossings alone decide."""
    grid = grid_of({0: (0, 1), 1: (1, 0), 2: (1, 2)}, columns=3, scaled=False)
    routes = [side(0, 1, grid, "r"), side(0, 2, grid, "l")]
    improve_routes(routes, grid, decision=[True, False, False])
    assert crossings(routes, grid) == 0


def test_a_second_run_changes_nothing():
    """The search settles: planning the improved routes again finds nothing better."""
    grid = grid_of({0: (0, 1), 1: (1, 0), 2: (1, 2), 3: (2, 1), 4: (3, 1)}, columns=3)
    routes = [side(0, 1, grid, "r"), side(0, 2, grid, "l"), down(1, 3, grid), down(2, 3, grid), down(3, 4, grid)]
    routes.append(Route(4, 0, back=True, exit="r", entry="r", refs=[("g", 2), ("pt", 0)]))
    decision = [True, False, False, False, False]
    first = copy.deepcopy(routes)
    improve_routes(routes, grid, decision)
    assert routes != first, "the first run untangles the crossed outcomes"
    settled = copy.deepcopy(routes)
    improve_routes(routes, grid, decision)
    assert routes == settled
    assert all(ends_right(route, grid) for route in routes)
