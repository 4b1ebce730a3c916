"""An arrival running down just beside a stranger into the side of the step next to it enters that step's top."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowchart_cli.check import check_file
from flowchart_cli.handout.paper import paper
from flowchart_cli.handout.printed import print_plan
from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.beside import top_entries
from flowchart_cli.layout.geometry import Point, Rect
from flowchart_cli.words import words

CASES = Path(__file__).parent / "layout_cases"

SOURCE = Rect(400, 0, 100, 60)  # the decision whose "Incompleta" leaves its left corner
TARGET = Rect(100, 200, 120, 40)  # "Recordar al asegurado"
STRANGER = Rect(250, 200, 120, 40)  # the end step "Expediente cerrado…", right of the channel
BOXES = [SOURCE, TARGET, STRANGER]
KINDS = ["decision", "process", "end"]
BESIDE = (Point(400, 30), Point(240, 30), Point(240, 220), Point(220, 220))  # down 10 px from the stranger


def _line(*points: tuple[float, float]) -> tuple[Point, ...]:
    return tuple(Point(x, y) for x, y in points)


def test_a_line_down_beside_a_stranger_into_the_step_next_to_it_drops_into_that_step_s_top():
    (moved,) = top_entries([BESIDE], BOXES, [(0, 1)], KINDS)
    assert moved == _line((400, 30), (160, 30), (160, 200))  # on along its row, down into the middle of the top


def test_the_same_with_x_and_y_swapped_enters_by_the_left():
    swap = [Rect(r.y, r.x, r.height, r.width) for r in BOXES]
    (moved,) = top_entries([tuple(Point(p.y, p.x) for p in BESIDE)], swap, [(0, 1)], KINDS)
    assert moved == _line((30, 400), (30, 160), (200, 160))


def test_a_channel_with_no_stranger_beside_it_keeps_its_side_arrival():
    far = [SOURCE, TARGET, Rect(250, 400, 120, 40)]  # the third shape is a row further down
    assert top_entries([BESIDE], far, [(0, 1)], KINDS) == [BESIDE]


def test_a_top_another_line_uses_stays_free_of_a_second_arrowhead():
    above = Rect(100, 60, 120, 40)
    into_top = _line((160, 100), (160, 200))
    boxes = [*BOXES, above]
    out = top_entries([BESIDE, into_top], boxes, [(0, 1), (3, 1)], [*KINDS, "process"])
    assert out[0] == BESIDE


def test_a_drop_that_would_run_on_from_the_line_out_of_the_step_above_moves_along_the_top():
    # the step above the target leaves by its bottom straight down the target's middle and turns away: a
    # drop on that x would read as its line going on (review 15's "Agendar" over "Ligar para o segurado")
    above = Rect(100, -60, 120, 40)
    away = _line((160, -20), (160, -5), (600, -5))
    boxes = [*BOXES, above, Rect(600, -20, 40, 40)]
    (moved, _) = top_entries([BESIDE, away], boxes, [(0, 1), (3, 4)], [*KINDS, "process", "process"])
    assert moved[-1].y == 200 and moved[-1].x != 160  # into the top, off the middle
    assert abs(moved[-1].x - 160) <= 60 - 20  # on the top's flat part, clear of its ends


def test_a_decision_takes_a_line_into_its_top_only_at_its_point():
    above = Rect(100, -60, 120, 40)
    away = _line((160, -20), (160, -5), (600, -5))
    boxes = [*BOXES, above, Rect(600, -20, 40, 40)]
    kinds = ["decision", "decision", "end", "process", "process"]
    out = top_entries([BESIDE, away], boxes, [(0, 1), (3, 4)], kinds)
    assert out[0] == BESIDE  # its middle would run on from the line above; nowhere else on a diamond's top


def test_no_new_crossing_is_bought_for_it():
    across = _line((110, 100), (226, 100))  # along a row between the run and the target's top, short of the channel
    boxes = [*BOXES, Rect(90, 90, 20, 20), Rect(226, 90, 8, 20)]
    out = top_entries([BESIDE, across], boxes, [(0, 1), (3, 4)], [*KINDS, "process", "process"])
    assert out[0] == BESIDE


@pytest.mark.parametrize(
    ("name", "source", "target"),
    [  # review 15: in the printed parts the arrow seemed to come out of the end step beside its channel
        ("siniestro-agua-hogar", "documentacion", "recordatorio"),
        ("troca-parabrisa", "compareceu", "reagendar"),
        ("roadside-assistance", "accept", "eta"),
    ],
)
def test_in_the_printed_parts_the_line_beside_an_end_step_drops_into_its_target_s_top(
    name: str, source: str, target: str
):
    flow = check_file(CASES / f"{name}.flow.yaml").flow
    assert flow is not None
    plan = print_plan(flow, layout_flow(flow), paper("a4"), words(flow.lang), legend_items=6)
    found = 0
    for part in plan.parts:
        d = part.diagram
        boxes = {n.key: n.box for n in d.nodes}
        for edge in d.edges:
            if (edge.source, edge.target) == (source, target):
                last, tip = edge.points[-2], edge.points[-1]
                box = boxes[target]
                assert abs(last.x - tip.x) < 0.01 and abs(tip.y - box.y) < 1.0  # straight down into the top
                assert box.x < tip.x < box.right
                found += 1
    assert found == 1


def test_a_way_out_of_a_side_that_turns_up_just_beside_a_stranger_leaves_by_the_top():
    # review 16: the way back from "Wait in the lounge" left its right side at the height of the end "Guest
    # checked in" and turned up 25 px short of it: the wait seemed to lead on into the end
    wait, end, back_to = Rect(100, 200, 120, 40), Rect(250, 200, 120, 40), Rect(400, 0, 100, 60)
    loop = tuple(reversed(BESIDE))  # out of the wait's right side, up beside the end, along into the decision
    (moved,) = top_entries([loop], [back_to, wait, end], [(1, 0)], ["decision", "delay", "end"])
    assert moved == _line((160, 200), (160, 30), (400, 30))


def test_a_decision_s_outcome_keeps_its_corner():
    loop = tuple(reversed(BESIDE))
    kinds = ["process", "decision", "end"]
    assert top_entries([loop], [SOURCE, TARGET, STRANGER], [(1, 0)], kinds) == [loop]


def test_the_printed_and_whole_drawings_of_the_wait_leave_it_by_its_top():
    flow = check_file(CASES / "hotel-relocation.flow.yaml").flow
    assert flow is not None
    d = layout_flow(flow)
    plan = print_plan(flow, d, paper("a4"), words(flow.lang), legend_items=6)
    found = 0
    for diagram in [d, *(part.diagram for part in plan.parts)]:
        boxes = {n.key: n.box for n in diagram.nodes}
        for edge in diagram.edges:
            if edge.source == "wait" and edge.target == "room_free":
                first, second = edge.points[0], edge.points[1]
                assert abs(first.y - boxes["wait"].y) < 1.0 and abs(first.x - second.x) < 0.01  # up out of its top
                found += 1
    assert found == 2  # in the whole drawing and in the part that holds both steps


def test_a_line_up_beside_a_stranger_into_the_side_of_the_step_next_to_it_enters_that_step_s_bottom():
    # review 17: "Entregar o novo produto" ran along under the end "Cliente reembolsado" and up beside it into
    # the side of "Novo produto entregue", as if the refunded customer also got the new product
    flipped = [Rect(r.x, -r.bottom, r.width, r.height) for r in BOXES]
    up = tuple(Point(p.x, -p.y) for p in BESIDE)  # BESIDE upside down: along a row, up the channel, into a side
    (moved,) = top_entries([up], flipped, [(0, 1)], KINDS)
    assert moved == _line((400, -30), (160, -30), (160, -200))  # on along its row, up into the bottom's middle


def test_an_off_page_connector_s_tip_never_takes_a_line():
    flipped = [Rect(r.x, -r.bottom, r.width, r.height) for r in BOXES]
    up = tuple(Point(p.x, -p.y) for p in BESIDE)
    assert top_entries([up], flipped, [(0, 1)], ["decision", "offpage", "end"]) == [up]


def test_a_line_down_beside_another_line_s_run_that_stops_on_its_stub_s_row_drops_into_the_top():
    """Review 17: "Yes" came down 20 px beside the loop out of "Email a reminder", whose run stopped 14 px above
    "Yes"'s stub into "Fault fixed remotely": "Email a reminder → Fault fixed remotely". With no step beside
    the channel, the other line's run is the stranger."""
    reminder = Rect(300, 240, 120, 40)  # right of the channel, 40 px off: too far to count as a stranger
    loop = _line((300, 246), (260, 246), (260, 120), (400, 120))  # out of its left, up the channel
    boxes = [SOURCE, TARGET, reminder, Rect(400, 100, 100, 40)]
    beside = _line((400, 30), (240, 30), (240, 260), (220, 260))  # into the target's side at 260
    target = Rect(100, 240, 120, 40)
    boxes[1] = target
    kinds = ["decision", "end", "io", "process"]
    moved, kept = top_entries([beside, loop], boxes, [(0, 1), (2, 3)], kinds)
    assert moved == _line((400, 30), (160, 30), (160, 240))  # on along its row, into the top's middle
    assert kept == loop
    far = _line((300, 226), (260, 226), (260, 120), (400, 120))  # a run 34 px above the stub: no run-on
    assert top_entries([beside, far], boxes, [(0, 1), (2, 3)], kinds)[0] == beside
