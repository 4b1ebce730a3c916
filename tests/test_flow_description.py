"""The SVG's hidden description (read aloud by screen readers) speaks the flow's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tinyhtml5
from handout_fakes import flow_from
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.flow_description import describe, describe_part

FLOW = """title: Cambio de contraseña
lang: {lang}
lanes: [Cliente, Agente]
steps:
  - start: El cliente pide el cambio
    lane: Cliente
  - id: ok
    decision: ¿Coinciden los datos?
    lane: Agente
    branches: {{Sí: fin, No: rechazo}}
  - id: rechazo
    end: Cambio rechazado
  - id: fin
    end: Contraseña cambiada
"""


def test_the_description_speaks_the_flow_s_language(tmp_path) -> None:
    spanish = describe(flow_from(tmp_path, FLOW.format(lang="es")))
    assert spanish == (
        "Diagrama de flujo de 4 pasos; responsables: Cliente, Agente; empieza en: El cliente pide el cambio; "
        "termina en: Cambio rechazado; Contraseña cambiada."
    )
    portuguese = describe(flow_from(tmp_path, FLOW.format(lang="pt")))
    assert portuguese.startswith("Fluxograma de 4 passos; responsáveis: Cliente, Agente; começa em: ")
    english = describe(flow_from(tmp_path, FLOW.format(lang="en")))
    assert english.startswith("Flowchart of 4 steps in lanes Cliente, Agente; starts at: ")
    assert describe(flow_from(tmp_path, FLOW.format(lang="es")), "en").startswith("Flowchart of 4 steps")


def test_a_written_description_is_kept(tmp_path) -> None:
    flow = flow_from(tmp_path, FLOW.format(lang="es").replace("lanes:", "description: Cómo se cambia\nlanes:"))
    assert describe(flow) == "Cómo se cambia"


def test_a_part_says_which_part_it_is(tmp_path) -> None:
    flow = flow_from(tmp_path, FLOW.format(lang="pt"))
    assert (
        describe_part(flow, "5–9, 11", 6, 2, 4) == "Parte 2 de 4 do fluxograma “Cambio de contraseña”: passos 5–9, 11."
    )
    assert (
        describe_part(flow, "3", 1, 1, 2, "es") == "Parte 1 de 2 del diagrama de flujo «Cambio de contraseña»: paso 3."
    )


def _descs(html: str) -> list[str]:
    root = tinyhtml5.parse(html)
    return [" ".join("".join(d.itertext()).split()) for d in root.iter("{http://www.w3.org/2000/svg}desc")]


def test_the_handout_s_drawing_is_described_in_the_flow_s_language(tmp_path) -> None:
    flow = tmp_path / "cambio.flow.yaml"
    flow.write_text(FLOW.format(lang="es"), encoding="utf-8")
    result = CliRunner().invoke(app, ["handout", str(flow), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    descs = _descs((tmp_path / "cambio.handout.html").read_text(encoding="utf-8"))
    assert descs[0].startswith("Diagrama de flujo de 4 pasos; responsables: Cliente, Agente; empieza en:")
    assert not any(d.startswith("Flowchart of") for d in descs)


@pytest.mark.slow
def test_each_printed_part_says_which_part_and_steps_it_holds(tmp_path) -> None:
    """pedido-online (pt, 20 steps) prints in parts: each part's <desc> names its part and steps, in Portuguese."""
    flow = Path(__file__).parent / "layout_cases" / "pedido-online.flow.yaml"
    result = CliRunner().invoke(app, ["handout", str(flow), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    overview, *parts = _descs((tmp_path / "pedido-online.handout.html").read_text(encoding="utf-8"))
    assert overview.startswith("Fluxograma de 20 passos; responsáveis: Cliente, ")
    assert len(parts) >= 2
    for n, desc in enumerate(parts, start=1):
        assert re.fullmatch(rf"Parte {n} de {len(parts)} do fluxograma “[^”]+”: passos? [\d–, ]+\.", desc), desc


@pytest.mark.slow
def test_the_overview_says_connectors_lead_back_as_well_as_on(tmp_path) -> None:
    """ligacao-energia's document loop goes back to an earlier part: the overview's sentence must not say "the
    next" (pedido-online's retry loops did, until their parts' connectors were set a line shorter)."""
    flow = Path(__file__).parent / "layout_cases" / "ligacao-energia.flow.yaml"
    assert CliRunner().invoke(app, ["handout", str(flow), "-o", str(tmp_path)]).exit_code == 0
    root = tinyhtml5.parse((tmp_path / "ligacao-energia.handout.html").read_text(encoding="utf-8"))
    html_ns, svg_ns = "{http://www.w3.org/1999/xhtml}", "{http://www.w3.org/2000/svg}"
    captions = [" ".join("".join(p.itertext()).split()) for p in root.iter(f"{html_ns}p")]
    caption = next(c for c in captions if c.startswith("O processo completo, em "))
    assert "posterior ou anterior" in caption and "à seguinte" not in caption
    back = []
    for number, section in enumerate(
        (s for s in root.iter(f"{html_ns}section") if "diagram-part" in s.get("class", "")), start=1
    ):
        for connector in section.iter(f"{svg_ns}g"):
            if "fc-offpage-connector" in connector.get("class", ""):
                said = " ".join("".join(connector.itertext()).split())
                back += [int(n) < number for n in re.findall(r"continua na parte (\d+)", said)]
    assert any(back)  # a line that goes on in an earlier part: the sentence is about this flow


def test_the_svg_desc_of_a_spanish_flow_is_spanish(tmp_path) -> None:
    from xml.etree import ElementTree

    from flowchart_cli.layout import layout_flow
    from flowchart_cli.options import RenderOptions
    from flowchart_cli.writers.svg import write_svg

    flow = flow_from(tmp_path, FLOW.format(lang="es"))
    svg = ElementTree.fromstring(write_svg(layout_flow(flow, RenderOptions()), RenderOptions()).encode())
    (desc,) = svg.iter("{http://www.w3.org/2000/svg}desc")
    assert desc.text.startswith("Diagrama de flujo de 4 pasos; responsables: Cliente, Agente; empieza en:")
