"""`analyze` holds a bounded number of paths whatever `--max-paths` asks, and says what it cut."""

from __future__ import annotations

import json

import pytest
from fault_support import flowchart

from flowchart_cli.analyze.walk import MAX_HELD_PATHS


def maze(decisions: int) -> str:
    """A complaint flow where each of ``decisions`` checks doubles the paths: 2**decisions in all."""
    lines = ["title: Revisión en cadena", "lang: es", "lanes: [Cliente, Agente]", "steps:"]
    lines += ["  - start: Llega la queja", "    lane: Cliente"]
    for i in range(decisions):
        after = f"d{i + 1}" if i + 1 < decisions else "fin"
        lines += [f"  - id: d{i}", f"    decision: ¿Requisito {i} cumplido?", "    lane: Agente", "    branches:"]
        lines += [f"      Sí: a{i}", f"      No: b{i}"]
        lines += [f"  - id: a{i}", f"    process: Anotar requisito {i}", "    lane: Agente", f"    next: {after}"]
        lines += [f"  - id: b{i}", f"    process: Pedir documento {i}", "    lane: Cliente", "    duration: 1 day"]
        lines += [f"    next: {after}"]
    lines += ["  - id: fin", "    end: Queja resuelta", "    lane: Cliente"]
    return "\n".join(lines) + "\n"


@pytest.mark.integration
def test_a_million_paths_asked_of_a_flow_with_2_to_the_40_stays_within_memory(tmp_path):
    flow = tmp_path / "cadena.flow.yaml"
    flow.write_text(maze(40), encoding="utf-8")
    done = flowchart("analyze", str(flow), "--max-paths", "1000000", "-f", "json", memory=1 << 30, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)["files"][0]
    assert len(report["paths"]) == MAX_HELD_PATHS and report["truncated"] is True
    assert (
        "warning: 'Revisión en cadena': listing the first 10,000 paths, not the 1,000,000 asked for (--max-paths)"
        in done.stderr
    )


def test_asking_for_fewer_than_the_cap_cuts_silently_as_before(recwarn):
    from flowchart_cli.analyze.walk import walk_flow
    from flowchart_cli.check import check_text

    result = check_text(maze(12), None, "cadena.flow.yaml")
    analysis = walk_flow(result.flow, max_paths=50)
    assert len(analysis.paths) == 50 and analysis.truncated
    assert not recwarn.list
