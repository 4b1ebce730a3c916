"""Measure PlantUML's area per node on the generated flows, once, by hand (not part of `make bench`).

PlantUML is not a dependency; run with a plantuml.jar you have::

    python benchmarks/plantuml_area.py /path/to/plantuml.jar

It writes each generated flow (the same generator as the benchmarks) as a
PlantUML activity diagram with swimlanes at the same text size (13 px),
the decision's "No" loop as ``repeat … repeat while``, renders it to SVG
and prints the SVG's area divided by the number of steps.  The figure goes
into ``benchmarks/README.md`` and ``bench_layout.py``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from flowgen import generated_flow  # benchmarks/ is on sys.path when a bench runs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flowchart_cli.loader import load_text  # noqa: E402


def activity(steps: int) -> str:
    """The generated flow of ``steps`` steps as PlantUML activity text (its loops never overlap)."""
    flow, _ = load_text(generated_flow(steps, lanes=4, varied_symbols=True))
    assert flow is not None
    loop_start = {}
    for step in flow.steps:
        if step.kind == "decision":
            back = next(branch.target for branch in step.branches if branch.label == "No")
            loop_start[back] = step.key
    out = ["@startuml", "skinparam defaultFontSize 13", "skinparam defaultFontName DejaVu Sans"]
    for step in flow.steps:
        lane = next(lane.name for lane in flow.lanes if lane.id == step.lane)
        if step.key in loop_start:
            out.append(f"|{lane}|")
            out.append("repeat")
        out.append(f"|{lane}|")
        if step.kind == "start":
            out += ["start", f":{step.label};"]
        elif step.kind == "end":
            out += [f":{step.label};", "stop"]
        elif step.kind == "decision":
            out.append(f"repeat while ({step.label}) is (No) not (Sí)")
        else:
            out.append(f":{step.label};")
    out.append("@enduml")
    return "\n".join(out) + "\n"


def area_per_node(jar: Path, steps: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "flow.puml"
        source.write_text(activity(steps), encoding="utf-8")
        subprocess.run(["java", "-jar", str(jar), "-tsvg", str(source)], check=True, capture_output=True)
        svg = source.with_suffix(".svg").read_text(encoding="utf-8")
    width = float(re.search(r'width="([\d.]+)px"', svg).group(1))
    height = float(re.search(r'height="([\d.]+)px"', svg).group(1))
    return width * height / steps


def main() -> int:
    jar = Path(sys.argv[1])
    for steps in (25, 50):
        print(f"generated-{steps}: PlantUML area per node {area_per_node(jar, steps):,.0f} px²")
    return 0


if __name__ == "__main__":
    sys.exit(main())
