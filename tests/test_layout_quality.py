"""Every line readable (issue 25): no shared runs, no long detours, outcome targets in outcome order.

Measured on the geometry by :mod:`layout_quality` (benchmarks/), the module
the layout benchmark reports with, on the samples, on our own
customer-service flows (benchmarks/flows) and on generated flows: the plain
chains of the benchmark and seeded random flows, TB and LR, with and
without stages.
"""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path

import pytest
from flowgen import generated_flow, random_flow
from layout_quality import (
    continuations,
    crossing_pairs,
    crossings_near_tips,
    detours,
    measure,
    misordered_outcomes,
    shared_runs,
    stranger_arrivals,
    turns_before_strangers,
)

from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.ordering import order_cells
from flowchart_cli.layout.tracks import ChannelSegment, order_tracks
from flowchart_cli.loader import load_flow, load_text

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "layout_cases"
WRITTEN_HERE = [path for path in sorted(CASES.glob("*.flow.yaml")) if not path.name.startswith("generated-")]
"""Customer-service flows written for these tests (es/pt/en, TB and LR, loops back, three-way decisions,
external parties, stages), none of them tuned for: the benchmark's flows are not the only ones that count."""
FILES = (
    sorted((ROOT / "samples").glob("*.flow.yaml"))
    + sorted((ROOT / "benchmarks" / "flows").glob("*.flow.yaml"))
    + WRITTEN_HERE
)
GENERATED = {f"generated-{size}": generated_flow(size, lanes=4, varied_symbols=True) for size in (12, 25, 50, 100)}
GENERATED |= {
    f"random-{size}-{seed}-{direction}{'-stages' if staged else ''}": random_flow(
        size, seed, direction=direction, stages=staged
    )
    for size in (12, 25, 50)
    for seed in (1, 2)
    for direction in ("TB", "LR")
    for staged in (False, True)
}


def _diagrams():
    for path in FILES:
        flow, diagnostics = load_flow(path)
        assert flow is not None, diagnostics
        yield path.name, layout_flow(flow)
    for name, text in GENERATED.items():
        flow, diagnostics = load_text(text)
        assert flow is not None, diagnostics
        yield name, layout_flow(flow)


@pytest.fixture(scope="module")
def diagrams():
    return list(_diagrams())


@pytest.mark.slow
def test_no_two_lines_without_a_common_end_run_on_top_of_each_other(diagrams):
    for name, d in diagrams:
        pairs = shared_runs([e.points for e in d.edges], [(e.source, e.target) for e in d.edges], d.font_size)
        assert not pairs, (name, [(d.edges[a].source, d.edges[a].target, d.edges[b].target) for a, b in pairs])


@pytest.mark.slow
def test_few_arrivals_seem_to_come_out_of_the_shape_right_before_them(diagrams):
    # a last run just under a shape into the one below it read as that shape's line ("Ask the
    # policyholder" -> "Loss assessor's report", a third reviewer): 47 on these drawings before such lines
    # entered by their target's side; what is left has that side taken, would cross or crowd another line
    # (a shape whose own line merges into the same arrival is no stranger: 9 of those 13 were merged
    # trunks beside such a shape, counted since review 4 as the reader sees them, read right); review 5's
    # flows brought 2 more, and a line whose way on down its channel is blocked now turns late, beside
    # its target, into its side: 3 in all; review 8's delivery-complaint brought one more ("Yes" runs down
    # 12 px past "Close the complaint without a refund" into the side of "Refund the affected items", whose
    # other side its merged arrival takes); review 12's disputa-tarjeta brought two, now none: the lines from
    # "Dejar firme el abono" and "Revertir el abono provisional" came up the 22 px between "Disputa cerrada…" and
    # "Enviar carta de resolución" into the latter's side; they join the third line into it, from below (LR)
    # "Enviar carta de resolución"'s side; they join the third line into it, from below (LR). Review 16's LR
    # mala-extraviada brought 4: two merged arrivals each, into "Calcular a indenização" beside "Declarar a
    # mala perdida" and into "A busca encontrou a mala?" beside "Pedir à parceira que procure a mala", whose
    # other sides are taken
    found = {name: stranger_arrivals(d) for name, d in diagrams}
    assert sum(map(len, found.values())) <= 8, {name: pairs for name, pairs in found.items() if pairs}
    assert found["disputa-tarjeta.flow.yaml"] == []
    assert not [a for a in found["autorizacao-previa.flow.yaml"] if a[:2] == ("confirmou", "reagendar")]
    assert not [a for a in found["travel-insurance-claim.flow.yaml"] if a[:2] == ("more_info", "assessor_report")]


@pytest.mark.slow
def test_no_line_turns_aside_just_before_a_shape_it_does_not_go_to(diagrams):
    # "Há ONT reserva? Sim" came down over "Substituir o cabo" and turned 12 px above it, as if into
    # it; 9 such turns on these drawings before their channels kept room below their tracks (turns.py).
    # Across too: "Não" out of "O cliente aceita a explicação?" turned 16 px before "Qual a gravidade?"
    # (review 18: "Not yet" 21 px before "Claim declined"); 9 such side turns on these drawings before
    # their column channels kept room on the shape's side (turns.py), e.g. in fuga-de-gas and password-reset
    found = {name: turns_before_strangers(d) for name, d in diagrams}
    assert not any(found.values()), {name: turns for name, turns in found.items() if turns}


@pytest.mark.slow
def test_every_line_runs_only_across_and_along(diagrams):
    # contracargo-banco's "No" went straight on out of a stub it shared with "Sí" to a port offset for a
    # merging line, and ran at a slant into "Presentar el contracargo" (review 4); it now steps across
    slanted = {
        name: [
            (e.source, e.target) for e in d.edges for a, b in itertools.pairwise(e.points) if a.x != b.x and a.y != b.y
        ]
        for name, d in diagrams
    }
    assert not any(slanted.values()), {name: lines for name, lines in slanted.items() if lines}


@pytest.mark.slow
def test_no_line_is_crossed_just_before_its_arrowhead(diagrams):
    # "Tell the patient to call emergency services" crossed the arrow into "Send the appointment link"
    # 11 px before its tip, as if emergency patients got an SMS link (review 4); 5 such crossings on
    # these drawings before the channel beside the arrow's shape kept room (tips.py)
    # review 14's ligacao-energia (open): "É a segunda visita improdutiva? Sim" runs under the stage border to
    # "Lançar a taxa…", across the drop of "Aprovado" into "Instalar o medidor" 11 px before its tip; the
    # way above that row would cross as many lines, and why the planner takes this one is not yet known
    known = {"ligacao-energia.flow.yaml": [("resultado", "medidor", "taxa", "cobra_taxa")]}
    found = {name: crossings_near_tips(d) for name, d in diagrams}
    assert {name: pairs for name, pairs in found.items() if pairs} == known
    assert "telehealth-triage.flow.yaml" in found and "matricula-escolar.flow.yaml" in found


@pytest.mark.slow
def test_no_line_seems_to_run_on_into_another(diagrams):
    # two middle ports facing each other across a channel put two unrelated stubs on one straight line:
    # "Aguardar lembrete" read as leading to "Executar" (reclamacao-ouvidoria, written by a reviewer);
    # 5 such pairs on these flows before facing ports were moved apart
    for name, d in diagrams:
        pairs = continuations([e.points for e in d.edges], [(e.source, e.target) for e in d.edges])
        found = [(d.edges[a].source, d.edges[a].target, d.edges[b].source) for a, b in pairs]
        assert found == RUN_ON_KNOWN.get(name, []), (name, found)


RUN_ON_KNOWN = {
    # review 9's LR flow, as it came: "Is a site survey needed? No" runs on one line with the way out of
    # "Survey the route from the street cabinet" (left for later, docs/layout.md)
    "broadband-installation.flow.yaml": [("survey_needed", "book", "survey")],
    # review 14's LR flow: "¿El GPS confirma la entrega? Sí" out of one diamond's bottom and "¿El restaurante
    # reconoce el error? Sí" out of the top of the diamond under it, head-on, 20 px apart (open: a diamond's
    # corners do not move)
    "reclamacion-delivery.flow.yaml": [("resp_rest", "reembolso_parcial", "gps")],
}


@pytest.mark.slow
def _close_to_a_shape(d, clearance: float) -> list[tuple[str, str, str, float]]:
    """Pieces of lines that pass a shape (not one of their ends) closer than ``clearance`` px."""
    found = []
    for edge in d.edges:
        for a, b in zip(edge.points, edge.points[1:], strict=False):
            for node in d.nodes:
                r = node.box
                if node.key in (edge.source, edge.target):
                    continue
                if abs(a.x - b.x) < 0.01 and max(a.y, b.y) > r.y and min(a.y, b.y) < r.bottom:
                    gap = 0.0 if r.x <= a.x <= r.right else min(abs(a.x - r.x), abs(a.x - r.right))
                elif abs(a.y - b.y) < 0.01 and max(a.x, b.x) > r.x and min(a.x, b.x) < r.right:
                    gap = 0.0 if r.y <= a.y <= r.bottom else min(abs(a.y - r.y), abs(a.y - r.bottom))
                else:
                    continue
                if gap < clearance:
                    found.append((edge.source, edge.target, node.key, round(gap, 1)))
    return found


@pytest.mark.slow
def test_no_line_passes_a_shape_closer_than_ten_px(diagrams):
    """A reviewer read a line running 6 px under "Pedir mais dados" as leaving it: a track keeps 10 px
    from the shapes above it and 11 px above the next (the arrowhead's room), 12 px beside a column."""
    for name, d in diagrams:
        assert _close_to_a_shape(d, 10.0 - 1e-6) == [], name


@pytest.mark.slow
def test_a_line_passes_the_shapes_it_does_not_touch_16_px_off(diagrams):
    """Review 17: lines 10 and 11 px under or over steps they had nothing to do with read as theirs
    ("Entregar a encomenda → Encomenda entregue com atraso" under "Cobrar uma resposta…"), and 12 px beside
    a column: a channel whose track passes a stranger that close keeps 16 px (passing.py)."""
    close = {name: found for name, d in diagrams if (found := _close_to_a_shape(d, 16.0 - 1e-6))}
    assert close == {}


def test_no_line_is_longer_than_one_and_a_half_times_its_ends_distance(diagrams):
    for name, d in diagrams:
        worst = max(detours([e.points for e in d.edges], d.font_size), default=0.0)
        assert worst <= 1.5, (name, worst)


@pytest.mark.slow
def test_outcome_targets_in_one_row_follow_the_sides_their_outcomes_leave_by(diagrams):
    for name, d in diagrams:
        assert misordered_outcomes(d) == [], name


@pytest.mark.slow
def test_a_loop_within_one_stage_stays_inside_its_band(diagrams):
    checked = 0
    for name, d in diagrams:
        lr = d.direction == "LR"
        stage_of = {n.key: n.stage for n in d.nodes}
        band = {s.id: s.band for s in d.stages}
        for e in d.edges:
            stage = stage_of[e.source]
            if e.back and stage == stage_of[e.target] and stage in band:
                low, high = (band[stage].x, band[stage].right) if lr else (band[stage].y, band[stage].bottom)
                assert all(low - 0.5 <= (p.x if lr else p.y) <= high + 0.5 for p in e.points), (name, e.source)
                checked += 1
    assert checked >= 10  # the staged samples, flows and random flows have loops within a stage


@pytest.mark.slow
def test_the_old_guarantees_hold_on_the_new_flows(diagrams):
    # open: review 15's renegociacao-divida (LR) sends "Sim" out of the bottom of "O pagamento foi compensado?"
    # to a step on its right and "Boleto vencido" out of the right corner beside "Não, dentro do vencimento"
    # down to a step below, so the two cross once; the other way round (each by the side its step is on)
    # is what a person would draw
    crossing_outcomes = {"renegociacao-divida.flow.yaml": 1}
    for name, d in diagrams:
        q = measure(d)
        assert (q.outcome_crossings, q.arrowheads, q.close_runs) == (crossing_outcomes.get(name, 0), 1, 0), name
        assert q.arrival_crossings == 0, name


THREE_WAYS = """
title: Three ways
direction: {direction}
lanes: [Agente, Area]
steps:
  - start: Llega el caso
    lane: Agente
  - id: d
    decision: ¿Qué hacemos?
    branches:
      Reparar: a
      Cambiar: b
      Devolver: c
  - id: a
    process: Reparar el equipo
    lane: Area
    next: fin
  - id: b
    process: Cambiar el equipo
    lane: Area
    next: fin
  - id: c
    process: Devolver el dinero
    lane: Area
    next: fin
  - id: fin
    end: Caso cerrado
    lane: Agente
"""


@pytest.mark.slow
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_a_decisions_targets_in_one_cell_lie_in_the_order_its_outcomes_are_written(direction):
    flow, diagnostics = load_text(textwrap.dedent(THREE_WAYS.format(direction=direction)))
    assert flow is not None, diagnostics
    d = layout_flow(flow)
    across = {n.key: (n.box.center.x if direction == "TB" else n.box.center.y) for n in d.nodes}
    assert across["a"] < across["b"] < across["c"]
    assert misordered_outcomes(d) == []
    assert measure(d).outcome_crossings == 0


def test_two_lines_turning_off_at_one_place_away_from_each_other_keep_their_stubs_apart():
    # one line comes up the channel and turns right into a shape at 10; the other turns left at 10 out of
    # a shape and runs down: the one turning left must lie left, or both run along one stub at 10
    into = ChannelSegment(10.0, 30.0, ((30.0, -1), (10.0, 1)))
    out_of = ChannelSegment(10.0, 40.0, ((10.0, -1), (40.0, 1)))
    tracks, _ = order_tracks([into, out_of])
    assert tracks[1] < tracks[0]


def test_crossing_reduction_keeps_the_order_with_fewest_crossings_and_outcome_order_on_ties():
    lane, rank = [0, 1, 1, 1], [0, 1, 1, 1]
    links = [(0, 1, False), (0, 2, False), (0, 3, False)]
    dot_order = (0.0, 3.0, 1.0, 2.0)  # dot put the targets 2, 3, 1

    def flat(order):
        return 0.0

    kept = order_cells(lane, rank, dot_order, links, [[1, 2, 3]], flat)
    assert sorted(range(1, 4), key=lambda n: kept[n]) == [1, 2, 3]  # a tie: the outcomes' written order

    def crossings_unless_3_1_2(order):  # like real crossings: each pair out of the order 3, 1, 2 costs one
        place = {node: n for n, node in enumerate((3, 1, 2))}
        cell = sorted(range(1, 4), key=lambda n: order[n])
        return float(sum(place[a] > place[b] for i, a in enumerate(cell) for b in cell[i + 1 :]))

    chosen = order_cells(lane, rank, dot_order, links, [[1, 2, 3]], crossings_unless_3_1_2)
    assert sorted(range(1, 4), key=lambda n: chosen[n]) == [3, 1, 2]


@pytest.mark.slow
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_an_outcome_into_a_step_and_that_steps_loop_back_do_not_cross(direction):
    # "Identity verified? No -> ask again -> back to verify": each line alone has no better way, the two
    # planned together do (the outcome enters from another side, the loop leaves by the free one)
    text = (CASES / "cancel-subscription.flow.yaml").read_text(encoding="utf-8")
    flow, diagnostics = load_text(text.replace("direction: LR", f"direction: {direction}"))
    assert flow is not None, diagnostics
    d = layout_flow(flow)
    ends = [(e.source, e.target) for e in d.edges]
    crossing = {frozenset((ends[a], ends[b])) for a, b in crossing_pairs([e.points for e in d.edges])}
    assert frozenset({("ok", "retry"), ("retry", "verify")}) not in crossing


@pytest.mark.slow
def test_the_crossings_the_ordering_pass_counts_are_the_drawings_own(monkeypatch):
    # the passes judge each order by routing it and counting crossings with every track and port in place,
    # before any size is known: on the plan that is drawn, that count must be the one the drawing shows
    import flowchart_cli.layout as layout
    from flowchart_cli.layout.routing import tracked_crossings

    counted = []
    assemble = layout.assemble

    def count_and_assemble(placement, options):
        counted.append(tracked_crossings(placement.routes, placement.rank, placement.grid.column))
        return assemble(placement, options)

    monkeypatch.setattr(layout, "assemble", count_and_assemble)
    crossed = 0
    for path in FILES:
        flow, diagnostics = load_flow(path)
        assert flow is not None, diagnostics
        real = measure(layout_flow(flow)).crossings
        assert (counted[-1], real) == MISCOUNTED.get(path.name, (real, real)), path.name
        crossed += real > 0
    assert crossed >= 5  # flows with crossings to count, not only empty ones


MISCOUNTED = {
    # a second reviewer's two LR flows: the count before the frame sees more crossings than the drawing
    # has (contracargo: side runs the frame moves in to the shapes, past the lines they met on the grid;
    # hotel: two handoffs in one rank whose runs share a channel). Found when the flows joined these
    # tests and left for later (docs/layout.md); the count errs on the safe side
    "contracargo-banco.flow.yaml": (4.0, 1),
    "hotel-overbooking.flow.yaml": (7.0, 2),
    # a fourth reviewer's LR flow: the grid's count sees one more crossing than the drawing shows
    "danos-vehiculo.flow.yaml": (1.0, 0),
    # review 8's LR flow: likewise one more on the grid than in the drawing
    "visita-tecnica-telecom.flow.yaml": (2.0, 1),
    "disputa-danos-alquiler.flow.yaml": (2.0, 1),  # review 9's LR flow: likewise
    "garantia-notebook.flow.yaml": (9.0, 6),  # review 11's LR flow: three more on the grid
    "inscripcion-escolar.flow.yaml": (2.0, 0),  # review 16's LR flow: two more on the grid
    "online-returns.flow.yaml": (9.0, 8),  # review 12's (TB): two lines into one step join where they cross
    "reagendamento-visita.flow.yaml": (10.0, 7),  # review 14's two LR flows: three and four more on the grid
    "reclamacion-delivery.flow.yaml": (7.0, 3),
}


MOST_CROSSINGS = {
    # benchmarks/flows: what is left is where lanes force a line across a handoff (see docs/layout.md);
    # before issue 25's last part: cobranca 7, devolucion-tienda 1, recompensas 7; cobranca 6 before its
    # handoffs stayed level (LR)
    "cobranca.flow.yaml": 3,
    "devolucion-tienda.flow.yaml": 0,
    "entrega-fallida.flow.yaml": 3,
    "onboarding.flow.yaml": 1,
    "reclamacao-voo.flow.yaml": 0,
    "recompensas.flow.yaml": 4,
    "soporte-tecnico.flow.yaml": 3,
    "troca-garantia.flow.yaml": 2,
    # written for these tests; before: portabilidad 3, warranty-repair 5, cancel-subscription 1
    "alta-servicio.flow.yaml": 1,
    "cancel-subscription.flow.yaml": 0,
    "chamado-ti.flow.yaml": 0,
    "portabilidad.flow.yaml": 1,
    "reembolso-viagem.flow.yaml": 1,
    "siniestro-hogar.flow.yaml": 1,
    "sinistro-residencial.flow.yaml": 0,
    "warranty-repair.flow.yaml": 4,
    # written by a reviewer who had not seen the layout code (issue 25, fourth round)
    "pedido-online.flow.yaml": 2,
    "reclamacao-ouvidoria.flow.yaml": 2,
    "soporte-internet-7-etapas.flow.yaml": 4,
    "warranty-claim.flow.yaml": 1,
    # a second reviewer's (issue 25, fifth round): "Qual é a conduta?" has four outcomes (6 before they
    # fanned out in the order of their targets)
    "triagem-hospital.flow.yaml": 5,
    "contracargo-banco.flow.yaml": 1,
    "hotel-overbooking.flow.yaml": 2,
    "password-reset.flow.yaml": 0,
    "siniestro-auto.flow.yaml": 4,
    "visita-tecnica.flow.yaml": 2,
    # a third reviewer's six (review 3): travel's 14 are two long lines into one "Claim closed" from far
    # branches (11) and the assessor loop
    "bagagem-extraviada.flow.yaml": 1,
    "cita-permiso-municipal.flow.yaml": 0,
    "disputa-lectura-medidor.flow.yaml": 0,
    "downgrade-plano-movel.flow.yaml": 3,
    "membership-freeze.flow.yaml": 0,
    "travel-insurance-claim.flow.yaml": 14,
    # a fourth reviewer's six (review 4): 11 in all, as few as D2 (11) and fewer than Mermaid (14), which
    # moved the lanes of three; Graphviz 66
    "cartao-perdido.flow.yaml": 0,
    "corte-suministro.flow.yaml": 3,
    "danos-vehiculo.flow.yaml": 0,
    "invoice-dispute.flow.yaml": 1,
    "matricula-escolar.flow.yaml": 4,
    "telehealth-triage.flow.yaml": 3,
    # a fifth reviewer's six (review 5): seller-dispute's lines cross between its six lanes in four stages
    "apostilla.flow.yaml": 1,
    "autorizacao-previa.flow.yaml": 1,  # 4 before its loop-only steps were raised (see the next six)
    "contestacao-roaming.flow.yaml": 3,
    "nueva-conexion.flow.yaml": 0,
    "seller-dispute.flow.yaml": 13,
    "unaccompanied-minor.flow.yaml": 0,
    # a sixth reviewer's six (review 7): 12 in all against D2's 13 (which moved the lanes of all six);
    # troca-medidor 4 before "Aviso de visita", whose only line out loops back, was raised off the
    # stage's foot
    "freight-damage-claim.flow.yaml": 8,
    "gym-cancellation.flow.yaml": 0,
    "recall-farmacia.flow.yaml": 1,
    "reclamacion-pension.flow.yaml": 1,
    "transporte-escolar.flow.yaml": 0,
    "troca-medidor.flow.yaml": 2,
    # a seventh reviewer's six (review 8): 8 in all against Mermaid's 25 and D2's 28; kyc 5 (Mermaid 3)
    "abertura-conta-kyc.flow.yaml": 5,
    "apelacion-calificacion.flow.yaml": 2,
    "corte-suministro-agua.flow.yaml": 0,
    "delivery-complaint.flow.yaml": 0,
    "home-insurance-claim.flow.yaml": 0,
    "visita-tecnica-telecom.flow.yaml": 1,
    # an eighth reviewer's six (review 9): 14 in all against Mermaid's 30 and D2's 37; reprogramacion 5 (D2 2)
    "broadband-installation.flow.yaml": 2,
    "disputa-danos-alquiler.flow.yaml": 1,
    "pedido-aposentadoria.flow.yaml": 4,
    "portabilidade-numero.flow.yaml": 1,
    "reprogramacion-cita.flow.yaml": 5,
    "return-exchange.flow.yaml": 1,
    # a ninth reviewer's six (review 10): 14 in all against Mermaid's 33 and D2's 37; devolucao-equipamento 10
    # (D2 3) before a decision's four answers were planned together
    "devolucao-equipamento.flow.yaml": 2,
    "disputa-medidor.flow.yaml": 5,
    "reembolso-delivery.flow.yaml": 1,
    "tax-refund-appeal.flow.yaml": 5,
    "traslado-escolar.flow.yaml": 0,
    "visa-appointment.flow.yaml": 1,
    # a tenth reviewer's six (review 11): 25 in all against Mermaid's 24 and D2's 31 (21 as a reader sees
    # them: internet-outage's three lines merged into "Does the customer confirm…" cross two lines together)
    "alta-suministro-electrico.flow.yaml": 3,
    "equipaje-extraviado.flow.yaml": 0,
    "garantia-notebook.flow.yaml": 6,
    "hospital-discharge.flow.yaml": 7,
    "internet-outage.flow.yaml": 9,
    "sinistro-seguro-pet.flow.yaml": 0,
    # an eleventh reviewer's six (review 12): 28 in all against Mermaid's 36 and D2's 39
    "delayed-baggage.flow.yaml": 2,
    "disputa-tarjeta.flow.yaml": 2,
    "leitura-medidor.flow.yaml": 3,
    "online-returns.flow.yaml": 8,
    "portabilidad-movil.flow.yaml": 2,
    "pre-autorizacao-exame.flow.yaml": 11,
    # a twelfth reviewer's six (review 13): 15 in all against D2's 30 and Mermaid's 32
    "agua-cuotas.flow.yaml": 0,
    "aposentadoria.flow.yaml": 2,
    "fuga-de-gas.flow.yaml": 4,
    "rental-damage-dispute.flow.yaml": 6,
    "seguro-celular.flow.yaml": 1,
    "transcript-request.flow.yaml": 2,
    # a thirteenth reviewer's six (review 14): 32 in all against D2's 72 and Mermaid's 58 (one failed); 33 as
    # the reviewer drew them, before two outcomes of one decision stopped crossing (card-fraud-alert)
    "card-fraud-alert.flow.yaml": 4,
    "fridge-warranty.flow.yaml": 10,
    "hipoteca.flow.yaml": 3,
    "ligacao-energia.flow.yaml": 5,
    "reagendamento-visita.flow.yaml": 7,
    "reclamacion-delivery.flow.yaml": 3,
    # a fourteenth reviewer's six (review 15): 14 in all against D2's 28 and Mermaid's 18 (one failed)
    "portabilidad-entrante.flow.yaml": 2,
    "renegociacao-divida.flow.yaml": 3,
    "rental-damage-claim.flow.yaml": 3,
    "roadside-assistance.flow.yaml": 2,
    "siniestro-agua-hogar.flow.yaml": 4,
    "troca-parabrisa.flow.yaml": 0,
    # a fifteenth reviewer's six (review 16): 16 in all against Mermaid's 28 and D2's 32
    "contestacao-leitura.flow.yaml": 1,
    "disability-pension.flow.yaml": 9,
    "hotel-relocation.flow.yaml": 3,
    "inscripcion-escolar.flow.yaml": 0,
    "mala-extraviada.flow.yaml": 2,
    "reposicion-tarjeta.flow.yaml": 1,
}


@pytest.mark.slow
def test_the_customer_service_flows_cross_no_more_than_they_do_now(diagrams):
    counted = {name: measure(d).crossings for name, d in diagrams if name in MOST_CROSSINGS}
    assert counted.keys() == MOST_CROSSINGS.keys()
    over = {name: count for name, count in counted.items() if count > MOST_CROSSINGS[name]}
    assert not over, over
    samples = {path.name for path in (ROOT / "samples").glob("*.flow.yaml")}
    assert samples and all(measure(d).crossings == 0 for name, d in diagrams if name in samples)


@pytest.mark.slow
@pytest.mark.parametrize("size", [12, 25, 50, 100])
def test_a_loop_back_over_a_chain_crosses_it_once_at_most(size):
    # the generated chain zigzags over four lanes; a loop back three steps may have to cross the handoff
    # that spans every lane (going round it would be a long way), but only that one, and at a right angle
    flow, diagnostics = load_text(GENERATED[f"generated-{size}"])
    assert flow is not None, diagnostics
    d = layout_flow(flow)
    pairs = crossing_pairs([e.points for e in d.edges])
    loops = [n for n, e in enumerate(d.edges) if e.back]
    assert len(pairs) <= len(loops)
    for a, b in pairs:
        assert d.edges[a].back != d.edges[b].back  # a loop and a forward line, never two forward lines
    crossed = [a if d.edges[a].back else b for a, b in pairs]
    assert len(crossed) == len(set(crossed))  # each loop crosses once at most
    assert measure(d).crossings <= size // 25 + 1


def _turn(a, b) -> tuple[int, int]:
    """The way from ``a`` to ``b``: (±1, 0) across, (0, ±1) down or up, (0, 0) for no way at all."""
    dx, dy = b.x - a.x, b.y - a.y
    if max(abs(dx), abs(dy)) < 0.5:
        return (0, 0)
    return (1 if dx > 0 else -1, 0) if abs(dx) > abs(dy) else (0, 1 if dy > 0 else -1)


def _first_turns_off_shared_stubs(diagram) -> list[tuple[str, list[tuple[int, int]]]]:
    """For each stub two or more lines leave a shape by: which way each turns off it ((0, 0): straight on)."""
    stubs: dict[tuple[str, float, float], list[tuple[int, int]]] = {}
    for edge in diagram.edges:
        first = edge.points[0]
        turn = _turn(edge.points[1], edge.points[2]) if len(edge.points) >= 3 else (0, 0)
        stubs.setdefault((edge.source, round(first.x, 1), round(first.y, 1)), []).append(turn)
    return [(source, turns) for (source, _, _), turns in stubs.items() if len(turns) > 1]


@pytest.mark.slow
def test_two_outcomes_out_of_one_stub_part_there_never_run_on_side_by_side(diagrams):
    # review 5: "Sim" and "Não" left "O paciente confirmou presença?" by one stub, both turned down and ran
    # 20 px apart for 1,000 px with their labels side by side: which line was which rested on 20 px
    # review 11's hospital-discharge: "What support does the patient need at home?" has four answers, three
    # into steps to its right and one straight down; two of those three out of one stub beside "None" cross
    # 7 lines in all, and any other way crosses 11 or more (one goes round through the Medicines stage)
    # review 13's rental-damage-dispute: "How does the renter respond?" sends "Offers partial payment", "Claims own
    # insurance" and "No reply" out of one stub, all three to steps on its right, 19 px apart (open: the reviewer
    # read "Claims own insurance" as the reminder's, its label 130 px off under "Send a reminder…")
    # review 14's reclamacion-delivery (LR): "¿Qué compensación corresponde?" sends "Reembolso total", "Reembolso
    # parcial" and "Cupón de descuento" up out of one corner to three steps 650 px up (open, likewise)
    # review 15's portabilidad-entrante (LR): "¿Qué responde el operador donante?" sends "Rechazada por deuda",
    # "Aceptada" and "Sin respuesta" out of one corner, 16 px apart (open, likewise: "Aceptada" labelled far off)
    known = {
        ("hospital-discharge.flow.yaml", "needs"),
        ("rental-damage-dispute.flow.yaml", "renter_reply"),
        ("reclamacion-delivery.flow.yaml", "decision_sup"),
        ("portabilidad-entrante.flow.yaml", "respuesta"),
    }
    same_way = []
    shared = 0
    for name, diagram in diagrams:
        for source, turns in _first_turns_off_shared_stubs(diagram):
            shared += 1
            moving = [turn for turn in turns if turn != (0, 0)]
            if len(moving) != len(set(moving)) and (name, source) not in known:
                same_way.append((name, source, turns))
    assert not same_way, same_way
    assert shared >= 4  # stubs shared by outcomes that part there are still drawn
