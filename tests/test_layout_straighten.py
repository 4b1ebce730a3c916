"""A line out of a side that jogs down a channel and back over its target drops straight onto it instead.

Review 11: "Account suspended" left its decision's corner, ran down the channel beside connector B and
back along its top edge, under its letter, into its top: a Z where an L says the same.
"""

from __future__ import annotations

from pathlib import Path

from flowchart_cli.check import check_file
from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.geometry import Point, Rect
from flowchart_cli.layout.straighten import straight_drops

DECISION = Rect(0, 0, 100, 60)  # its right corner at (100, 30)
TARGET = Rect(180, 120, 80, 40)  # below and to the right: its top's middle at (220, 120)
CASES = Path(__file__).parent / "layout_cases"
Z = (Point(100, 30), Point(150, 30), Point(150, 100), Point(220, 100), Point(220, 120))


def _line(*points: tuple[float, float]) -> tuple[Point, ...]:
    return tuple(Point(x, y) for x, y in points)


def test_a_z_out_of_a_corner_into_a_top_becomes_an_l():
    (line,) = straight_drops([Z], [DECISION, TARGET], [(0, 1)])
    assert line == _line((100, 30), (220, 30), (220, 120))


def test_the_same_with_x_and_y_swapped():
    swap = [Rect(r.y, r.x, r.height, r.width) for r in (DECISION, TARGET)]
    (line,) = straight_drops([tuple(Point(p.y, p.x) for p in Z)], swap, [(0, 1)])
    assert line == _line((30, 100), (30, 220), (120, 220))


def test_a_z_stays_where_the_l_would_cross_more_or_pass_a_shape_or_join_a_merged_arrival():
    crossing = _line((200, -50), (200, 60))  # a line down across the row the L would run along
    assert straight_drops([Z, crossing], [DECISION, TARGET, Rect(300, -80, 40, 20)], [(0, 1), (2, 1)])[0] == Z
    in_the_way = Rect(190, 20, 20, 20)  # a shape on the row
    assert straight_drops([Z], [DECISION, TARGET, in_the_way], [(0, 1)])[0] == Z
    merged = _line((400, 100), (220, 100), (220, 120))  # another line into the same top: a trunk
    assert straight_drops([Z, merged], [DECISION, TARGET, Rect(400, 80, 40, 40)], [(0, 1), (2, 1)])[0] == Z


PAST = (Point(100, 30), Point(300, 30), Point(300, 100), Point(220, 100), Point(220, 120))  # past and back


def test_a_line_past_its_target_and_back_drops_onto_it_where_its_label_keeps_its_run():
    # review 14: "No reply in 30 min" ran past "Call the customer" to the channel its way back came up, down
    # it and back over into the top; on the page, one line with the way back
    assert straight_drops([PAST], [DECISION, TARGET], [(0, 1)]) == [PAST]  # no label room given: kept
    (line,) = straight_drops([PAST], [DECISION, TARGET], [(0, 1)], stubs=[100.0])
    assert line == _line((100, 30), (220, 30), (220, 120))
    assert straight_drops([PAST], [DECISION, TARGET], [(0, 1)], stubs=[130.0]) == [PAST]  # the label's run


def test_review_14s_no_reply_drops_straight_into_call_the_customer():
    flow = check_file(CASES / "card-fraud-alert.flow.yaml").flow
    diagram = layout_flow(flow)
    line = next(e for e in diagram.edges if e.source == "reply" and e.target == "call")
    call = next(n.box for n in diagram.nodes if n.key == "call")
    assert len(line.points) == 3  # an L: along its row, then down into the top
    assert line.points[-1].y == call.y and call.x < line.points[1].x < call.right
    loop = [e for e in diagram.edges if e.target == "call" and e.back]
    assert loop and all(p.x != line.points[1].x for e in loop for p in e.points)  # not on the way back's x


def test_review_11s_account_suspended_drops_straight_onto_its_connector_in_the_printed_part():
    from flowchart_cli.handout.paper import PAPERS
    from flowchart_cli.handout.printed import print_plan
    from flowchart_cli.words import words

    flow = check_file(CASES / "internet-outage.flow.yaml").flow
    part = print_plan(flow, layout_flow(flow), PAPERS["a4"], words("en")).parts[0].diagram
    for label in ("Account suspended", "No"):
        line = next(e for e in part.edges if e.source == "area" and e.label == label)
        assert len(line.points) == 3 and line.points[0].y == line.points[1].y, label  # an L
