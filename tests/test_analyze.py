"""Path enumeration, loops, handoffs and durations of `analyze` on small flows (spec §5)."""

from __future__ import annotations

from fractions import Fraction

from flowchart_cli.analyze import Limits, facts_of, walk_flow
from flowchart_cli.check import check_file


def analysis_of(write_flow, text: str, **options):
    result = check_file(write_flow(text))
    assert result.ok, result.diagnostics
    return walk_flow(result.flow, **options)


def steps_of(analysis) -> list[list[str]]:
    return [list(p.steps) for p in analysis.paths]


COMPRA = """
title: Compra
lang: es
lanes: [Cliente, Sistema de pago, Mensajería]
steps:
  - id: inicio
    start: Confirma el carrito
    lane: Cliente
  - id: datos
    manual_input: Ingresa los datos de pago
    duration: 5 min
  - id: pago_ok
    decision: ¿Pago aprobado?
    lane: Sistema de pago
    duration: 10 s
    branches:
      Sí: entrega
      No: reintenta
  - id: reintenta
    decision: ¿Reintenta?
    lane: Cliente
    branches:
      Sí: datos
      No: cancelada
  - id: cancelada
    end: Compra cancelada
  - id: entrega
    process: Entregar el pedido
    lane: Mensajería
    duration: 1 a 2 días hábiles
  - id: fin
    end: Entregado
    duration: pronto
"""


def test_paths_outcomes_lanes_handoffs_and_durations(write_flow) -> None:
    analysis = analysis_of(write_flow, COMPRA)
    assert steps_of(analysis) == [
        ["inicio", "datos", "pago_ok", "entrega", "fin"],
        ["inicio", "datos", "pago_ok", "reintenta", "cancelada"],
    ]
    first, second = analysis.paths
    assert [(o.step, o.outcome) for o in first.outcomes] == [("pago_ok", "Sí")]
    assert [(o.step, o.outcome) for o in second.outcomes] == [("pago_ok", "No"), ("reintenta", "No")]
    assert first.lanes == ("Cliente", "Sistema de pago", "Mensajería")
    assert first.handoffs == 2
    assert second.lanes == ("Cliente", "Sistema de pago")
    assert second.handoffs == 2  # Cliente → pago → Cliente
    assert first.duration.min == 5 + Fraction(1, 6) + 8 * 60
    assert first.duration.max == 5 + Fraction(1, 6) + 16 * 60
    assert first.unknown == ("inicio",)
    assert first.unread == ("fin",)
    assert second.unknown == ("inicio", "reintenta", "cancelada")
    assert [(t.lane, t.duration.max) for t in first.lane_time] == [
        ("Cliente", 5),
        ("Sistema de pago", Fraction(1, 6)),
        ("Mensajería", 16 * 60),
    ]
    assert not analysis.truncated


def test_a_loop_is_reported_once_with_the_outcome_that_goes_back(write_flow) -> None:
    analysis = analysis_of(write_flow, COMPRA)
    assert [(loop.steps, loop.via_step, loop.via_outcome) for loop in analysis.loops] == [
        (("datos", "pago_ok", "reintenta"), "reintenta", "Sí")
    ]


def test_multi_outcome_decision_in_written_order(write_flow) -> None:
    analysis = analysis_of(
        write_flow,
        """
        title: Triage
        steps:
          - start: Llega
          - id: tipo
            decision: ¿Qué tipo?
            branches:
              Hardware: hw
              Software: sw
              Red: red
          - id: hw
            process: Revisar equipo
            next: fin
          - id: sw
            process: Reinstalar
            next: fin
          - id: red
            process: Revisar red
          - id: fin
            end: Listo
        """,
    )
    assert steps_of(analysis) == [
        ["step-1", "tipo", "hw", "fin"],
        ["step-1", "tipo", "sw", "fin"],
        ["step-1", "tipo", "red", "fin"],
    ]
    assert [p.outcomes[0].outcome for p in analysis.paths] == ["Hardware", "Software", "Red"]
    assert all(p.handoffs == 0 and p.lanes == () for p in analysis.paths)
    assert analysis.loops == ()


def test_exit_connector_jumps_to_its_entry_and_connectors_are_left_out(write_flow) -> None:
    analysis = analysis_of(
        write_flow,
        """
        title: Con conectores
        lanes: [A, B]
        steps:
          - id: s
            start: Empieza
            lane: A
          - id: trabajo
            process: Trabajar
            duration: 10 min
          - id: salida
            connector: X
          - id: entrada
            connector: X
            lane: B
          - id: revisar
            process: Revisar
            duration: 5 min
          - id: fin
            end: Fin
        """,
    )
    assert steps_of(analysis) == [["s", "trabajo", "revisar", "fin"]]
    path = analysis.paths[0]
    assert path.handoffs == 1
    assert path.duration.max == 15
    assert "salida" not in path.unknown and "entrada" not in path.unknown


def test_loop_through_a_connector_names_the_decision(write_flow) -> None:
    analysis = analysis_of(
        write_flow,
        """
        title: Reapertura
        steps:
          - id: s
            start: Llega
          - id: a_in
            connector: A
          - id: diagnostico
            process: Diagnosticar
          - id: ok
            decision: ¿Satisfecho?
            branches:
              Sí: fin
              No: a_out
          - id: a_out
            connector: A
            next: a_in
          - id: fin
            end: Cerrado
        """,
    )
    assert steps_of(analysis) == [["s", "diagnostico", "ok", "fin"]]
    assert [(loop.steps, loop.via_step, loop.via_outcome) for loop in analysis.loops] == [
        (("diagnostico", "ok"), "ok", "No")
    ]


def test_several_starts_and_ends_and_one_cycle_entered_twice(write_flow) -> None:
    analysis = analysis_of(
        write_flow,
        """
        title: Dos entradas
        steps:
          - id: web
            start: Pedido web
            next: a
          - id: tienda
            start: Pedido en tienda
            next: b
          - id: a
            process: Registrar
          - id: b
            process: Validar
          - id: ok
            decision: ¿Válido?
            branches:
              Sí: fin_ok
              No: a
          - id: fin_ok
            end: Aceptado
        """,
    )
    assert steps_of(analysis) == [["web", "a", "b", "ok", "fin_ok"], ["tienda", "b", "ok", "fin_ok"]]
    # a → b → ok → a is met from both starts (as b → ok → a → b from the second): reported once
    assert [(loop.steps, loop.via_step, loop.via_outcome) for loop in analysis.loops] == [
        (("a", "b", "ok"), "ok", "No")
    ]


def test_subprocess_is_one_step_of_the_path(write_flow) -> None:
    write_flow("title: Detalle\nsteps:\n  - start: a\n  - end: b\n", "detalle.flow.yaml")
    analysis = analysis_of(
        write_flow,
        """
        title: Principal
        steps:
          - start: Empieza
          - id: sub
            subprocess: Hacer el detalle
            ref: detalle.flow.yaml
            duration: 2 h
          - end: Termina
        """,
    )
    assert steps_of(analysis) == [["step-1", "sub", "step-3"]]
    assert analysis.paths[0].duration.max == 120


def test_max_paths_truncates_and_stops(write_flow) -> None:
    steps = ["title: Muchas", "steps:", "  - start: Empieza"]
    for i in range(20):  # 2^20 paths
        steps += [
            f"  - id: d{i}",
            f"    decision: ¿Opción {i}?",
            f"    branches: {{Sí: a{i}, No: b{i}}}",
            f"  - id: a{i}",
            f"    process: A {i}",
            f"    next: j{i}",
            f"  - id: b{i}",
            f"    process: B {i}",
            f"  - id: j{i}",
            f"    process: Junta {i}",
        ]
    steps.append("  - end: Fin")
    analysis = analysis_of(write_flow, "\n".join(steps), max_paths=50)
    assert len(analysis.paths) == 50
    assert analysis.truncated
    assert len({p.steps for p in analysis.paths}) == 50


def test_exactly_max_paths_is_not_truncated(write_flow) -> None:
    analysis = analysis_of(write_flow, COMPRA, max_paths=2)
    assert len(analysis.paths) == 2 and not analysis.truncated
    analysis = analysis_of(write_flow, COMPRA, max_paths=1)
    assert len(analysis.paths) == 1 and analysis.truncated


def test_facts_common_extremes_and_limits(write_flow) -> None:
    paths = analysis_of(write_flow, COMPRA).paths
    facts = facts_of(paths, Limits(handoffs=1, minutes=Fraction(60)))
    assert facts.common_steps == ("inicio", "datos", "pago_ok")
    assert facts.longest == 0
    assert facts.shortest == 1
    assert facts.most_handoffs == 0
    assert facts.over_limits == (0, 1)
    assert facts_of(paths, Limits(handoffs=2)).over_limits == ()
    assert facts_of(paths, Limits(minutes=Fraction(60))).over_limits == (0,)
    assert facts_of(()).longest is None


def test_a_maze_of_loops_stops_as_truncated(write_flow) -> None:
    """2^20 walks that all run back into the loop: the walk gives up, says so, lists at most the cap."""
    lines = ["title: Laberinto", "steps:", "  - id: s", "    start: a", "  - id: y"]
    lines += ["    decision: ¿Sigue?", "    branches: {A: d0, B: fin}"]
    for i in range(20):
        after = f"d{i + 1}" if i < 19 else "x"
        lines += [f"  - id: d{i}", f"    decision: ¿D{i}?", f"    branches: {{A: a{i}, B: b{i}}}"]
        lines += [f"  - id: a{i}", f"    process: a{i}", f"    next: {after}"]
        lines += [f"  - id: b{i}", f"    process: b{i}", f"    next: {after}"]
    lines += ["  - id: x", "    process: x", "    next: y", "  - id: fin", "    end: fin"]
    analysis = analysis_of(write_flow, "\n".join(lines), max_paths=50)
    assert analysis.truncated
    assert len(analysis.loops) == 50 and len(analysis.paths) <= 50
    assert all(loop.steps[0] == "y" and loop.steps[-1] == "x" for loop in analysis.loops)


def test_exit_connector_without_next_jumps_back_to_its_entry(write_flow) -> None:
    """The entry is the connector no line leads into; the exit does not run on into the end below it."""
    analysis = analysis_of(
        write_flow,
        """
        title: Reintento por conector
        steps:
          - id: s
            start: Llega
          - id: intento
            process: Intentar
          - id: ok
            decision: ¿Funcionó?
            branches:
              Sí: fin
              No: salida
          - id: salida
            connector: R
          - id: fin
            end: Hecho
          - id: entrada
            connector: R
            next: intento
        """,
    )
    assert steps_of(analysis) == [["s", "intento", "ok", "fin"]]
    assert [(loop.steps, loop.via_step, loop.via_outcome) for loop in analysis.loops] == [
        (("intento", "ok"), "ok", "No")
    ]
