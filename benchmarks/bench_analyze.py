"""Benchmark `flowchart analyze`: a 2,000-step flow with very many paths, capped at 1,000 (issue 13: < 2 s).

The flow has a decision every few steps whose "No" skips ahead (2^285 paths)
and another whose "No" loops back, so the walk meets both the cap and many
loops.  Prints the median wall time of `python -c pass` (the floor), then of
`flowchart analyze` in each format with its ratio to the floor, and the
in-process time of the walk alone (which start-up noise does not blur).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5
ENTRY = Path(sys.executable).with_name("flowchart")
FLOWCHART = [str(ENTRY)] if ENTRY.exists() else [sys.executable, "-m", "flowchart_cli"]
TARGET = 2.0
STEPS = 2000


def branching_flow(steps: int, lanes: int = 4) -> str:
    """A valid flow: every 7th step a decision skipping two steps ahead, every 7th+3 one looping back."""
    names = [f"Área {i + 1}" for i in range(lanes)]
    lines = ["title: Análisis generado", "lang: es", "lanes:", *[f"  - {n}" for n in names], "steps:"]
    lines += ["  - id: s0", "    start: Llega la solicitud", f"    lane: {names[0]}"]
    last = steps - 1
    for i in range(1, last):
        lane = names[i % lanes]
        if i % 7 == 3 and i + 3 < last:
            lines += [f"  - id: s{i}", f"    decision: ¿Completo {i}?", f"    lane: {lane}"]
            lines += ["    branches:", f"      Sí: s{i + 1}", f"      No: s{i + 3}"]
        elif i % 7 == 6:
            lines += [f"  - id: s{i}", f"    decision: ¿Aprobado {i}?", f"    lane: {lane}"]
            lines += ["    branches:", f"      Sí: s{i + 1}", f"      No: s{max(1, i - 4)}"]
        else:
            lines += [f"  - id: s{i}", f"    process: Paso {i}", f"    lane: {lane}", f"    duration: {i % 9 + 1} min"]
    lines += [f"  - id: s{last}", "    end: Solicitud cerrada", f"    lane: {names[-1]}"]
    return "\n".join(lines) + "\n"


def median_wall(command: list[str]) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def in_process(path: Path) -> tuple[float, int, bool]:
    sys.path.insert(0, str(ROOT))
    from flowchart_cli.analyze import walk_flow
    from flowchart_cli.check import check_file

    flow = check_file(path).flow
    assert flow is not None, "the generated flow must be valid"
    times = []
    for _ in range(ROUNDS):
        started = time.process_time()
        analysis = walk_flow(flow, max_paths=1000)
        times.append(time.process_time() - started)
    return statistics.median(times), len(analysis.paths), analysis.truncated


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "analisis.flow.yaml"
        path.write_text(branching_flow(STEPS), encoding="utf-8")
        floor = median_wall([sys.executable, "-c", "pass"])
        print(f"floor (python -c pass)            {floor:6.3f} s")
        walk, paths, truncated = in_process(path)
        print(f"walk only, {STEPS:,} steps            {walk:6.3f} s  ({paths} paths, truncated={truncated})")
        status = 0
        for fmt in ("text", "json", "markdown"):
            seconds = median_wall([*FLOWCHART, "analyze", "--format", fmt, "--max-paths", "1000", str(path)])
            verdict = "ok" if seconds < TARGET else f"OVER the {TARGET} s target"
            print(f"analyze --format {fmt:<8} 2,000 steps {seconds:6.3f} s  ×{seconds / floor:5.1f} floor  {verdict}")
            status |= seconds >= TARGET
        return int(status)


if __name__ == "__main__":
    sys.exit(main())
