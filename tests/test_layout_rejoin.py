"""Two lines into one top join where the later one can: one trunk down the column, not two parallel lines."""

from __future__ import annotations

from pathlib import Path

from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.gridroute import Route, RouteGrid
from flowchart_cli.layout.rejoin import rejoin_trunks
from flowchart_cli.loader import load_flow

CASES = Path(__file__).parent / "layout_cases"

# column 0: A (rank 0), B in the way (rank 2), the target T (rank 5); column 1: C (rank 3) and D (rank 1)
A, B, C, T, D = range(5)
RANK = [0, 2, 3, 5, 1]
COLUMN = [0, 0, 1, 0, 1]
AROUND = [("h", 1), ("g", 0), ("h", 5), ("pt", 0)]  # A round B by the channel on its left, in just above T


def _grid() -> RouteGrid:
    return RouteGrid(RANK, COLUMN, set(zip(RANK, COLUMN, strict=True)), columns=2)


def test_a_line_round_a_shape_joins_the_line_already_running_down_to_the_same_top():
    around = Route(A, T, False, refs=list(AROUND))
    partner = Route(C, T, False, refs=[("h", 4), ("pt", 0)])  # along under C, into the column, down to T
    assert rejoin_trunks([around, partner], _grid())
    assert around.refs == [("h", 1), ("g", 0), ("h", 4), ("pt", 0)]
    assert partner.refs == [("h", 4), ("pt", 0)]


def test_no_join_right_under_a_shape_whose_bottom_sends_a_line():
    partner = Route(C, T, False, refs=[("h", 3), ("pt", 0)])  # in right under B
    out_of_b = Route(B, D, False, refs=[("h", 3), ("g", 1), ("h", 1), ("pt", 0)])
    around = Route(A, T, False, refs=list(AROUND))
    assert not rejoin_trunks([around, partner, out_of_b], _grid())
    assert around.refs == AROUND
    out_of_b.exit = "l"  # B's line leaves by a side instead: its bottom is free
    out_of_b.refs = [("g", 0), ("h", 1), ("pt", 0)]
    assert rejoin_trunks([around, partner, out_of_b], _grid())
    assert around.refs[-2] == ("h", 3)


def test_nothing_to_join_leaves_the_line_as_it_was():
    around = Route(A, T, False, refs=list(AROUND))
    into_side = Route(C, T, False, entry="r", refs=[("h", 4), ("g", 1), ("pt", 0)])  # a side: no shared trunk
    assert not rejoin_trunks([around, into_side], _grid())
    assert around.refs == AROUND


def test_the_travel_claims_two_early_closes_share_one_trunk_down_four_stages():
    # "Send the 'no cover' letter" (stage 1) and "Close as 'no documents received'" (stage 2) both end at
    # "Claim closed" (stage 5): one line down the drawing, not two side by side crossing everything twice
    flow, diagnostics = load_flow(CASES / "travel-insurance-claim.flow.yaml")
    assert flow is not None, diagnostics
    diagram = layout_flow(flow)
    into = {edge.source: edge for edge in diagram.edges if edge.target == "closed"}
    first, second = into["no_cover_letter"], into["lapse"]

    def last_run(points):
        end, before = points[-1], points[-2]
        assert end.x == before.x  # down into the top
        return end.x, before.y, end.y

    x1, top1, bottom1 = last_run(first.points)
    x2, top2, bottom2 = last_run(second.points)
    assert (x1, bottom1) == (x2, bottom2)
    shared = bottom1 - max(top1, top2)
    assert shared > diagram.height / 2
