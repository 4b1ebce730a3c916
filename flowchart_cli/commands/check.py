"""`flowchart check`: run the rules and print the diagnostics in the chosen format."""

from __future__ import annotations

import sys
from importlib import import_module
from pathlib import Path

from ..check import check_file

__all__ = ["exit_code", "run_check"]

WRITERS = {
    "json": ("json_format", "format_json"),
    "sarif": ("sarif", "format_sarif"),
    "github": ("github", "format_github"),
}


def exit_code(results, *, strict: bool) -> int:
    """0 clean (warnings allowed), 1 when a file has errors (or warnings under ``--strict``)."""
    diagnostics = [d for r in results for d in r.diagnostics]
    return 1 if any(d.is_error or strict for d in diagnostics) else 0


def run_check(files: list[Path], fmt: str, *, strict: bool) -> int:
    from .inputs import flow_files

    results = [check_file(path) for path in flow_files(files)]
    if fmt == "text":
        from ..report.text import print_text, write_text
        from .common import colour_wanted, console

        if colour_wanted():
            print_text(console(), results)
        else:
            write_text(sys.stdout, results)
    else:
        module_name, function = WRITERS[fmt]
        module = import_module(f"..report.{module_name}", __package__)
        text = getattr(module, function)(results)
        if text:
            sys.stdout.write(text + "\n")
    return exit_code(results, strict=strict)
