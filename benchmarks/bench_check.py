"""Benchmark `flowchart check`: start-up and checking time against the interpreter's own start-up.

Prints, from one run, the median wall time of `python -c pass` (the floor),
`flowchart --version`, `flowchart --help`, `flowchart check` on a sample and on
a generated 2,000-step flow, each with its ratio to the floor, the peak
memory of each command, and the in-process time of loading and checking the
big flow (which start-up noise does not blur).  Targets (issue 2): a sample
within 0.25 s, 2,000 steps within 0.6 s, memory under 100 MB.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from flowgen import generated_flow  # benchmarks/ is on sys.path when a bench runs

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 9
ENTRY = Path(sys.executable).with_name("flowchart")
FLOWCHART = [str(ENTRY)] if ENTRY.exists() else [sys.executable, "-m", "flowchart_cli"]
TARGETS = {"check sample": 0.25, "check 2,000 steps": 0.6}
MAX_RSS_MB = 100


def sample() -> Path:
    found = sorted(ROOT.glob("samples/*.flow.yaml"))
    return found[0] if found else ROOT / "tests" / "rules" / "FC105.pass.flow.yaml"


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def peak_rss_mb(command: list[str]) -> float:
    """Peak resident memory of ``command`` alone, measured in a fresh parent process."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024


def in_process(path: Path) -> float:
    """Median CPU seconds of check_file on ``path`` inside this process (no start-up)."""
    sys.path.insert(0, str(ROOT))
    from flowchart_cli.check import check_file

    times = []
    for _ in range(5):
        started = time.process_time()
        check_file(path)
        times.append(time.process_time() - started)
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "grande.flow.yaml"
        big.write_text(generated_flow(2000, lanes=5, decision_every=10, notes=True), encoding="utf-8")
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "flowchart --version": [*FLOWCHART, "--version"],
            "flowchart --help": [*FLOWCHART, "--help"],
            "check sample": [*FLOWCHART, "check", str(sample())],
            "check 2,000 steps": [*FLOWCHART, "check", str(big)],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(ROUNDS):  # interleaved, so that load on a shared machine hits every command alike
            for name, command in commands.items():
                times[name].append(wall(command))
        floor = statistics.median(times["python -c pass"])
        print(f"{'command':<22}{'median s':>10}{'× floor':>9}{'peak MB':>9}  target")
        status = 0
        for name, command in commands.items():
            median = statistics.median(times[name])
            rss = peak_rss_mb(command)
            target = TARGETS.get(name)
            verdict = ""
            if target is not None:
                ok = median <= target and rss < MAX_RSS_MB
                verdict = f"{'ok' if ok else 'OVER'} (≤ {target} s, < {MAX_RSS_MB} MB)"
                status |= 0 if ok else 1
            print(f"{name:<22}{median:>10.3f}{median / floor:>9.1f}{rss:>9.1f}  {verdict}")
        print(
            f"in-process check_file, 2,000 steps: {in_process(big):.3f} s CPU "
            f"({big.stat().st_size // 1024} KB, {big.read_text().count('  - ')} steps)"
        )
        growth = []
        for steps in (1000, 2000, 4000, 8000):
            path = Path(folder) / f"g{steps}.flow.yaml"
            path.write_text(generated_flow(steps, lanes=5, decision_every=10, notes=True), encoding="utf-8")
            growth.append((steps, in_process(path)))
        ratios = ", ".join(f"{b[0]}/{a[0]}: ×{b[1] / a[1]:.2f}" for a, b in pairwise(growth))
        print(f"scaling, CPU time as the steps double (linear is ×2): {ratios}")
        print(f"sample: {sample().relative_to(ROOT)}; {ROUNDS} rounds; floor {floor:.3f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
