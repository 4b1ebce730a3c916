"""The Mermaid writer: a ``flowchart`` that GitHub renders, one subgraph per lane.

Mermaid lays the chart out itself, so only the structure is written: steps
with the Mermaid shape closest to their ISO symbol (``id@{ shape: …, label: … }``,
Mermaid ≥ 11.3; with ``RenderOptions.mermaid == "10"`` the classic brackets
that Mermaid 10 — GitLab before 19, Typora, HackMD — reads, ``id(["…"])``),
lanes as subgraphs in declaration order (stages as subgraphs inside them), and
flow lines with outcome labels.

In an ``LR`` flow the lanes are rows, as in our own drawing. Mermaid (dagre)
would put two lanes whose steps never share a column side by side, so each
lane gets two invisible anchors (``~~~`` links, no stroke) that make it span
from the first column to the last, and the lanes are declared bottom row
first, the order in which dagre stacks clusters of one span: the rows then
read top to bottom in the flow's lane order.
Every character that could mean something to Mermaid is written as one of its
entity codes (``#34;``), so no label can change the chart's structure.
"""

from __future__ import annotations

import unicodedata

from ..layout.geometry import Diagram, NodeBox
from ..options import RenderOptions
from ..symbols import symbol
from .mermaid_style import classic_node, colour_lines, link_lines

__all__ = ["mermaid_text", "write_mermaid"]

_PLAIN_ASCII = frozenset(" .,¿?¡!()/'_")
_ENTITY_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"})


def write_mermaid(diagram: Diagram, options: RenderOptions) -> str:
    """The ``.mmd`` text of ``diagram``."""
    ids = {node.key: f"n{i}" for i, node in enumerate(diagram.nodes, 1)}
    lines = [*_front_matter(diagram, options), f"flowchart {'LR' if diagram.direction == 'LR' else 'TD'}"]
    in_lane: set[str] = set()
    rows = _as_rows(diagram)
    for lane in reversed(diagram.lanes) if rows else diagram.lanes:
        members = [n for n in diagram.nodes if n.lane == lane.id]
        lines.append(f'    subgraph lane{lane.index + 1}["{mermaid_text(lane.name)}"]')
        if rows:
            lines += [f'        lane{lane.index + 1}{end}[" "]' for end in _ANCHORS]
        lines.extend(_staged(diagram, members, ids, options, f"lane{lane.index + 1}s", "        "))
        lines.append("    end")
        in_lane.update(n.key for n in members)
    outside = [n for n in diagram.nodes if n.key not in in_lane]
    lines.extend(_staged(diagram, outside, ids, options, "stage", "    "))
    for edge in diagram.edges:
        label = f'|"{mermaid_text(edge.shown_label)}"|' if edge.label else ""
        lines.append(f"    {ids[edge.source]} -->{label} {ids[edge.target]}")
    lines += _row_anchor_links(diagram, ids) if rows else []
    lines += colour_lines(diagram, ids, options) + _stage_styles(diagram, in_lane) + link_lines(diagram, ids)
    return "\n".join(lines) + "\n"


_ANCHORS = ("first", "last")


def _as_rows(diagram: Diagram) -> bool:
    """Lanes drawn as rows: an ``LR`` flow with two lanes or more."""
    return diagram.direction == "LR" and len(diagram.lanes) > 1


def _row_anchor_links(diagram: Diagram, ids: dict[str, str]) -> list[str]:
    """Invisible links that stretch every lane from the first column to the last (see the module's docstring)."""
    sources = {edge.source for edge in diagram.edges}
    first = ids[diagram.nodes[0].key]
    sinks = [ids[n.key] for n in diagram.nodes if n.key not in sources] or [ids[diagram.nodes[-1].key]]
    lines = []
    for lane in diagram.lanes:
        name = f"lane{lane.index + 1}"
        lines.append(f"    {name}first ~~~ {first}")
        lines += [f"    {sink} ~~~ {name}last" for sink in sinks]
        lines += [f"    style {name}{end} fill:none,stroke:none" for end in _ANCHORS]
    return lines


def _stage_styles(diagram: Diagram, in_lane: set[str]) -> list[str]:
    """A dashed, lightly filled frame for each stage subgraph, so it reads as a phase, not a lane."""
    if not diagram.stages or diagram.theme.name == "mono":
        return []
    colours = diagram.theme
    frames = [
        f"lane{lane.index + 1}s{stage.number}"
        for lane in diagram.lanes
        for stage in diagram.stages
        if any(n.lane == lane.id and n.stage == stage.id for n in diagram.nodes)
    ]
    frames += [
        f"stage{stage.number}"
        for stage in diagram.stages
        if any(n.key not in in_lane and n.stage == stage.id for n in diagram.nodes)
    ]
    look = f"fill:{colours.stage_band_fill},stroke:{colours.stage_stroke},stroke-dasharray:4 3,color:{colours.ink}"
    return [f"    style {frame} {look}" for frame in frames]


# Mermaid shows the title through an HTML sanitizer and then as plain text, so `&`, `<`
# and `>` would appear as `&amp;`, `&lt;`, `&gt;`: the title gets look-alike characters.
_TITLE_LOOKALIKES = str.maketrans({"&": "\uff06", "<": "\u2039", ">": "\u203a"})


def _front_matter(diagram: Diagram, options: RenderOptions) -> list[str]:
    """Mermaid's title line; with ``--header`` it names version, owner and date too (one line is all it has)."""
    title = " — ".join(diagram.header) if diagram.header else diagram.title
    lines = ["---", f"title: {yaml_quoted(title.translate(_TITLE_LOOKALIKES))}"]
    own = _MERMAID_THEMES.get(diagram.theme.name)
    if own and options.mermaid == "10":
        return [*lines, "---", f'%%{{init: {{"theme": "{own}"}}}}%%']  # `config:` front matter needs 10.5
    if own:
        lines += ["config:", f"  theme: {own}"]
    return [*lines, "---"]


_MERMAID_THEMES = {"mono": "neutral", "dark": "dark"}
"""Mermaid's own theme under ours: neutral prints well in black and white; dark draws the lines and
edge labels light, under our dark fills (``auto`` draws light: Mermaid cannot follow the reader)."""


def _staged(
    diagram: Diagram, members: list[NodeBox], ids: dict[str, str], options: RenderOptions, prefix: str, indent: str
) -> list[str]:
    """The nodes of one lane; with stages, in one nested subgraph per stage ("2 · Registro").

    Mermaid gives a node one subgraph, so a lane's steps of one stage share a
    subgraph inside the lane's: the cell where the lane and the stage cross.
    """
    if not diagram.stages:
        return [f"{indent}{_node(n, ids[n.key], options, diagram.numbers)}" for n in members]
    lines = []
    for stage in diagram.stages:
        mine = [n for n in members if n.stage == stage.id]
        if mine:
            title = mermaid_text(f"{stage.number} · {stage.name}")
            lines.append(f'{indent}subgraph {prefix}{stage.number}["{title}"]')
            lines.extend(f"{indent}    {_node(n, ids[n.key], options, diagram.numbers)}" for n in mine)
            lines.append(f"{indent}end")
    return lines


def _node(node: NodeBox, node_id: str, options: RenderOptions, numbers: bool) -> str:
    shape = symbol(node.kind).mermaid_shape
    text = f"{node.number} · {node.label}" if numbers else node.label  # --numbers: the step's number first
    if options.mermaid == "10":
        return classic_node(node_id, shape, mermaid_text(text))
    return f'{node_id}@{{ shape: {shape}, label: "{mermaid_text(text)}" }}'


def mermaid_text(text: str) -> str:
    """``text`` safe inside a quoted Mermaid label: line breaks as ``<br>``, the rest as entity codes."""
    return "<br>".join(_encode_line(line) for line in text.replace("\r\n", "\n").split("\n"))


def _encode_line(line: str) -> str:
    return "".join(ch if _plain(ch) else f"#{ord(ch)};" for ch in line)


def _plain(ch: str) -> bool:
    if ch.isascii():
        return ch.isalnum() or ch in _PLAIN_ASCII
    if ch in _PLAIN_ASCII:
        return True
    return unicodedata.category(ch) not in _ENTITY_CATEGORIES


def yaml_quoted(text: str) -> str:
    """``text`` as a one-line YAML double-quoted scalar (for the front matter's title)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == " " or (ch.isprintable() and unicodedata.category(ch) not in _ENTITY_CATEGORIES):
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'
