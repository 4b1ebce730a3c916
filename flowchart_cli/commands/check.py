"""`flowchart check`: run the rules and print the diagnostics in the chosen format."""

from __future__ import annotations

from pathlib import Path

from ..check import check_file
from .common import out_console


def run_check(files: list[Path], fmt: str, *, strict: bool) -> int:
    results = [check_file(path) for path in files]
    if fmt == "text":
        from ..report.text import print_text

        print_text(out_console, results)
    else:
        from importlib import import_module

        module = import_module(f"..report.{'json_format' if fmt == 'json' else fmt}", __package__)
        text = getattr(module, f"format_{fmt}")(results)
        if text:
            print(text)
    diagnostics = [d for r in results for d in r.diagnostics]
    failed = any(d.is_error or strict for d in diagnostics)
    return 1 if failed else 0
