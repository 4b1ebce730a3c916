"""Structural rules (FC2xx): starts, ends, decisions and the paths between them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..messages import quoted
from ..model import Edge, Flow, Step, flow_edges
from .paths import components, predecessors, reach, successors
from .registry import Finding, rule

_YES_NO = {"en": ("Yes", "No"), "es": ("Sí", "No"), "pt": ("Sim", "Não")}
"""The example outcomes of FC205's fix, in the flow's language (a Portuguese flow is told `Sim`, not `Sí`)."""


def _label(step: Step) -> str:
    return f"{quoted(step.label)}" if step.label else f"step {step.number}"


@rule("FC201", why="ISO 5807: a process begins at a terminator; without one the reader cannot tell where to begin.")
def no_start(flow: Flow) -> Iterator[Finding]:
    """No `start` step."""
    if not any(s.kind == "start" for s in flow.steps):
        yield Finding("the flow has no `start` step; add `- start: <what triggers the process>`", flow.at("steps"))


@rule("FC202", why="ISO 5807: a process ends at a terminator; without one the reader cannot tell when it is done.")
def no_end(flow: Flow) -> Iterator[Finding]:
    """No `end` step."""
    if not any(s.kind == "end" for s in flow.steps):
        yield Finding("the flow has no `end` step; add `- end: <how the process finishes>`", flow.at("steps"))


@rule("FC203", why="A terminator that begins the process has only an exit; loops go back to a later step.")
def start_with_incoming(flow: Flow) -> Iterator[Finding]:
    """A `start` step has incoming flow."""
    starts = {s.key for s in flow.steps if s.kind == "start"}
    sources: dict[str, list[Edge]] = defaultdict(list)
    for edge in flow_edges(flow):
        if edge.target in starts:
            sources[edge.target].append(edge)
    for step in flow.steps:
        edges = sources.get(step.key) if step.kind == "start" else None
        if not edges:
            continue
        origin = ", ".join(sorted({e.source for e in edges}))
        hint = (
            "point the loop to the step after the start"
            if not all(e.implicit for e in edges)
            else "the step above it flows on into it: give that step a `next`"
        )
        yield Finding(
            f"start step {_label(step)} has incoming flow (from {origin}); {hint}", step.at("start"), step.key
        )


@rule("FC204", why="A terminator that ends the process has only an entry.")
def end_that_flows_on(flow: Flow) -> Iterator[Finding]:
    """An `end` step has `next` or `branches`."""
    for step in flow.steps:
        if step.kind == "end":
            for key in ("next", "branches"):
                if any(k == key for k, _ in step.positions):
                    yield Finding(
                        f"end step {_label(step)} has `{key}`; an end does not flow on — "
                        "remove it or use a process step",
                        step.key_at(key),
                        step.key,
                    )


@rule("FC205", why="ISO 5807: a decision selects one of several exits; with one exit it is a process.")
def decision_with_few_branches(flow: Flow) -> Iterator[Finding]:
    """A decision has fewer than two branches."""
    for step in flow.steps:
        if step.kind == "decision" and len(step.branches) < 2:
            has = f"only one branch, {quoted(step.branches[0].label)}" if step.branches else "no branches"
            yes, no = _YES_NO.get(flow.lang, _YES_NO["en"])
            yield Finding(
                f"decision {_label(step)} has {has}; give it at least two (`branches: {{{yes}: a, {no}: b}}`)",
                step.at("decision"),
                step.key,
            )


@rule("FC207", why="Only decisions have several exits; a decision's exits are its branches.")
def exits_on_wrong_symbol(flow: Flow) -> Iterator[Finding]:
    """`branches` on a step that is not a decision, `next` on a decision, or `ref` on a step
    that is not a subprocess or offpage."""
    for step in flow.steps:
        keys = {k for k, _ in step.positions}
        if step.kind not in (None, "decision", "end") and "branches" in keys:
            yield Finding(
                f"`branches` on a {step.kind} step; only a decision has branches — make it a decision or use `next`",
                step.key_at("branches"),
                step.key,
            )
        if step.kind == "decision" and "next" in keys:
            yield Finding("`next` on a decision; a decision's exits are its `branches`", step.key_at("next"), step.key)


def _component_links(flow: Flow, keys: set[str], succ: dict[str, list[str]]):
    """Components of ``keys`` (list order) and, for each, whether lines enter it / leave it within ``keys``."""
    order = [s.key for s in flow.steps if s.key in keys]
    found = components(order, succ)
    comp_of = {k: n for n, comp in enumerate(found) for k in comp}
    entered: set[int] = set()
    left: set[int] = set()
    for source in order:
        for target in succ[source]:
            if target in comp_of and comp_of[target] != comp_of[source]:
                left.add(comp_of[source])
                entered.add(comp_of[target])
    return found, entered, left


def _dangling(flow: Flow) -> set[str]:
    """Keys of the steps with a `next` or branch naming no step (FC105, reported by the loader)."""
    return {
        step.key
        for step in flow.steps
        if (step.next is not None and flow.step_by_id(step.next) is None)
        or any(flow.step_by_id(b.target) is None for b in step.branches)
    }


@rule("FC208", why="A step no path leads to is never done: it is either dead or a missing flow line.")
def unreachable(flow: Flow) -> Iterator[Finding]:
    """One error per unreachable region, at its first step (the steps it leads to follow from it).

    Not reported while a `next` or branch names an unknown step (FC105): the line
    that was meant to reach the region is that mistake, not another one."""
    starts = [s.key for s in flow.steps if s.kind == "start"]
    if not starts or _dangling(flow):
        return
    succ = successors(flow)
    lost = {s.key for s in flow.steps} - reach(starts, succ)
    if not lost:
        return
    by_key = {s.key: s for s in flow.steps}
    found, entered, left = _component_links(flow, lost, succ)
    for number, component in enumerate(found):
        step = by_key[component[0]]
        if number in entered or step.kind is None:
            continue  # reported at the region's first step; FC103/FC107 already point at a step without symbol
        after = " (nor can the steps it leads to)" if number in left or len(component) > 1 else ""
        yield Finding(
            f"step {_label(step)} cannot be reached from the start{after}; "
            "point a `next` or a branch to it, or remove it",
            step.at(step.kind),
            step.key,
        )


@rule("FC209", why="Every path of a process must be able to finish.")
def no_way_to_end(flow: Flow) -> Iterator[Finding]:
    """Loops with no way out.  A dead end (a step with no exit at all) is already another
    rule's error: the last step (FC210), a broken target (FC105), a decision without
    branches (FC205), a step without symbol (FC103).  A step with a broken target counts
    as leading to an end: that target may well have been the way out."""
    starts = [s.key for s in flow.steps if s.kind == "start"]
    ends = [s.key for s in flow.steps if s.kind == "end"] + sorted(_dangling(flow))
    if not starts or not ends:
        return
    succ = successors(flow)
    doomed = reach(starts, succ) - reach(ends, predecessors(succ))
    by_key = {s.key: s for s in flow.steps}
    found, _entered, left = _component_links(flow, doomed, succ)
    for number, component in enumerate(found):
        step = by_key[component[0]]
        if number in left or not any(t in doomed for t in succ[step.key]):
            continue  # not a sink, or a dead end (see above)
        names = ", ".join(_label(by_key[k]) for k in component[:4]) + (", …" if len(component) > 4 else "")
        yield Finding(
            f"the flow loops through {names} with no way to an end; add a branch that leads out of the loop",
            step.at(step.kind or "id"),
            step.key,
        )


@rule("FC210", why="The flow would stop nowhere: the last step needs an exit or must be an end.")
def last_step_goes_nowhere(flow: Flow) -> Iterator[Finding]:
    """The last step in the list is not an `end` and has neither `next` nor `branches`."""
    last = flow.steps[-1]
    if last.kind in ("end", "decision", None) or last.next is not None or last.branches:
        return
    if not any(s.kind == "end" for s in flow.steps):
        return  # FC202 already asks for the end this step should lead to
    if last.kind == "connector" and sum(s.kind == "connector" and s.label == last.label for s in flow.steps) > 1:
        return  # an exit connector: the flow goes on at its partner
    yield Finding(
        f"the last step {_label(last)} is not an end and leads nowhere; add `next: <id>` or finish with `- end: …`",
        last.at(last.kind),
        last.key,
    )


@rule("FC211", why="ISO 5807: an on-page connector is an exit and an entry with the same label.")
def unpaired_connector(flow: Flow) -> Iterator[Finding]:
    """A connector label that appears only once (connectors come in pairs)."""
    counts: dict[str, list[Step]] = defaultdict(list)
    for step in flow.steps:
        if step.kind == "connector":
            counts[step.label].append(step)
    for label, steps in counts.items():
        if len(steps) == 1:
            yield Finding(
                f"connector {quoted(label)} appears only once; connectors come in pairs "
                "(an exit and an entry with the same label)",
                steps[0].at("connector"),
                steps[0].key,
            )
