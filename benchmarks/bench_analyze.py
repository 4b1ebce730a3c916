"""Benchmark `flowchart analyze`: a 2,000-step flow with very many paths, capped at 1,000 (issue 13: < 2 s),
and `analyze --simulate`: 10,000 cases of 50- and 200-step flows (issue 24: < 2 s for 200 steps).

The flow has a decision every few steps whose "No" skips ahead (2^285 paths)
and another whose "No" loops back, so the walk meets both the cap and many
loops.  Prints the median wall time of `python -c pass` (the floor), then of
`flowchart analyze` in each format with its ratio to the floor, and the
in-process time of the walk alone (which start-up noise does not blur).
The simulated flows loop back (20 % retries), branch three ways and draw
every step's duration from a range, so each case walks well over its steps.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
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


def simulated_flow(steps: int, lanes: int = 4) -> str:
    """A valid flow: ranged durations, every 7th step a retry decision (No 20 %: four steps back),
    every 11th a three-way decision skipping ahead (50 / 30 / 20 %)."""
    names = [f"Área {i + 1}" for i in range(lanes)]
    lines = ["title: Simulación generada", "lang: es", "lanes:", *[f"  - {n}" for n in names], "steps:"]
    lines += ["  - id: s0", "    start: Llega la solicitud", f"    lane: {names[0]}"]
    last = steps - 1
    for i in range(1, last):
        lane = names[(i // 3) % lanes]
        lines += [f"  - id: s{i}", f"    lane: {lane}"]
        if i % 7 == 6:
            lines += [f"    decision: ¿Aprobado {i}?", "    shares: {Sí: 80%}", "    branches:"]
            lines += [f"      Sí: s{i + 1}", f"      No: s{max(1, i - 4)}"]
        elif i % 11 == 5 and i + 3 < last:
            lines += [f"    decision: ¿Tipo {i}?", "    shares: {A: 50%, B: 30%}", "    branches:"]
            lines += [f"      A: s{i + 1}", f"      B: s{i + 2}", f"      C: s{i + 3}"]
        else:
            lines += [f"    process: Paso {i}", f"    duration: {i % 5 + 1}-{i % 5 + 6} min"]
    lines += [f"  - id: s{last}", "    end: Solicitud cerrada", f"    lane: {names[-1]}"]
    return "\n".join(lines) + "\n"


def checked_flow(path: Path):
    """The flow of ``path``, read and checked as the command does (it must have no errors)."""
    sys.path.insert(0, str(ROOT))
    from flowchart_cli.check import check_file

    flow = check_file(path).flow
    assert flow is not None, "the generated flow must be valid"
    return flow


def median_process_time(work: Callable[[], object]) -> float:
    """Median CPU seconds of ``work()`` in this process, over :data:`ROUNDS` runs."""
    times = []
    for _ in range(ROUNDS):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return statistics.median(times)


def simulation_in_process(path: Path) -> float:
    """Median CPU seconds of `simulate_flow` alone (10,000 cases, seed 1) on the checked flow."""
    from flowchart_cli.analyze.simulate import simulate_flow

    flow = checked_flow(path)
    return median_process_time(lambda: simulate_flow(flow))


def simulation_lines(folder: Path) -> int:
    """`analyze --simulate` on 50- and 200-step flows: the simulation alone (the 2 s target: it is what
    --simulate adds), and the whole command with and without it (listing up to 1,000 paths of a flow
    this branchy is most of the command's time)."""
    status = 0
    for steps in (50, 200):
        path = folder / f"simulacion-{steps}.flow.yaml"
        path.write_text(simulated_flow(steps), encoding="utf-8")
        loop = simulation_in_process(path)
        verdict = "ok" if loop < TARGET else f"OVER the {TARGET} s target"
        print(f"simulate only, 10,000 cases, {steps:>3} steps  {loop:6.3f} s  {verdict}")
        status |= loop >= TARGET
        plain = median_cpu([*FLOWCHART, "analyze", "--format", "json", str(path)])
        seconds = median_cpu([*FLOWCHART, "analyze", "--simulate", "--format", "json", str(path)])
        print(
            f"analyze --simulate, {steps:>3} steps      {seconds:6.3f} s CPU  "
            f"(without --simulate {plain:.3f} s: +{seconds - plain:.3f} s)"
        )
    return int(status)


def median_cpu(command: list[str]) -> float:
    """Median CPU seconds (user + system) of ``command``: steadier than wall time on a shared machine."""
    times = []
    for _ in range(ROUNDS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)


def median_wall(command: list[str]) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def in_process(path: Path) -> tuple[float, int, bool]:
    from flowchart_cli.analyze import walk_flow

    flow = checked_flow(path)
    seconds = median_process_time(lambda: walk_flow(flow, max_paths=1000))
    analysis = walk_flow(flow, max_paths=1000)
    return seconds, len(analysis.paths), analysis.truncated


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
        status |= simulation_lines(Path(tmp))
        return int(status)


if __name__ == "__main__":
    sys.exit(main())
