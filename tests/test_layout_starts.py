"""No line is crossed just after it leaves its shape: 10 px from "Cancel the order and refund the deposit" a crossing
read as a junction ("does 14 go to D, or 12 to 'Order cancelled'?", review 9). The channel beside the shape keeps
room, as it does before an arrowhead (tips.py)."""

from __future__ import annotations

import itertools
from pathlib import Path

from flowchart_cli.handout.diagram_view import printable
from flowchart_cli.handout.paper import paper
from flowchart_cli.handout.printed import print_plan
from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.tips import START_ROOM
from flowchart_cli.loader import load_flow
from flowchart_cli.options import RenderOptions
from flowchart_cli.pipeline import laid_out_for_paper
from flowchart_cli.words import words

CASES = Path(__file__).parent / "layout_cases"


def _crossed_near_start(diagram) -> list[tuple[str, str, str, str, float]]:
    found = []
    for edge in diagram.edges:
        start, after = edge.points[0], edge.points[1]
        for other in diagram.edges:
            if other is edge or other.source == edge.source:
                continue
            for p, q in itertools.pairwise(other.points):
                for (h0, h1), (v0, v1) in (((start, after), (p, q)), ((p, q), (start, after))):
                    if abs(h0.y - h1.y) < 0.01 and abs(v0.x - v1.x) < 0.01:
                        x, y = v0.x, h0.y
                        inside = min(h0.x, h1.x) < x < max(h0.x, h1.x) and min(v0.y, v1.y) < y < max(v0.y, v1.y)
                        far = abs(x - start.x) + abs(y - start.y)
                        if inside and far < START_ROOM - 0.5:
                            found.append((edge.source, edge.target, other.source, other.target, far))
    return found


def test_no_line_is_crossed_just_after_it_leaves_its_shape_in_a_drawing_or_a_printed_part() -> None:
    for name in ("broadband-installation", "troca-medidor", "reprogramacion-cita", "return-exchange", "recompensas"):
        path = CASES / f"{name}.flow.yaml"
        if not path.exists():
            path = Path(__file__).parent.parent / "benchmarks" / "flows" / f"{name}.flow.yaml"
        flow, _ = load_flow(path)
        assert _crossed_near_start(layout_flow(flow, RenderOptions())) == [], name
        plan = print_plan(flow, printable(laid_out_for_paper(flow, RenderOptions())), paper("a4"), words(flow.lang))
        for part in plan.parts:
            assert _crossed_near_start(part.diagram) == [], (name, part.number)
