"""Stages in the layout: rows that never mix stages, in declared order, and no crossings added."""

from __future__ import annotations

import dataclasses
from itertools import pairwise
from pathlib import Path

import pytest
from layout_crossings import count_crossings

from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.dotgen import ranking_dot
from flowchart_cli.layout.geometry import Diagram, EdgePath, Point
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


def test_crossings_count_lines_that_cross_not_lines_that_touch() -> None:
    def edge(*points: tuple[float, float]) -> EdgePath:
        return EdgePath("a", "b", "", tuple(Point(x, y) for x, y in points))

    across = edge((0, 50), (100, 50))
    down = edge((50, 0), (50, 100))
    touching = edge((100, 0), (100, 100))
    hooked = edge((20, 0), (20, 80), (80, 80), (80, 20))  # crosses `across` twice
    diagram = Diagram("t", 100, 100, (), (), (across, down, touching, hooked))
    assert count_crossings(diagram) == 1 + 2 + 1  # across×down, across×hooked, down×hooked


def test_rows_follow_the_stages_and_an_unused_stage_gets_a_row() -> None:
    rows, spans = stage_rows([0, 1, 1, 2], [0, 2, 0, 2], 3)
    assert rows == (0, 3, 1, 4)
    assert spans == ((0, 1), (2, 2), (3, 4))


def test_a_line_to_an_earlier_stage_is_a_loop_back_and_to_a_later_one_never() -> None:
    stage = [0, 1, 1]
    assert stage_back_edges(stage, [(1, 0), (0, 1), (2, 1)], [False, True, True]) == (True, False, True)


def test_separators_tie_only_the_ends_of_each_stage() -> None:
    separators = stage_separators([0, 0, 1, 1], [(0, 1), (1, 2), (2, 3)])
    assert separators.nodes == ("k1",)
    assert separators.edges == (("n1", "k1"), ("k1", "n2"))


def test_raised_separators_only_bound_the_steps_whose_lines_out_all_loop_back() -> None:
    """Review 7: "Aviso de visita" (its one line out loops back) was pulled to its stage's foot by its tie to
    the next stage; raised, the tie is a bound only (``weight=0``). An end keeps its pull to the foot."""
    stage = [0, 0, 0, 0, 1]
    forward = [(0, 1), (0, 2), (1, 4)]  # 2 loops back to 0; 3 is an end
    usual = stage_separators(stage, forward, loops=[(2, 0)])
    raised = stage_separators(stage, forward, raised=True, loops=[(2, 0)])
    assert usual.edges == raised.edges and ("n2", "k1") in raised.edges and ("n3", "k1") in raised.edges
    assert usual.loose == frozenset() and raised.loose == frozenset({"n2"})
    assert "n2 -> k1 [style=invis weight=0]" in ranking_dot(5, [(0, 1, False), (0, 2, False)], raised)


def test_a_step_whose_only_line_out_loops_back_is_raised_off_its_stages_foot_where_that_crosses_less() -> None:
    """troca-medidor (review 7): "Aviso de visita deixado na porta" sat at the foot of "Execução", under the
    main path, and the line from "Registrar a situação de risco" to "Adequar o padrão" cut three lines."""
    flow = _load(Path(__file__).parent / "layout_cases" / "troca-medidor.flow.yaml")
    diagram = layout_flow(flow)
    boxes = {node.key: node.box for node in diagram.nodes}
    assert boxes["ausente"].y < boxes["leitura_antiga"].y  # beside the main path, not under its last step
    assert count_crossings(diagram) <= 2


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
    assert count_crossings(layout_flow(flow)) <= count_crossings(layout_flow(plain))
