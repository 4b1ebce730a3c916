"""Two lines into one step that cross on their way there join where they cross (one arrival, no crossing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from layout_quality import crossing_pairs

from flowchart_cli.check import check_file
from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.crossed_arrivals import crossed_arrivals_joined
from flowchart_cli.layout.geometry import Point
from flowchart_cli.options import RenderOptions

CASES = Path(__file__).parent / "layout_cases"


def _line(*points: tuple[float, float]) -> tuple[Point, ...]:
    return tuple(Point(x, y) for x, y in points)


def test_the_line_that_meets_the_other_first_joins_it_there():
    down = _line((845, 1010), (510, 1010), (510, 2327), (408, 2327))  # down a channel into the side
    across = _line((954, 2098), (954, 2180), (344, 2180), (344, 2301))  # along a row into the top
    joined = crossed_arrivals_joined([down, across], [(0, 9), (1, 9)])
    assert joined[1] == across
    assert joined[0] == _line((845, 1010), (510, 1010), (510, 2180), (344, 2180), (344, 2301))
    assert crossing_pairs([list(line) for line in joined]) == []


def test_lines_into_different_steps_keep_their_crossing():
    down = _line((845, 1010), (510, 1010), (510, 2327), (408, 2327))
    across = _line((954, 2098), (954, 2180), (344, 2180), (344, 2301))
    assert crossed_arrivals_joined([down, across], [(0, 9), (1, 8)]) == [down, across]


def test_no_join_on_the_other_lines_stub_out_of_its_step():
    """A join on the other line's first piece would read as the line going into that line's source."""
    down = _line((100, 0), (100, 40), (300, 40), (300, 400), (280, 400))
    stub = _line((200, 100), (400, 100), (400, 300), (320, 300))  # its first piece crosses x = 300
    assert crossed_arrivals_joined([down, stub], [(0, 9), (1, 9)])[0] == down


def test_a_join_that_would_make_the_line_much_longer_is_not_taken():
    short = _line((0, 0), (0, 50), (100, 50), (100, 60))  # crosses the other near its end, far from its way
    long = _line((-200, 30), (-200, 40), (50, 40), (50, 1000), (100, 1000), (100, 70))
    assert crossed_arrivals_joined([short, long], [(0, 9), (1, 9)])[0] == short


@pytest.mark.parametrize("numbers", [False, True])
def test_review_12s_crossed_arrivals_into_return_refused_are_one_arrival(numbers):
    flow = check_file(CASES / "online-returns.flow.yaml").flow
    d = layout_flow(flow, RenderOptions(numbers=numbers, even_text=numbers))
    into = [e for e in d.edges if e.target == "end_refused"]
    assert len(into) == 2
    assert len({(round(e.points[-1].x, 1), round(e.points[-1].y, 1)) for e in into}) == 1  # one arrowhead
    assert crossing_pairs([e.points for e in into]) == []
