"""Level handoffs in LR flows: a handoff to another lane may stay in its column, drawn straight across.

The level drawing is only kept when it is shorter, no larger, crosses no more
lines and has no line over the detour limit; TB flows are never touched.
"""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path

import pytest
from layout_quality import detours, measure

from flowchart_cli.check import check_file
from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.dotgen import ranking_dot
from flowchart_cli.layout.geometry import Diagram, Point, Rect
from flowchart_cli.layout.level import Judged, keeps_level, level_handoffs
from flowchart_cli.layout.ranking import Ranking
from flowchart_cli.loader import load_flow

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
LR_FLOWS = [
    ROOT / "samples" / "refund-request.flow.yaml",
    ROOT / "benchmarks" / "flows" / "onboarding.flow.yaml",
    ROOT / "benchmarks" / "flows" / "cobranca.flow.yaml",
    CASES / "printed" / "online-order-lr.flow.yaml",
    CASES / "printed" / "troca-garantia.flow.yaml",
    CASES / "qa" / "cambio-reserva-hotel.flow.yaml",
    CASES / "qa-c" / "lost-luggage.flow.yaml",
]


def _diagram(path: Path) -> Diagram:
    return layout_flow(check_file(path).flow)


def _inside(point: Point, box: Rect) -> bool:
    return box.x + 1 < point.x < box.right - 1 and box.y + 1 < point.y < box.bottom - 1


# --- which handoffs may stay level -----------------------------------------------------------------------


def test_only_a_handoff_to_another_lane_within_its_stage_into_a_step_with_one_line_in_may_stay_level():
    lane = [0, 1, 1, 2, 0]
    stage = [0, 0, 0, 0, 1]
    marked = [
        (0, 1, False),  # plain handoff, lane 0 → 1: level
        (1, 2, False),  # same lane: never
        (2, 3, False),  # 2 has two lines out: only when not plain
        (2, 4, False),  # into the next stage: never
        (3, 1, True),  # a loop back: never (and gives 1 a second line in)
    ]
    assert level_handoffs(marked, lane, stage) == frozenset()  # 1 has a loop in, 3's source two lines out
    assert level_handoffs(marked, lane, stage, plain=False) == {(2, 3)}
    forward = marked[:4]  # without the loop, 1 has one line in
    assert level_handoffs(forward, lane, stage) == {(0, 1)}
    assert level_handoffs(forward, lane, stage, plain=False) == {(0, 1), (2, 3)}
    assert level_handoffs(forward, lane, None, plain=False) == {(0, 1), (2, 3), (2, 4)}  # no stages


def test_the_level_drawing_is_kept_only_when_shorter_no_larger_and_no_worse_to_read():
    usual = Judged(crossings=2, longest=1.2, length=2000, area=2e6)
    good = Judged(crossings=2, longest=1.4, length=1600, area=1.8e6)
    assert keeps_level(good, usual, limit=1.5)
    assert not keeps_level(Judged(3, 1.0, 1600, 1.8e6), usual, 1.5)  # one more crossing
    assert not keeps_level(Judged(2, 1.6, 1600, 1.8e6), usual, 1.5)  # a line over the limit
    assert not keeps_level(Judged(2, 1.0, 2000, 1.8e6), usual, 1.5)  # no shorter
    assert not keeps_level(Judged(2, 1.0, 1600, 2.1e6), usual, 1.5)  # larger
    assert keeps_level(Judged(2, 1.7, 1600, 1.8e6), Judged(2, 1.8, 2000, 2e6), 1.5)  # no longer than before


def test_a_level_handoff_may_share_a_rank_in_the_dot_text():
    text = ranking_dot(3, [(0, 1, False), (1, 2, False), (2, 0, True)], level=frozenset({(1, 2)}))
    assert "\tn0 -> n1\n" in text
    assert "\tn1 -> n2 [minlen=0]\n" in text
    assert "\tn2 -> n0 [constraint=false]\n" in text


# --- real drawings -----------------------------------------------------------------------------------------


def test_an_lr_handoff_to_the_next_lane_in_one_column_is_one_straight_line():
    d = _diagram(ROOT / "samples" / "refund-request.flow.yaml")
    level = [("form", "received"), ("approve", "batch"), ("refusal", "declined"), ("confirm", "refunded")]
    for source, target in level:
        edge = next(e for e in d.edges if e.source == source and e.target == target)
        a, b = d.node(source).box, d.node(target).box
        assert abs((a.x + a.width / 2) - (b.x + b.width / 2)) < 1  # one column
        assert len(edge.points) == 2 and abs(edge.points[0].x - edge.points[1].x) < 0.5  # straight, vertical
        top, bottom = sorted((a, b), key=lambda box: box.y)
        assert abs(min(p.y for p in edge.points) - top.bottom) < 1.5
        assert abs(max(p.y for p in edge.points) - bottom.y) < 1.5


def test_lr_flows_with_handoffs_are_drawn_shorter_than_one_column_per_step():
    # widths before level handoffs: refund-request 2,014 px, online-order-lr 2,586, troca-garantia 2,854,
    # onboarding 2,828 (the 16-step flow of issue 25)
    bounds = {"refund-request": 1700, "online-order-lr": 2000, "troca-garantia": 2000, "onboarding": 2600}
    for path in LR_FLOWS:
        name = path.name.removesuffix(".flow.yaml")
        if name in bounds:
            assert _diagram(path).width < bounds[name], name


@pytest.mark.parametrize("path", LR_FLOWS, ids=lambda p: p.name.removesuffix(".flow.yaml"))
def test_level_drawings_keep_every_line_readable(path):
    d = _diagram(path)
    q = measure(d)
    assert q.shared_runs == 0
    assert max(detours([e.points for e in d.edges], d.font_size)) <= 1.5
    assert q.arrowheads == 1
    for edge in d.edges:  # no line runs through its own ends' shapes on its way in or out
        source, target = d.node(edge.source).box, d.node(edge.target).box
        assert not any(_inside(p, target) for p in edge.points[:-1]), (edge.source, edge.target)
        assert not any(_inside(p, source) for p in edge.points[1:]), (edge.source, edge.target)


def test_a_tb_flow_never_tries_level_handoffs(monkeypatch):
    flow, _ = load_flow(ROOT / "samples" / "gestion-quejas.flow.yaml")
    seen = []
    import flowchart_cli.layout.stages as stages

    real = stages.rank_nodes

    def spy(*args, **kwargs):
        seen.append(kwargs.get("level", frozenset()))
        return real(*args, **kwargs)

    monkeypatch.setattr(stages, "rank_nodes", spy)
    layout_flow(flow)
    assert seen and not any(seen)


def test_a_flow_ranked_by_a_stand_in_keeps_its_ranks(tmp_path):
    text = textwrap.dedent(
        """
        title: Stand-in
        direction: LR
        lanes: [A, B]
        steps:
          - start: Begin
            lane: A
          - process: Hand over
            lane: B
          - end: Done
        """
    )
    path = tmp_path / "stand-in.flow.yaml"
    path.write_text(text, encoding="utf-8")
    flow = check_file(path).flow
    d = layout_flow(flow, ranker=lambda count, edges, separators: Ranking(tuple(range(count)), (0.0,) * count))
    assert len({round(n.box.x) for n in d.nodes}) == 3  # one column per step, as the stand-in ranked them


@pytest.mark.parametrize("decides", [True, False])
def test_a_level_handoff_always_reaches_its_target_from_the_side_it_enters(decides):
    from flowchart_cli.layout.gridroute import RouteGrid, logical
    from flowchart_cli.layout.routing import plan_routes

    # one step with lines to every other step of its own rank, in every order of their columns: a line
    # whose side is taken leaves by the bottom and comes round the next rank; before, it came up from
    # below into its target's top port, through the shape (58 such lines in these orders)
    wrong = []
    for count in (2, 3, 4):
        for column in itertools.permutations(range(count)):
            rank = (0,) * count
            edges = [(0, k, False) for k in range(1, count)]
            routes, _ = plan_routes(rank, column, [decides] + [False] * (count - 1), edges, columns=count)
            grid = RouteGrid(rank, column, {(0, c) for c in column}, columns=count)
            for route in routes:
                (a0, c0), (a1, c1) = logical(route, grid)[-2:]
                towards = {"t": a0 < a1, "l": c0 < c1, "r": c0 > c1}[route.entry]
                if not towards:
                    wrong.append((column, route.target, route.exit, route.entry, route.refs))
    assert wrong == []
