"""What `analyze` finds in one flow, as frozen records the report formats print."""

from __future__ import annotations

from dataclasses import dataclass

from ..durations import Duration

__all__ = ["Analysis", "FlowPath", "LaneTime", "Loop", "Outcome", "same_way_back"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """The outcome a path takes at a decision."""

    step: str
    outcome: str


@dataclass(frozen=True, slots=True)
class LaneTime:
    """How long one responsible party works on a path."""

    lane: str
    duration: Duration


@dataclass(frozen=True, slots=True)
class FlowPath:
    """One scenario: a walk from a start to an end that visits no step twice (connectors left out).

    ``unknown`` are the steps without a `duration`, ``unread`` those whose
    duration is not one of the forms `analyze` reads; both count 0.
    """

    steps: tuple[str, ...]
    outcomes: tuple[Outcome, ...]
    lanes: tuple[str, ...]
    handoffs: int
    duration: Duration
    unknown: tuple[str, ...]
    unread: tuple[str, ...]
    lane_time: tuple[LaneTime, ...]


@dataclass(frozen=True, slots=True)
class Loop:
    """A way back to an earlier step: its steps from that step on, and the step and outcome that go back."""

    steps: tuple[str, ...]
    via_step: str
    via_outcome: str | None


def same_way_back(one: Loop, other: Loop) -> bool:
    """Both go back by the same step and outcome to the same step, each by its own way round (review 4 #14:
    corte's three cycles of "No, sigue sin luz → asignar", after a repair, after ordering material, or when no
    fault is found)."""
    return (one.via_step, one.via_outcome, one.steps[0]) == (other.via_step, other.via_outcome, other.steps[0])


@dataclass(frozen=True, slots=True)
class Analysis:
    """Every path and every loop of a flow (at most the cap of each; ``truncated`` when there were more)."""

    paths: tuple[FlowPath, ...]
    loops: tuple[Loop, ...]
    truncated: bool
