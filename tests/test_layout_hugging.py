"""Lines in a lane's side channel run beside the shapes they pass, not along the far border.

A long outcome label widens the channel beside the lane border for the whole
height; a loop rows away from it must still stay close to its own shapes.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from layout_quality import detours, shared_runs

from flowchart_cli.check import check_file
from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.geometry import Diagram
from flowchart_cli.options import RenderOptions

CASE = Path(__file__).parent / "layout_cases" / "labels" / "long-label-and-loop.flow.yaml"
QA = Path(__file__).parent / "cases" / "qa"
CASES = Path(__file__).parent / "layout_cases"


def _diagram(path: Path) -> Diagram:
    return layout_flow(check_file(path).flow)


def _edge(d: Diagram, source: str, target: str):
    return next(e for e in d.edges if e.source == source and e.target == target)


def _detour(d: Diagram, edge) -> float:
    """The line's length over the distance between its ends plus four text heights (the benchmark's measure)."""
    return detours([edge.points], d.font_size)[0]


def test_a_loop_beside_a_long_label_keeps_to_its_shapes():
    d = _diagram(CASE)
    loop = _edge(d, "hallado", "datos")
    assert _detour(d, loop) <= 1.5
    run = max(p.x for p in loop.points)
    shapes = {n.key: n.box for n in d.nodes}
    assert run - max(shapes["hallado"].right, shapes["datos"].right) <= 40  # two track gaps at most
    border = min(lane.band.right for lane in d.lanes if lane.band.right > run)
    assert border - run > 100  # the channel is wide (the long label), the loop does not follow its far side


def test_a_long_label_on_a_line_back_into_its_lane_stands_outside_a_short_run():
    """The channel has room for the label outside the run, so the line keeps close to its shapes."""
    d = _diagram(CASE)
    line = _edge(d, "motivo", "aprobar")
    assert _detour(d, line) <= 1.5
    box, corner = line.label_box, line.points[1]
    assert box is not None and box.x >= corner.x  # outside the run, not on the stub
    border = min(lane.band.right for lane in d.lanes if lane.band.right > corner.x)
    assert box.right <= border - 8  # inside its lane, clear of the border


def test_a_label_held_out_by_a_short_stub_stands_outside_its_run():
    """When the run comes in close to the shape, the label stands on the run's far side, under the corner."""
    d = _diagram(QA / "flight-rebooking.flow.yaml")
    line = _edge(d, "seat", "escalate")
    start, corner = line.points[:2]
    assert corner.x - start.x <= 60  # the run keeps close to the decision
    box = line.label_box
    assert box is not None and box.x >= corner.x  # outside the run
    assert abs(box.y - start.y) <= 2 * d.font_size  # beside the corner, not further down the run


@pytest.mark.parametrize("path", sorted(QA.glob("*.flow.yaml")), ids=lambda p: p.stem)
def test_runs_in_one_channel_keep_a_track_gap(path):
    """Moved runs never come closer than a track gap to another run they share rows with (two outcomes
    out of one bottom share their first stub)."""
    d = _diagram(path)
    runs = []
    for number, e in enumerate(d.edges):
        for a, b in itertools.pairwise(e.points):
            if abs(a.x - b.x) < 0.01 and abs(a.y - b.y) > 0.01:
                stub = (e.source, a.x, a.y) if a == e.points[0] else None
                runs.append((number, e.target, stub, a.x, min(a.y, b.y), max(a.y, b.y)))
    for i, (n1, t1, s1, x1, lo1, hi1) in enumerate(runs):
        for n2, t2, s2, x2, lo2, hi2 in runs[i + 1 :]:
            if n1 == n2 or t1 == t2 or (s1 is not None and s1 == s2) or min(hi1, hi2) - max(lo1, lo2) <= 1:
                continue
            assert abs(x1 - x2) >= 19.9, (path.stem, x1, x2)


WRITTEN_BY_QA = sorted(QA.glob("*.flow.yaml")) + sorted((QA.parent / "printed").glob("*.flow.yaml"))


@pytest.mark.slow
@pytest.mark.parametrize("path", WRITTEN_BY_QA, ids=lambda p: p.stem)
def test_no_line_on_flows_qa_wrote_goes_over_one_and_a_half_times_its_distance(path):
    """Flows written by a tester, none of them tuned for: long labels and loops beside them included."""
    d = _diagram(path)
    lines = [e.points for e in d.edges]
    assert max(detours(lines, d.font_size)) <= 1.5
    assert not shared_runs(lines, [(e.source, e.target) for e in d.edges], d.font_size)


BENCHMARK_FLOWS = sorted((Path(__file__).parent.parent / "benchmarks" / "flows").glob("*.flow.yaml"))


# "Sim" out of "O cartão foi entregue?" stood past the last lane's edge, half outside the drawing's frame
EDGE_LABELS = [
    QA.parent / "qa-d" / f"{name}.flow.yaml" for name in ("segunda-via-cartao", "denuncia-fraude-compra-online")
]


@pytest.mark.slow
@pytest.mark.parametrize("path", WRITTEN_BY_QA + BENCHMARK_FLOWS + EDGE_LABELS, ids=lambda p: p.stem)
def test_no_outcome_label_straddles_a_lane_border(path):
    """A loop's long label beside a run 20 px from a lane border once ran across the border
    ("Inconclusivo" in troca-garantia): the channel now has room for it outside the run. Nor does a
    label stick out past the outer lanes' edges."""
    d = _diagram(path)
    tb = d.direction == "TB"
    borders = [lane.band.x if tb else lane.band.y for lane in d.lanes]
    borders.append(d.lanes[-1].band.right if tb else d.lanes[-1].band.bottom)
    for edge in d.edges:
        if edge.label_box is not None:
            box = edge.label_box
            low, high = (box.x, box.right) if tb else (box.y, box.bottom)
            assert not any(low < border < high for border in borders), (edge.source, edge.label)


def test_a_run_passes_an_inner_run_that_starts_below_its_end():
    """freight-damage-claim (review 7): "Is the claim value above 2,000 EUR? No" goes left from the corner,
    down past "Arrange a joint inspection" and back right into "Who is liable for the damage?". "Shipper (poor
    packing)" leaves that decision by the same side 60 px lower, its run held out by its long label; the
    "No" run kept outside it, along the lane border, 1.6 times the way its ends are apart. Their runs share
    no row: the "No" run comes in past it, to its own shapes."""
    d = _diagram(Path(__file__).parent / "layout_cases" / "freight-damage-claim.flow.yaml")
    no, shipper = _edge(d, "value", "liability"), _edge(d, "liability", "shipper")
    assert _detour(d, no) <= 1.5
    run = min(p.x for p in no.points)
    shapes = {n.key: n.box for n in d.nodes}
    assert shapes["inspection"].x - run <= 40  # beside the step it passes (two track gaps at most)
    border = max(lane.band.x for lane in d.lanes if lane.band.x < run)
    assert run - border > 100  # not along the lane border, where the long label's room put it
    assert max(p.y for p in no.points) < min(p.y for p in shipper.points)  # the runs share no row
    assert max(detours([e.points for e in d.edges], d.font_size)) <= 1.5


def test_a_fourth_answer_back_under_its_decision_keeps_close_to_it():
    """Review 9's "Conflicto personal" went 180 px out and back (1.53 times its ends' distance) because a
    line passing by lay nearer the decision; and "¿Faltan más de 24 horas? Sí" stayed far out in the gap
    that label had widened (1.52). Both now keep close to their decisions, the long label outside the run."""
    d = _diagram(CASES / "reprogramacion-cita.flow.yaml")
    shapes = {n.key: n.box for n in d.nodes}
    back, on = _edge(d, "motivo", "plazo"), _edge(d, "plazo", "huecos")
    assert _detour(d, back) <= 1.2 and _detour(d, on) <= 1.2
    assert shapes["motivo"].x - back.points[1].x <= 40  # the run beside the corner it leaves
    assert back.label_box is not None and back.label_box.right <= back.points[1].x  # outside the run


KNOWN_NEAR = {  # a decision's corner and a box's side a few px apart, not runs in a channel
    "autorizacao-previa.flow.yaml": 1,
    "unaccompanied-minor.flow.yaml": 1,
}


def _pieces(edge):
    for a, b in itertools.pairwise(edge.points):
        if abs(a.x - b.x) < 0.01 < abs(a.y - b.y):
            yield 0, a.x, min(a.y, b.y), max(a.y, b.y)
        elif abs(a.y - b.y) < 0.01 < abs(a.x - b.x):
            yield 1, a.y, min(a.x, b.x), max(a.x, b.x)


@pytest.mark.parametrize("path", sorted(CASES.glob("*.flow.yaml")), ids=lambda p: p.stem)
def test_two_runs_one_after_the_other_are_on_one_line_or_a_track_apart(path):
    """Two lines' pieces one after the other along a channel, 3 px apart across, read as one line bent by
    mistake: they lie on one line (hugging._aligned) or clearly apart."""
    d = _diagram(path)
    near = 0
    for a, b in itertools.combinations(d.edges, 2):
        for p in _pieces(a):
            for q in _pieces(b):
                gap = max(q[2] - p[3], p[2] - q[3])
                if p[0] == q[0] and 0.5 < abs(p[1] - q[1]) < 6 and 0 <= gap < 120:
                    near += 1
    assert near == KNOWN_NEAR.get(path.name, 0)


def _length(points) -> float:
    return sum(abs(a.x - b.x) + abs(a.y - b.y) for a, b in itertools.pairwise(points))


@pytest.mark.parametrize("numbers", [False, True])
def test_a_merged_line_far_out_for_its_partners_label_joins_it_nearer(numbers):
    """Review 12: "Do the photos show transit damage? No", into the step right under the diamond, merged
    with "Changed mind / Faulty" on the track that label's width held out, and ran 2.15 times its ends'
    distance. It now comes down its own run near the shapes and joins the other line's way into their
    common side: one arrowhead still."""
    flow = check_file(CASES / "online-returns.flow.yaml").flow
    d = layout_flow(flow, RenderOptions(numbers=numbers, even_text=numbers))
    photos, reason = _edge(d, "photos_ok", "label"), _edge(d, "reason", "label")
    assert _detour(d, photos) <= 1.2
    assert photos.points[-1] == reason.points[-1]  # one arrival
    run = photos.points[-2]
    assert reason.points[-2].x > run.x + 19  # its own run, a track gap or more nearer the shapes…
    assert abs(run.y - reason.points[-1].y) < 0.01  # …ending on the other line's way in
    assert min(reason.points[-2].x, reason.points[-1].x) < run.x < max(reason.points[-2].x, reason.points[-1].x)


@pytest.mark.parametrize("numbers", [False, True])
def test_a_long_stub_label_that_holds_a_line_out_is_set_on_narrow_lines(numbers):
    """Review 12: "Changed mind / Faulty" on one line held its line 160 px out past the diamond's corner and
    back into the step under it (1.64); on two lines the run comes in and the line is inside the limit."""
    flow = check_file(CASES / "online-returns.flow.yaml").flow
    d = layout_flow(flow, RenderOptions(numbers=numbers, even_text=numbers))
    reason = _edge(d, "reason", "label")
    assert reason.label_lines == ("Changed mind /", "Faulty")
    assert _detour(d, reason) <= 1.5
    box, turn = reason.label_box, reason.points[1]
    assert box is not None and box.right <= turn.x - 4  # the narrow label fits the stub before the run
