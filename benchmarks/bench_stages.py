"""Benchmark the layout with stages: time and line crossings, against the same flows without stages.

The floor is the layout of the same flow with its stages left out, measured
in the same run (the machine is shared, so ratios mean more than seconds).
Flows: the staged samples and generated flows of 50 and 200 steps with a
new stage every 8 steps (their loops reach back across stage borders).
Target: within 2x the floor (or under 20 ms more: a small flow lays out in
about 10 ms, where the noise of a shared machine is as large as the cost);
``+crossings`` never above 0 on the samples.
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

from flowgen import generated_flow  # benchmarks/ is on sys.path when a bench runs
from layout_crossings import count_crossings

from flowchart_cli.layout import layout_flow
from flowchart_cli.loader import load_flow
from flowchart_cli.model import Flow

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ("gestion-quejas", "mesa-de-ayuda", "seguimiento-satisfaccion")
RUNS = 9


def staged_flow(steps: int, every: int = 8) -> str:
    """A generated flow whose steps fall into a new stage every ``every`` steps."""
    lines = []
    for line in generated_flow(steps).splitlines():
        lines.append(line)
        if line.startswith("  - id: s") and int(line.split("s")[-1]) % every == 0:
            lines.append(f"    stage: Etapa {int(line.split('s')[-1]) // every + 1}")
    return "\n".join(lines) + "\n"


def median_seconds(staged: Flow, plain: Flow) -> tuple[float, float]:
    """Median layout time of each flow, the runs interleaved so that the machine's noise hits both alike."""
    layout_flow(staged)  # warm: imports and caches of the first call are not the layout's cost
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(RUNS):
        for flow, kept in ((staged, times[0]), (plain, times[1])):
            start = time.perf_counter()
            layout_flow(flow)
            kept.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def measure(name: str, flow: Flow) -> bool:
    plain = dataclasses.replace(flow, stages=(), stages_declared=False)
    staged_time, plain_time = median_seconds(flow, plain)
    added = count_crossings(layout_flow(flow)) - count_crossings(layout_flow(plain))
    ratio = staged_time / plain_time
    print(f"{name:<28} {len(flow.stages):>6} {staged_time:>8.3f} {plain_time:>8.3f} {ratio:>6.2f}x {added:>+11d}")
    return (ratio <= 2.0 or staged_time - plain_time < 0.02) and (added <= 0 or not name.startswith(SAMPLES))


def main() -> int:
    print(f"{'flow':<28} {'stages':>6} {'staged s':>8} {'floor s':>8} {'ratio':>7} {'+crossings':>11}")
    ok = True
    for name in SAMPLES:
        flow, _ = load_flow(ROOT / "samples" / f"{name}.flow.yaml")
        assert flow is not None
        ok &= measure(name, flow)
    with tempfile.TemporaryDirectory() as folder:
        for steps in (50, 200):
            path = Path(folder) / f"staged-{steps}.flow.yaml"
            path.write_text(staged_flow(steps), encoding="utf-8")
            flow, diagnostics = load_flow(path)
            assert flow is not None, diagnostics
            ok &= measure(f"generated {steps} steps", flow)
    print("ok: within target" if ok else "OFF TARGET: slower than 2x and 20 ms, or crossings added on a sample")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
