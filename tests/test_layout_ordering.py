"""Crossing reduction (issue 25): cell order and row moves, on QA's sixteen flows in ``tests/cases/qa`` (none
of us wrote them) and on our customer-service flows.

Each test lays a real flow out and reads the crossings off the drawing's own
lines (:func:`layout_quality.crossing_pairs`, what the peers' drawings are
counted with in ``benchmarks/layout_peers.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from layout_quality import crossing_pairs, detours, measure

from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.ordering import move_chains, order_cells
from flowchart_cli.loader import load_flow

QA = Path(__file__).resolve().parent / "cases" / "qa"
FLOWS = Path(__file__).resolve().parent.parent / "benchmarks" / "flows"


def _crossing_ends(path: Path) -> set[frozenset[tuple[str, str]]]:
    flow, diagnostics = load_flow(path)
    assert flow is not None, diagnostics
    d = layout_flow(flow)
    ends = [(e.source, e.target) for e in d.edges]
    return {frozenset((ends[a], ends[b])) for a, b in crossing_pairs([e.points for e in d.edges])}


def test_a_lane_whose_columns_cross_less_the_other_way_round_is_mirrored():
    # lane 1 holds a shared cell (1, 2) and a lone step 3 in another rank; only the whole lane flipped
    # (the cell reversed and the lone step on the other side) crosses nothing: no swap inside one cell
    # reaches that, the mirror does
    lane, rank = [0, 1, 1, 1], [0, 1, 1, 2]
    links = [(0, 1, False), (0, 2, False), (1, 3, False)]
    dot_order = (0.0, 1.0, 2.0, 1.2)

    def crossings(order):
        flipped = order[2] < order[1] and order[3] > 1.5
        return 0.0 if flipped else 2.0

    chosen = order_cells(lane, rank, dot_order, links, [], crossings)
    assert chosen[2] < chosen[1]
    assert chosen[3] > 1.5


@pytest.mark.slow
def test_a_loop_into_the_far_column_of_a_lane_does_not_cut_the_near_columns_chain():
    # alvara: "Corrigir os dados" (the applicant's lane, on the left) loops back to "Conferir CNPJ"; with
    # the CNPJ chain in the desk lane's right column that loop cut the "MEI de baixo risco? Sim" chain in
    # its left column; mirrored, the CNPJ chain is next to the applicant's lane and nothing is cut
    crossing = _crossing_ends(QA / "alvara-funcionamento.flow.yaml")
    assert frozenset({("dispensa", "certificado_mei"), ("corrigir", "cnpj")}) not in crossing
    assert not any(("corrigir", "cnpj") in pair for pair in crossing)


def test_a_chain_whose_first_step_has_a_cell_of_its_own_moves_to_its_lanes_other_column():
    # lane 1 is two columns wide (steps 2 and 3 share rank 2); step 1 starts a chain in it (step 0, in
    # lane 0, leads to it) and sits alone in its rank, in the right column as its key says; only the
    # chain in the left column crosses nothing, and no order inside a cell reaches that
    lane, rank = [0, 1, 1, 1, 1], [0, 1, 2, 2, 3]
    links = [(0, 1, False), (1, 2, False), (0, 3, False), (2, 4, False)]
    dot_order = (0.0, 2.0, 1.0, 2.0, 1.5)

    def crossings(order):
        return 0.0 if order[1] <= min(order[2], order[3]) else 3.0

    chosen = move_chains(lane, rank, dot_order, links, crossings)
    assert chosen[1] <= min(chosen[2], chosen[3])
    assert chosen[2:] == dot_order[2:]  # the others keep their keys


def test_a_step_led_by_one_of_its_own_lane_follows_it_and_is_not_moved_alone():
    # step 2 follows step 1 (same lane): only step 1, the chain's first step, is a candidate
    lane, rank = [0, 1, 1, 1], [0, 1, 2, 2]
    links = [(0, 1, False), (1, 2, False), (0, 3, False)]
    tried = []

    def crossings(order):
        tried.append(order)
        return 1.0

    move_chains(lane, rank, (0.0, 1.0, 1.0, 2.0), links, crossings, most=4)
    assert all(order[2] == 1.0 for order in tried)


@pytest.mark.slow
def test_a_loop_back_from_the_technicians_lane_goes_round_the_chain_it_would_cut():
    # instalacao: the chain from the start down to "Ligar para o cliente" ran in the desk lane's right
    # column, and the technician's "Registrar visita improdutiva" looped back to it up the lane border,
    # cutting "Confirmar data" and the NOC's line to "Cliente avisado"; in the left column the loop comes
    # round the other side, beside the other loop into the same step, and cuts nothing
    assert not _crossing_ends(QA / "instalacao-internet.flow.yaml")


@pytest.mark.slow
def test_two_outcomes_share_the_bottom_stub_so_that_a_loop_can_pass_the_decision_on_the_free_side():
    # saas: "Do the opening balances match?" sent "Yes", "Small differences" and "No" out of three sides,
    # and "Correct the mapping" looped back past it on one of them, cutting that outcome; now "Small
    # differences" and "No" leave by one bottom stub, and the loop comes up the free side
    flow, diagnostics = load_flow(QA / "saas-workspace-setup.flow.yaml")
    assert flow is not None, diagnostics
    d = layout_flow(flow)
    ends = [(e.source, e.target) for e in d.edges]
    crossing = [{ends[a], ends[b]} for a, b in crossing_pairs([e.points for e in d.edges])]
    assert not any(("fix_import", "validate") in pair for pair in crossing)
    out = {e.target: e.points for e in d.edges if e.source == "balances"}
    assert out["adjust"][0] == out["fix_import"][0]  # one stub
    assert out["golive"][0] != out["adjust"][0]


MOST_CROSSINGS_QA = {
    # before this part of issue 25 (main at 16af31a): alvara 9, matricula 6, saas 4, cambio 2, instalacao 2,
    # queja 2, agendamento 1, bloqueo 1, flight 1, portabilidade 1; the rest 0 (29 in all); before chains
    # moved to their lane's other end (main at fdb0aa8): 25, with instalacao 2, matricula 6 and saas 3.  What is
    # left is mostly forced by the declared lane order (see docs/layout.md, "Not done yet").
    "agendamento-consulta.flow.yaml": 1,
    "alvara-funcionamento.flow.yaml": 7,
    "bloqueo-tarjeta.flow.yaml": 1,
    "cambio-reserva-hotel.flow.yaml": 2,
    "corte-de-luz.flow.yaml": 0,
    "flight-rebooking.flow.yaml": 1,
    "garantia-veiculo.flow.yaml": 0,
    "gym-cancellation.flow.yaml": 0,
    "instalacao-internet.flow.yaml": 0,
    "matricula-universidad.flow.yaml": 3,
    "portabilidade-numero.flow.yaml": 0,
    "queja-pedido-comida.flow.yaml": 2,
    "receta-farmacia.flow.yaml": 0,
    "saas-workspace-setup.flow.yaml": 2,
    "sim-replacement.flow.yaml": 0,
    "sinistro-automovel.flow.yaml": 0,
}


MOST_CROSSINGS_QA_C = {
    # QA's third set; before (main at b683d86): cobro-indebido-agua 14, water-damage-claim 12,
    # cobranca-indevida-celular 5, hotel-checkin-problem 3, reembolso-curso-online 1 (35 in all); water-damage
    # 8 before chains moved to their lane's other end
    "cobranca-indevida-celular.flow.yaml": 5,
    "cobro-indebido-agua.flow.yaml": 14,
    "disputa-cargo-tarjeta.flow.yaml": 0,
    "hotel-checkin-problem.flow.yaml": 2,
    "lost-luggage.flow.yaml": 0,
    "paquete-no-entregado.flow.yaml": 0,
    "reembolso-curso-online.flow.yaml": 1,
    "renegociacao-divida.flow.yaml": 0,
    "troca-plano-saude.flow.yaml": 0,
    "water-damage-claim.flow.yaml": 7,
}


MOST_CROSSINGS_QA_D = {
    # QA's fourth set (the holdout, not tuned for); on main at 4404328: 45 in all (bank-account-closure 9,
    # cambio-titular-gas 7, reclamo-demora-muebles 3, school-enrolment-transfer 20); bank-account-closure 8
    # and vistoria-imovel-alugado 2 before chains moved to their lane's other end, cambio-titular-gas 5 before
    # two outcomes could share a bottom stub (42 in all)
    "baja-seguro-coche.flow.yaml": 0,
    "bank-account-closure.flow.yaml": 7,
    "cambio-titular-gas.flow.yaml": 4,
    "denuncia-fraude-compra-online.flow.yaml": 0,
    "recall-veiculo.flow.yaml": 0,
    "reclamo-demora-muebles.flow.yaml": 2,
    "school-enrolment-transfer.flow.yaml": 21,
    "segunda-via-cartao.flow.yaml": 1,
    "software-license-refund.flow.yaml": 3,
    "vistoria-imovel-alugado.flow.yaml": 0,
}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("folder", "bounds"), [("qa", MOST_CROSSINGS_QA), ("qa-c", MOST_CROSSINGS_QA_C), ("qa-d", MOST_CROSSINGS_QA_D)]
)
def test_qas_flows_cross_no_more_than_they_do_now_without_shared_runs_or_long_lines(folder, bounds):
    counted, shared, long, run_on = {}, {}, {}, {}
    for path in sorted((QA.parent / folder).glob("*.flow.yaml")):
        flow, diagnostics = load_flow(path)
        assert flow is not None, diagnostics
        quality = measure(layout_flow(flow))
        counted[path.name] = quality.crossings
        shared[path.name] = quality.shared_runs
        long[path.name] = quality.worst_detour
        if quality.continuations:
            run_on[path.name] = quality.continuations
    assert counted.keys() == bounds.keys()
    over = {name: count for name, count in counted.items() if count > bounds[name]}
    assert not over, over
    assert not any(shared.values()), shared
    # water-damage-claim's worst line was 1.52 before chains moved to their lane's other end
    assert max(long.values()) <= 1.5, long
    # two lines that seem to run on into one another: 13 such pairs before facing ports were moved apart;
    # the one left is between two diamonds' corners, which do not move
    assert run_on == SEEM_TO_RUN_ON.get(folder, {}), run_on


SEEM_TO_RUN_ON = {
    "qa": {"queja-pedido-comida.flow.yaml": 1},
    # school-enrolment-transfer had one more until a line coming back under its decision took the track
    # nearest it where a line passing by would cross it either way (tracks.py)
}


@pytest.mark.slow
def test_a_step_moves_beside_another_in_its_lane_where_the_lane_has_a_free_column():
    # troca-garantia: the store's lane is two columns wide where the refusal and the exchange share a row;
    # "Trocar o produto" may move down beside "Devolver o produto" (a column that is there anyway, so the
    # drawing grows no wider), where the manufacturer's "Sim" into it no longer cuts the customer's "Sim"
    # to the repair, nor its line to the end the repair's line
    flow, diagnostics = load_flow(FLOWS / "troca-garantia.flow.yaml")
    assert flow is not None, diagnostics
    d = layout_flow(flow)
    box = {n.key: n.box for n in d.nodes}
    assert abs(box["trocar"].center.y - box["devolver"].center.y) < 1
    assert box["trocar"].x > box["devolver"].right  # side by side in the store's lane
    ends = [(e.source, e.target) for e in d.edges]
    crossing = {frozenset((ends[a], ends[b])) for a, b in crossing_pairs([e.points for e in d.edges])}
    assert frozenset({("aprova", "trocar"), ("aceita", "reparar")}) not in crossing
    assert frozenset({("trocar", "fim"), ("reparar", "devolver")}) not in crossing
    assert measure(d).crossings <= 2


@pytest.mark.slow
def test_two_lines_into_one_shape_never_cross_on_flows_none_of_us_wrote():
    # hotel-checkin: "Wrong type or overbooked" and "No, still not ready after an hour" both run down the
    # channel beside the duty manager's decision; planned as if every line into that shape joined the
    # other, one entered from the side and the other from above, and the tracks had to cross them.  Only
    # lines into the same side join: the second now enters by that side too and they arrive as one
    crossing = _crossing_ends(QA.parent / "qa-c" / "hotel-checkin-problem.flow.yaml")
    assert frozenset({("room_ready", "upgrade"), ("ready_now", "upgrade")}) not in crossing
    for folder in (QA, QA.parent / "qa-c", QA.parent / "printed"):
        for path in sorted(folder.glob("*.flow.yaml")):
            flow, diagnostics = load_flow(path)
            assert flow is not None, diagnostics
            assert measure(layout_flow(flow)).arrival_crossings == 0, path.name


@pytest.mark.slow
def test_an_outcome_turns_down_a_channel_past_the_nearer_targets_instead_of_round_the_drawing():
    # portabilidade-numero: the operator's answer has three outcomes into three columns on its left; the
    # "Dados divergentes" line into the farthest one needs the channel just past the nearer chain (the
    # fourth it reaches), which was not among the ones tried: it went round the right edge and cut
    # "Aprovada", a crossing between two outcomes of one decision
    path = QA / "portabilidade-numero.flow.yaml"
    crossing = _crossing_ends(path)
    assert not any(("resposta", "corrigir_dados") in pair for pair in crossing)
    flow, diagnostics = load_flow(path)
    assert flow is not None, diagnostics
    q = measure(layout_flow(flow))
    assert (q.crossings, q.outcome_crossings) == (0, 0)
    assert q.worst_detour <= 1.5


@pytest.mark.slow
def test_a_row_move_is_not_kept_when_the_drawing_then_has_a_line_over_one_and_a_half_times_its_distance():
    # school-enrolment-transfer (QA's fourth set): "Key the paper form" may move up beside "Email the link"
    # (the lane has two columns there), which saves six crossings on the plan, but puts "Enquiry closed"
    # right under it: its line to "Check the application" then goes round, 1.74 times its distance once
    # drawn (the plan's estimate did not see it)
    flow, diagnostics = load_flow(QA.parent / "qa-d" / "school-enrolment-transfer.flow.yaml")
    assert flow is not None, diagnostics
    d = layout_flow(flow)
    assert max(detours([e.points for e in d.edges], d.font_size)) <= 1.5


def test_four_outcomes_fan_out_in_the_order_of_their_targets():
    """A reviewer's "Qual é a conduta?" has four outcomes and only three corners. Taken one by one,
    "Observação" shared "Alta"'s bottom stub and "Encaminhamento" cut across the others; in the order of
    their targets' columns (leftmost out of the left corner, rightmost out of the right, the rest out
    of one bottom) no two of its outcomes cross, whole or printed in parts."""
    from flowchart_cli.handout.paper import paper
    from flowchart_cli.handout.printed import print_plan
    from flowchart_cli.words import words

    flow, diagnostics = load_flow(Path(__file__).resolve().parent / "layout_cases" / "triagem-hospital.flow.yaml")
    assert flow is not None, diagnostics
    whole = layout_flow(flow)
    drawings = [whole, *(part.diagram for part in print_plan(flow, whole, paper("a4"), words(flow.lang)).parts)]
    checked = 0
    for d in drawings:
        outcomes = [n for n, e in enumerate(d.edges) if e.source == "conduta" and e.target != "conduta"]
        if len(outcomes) < 4:
            continue
        checked += 1
        crossing = {frozenset(p) for p in crossing_pairs([e.points for e in d.edges])}
        assert not any(frozenset((a, b)) in crossing for a in outcomes for b in outcomes if a < b)
        by_target_x = sorted(outcomes, key=lambda n: d.edges[n].points[-1].x)
        first_x = [d.edges[n].points[1].x for n in (by_target_x[0], by_target_x[-1])]
        start = d.edges[outcomes[0]].points[0]
        diamond = next(node.box for node in d.nodes if node.key == "conduta")
        assert first_x[0] < diamond.x + 1 and first_x[1] > diamond.right - 1, (first_x, start)
    assert checked == 2  # the whole drawing and the part that holds the decision
