"""An outcome label never sits where another line crosses its own line right beside it.

Review 8: in visita-tecnica-telecom the long "Sim" line to "Encerrar o protocolo" cut the "Não" stub of "O cliente
confirma que a internet funciona?" just above its label, which read as "Não → Encerrar o protocolo".
"""

from __future__ import annotations

import itertools
from pathlib import Path

from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.geometry import Point
from flowchart_cli.loader import load_flow
from flowchart_cli.options import RenderOptions

CASES = Path(__file__).parent / "layout_cases"
NEAR = 16.0


def _crossings(a: tuple[Point, ...], b: tuple[Point, ...]) -> list[Point]:
    found = []
    for p, q in itertools.pairwise(a):
        for r, s in itertools.pairwise(b):
            for (h0, h1), (v0, v1) in (((p, q), (r, s)), ((r, s), (p, q))):
                if abs(h0.y - h1.y) < 0.01 and abs(v0.x - v1.x) < 0.01:
                    x, y = v0.x, h0.y
                    if min(h0.x, h1.x) < x < max(h0.x, h1.x) and min(v0.y, v1.y) < y < max(v0.y, v1.y):
                        found.append(Point(x, y))
    return found


def test_no_label_beside_a_crossing_of_its_own_line() -> None:
    near = []
    for name in ("visita-tecnica-telecom", "matricula-escolar", "apelacion-calificacion", "abertura-conta-kyc"):
        flow, _ = load_flow(CASES / f"{name}.flow.yaml")
        diagram = layout_flow(flow, RenderOptions())
        for edge in diagram.edges:
            box = edge.label_box
            if box is None:
                continue
            for other in diagram.edges:
                if other is edge or other.source == edge.source or other.target == edge.target:
                    continue
                for p in _crossings(edge.points, other.points):
                    if box.x - NEAR <= p.x <= box.right + NEAR and box.y - NEAR <= p.y <= box.bottom + NEAR:
                        near.append((name, edge.label, other.source, other.target))
    assert near == []


def test_an_answer_going_straight_on_past_a_shared_stub_is_labelled_past_the_other_s_turn() -> None:
    """Review 9: "Error de la cita" sat on the bottom stub it shares with "Ya no la necesita", above the turn
    where that one leaves it, and read as both lines' label."""
    flow, _ = load_flow(CASES / "reprogramacion-cita.flow.yaml")
    diagram = layout_flow(flow, RenderOptions())
    out = {e.label: e for e in diagram.edges if e.source == "motivo"}
    straight, turning = out["Error de la cita"], out["Ya no la necesita"]
    assert len(straight.points) == 2 and straight.points[0] == turning.points[0]  # one stub, one goes straight on
    turn_y = turning.points[1].y
    assert straight.label_box is not None and straight.label_box.y > turn_y + 6  # below the other's run
    assert turning.label_box is not None and turning.label_box.bottom <= turn_y  # above its own run


def test_a_label_keeps_more_than_a_hair_from_another_line_where_it_can() -> None:
    """Review 8: "Falta información" stood 6 px right of the loop from "Completar la solicitud…" coming down
    beside it, and read as the loop's label; it now stands on the other side of its own stub."""
    flow, _ = load_flow(CASES / "apelacion-calificacion.flow.yaml")
    diagram = layout_flow(flow, RenderOptions())
    (label,) = [e for e in diagram.edges if e.label == "Falta información"]
    (loop,) = [e for e in diagram.edges if e.source == "subsanar"]
    box = label.label_box
    assert box is not None
    for p, q in itertools.pairwise(loop.points):
        if abs(p.x - q.x) < 0.01 and min(p.y, q.y) < box.bottom and box.y < max(p.y, q.y):  # a vertical beside it
            assert min(abs(p.x - box.x), abs(p.x - box.right)) >= 10


def test_a_labelled_stub_lies_nearest_its_shape_where_a_crossing_is_left_either_way() -> None:
    """Review 14's hipoteca: the way back from "Obtener la aclaración del cliente" ran up between "¿Cuál es el
    dictamen de riesgos?" and the run of its "Aprobada", across that stub where its label goes, and the label
    stood 600 px away by "Encargar la tasación". The two cross once either way: now the way back crosses
    the labelled line's run, and the label stands on its stub."""
    flow, _ = load_flow(CASES / "hipoteca.flow.yaml")
    assert flow is not None
    for options in (RenderOptions(), RenderOptions(numbers=True, even_text=True)):
        d = layout_flow(flow, options)
        edge = next(e for e in d.edges if e.source == "dictamen" and e.target == "encargo")
        start, corner = edge.points[0], edge.points[1]
        box = edge.label_box
        assert box is not None
        assert abs(start.y - corner.y) < 0.01 and box.x >= start.x - 1 and box.right <= corner.x + 1
        assert box.bottom <= start.y + 1 and start.y - box.bottom < 12  # above its stub, by it
