"""Benchmark `flowchart build`: 200 flows of ~30 steps in 4 lanes.

Prints medians for a cold build with 1 job and with every core (and the
speed-up), a warm build with nothing changed, and a rebuild after one file
changed, each next to the floor `python -c pass` measured in the same run.
Targets: warm < 1 s, one-file rebuild < 1.5 s, cold speed-up 1 → 2 jobs ≥ 1.7×.

    python benchmarks/bench_build.py [--flows N] [--repeat N] [--warm-repeat N]

A cold build renders 200 flows in four formats, so it takes minutes; the
speed-up is only meaningful on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flowgen import generated_flow  # benchmarks/ is on sys.path when a bench runs

ROOT = Path(__file__).resolve().parent.parent
FLOWCHART = [sys.executable, "-m", "flowchart_cli"]


def make_tree(root: Path, count: int) -> list[Path]:
    paths = []
    for n in range(count):
        path = root / f"area{n % 10}" / f"proceso-{n:03}.flow.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            generated_flow(30, title=f"Proceso de prueba {n}", decision_every=5, varied_symbols=True), encoding="utf-8"
        )
        paths.append(path)
    return paths


def timed(command: list[str]) -> float:
    env = {**os.environ, "CI": "true"}
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return elapsed


def median_of(repeat: int, prepare, command: list[str]) -> float:
    samples = []
    for _ in range(repeat):
        prepare()
        samples.append(timed(command))
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flows", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2, help="runs per cold build (each takes minutes)")
    parser.add_argument("--no-cold", action="store_true", help="build once to set up, time only warm paths")
    parser.add_argument("--warm-repeat", type=int, default=5, help="runs per warm build and per one-file rebuild")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="bench-build-"))
    try:
        src, out = work / "docs", work / "out"
        flows = make_tree(src, args.flows)
        build = [*FLOWCHART, "build", str(src), "--out-dir", str(out)]
        fresh = lambda: shutil.rmtree(out, ignore_errors=True)  # noqa: E731
        nothing = lambda: None  # noqa: E731
        counter = iter(range(10**6))

        def touch_one() -> None:
            flows[0].write_text(
                generated_flow(30, title="Proceso de prueba 0", decision_every=5, varied_symbols=True).replace(
                    "Llega", f"Llega ({next(counter)})"
                ),
                encoding="utf-8",
            )

        floor = median_of(5, nothing, [sys.executable, "-c", "pass"])
        print(f"{args.flows} flows x 30 steps, 4 lanes; formats svg, png, drawio, html; {cores} cores", flush=True)
        print(f"floor (python -c pass):       {floor:7.3f} s", flush=True)
        cli = median_of(5, nothing, [*FLOWCHART, "--version"])
        print(
            f"flowchart --version:          {cli:7.3f} s   {cli / floor:.1f}x floor (start-up of the CLI)", flush=True
        )
        speed_up = None
        if args.no_cold:
            fresh()
            timed([*build, "--jobs", str(cores)])
        else:
            cold1 = median_of(args.repeat, fresh, [*build, "--jobs", "1"])
            print(f"cold build, 1 job:            {cold1:7.3f} s", flush=True)
            for jobs in sorted({2, cores} - {1}):
                cold = median_of(args.repeat, fresh, [*build, "--jobs", str(jobs)])
                ratio = cold1 / cold
                speed_up = ratio if jobs == 2 else speed_up
                target = "   (target >= 1.7x from 1 to 2 jobs)" if jobs == 2 else ""
                print(f"cold build, {jobs} jobs:           {cold:7.3f} s   speed-up {ratio:.2f}x{target}", flush=True)
        warm = median_of(args.warm_repeat, nothing, build)
        print(f"warm build, nothing changed:  {warm:7.3f} s   {warm / floor:.1f}x floor (target < 1 s)", flush=True)
        one = median_of(args.warm_repeat, touch_one, build)
        print(f"rebuild after one change:     {one:7.3f} s   {one / floor:.1f}x floor (target < 1.5 s)", flush=True)
        check = median_of(args.warm_repeat, nothing, [*build, "--check"])
        print(f"build --check, up to date:    {check:7.3f} s   {check / floor:.1f}x floor", flush=True)
        met = warm < 1.0 and one < 1.5 and (cores < 2 or args.no_cold or (speed_up or 0) >= 1.7)
        print("targets met" if met else "targets NOT met")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
