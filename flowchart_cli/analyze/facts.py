"""What the paths of a flow say together: the steps every path shares, the extremes, the limits crossed.

These are the answers the people improving a process ask for ("where do we
lose time?", "who touches every request?", "does any customer wait more than
two days?"); every report format prints the same :class:`Facts`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from .records import FlowPath

__all__ = ["Facts", "Limits", "facts_of"]


@dataclass(frozen=True, slots=True)
class Limits:
    """The CI gates: at most ``handoffs`` handoffs and ``minutes`` of `max` duration per path, and a simulated
    90th percentile of at most ``p90`` minutes (``None``: no gate)."""

    handoffs: int | None = None
    minutes: Fraction | None = None
    p90: Fraction | None = None

    def crossed(self, path: FlowPath) -> tuple[str, ...]:
        """ "handoffs" and/or "duration" when ``path`` is over those limits."""
        over = []
        if self.handoffs is not None and path.handoffs > self.handoffs:
            over.append("handoffs")
        if self.minutes is not None and path.duration.max > self.minutes:
            over.append("duration")
        return tuple(over)


@dataclass(frozen=True, slots=True)
class Facts:
    """Indexes (0-based) into the listed paths; ``None`` when there is no path."""

    common_steps: tuple[str, ...]
    longest: int | None
    shortest: int | None
    most_handoffs: int | None
    over_limits: tuple[int, ...]


def facts_of(paths: tuple[FlowPath, ...], limits: Limits = Limits()) -> Facts:
    """The facts of ``paths``: longest and shortest by duration (ties: by steps, then the first listed)."""
    if not paths:
        return Facts((), None, None, None, ())
    numbers = range(len(paths))
    return Facts(
        common_steps=_common(paths),
        longest=max(numbers, key=lambda i: (paths[i].duration.max, len(paths[i].steps), -i)),
        shortest=min(numbers, key=lambda i: (paths[i].duration.min, len(paths[i].steps), i)),
        most_handoffs=max(numbers, key=lambda i: (paths[i].handoffs, -i)),
        over_limits=tuple(i for i in numbers if limits.crossed(paths[i])),
    )


def _common(paths: tuple[FlowPath, ...]) -> tuple[str, ...]:
    """The steps on every path, in the order of the first path."""
    seen: Counter[str] = Counter()
    for path in paths:
        seen.update(path.steps)
    return tuple(step for step in paths[0].steps if seen[step] == len(paths))
