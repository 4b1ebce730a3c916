"""`flowchart analyze`: every scenario of each flow, in the chosen format, with the CI gates.

Files are read exactly as `flowchart check` reads them (:func:`check_file`),
so what `check` accepts — and how it names a file it cannot read — holds here.
The report goes to standard output; the paths over a gate are named on
standard error, so the JSON stays exactly the spec's object.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from fractions import Fraction
from importlib import import_module
from pathlib import Path

import typer

from ..analyze import Limits
from ..analyze.files import FileAnalysis, analyze_result
from ..check import CheckResult, check_file
from ..gcpause import gc_paused

__all__ = ["FORMATS", "exit_code", "limits_of", "run_analyze", "simulation_of"]

FORMATS = {
    "text": ("text_report", "format_text"),
    "json": ("json_report", "format_json"),
    "markdown": ("markdown_report", "format_markdown"),
}


def exit_code(items: Sequence[FileAnalysis], limits: Limits) -> int:
    """1 when a file has errors, a path is over a limit or the simulated 90th percentile over `--max-p90`, else 0."""
    return 1 if any(item.analysis is None or item.over_limits or item.over_p90(limits) for item in items) else 0


def _p90_message(item: FileAnalysis, limits: Limits) -> list[str]:
    flow, simulation = item.result.flow, item.simulation
    if not item.over_p90(limits) or flow is None or simulation is None:
        return []
    from ..analyze.sim_report import said

    if simulation.p90 is None:
        from ..analyze.simulate import MAX_STEPS

        return [
            f"{item.shown_path}: no simulated case ended within {MAX_STEPS:,} steps (every case was cut), "
            f"so --max-p90 {said(float(limits.p90 or 0), flow)} cannot be met; check the loops' shares"
        ]
    return [
        f"{item.shown_path}: 1 case in 10 takes longer than {said(simulation.p90, flow, fine=True)} "
        f"(the simulated 90th percentile), over --max-p90 {said(float(limits.p90 or 0), flow)}"
    ]


def _gate_messages(item: FileAnalysis, limits: Limits) -> list[str]:
    if item.analysis is None or item.facts is None:
        return []
    lines = []
    for index in item.facts.over_limits:
        path = item.analysis.paths[index]
        why = []
        if "handoffs" in limits.crossed(path):
            why.append(f"{path.handoffs} handoffs (--max-handoffs {limits.handoffs})")
        if "duration" in limits.crossed(path):
            from ..durations import format_minutes

            why.append(f"up to {format_minutes(path.duration.max)} (--max-duration {format_minutes(limits.minutes)})")
        route = " → ".join(path.steps)
        lines.append(f"{item.shown_path}: path {index + 1} is over the limit: {', '.join(why)}: {route}")
    return lines


def _error_lines(item: FileAnalysis) -> None:
    from ..report.text import write_text

    write_text(sys.stderr, [item.result], summary=False)
    print(f"{item.shown_path}: not analyzed (fix the errors above)", file=sys.stderr)


def _checked(files: list[Path]) -> list[CheckResult]:
    """Each input read and checked exactly as `flowchart check` does (keep the two in step): a folder
    stands for every flow file below it."""
    from .inputs import flow_files

    return [check_file(path) for path in flow_files(files)]


def run_analyze(
    files: list[Path], fmt: str, *, max_paths: int, limits: Limits, simulate: tuple[int, int] | None = None
) -> int:
    """``simulate`` is ``(cases, seed)`` for `--simulate`, else ``None``."""
    items = [
        analyze_result(result, max_paths=max_paths, limits=limits, simulate=simulate) for result in _checked(files)
    ]
    for item in items:
        if item.analysis is None and fmt != "json":
            _error_lines(item)

    module_name, function = FORMATS[fmt]
    module = import_module(f"..analyze.{module_name}", __package__)
    with gc_paused():  # a 1,000-path report is many small acyclic objects: nothing for the collector
        report = getattr(module, function)(items)
    sys.stdout.write(report + "\n")
    sys.stdout.flush()
    for item in items:
        for line in [*_gate_messages(item, limits), *_p90_message(item, limits)]:
            print(line, file=sys.stderr)
    return exit_code(items, limits)


def _one_duration(text: str | None, option: str) -> Fraction | None:
    """Minutes of an option's duration; one that is not a single duration is a usage error (exit 2)."""
    if text is None:
        return None
    from ..durations import parse_duration

    read = parse_duration(text)
    if read is None or read.min != read.max:
        raise typer.BadParameter(
            f"{text!r} is not a duration; write a number and a unit, e.g. '2 h', '30 min', '2 días hábiles'",
            param_hint=f"'{option}'",
        )
    return read.max


def limits_of(max_handoffs: int | None, max_duration: str | None, max_p90: str | None = None) -> Limits:
    """The gates from the options (`--max-handoffs`, `--max-duration`, `--max-p90`)."""
    return Limits(max_handoffs, _one_duration(max_duration, "--max-duration"), _one_duration(max_p90, "--max-p90"))


def simulation_of(simulate: bool, cases: int | None, seed: int | None, max_p90: str | None) -> tuple[int, int] | None:
    """``(cases, seed)`` for `--simulate`; `--cases`, `--seed` or `--max-p90` without it is a usage error."""
    from ..analyze.simulate import DEFAULT_CASES, DEFAULT_SEED

    if not simulate:
        given = [
            name for name, value in (("--cases", cases), ("--seed", seed), ("--max-p90", max_p90)) if value is not None
        ]
        if given:
            raise typer.BadParameter(f"{given[0]} needs --simulate", param_hint="'--simulate'")
        return None
    return (DEFAULT_CASES if cases is None else cases, DEFAULT_SEED if seed is None else seed)
