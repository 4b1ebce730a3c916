"""The crossing counter of the peer benchmark (benchmarks/layout_peers.py) on hand-made drawings.

The peers themselves (Graphviz, D2, Mermaid) are not run here: only the
reading of SVG edge paths and the counting, which must agree with the count
of our own orthogonal lines (:func:`layout_quality.crossing_pairs`).
"""

from __future__ import annotations

import sys

import pytest
from layout_peers import (
    PeerFailed,
    _run,
    crossing_points,
    lanes_in_order,
    path_polylines,
    seen_crossings,
    svg_group_box,
    svg_polylines,
)
from layout_quality import crossing_pairs

from flowchart_cli.layout.geometry import Point

SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400">
  <g class="edgePaths">
    <path class="flowchart-link" d="M0,0 C100,0 100,200 200,200"/>
    <g transform="translate(0, 200)">
      <path class="flowchart-link" d="M0,0 C100,0 100,-200 200,-200"/>
    </g>
    <path class="flowchart-link" d="M 300 0 L 300 100 L 200 100"/>
    <path class="flowchart-link edge-thickness-invisible" d="M0,100 L400,100"/>
    <path class="node" d="M0,50 L400,50"/>
  </g>
</svg>"""


def _links(element) -> bool:
    classes = element.get("class", "").split()
    return "flowchart-link" in classes and "edge-thickness-invisible" not in classes


def test_two_curves_forming_an_x_cross_once_and_a_line_ending_on_one_does_not():
    lines = svg_polylines(SVG, _links)
    assert len(lines) == 3  # the invisible link and the node outline are not flow lines
    assert lines[1][0] == (0.0, 200.0) and lines[1][-1] == (200.0, 0.0)  # the group's translate applied
    found = crossing_points(lines)
    assert [(a, b) for a, b, _ in found] == [(0, 1)]
    x, y = found[0][2]
    assert abs(x - 100) < 1 and abs(y - 100) < 1
    # the third line's last piece ends at (200, 100), short of the curves' crossing: it touches nothing
    assert all(2 not in pair[:2] for pair in found)


def test_touching_and_overlapping_lines_do_not_cross():
    lines = [
        [(0.0, 0.0), (100.0, 0.0)],
        [(50.0, 0.0), (50.0, 100.0)],  # starts on the first line: a merge, not a crossing
        [(0.0, 0.0), (100.0, 0.0), (100.0, 50.0)],  # on top of the first line (a shared trunk)
    ]
    assert crossing_points(lines) == []
    bounce = [[(0.0, 0.0), (50.0, 50.0), (100.0, 0.0)], [(0.0, 50.0), (100.0, 50.0)]]  # a tip touching a line
    assert crossing_points(bounce) == []
    through = [[(0.0, 0.0), (50.0, 50.0), (100.0, 100.0)], [(0.0, 50.0), (100.0, 50.0)]]  # through a vertex
    assert [(a, b) for a, b, _ in crossing_points(through)] == [(0, 1)]
    kiss = [[(0.0, 0.0), (50.0, 50.0), (100.0, 0.0)], [(0.0, 100.0), (50.0, 50.0), (100.0, 100.0)]]  # tips meet
    assert crossing_points(kiss) == []
    x = [[(0.0, 0.0), (50.0, 50.0), (100.0, 100.0)], [(0.0, 100.0), (50.0, 50.0), (100.0, 0.0)]]  # an X on vertices
    assert [(a, b) for a, b, _ in crossing_points(x)] == [(0, 1)]


def test_relative_and_shorthand_path_commands():
    (line,) = path_polylines("m10,10 h20 v20 l-20,0 z")
    assert line == [(10.0, 10.0), (30.0, 10.0), (30.0, 30.0), (10.0, 30.0), (10.0, 10.0)]
    (curve,) = path_polylines("M0 0 Q50 100 100 0 T200 0")
    assert curve[0] == (0.0, 0.0) and curve[-1] == (200.0, 0.0)
    assert max(y for _, y in curve) > 40  # the quadratic was sampled, not cut to its ends


def test_on_orthogonal_lines_it_counts_as_ours():
    lines = [
        [(0.0, 50.0), (200.0, 50.0)],
        [(50.0, 0.0), (50.0, 100.0), (150.0, 100.0), (150.0, 0.0)],  # crosses the first twice
        [(100.0, 0.0), (100.0, 50.0)],  # ends on the first: no crossing
        [(0.0, 80.0), (200.0, 80.0)],  # crosses the second twice
    ]
    ours = crossing_pairs([[Point(x, y) for x, y in line] for line in lines])
    assert sorted((a, b) for a, b, _ in crossing_points(lines)) == sorted(ours) == [(0, 1), (0, 1), (1, 3), (1, 3)]


def test_a_line_across_two_lines_drawn_on_top_of_each_other_is_seen_once():
    trunk = [(100.0, 0.0), (100.0, 200.0)]
    lines = [
        [(0.0, 0.0), *trunk],  # two lines merged into one arrival: one trunk on the page
        [(200.0, 0.0), *trunk],
        [(0.0, 100.0), (200.0, 100.0)],  # across the trunk: two pairs, one mark
        [(120.0, 150.0), (180.0, 150.0), (180.0, 250.0)],  # crosses nothing
        [(50.0, -20.0), (50.0, 180.0)],  # crosses the third line and the first line's lead-in (elsewhere)
    ]
    found = crossing_points(lines)
    assert len(found) == 4
    assert seen_crossings(found) == 3
    assert seen_crossings([]) == 0


def test_a_peer_that_hangs_or_fails_is_reported_not_raised():
    with pytest.raises(PeerFailed, match="timed out"):
        _run([sys.executable, "-c", "import time; time.sleep(30)"], 0.5)
    with pytest.raises(PeerFailed, match="exit 3: broken"):
        _run([sys.executable, "-c", "import sys; print('broken', file=sys.stderr); sys.exit(3)"], 10)


D2_LANES = """<svg xmlns="http://www.w3.org/2000/svg">
  <g class="bGFuZTA="><g class="shape"><rect x="400" y="10" width="200" height="500"/></g><text>Cliente</text></g>
  <g class="bGFuZTAuc3RhcnQ="><g class="shape"><rect x="420" y="40" width="100" height="40"/></g></g>
  <g class="bGFuZTE="><g class="shape"><rect x="10" y="10" width="300" height="500"/></g></g>
</svg>"""


def test_a_d2_container_is_found_by_its_path_in_base64_and_moved_lanes_are_told():
    first, second = svg_group_box(D2_LANES, "bGFuZTA="), svg_group_box(D2_LANES, "bGFuZTE=")  # lane0, lane1
    assert first == (400.0, 10.0, 600.0, 510.0) and second == (10.0, 10.0, 310.0, 510.0)
    assert svg_group_box(D2_LANES, "bGFuZTI=") is None
    assert not lanes_in_order({0: first, 1: second}, 2, lr=False)  # the customer's lane moved right
    assert lanes_in_order({0: second, 1: first}, 2, lr=False)
    assert lanes_in_order({0: first, 1: second}, 2, lr=True) is False  # side by side across x, not y


def test_lanes_in_order_passes_over_a_lane_without_a_container_and_fails_overlapping_ones():
    left, middle, right = (0.0, 0.0, 100.0, 50.0), (100.5, 0.0, 200.0, 50.0), (150.0, 0.0, 300.0, 50.0)
    assert lanes_in_order({0: left, 2: middle}, 3, lr=False)
    assert not lanes_in_order({0: left, 1: middle, 2: right}, 3, lr=False)  # right starts inside middle
    rows = {0: (0.0, 0.0, 500.0, 80.0), 1: (0.0, 90.0, 500.0, 200.0)}
    assert lanes_in_order(rows, 2, lr=True)
