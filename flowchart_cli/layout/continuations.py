"""Ports that would make one line seem to run on into another are moved along their side.

Two shapes in one row (or one column) with nothing between them have their
middle ports on one line. When one line leaves the first shape by the side
facing the second and another line enters the second by the side facing the
first, both at their side's middle, the two short stubs are collinear, one
channel apart: the eye joins them, and "Corrigir o endereço" reads as
leading to "Pedido entregue", which it does not. The same happens with a
line out of a shape's bottom and another into the top of the shape below.
One of the two ports is moved to the next free place on its side, towards
where its line goes, so that the stubs stand a port apart instead.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from .gridroute import Route, RouteGrid

__all__ = ["part_continuations"]

_FACING = {"r": "l", "l": "r", "b": "t", "t": "b"}
_MOST_ROUNDS = 4


@dataclass(frozen=True, slots=True)
class _Port:
    """Where a line meets a shape: the shape, its side, the port's unit and which end of which line."""

    node: int
    side: str
    unit: int
    route: int
    leaving: bool


def part_continuations(routes: Sequence[Route], grid: RouteGrid, decision: Sequence[bool]) -> None:
    """Move, in place, one port of every two facing ports whose lines neither leave nor enter one step together."""
    for _ in range(_MOST_ROUNDS):
        ports = _ports(routes)
        pairs = [(a, b) for a, b in _facing_pairs(ports, routes, grid) if _unrelated(routes[a.route], routes[b.route])]
        if not pairs:
            return
        moved = False
        for a, b in pairs:
            port = _movable(a, b, routes, decision)
            if port is not None:
                moved |= _move(port, routes, grid)
        if not moved:
            return


def _ports(routes: Sequence[Route]) -> list[_Port]:
    ports = []
    for number, route in enumerate(routes):
        if route.source == route.target:
            continue
        ports.append(_Port(route.source, route.exit, route.exit_unit, number, True))
        ports.append(_Port(route.target, route.entry, route.entry_unit, number, False))
    return ports


def _facing_pairs(ports: Sequence[_Port], routes: Sequence[Route], grid: RouteGrid) -> list[tuple[_Port, _Port]]:
    """Every two ports on facing sides of the next two shapes of one row or column, at one unit, whose
    stubs turn in one channel (so they stand a track apart there)."""
    lines = _Lines(grid)
    by_place: dict[tuple[int, str, int], list[_Port]] = {}
    for port in ports:
        by_place.setdefault((port.node, port.side, port.unit), []).append(port)
    pairs = []
    for (node, side, unit), here in by_place.items():
        other = lines.neighbour(node, side)
        if other is None:
            continue
        for there in by_place.get((other, _FACING[side], unit), []):
            pairs.extend((a, there) for a in here if a.route != there.route and _same_turn(a, there, routes))
    return [(a, b) for a, b in pairs if (a.node, a.route) < (b.node, b.route)]


class _Lines:
    """The shapes of every row and every column in order, to find a shape's next one past empty cells."""

    def __init__(self, grid: RouteGrid) -> None:
        self.grid = grid
        rows: dict[int, list[tuple[int, int]]] = {}
        columns: dict[int, list[tuple[int, int]]] = {}
        for node, (row, column) in enumerate(zip(grid.rank, grid.column, strict=True)):
            rows.setdefault(row, []).append((column, node))
            columns.setdefault(column, []).append((row, node))
        self.rows = {row: sorted(cells) for row, cells in rows.items()}
        self.columns = {column: sorted(cells) for column, cells in columns.items()}

    def neighbour(self, node: int, side: str) -> int | None:
        """The next shape beyond ``side`` of ``node`` in its row (l/r) or column (t/b), past empty cells."""
        row, column = self.grid.rank[node], self.grid.column[node]
        cells, at = (self.rows[row], column) if side in ("l", "r") else (self.columns[column], row)
        place = bisect.bisect_left(cells, (at, node))
        step = 1 if side in ("r", "b") else -1
        other = place + step
        return cells[other][1] if 0 <= other < len(cells) else None


def _same_turn(a: _Port, b: _Port, routes: Sequence[Route]) -> bool:
    turn = _turn(a, routes[a.route])
    return turn is not None and turn == _turn(b, routes[b.route])


def _turn(port: _Port, route: Route) -> tuple[str, int] | None:
    """The channel where the line's stub at ``port`` turns: its first bend leaving, its last arriving."""
    refs = [ref for ref in route.refs if ref[0] != "pt"]
    if not refs:
        return None
    return refs[0] if port.leaving else refs[-1]


def _unrelated(a: Route, b: Route) -> bool:
    """Two lines that neither leave nor enter one step together: the line the eye makes of them, from one's
    source to the other's target, is not in the flow (lines into one step join anyway)."""
    return a.source != b.source and a.target != b.target


def _movable(a: _Port, b: _Port, routes: Sequence[Route], decision: Sequence[bool]) -> _Port | None:
    """Which of the two ports to move: not a diamond's, nor a bottom that outcomes share; a line's own way
    out before an arrival that several lines share."""
    candidates = [port for port in (a, b) if _free_to_move(port, routes, decision)]
    if not candidates:
        return None
    return min(candidates, key=lambda port: (not port.leaving, _sharers(port, routes)))


def _free_to_move(port: _Port, routes: Sequence[Route], decision: Sequence[bool]) -> bool:
    if decision[port.node]:
        return False  # a diamond's ports are its corners: off them a line meets a slanted edge, farther out
    return not (port.leaving and port.side == "b")  # outcomes may share a bottom, and their labels stand by it


def _sharers(port: _Port, routes: Sequence[Route]) -> int:
    return sum(1 for route in routes if _at(route, port))


def _at(route: Route, port: _Port) -> bool:
    if port.leaving:
        return route.source == port.node and route.exit == port.side and route.exit_unit == port.unit
    return route.target == port.node and route.entry == port.side and route.entry_unit == port.unit


def _move(port: _Port, routes: Sequence[Route], grid: RouteGrid) -> bool:
    """Give ``port`` (and every line that shares it) the nearest free unit on its side, towards its line;
    whether it moved (a side with every place taken keeps its ports)."""
    used = {route.exit_unit for route in routes if route.source == port.node and route.exit == port.side}
    used |= {route.entry_unit for route in routes if route.target == port.node and route.entry == port.side}
    toward = _toward(routes[port.route], port, grid)
    unit = next((u for k in range(1, 8) for u in (toward * k, -toward * k) if u not in used), None)
    if unit is None:
        return False
    sharing = [route for route in routes if _at(route, port)]
    for route in sharing:
        if port.leaving:
            route.exit_unit = unit
        else:
            route.entry_unit = unit
    return bool(sharing)


def _toward(route: Route, port: _Port, grid: RouteGrid) -> int:
    """+1 or -1: the way along the port's side towards the other end of its line."""
    other = route.target if port.leaving else route.source
    if port.side in ("l", "r"):
        delta = grid.rank[other] - grid.rank[port.node]
    else:
        delta = grid.column[other] - grid.column[port.node]
    return -1 if delta < 0 else 1
