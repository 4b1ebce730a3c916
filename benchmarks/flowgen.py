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
