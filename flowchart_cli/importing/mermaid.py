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
from .mermaid_shapes import BRACKETS, named_shape
from .mermaid_text import first_mermaid_block, front_matter, mermaid_label, statements

__all__ = ["read_mermaid"]

_HEADER = re.compile(r"(?:flowchart|graph)(?:\s+(TB|TD|BT|RL|LR))?\s*$", re.IGNORECASE)
_ID = re.compile(r"[^\W](?:[\w]|-(?![-.>=ox]\W|[-.>=])|\.(?![-.]))*", re.UNICODE)
_CLASS = re.compile(r":::[\w-]+")
_LINK = re.compile(
    r"\s*(?P<head><)?(?P<body>-{2,}>|-{3,}|={2,}>|={3,}|-\.+->|-\.+-|~{3,}|-{2,}[ox](?=\s)|={2,}[ox](?=\s))"
    r"\s*(?:\|(?P<label>[^|]*)\|)?"
)
_TEXT_LINK = re.compile(
    r"\s*(?P<head><)?(?P<open>--|==|-\.)(?![->=.])\s*(?P<label>.*?)\s*"
    r"(?P<body>-{2,}>|-{3,}|={2,}>|={3,}|\.-+>|\.-)"
)
_AND = re.compile(r"\s*&\s*")
_ATTRIBUTE = re.compile(r"(\w+)\s*:\s*(\"(?:[^\"\\]|\\.)*\"|[^,}]*)")
_SUBGRAPH = re.compile(r"subgraph\s+(?P<rest>.+)$")
_TITLED = re.compile(r"(?P<id>[^\s\[\"]+)\s*\[(?P<title>.*)\]$")
_STAGE_TITLE = re.compile(r"(?P<number>\d+)\s*·\s*(?P<name>.+)")
_LOOKS = ("click", "classDef", "class", "style", "linkStyle")
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
    if markdown:
        text = first_mermaid_block(text)
    title, body = front_matter(text)
    found = statements(body)
    header = _HEADER.match(found[0]) if found else None
    if header is None:
        first = found[0].split()[0] if found else "nothing"
        raise ImportFailure(f"not a Mermaid flowchart: it starts with {first!r}, not `flowchart` or `graph`")
    chart = _Chart()
    for statement in found[1:]:
        _statement(chart, statement)
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
        link, at = _link(statement, at)
        if link is None:
            break
        at, targets = _nodes(chart, statement, at)
        label, arrow, invisible = link
        for source in sources:
            for target in targets:
                if invisible:
                    chart.invisible += 1
                else:
                    chart.edges.append(DrawnEdge(source, target, label, arrow))
        sources = targets
    if statement[at:].strip():
        raise ImportFailure(f"cannot read the Mermaid statement {statement!r} from {statement[at:].strip()!r}")


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
    while at < len(text) and text[at].isspace():
        at += 1
    match = _ID.match(text, at)
    if match is None:
        raise ImportFailure(f"cannot read the Mermaid statement {text!r}: expected a node at {text[at : at + 20]!r}")
    node_id, at = match.group(0), match.end()
    label = shape = None
    guess = ""
    if text.startswith("@{", at):
        end = _closing_brace(text, at + 2)
        attributes = {k: v.strip() for k, v in _ATTRIBUTE.findall(text[at + 2 : end])}
        shape, guess = named_shape(attributes.get("shape", "rect").strip("\"'"))
        label = mermaid_label(attributes["label"]) if "label" in attributes else None
        at = end + 1
    else:
        bracketed = _bracket(text, at)
        if bracketed is not None:
            at, label, shape = bracketed
            if shape == "process" and text[at - 1] == "]" and text[match.end()] == ">":
                guess = "Mermaid's asymmetric (flag) shape is not a flowchart symbol: written as a process"
    class_mark = _CLASS.match(text, at)
    if class_mark:
        at = class_mark.end()
    chart.mention(node_id, label, shape, guess)
    return at, node_id


def _closing_brace(text: str, at: int) -> int:
    quoted = False
    for index in range(at, len(text)):
        if text[index] == '"':
            quoted = not quoted
        elif text[index] == "}" and not quoted:
            return index
    raise ImportFailure(f"the node shape `@{{…` in {text!r} is never closed")


def _bracket(text: str, at: int) -> tuple[int, str, str] | None:
    """(end, label, shape) of a bracketed node text at ``at``, or ``None`` when there is none."""
    best: tuple[int, int, str, str] | None = None  # (content end, after close, raw, shape)
    for opening, closing, shape in BRACKETS:
        if not text.startswith(opening, at):
            continue
        start = at + len(opening)
        end = _content_end(text, start, closing)
        if end >= 0 and (best is None or end < best[0]):
            best = (end, end + len(closing), text[start:end], shape)
        if best is not None and len(opening) > 1 and best[3] == shape:
            break
    if best is None:
        return None
    return best[1], mermaid_label(best[2]), best[3]


def _content_end(text: str, start: int, closing: str) -> int:
    stripped = start
    while stripped < len(text) and text[stripped] == " ":
        stripped += 1
    if stripped < len(text) and text[stripped] == '"':
        quote_end = text.find('"', stripped + 1)
        if quote_end < 0:
            return -1
        found = text.find(closing, quote_end + 1)
        return found if found >= 0 and not text[quote_end + 1 : found].strip() else -1
    return text.find(closing, start)


def _link(text: str, at: int) -> tuple[tuple[str, bool, bool] | None, int]:
    match = _LINK.match(text, at)
    if match is None:
        match = _TEXT_LINK.match(text, at)
    if match is None:
        return None, at
    body = match.group("body")
    label = mermaid_label(match.group("label") or "")
    arrow = body.endswith((">", "o", "x")) or bool(match.group("head"))
    return (label, arrow, body.startswith("~")), match.end()


def _graph(chart: _Chart, title: str, direction: str) -> DrawnGraph:
    subgraph_ids = {s.id for s in chart.declared}
    notes = [f"{count} `{word}` line(s) left out: they change only the look" for word, count in chart.ignored.items()]
    if chart.invisible:
        notes.append(f"{chart.invisible} invisible link(s) (~~~) left out: they only place nodes")
    edges = [e for e in chart.edges if e.source not in subgraph_ids and e.target not in subgraph_ids]
    if len(edges) < len(chart.edges):
        notes.append(f"{len(chart.edges) - len(edges)} line(s) to or from a whole subgraph left out")
    nodes = {k: n for k, n in chart.nodes.items() if k not in subgraph_ids}
    if not nodes:
        raise ImportFailure("the Mermaid flowchart has no nodes")
    owner: dict[str, _Subgraph] = {}
    for sub in chart.closed:
        for member in sub.members:
            owner.setdefault(member, sub)
    lanes, stages = _bands(chart, owner)
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


def _bands(chart: _Chart, owner: dict[str, _Subgraph]) -> tuple[tuple[DrawnLane, ...], tuple[DrawnStage, ...]]:
    used = set(owner.values())
    used_lanes = {s.parent.id for s in used if _is_stage(s) and s.parent} | {s.id for s in used if not _is_stage(s)}
    lanes = tuple(DrawnLane(s.id, s.title) for s in chart.declared if s.id in used_lanes and not _is_stage(s))
    numbered: dict[str, int] = {}
    for sub in chart.declared:
        match = _STAGE_TITLE.fullmatch(sub.title)
        if match and sub in used:
            numbered.setdefault(sub.title, int(match.group("number")))
    stages = tuple(DrawnStage(t, _STAGE_TITLE.fullmatch(t).group("name")) for t in sorted(numbered, key=numbered.get))  # type: ignore
    return lanes, stages
