"""The words and cells of the person-readable reports, shared by the text and Markdown formats.

Both formats show the same table of paths, the same loops and the same
facts; only the layout differs, so the content is decided once, here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..durations import Duration
from ..model import Flow
from ..oneline import shorten
from ..readable_time import DayUnit, clock_parts, clock_sums, day_unit, readable_range
from .files import FileAnalysis
from .records import FlowPath, Loop, same_way_back

__all__ = ["REPORT_LANG", "fact_lines", "lane_table", "loop_line", "loop_lines", "path_table", "report_day"]

LABEL_LIMIT = 48
PATH_HEADERS = ("#", "steps", "lanes", "handoffs", "duration", "ends at", "outcomes")
NUMERIC = 4  # the first columns hold numbers (right-aligned)
REPORT_LANG = "en"
"""The reports' one language: their words are the command's (English, like every message of the CLI), so their
units are too ("2.5 business days", never "2,5 días hábiles" beside "expected duration"); the flow's own text
(labels, lanes, outcomes) is quoted as written."""


def report_day(flow: Flow) -> DayUnit | None:
    """The one day unit of a flow's report: paths, lanes and the simulation alike (review 4 #14: paths in
    "56 h 55 min" beside a simulation in days), the unit the handout says the same figures in."""
    return day_unit(s.duration for s in flow.steps)


def _duration(duration: Duration, day: DayUnit | None, durations: Iterable[str] = ()) -> str:
    """A path's (or a lane's) total in the report's unit; a flow of business and calendar days says each apart
    ("3 business days + 1–4 weeks"), as the handout's scenarios do."""
    if day is not None and day.mixed:
        return " + ".join(clock_parts(*clock_sums(durations), REPORT_LANG, day))
    return readable_range(duration, REPORT_LANG, day)


def _labels(flow: Flow) -> dict[str, str]:
    return {s.key: shorten(s.label, LABEL_LIMIT) for s in flow.steps}


def _outcome_texts(flow: Flow, labels: dict[str, str]) -> dict[tuple[str, str], str]:
    """ "¿Pago aprobado? Sí" for every outcome of every decision, made once (a big report repeats them)."""
    return {
        (s.key, b.label): f"{labels[s.key]} {shorten(b.label, LABEL_LIMIT)}" for s in flow.steps for b in s.branches
    }


def _route(path: FlowPath, texts: dict[tuple[str, str], str]) -> str:
    return " · ".join(texts[o.step, o.outcome] for o in path.outcomes) or "—"


def path_table(item: FileAnalysis) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Headers and one row per path; a path over a limit gets a ``!`` after its number."""
    assert item.analysis is not None and item.facts is not None and item.result.flow is not None
    flow = item.result.flow
    labels = _labels(flow)
    texts = _outcome_texts(flow, labels)
    over = set(item.facts.over_limits)
    day = report_day(flow)
    by_key = {s.key: s for s in flow.steps}
    rows = [
        (
            f"{n}{'!' if n - 1 in over else ''}",
            str(len(p.steps)),
            str(len(p.lanes)),
            str(p.handoffs),
            _duration(p.duration, day, (by_key[k].duration for k in p.steps)),
            labels[p.steps[-1]],
            _route(p, texts),
        )
        for n, p in enumerate(item.analysis.paths, start=1)
    ]
    return PATH_HEADERS, rows


def lane_table(item: FileAnalysis) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The time each lane spends on each path ("—" where the path does not pass through it)."""
    assert item.analysis is not None and item.result.flow is not None
    flow = item.result.flow
    lanes = [lane.name for lane in flow.lanes]
    day = report_day(flow)
    by_key = {s.key: s for s in flow.steps}
    names = {lane.id: lane.name for lane in flow.lanes}
    rows = []
    for n, path in enumerate(item.analysis.paths, start=1):
        on_path = [by_key[k] for k in path.steps]
        times = {
            t.lane: _duration(t.duration, day, (s.duration for s in on_path if names.get(s.lane or "") == t.lane))
            for t in path.lane_time
        }
        rows.append((str(n), *(times.get(lane, "—") for lane in lanes)))
    return ("#", *(shorten(lane, LABEL_LIMIT) for lane in lanes)), rows


def loop_line(loop: Loop, flow: Flow) -> str:
    """ "datos_pago → autorizacion → reintento, back from reintento («¿Reintenta?» Sí)"."""
    step = next(s for s in flow.steps if s.key == loop.via_step)
    outcome = f" {shorten(loop.via_outcome, LABEL_LIMIT)}" if loop.via_outcome else ""
    return f"{' → '.join(loop.steps)}, back from {loop.via_step} ({shorten(step.label, LABEL_LIMIT)}{outcome})"


def loop_lines(loops: Sequence[Loop], flow: Flow) -> list[str]:
    """:func:`loop_line` of each loop (each cycle once, spec §5), and for cycles that share their way back, which
    loops those are: corte's "No, sigue sin luz → asignar" is one way back by three ways round, not three ways
    back (review 4 #14)."""
    lines = []
    for n, loop in enumerate(loops):
        same = [m + 1 for m, other in enumerate(loops) if same_way_back(loop, other)]
        note = f" · the same way back as loop{'s' if len(same) > 2 else ''} " if len(same) > 1 else ""
        if note:
            note += ", ".join(str(m) for m in same if m != n + 1) + ", by another way round"
        lines.append(loop_line(loop, flow) + note)
    return lines


def fact_lines(item: FileAnalysis) -> list[str]:
    """Every path's shared steps, the extremes, the limits crossed, the durations not counted."""
    analysis, facts, flow = item.analysis, item.facts, item.result.flow
    assert analysis is not None and facts is not None and flow is not None
    if not analysis.paths:
        return ["the walk stopped (--max-paths) before it reached an end: too many ways round the loops"]
    paths = analysis.paths
    day = report_day(flow)
    by_key = {s.key: s for s in flow.steps}

    def total(path: FlowPath) -> str:
        return _duration(path.duration, day, (by_key[k].duration for k in path.steps))

    lines = [f"every path goes through: {', '.join(facts.common_steps) or '—'}"]
    if facts.longest is not None and facts.shortest is not None and facts.most_handoffs is not None:
        lines.append(
            f"longest: path {facts.longest + 1} ({total(paths[facts.longest])}) · "
            f"shortest: path {facts.shortest + 1} ({total(paths[facts.shortest])}) · "
            f"most handoffs: path {facts.most_handoffs + 1} ({paths[facts.most_handoffs].handoffs})"
        )
    if facts.over_limits:
        lines.append(f"over the limits (!): path {', '.join(str(i + 1) for i in facts.over_limits)}")
    steps = [s for s in flow.steps if s.kind != "connector"]  # a path leaves connectors out (spec §5)
    missing = [s for s in steps if not s.duration.strip()]
    not_read = {k for p in paths for k in p.unread}
    unread = [s for s in flow.steps if s.key in not_read]
    if missing:
        # of the flow's steps, loops' steps included (review 4 #14: "4 of 13 steps" of a 14-step flow left out
        # the steps met only on a way back, which the simulation does count)
        left_out = len(flow.steps) - len(steps)
        connectors = f" (connectors left out: {left_out})" if left_out else ""
        lines.append(f"no duration (counted as 0): {len(missing)} of {len(steps)} steps{connectors}")
    for step in unread:
        lines.append(f"duration not read (counted as 0): {step.key} {shorten(step.duration, LABEL_LIMIT)!r}")
    if analysis.truncated:
        lines.append(f"only the first {len(paths)} paths are listed (--max-paths); the flow has more paths or loops")
    return lines
