"""Read a Mermaid `flowchart`/`graph` into a drawn graph.

Nodes with their bracket or `@{ shape: … }` shapes, chained and `&`-joined
lines with their labels (`-->|text|`, `-- text -->`, `-.->`, `==>`), and
subgraphs as lanes in the order they are declared; a node belongs to the
innermost subgraph that lists it.  Subgraphs titled `N · Name` inside a lane
are our own writer's stages.  `click`, `classDef`, `class`, `style` and
`linkStyle` lines only change the look: they are left out with a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .drawn import DrawnEdge, DrawnGraph, DrawnLane, DrawnNode, DrawnStage, ImportFailure
from .mermaid_text import first_mermaid_block, front_matter, mermaid_label, statements
from .mermaid_tokens import Unreadable, read_link, read_node

__all__ = ["read_mermaid"]

_HEADER = re.compile(r"(?:flowchart(?:-elk)?|graph)(?:\s+(TB|TD|BT|RL|LR))?\s*$", re.IGNORECASE)
_AND = re.compile(r"\s*&\s*")
_SUBGRAPH = re.compile(r"subgraph\s+(?P<rest>.+)$")
_TITLED = re.compile(r"(?P<id>[^\s\[\"]+)\s*\[(?P<title>.*)\]$")
_STAGE_TITLE = re.compile(r"(?P<number>\d+)\s*·\s*(?P<name>.+)")
_LOOKS = ("click", "classDef", "class", "style", "linkStyle")
_EDGE_STYLE = re.compile(r"([^\W\d][\w-]*)@\{")
_SILENT = ("direction", "accTitle", "accDescr")


@dataclass(eq=False)
class _Subgraph:
    id: str
    title: str
    parent: _Subgraph | None
    members: list[str] = field(default_factory=list)


@dataclass
class _Chart:
    """What the statements have said so far."""

    nodes: dict[str, DrawnNode] = field(default_factory=dict)
    edges: list[DrawnEdge] = field(default_factory=list)
    open: list[_Subgraph] = field(default_factory=list)
    declared: list[_Subgraph] = field(default_factory=list)
    closed: list[_Subgraph] = field(default_factory=list)
    ignored: dict[str, int] = field(default_factory=dict)
    invisible: int = 0
    edge_ids: set[str] = field(default_factory=set)

    def mention(self, node_id: str, label: str | None = None, shape: str | None = None, guess: str = "") -> None:
        known = self.nodes.get(node_id)
        if known is None:
            self.nodes[node_id] = DrawnNode(
                node_id, label if label is not None else node_id, shape or "process", guess=guess
            )
        elif label is not None:
            self.nodes[node_id] = DrawnNode(node_id, label, shape or known.shape, guess=guess)
        if self.open:
            self.open[-1].members.append(node_id)


def read_mermaid(text: str, file_title: str, *, markdown: bool = False) -> DrawnGraph:
    offset = 1
    if markdown:
        text, offset = first_mermaid_block(text)
    title, body, first_line = front_matter(text)
    found = statements(body, first_line + offset - 1)
    header = _HEADER.match(found[0][2]) if found else None
    if header is None:
        first = found[0][2].split()[0] if found else "nothing"
        raise ImportFailure(f"not a Mermaid flowchart: it starts with {first!r}, not `flowchart` or `graph`")
    chart = _Chart()
    for line, column, statement in found[1:]:
        try:
            _statement(chart, statement)
        except Unreadable as exc:
            raise ImportFailure(f"line {line}, column {column + exc.at}: {exc}") from None
        except ImportFailure as exc:
            raise ImportFailure(f"line {line}, column {column}: {exc}") from None
    if chart.open:
        raise ImportFailure(f"the subgraph {chart.open[-1].title!r} has no `end`")
    direction = "LR" if (header.group(1) or "TB").upper() in ("LR", "RL") else "TB"
    return _graph(chart, title or file_title, direction)


def _statement(chart: _Chart, statement: str) -> None:
    word = statement.split()[0]
    if word == "end" and statement == "end":
        if not chart.open:
            raise ImportFailure("`end` without a `subgraph`")
        chart.closed.append(chart.open.pop())
    elif word == "subgraph":
        _open_subgraph(chart, statement)
    elif word in _LOOKS:
        chart.ignored[word] = chart.ignored.get(word, 0) + 1
    elif (named := _EDGE_STYLE.match(statement)) and named.group(1) in chart.edge_ids:
        chart.ignored["id@{…}"] = chart.ignored.get("id@{…}", 0) + 1  # `e1@{ animate: true }`: a line's look
    elif word not in _SILENT and not word.startswith(("accTitle:", "accDescr:")):
        _chain(chart, statement)


def _open_subgraph(chart: _Chart, statement: str) -> None:
    match = _SUBGRAPH.match(statement)
    rest = match.group("rest").strip() if match else ""
    titled = _TITLED.match(rest)
    if titled:
        sub_id, title = titled.group("id"), mermaid_label(titled.group("title"))
    else:
        sub_id, title = rest, mermaid_label(rest)
    sub = _Subgraph(sub_id, title or sub_id, chart.open[-1] if chart.open else None)
    chart.open.append(sub)
    chart.declared.append(sub)


def _chain(chart: _Chart, statement: str) -> None:
    at, sources = _nodes(chart, statement, 0)
    while True:
        link, at = read_link(statement, at)
        if link is None:
            break
        at, targets = _nodes(chart, statement, at)
        label, arrow, invisible, edge_id = link
        if edge_id:
            chart.edge_ids.add(edge_id)
        for source in sources:
            for target in targets:
                if invisible:
                    chart.invisible += 1
                else:
                    chart.edges.append(DrawnEdge(source, target, label, arrow))
        sources = targets
    if statement[at:].strip():
        rest = statement[at:]
        raise Unreadable(f"cannot read {rest.strip()!r} in {statement!r}", at + len(rest) - len(rest.lstrip()))


def _nodes(chart: _Chart, text: str, at: int) -> tuple[int, list[str]]:
    found = []
    while True:
        at, node_id = _node(chart, text, at)
        found.append(node_id)
        joined = _AND.match(text, at)
        if joined is None:
            return at, found
        at = joined.end()


def _node(chart: _Chart, text: str, at: int) -> tuple[int, str]:
    at, node = read_node(text, at)
    chart.mention(node.id, node.label, node.shape, node.guess)
    return at, node.id


def _graph(chart: _Chart, title: str, direction: str) -> DrawnGraph:
    subgraph_ids = {s.id for s in chart.declared}
    notes = [f"{count} `{word}` line(s) left out: they change only the look" for word, count in chart.ignored.items()]
    if chart.invisible:
        notes.append(f"{chart.invisible} invisible link(s) (~~~) left out: they only place nodes")
    edges = [e for e in chart.edges if e.source not in subgraph_ids and e.target not in subgraph_ids]
    if len(edges) < len(chart.edges):
        notes.append(f"{len(chart.edges) - len(edges)} line(s) to or from a whole subgraph left out")
    nodes = {k: n for k, n in chart.nodes.items() if k not in subgraph_ids}
    touched = {e.source for e in chart.edges} | {e.target for e in chart.edges}
    blank = [k for k, n in nodes.items() if not n.label.strip() and k not in touched]
    if blank:
        notes.append(f"{len(blank)} blank node(s) with no line left out: they only place the others")
        nodes = {k: n for k, n in nodes.items() if k not in blank}
    if not nodes:
        raise ImportFailure("the Mermaid flowchart has no nodes")
    owner: dict[str, _Subgraph] = {}
    for sub in chart.closed:
        for member in sub.members:
            owner.setdefault(member, sub)
    lanes, stages = _bands(chart, owner, rows=_our_rows(blank))
    placed = []
    for key, node in nodes.items():
        sub = owner.get(key)
        stage = sub if sub is not None and _is_stage(sub) else None
        lane = sub.parent if stage is not None else sub
        placed.append(
            DrawnNode(
                key, node.label, node.shape, lane=lane.id if lane else None, stage=stage.title if stage else None,
                guess=node.guess,
            )
        )  # fmt: skip
    return DrawnGraph(title, direction, tuple(placed), tuple(edges), lanes, stages, tuple(notes))


def _is_stage(sub: _Subgraph) -> bool:
    return _STAGE_TITLE.fullmatch(sub.title) is not None


_ROW_ANCHOR = re.compile(r"lane(\d+)(?:first|last)")


def _our_rows(blank: list[str]) -> bool:
    """Whether the chart is our own LR export, whose lanes are declared bottom row first (writers/mermaid.py)."""
    return bool(blank) and all(_ROW_ANCHOR.fullmatch(key) for key in blank)


def _bands(
    chart: _Chart, owner: dict[str, _Subgraph], *, rows: bool = False
) -> tuple[tuple[DrawnLane, ...], tuple[DrawnStage, ...]]:
    """Lanes in declared order (in our own LR export, top row first: the order they are seen), and stages."""
    used = set(owner.values())
    used_lanes = {s.parent.id for s in used if _is_stage(s) and s.parent} | {s.id for s in used if not _is_stage(s)}
    declared = [s for s in chart.declared if s.id in used_lanes and not _is_stage(s)]
    lanes = tuple(DrawnLane(s.id, s.title) for s in (reversed(declared) if rows else declared))
    numbered: dict[str, int] = {}
    for sub in chart.declared:
        match = _STAGE_TITLE.fullmatch(sub.title)
        if match and sub in used:
            numbered.setdefault(sub.title, int(match.group("number")))
    stages = tuple(DrawnStage(t, _STAGE_TITLE.fullmatch(t).group("name")) for t in sorted(numbered, key=numbered.get))  # type: ignore
    return lanes, stages
