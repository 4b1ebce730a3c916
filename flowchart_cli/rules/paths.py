"""The flow as a graph for the path rules: successors, reachability, components.

Everything here is linear in steps plus flow lines.  Connectors that share a
label are joined in a ring (each leads to the next), which gives the same
reachability as joining every pair without the quadratic number of lines.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..model import Flow, flow_edges

__all__ = ["components", "predecessors", "reach", "successors"]


def successors(flow: Flow) -> dict[str, list[str]]:
    """Step key → the keys its flow lines (and connector jumps) lead to."""
    succ: dict[str, list[str]] = {s.key: [] for s in flow.steps}
    for edge in flow_edges(flow):
        succ[edge.source].append(edge.target)
    steps = flow.steps
    for step in steps[:-1]:
        if step.kind == "decision" and not step.branches and step.next is None:
            succ[step.key].append(steps[step.index + 1].key)  # FC205 says what is missing; don't strand what follows
    by_label: dict[str, list[str]] = defaultdict(list)
    for step in flow.steps:
        if step.kind == "connector" and step.label:
            by_label[step.label].append(step.key)
    for keys in by_label.values():
        if len(keys) > 1:
            for a, b in zip(keys, keys[1:] + keys[:1], strict=True):
                if a != b:
                    succ[a].append(b)
    return succ


def predecessors(succ: dict[str, list[str]]) -> dict[str, list[str]]:
    pred: dict[str, list[str]] = {key: [] for key in succ}
    for source, targets in succ.items():
        for target in targets:
            pred[target].append(source)
    return pred


def reach(starts: Iterable[str], succ: dict[str, list[str]]) -> set[str]:
    """Every key reachable from ``starts`` (the starts included)."""
    seen = set(starts)
    todo = list(seen)
    while todo:
        for nxt in succ[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def components(order: list[str], succ: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components of the keys in ``order`` (Tarjan, iterative).

    Lines to keys outside ``order`` are ignored; each component is listed in
    ``order``'s order.
    """
    inside = set(order)
    targets = {k: [t for t in succ[k] if t in inside] for k in order}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in order:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(targets[node]):
                work.append((node, i + 1))
                target = targets[node][i]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(component)
    position = {k: i for i, k in enumerate(order)}
    return [sorted(c, key=position.__getitem__) for c in found]
