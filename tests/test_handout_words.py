"""The handout's words and who it trains: plurals, Brazilian Portuguese, the legend, external lanes, columns."""

from __future__ import annotations

import pytest
from handout_fakes import QUEJAS, FakeDrawing, diagram_of, flow_from

from flowchart_cli.handout.view import build_view
from flowchart_cli.symbols import SYMBOLS
from flowchart_cli.words import LANGS, WORDS, plural, symbol_name

EXTERNAL = """
title: Compra
lang: es
lanes:
  - id: cliente
    name: Cliente
    external: true
  - id: tienda
    name: Tienda
  - id: pago
    name: Sistema de pago
    external: true
steps:
  - start: El cliente pide
    lane: cliente
  - process: Preparar el pedido
    lane: tienda
  - io: Cobrar
    lane: pago
  - end: Pedido entregado
    lane: tienda
"""


def view_of(flow, **kwargs):
    return build_view(flow, diagram_of(flow), FakeDrawing(), **kwargs)


def test_external_lanes_get_no_section_no_checklist_line_and_are_not_counted(tmp_path):
    view = view_of(flow_from(tmp_path, EXTERNAL))
    assert [lane.name for lane in view.lanes] == ["Tienda"]
    assert not any("Cliente" in item or "Sistema de pago" in item for item in view.checklist.items)
    assert "Conozco los pasos de «Tienda» (pasos 2, 4)." in view.checklist.items
    assert "1 responsable" in view.doc.summary and "4 pasos" in view.doc.summary
    rows = {row.lane: row.external for row in view.steps}
    assert rows == {"Cliente": True, "Tienda": False, "Sistema de pago": True}


def test_one_step_is_singular_in_every_language(tmp_path):
    flow = flow_from(tmp_path, QUEJAS)
    expected = {
        "es": ("Paso 4", "Conozco el paso de «Supervisor» (paso 4)."),
        "en": ("Step 4", "I know the step “Supervisor” is responsible for (step 4)."),
        "pt": ("Passo 4", "Conheço o passo de “Supervisor” (passo 4)."),
    }
    for lang, (numbers, item) in expected.items():
        view = view_of(flow, lang=lang)
        supervisor = next(lane for lane in view.lanes if lane.name == "Supervisor")
        assert supervisor.numbers == numbers
        assert item in view.checklist.items
    assert plural(WORDS["es"], "lane_steps", 2, numbers="2, 5") == "Pasos 2, 5"


def test_no_english_left_in_spanish_or_portuguese():
    same = {"hop_to", "none", "answer", "quoted"}  # signs and placeholders only
    same_pt = same | {"col_links", "links"}  # "Links" is the Brazilian word too
    assert [k for k in WORDS["en"] if WORDS["es"][k] == WORDS["en"][k] and k not in same] == []
    assert [k for k in WORDS["en"] if WORDS["pt"][k] == WORDS["en"][k] and k not in same_pt] == []


def test_portuguese_is_brazilian():
    text = " ".join(WORDS["pt"].values())
    for european in ("teste-se", "as minhas", "os meus", "secção", "registo", "utilizador", "ecrã", "facto"):
        assert european not in text


def test_the_legend_never_repeats_a_symbols_name_as_its_meaning(tmp_path):
    middle = [k for k in SYMBOLS if k not in ("start", "end", "decision", "connector")]
    kinds = "\n".join(f"  - {kind}: Algo {i}" for i, kind in enumerate(middle))
    flow = flow_from(tmp_path, f"title: T\nsteps:\n  - start: A\n{kinds}\n  - end: Z\n")
    for lang in LANGS:
        legend = view_of(flow, lang=lang).legend
        assert len(legend) == len(SYMBOLS) - 2
        for item in legend:
            name = set(item.name.casefold().split()) - {"de"}
            assert not name & set(item.meaning.casefold().replace(",", " ").split()), (lang, item.kind)


def test_the_start_says_it_starts_the_process(tmp_path):
    view = view_of(flow_from(tmp_path, QUEJAS))
    start = view.lanes[0].steps[0]
    assert start.comes_from[0].text == "ningún paso: aquí empieza el proceso"


def test_empty_columns_are_left_out_and_the_rest_share_the_page(tmp_path):
    bare = flow_from(tmp_path, "title: T\nsteps:\n  - start: A\n  - process: B\n  - end: C\n", "bare.flow.yaml")
    columns = view_of(bare).columns
    assert [c.key for c in columns] == ["number", "step", "symbol", "next"]
    assert sum(c.width for c in columns) == pytest.approx(100, abs=0.05)
    full = view_of(flow_from(tmp_path, QUEJAS)).columns
    # one note and one link in six rows: folded under their steps' labels, not two columns of «—»
    assert [c.key for c in full] == ["number", "step", "symbol", "lane", "duration", "next"]
    noted = QUEJAS.replace("    lane: Supervisor\n", "    lane: Supervisor\n    notes: Con copia al cliente.\n")
    noted = noted.replace("    end: Queja cerrada", "    notes: Archivar.\n    end: Queja cerrada")
    kept = view_of(flow_from(tmp_path, noted, "noted.flow.yaml")).columns  # three notes in six rows: a column
    assert [c.key for c in kept] == ["number", "step", "symbol", "lane", "duration", "notes", "next"]


def test_a_hop_breaks_only_between_the_outcome_and_the_arrow(tmp_path):
    view = view_of(flow_from(tmp_path, QUEJAS))
    hop = view.steps[2].next[0].text
    assert hop == "Sí →\u00a0paso\u00a04"
    assert symbol_name("delay", "es") == "Espera"


def test_the_external_mark_reads_right_whatever_the_party_s_gender():
    """Review 3 #13: "Tesorería (pasarela de pago) (externo)", "Transportadora de entrega (externo)"."""
    from flowchart_cli.words import words

    assert words("es")["external"] == words("pt")["external"] == "parte externa"
    assert words("en")["external"] == "external"
