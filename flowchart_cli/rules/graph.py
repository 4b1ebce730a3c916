"""Structural rules (FC2xx): starts, ends, decisions and the paths between them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..model import Flow, Step, flow_edges
from . import rule
from .catalog import diagnostic


def _label(step: Step) -> str:
    return f"'{step.label}'" if step.label else f"step {step.number}"


@rule("FC201")
def no_start(flow: Flow) -> Iterator[Diagnostic]:
    if not any(s.kind == "start" for s in flow.steps):
        yield diagnostic("FC201", "the flow has no `start` step; add `- start: <what triggers the process>`",
                         flow.at("steps"))


@rule("FC202")
def no_end(flow: Flow) -> Iterator[Diagnostic]:
    if not any(s.kind == "end" for s in flow.steps):
        yield diagnostic("FC202", "the flow has no `end` step; add `- end: <how the process finishes>`",
                         flow.at("steps"))


@rule("FC203")
def start_with_incoming(flow: Flow) -> Iterator[Diagnostic]:
    sources: dict[str, list[str]] = defaultdict(list)
    for edge in flow_edges(flow):
        sources[edge.target].append(edge.source)
    for step in flow.steps:
        if step.kind == "start" and sources[step.key]:
            origin = ", ".join(sorted(set(sources[step.key])))
            yield diagnostic("FC203", f"start step {_label(step)} has incoming flow (from {origin}); "
                             "point the loop to the step after the start", step.at("start"), step.key)


@rule("FC204")
def end_that_flows_on(flow: Flow) -> Iterator[Diagnostic]:
    for step in flow.steps:
        if step.kind == "end":
            for key in ("next", "branches"):
                if any(k == key for k, _ in step.positions):
                    yield diagnostic("FC204", f"end step {_label(step)} has `{key}`; an end does not flow on — "
                                     "remove it or use a process step", step.at(key), step.key)


@rule("FC205")
def decision_with_few_branches(flow: Flow) -> Iterator[Diagnostic]:
    for step in flow.steps:
        if step.kind == "decision" and len(step.branches) < 2:
            yield diagnostic("FC205", f"decision {_label(step)} has {len(step.branches)} branch(es); "
                             "give it at least two (`branches: {Sí: a, No: b}`)", step.at("decision"), step.key)


@rule("FC207")
def exits_on_wrong_symbol(flow: Flow) -> Iterator[Diagnostic]:
    for step in flow.steps:
        keys = {k for k, _ in step.positions}
        if step.kind not in (None, "decision", "end") and "branches" in keys:
            yield diagnostic("FC207", f"`branches` on a {step.kind} step; only a decision has branches — "
                             "make it a decision or use `next`", step.at("branches"), step.key)
        if step.kind == "decision" and "next" in keys:
            yield diagnostic("FC207", "`next` on a decision; a decision's exits are its `branches`",
                             step.at("next"), step.key)


def _successors(flow: Flow) -> dict[str, list[str]]:
    """Flow lines plus the implicit jump between connectors that share a label."""
    succ: dict[str, list[str]] = {s.key: [] for s in flow.steps}
    for edge in flow_edges(flow):
        succ[edge.source].append(edge.target)
    by_label: dict[str, list[str]] = defaultdict(list)
    for step in flow.steps:
        if step.kind == "connector":
            by_label[step.label].append(step.key)
    for keys in by_label.values():
        for a in keys:
            succ[a].extend(b for b in keys if b != a)
    return succ


def _reach(starts, succ: dict[str, list[str]]) -> set[str]:
    seen = set(starts)
    todo = list(starts)
    while todo:
        for nxt in succ[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


@rule("FC208")
def unreachable(flow: Flow) -> Iterator[Diagnostic]:
    starts = [s.key for s in flow.steps if s.kind == "start"]
    if not starts:
        return
    reached = _reach(starts, _successors(flow))
    for step in flow.steps:
        if step.key not in reached and step.kind is not None:
            yield diagnostic("FC208", f"step {_label(step)} cannot be reached from the start; "
                             "point a `next` or a branch to it, or remove it", step.at(step.kind), step.key)


@rule("FC209")
def no_way_to_end(flow: Flow) -> Iterator[Diagnostic]:
    succ = _successors(flow)
    starts = [s.key for s in flow.steps if s.kind == "start"]
    ends = [s.key for s in flow.steps if s.kind == "end"]
    if not starts or not ends:
        return
    pred: dict[str, list[str]] = {key: [] for key in succ}
    for source, targets in succ.items():
        for target in targets:
            pred[target].append(source)
    finishing = _reach(ends, pred)
    doomed = _reach(starts, succ) - finishing
    by_key = {s.key: s for s in flow.steps}
    for component in _terminal_components(doomed, succ, [s.key for s in flow.steps]):
        step = by_key[component[0]]
        if step.kind in (None, "decision") and not succ[step.key]:
            continue  # FC103/FC205 already say what is missing
        if len(component) == 1 and not succ[step.key]:
            if step.index == len(flow.steps) - 1:
                continue  # FC210 says it
            message = f"step {_label(step)} is a dead end: no end can be reached from it; add `next`"
        else:
            names = ", ".join(_label(by_key[k]) for k in component[:4])
            message = f"the flow loops through {names} with no way to an end; add a branch that leads out"
        yield diagnostic("FC209", message, step.at(step.kind or "id"), step.key)


def _terminal_components(nodes: set[str], succ: dict[str, list[str]], order: list[str]) -> list[list[str]]:
    """Strongly connected components of ``nodes`` with no edge to another component."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    comp_of: dict[str, int] = {}
    components: list[list[str]] = []
    stack: list[str] = []
    on_stack: set[str] = set()
    counter = 0
    for root in (k for k in order if k in nodes):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = [t for t in succ[node] if t in nodes]
            if i < len(targets):
                work.append((node, i + 1))
                target = targets[i]
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
                    comp_of[member] = len(components)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    position = {k: i for i, k in enumerate(order)}
    terminal = []
    for number, component in enumerate(components):
        if all(comp_of[t] == number for k in component for t in succ[k] if t in nodes):
            terminal.append(sorted(component, key=position.__getitem__))
    return sorted(terminal, key=lambda c: position[c[0]])


@rule("FC210")
def last_step_goes_nowhere(flow: Flow) -> Iterator[Diagnostic]:
    last = flow.steps[-1]
    if last.kind not in ("end", None) and last.next is None and not last.branches and last.kind != "decision":
        yield diagnostic("FC210", f"the last step {_label(last)} is not an end and leads nowhere; "
                         "add `next: <id>` or finish with `- end: …`", last.at(last.kind), last.key)


@rule("FC211")
def unpaired_connector(flow: Flow) -> Iterator[Diagnostic]:
    counts: dict[str, list[Step]] = defaultdict(list)
    for step in flow.steps:
        if step.kind == "connector":
            counts[step.label].append(step)
    for label, steps in counts.items():
        if len(steps) == 1:
            yield diagnostic("FC211", f"connector '{label}' appears only once; connectors come in pairs "
                             "(an exit and an entry with the same label)", steps[0].at("connector"), steps[0].key)
