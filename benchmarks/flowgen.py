"""Synthetic flows for the benchmarks: one generator, so every benchmark measures the same kind of flow.

A chain of steps spread over the lanes, with a decision every
``decision_every`` steps whose "No" loops a few steps back, optional notes
and durations, and varied symbols. Spanish labels (accents, ``¿…?``) by
default, because that is what most of our users write.
"""

from __future__ import annotations

__all__ = ["generated_flow"]

KINDS = ("process", "io", "document", "process", "manual", "database", "process", "subprocess")


def generated_flow(
    steps: int,
    *,
    lanes: int = 4,
    title: str = "Proceso generado",
    decision_every: int = 7,
    notes: bool = False,
    varied_symbols: bool = False,
) -> str:
    """A valid ``steps``-step flow text (``steps`` ≥ 3) with ``lanes`` declared lanes."""
    names = [f"Área {i + 1}" for i in range(lanes)]
    lines = [f"title: {title}", "lang: es", 'version: "1.0"', "lanes:", *[f"  - {n}" for n in names]]
    lines += ["steps:", "  - id: s0", "    start: Llega la solicitud", f"    lane: {names[0]}"]
    for i in range(1, steps - 1):
        lane = names[i % lanes]
        if i % decision_every == decision_every // 2:
            lines += [
                f"  - id: s{i}",
                f"    decision: ¿Está completa la revisión {i}?",
                f"    lane: {lane}",
                "    branches:",
                f"      Sí: s{i + 1}",
                f"      No: s{max(1, i - 3)}",
            ]
            continue
        kind = KINDS[i % len(KINDS)] if varied_symbols else "process"
        lines += [f"  - id: s{i}", f"    {kind}: Paso {i} — revisar y registrar el expediente", f"    lane: {lane}"]
        if notes:
            lines += [
                f"    notes: Nota del paso {i} — información, acción, revisión.",
                f"    duration: {i % 12 + 1} min",
            ]
    lines += [f"  - id: s{steps - 1}", "    end: Solicitud cerrada", f"    lane: {names[-1]}"]
    return "\n".join(lines) + "\n"


LANES = ("Cliente", "Agente de atención", "Supervisor", "Logística", "Proveedor externo")
STAGES = ("Contacto", "Registro", "Análisis", "Resolución", "Cierre")
ACTIONS = (
    "Registrar el caso en el CRM",
    "Verificar los datos del cliente",
    "Revisar el historial de pedidos",
    "Coordinar con el transportista",
    "Preparar la respuesta",
    "Enviar la notificación",
    "Reintentar la entrega",
    "Emitir la nota de crédito",
    "Solicitar la documentación",
    "Actualizar el estado del pedido",
)


def random_flow(steps: int, seed: int, *, direction: str = "TB", stages: bool = False) -> str:
    """A customer-service-like flow of ``steps`` steps drawn from ``seed``: the same seed, the same flow.

    Lanes change often (a handoff every other step), about one step in five
    is a decision with two or three outcomes — one goes on, one loops back a
    few steps ("reintentar"), a third jumps ahead or ends early — and with
    ``stages`` the steps fall into up to five consecutive phases, so some
    loops go back to an earlier stage.
    """
    import random

    rng = random.Random(seed)
    lanes = list(LANES[: rng.choice((3, 4, 5))])
    lines = [f"title: Proceso aleatorio {seed}", "lang: es", f"direction: {direction}", "lanes:"]
    lines += [f"  - {name}" for name in lanes]
    phase_count = min(len(STAGES), max(2, steps // 6))
    if stages:
        lines += ["stages:", *[f"  - {name}" for name in STAGES[:phase_count]]]
    lines.append("steps:")
    lane = 0
    last = steps - 1
    decided = -10
    for i in range(steps):
        lane = lane if rng.random() < 0.45 else rng.randrange(len(lanes))
        head = [f"  - id: s{i}"]
        tail = [f"    lane: {lanes[lane]}"]
        if stages:
            tail.append(f"    stage: {STAGES[min(phase_count - 1, i * phase_count // steps)]}")
        if i == 0:
            lines += [*head, "    start: Llega la solicitud del cliente", *tail]
        elif i == last:
            lines += [*head, "    end: Caso cerrado", *tail]
        elif i >= 3 and i - decided >= 3 and i < last - 1 and rng.random() < 0.25:
            decided = i
            outcomes = [("Sí", f"s{i + 1}"), ("No", f"s{rng.randint(max(1, i - 6), i - 1)}")]
            if rng.random() < 0.4:
                outcomes.append(("Parcial", f"s{min(last, i + rng.randint(2, 4))}"))
            lines += [*head, f"    decision: ¿Se cumple la condición {i}?", *tail, "    branches:"]
            lines += [f"      {label}: {target}" for label, target in outcomes]
        else:
            kind = rng.choice(("process", "process", "process", "io", "document", "manual", "database"))
            lines += [*head, f"    {kind}: {rng.choice(ACTIONS)} ({i})", *tail]
    return "\n".join(lines) + "\n"
