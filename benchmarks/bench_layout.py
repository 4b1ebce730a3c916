"""Layout quality: our drawing's numbers next to Graphviz dot's crossings on the same graphs.

For each sample and for generated flows of 12, 25, 50, 100 and 200 steps
(4 lanes), lay the flow out and measure our own geometry
(:mod:`layout_quality` (benchmarks/)): crossings, crossings between outcomes
of one decision and between arrivals into one shape, bends per line, total
line length, area per node, long close parallel runs (< 20 px over 100 px)
and the most arrowheads any one shape side receives.  Then give `dot` the
same graph (same node sizes, no lanes) and count the crossings of its
splines (``-Tjson``), so the ratio is read in one run.

PlantUML's area per node, measured once by hand with
``benchmarks/plantuml_area.py`` (PlantUML 1.2019.06, activity diagram with
swimlanes, text at 13 px) on the generated 25- and 50-step flows, is
83,700 px² (see benchmarks/README.md); the issue's target is ours ≤ 1.15×.
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from flowgen import generated_flow, random_flow  # benchmarks/ is on sys.path when a bench runs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from layout_quality import Quality, detours, measure, shared_runs  # noqa: E402

from flowchart_cli.check import check_file  # noqa: E402
from flowchart_cli.layout import layout_flow  # noqa: E402
from flowchart_cli.layout.graphviz_run import run_graphviz  # noqa: E402
from flowchart_cli.model import flow_edges  # noqa: E402

PLANTUML_AREA_PER_NODE = 83_700.0
SIZES = (12, 25, 50, 100, 200)
RANDOM_SIZES = (12, 25, 50, 100)
SEEDS = (1, 2, 3)
DETOUR_LIMIT = 1.5
FLOWS = ROOT / "benchmarks" / "flows"


def dot_lines(flow, diagram) -> tuple[list[list[tuple[float, float]]], list[tuple[str, str]]]:
    """Graphviz dot's own drawing of the flow's graph (same node sizes, no lanes): its splines as
    polylines, and each line's (source, target)."""
    index = {node.key: n for n, node in enumerate(diagram.nodes)}
    lines = ["digraph g {", '  node [shape=box, fixedsize=true, label=""];']
    for n, node in enumerate(diagram.nodes):
        lines.append(f"  n{n} [width={node.box.width / 72:.3f}, height={node.box.height / 72:.3f}];")
    ends = []
    for edge in flow_edges(flow):
        if edge.source in index and edge.target in index and edge.source != edge.target:
            lines.append(f"  n{index[edge.source]} -> n{index[edge.target]};")
            ends.append((edge.source, edge.target))
    lines.append("}")
    drawn = json.loads(run_graphviz("\n".join(lines) + "\n", output="json"))
    polylines, named = [], []
    for edge, end in zip(drawn.get("edges", []), ends, strict=True):
        for op in edge.get("_draw_", []):
            if op.get("op") == "b":
                polylines.append(_flatten(op["points"]))
                named.append(end)
    return polylines, named


def dot_crossings(polylines) -> int:
    """Proper crossings between dot's flattened splines."""
    return sum(
        1
        for a, b in itertools.combinations(range(len(polylines)), 2)
        for p, q in itertools.pairwise(polylines[a])
        for r, s in itertools.pairwise(polylines[b])
        if _proper(p, q, r, s)
    )


def _flatten(points: list[list[float]], steps: int = 8) -> list[tuple[float, float]]:
    """A cubic B-spline's Bézier pieces sampled into a polyline."""
    out = [tuple(points[0])]
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i : i + 4]
        for k in range(1, steps + 1):
            t = k / steps
            u = 1 - t
            out.append(
                tuple(u**3 * p0[d] + 3 * u * u * t * p1[d] + 3 * u * t * t * p2[d] + t**3 * p3[d] for d in (0, 1))
            )
    return out


def _orient(a, b, c) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _proper(p, q, r, s) -> bool:
    d1, d2, d3, d4 = _orient(r, s, p), _orient(r, s, q), _orient(p, q, r), _orient(p, q, s)
    return d1 * d2 < 0 and d3 * d4 < 0


def cases() -> list[tuple[str, Path]]:
    """The samples, our own customer-service flows (benchmarks/flows) and the plain generated chains."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-layout-"))
    found = [(path.name.removesuffix(".flow.yaml"), path) for path in sorted((ROOT / "samples").glob("*.flow.yaml"))]
    found += [(path.name.removesuffix(".flow.yaml"), path) for path in sorted(FLOWS.glob("*.flow.yaml"))]
    for size in SIZES:
        path = tmp / f"gen{size}.flow.yaml"
        path.write_text(generated_flow(size, lanes=4, varied_symbols=True), encoding="utf-8")
        found.append((f"generated-{size}", path))
    return found


def random_cases() -> list[tuple[str, Path]]:
    """Seeded customer-service-like flows: 12–100 steps, three seeds, TB and LR, with and without stages."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-layout-random-"))
    found = []
    for size, seed, direction, staged in itertools.product(RANDOM_SIZES, SEEDS, ("TB", "LR"), (False, True)):
        name = f"r{size}-s{seed}-{direction}{'-st' if staged else ''}"
        path = tmp / f"{name}.flow.yaml"
        path.write_text(random_flow(size, seed, direction=direction, stages=staged), encoding="utf-8")
        found.append((name, path))
    return found


@dataclass
class Row:
    """Our numbers and dot's on one flow."""

    name: str
    ours: Quality
    dot_cross: int
    dot_shared: int
    dot_detour: float


def measure_case(name: str, path: Path) -> Row:
    result = check_file(path)
    flow = result.flow
    assert flow is not None, result.diagnostics
    diagram = layout_flow(flow)
    q = measure(diagram)
    polylines, ends = dot_lines(flow, diagram)
    return Row(
        name,
        q,
        dot_crossings(polylines),
        len(shared_runs(polylines, ends, diagram.font_size)),
        max(detours(polylines, diagram.font_size), default=0.0),
    )


HEADER = (
    f"{'flow':26} {'cross':>5} {'dot':>4} {'shared':>6} {'dot':>4} {'detour':>6} {'dot':>5} {'order':>5}"
    f" {'outc':>4} {'arrv':>4} {'bends':>5} {'length':>7} {'area/node':>9} {'xPlantUML':>9} {'close':>5} {'heads':>5}"
)


def line(row: Row) -> str:
    q = row.ours
    ratio = q.area_per_node / PLANTUML_AREA_PER_NODE
    return (
        f"{row.name:26} {q.crossings:5d} {row.dot_cross:4d} {q.shared_runs:6d} {row.dot_shared:4d}"
        f" {q.worst_detour:6.2f} {row.dot_detour:5.2f} {q.misordered_outcomes:5d}"
        f" {q.outcome_crossings:4d} {q.arrival_crossings:4d}"
        f" {q.bends_per_line:5.2f} {q.length:7.0f} {q.area_per_node:9.0f} {ratio:9.2f}"
        f" {q.close_runs:5d} {q.arrowheads:5d}"
    )


def summary(label: str, rows: list[Row]) -> str:
    over = sum(1 for r in rows if r.ours.worst_detour > DETOUR_LIMIT)
    dot_over = sum(1 for r in rows if r.dot_detour > DETOUR_LIMIT)
    mean = sum(r.ours.worst_detour for r in rows) / max(1, len(rows))
    dot_mean = sum(r.dot_detour for r in rows) / max(1, len(rows))
    return (
        f"{label}: {len(rows)} flows — crossings ours {sum(r.ours.crossings for r in rows)},"
        f" dot {sum(r.dot_cross for r in rows)}; shared runs ours {sum(r.ours.shared_runs for r in rows)},"
        f" dot {sum(r.dot_shared for r in rows)}; worst detour mean ours {mean:.2f}, dot {dot_mean:.2f},"
        f" max ours {max((r.ours.worst_detour for r in rows), default=0):.2f},"
        f" dot {max((r.dot_detour for r in rows), default=0):.2f};"
        f" drawings over {DETOUR_LIMIT} ours {over}, dot {dot_over};"
        f" misordered outcomes {sum(r.ours.misordered_outcomes for r in rows)};"
        f" close runs {sum(r.ours.close_runs for r in rows)};"
        f" lines that seem to run on into another {sum(r.ours.continuations for r in rows)};"
        f" ends that read as another shape's {sum(r.ours.misleading_ends for r in rows)}; most heads per side"
        f" {max((r.ours.arrowheads for r in rows), default=0)}"
    )


def main() -> int:
    every = "--all" in sys.argv  # print every random flow's row, not only the totals
    print(HEADER)
    fixed = [measure_case(name, path) for name, path in cases()]
    for row in fixed:
        print(line(row))
    rows = [measure_case(name, path) for name, path in random_cases()]
    if every:
        for row in rows:
            print(line(row))
    print()
    small = [r for r in fixed if not r.name.endswith("-200")]
    print(summary("samples", [r for r in fixed if (ROOT / "samples" / f"{r.name}.flow.yaml").exists()]))
    print(summary("benchmarks/flows", [r for r in fixed if (FLOWS / f"{r.name}.flow.yaml").exists()]))
    print(summary("generated chains 12–100", [r for r in small if r.name.startswith("generated-")]))
    for direction in ("TB", "LR"):
        for staged in (False, True):
            part = [r for r in rows if f"-{direction}" in r.name and r.name.endswith("-st") == staged]
            print(summary(f"random {direction}{' staged' if staged else ''}", part))
    return 0


if __name__ == "__main__":
    sys.exit(main())
