"""Test helpers for the handout: a fake drawing and a hand-made diagram (no Graphviz needed)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from flowchart_cli.check import check_file
from flowchart_cli.layout.geometry import Diagram
from flowchart_cli.model import Flow


class FakeDrawing:
    """Draws a labelled box for the diagram and a small box for each icon."""

    def diagram_svg(self, diagram: Diagram) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{diagram.width}" height="{diagram.height}">'
            '<defs><marker id="arrow"><path d="M0,0 L4,2 L0,4 z"/></marker></defs>'
            '<rect width="100%" height="100%" fill="#eef" marker-end="url(#arrow)"/>'
            '<text x="10" y="20">FAKE-DIAGRAM</text></svg>'
        )

    def icon(self, kind: str, width: float, height: float) -> str:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="icon-{kind}" width="{width}" height="{height}">'
            f'<rect x="1" y="1" width="{width - 2}" height="{height - 2}" fill="none" stroke="#000"/></svg>'
        )


def load(path: Path) -> Flow:
    result = check_file(path)
    assert result.ok, result.diagnostics
    return result.flow


def diagram_of(flow: Flow, width: float = 600.0, height: float = 800.0) -> Diagram:
    return Diagram(flow.title, width, height, (), (), (), direction=flow.direction, lang=flow.lang)


def flow_from(tmp_path: Path, text: str, name: str = "t.flow.yaml") -> Flow:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return load(path)


QUEJAS = """
title: Gestión de quejas
lang: es
version: "2.1"
owner: Atención al cliente
updated: "2026-11-20"
description: Desde la recepción hasta el cierre.
lanes:
  - Cliente
  - id: agente
    name: Agente de atención
    description: Primer nivel
  - Supervisor
steps:
  - id: recepcion
    start: El cliente presenta su queja
    lane: Cliente
  - process: Registrar la queja en el CRM
    lane: agente
    notes: Datos del cliente y evidencias.
    duration: 10 min
  - id: grave
    decision: ¿La queja es grave?
    branches:
      Sí: escalar
      No: resolver
  - id: escalar
    process: Escalar al supervisor
    lane: Supervisor
    next: cierre
  - id: resolver
    process: Implementar la solución acordada
    lane: agente
    link: https://intranet.example/kb/quejas
  - id: cierre
    end: Queja cerrada y documentada
"""


def big_flow_text(count: int = 300, lanes: int = 5) -> str:
    """A ``count``-step Spanish flow with lanes, decisions every 9 steps, notes and very long labels."""
    lines = ["title: Proceso grande de facturación", "lang: es", 'version: "9.9"', "lanes:"]
    lines += [f"  - id: l{i}\n    name: Área número {i}" for i in range(lanes)]
    lines += ["steps:", "  - id: s0", "    start: Inicio del proceso grande", "    lane: l0"]
    for i in range(1, count - 1):
        lane = f"l{i % lanes}"
        if i % 9 == 4:
            lines += [
                f"  - id: s{i}",
                f"    decision: ¿Está completa la revisión número {i}?",
                f"    lane: {lane}",
                "    branches:",
                f"      Sí: s{i + 1}",
                f"      No: s{max(1, i - 3)}",
            ]
        else:
            label = f"Paso número {i} — revisar, validar y registrar la información del expediente"
            if i % 50 == 7:
                label += " " + "muy " * 120 + "largo"
            lines += [
                f"  - id: s{i}",
                f"    process: {label}",
                f"    lane: {lane}",
                f"    notes: Nota del paso {i} con acentos — información, acción, revisión.",
                f"    duration: {i % 12 + 1} min",
            ]
    lines += [f"  - id: s{count - 1}", "    end: Fin del proceso grande", "    lane: l1"]
    return "\n".join(lines) + "\n"
