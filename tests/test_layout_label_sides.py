"""Two outcomes out of one stub: each label by its own branch, never over the other's turn.

Review 16: in reposicion-tarjeta's printed part 1, "Sí" turned left off the
bottom stub of "¿Se confirmó la identidad?" and "No, quedan intentos" went
straight on down. The straight line's label was kept off the free right side
of the stub by the end of "Sí"'s turn, went left over that turn, and "Sí"'s
label went under it beside the straight line: a trainee read the two answers
swapped.
"""

from __future__ import annotations

from pathlib import Path

from flowchart_cli.check import check_file
from flowchart_cli.handout.paper import paper
from flowchart_cli.handout.printed import print_plan
from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.geometry import Point, Rect, label_box
from flowchart_cli.layout.labels import LabelRequest, place_labels
from flowchart_cli.words import words

CASES = Path(__file__).parent / "layout_cases"
SIZE = 11.0
DIAMOND = Rect(600, 300, 200, 114)  # its bottom point at (700, 414)
TURNING = (Point(700, 414), Point(700, 438), Point(410, 438), Point(410, 450))  # "Sí", off left to a connector
STRAIGHT = (Point(700, 414), Point(700, 460))  # "No, quedan intentos", on down into the step below


def _placed(text: str, at: tuple[Point | None, str, int]) -> Rect:
    point, anchor, wrap = at
    assert point is not None
    return label_box(text, point, anchor, SIZE, "", wrap)


def test_a_straight_outcome_labels_the_side_of_its_stub_the_other_does_not_turn_to():
    requests = [
        LabelRequest("No, quedan intentos", STRAIGHT, 0, DIAMOND, 0),
        LabelRequest("Sí", TURNING, 1, DIAMOND, 0),
    ]
    border = Rect(800, 280, 0, 300)  # a lane border: the label on one line would straddle it
    shapes = [DIAMOND, Rect(620, 460, 160, 48), Rect(360, 450, 100, 60), border]
    straight, turning = place_labels(requests, [STRAIGHT, TURNING], shapes, False, SIZE)
    straight_box, turning_box = _placed("No, quedan intentos", straight), _placed("Sí", turning)
    assert straight_box.x > 700  # right of the stub, the side "Sí" does not turn to
    assert turning_box.right < 700 and turning_box.bottom <= 438  # above its own run, left of the stub


def test_in_the_printed_part_the_two_answers_label_their_own_branches():
    flow = check_file(CASES / "reposicion-tarjeta.flow.yaml").flow
    assert flow is not None
    plan = print_plan(flow, layout_flow(flow), paper("a4"), words(flow.lang), legend_items=6)
    (part,) = [part for part in plan.parts if "id_ok" in {node.key for node in part.diagram.nodes}]
    edges = {edge.label: edge for edge in part.diagram.edges if edge.source == "id_ok"}
    yes, on = edges["Sí"], edges["No, quedan intentos"]
    assert yes.points[0] == on.points[0] and len(on.points) == 2  # one stub: "Sí" turns off, the other goes on
    trunk_x, turn_y = on.points[0].x, yes.points[1].y
    assert on.label_box is not None and yes.label_box is not None
    assert on.label_box.x > trunk_x  # beside the stub on the side "Sí" does not turn to
    left = yes.points[2].x < trunk_x
    assert (yes.label_box.right < trunk_x) if left else (yes.label_box.x > trunk_x)
    assert yes.label_box.bottom <= turn_y  # above its own run, not under it beside the line going on


def test_a_label_with_no_room_on_one_line_by_its_corner_sits_there_on_two_not_far_along_its_line():
    """Review 17: "Não, com avarias" on one line found no room by its decision (a lane border and a line beside
    it) and went 200 px on, to a run far from the decision; set narrower it fits by the corner."""
    stub = (Point(700, 300), Point(560, 300), Point(560, 500), Point(100, 500))  # left, down, on left far
    diamond = Rect(700, 250, 160, 100)
    border = Rect(470, 0, 0, 800)  # a lane border 90 px left of the corner: one line straddles it
    crossing = (Point(660, 200), Point(660, 600))  # another line down across the stub, 40 px from the tip
    requests = [LabelRequest("Não, com avarias", stub, 0, diamond, 0), None]
    box = _placed("Não, com avarias", place_labels(requests, [stub, crossing], [diamond, border], False, SIZE)[0])
    assert box.height > 1.5 * SIZE  # on two lines
    assert box.bottom <= 500 - 6 and box.y >= 200  # by the first two runs, not along the far one
    assert not (box.x < 470 < box.right)
