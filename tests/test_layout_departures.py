"""A line out of a step by the side another line enters it leaves by the side it turns toward instead.

Review 8: "Aplicar una nueva evaluación al estudiante" had the arrow from "Nueva evaluación" and its loop back to
"Revisar el examen…" both on its bottom side, 15 px apart: which line entered and which left was hard to tell.
"""

from __future__ import annotations

from pathlib import Path

from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.departures import own_side_departures
from flowchart_cli.layout.geometry import Point, Rect
from flowchart_cli.loader import load_flow
from flowchart_cli.options import RenderOptions

STEP = Rect(400, 100, 120, 60)  # "Aplicar una nueva evaluación": bottom at y = 160, middle y = 130
DECISION = Rect(420, 300, 100, 60)  # "¿Qué resuelve el comité?", below it
EARLIER = Rect(0, 100, 120, 60)  # "Revisar el examen…", far left in the same row
BOXES = [STEP, DECISION, EARLIER]
KINDS = ["process", "decision", "process"]
ENDS = [(1, 0), (0, 2)]
INTO = (Point(470, 300), Point(470, 160))  # "Nueva evaluación" up into the bottom
BACK = (Point(455, 160), Point(455, 190), Point(60, 190), Point(60, 160))  # out of the bottom, 15 px beside it


def _line(*points: tuple[float, float]) -> tuple[Point, ...]:
    return tuple(Point(x, y) for x, y in points)


def test_a_line_out_of_the_side_an_arrow_enters_leaves_by_the_side_it_turns_to():
    into, back = own_side_departures([INTO, BACK], BOXES, ENDS, KINDS)
    assert into == INTO
    assert back == _line((400, 130), (384, 130), (384, 190), (60, 190), (60, 160))


def test_it_stays_where_that_side_is_taken_or_no_arrow_shares_its_side():
    leaving = _line((400, 130), (300, 130), (300, 400))  # another line already leaves by the left side
    boxes = [*BOXES, Rect(280, 400, 40, 30)]
    moved = own_side_departures([INTO, BACK, leaving], boxes, [*ENDS, (0, 3)], [*KINDS, "end"])
    assert moved[1] == BACK
    assert own_side_departures([BACK], BOXES, [(0, 2)], KINDS) == [BACK]  # alone on its side: left alone


def test_a_decision_keeps_its_answers_sides():
    kinds = ["decision", "decision", "process"]
    assert own_side_departures([INTO, BACK], BOXES, ENDS, kinds)[1] == BACK


def test_the_same_with_x_and_y_swapped():
    swap = [Rect(r.y, r.x, r.height, r.width) for r in BOXES]
    lines = [tuple(Point(p.y, p.x) for p in line) for line in (INTO, BACK)]
    _, back = own_side_departures(lines, swap, ENDS, KINDS)
    assert back == _line((130, 400), (130, 384), (190, 384), (190, 60), (160, 60))


def test_no_step_of_the_reviewer_s_flow_has_a_line_in_and_out_on_one_side() -> None:
    flow, _ = load_flow(Path(__file__).parent / "layout_cases" / "apelacion-calificacion.flow.yaml")
    diagram = layout_flow(flow, RenderOptions())
    box = next(n.box for n in diagram.nodes if n.key == "nueva_eval")
    (out,) = [e.points[0] for e in diagram.edges if e.source == "nueva_eval"]
    (into,) = [e.points[-1] for e in diagram.edges if e.target == "nueva_eval"]
    assert abs(into.y - box.bottom) < 3  # the arrow from "Nueva evaluación" up into its bottom
    assert box.y < out.y < box.bottom  # the loop back out of a side
