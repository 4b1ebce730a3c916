"""The crossing and merge rules of the layout, each on a small flow that broke it before.

Every number is read from the geometry by :mod:`layout_quality` (benchmarks/),
the module the layout benchmark reports with.
"""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path

import pytest
from layout_quality import arrowheads_per_side, crossing_pairs, measure

from flowchart_cli.layout import layout_flow
from flowchart_cli.loader import load_flow, load_text

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _layout(text: str):
    flow, diagnostics = load_text(textwrap.dedent(text))
    assert flow is not None, diagnostics
    return flow, layout_flow(flow)


def test_outcomes_of_one_decision_never_cross_mesa_de_ayuda():
    # the Sí and No of "¿El cliente está satisfecho?" crossed just below it
    flow, _ = load_flow(SAMPLES / "mesa-de-ayuda.flow.yaml")
    diagram = layout_flow(flow)
    quality = measure(diagram)
    assert quality.outcome_crossings == 0
    assert quality.arrival_crossings == 0


def test_a_long_outcome_goes_round_the_free_side_seguimiento():
    # the Sí to "Informe" ran down beside the No loop-back and crossed three lines
    flow, _ = load_flow(SAMPLES / "seguimiento-satisfaccion.flow.yaml")
    diagram = layout_flow(flow)
    assert measure(diagram).crossings == 0


TWO_INTO_ONE = """
title: Two into one
lanes: [A, B, C]
steps:
  - id: s
    start: Start
    lane: A
  - id: d
    decision: Which way?
    branches:
      Left: a
      Right: c
  - id: a
    process: Left work
    next: join
  - id: c
    process: Right work
    lane: C
    next: join
  - id: join
    process: Both arrive here
    lane: B
  - end: Done
"""


def test_lines_into_one_side_join_and_get_one_arrowhead():
    _, diagram = _layout(TWO_INTO_ONE)
    heads = arrowheads_per_side(diagram)
    assert heads[("join", "top")] == 1
    ends = {edge.points[-1] for edge in diagram.edges if edge.target == "join"}
    assert len(ends) == 1
    assert not crossing_pairs([edge.points for edge in diagram.edges if edge.target == "join"])


SAME_TARGET = """
title: Same target
steps:
  - start: Start
  - id: d
    decision: Which plan?
    branches:
      Básico: done
      Coalición: points
      Puntos: points
      Oro: gold
  - id: points
    process: Earn points
    next: done
  - id: gold
    process: Gold service
  - id: done
    end: Done
"""


def test_outcomes_to_the_same_step_are_one_line_naming_them_all():
    _, diagram = _layout(SAME_TARGET)
    to_points = [edge for edge in diagram.edges if edge.source == "d" and edge.target == "points"]
    assert len(to_points) == 1
    assert to_points[0].label == "Coalición / Puntos"
    assert measure(diagram).outcome_crossings == 0


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.flow.yaml")), ids=lambda p: p.name)
def test_every_sample_keeps_the_rules(sample):
    flow, _ = load_flow(sample)
    diagram = layout_flow(flow)
    quality = measure(diagram)
    assert quality.outcome_crossings == 0
    assert quality.arrival_crossings == 0
    assert quality.arrowheads == 1
    assert quality.close_runs == 0  # no long run closer than 20 px to another line or a lane border


def test_a_generated_50_step_flow_has_short_loops_few_crossings_and_one_arrow_per_side():
    # the benchmark's generated flow (copied into tests/layout_cases): before, 12 crossings and loops beside
    # lines; then 0 crossings, but two loops went round the left edge of the drawing (2.15x their distance).
    # A loop back over a chain that zigzags across every lane must cross it once or go round: it crosses.
    flow, _ = load_flow(Path(__file__).resolve().parent / "layout_cases" / "generated-50.flow.yaml")
    quality = measure(layout_flow(flow))
    assert quality.worst_detour <= 1.5
    assert quality.crossings <= 2
    assert quality.shared_runs == 0
    assert quality.arrowheads == 1
    assert quality.close_runs == 0


THREE_BACK = """
title: Three ways back
lanes: [A, B]
steps:
  - id: s
    start: Start
    lane: A
  - id: check
    decision: Is it ready?
    branches:
      Yes: one
      No: fix
  - id: fix
    process: Fix it
    lane: B
    next: check
  - id: one
    decision: First review passed?
    branches:
      Yes: two
      No: check
  - id: two
    decision: Second review passed?
    lane: A
    branches:
      Yes: done
      No: check
  - id: done
    end: Done
"""


def test_three_lines_back_into_one_decision_arrive_as_one_per_side():
    # three arrows 12-16 px apart into one side of a decision, a label among them, looked like three steps
    _, diagram = _layout(THREE_BACK)
    heads = arrowheads_per_side(diagram)
    assert all(count == 1 for (key, _), count in heads.items() if key == "check")
    assert measure(diagram).arrival_crossings == 0
    assert measure(diagram).outcome_crossings == 0


CHAIN = """
title: A plain chain
steps:
  - start: Start
  - process: First
  - process: Second
  - process: Third
  - end: Done
"""


def test_a_plain_chain_packs_its_rows_tight():
    # rows were about 46 px apart whatever ran between them
    _, diagram = _layout(CHAIN)
    boxes = sorted((node.box for node in diagram.nodes), key=lambda box: box.y)
    gaps = [after.y - before.bottom for before, after in itertools.pairwise(boxes)]
    assert all(gap <= 30 for gap in gaps), gaps
