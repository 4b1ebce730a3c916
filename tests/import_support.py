"""What the import tests share: import a file, check the flow it gives, and read it back step by step."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from flowchart_cli.check import check_text
from flowchart_cli.importing import import_drawing
from flowchart_cli.model import Flow, flow_edges

CASES = Path(__file__).resolve().parent / "import_cases"
CHECKER = Path(__file__).resolve().parent / "drawio" / "drawio_check"


def imported_flow(path: Path, data: bytes | None = None, page: int = 1) -> tuple[Flow, str, tuple]:
    """The flow ``path`` imports to, after asserting that `check` finds no error in it."""
    result = import_drawing(path, path.read_bytes() if data is None else data, page)
    checked = check_text(result.text, None, "imported.flow.yaml")
    errors = [f"{d.code} {d.message}" for d in checked.diagnostics if d.severity == "error"]
    assert checked.flow is not None and not errors, (errors, result.text)
    return checked.flow, result.text, result.notes


def steps_of(flow: Flow) -> list[tuple[str, str, str | None, str | None]]:
    """Each step as (symbol, label, lane name, stage name), in the file's order."""
    lanes = {lane.id: lane.name for lane in flow.lanes}
    stages = {stage.id: stage.name for stage in flow.stages}
    return [(s.kind, s.label, lanes.get(s.lane or ""), stages.get(s.stage or "")) for s in flow.steps]


def lines_of(flow: Flow) -> set[tuple[str, str, str]]:
    """Each flow line as (from label, to label, outcome)."""
    label = {s.key: s.label for s in flow.steps}
    return {(label[e.source], label[e.target], e.label) for e in flow_edges(flow)}


def drawio_check(path: Path, *extra: str) -> dict:
    """draw.io's own code (headless Chromium) loads ``path``: its report, or a skip when it is not installed."""
    if not CHECKER.exists() or shutil.which("node") is None:
        pytest.skip("drawio_check not found")
    run = subprocess.run(
        [str(CHECKER), str(path), *extra], capture_output=True, text=True, timeout=600, env={**os.environ}
    )
    if run.returncode == 3:
        pytest.skip(f"drawio_check is not installed: {run.stderr.strip()[:200]}")
    report = json.loads(run.stdout)
    assert run.returncode == 0, report["errors"]
    return report
