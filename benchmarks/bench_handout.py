"""Benchmark `flowchart handout`: HTML and PDF for a sample and for a generated 300-step flow.

Prints, from one run, the median wall time of `python -c pass` (the floor)
and of `flowchart handout` (HTML, then `--format pdf`) on a sample and on a
300-step flow, each with its ratio to the floor, plus the in-process CPU time
of `render_handout` alone (no start-up, no layout), which load on a shared
machine blurs less.  Targets (issue 4): a sample's HTML within 0.5 s and its
PDF within 3 s.

Then the printed diagram part by part (issue 19): the PDF handout of the
samples and of a 150-step flow against the same command of the code before
parts were laid out (``--before``, commit df8c733: parts cut from the whole
drawing's SVG), run from a `git archive` of it with the same Python, rounds
interleaved.  Goal: no slower than 1.2×.

    python benchmarks/bench_handout.py [--rounds N] [--big-rounds N] [--no-big] [--before COMMIT] [--no-before]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flowgen import generated_flow  # benchmarks/ is on sys.path when a bench runs

ROOT = Path(__file__).resolve().parent.parent
ENTRY = Path(sys.executable).with_name("flowchart")
FLOWCHART = [str(ENTRY)] if ENTRY.exists() else [sys.executable, "-m", "flowchart_cli"]
TARGETS = {"html sample": 0.5, "pdf sample": 3.0}
BEFORE = "df8c733"  # the last commit whose handout cut its printed parts out of the whole drawing
PARTS_GOAL = 1.2


def sample() -> Path:
    preferred = ROOT / "samples" / "gestion-quejas.flow.yaml"
    found = sorted(ROOT.glob("samples/*.flow.yaml"))
    return preferred if preferred.exists() else found[0]


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr.decode(errors='replace')}")
    return time.perf_counter() - started


def in_process(path: Path, fmt: str, rounds: int) -> float:
    """Median CPU seconds of render_handout alone (the flow checked and laid out beforehand)."""
    sys.path.insert(0, str(ROOT))
    from flowchart_cli.check import check_file
    from flowchart_cli.handout import render_handout
    from flowchart_cli.layout import layout_flow

    flow = check_file(path).flow
    diagram = layout_flow(flow)
    render_handout(flow, diagram, fmt)  # warm: imports, fonts, template compilation
    times = []
    for _ in range(rounds):
        started = time.process_time()
        render_handout(flow, diagram, fmt)
        times.append(time.process_time() - started)
    return statistics.median(times)


def measure(commands: dict[str, list[str]], rounds: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):  # interleaved, so that load on a shared machine hits every command alike
        for name, command in commands.items():
            times[name].append(wall(command))
    return {name: statistics.median(values) for name, values in times.items()}


def versus_before(commit: str, folder: Path, rounds: int) -> int:
    """Handout PDF time of the samples and a 150-step flow, now and at ``commit``, and their ratio."""
    old = folder / "before"
    old.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], capture_output=True, check=False)
    if archive.returncode != 0:
        print(f"parts vs {commit}: skipped (no git history here: {archive.stderr.decode(errors='replace').strip()})")
        return 0
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
    # its own templates, found before the editable install's (which maps them to today's checkout)
    shutil.copytree(old / "templates", old / "flowchart_cli" / "templates")
    big = folder / "generado-150.flow.yaml"
    big.write_text(generated_flow(150, lanes=4, decision_every=9, notes=True), encoding="utf-8")
    flows = [*sorted(ROOT.glob("samples/*.flow.yaml")), big]
    now_cmd = [sys.executable, "-m", "flowchart_cli", "handout"]
    commands = {}
    for flow in flows:
        name = flow.name.removesuffix(".flow.yaml")
        out = ["--format", "pdf", "-o", str(folder / "parts-out")]
        commands[f"{name} now"] = [*now_cmd, str(flow), *out]
        commands[f"{name} before"] = ["env", f"PYTHONPATH={old}", *now_cmd, str(flow), *out]
    medians = measure(commands, rounds)
    print(f"\nhandout PDF, printed parts laid out (now) vs cut from the SVG ({commit}); goal ≤ {PARTS_GOAL}×")
    print(f"{'flow':<28}{'now s':>8}{'before s':>10}{'ratio':>8}")
    status, total_now, total_before = 0, 0.0, 0.0
    for flow in flows:
        name = flow.name.removesuffix(".flow.yaml")
        now, before = medians[f"{name} now"], medians[f"{name} before"]
        total_now, total_before = total_now + now, total_before + before
        print(f"{name:<28}{now:>8.2f}{before:>10.2f}{now / before:>8.2f}")
    ratio = total_now / total_before
    status = 0 if ratio <= PARTS_GOAL else 1
    print(f"{'all':<28}{total_now:>8.2f}{total_before:>10.2f}{ratio:>8.2f}  {'ok' if not status else 'OVER'}")
    return status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--big-rounds", type=int, default=3)
    parser.add_argument("--no-big", action="store_true", help="skip the 300-step flow")
    parser.add_argument("--before", default=BEFORE, help="the commit to compare the printed parts with")
    parser.add_argument("--no-before", action="store_true", help="skip the comparison with --before")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out"
        big = Path(folder) / "grande.flow.yaml"
        big.write_text(generated_flow(300, lanes=5, decision_every=9, notes=True), encoding="utf-8")
        small = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "html sample": [*FLOWCHART, "handout", str(sample()), "-o", str(out)],
            "pdf sample": [*FLOWCHART, "handout", str(sample()), "--format", "pdf", "-o", str(out)],
        }
        medians = measure(small, args.rounds)
        if not args.no_big:
            medians |= measure(
                {
                    "html 300 steps": [*FLOWCHART, "handout", str(big), "-o", str(out)],
                    "pdf 300 steps": [*FLOWCHART, "handout", str(big), "--format", "pdf", "-o", str(out)],
                },
                args.big_rounds,
            )
        floor = medians["python -c pass"]
        print(f"{'flowchart handout':<18}{'median s':>10}{'× floor':>9}  target")
        status = 0
        for name, median in medians.items():
            target = TARGETS.get(name)
            verdict = ""
            if target is not None:
                ok = median <= target
                verdict = f"{'ok' if ok else 'OVER'} (≤ {target} s)"
                status |= 0 if ok else 1
            print(f"{name:<18}{median:>10.3f}{median / floor:>9.1f}  {verdict}")
        print(
            "in-process render_handout (CPU s, after layout): "
            f"html sample {in_process(sample(), 'html', 5):.3f}, pdf sample {in_process(sample(), 'pdf', 3):.3f}"
        )
        pages = (
            subprocess.run(
                ["pdfinfo", str(out / "grande.handout.pdf")], capture_output=True, text=True, check=False
            ).stdout
            if not args.no_big
            else ""
        )
        count = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")
        print(
            f"sample: {sample().relative_to(ROOT)}; {args.rounds} rounds (300 steps: {args.big_rounds}, "
            f"{count} PDF pages); floor {floor:.3f} s"
        )
        if not args.no_before:
            status |= versus_before(args.before, Path(folder), args.big_rounds)
    return status


if __name__ == "__main__":
    sys.exit(main())
