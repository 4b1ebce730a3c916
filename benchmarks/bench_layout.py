"""Layout quality: our drawing's numbers next to Graphviz dot's crossings on the same graphs.

For each sample and for generated flows of 12, 25, 50, 100 and 200 steps
(4 lanes), lay the flow out and measure our own geometry
(:mod:`flowchart_cli.layout.quality`): crossings, crossings between outcomes
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
from pathlib import Path

from flowgen import generated_flow  # benchmarks/ is on sys.path when a bench runs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from layout_quality import measure  # noqa: E402

from flowchart_cli.check import check_file  # noqa: E402
from flowchart_cli.layout import layout_flow  # noqa: E402
from flowchart_cli.layout.graphviz_run import run_graphviz  # noqa: E402
from flowchart_cli.model import flow_edges  # noqa: E402

PLANTUML_AREA_PER_NODE = 83_700.0
SIZES = (12, 25, 50, 100, 200)


def dot_crossings(flow, diagram) -> int:
    """Crossings of Graphviz dot's own drawing of the flow's graph (splines flattened to polylines)."""
    index = {node.key: n for n, node in enumerate(diagram.nodes)}
    lines = ["digraph g {", '  node [shape=box, fixedsize=true, label=""];']
    for n, node in enumerate(diagram.nodes):
        lines.append(f"  n{n} [width={node.box.width / 72:.3f}, height={node.box.height / 72:.3f}];")
    for edge in flow_edges(flow):
        if edge.source in index and edge.target in index and edge.source != edge.target:
            lines.append(f"  n{index[edge.source]} -> n{index[edge.target]};")
    lines.append("}")
    drawn = json.loads(run_graphviz("\n".join(lines) + "\n", output="json"))
    polylines = []
    for edge in drawn.get("edges", []):
        for op in edge.get("_draw_", []):
            if op.get("op") == "b":
                polylines.append(_flatten(op["points"]))
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
    tmp = Path(tempfile.mkdtemp(prefix="bench-layout-"))
    found = [(path.name.removesuffix(".flow.yaml"), path) for path in sorted((ROOT / "samples").glob("*.flow.yaml"))]
    for size in SIZES:
        path = tmp / f"gen{size}.flow.yaml"
        path.write_text(generated_flow(size, lanes=4, varied_symbols=True), encoding="utf-8")
        found.append((f"generated-{size}", path))
    return found


def main() -> int:
    header = f"{'flow':26} {'cross':>5} {'dot':>4} {'outc':>4} {'arrv':>4} {'bends':>5} {'length':>7}"
    print(header + f" {'area/node':>9} {'xPlantUML':>9} {'close':>5} {'heads':>5}")
    ours_total = dot_total = 0
    for name, path in cases():
        result = check_file(path)
        flow = result.flow
        assert flow is not None, result.diagnostics
        diagram = layout_flow(flow)
        q = measure(diagram)
        theirs = dot_crossings(flow, diagram)
        if name.removeprefix("generated-") not in ("200",):
            ours_total, dot_total = ours_total + q.crossings, dot_total + theirs
        ratio = q.area_per_node / PLANTUML_AREA_PER_NODE
        print(
            f"{name:26} {q.crossings:5d} {theirs:4d} {q.outcome_crossings:4d} {q.arrival_crossings:4d}"
            f" {q.bends_per_line:5.2f} {q.length:7.0f} {q.area_per_node:9.0f} {ratio:9.2f}"
            f" {q.close_runs:5d} {q.arrowheads:5d}"
        )
    print(f"total crossings (samples + 12–100 steps): ours {ours_total}, dot {dot_total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
