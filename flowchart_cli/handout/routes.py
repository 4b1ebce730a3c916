"""Where each step comes from and where it goes, as the words a trainee reads.

"→ paso 4", "Sí → paso 5 (60 %) · No → paso 7 (40 %)", "fin": the step table's last column
and the hand-overs of the per-lane sections are all built here from the flow's
edges, so the two always agree.  An on-page connector is no work: its row
leads on to the step past its partner ("→ paso 28 (conector A)"), and the
per-lane sections and the quiz, which leave connectors out, look through them
("paso 13 «¿…?» → No (conector A)").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ..model import Edge, Flow, Step, connector_jumps, flow_edges
from ..oneline import shorten
from ..shares import format_share, outcome_shares

__all__ = ["Hop", "Routes", "anchor", "is_work", "safe_url", "shorten", "step_numbers"]


@dataclass(frozen=True, slots=True)
class Hop:
    """One way into or out of a step.

    ``text`` is the short form ("Sí → paso 5", "fin"); ``detail`` the long one
    with the other step's label and, when it changes hands, its lane;
    ``anchor`` the id of the other step's row ("" for the process start or end).
    """

    text: str
    detail: str
    anchor: str
    lane: str


def anchor(step: Step) -> str:
    """The HTML id of a step's row: numbers only, whatever script the step's id uses."""
    return f"step-{step.number}"


def safe_url(url: str) -> str:
    """``url`` when its scheme is http, https or mailto (what `check` allows), else "".

    The handout may be asked for a flow that was never checked; a `javascript:`
    link must not become a clickable one even then.
    """
    scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
    return url if scheme in ("http", "https", "mailto") else ""


def is_work(step: Step) -> bool:
    """Whether ``step`` is something a person does or decides: an on-page connector is only a jump."""
    return step.kind != "connector"


def _each_once(start: str, onward: Callable[[str], Iterable[str]]) -> list[str]:
    """``start`` and the keys reached from it by ``onward``, breadth first, each once (a ring of connectors
    ends)."""
    reached, todo = [start], [start]
    while todo:
        for key in onward(todo.pop(0)):
            if key not in reached:
                reached.append(key)
                todo.append(key)
    return reached


def step_numbers(numbers: list[int]) -> str:
    """[2, 3, 4, 7] → "2–4, 7"."""
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" if len(r) > 2 else f"{r[0]}, {r[1]}" for r in runs)


def step_numbers_in_prose(numbers: list[int], and_word: str) -> str:
    """[3, 9] → "3 y 9", [2, 3, 4, 7, 9] → "2–4, 7 y 9": :func:`step_numbers` for a sentence, not a caption."""
    parts = step_numbers(numbers).split(", ")
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {and_word} {parts[-1]}"


class Routes:
    """The flow's edges indexed both ways, worded in one language."""

    def __init__(self, flow: Flow, t: Mapping[str, str], lang: str = "en") -> None:
        self.flow, self.t, self.lang = flow, t, lang
        self.by_key = {s.key: s for s in flow.steps}
        self.lane_names = {lane.id: lane.name for lane in flow.lanes}
        self.outgoing: dict[str, list[Edge]] = defaultdict(list)
        self.incoming: dict[str, list[Edge]] = defaultdict(list)
        edges = flow_edges(flow)
        for edge in edges:
            self.outgoing[edge.source].append(edge)
            self.incoming[edge.target].append(edge)
        # an exit connector jumps to its entries without a line: a way on all the same (spec §5)
        for exit_key, entries in connector_jumps(flow, edges).items():
            for entry in entries:
                self.outgoing[exit_key].append(Edge(exit_key, entry))
                self.incoming[entry].append(Edge(exit_key, entry))

    def beyond(self, step: Step) -> tuple[Step, ...]:
        """``step`` itself, or for a connector the steps the flow goes on to past it and its partner."""
        keys = _each_once(
            step.key, lambda key: () if self._work(key) else [e.target for e in self.outgoing.get(key, ())]
        )
        return tuple(self.by_key[key] for key in keys if self._work(key))

    def before(self, step: Step) -> tuple[tuple[Step, str], ...]:
        """The (step, outcome) pairs that lead into ``step``, looking back through connectors."""
        keys = _each_once(
            step.key, lambda key: [e.source for e in self.incoming.get(key, ()) if not self._work(e.source)]
        )
        return tuple(
            (self.by_key[e.source], e.label) for key in keys for e in self.incoming.get(key, ()) if self._work(e.source)
        )

    def _work(self, key: str) -> bool:
        return is_work(self.by_key[key])

    def _via(self, step: Step) -> str:
        return self.t["via_connector"].format(label=step.label)

    def lane_name(self, step: Step) -> str:
        return self.lane_names.get(step.lane or "", step.lane or "")

    def ref(self, step: Step) -> str:
        return self.t["step_ref"].format(n=step.number)

    def _other_lane(self, here: Step, other: Step) -> str:
        return self.lane_name(other) if other.lane != here.lane else ""

    def _detail(self, text: str, other: Step, lane: str) -> str:
        quoted = self.t["quoted"].format(text=shorten(other.label))
        return f"{text} {quoted}" + (f" — {lane}" if lane else "")

    def next_hops(self, step: Step, *, through: bool = False) -> tuple[Hop, ...]:
        """Where the flow goes after ``step``; an end says so.  A connector's own hops, and with ``through``
        every hop into a connector, name the step past it ("→ paso 28 (conector A)").  Two outcomes that
        lead to one step are one hop ("Tarjeta robada / Datos comprometidos → paso 4"), as the diagram
        draws them, unless their shares are written (each says its own)."""
        if step.kind == "end":
            return (Hop(self.t["end"], self.t["end"], "", ""),)
        shares = self._shares(step)
        # (step, connector words, the outcome when its share is written) → the outcomes that lead there
        ways: dict[tuple[str, str, str], list[str]] = {}
        for edge in self.outgoing.get(step.key, ()):
            target = self.by_key[edge.target]
            looked = not is_work(target) and (through or not is_work(step))
            via = f" {self._via(target if is_work(step) else step)}" if looked else ""
            alone = edge.label if edge.label in shares else ""
            for onward in self.beyond(target) if looked else (target,):
                outcomes = ways.setdefault((onward.key, via, alone), [])
                if edge.label and edge.label not in outcomes:
                    outcomes.append(edge.label)
        hops = []
        for (key, via, alone), outcomes in ways.items():
            onward = self.by_key[key]
            outcome = f"{' / '.join(outcomes)} " if outcomes else ""
            text = self.t["hop_to"].format(outcome=outcome, ref=self.ref(onward))
            if alone:
                text += f"\u00a0({shares[alone]})"
            lane = self._other_lane(step, onward)
            quoted = self.t["quoted"].format(text=shorten(onward.label))
            detail = f"{text} {quoted}{via}" + (f" — {lane}" if lane else "")
            hops.append(Hop(text + via, detail, anchor(onward), lane))
        return tuple(hops)

    def _shares(self, step: Step) -> dict[str, str]:
        """Outcome → "60 %" for a decision whose `shares` are written (none otherwise: equal is no news)."""
        if not step.shares or step.kind != "decision":
            return {}
        return {
            b.label: format_share(share, self.lang)
            for b, share in zip(step.branches, outcome_shares(step), strict=True)
        }

    def previous_hops(self, step: Step, *, through: bool = False) -> tuple[Hop, ...]:
        """The steps that lead to ``step`` (with the outcome when from a decision); a start says so.
        With ``through`` (or for a connector) a way in through connectors names the step before them.
        Two outcomes of one decision that lead here are one hop naming both ("→ Tarjeta robada / Datos
        comprometidos"), as the diagram draws them as one line with one label."""
        hops = []
        if step.kind == "start":
            hops.append(Hop(self.t["process_start"], self.t["process_start"], "", ""))
        ways: dict[tuple[str, str], list[str]] = {}  # (step before, connector words) → its outcomes, in order
        for edge in self.incoming.get(step.key, ()):
            source = self.by_key[edge.source]
            looked = not is_work(source) and (through or not is_work(step))
            via = f" {self._via(source if is_work(step) else step)}" if looked else ""
            for before, outcome in self.before(source) if looked else ((source, edge.label),):
                outcomes = ways.setdefault((before.key, via), [])
                if outcome and outcome not in outcomes:
                    outcomes.append(outcome)
        for (key, via), outcomes in ways.items():
            before = self.by_key[key]
            lane = self._other_lane(step, before)
            detail = self._detail(self.ref(before), before, "")
            if outcomes:
                detail += f" → {' / '.join(outcomes)}"
            detail += via
            if lane:
                detail += f" — {lane}"
            hops.append(Hop(self.ref(before) + via, detail, anchor(before), lane))
        return tuple(hops)
