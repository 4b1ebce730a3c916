"""What a printed part must be, read from its geometry: the checks of tests/test_handout_parts*.py.

Each function returns the problems it finds as sentences (empty: none), so a
failing test says which part, which text and where.  Text boxes are worked
out as the SVG writer places the text: a shape's label block centred on its
text centre, a number badge on its corner, an outcome label from its anchor.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import combinations

from layout_quality import turns_before_strangers

from flowchart_cli.handout.printed import PrintedDiagram, PrintedPart, page_fit, readable_scale
from flowchart_cli.layout.annotations import number_badge, pair_letters
from flowchart_cli.layout.geometry import Diagram, Rect
from flowchart_cli.layout.outcome_text import LEADING, outcome_lines
from flowchart_cli.layout.shapes import text_center
from flowchart_cli.layout.text import text_width
from flowchart_cli.model import Flow, flow_edges

LINE_HEIGHT = 16.0
SLACK = 0.5  # px: boxes that only touch do not overlap


def text_boxes(d: Diagram) -> list[tuple[str, str, Rect]]:
    """(owner, what, box) for every text the writer draws: owner is a node key or "" for none."""
    boxes = []
    for node in d.nodes:
        centre = text_center(node.kind, node.box)
        width = max((text_width(line, d.font_size) for line in node.lines), default=0.0)
        height = len(node.lines) * LINE_HEIGHT
        boxes.append(
            (node.key, f"label of {node.key}", Rect(centre.x - width / 2, centre.y - height / 2, width, height))
        )
        number = pair_letters(node.connector) if node.connector else (node.number if d.numbers else 0)
        if number:
            boxes.append((node.key, f"badge of {node.key}", number_badge(node.box, number, d.small_size, node.kind)))
    size = d.small_size
    for edge in d.edges:
        if edge.label and edge.label_at is not None:  # a long label on several lines, one under another
            lines = outcome_lines(edge.label, size, edge.label_wrap)
            width = max(text_width(line, size) for line in lines) * 1.08
            height = size + 3 + (len(lines) - 1) * size * LEADING
            at = edge.label_at
            left = at.x if edge.label_anchor == "start" else at.x - width
            boxes.append(
                (edge.source, f"outcome '{edge.label}' of {edge.source}", Rect(left, at.y - size, width, height))
            )
    return boxes


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right - SLACK and b.x < a.right - SLACK and a.y < b.bottom - SLACK and b.y < a.bottom - SLACK


def overlaps(d: Diagram) -> list[str]:
    """Texts over texts, and texts over shapes that are not their own."""
    problems = []
    boxes = text_boxes(d)
    for (_, a, box_a), (_, b, box_b) in combinations(boxes, 2):
        if _overlap(box_a, box_b):
            problems.append(f"{d.title}: {a} overlaps {b}")
    for owner, what, box in boxes:
        for node in d.nodes:
            if node.key != owner and _overlap(box, node.box):
                problems.append(f"{d.title}: {what} lies over the shape of {node.key}")
    return problems


def run_together(d: Diagram) -> list[str]:
    """Two outcome labels side by side on one text line with less than a word's gap between them: they
    read as one text ("No, warranty expiredmissing or unreadable")."""
    labels = [(what, box) for _, what, box in text_boxes(d) if what.startswith("outcome")]
    problems = []
    for (a, box_a), (b, box_b) in combinations(labels, 2):
        one_line = min(box_a.bottom, box_b.bottom) - max(box_a.y, box_b.y) > 4
        gap = max(box_b.x - box_a.right, box_a.x - box_b.right)
        if one_line and -SLACK < gap < 12:
            problems.append(f"{d.title}: {a} and {b} run together ({gap:.1f} px apart)")
    return problems


def tips_entered(d: Diagram) -> list[str]:
    """Lines into an off-page connector through its pointed tip (the bottom of the shape)."""
    boxes = {n.key: n.box for n in d.nodes if n.kind == "offpage"}
    return [
        f"{d.title}: the line {e.source} → {e.target} enters the connector's tip"
        for e in d.edges
        if e.target in boxes and abs(e.points[-1].y - boxes[e.target].bottom) < 12
    ]


def turns_toward_strangers(d: Diagram) -> list[str]:
    """Lines that turn just before a shape they do not go to, as if into it (review 18: in a part, "Not
    yet" turned 21 px before the end "Claim declined"); see layout_quality.turns_before_strangers."""
    return [f"{d.title}: the line {s} → {t} turns just before {n}" for s, t, n in turns_before_strangers(d)]


def outside(d: Diagram) -> list[str]:
    """Texts, shapes and lines that reach past the part's drawing (they would be cut at its edge)."""
    frame = Rect(0, 0, d.width, d.height)
    problems = [f"{d.title}: {what} is cut by the edge" for _, what, box in text_boxes(d) if not frame.contains(box)]
    problems += [f"{d.title}: shape {n.key} is cut by the edge" for n in d.nodes if not frame.contains(n.box)]
    for edge in d.edges:
        if any(not (0 <= p.x <= d.width and 0 <= p.y <= d.height) for p in edge.points):
            problems.append(f"{d.title}: the line {edge.source} → {edge.target} leaves the drawing")
    return problems


def joined_by_connectors(flow: Flow, plan: PrintedDiagram) -> list[str]:
    """Every line between two parts ends at a connector on both sides, the two numbered alike and
    each naming the other part and step; the lines into one step share its letter: one entry
    connector in all, and one exit connector in each part the lines leave."""
    part_of = {n.key: p.number for p in plan.parts for n in p.diagram.nodes if not n.connector}
    number_of = {s.key: s.number for s in flow.steps}
    problems = []
    seen: Counter[int] = Counter()
    for edge in flow_edges(flow):
        here, there = part_of[edge.source], part_of[edge.target]
        if here == there:
            continue
        out = _connector_after(plan, here, edge.source)
        into = _connector_before(plan, there, edge.target)
        outs = {(n.connector, n.label) for n in out}
        intos = {(n.connector, n.label) for n in into}
        matched = [
            (a, b)
            for a in outs
            for b in intos
            if a[0] == b[0]
            and f"{there}" in a[1]
            and str(number_of[edge.target]) in a[1]
            and f"{here}" in b[1]
            and str(number_of[edge.source]) in b[1]
        ]
        if not matched:
            problems.append(
                f"the line {edge.source} (part {here}) → {edge.target} (part {there}) has no connector pair"
            )
        for a, _ in matched[:1]:
            seen[a[0]] += 1
    entries: Counter[int] = Counter()
    for part in plan.parts:
        d = part.diagram
        leaving = {e.source for e in d.edges}
        exits = Counter(n.connector for n in d.nodes if n.connector and n.key not in leaving)
        entries.update(n.connector for n in d.nodes if n.connector and n.key in leaving)
        problems += [f"part {part.number} has {v} exit connectors marked {k}" for k, v in exits.items() if v > 1]
    problems += [f"connector {k} is an entry {v} times (one is right)" for k, v in entries.items() if v != 1]
    problems += [f"connector {k} has no entry" for k in seen if k not in entries]
    return problems


def _connector_after(plan: PrintedDiagram, part: int, key: str):
    d = plan.parts[part - 1].diagram
    nodes = {n.key: n for n in d.nodes}
    return [nodes[e.target] for e in d.edges if e.source == key and nodes[e.target].connector]


def _connector_before(plan: PrintedDiagram, part: int, key: str):
    d = plan.parts[part - 1].diagram
    nodes = {n.key: n for n in d.nodes}
    return [nodes[e.source] for e in d.edges if e.target == key and nodes[e.source].connector]


def _fill(part: PrintedPart, plan: PrintedDiagram) -> float:
    """The share of its page the part covers printed as large as it may alone: the cut's doing, not
    the evening of the parts' scales (which prints a short part no larger than the others)."""
    return replace(part, fit=page_fit(part.diagram, plan.paper)).fill


def page_problems(flow: Flow, plan: PrintedDiagram) -> list[str]:
    """Every step on exactly one part with its own number; no part under 3 steps (flows of 6+);
    text at 7 pt or more; each part fills 30 % of its page and the parts 55 % on average."""
    problems = []
    numbers = sorted(n for part in plan.parts for n in part.numbers)
    if numbers != sorted(s.number for s in flow.steps):
        problems.append(f"the parts hold steps {numbers}, not each step once")
    by_key = {s.key: s.number for s in flow.steps}
    for part in plan.parts:
        drawn = {n.key: n.number for n in part.diagram.nodes if not n.connector}
        if any(by_key[k] != number for k, number in drawn.items()):
            problems.append(f"part {part.number} renumbers its steps")
        if len(flow.steps) >= 6 and len(part.numbers) < 3:
            problems.append(f"part {part.number} holds only steps {part.numbers}")
        smallest_pt = part.diagram.small_size * part.fit.scale * 0.75
        if part.fit.scale < readable_scale(part.diagram) - 1e-9:
            problems.append(f"part {part.number} prints its smallest text at {smallest_pt:.2f} pt")
        if _fill(part, plan) < 0.30:
            problems.append(f"part {part.number} fills {_fill(part, plan):.0%} of its page")
    if plan.parts:
        average = sum(_fill(p, plan) for p in plan.parts) / len(plan.parts)
        if average < 0.55:
            problems.append(f"the parts fill {average:.0%} of their pages on average")
    return problems


def all_problems(flow: Flow, plan: PrintedDiagram) -> list[str]:
    if not plan.parts:
        return []
    problems = page_problems(flow, plan) + joined_by_connectors(flow, plan)
    for part in plan.parts:
        problems += overlaps(part.diagram) + outside(part.diagram) + run_together(part.diagram)
        problems += tips_entered(part.diagram) + turns_toward_strangers(part.diagram)
    return problems
