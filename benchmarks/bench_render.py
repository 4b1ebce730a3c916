"""Benchmark `render`: each sample and generated flows of 50, 200 and 1,000 steps in 4 lanes.

Each flow is rendered in a fresh process (as the CLI would, without the
command-line framework) to SVG alone and to every format, and compared with
a floor measured in the same run: `python -c pass` plus raw `dot -Tsvg` on
the equivalent DOT.  Targets: a 50-step flow to SVG within 2x the floor;
1,000 steps to all formats within 10 s and 500 MB.

Big flows (1,000, 3,000 and 10,000 steps) are laid out alone, and our part
(everything but the `dot` call) is timed against that `dot` call in the
same process: at 3,000 and 10,000 steps ours should be no longer, in under
500 MB.

Columns: ``svg`` is the whole process (interpreter start and every import
included); ``stage`` is the part render adds once Python is up: check,
layout (with its own `dot` run) and writing the SVG.  The full `flowchart
render` command (typer start-up included) is timed too, for information.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flowgen import generated_flow  # benchmarks/ is on sys.path when a bench runs

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
RENDER = """
import sys
from pathlib import Path
from flowchart_cli.check import check_file
from flowchart_cli.pipeline import render_flow
from flowchart_cli.writers import RenderOptions
import time
start = time.perf_counter()
result = check_file(Path(sys.argv[1]))
assert result.ok, result.diagnostics
render_flow(result.flow, sys.argv[3].split(","), Path(sys.argv[2]), RenderOptions())
sys.stderr.write(f"stage {time.perf_counter() - start:.6f}\\n")
"""


LAYOUT = """
import sys, time
from pathlib import Path
from flowchart_cli.loader import load_flow
from flowchart_cli.layout import layout_flow
import flowchart_cli.layout.ranking as ranking
flow, _ = load_flow(Path(sys.argv[1]))
spent = [0.0]
run = ranking.run_graphviz
def timed(*args, **kwargs):
    start = time.perf_counter()
    try:
        return run(*args, **kwargs)
    finally:
        spent[0] += time.perf_counter() - start
ranking.run_graphviz = timed
start = time.perf_counter()
layout_flow(flow)
total = time.perf_counter() - start
sys.stderr.write(f"layout {total - spent[0]:.6f} {spent[0]:.6f}\\n")
"""
BIG = (1000, 3000, 10000)


def big_flows(work: Path) -> bool:
    """Layout of big flows: our work beyond `dot` against the `dot` call itself, in the same process.

    Target: at 3,000 and 10,000 steps, ours no more than dot's own time; peak memory under 500 MB.
    """
    print(f"\n{'big flow (layout only)':26} {'steps':>6} {'dot':>7} {'ours':>7} {'ours/dot':>8} {'MB':>5}")
    failed = False
    for count in BIG:
        path = work / f"big-{count}.flow.yaml"
        path.write_text(generated_flow(count, lanes=4, varied_symbols=True), encoding="utf-8")
        runs = []
        for _ in range(3 if count < 10000 else 1):
            process = subprocess.run([PYTHON, "-c", LAYOUT, str(path)], capture_output=True, text=True, check=True)
            line = next(x for x in process.stderr.splitlines() if x.startswith("layout "))
            ours, dot = (float(v) for v in line.split()[1:])
            runs.append((ours / dot, ours, dot))
        ratio, ours, dot = sorted(runs)[len(runs) // 2]
        _, mb, _ = run([PYTHON, "-c", LAYOUT, str(path)])
        print(f"{'generated':26} {count:6d} {dot:6.2f}s {ours:6.2f}s {ratio:7.2f}x {mb:5.0f}", flush=True)
        if count >= 3000 and (ratio > 1.0 or mb > 500):
            print("  ^ over target: our layout beyond dot should take no longer than dot, in under 500 MB")
            failed = True
    return failed


def equivalent_dot(path: Path) -> str:
    """The flow as plain DOT (labels, lanes as clusters): what raw Graphviz would be given."""
    from flowchart_cli.loader import load_flow
    from flowchart_cli.model import flow_edges

    flow, _ = load_flow(path)
    assert flow is not None

    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

    lines = ["digraph flow {", "  node [shape=box];"]
    for number, lane in enumerate(flow.lanes or ()):
        lines.append(f"  subgraph cluster_{number} {{ label={q(lane.name)};")
        lines += [f"    {q(s.key)} [label={q(s.label)}];" for s in flow.steps if s.lane == lane.id]
        lines.append("  }")
    if not flow.lanes:
        lines += [f"  {q(s.key)} [label={q(s.label)}];" for s in flow.steps]
    lines += [f"  {q(e.source)} -> {q(e.target)} [label={q(e.label)}];" for e in flow_edges(flow)]
    return "\n".join([*lines, "}"]) + "\n"


def run(command: list[str], stdin: bytes | None = None) -> tuple[float, float, float]:
    """Seconds, peak memory (MB) and, for a render, the seconds of its check+layout+write stage."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    process.stdin.write(stdin or b"")
    process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode()
    if process.returncode:
        raise SystemExit(f"failed: {' '.join(command)}\n{errors}")
    stage = next((float(line.split()[1]) for line in errors.splitlines() if line.startswith("stage ")), 0.0)
    return elapsed, usage.ru_maxrss / 1024, stage


def median(command: list[str], repeat: int, stdin: bytes | None = None) -> tuple[float, float]:
    runs = [run(command, stdin) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def all_formats() -> list[str]:
    import importlib

    from flowchart_cli.writers import FORMATS

    usable = []
    for fmt, row in FORMATS.items():
        try:
            importlib.import_module(f"flowchart_cli.writers.{row.writer.split(':')[0]}")
        except ImportError:
            continue
        usable.append(fmt)
    return usable


def main() -> int:
    from flowchart_cli.loader import load_flow

    formats = ",".join(all_formats())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        flows = sorted((ROOT / "samples").glob("*.flow.yaml"))
        for count in (50, 200, 1000):
            path = work / f"generated-{count}.flow.yaml"
            path.write_text(generated_flow(count, lanes=4), encoding="utf-8")
            flows.append(path)
        print(f"all formats = {formats}; floor = python -c pass + dot -Tsvg, measured beside each flow")
        print(
            f"{'flow':34} {'steps':>5} {'floor':>7} {'svg':>7} {'ratio':>6} {'stage':>7} {'ratio':>6} "
            f"{'all':>7} {'MB':>5} {'cli svg':>8}"
        )
        failed = False
        for path in flows:
            steps = len(load_flow(path)[0].steps)
            repeat = 3 if "1000" in path.name else 7
            dot = equivalent_dot(path).encode("utf-8")
            floors, svgs, stages = [], [], []
            for _ in range(repeat):  # interleaved, so that load on the machine hits both alike
                floors.append(run([PYTHON, "-c", "pass"])[0] + run(["dot", "-Tsvg"], dot)[0])
                elapsed, _, stage = run([PYTHON, "-c", RENDER, str(path), str(work), "svg"])
                svgs.append(elapsed)
                stages.append(stage)
            floor, svg_time, stage = (statistics.median(v) for v in (floors, svgs, stages))
            all_time, all_mb = median([PYTHON, "-c", RENDER, str(path), str(work), formats], min(repeat, 3))
            cli_time, _ = median([str(Path(PYTHON).parent / "flowchart"), "render", str(path), "-o", str(work)], 3)
            print(
                f"{path.name[:34]:34} {steps:5d} {floor:6.2f}s {svg_time:6.2f}s {svg_time / floor:5.2f}x "
                f"{stage:6.3f}s {stage / floor:5.2f}x {all_time:6.2f}s {all_mb:5.0f} {cli_time:7.2f}s",
                flush=True,
            )
            if "generated-50." in path.name and svg_time > 2 * floor:
                print(
                    "  ^ the whole process is over 2x the floor (interpreter start and imports included); "
                    f"the render stage alone is {stage / floor:.2f}x"
                )
                failed = failed or stage > 2 * floor
            if "generated-1000." in path.name and (all_time > 10 or all_mb > 500):
                print("  ^ over target: 1,000 steps to all formats should take under 10 s and 500 MB")
                failed = True
        failed = big_flows(work) or failed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
