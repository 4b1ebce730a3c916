"""The simulation's words in the text and Markdown reports: what a typical and a slow case take.

Durations are said as a person says them ("1 h 35 min", "2 días hábiles"
where the flow counts business days); both formats print these same lines.
"""

from __future__ import annotations

from ..model import Flow
from ..oneline import shorten
from ..readable_time import day_unit, readable
from .simulate import MAX_STEPS, Simulation

__all__ = ["said", "simulation_heading", "simulation_lane_rows", "simulation_lines"]

LABEL_LIMIT = 48


def said(minutes: float, flow: Flow) -> str:
    """``minutes`` as the flow's people say them (business days where the flow counts in them)."""
    return readable(minutes, flow.lang, day_unit(s.duration for s in flow.steps))


def _share(value: float) -> str:
    return f"{value * 100:.1f}%"


def simulation_heading(simulation: Simulation) -> str:
    return f"simulation of {simulation.cases:,} cases (seed {simulation.seed})"


def simulation_lines(simulation: Simulation, flow: Flow) -> list[str]:
    """Expected duration, median and 90th percentile, handoffs, how cases end, the cases cut."""
    s = simulation
    if s.mean is None or s.p50 is None or s.p90 is None or s.handoffs is None:
        return [f"no case ended within {MAX_STEPS:,} steps: every case was cut (check the loops' shares)"]
    labels = {step.key: shorten(step.label, LABEL_LIMIT) for step in flow.steps}
    lines = [
        f"expected duration {said(s.mean, flow)} · median {said(s.p50, flow)} · 90th percentile {said(s.p90, flow)}",
        f"expected handoffs {s.handoffs:.1f}",
        "cases end at: " + " · ".join(f"{labels[key]} ({key}) {_share(share)}" for key, share in s.ends),
    ]
    if s.cut:
        lines.append(f"{s.cut:,} cases cut after {MAX_STEPS:,} steps (left out of the figures)")
    return lines


def simulation_lane_rows(simulation: Simulation, flow: Flow) -> tuple[tuple[str, str], list[tuple[str, str]]]:
    """Headers and one row per lane: its mean time per case."""
    rows = [(shorten(name, LABEL_LIMIT), said(minutes, flow)) for name, minutes in simulation.lanes]
    return ("responsible party", "per case"), rows
