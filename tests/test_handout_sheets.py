"""Cutting the handout's diagram into readable pages: the plan, the connectors and the part drawings (no Graphviz)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest
from handout_fakes import flow_from

from flowchart_cli.handout.cut import connectors, drawing_tree
from flowchart_cli.handout.page import drawing_box
from flowchart_cli.handout.paper import PAPERS, PX_TO_MM, min_scale, paper
from flowchart_cli.handout.parts import overview_svg, sheet_svg
from flowchart_cli.handout.sheets import plan_diagram
from flowchart_cli.layout.geometry import Diagram, EdgePath, LaneBand, NodeBox, Point, Rect
from flowchart_cli.options import RenderOptions
from flowchart_cli.writers.svg import write_svg

SVG = "{http://www.w3.org/2000/svg}"
WORDS = {"part_of": "Parte {n} de {total}", "to_part": "sigue en la parte {n}", "from_part": "viene de la parte {n}"}


def chain_text(steps: int, stages: int = 0) -> str:
    """A straight chain of ``steps`` steps in two lanes, optionally in ``stages`` equal stages."""
    lines = ["title: Cadena", "lang: es", "lanes: [A, B]"]
    if stages:
        lines.append("stages: [" + ", ".join(f"Etapa {i + 1}" for i in range(stages)) + "]")
    lines.append("steps:")
    per = max(1, steps // max(stages, 1))
    for i in range(steps):
        kind = "start" if i == 0 else "end" if i == steps - 1 else "process"
        lines += [f"  - id: s{i}", f"    {kind}: Paso {i}", f"    lane: {'A' if i % 2 == 0 else 'B'}"]
        if stages and i % per == 0 and i // per < stages:
            lines.append(f"    stage: Etapa {i // per + 1}")
    return "\n".join(lines) + "\n"


def chain_diagram(flow) -> Diagram:
    """A TB drawing of a chain: one shape per rank, 120 px apart, under a 50 px lane header."""
    width = 600.0
    lanes = tuple(
        LaneBand(lane.id, lane.name, Rect(i * 300.0, 0, 300, 0), Rect(i * 300.0, 0, 300, 50), i)
        for i, lane in enumerate(flow.lanes)
    )
    nodes = tuple(
        NodeBox(
            s.key,
            s.kind or "process",
            Rect(60 + 300 * (i % 2), 80 + 120 * i, 180, 60),
            (s.label,),
            label=s.label,
            number=s.number,
            lane=s.lane,
            stage=s.stage,
        )
        for i, s in enumerate(flow.steps)
    )
    edges = tuple(
        EdgePath(a.key, b.key, "", (Point(a.box.center.x, a.box.bottom), Point(b.box.center.x, b.box.y)))
        for a, b in pairwise(nodes)
    )
    height = nodes[-1].box.bottom + 40
    lanes = tuple(
        LaneBand(lane.id, lane.name, Rect(lane.band.x, 0, 300, height), lane.header, lane.index) for lane in lanes
    )
    return Diagram(flow.title, width, height, lanes, nodes, edges, direction="TB", lang="es", numbers=True)


def plan_of(flow, **kwargs):
    diagram = chain_diagram(flow)
    options = {"legend_items": 4, "paper": PAPERS["a4"], "smallest_font_px": 11.0} | kwargs
    return diagram, plan_diagram(diagram, flow, **options)


def test_paper_sizes_and_a_clear_message_for_an_unknown_one():
    assert paper("A4").width_mm == 210 and paper("letter").height_mm == pytest.approx(279.4)
    assert PAPERS["a3"].content_box(landscape=True)[0] > PAPERS["a4"].content_box(landscape=True)[0]
    with pytest.raises(ValueError, match="a4, a3, letter"):
        paper("b5")


def test_a_short_flow_stays_on_one_readable_page(tmp_path):
    flow = flow_from(tmp_path, chain_text(4))
    _, plan = plan_of(flow)
    assert not plan.split and plan.legend in ("below", "side")
    assert plan.sheets[0].scale >= min_scale(11.0)


def test_a_long_flow_is_cut_into_readable_parts_holding_every_step_once(tmp_path):
    flow = flow_from(tmp_path, chain_text(40))
    diagram, plan = plan_of(flow)
    assert plan.split and plan.legend == "overview" and plan.overview is not None
    keys = [key for sheet in plan.sheets for key in sheet.keys]
    assert sorted(keys) == sorted(s.key for s in flow.steps)
    assert [n for sheet in plan.sheets for n in sheet.numbers] == list(range(1, 41))  # in flow order
    for sheet in plan.sheets:
        assert sheet.scale >= min_scale(11.0)
        box = drawing_box(PAPERS["a4"], sheet.landscape, caption=True)
        assert sheet.width_mm <= box[0] + 0.01 and sheet.height_mm <= box[1] + 0.01
        assert sheet.width_mm == pytest.approx(diagram.width * sheet.scale * PX_TO_MM, abs=0.01)
    assert all(a.hi <= b.lo for a, b in pairwise(plan.sheets))


def test_a3_needs_fewer_parts_than_a4(tmp_path):
    flow = flow_from(tmp_path, chain_text(40))
    _, a4 = plan_of(flow)
    _, a3 = plan_of(flow, paper=PAPERS["a3"])
    assert len(a3.sheets) < len(a4.sheets)


def test_parts_follow_the_stages_when_the_flow_has_them(tmp_path):
    flow = flow_from(tmp_path, chain_text(40, stages=8))
    _, plan = plan_of(flow)
    stage_of = {s.key: s.stage for s in flow.steps}
    stages_seen = [{stage_of[k] for k in sheet.keys} for sheet in plan.sheets]
    for i, stages in enumerate(stages_seen):  # a stage lies on one part only
        assert not any(stages & other for other in stages_seen[i + 1 :])
    assert all(sheet.stages for sheet in plan.sheets)


def test_every_line_between_parts_gets_a_numbered_pair_of_connectors(tmp_path):
    flow = flow_from(tmp_path, chain_text(40))
    diagram, plan = plan_of(flow)
    ends = connectors(diagram, plan)
    assert len(ends) == 2 * (len(plan.sheets) - 1)
    for number in {end.number for end in ends}:
        out, into = sorted((e for e in ends if e.number == number), key=lambda e: not e.outgoing)
        assert out.outgoing and not into.outgoing and into.sheet == out.other and out.sheet == into.other
        assert (out.side, into.side) == ("high", "low")  # leaves at the bottom, arrives at the top
    assert sorted({end.number for end in ends}) == list(range(1, len(plan.sheets)))


def test_a_part_drawing_holds_its_steps_the_lane_headers_and_its_connectors(tmp_path):
    flow = flow_from(tmp_path, chain_text(40))
    diagram, plan = plan_of(flow)
    whole = drawing_tree(write_svg(diagram, RenderOptions()))
    ends = connectors(diagram, plan)
    colours = ("#000000", "#ffffff")
    second = plan.sheets[1]
    root = ET.fromstring(sheet_svg(whole, diagram, plan, second, ends, words=WORDS, colours=colours))
    steps = {g.get("data-step") for g in root.iter(f"{SVG}g") if "fc-step" in (g.get("class") or "")}
    assert steps == set(second.keys)
    numbers = sorted(int(t.text) for t in root.iter(f"{SVG}text") if t.get("class") == "fc-number")
    assert numbers == list(second.numbers)
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "viene de la parte 1" in texts and "sigue en la parte 3" in texts
    headers = root.find(f"{SVG}g[@class='fc-lane-headers']")
    assert ["".join(t.itertext()) for t in headers.iter(f"{SVG}text")] == ["A", "B"]  # on every part
    height = float(root.get("viewBox").split()[3])
    assert height == pytest.approx(plan.axis.head + second.hi - second.lo)
    assert not root.findall(f".//{SVG}a")


def test_the_overview_has_no_words_only_the_numbered_parts(tmp_path):
    flow = flow_from(tmp_path, chain_text(40))
    diagram, plan = plan_of(flow)
    whole = drawing_tree(write_svg(diagram, RenderOptions()))
    root = ET.fromstring(overview_svg(whole, plan, 0.3, colours=("#000000", "#ffffff")))
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert labels == [str(sheet.index) for sheet in plan.sheets]
    size = float(root.find(f".//{SVG}g[@class='fc-parts']/{SVG}text").get("font-size"))
    assert size * 0.3 * 0.75 >= 7  # readable at the overview's scale


def test_lanes_too_many_for_the_page_are_cut_into_groups_with_connectors_on_the_sides(tmp_path):
    flow = flow_from(tmp_path, chain_text(12))
    narrow = chain_diagram(flow)
    wide = Diagram(  # the same chain with lanes 900 px wide: two lanes cannot sit side by side at 7 pt
        narrow.title,
        1800.0,
        narrow.height,
        tuple(
            LaneBand(
                lane.id,
                lane.name,
                Rect(900.0 * lane.index, 0, 900, narrow.height),
                Rect(900.0 * lane.index, 0, 900, 50),
                lane.index,
            )
            for lane in narrow.lanes
        ),
        tuple(
            NodeBox(
                n.key,
                n.kind,
                Rect(n.box.x * 3, n.box.y, n.box.width, n.box.height),
                n.lines,
                number=n.number,
                lane=n.lane,
            )
            for n in narrow.nodes
        ),
        tuple(EdgePath(e.source, e.target, "", tuple(Point(p.x * 3, p.y) for p in e.points)) for e in narrow.edges),
        direction="TB",
        numbers=True,
    )
    plan = plan_diagram(wide, flow, legend_items=4, paper=PAPERS["a4"], smallest_font_px=11.0)
    assert plan.split and {sheet.lanes for sheet in plan.sheets} == {("A",), ("B",)}
    for sheet in plan.sheets:
        assert sheet.scale >= min_scale(11.0)
        lanes = {s.lane for s in flow.steps if s.key in sheet.keys}
        assert len(lanes) == 1
    ends = connectors(wide, plan)
    assert {end.side for end in ends} >= {"before", "after"}  # every line crosses between lanes
    whole = drawing_tree(write_svg(wide, RenderOptions()))
    first = ET.fromstring(sheet_svg(whole, wide, plan, plan.sheets[0], ends, words=WORDS, colours=("#000", "#fff")))
    lanes = [g.get("data-lane") for g in first.iter(f"{SVG}g") if g.get("class") == "fc-lane"]
    assert lanes == ["A"]
    assert first.get("viewBox").split()[2] == "900"


def test_a_split_diagram_gets_its_parts_captions_and_the_connector_in_the_legend(tmp_path):
    from handout_fakes import FakeDrawing

    from flowchart_cli.handout.view import build_view

    long = flow_from(tmp_path, chain_text(40), "long.flow.yaml")
    view = build_view(long, chain_diagram(long), FakeDrawing())
    assert view.diagram.parts and view.diagram.caption.startswith("El proceso completo, en ")
    assert view.diagram.parts[0].caption.startswith(f"Parte 1 de {len(view.diagram.parts)} · pasos 1–")
    assert "offpage" in [item.kind for item in view.legend]
    short = flow_from(tmp_path, chain_text(4), "short.flow.yaml")
    view = build_view(short, chain_diagram(short), FakeDrawing())
    assert not view.diagram.parts and view.diagram.caption == ""
    assert "offpage" not in [item.kind for item in view.legend]


def test_a_part_keeps_the_stage_bands_it_shows_and_only_their_names_it_shows(tmp_path):
    from dataclasses import replace

    from flowchart_cli.layout.geometry import StageBand

    flow = flow_from(tmp_path, chain_text(40, stages=8))
    diagram = chain_diagram(flow)
    bands = []
    for number, stage in enumerate(flow.stages, start=1):
        boxes = [n.box for n in diagram.nodes if n.stage == stage.id]
        top, bottom = min(b.y for b in boxes) - 10, max(b.bottom for b in boxes) + 10
        bands.append(
            StageBand(
                stage.id,
                stage.name,
                number,
                Rect(0, top, 600, bottom - top),
                Rect(0, top, 40, bottom - top),
                (stage.name,),
            )
        )
    diagram = replace(diagram, stages=tuple(bands))
    plan = plan_diagram(diagram, flow, legend_items=4, paper=PAPERS["a4"], smallest_font_px=11.0)
    whole = drawing_tree(write_svg(diagram, RenderOptions()))
    ends = connectors(diagram, plan)
    for sheet in plan.sheets:
        root = ET.fromstring(sheet_svg(whole, diagram, plan, sheet, ends, words=WORDS, colours=("#000", "#fff")))
        shown = [g.get("data-stage") for g in root.iter(f"{SVG}g") if g.get("class") == "fc-stage"]
        assert shown and set(shown) <= {s.id for s in flow.stages}
        expected = {flow.stage_by_id(s.stage).id for s in flow.steps if s.key in sheet.keys}
        assert expected <= set(shown)
        for group in (g for g in root.iter(f"{SVG}g") if g.get("class") == "fc-stage"):
            for span in group.iter(f"{SVG}tspan"):
                assert sheet.lo <= float(span.get("y")) <= sheet.hi
