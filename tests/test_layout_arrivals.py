"""An arrival running just under a stranger into the target below it enters by the target's side."""

from __future__ import annotations

from flowchart_cli.layout.arrivals import side_arrivals
from flowchart_cli.layout.geometry import Point, Rect

STRANGER = Rect(100, 0, 100, 40)  # "Ask the policyholder", right above the target
TARGET = Rect(100, 70, 100, 40)  # "Loss assessor's report"
SOURCE = Rect(240, -120, 60, 30)  # the decision whose "No" comes down the channel on the right
BOXES = [SOURCE, STRANGER, TARGET]
KINDS = ["process", "io", "document"]
UNDER = (Point(270, -90), Point(270, 52), Point(150, 52), Point(150, 70))  # 12 px under the stranger


def _line(*points: tuple[float, float]) -> tuple[Point, ...]:
    return tuple(Point(x, y) for x, y in points)


def test_a_line_running_under_a_stranger_into_the_shape_below_enters_by_the_side_facing_it():
    (moved,) = side_arrivals([UNDER], BOXES, [(0, 2)], KINDS)
    assert moved == _line((270, -90), (270, 90), (200, 90))  # on down its channel, into the right side


def test_the_same_with_x_and_y_swapped_enters_by_the_top_or_bottom():
    swap = [Rect(r.y, r.x, r.height, r.width) for r in BOXES]
    (moved,) = side_arrivals([tuple(Point(p.y, p.x) for p in UNDER)], swap, [(0, 2)], ["process"] * 3)
    assert moved == _line((-90, 270), (90, 270), (90, 200))


def test_a_line_far_from_any_other_shape_keeps_its_arrival():
    far = (Point(270, -90), Point(270, 60), Point(150, 60), Point(150, 70))
    assert side_arrivals([far], [SOURCE, Rect(100, -200, 100, 40), TARGET], [(0, 2)], KINDS) == [far]


def test_a_side_another_line_uses_stays_free_of_a_second_arrowhead():
    leaving = _line((200, 90), (230, 90), (230, 300))
    assert (
        side_arrivals([UNDER, leaving], [*BOXES, Rect(200, 300, 60, 30)], [(0, 2), (2, 3)], [*KINDS, "end"])[0] == UNDER
    )


def test_no_new_crossing_is_bought_for_it():
    across = _line((400, 80), (235, 80), (235, 200))  # its run would cut the new side stub at (235, 90)
    boxes = [*BOXES, Rect(380, 60, 40, 40), Rect(215, 200, 40, 30)]
    assert side_arrivals([UNDER, across], boxes, [(0, 2), (3, 4)], [*KINDS, "process", "end"])[0] == UNDER


def test_a_run_too_close_for_a_side_stub_moves_out_to_one_when_the_piece_before_it_allows():
    close = _line((260, -100), (208, -100), (208, 52), (150, 52), (150, 70))  # 8 px beside the target
    source = Rect(260, -115, 60, 30)
    (moved,) = side_arrivals([close], [source, STRANGER, TARGET], [(0, 2)], KINDS)
    assert moved == _line((260, -100), (216, -100), (216, 90), (200, 90))


def test_an_off_page_connectors_tip_never_takes_an_arrival():
    swap = [Rect(r.y, r.x, r.height, r.width) for r in BOXES]
    line = [tuple(Point(p.y, p.x) for p in UNDER)]
    assert side_arrivals(line, swap, [(0, 2)], ["process", "io", "offpage"]) == line


def test_a_line_that_merges_into_an_arrival_joins_the_other_line_before_it_passes_a_stranger():
    """Review 10: "Reembolsar o pedido inteiro" ran up a channel right beside "Explicar ao cliente…" and
    into "Avisar o cliente…" level with that step's own line out, as if it came from it, while the line it
    merges with came across nearer the target. It goes on down its channel to that line and joins it."""
    target = Rect(100, 130, 100, 40)  # further below the stranger than TARGET
    other_source = Rect(380, -120, 60, 30)
    boxes = [SOURCE, STRANGER, target, other_source]
    merging = _line((410, -90), (410, 110), (150, 110), (150, 130))  # 70 px under the stranger: no stranger
    passing = _line((270, -90), (270, 52), (150, 52), (150, 130))  # 12 px under it
    moved = side_arrivals([merging, passing], boxes, [(3, 2), (0, 2)], [*KINDS, "process"])
    assert moved[0] == merging
    assert moved[1] == _line((270, -90), (270, 110), (150, 110), (150, 130))


def test_a_side_another_line_into_the_same_shape_takes_is_joined_not_given_up():
    """Review 12: the lines from "Dejar firme el abono" and "Revertir el abono provisional" came up beside
    "Disputa cerrada…" into "Enviar carta de resolución", as if out of the end shape, because a third line
    into "Enviar carta" took the side facing them. They go on down their channel to that line and join it:
    one merged arrival, its tip where the other's is (3 px into the shape's curve)."""
    other_source = Rect(330, 200, 60, 30)
    other = _line((360, 200), (360, 90), (197, 90))  # up beside the target, then into its right side
    boxes = [SOURCE, STRANGER, TARGET, other_source]
    moved = side_arrivals([UNDER, other], boxes, [(0, 2), (3, 2)], [*KINDS, "process"])
    assert moved[0] == _line((270, -90), (270, 90), (197, 90))
    assert moved[1] == other
    # a line on that side to another shape is no line to join: the arrival stays as it was
    leaving = _line((200, 90), (360, 90), (360, 200))
    kept = side_arrivals([UNDER, leaving], boxes, [(0, 2), (2, 3)], [*KINDS, "process"])
    assert kept[0] == UNDER
