"""Two lines merging into one arrival from opposite ends of one channel part: one enters by another side.

Review 8: "Covered" came down and "Disputes" came up one vertical, both turning into the left side of "Ask for
photos, receipts and a plumber's report" at one corner; the page showed one long line with an arrowhead off its
middle.
"""

from __future__ import annotations

from pathlib import Path

from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.geometry import Point, Rect
from flowchart_cli.layout.opposed import parted_arrivals
from flowchart_cli.loader import load_flow
from flowchart_cli.options import RenderOptions

TARGET = Rect(100, 200, 120, 40)  # "Ask for photos…", its left side at x = 100, middle y = 220
ABOVE = Rect(-100, 0, 100, 40)  # "Is the loss covered?"
BELOW = Rect(-100, 500, 100, 40)  # "Does the policyholder accept the offer?"
BOXES = [ABOVE, BELOW, TARGET]
KINDS = ["decision", "decision", "io"]
ENDS = [(0, 2), (1, 2)]
COVERED = (Point(0, 20), Point(50, 20), Point(50, 220), Point(100, 220))  # down the channel at x = 50
DISPUTES = (Point(0, 520), Point(50, 520), Point(50, 220), Point(100, 220))  # up the same channel


def _line(*points: tuple[float, float]) -> tuple[Point, ...]:
    return tuple(Point(x, y) for x, y in points)


def test_the_line_coming_down_enters_the_top_far_enough_from_the_other_line_s_corner():
    covered, disputes = parted_arrivals([COVERED, DISPUTES], BOXES, ENDS, KINDS)
    assert disputes == DISPUTES
    # the turn 41 px above the other line's corner (less would read as one broken line), into the top's middle
    assert covered == _line((0, 20), (50, 20), (50, 179), (160, 179), (160, 200))


def test_a_taken_top_sends_the_line_coming_up_into_the_bottom_instead():
    leaving_top = _line((160, 200), (160, 150), (400, 150))  # another line leaves by the top
    boxes = [*BOXES, Rect(400, 130, 40, 40)]
    covered, disputes, _ = parted_arrivals([COVERED, DISPUTES, leaving_top], boxes, [*ENDS, (2, 3)], [*KINDS, "end"])
    assert covered == COVERED
    assert disputes == _line((0, 520), (50, 520), (50, 261), (160, 261), (160, 240))


def test_two_lines_along_a_row_from_both_sides_into_a_top_stay_one_merge():
    """Rotated, the same meeting is the usual drawing of a merge: from left and right into one drop."""
    swap = [Rect(r.y, r.x, r.height, r.width) for r in BOXES]
    lines = [tuple(Point(p.y, p.x) for p in line) for line in (COVERED, DISPUTES)]
    assert parted_arrivals(lines, swap, ENDS, ["decision", "decision", "process"]) == lines


def test_no_line_is_moved_closer_than_the_track_gap_to_a_lane_border():
    border = _line((0, 185), (300, 185))  # 6 px from the new piece at y = 179, and 15 px from one at 184
    assert parted_arrivals([COVERED, DISPUTES], BOXES, ENDS, KINDS, [border])[0] != _line(
        (0, 20), (50, 20), (50, 179), (160, 179), (160, 200)
    )


def test_lines_that_meet_from_both_ways_are_parted_on_a_real_flow() -> None:
    """gym-cancellation: "No, cancel" came down and the "Pay the balance" loop came up one vertical into
    "Check the outstanding balance"; now "No, cancel" enters its top."""
    flow, _ = load_flow(Path(__file__).parent / "layout_cases" / "gym-cancellation.flow.yaml")
    diagram = layout_flow(flow, RenderOptions())
    box = next(n.box for n in diagram.nodes if n.key == "balance")
    into = {e.source: e.points[-1] for e in diagram.edges if e.target == "balance"}
    assert len(into) == 2 and len(set(into.values())) == 2  # two arrowheads, not one shared
    assert any(abs(end.y - box.y) < 2 for end in into.values())  # one by the top


# along a row: "Sim" comes down at x = 30 from the left and runs right at y = 150 to drop into the top of the
# target; the way back from "Esperar 2 h…" comes up at x = 400 on the right and runs left to the same corner
SIM = _line((30, -50), (30, 150), (160, 150), (160, 200))
BACK = _line((400, 300), (400, 150), (160, 150), (160, 200))
ROW_BOXES = [Rect(-20, -100, 100, 40), Rect(350, 300, 100, 40), TARGET]


def test_a_way_back_meeting_a_line_head_on_along_a_row_parts_from_it():
    """Review 10: the row from "Sim" to the way back from "Esperar 2 h e cobrar a resposta do restaurante"
    read as "Sim → Esperar 2 h". The line going forward goes on down its channel into the side facing it."""
    sim, back = parted_arrivals([SIM, BACK], ROW_BOXES, ENDS, ["decision", "delay", "process"], back=[False, True])
    assert sim == _line((30, -50), (30, 220), (100, 220))  # into the left side, at its middle
    assert back == BACK


def test_two_lines_going_forward_along_a_row_into_one_top_stay_merged():
    """Two branches from both sides meeting over a shape and dropping into it is the usual drawing of a merge."""
    lines = parted_arrivals([SIM, BACK], ROW_BOXES, ENDS, ["decision", "delay", "process"], back=[False, False])
    assert lines == [SIM, BACK]


def test_review_10s_way_back_and_sim_enter_confirmar_by_two_sides():
    flow, _ = load_flow(Path(__file__).parent / "layout_cases" / "reembolso-delivery.flow.yaml")
    d = layout_flow(flow, RenderOptions())
    box = next(n.box for n in d.nodes if n.key == "restaurante_ok")
    sim = next(e for e in d.edges if e.source == "enviou" and e.target == "restaurante_ok")
    back = next(e for e in d.edges if e.source == "lembrete" and e.target == "restaurante_ok")
    assert abs(sim.points[-1].x - box.x) < 2 and sim.points[-1] != back.points[-1]
    assert abs(back.points[-1].y - box.y) < 2  # the way back still into the top


def test_a_line_coming_down_joins_the_arrival_that_takes_the_top_where_it_turns_in():
    # review 15: "Sim" came down and the way back from "Ligar para o segurado e reagendar" came up one channel
    # into the side of "Agendar data e hora", and read as "Sim → Ligar"; "Agendar"'s top took a line along its
    # row from the other side, which "Sim" now meets there head on: one arrowhead for both
    source = Rect(400, 100, 60, 40)
    along = _line((430, 140), (430, 188), (160, 188), (160, 200))  # into the top, along its row from the right
    boxes = [*BOXES, source]
    ends = [*ENDS, (3, 2)]
    covered, disputes, into_top = parted_arrivals([COVERED, DISPUTES, along], boxes, ends, [*KINDS, "process"])
    assert disputes == DISPUTES and into_top == along
    assert covered == _line((0, 20), (50, 20), (50, 188), (160, 188), (160, 200))
    # from this line's side along the row, the two would run on top of each other: no join
    beside = _line((-40, 140), (-40, 150), (30, 150), (30, 188), (160, 188), (160, 200))
    boxes = [*BOXES, Rect(-60, 100, 40, 40)]
    lines = parted_arrivals([COVERED, DISPUTES, beside], boxes, ends, [*KINDS, "process"])
    assert lines[0] == COVERED
    # a line leaving by the top: no join
    leaving = _line((160, 200), (160, 150), (400, 150))
    boxes = [*BOXES, Rect(400, 130, 40, 40)]
    lines = parted_arrivals([COVERED, DISPUTES, leaving], boxes, [*ENDS, (2, 3)], [*KINDS, "end"])
    assert lines[0] == COVERED


def test_review_15s_merges_from_both_ends_of_a_channel_are_parted_in_the_test_drawings():
    from flowchart_cli.layout.opposed import _meeting

    cases = Path(__file__).parent / "layout_cases"
    for name, target, down in (("warranty-repair", "diagnose", "warranty"), ("delayed-baggage", "schedule", "found")):
        flow, _ = load_flow(cases / f"{name}.flow.yaml")
        diagram = layout_flow(flow, RenderOptions())
        assert not _meeting([e.points for e in diagram.edges], along_row=False), name
        box = next(n.box for n in diagram.nodes if n.key == target)
        line = next(e for e in diagram.edges if e.source == down and e.target == target)
        assert line.points[-1].y == box.y and line.points[-2].x == line.points[-1].x, name  # down into the top
