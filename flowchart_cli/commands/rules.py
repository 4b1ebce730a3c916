"""`flowchart rules`: the catalog as a table or JSON."""

from __future__ import annotations

import json

from ..rules.catalog import CATALOG

__all__ = ["run_rules"]


def run_rules(fmt: str) -> int:
    if fmt == "json":
        rules = [
            {"code": r.code, "severity": r.severity.value, "checks": r.summary, "why": r.why} for r in CATALOG.values()
        ]
        print(json.dumps(rules, ensure_ascii=False, indent=2))
        return 0
    from rich.table import Table

    from .common import console

    table = Table(title="flowchart rules", show_lines=False, expand=False)
    table.add_column("code", style="bold", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("what it checks")
    table.add_column("why")
    for r in CATALOG.values():
        colour = "red" if r.severity.value == "error" else "yellow"
        table.add_row(r.code, f"[{colour}]{r.severity.value}[/{colour}]", r.summary, r.why)
    console().print(table)
    return 0
