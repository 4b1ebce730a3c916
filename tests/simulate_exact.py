"""The exact figures of a flow, worked out here without the package: the yardstick of the simulation tests.

The flow file is read with PyYAML's BaseLoader (every value a string) and
its own small duration and share readers, so a mistake in the package's
loader, chains or draws cannot hide in the expected value.  Acyclic flows are
summed over their paths (probability × value); flows with loops are solved
as an absorbing Markov chain (expected remaining time, handoffs and the
chance of each end from every step), in exact fractions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import yaml

UNITS = {"min": 1, "h": 60, "business day": 480, "business days": 480, "días hábiles": 480, "dia útil": 480}
SYMBOLS = ("start", "end", "process", "decision")


@dataclass
class Node:
    key: str
    kind: str
    lane: str
    mean: Fraction
    ways: list[tuple[str, Fraction]]


def _minutes(text: str) -> Fraction:
    match = re.fullmatch(r"(\d+)(?:\s*(?:-|a)\s*(\d+))?\s+(.+)", text.strip())
    assert match, text
    low, high, unit = match.groups()
    return (Fraction(low) + Fraction(high or low)) / 2 * UNITS[unit]


def _share(text: str) -> Fraction:
    text = text.replace(" ", "")
    return Fraction(text[:-1]) / 100 if text.endswith("%") else Fraction(text)


def read_nodes(path: Path) -> dict[str, Node]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    lanes = {}
    for lane in data.get("lanes", []):
        lanes.update({lane["id"]: lane["name"]} if isinstance(lane, dict) else {lane: lane})
    steps = data["steps"]
    keys = [s.get("id", f"step-{n + 1}") for n, s in enumerate(steps)]
    nodes: dict[str, Node] = {}
    lane = ""
    for n, step in enumerate(steps):
        kind = next(k for k in SYMBOLS if k in step)
        lane = lanes.get(step.get("lane", ""), step.get("lane", lane))
        mean = _minutes(step["duration"]) if "duration" in step else Fraction(0)
        if kind == "decision":
            written = {label: _share(v) for label, v in step.get("shares", {}).items()}
            rest = [label for label in step["branches"] if label not in written]
            each = (1 - sum(written.values(), Fraction(0))) / len(rest) if rest else Fraction(0)
            ways = [(target, written.get(label, each)) for label, target in step["branches"].items()]
        elif kind == "end":
            ways = []
        else:
            ways = [(step.get("next", keys[n + 1] if n + 1 < len(keys) else ""), Fraction(1))]
        nodes[keys[n]] = Node(keys[n], kind, lane, mean, ways)
    return nodes


@dataclass
class Exact:
    mean: Fraction
    handoffs: Fraction
    ends: dict[str, Fraction]
    lanes: dict[str, Fraction]


def by_paths(nodes: dict[str, Node]) -> Exact:
    """Sum over every path from the first start: probability × duration, handoffs, end, lane time."""
    start = next(k for k, n in nodes.items() if n.kind == "start")
    mean = handoffs = Fraction(0)
    ends: dict[str, Fraction] = {}
    lanes: dict[str, Fraction] = {}

    def walk(key: str, chance: Fraction, time: Fraction, hands: int, per_lane: dict[str, Fraction], seen: set):
        nonlocal mean, handoffs
        node = nodes[key]
        assert key not in seen, "by_paths is for acyclic flows"
        per_lane = {**per_lane, node.lane: per_lane.get(node.lane, Fraction(0)) + node.mean}
        time += node.mean
        if node.kind == "end":
            mean += chance * time
            handoffs += chance * hands
            ends[key] = ends.get(key, Fraction(0)) + chance
            for lane, minutes in per_lane.items():
                lanes[lane] = lanes.get(lane, Fraction(0)) + chance * minutes
            return
        for target, share in node.ways:
            if share:
                walk(target, chance * share, time, hands + (nodes[target].lane != node.lane), per_lane, seen | {key})

    walk(start, Fraction(1), Fraction(0), 0, {}, set())
    return Exact(mean, handoffs, ends, lanes)


def _solve(matrix: list[list[Fraction]], rhs: list[Fraction]) -> list[Fraction]:
    """Gauss–Jordan elimination in exact fractions."""
    size = len(rhs)
    rows = [[*row, value] for row, value in zip(matrix, rhs, strict=True)]
    for col in range(size):
        pivot = next(r for r in range(col, size) if rows[r][col] != 0)
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(size):
            if r != col and rows[r][col] != 0:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[r][size] / rows[r][r] for r in range(size)]


def by_markov(nodes: dict[str, Node]) -> Exact:
    """From every step: x(s) = own(s) + Σ p(s→t)·x(t), x(end) = own(end); solved for each figure."""
    keys = list(nodes)
    index = {k: n for n, k in enumerate(keys)}
    matrix = [[Fraction(int(i == j)) for j in range(len(keys))] for i in range(len(keys))]
    for key, node in nodes.items():
        for target, share in node.ways:
            matrix[index[key]][index[target]] -= share
    start = index[next(k for k, n in nodes.items() if n.kind == "start")]

    def expected(own) -> Fraction:
        return _solve(matrix, [own(nodes[k]) for k in keys])[start]

    def crossings(node: Node) -> Fraction:
        return sum((share for target, share in node.ways if nodes[target].lane != node.lane), Fraction(0))

    ends = {k: expected(lambda n, k=k: Fraction(int(n.key == k))) for k, n in nodes.items() if n.kind == "end"}
    lane_names = dict.fromkeys(n.lane for n in nodes.values())
    lanes = {lane: expected(lambda n, lane=lane: n.mean if n.lane == lane else 0) for lane in lane_names}
    return Exact(expected(lambda n: n.mean), expected(crossings), ends, lanes)
