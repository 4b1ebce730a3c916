"""The geometry of real layouts: aligned bands, shapes inside their lanes, lines that avoid shapes."""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path

import pytest

from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.geometry import Diagram, Point, Rect
from flowchart_cli.layout.outcome_text import LEADING, outcome_lines
from flowchart_cli.loader import load_flow, load_text
from flowchart_cli.model import Flow, flow_edges
from flowchart_cli.options import RenderOptions

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"

EVERY_SYMBOL = """
title: Every symbol
direction: {direction}
lanes:
  - Sales
  - id: ops
    name: Operations and logistics
  - Finance
steps:
  - start: Order arrives
    lane: Sales
  - io: Order form received
  - manual_input: Type the order into the system
    lane: ops
  - database: Orders database
  - preparation: Prepare the picking list
  - id: check
    decision: Is everything in stock?
    branches:
      Yes: pick
      No: wait
  - id: wait
    delay: Wait for the supplier
    next: check
  - id: pick
    manual: Pick and pack by hand
  - document: Delivery note
  - documents: Invoice copies
    lane: Finance
  - subprocess: Bill the customer
  - connector: A
  - connector: A
  - offpage: Continue in returns
  - end: Done
"""

LOOPS = """
title: Loops without lanes
direction: {direction}
steps:
  - start: Begin
  - id: a
    process: Analyse the request
  - id: q
    decision: Complete?
    branches:
      Yes: b
      No: ask
  - id: ask
    process: Ask for the missing data
    next: a
  - id: b
    process: Approve
  - id: q2
    decision: Customer satisfied?
    branches:
      Yes: done
      No: a
      Maybe: b
      Again: q2x
  - id: q2x
    process: Retry the same check
    next: q2
  - id: done
    end: Done
"""


MULTI = """
title: Four outcomes
lanes: [Desk, Team A, Team B]
steps:
  - start: Ticket arrives
    lane: Desk
  - id: route
    decision: Which team handles the ticket?
    branches:
      Hardware: hw
      Software: sw
      Network: net
      Unknown: triage
  - id: hw
    process: Replace the part
    lane: Team A
    next: close
  - id: sw
    process: Patch the software
    lane: Team B
    next: close
  - id: net
    process: Fix the network
    lane: Team B
    next: close
  - id: triage
    process: Triage by hand
    lane: Desk
    next: route
  - id: close
    end: Ticket closed
    lane: Desk
"""


SELF_LOOP = """
title: Self loop and an unused lane
lanes: [Ops, Unused lane with a long name, Other]
steps:
  - start: Begin
    lane: Ops
  - id: retry
    decision: Did the upload work?
    branches:
      No: retry
      Yes: done
  - id: done
    end: Done
"""


def _big(count: int, lanes: int = 4) -> str:
    lines = ["title: Big", "lanes:"] + [f"  - L{i}" for i in range(lanes)] + ["steps:", "  - start: S", "    lane: L0"]
    for i in range(1, count - 1):
        lane = f"L{i % lanes}"
        if i % 7 == 3:
            lines += [
                f"  - id: s{i}",
                f"    decision: Check {i}?",
                f"    lane: {lane}",
                "    branches:",
                f"      Yes: s{i + 1}",
                f"      No: s{max(1, i - 2)}",
            ]
        else:
            lines += [f"  - id: s{i}", f"    process: Step number {i} of the work", f"    lane: {lane}"]
    lines += [f"  - id: s{count - 1}", "    end: E", "    lane: L1"]
    return "\n".join(lines) + "\n"


def _flows(tmp_path: Path) -> list[Path]:
    texts = {f"sym_{d}": EVERY_SYMBOL.format(direction=d) for d in ("TB", "LR")}
    texts |= {f"loops_{d}": LOOPS.format(direction=d) for d in ("TB", "LR")}
    texts["big"] = _big(40)
    texts["multi"] = MULTI
    texts["self"] = SELF_LOOP
    texts["multi_lr"] = MULTI.replace("title:", "direction: LR\ntitle:")
    paths = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.flow.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        paths.append(path)
    paths += sorted(CASES.glob("ok_*.flow.yaml")) + sorted(CASES.glob("text_*.flow.yaml"))
    return paths + sorted((ROOT / "samples").glob("*.flow.yaml"))


@pytest.fixture(scope="module")
def diagrams(tmp_path_factory) -> list[Diagram]:
    out = []
    for path in _flows(tmp_path_factory.mktemp("flows")):
        flow, diagnostics = load_flow(path)
        assert flow is not None, diagnostics
        out.append(layout_flow(flow))
        out.append(layout_flow(flow, RenderOptions(edges="spline")))
        FLOWS[id(out[-1])] = FLOWS[id(out[-2])] = flow
    return out


FLOWS: dict[int, Flow] = {}
"""The flow each laid-out diagram came from (the geometry no longer carries the model)."""


def flow_of(d: Diagram) -> Flow:
    return FLOWS[id(d)]


def _overlap(a: Rect, b: Rect, slack: float = 0.5) -> bool:
    return a.x + slack < b.right and b.x + slack < a.right and a.y + slack < b.bottom and b.y + slack < a.bottom


def _segment_box(p: Point, q: Point) -> Rect:
    return Rect(min(p.x, q.x), min(p.y, q.y), abs(p.x - q.x), abs(p.y - q.y))


def test_every_step_and_edge_is_laid_out(diagrams):
    for d in diagrams:
        assert [n.key for n in d.nodes] == [s.key for s in flow_of(d).steps]
        joined: dict[tuple[str, str], list[str]] = {}
        for e in flow_edges(flow_of(d)):
            joined.setdefault((e.source, e.target), []).append(e.label)
        # outcomes of one step that lead to the same step are one line naming them all
        expected = [(s, t, " / ".join(label for label in labels if label)) for (s, t), labels in joined.items()]
        assert [(e.source, e.target, e.label) for e in d.edges] == expected


def test_bands_are_aligned_disjoint_and_hold_their_steps(diagrams):
    for d in diagrams:
        assert len(d.lanes) == len(flow_of(d).lanes)
        bands = [lane.band for lane in d.lanes]
        tb = d.direction == "TB"
        for band in bands:
            if tb:
                assert (band.y, band.height) == (bands[0].y, bands[0].height)
            else:
                assert (band.x, band.width) == (bands[0].x, bands[0].width)
            assert band.x >= 0 and band.right <= d.width and band.y >= 0 and band.bottom <= d.height
        for first, second in itertools.pairwise(bands):
            if tb:
                assert first.right <= second.x + 0.01
            else:
                assert first.bottom <= second.y + 0.01
        by_id = {lane.id: lane for lane in d.lanes}
        for node in d.nodes:
            if d.lanes:
                lane = by_id[node.lane]
                assert lane.band.contains(node.box), (node.key, lane.id)
                assert not _overlap(lane.header, node.box, 0)
            assert node.box.x >= 0 and node.box.right <= d.width


def test_shapes_do_not_overlap(diagrams):
    for d in diagrams:
        for i, a in enumerate(d.nodes):
            for b in d.nodes[i + 1 :]:
                assert not _overlap(a.box, b.box, 0), (a.key, b.key)


def test_lines_are_orthogonal_and_end_on_their_shapes(diagrams):
    for d in diagrams:
        for edge in d.edges:
            points = edge.points
            assert len(points) >= 2
            for p, q in itertools.pairwise(points):
                assert abs(p.x - q.x) < 0.01 or abs(p.y - q.y) < 0.01
            grow = lambda r: Rect(r.x - 0.5, r.y - 0.5, r.width + 1, r.height + 1)  # noqa: E731
            assert grow(d.node(edge.source).box).contains(_segment_box(points[0], points[0]))
            assert grow(d.node(edge.target).box).contains(_segment_box(points[-1], points[-1]))


def test_no_line_crosses_a_shape(diagrams):
    for d in diagrams:
        for edge in d.edges:
            segments = list(zip(edge.points, edge.points[1:], strict=False))
            for index, (p, q) in enumerate(segments):
                span = _segment_box(p, q)
                for node in d.nodes:
                    own_end = (node.key == edge.source and index == 0) or (
                        node.key == edge.target and index == len(segments) - 1
                    )
                    if own_end:
                        continue
                    assert not _overlap(span, node.box, 0.5), (d.title, edge.source, edge.target, node.key)


def _distance(point: Point, p: Point, q: Point) -> float:
    """From ``point`` to the axis-aligned segment p-q."""
    x = min(max(point.x, min(p.x, q.x)), max(p.x, q.x))
    y = min(max(point.y, min(p.y, q.y)), max(p.y, q.y))
    return ((point.x - x) ** 2 + (point.y - y) ** 2) ** 0.5


def test_decision_labels_sit_next_to_their_lines(diagrams):
    for d in diagrams:
        for edge in d.edges:
            if edge.label:
                at = edge.label_at
                assert at is not None
                lines = len(outcome_lines(edge.label, edge.label_size, edge.label_wrap))
                last = Point(at.x, at.y + (lines - 1) * edge.label_size * LEADING)  # a long label's last line
                segments = list(zip(edge.points, edge.points[1:], strict=False))
                near = min(_distance(spot, p, q) for p, q in segments for spot in (at, last))
                assert near < 20, (edge.source, edge.label)
            else:
                assert edge.label_at is None


def test_loops_back_are_marked(diagrams):
    loops = next(d for d in diagrams if d.title == "Loops without lanes")
    back = {(e.source, e.target) for e in loops.edges if e.back}
    assert back == {("ask", "a"), ("q2", "a"), ("q2", "b"), ("q2x", "q2")}


def test_a_loop_stays_inside_its_lane(diagrams):
    d = next(d for d in diagrams if d.title == "Self loop and an unused lane")
    ops = d.lanes[0].band
    loop = next(e for e in d.edges if e.source == e.target == "retry")
    assert all(ops.x < p.x < ops.right for p in loop.points)
    assert len(d.lanes) == 3 and d.lanes[1].band.width > 100  # an unused lane still shows


def test_layout_is_deterministic(diagrams, tmp_path):
    path = tmp_path / "again.flow.yaml"
    path.write_text(textwrap.dedent(LOOPS.format(direction="TB")), encoding="utf-8")
    flow, _ = load_flow(path)
    first, second = layout_flow(flow), layout_flow(flow)
    assert first.nodes == second.nodes and first.edges == second.edges


def test_unknown_edge_style_is_refused(diagrams):
    with pytest.raises(ValueError, match="ortho, spline"):
        layout_flow(flow_of(diagrams[0]), RenderOptions(edges="zigzag"))


def test_outcome_labels_do_not_cover_shapes(diagrams):
    for d in diagrams:
        for edge in d.edges:
            if not edge.label:
                continue
            label = _label_box(d, edge)
            for node in d.nodes:
                assert not _overlap(label, node.box, 1), (d.title, edge.label, node.key)


def test_lines_never_run_along_a_lane_border(diagrams):
    for d in diagrams:
        tb = d.direction == "TB"
        borders = [lane.band.x if tb else lane.band.y for lane in d.lanes[1:]]
        for edge in d.edges:
            for p, q in zip(edge.points, edge.points[1:], strict=False):
                along = abs(p.x - q.x) < 0.01 if tb else abs(p.y - q.y) < 0.01
                if not along:
                    continue
                where = p.x if tb else p.y
                assert all(abs(where - border) >= 5 for border in borders), (d.title, edge.source, edge.target)


CLEAR_GAP = 12.0  # a reader tells two parallel lines apart only this far apart


def _parallel_runs(edge):
    """The edge's straight runs as (axis, coordinate, low, high, index): axis 0 vertical, 1 horizontal."""
    runs = []
    for index, (p, q) in enumerate(zip(edge.points, edge.points[1:], strict=False)):
        if abs(p.x - q.x) < 0.01 and abs(p.y - q.y) >= 0.01:
            runs.append((0, p.x, min(p.y, q.y), max(p.y, q.y), index))
        elif abs(p.y - q.y) < 0.01 and abs(p.x - q.x) >= 0.01:
            runs.append((1, p.y, min(p.x, q.x), max(p.x, q.x), index))
    return runs


def _shared_trunk(a, b, first: int, second: int) -> bool:
    """Branches that leave one corner together share their first stub on purpose, and lines
    into one side of a shape join before it: they share their last track and the stub into the port."""
    if a.source == b.source and first == second == 0 and a.points[0] == b.points[0]:
        return True
    last = first >= len(a.points) - 3 and second >= len(b.points) - 3
    return a.target == b.target and last and a.points[-1] == b.points[-1]


def test_lines_sharing_a_channel_keep_a_clear_gap(diagrams):
    for d in diagrams:
        if d.curved:
            continue
        for a, b in itertools.combinations(d.edges, 2):
            for axis, where, low, high, first in _parallel_runs(a):
                for other_axis, other, other_low, other_high, second in _parallel_runs(b):
                    if axis != other_axis or _shared_trunk(a, b, first, second):
                        continue
                    overlap = min(high, other_high) - max(low, other_low)
                    if overlap > 1:
                        assert abs(where - other) >= CLEAR_GAP, (d.title, a.source, a.target, b.source, b.target)


def test_a_line_never_runs_on_where_another_stops(diagrams):
    """Two lines on one track with only a short break between them read as one line."""
    for d in diagrams:
        if d.curved:
            continue
        for a, b in itertools.combinations(d.edges, 2):
            for axis, where, low, high, _ in _parallel_runs(a):
                for other_axis, other, other_low, other_high, _ in _parallel_runs(b):
                    if axis != other_axis or abs(where - other) > 0.01 or a.target == b.target:
                        continue  # lines into one shape join on purpose
                    apart = max(other_low - high, low - other_high)
                    if not 0 <= apart < 60:
                        continue
                    start, end = min(high, other_high), max(low, other_low)
                    between = Rect(where, start, 0, end - start) if axis == 0 else Rect(start, where, end - start, 0)
                    assert any(_overlap(between, n.box, 0) for n in d.nodes), (d.title, a.source, b.source)


def _label_box(d: Diagram, edge) -> Rect:
    """The label's backing as the layout placed it; it hangs from the anchor on the baseline, in the label's size."""
    box = edge.label_box
    assert box is not None and edge.label_size == d.font_size - 1
    further = (len(outcome_lines(edge.label, edge.label_size, edge.label_wrap)) - 1) * edge.label_size * LEADING
    assert box.y == pytest.approx(edge.label_at.y - edge.label_size)  # a long label's lines hang below the first
    assert box.height == pytest.approx(edge.label_size + 5 + further)
    assert (box.x + 3 if edge.label_anchor == "start" else box.right - 3) == pytest.approx(edge.label_at.x)
    return box


def _on_trunk(p: Point, q: Point, edge) -> bool:
    """Whether p-q runs along a piece of ``edge`` (a trunk two branches share)."""
    a = _segment_box(p, q)
    for r, s in zip(edge.points, edge.points[1:], strict=False):
        b = _segment_box(r, s)
        if a.width < 0.01 and b.width < 0.01 and abs(a.x - b.x) < 0.01 and a.y < b.bottom and b.y < a.bottom:
            return True
        if a.height < 0.01 and b.height < 0.01 and abs(a.y - b.y) < 0.01 and a.x < b.right and b.x < a.right:
            return True
    return False


def _behind(p: Point, q: Point, own: tuple[Point, Point], label: Rect) -> bool:
    """Whether the label's own segment ``own`` runs between the label and p-q: a branch turning off a stub
    the label's line shares, to the far side, is no line the label sits on."""
    a, b, trunk = _segment_box(p, q), label, _segment_box(*own)
    if trunk.width < 0.01:
        inside = trunk.y <= a.y and a.bottom <= trunk.bottom
        return inside and (a.right <= trunk.x + 0.01 <= b.x if b.x >= trunk.x else b.right <= trunk.x - 0.01 <= a.x)
    inside = trunk.x <= a.x and a.right <= trunk.right
    return inside and (a.bottom <= trunk.y + 0.01 <= b.y if b.y >= trunk.y else b.bottom <= trunk.y - 0.01 <= a.y)


def test_no_outcome_label_sits_on_another_line(diagrams):
    for d in diagrams:
        for edge in d.edges:
            if not edge.label:
                continue
            label = _label_box(d, edge)
            near = Rect(label.x - 4, label.y - 4, label.width + 8, label.height + 8)  # clear of other lines
            own = min(zip(edge.points, edge.points[1:], strict=False), key=lambda s: _distance(edge.label_at, *s))
            for other in d.edges:
                segments = list(zip(other.points, other.points[1:], strict=False))
                if other is edge:  # the segment it labels is beside it; its other bends must stay clear too
                    segments.remove(min(segments, key=lambda s: _distance(edge.label_at, *s)))
                for p, q in segments:
                    if other is not edge and (_on_trunk(p, q, edge) or _behind(p, q, own, label)):
                        continue
                    crossed = _overlap(label if other is edge else near, _segment_box(p, q), 0)
                    assert not crossed, (d.title, edge.source, edge.label, other.source, other.target)


def test_lines_reaching_one_side_of_a_shape_arrive_as_one(diagrams):
    """Lines into one side of a shape join before it: one arrowhead per side, never two close together."""
    from layout_quality import arrowheads_per_side

    for d in diagrams:
        assert max(arrowheads_per_side(d).values(), default=1) == 1, d.title


def test_outcome_labels_keep_off_lane_borders(diagrams):
    for d in diagrams:
        tb = d.direction == "TB"
        borders = [lane.band.x if tb else lane.band.y for lane in d.lanes[1:]]
        for edge in d.edges:
            if edge.label:
                label = _label_box(d, edge)
                low, high = (label.x, label.right) if tb else (label.y, label.bottom)
                assert not any(low < border < high for border in borders), (d.title, edge.source, edge.label)


def _cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    """Whether two axis-aligned segments cross at a point inside both."""
    if (abs(p.x - q.x) < 0.01) == (abs(r.x - s.x) < 0.01):
        return False
    (v0, v1), (h0, h1) = ((p, q), (r, s)) if abs(p.x - q.x) < 0.01 else ((r, s), (p, q))
    inside_h = min(h0.x, h1.x) + 0.5 < v0.x < max(h0.x, h1.x) - 0.5
    return inside_h and min(v0.y, v1.y) + 0.5 < h0.y < max(v0.y, v1.y) - 0.5


def test_lines_into_one_shape_turn_in_without_crossing(diagrams):
    """The last leg of a line into a shape crosses no other line bound for that shape: they nest."""
    for d in diagrams:
        if d.curved:
            continue
        for a, b in itertools.permutations(d.edges, 2):
            if a.target != b.target:
                continue
            last = a.points[-2:]
            for r, s in zip(b.points, b.points[1:], strict=False):
                assert not _cross(*last, r, s), (d.title, a.source, b.source, a.target)


def test_a_lane_without_steps_at_the_edge_does_not_break_the_routes():
    # the last lane is declared but unused (warning FC304): a line may still look for a way past it, along
    # the empty columns to the drawing's edge, where the router's pixel estimate once had no column
    flow, diagnostics = load_flow(ROOT / "tests" / "layout_cases" / "sinistro-residencial.flow.yaml")
    assert flow is not None, diagnostics
    d = layout_flow(flow)
    assert {e.source for e in d.edges} >= {"tipo", "recebido", "aguardar"}
    assert [lane.id for lane in d.lanes][-1] == "regulador"


def test_an_lr_lane_header_is_as_wide_as_the_longest_word_of_a_lane_name():
    """ "Transportadora" was cut into "Transportador" / "a" by the fixed 132 px header column."""
    flow, diagnostics = load_text(
        "title: Bagagem\nlang: pt\ndirection: LR\nlanes:\n  - Passageiro\n  - Transportadora de entrega\n"
        "steps:\n  - start: Mala não chegou\n    lane: Passageiro\n  - process: Levar a mala\n"
        "    lane: Transportadora de entrega\n  - end: Mala entregue\n"
    )
    assert flow is not None, diagnostics
    diagram = layout_flow(flow)
    words = [word for lane in diagram.lanes for line in lane.lines for word in line.split()]
    assert "Transportadora" in words and "Transportador" not in words
    assert len({lane.header.width for lane in diagram.lanes}) == 1  # one header column for every lane


def test_an_outcome_going_straight_on_out_of_a_shared_stub_is_labelled_past_the_other_s_turn():
    # contracargo-banco (LR): "¿La prueba es suficiente?" sends "Sí" and "No" out of one side stub; "No"
    # goes straight on. Its label stood on the stub, before "Sí" turned off, and read as both lines' (review
    # 4, "Daño durante el alquiler"): the branches now part right past the corner and each label stands on
    # its own branch past that turn
    path = Path(__file__).parent / "layout_cases" / "contracargo-banco.flow.yaml"
    flow, diagnostics = load_flow(path)
    assert flow is not None, diagnostics
    d = layout_flow(flow)
    out = {e.label: e for e in d.edges if e.source == "prueba_ok"}
    straight, turning = out["No"], out["Sí"]
    corner, turn = turning.points[0], turning.points[1]
    assert straight.points[1].y == corner.y and straight.points[1].x > turn.x  # on past the other's turn
    assert turn.x - corner.x < 60  # they part soon past the corner (68 px before, on the stub a label)
    assert straight.label_at is not None and turning.label_at is not None
    assert straight.label_at.x > turn.x  # past the turn, on its own run
    assert abs(turning.label_at.y - corner.y) > 20  # on its own branch, not beside the stub
