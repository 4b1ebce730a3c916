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
