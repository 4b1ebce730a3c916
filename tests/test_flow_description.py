"""The SVG's hidden description (read aloud by screen readers) speaks the flow's language."""

from __future__ import annotations

from handout_fakes import flow_from

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
