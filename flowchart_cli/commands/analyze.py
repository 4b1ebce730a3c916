"""`flowchart analyze`: every scenario of each flow, in the chosen format, with the CI gates.

Files are read exactly as `flowchart check` reads them (:func:`check_file`),
so what `check` accepts — and how it names a file it cannot read — holds here.
The report goes to standard output; the paths over a gate are named on
standard error, so the JSON stays exactly the spec's object.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path

import typer

from ..analyze import Limits
from ..analyze.files import FileAnalysis, analyze_result
from ..check import CheckResult, check_file
from ..gcpause import gc_paused

__all__ = ["FORMATS", "exit_code", "limits_of", "run_analyze"]

FORMATS = {
    "text": ("text_report", "format_text"),
    "json": ("json_report", "format_json"),
    "markdown": ("markdown_report", "format_markdown"),
}


def exit_code(items: Sequence[FileAnalysis]) -> int:
    """1 when a file has errors or a path is over a limit, else 0."""
    return 1 if any(item.analysis is None or item.over_limits for item in items) else 0


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


def run_analyze(files: list[Path], fmt: str, *, max_paths: int, limits: Limits) -> int:
    items = [analyze_result(result, max_paths=max_paths, limits=limits) for result in _checked(files)]
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
        for line in _gate_messages(item, limits):
            print(line, file=sys.stderr)
    return exit_code(items)


def limits_of(max_handoffs: int | None, max_duration: str | None) -> Limits:
    """The gates from the options; a `--max-duration` that is not one duration is a usage error (exit 2)."""
    minutes = None
    if max_duration is not None:
        from ..durations import parse_duration

        read = parse_duration(max_duration)
        if read is None or read.min != read.max:
            raise typer.BadParameter(
                f"{max_duration!r} is not a duration; write a number and a unit, e.g. '2 h', '30 min', "
                "'2 días hábiles'",
                param_hint="'--max-duration'",
            )
        minutes = read.max
    return Limits(max_handoffs, minutes)
