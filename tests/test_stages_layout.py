"""Stages in the layout: rows that never mix stages, in declared order, and no crossings added."""

from __future__ import annotations

import dataclasses
from itertools import pairwise
from pathlib import Path

import pytest

from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.geometry import Diagram, Point
from flowchart_cli.layout.stages import stage_back_edges, stage_rows, stage_separators
from flowchart_cli.loader import load_flow
from flowchart_cli.model import Flow

ROOT = Path(__file__).resolve().parent.parent
STAGED = [
    ROOT / "samples" / "gestion-quejas.flow.yaml",
    ROOT / "samples" / "mesa-de-ayuda.flow.yaml",
    ROOT / "samples" / "seguimiento-satisfaccion.flow.yaml",
    ROOT / "templates" / "new" / "atencion-cliente.flow.yaml",
    ROOT / "docs" / "example" / "atencion.flow.yaml",
]

BACK_AND_FORTH = """
title: Back and forth
direction: {direction}
lanes: [Customer, Agent]
stages: [Request, Review, Close]
steps:
  - start: Customer asks
    lane: Customer
    stage: Request
  - id: look
    process: Look at the request
    lane: Agent
    stage: Review
  - id: more
    io: Send the missing details
    lane: Customer
    stage: Request
  - id: enough
    decision: Is it complete?
    lane: Agent
    stage: Review
    branches:
      Yes: done
      No: more
  - id: done
    end: Request closed
    stage: Close
"""


def _load(path: Path) -> Flow:
    flow, diagnostics = load_flow(path)
    assert flow is not None, diagnostics
    return flow


def _crossings(diagram: Diagram) -> int:
    """Proper crossings between the orthogonal segments of two different flow lines."""
    lines = [list(pairwise(edge.points)) for edge in diagram.edges]
    count = 0
    for number, mine in enumerate(lines):
        for theirs in lines[number + 1 :]:
            count += sum(_cross(a, b) for a in mine for b in theirs)
    return count


def _cross(a: tuple[Point, Point], b: tuple[Point, Point]) -> bool:
    flat_a, flat_b = abs(a[0].y - a[1].y) < 0.01, abs(b[0].y - b[1].y) < 0.01
    if flat_a == flat_b:
        return False
    (h0, h1), (v0, v1) = (a, b) if flat_a else (b, a)
    return min(h0.x, h1.x) + 0.5 < v0.x < max(h0.x, h1.x) - 0.5 and min(v0.y, v1.y) + 0.5 < h0.y < max(v0.y, v1.y) - 0.5


def test_rows_follow_the_stages_and_an_unused_stage_gets_a_row() -> None:
    rows, spans = stage_rows([0, 1, 1, 2], [0, 2, 0, 2], 3)
    assert rows == (0, 3, 1, 4)
    assert spans == ((0, 1), (2, 2), (3, 4))


def test_a_line_to_an_earlier_stage_is_a_loop_back_and_to_a_later_one_never() -> None:
    stage = [0, 1, 1]
    assert stage_back_edges(stage, [(1, 0), (0, 1), (2, 1)], [False, True, True]) == (True, False, True)


def test_separators_tie_only_the_ends_of_each_stage() -> None:
    lines = stage_separators([0, 0, 1, 1], [(0, 1), (1, 2), (2, 3)])
    assert lines == ["  k1 [width=0.1, height=0.1];", "  n1 -> k1 [style=invis];", "  k1 -> n2 [style=invis];"]


@pytest.mark.slow
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_a_flow_that_jumps_between_stages_keeps_each_stage_in_its_own_rows(direction, write_flow) -> None:
    flow = _load(write_flow(BACK_AND_FORTH.format(direction=direction)))
    diagram = layout_flow(flow)
    along = (lambda r: (r.x, r.right)) if direction == "LR" else (lambda r: (r.y, r.bottom))
    extents = {}
    for node in diagram.nodes:
        low, high = along(node.box)
        old = extents.get(node.stage, (low, high))
        extents[node.stage] = (min(old[0], low), max(old[1], high))
    order = [extents[stage.id] for stage in flow.stages]
    assert all(before[1] < after[0] for before, after in pairwise(order))
    assert {(e.source, e.target) for e in diagram.edges} >= {("look", "more"), ("enough", "more")}
    assert all(e.back for e in diagram.edges if (e.source, e.target) in {("look", "more"), ("enough", "more")})


@pytest.mark.slow
@pytest.mark.parametrize("path", STAGED, ids=lambda p: p.name)
def test_stages_add_no_crossings_on_the_samples(path: Path) -> None:
    flow = _load(path)
    assert flow.stages_declared and len(flow.stages) >= 4
    plain = dataclasses.replace(flow, stages=(), stages_declared=False)
    assert _crossings(layout_flow(flow)) <= _crossings(layout_flow(plain))
