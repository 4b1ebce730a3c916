"""The simulation's words in the text and Markdown reports: what a typical and a slow case take.

Durations are said as a person says them ("1 h 35 min", "2 business days"
where the flow counts business days), in English like every word of the
report; both formats print these same lines.
"""

from __future__ import annotations

from ..model import Flow
from ..oneline import shorten
from ..readable_time import readable
from .simulate import MAX_STEPS, Simulation
from .tables import REPORT_LANG, report_day

__all__ = ["said", "simulation_heading", "simulation_lane_rows", "simulation_lines"]

LABEL_LIMIT = 48


def said(minutes: float, flow: Flow, *, fine: bool = False) -> str:
    """``minutes`` in the report's unit and language: business days where the flow counts in them, as the
    handout says the same figure in the flow's language ("6.5 business days" here, "6,5 días hábiles" there);
    ``fine`` in tenths and minutes, beside a limit."""
    return readable(minutes, REPORT_LANG, report_day(flow), fine=fine)


_COUNTING = {
    "business": "(a business day counts as 8 h; days and waits in hours count in full: a 24 h wait adds 3 "
    "business days, so these figures are not calendar time)",
    "calendar": "(a business day counts as 8 h, a third of a day, not as a calendar day)",
}


def _counting(flow: Flow) -> list[str]:
    """How a flow that writes both business and calendar time was added up (review 3 #4: the customer's 24 h
    wait said as "Cliente 4,5 días hábiles"), for the figures said in one kind of day; nothing otherwise."""
    day = report_day(flow)
    return [_COUNTING[day.kind]] if day is not None and day.mixed else []


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
        *_counting(flow),
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
