"""Stage bands in the DOT file: drawn as the graph's ``_background`` (xdot drawing operations).

Graphviz clusters nest, so lanes and stages cannot both be clusters.  The
bands and their numbered names are therefore drawing operations under the
graph: ``neato -n2`` draws them where flowchart-cli placed them, while a
fresh ``dot`` layout (whose coordinates differ) leaves them out.  Each stage
is also listed in a comment with its steps, for a reader of the DOT, and its
name is a plain-text node pinned in the band's strip.
"""

from __future__ import annotations

from collections.abc import Callable

from ..layout.geometry import Diagram, Rect
from .escape import clean, num

__all__ = ["stage_background", "stage_comments", "stage_names"]


def stage_background(diagram: Diagram) -> str:
    """The ``_background`` value: the xdot operations that draw every stage's band and its name's strip.

    Only numbers and colours go in: Graphviz 2.43's `dot` crashes on text
    operations there, so the names are nodes (:func:`stage_names`).
    """
    colours = diagram.theme
    ops: list[str] = []
    for stage in diagram.stages:
        tinted = stage.number % 2 == 0 and colours.stage_tint != "none"
        ops.append(f"c 7 -{colours.stage_stroke}")
        if tinted:
            ops += [f"C 9 -{colours.stage_tint}10", _polygon("P", stage.band, diagram.height)]
        ops += [_polygon("p", stage.band, diagram.height), f"C 7 -{colours.stage_header_fill}"]
        ops.append(_polygon("P", stage.label, diagram.height))
    return " ".join(ops)


def stage_names(diagram: Diagram, label: Callable[[tuple[str, ...]], str]) -> list[tuple[str, dict[str, str]]]:
    """Each stage's numbered name as a plain-text node pinned in its strip (``stage:N``, never a step's id).

    ``label`` is the DOT writer's own quoting of label lines; returns (name, attributes) per stage.
    """
    nodes = []
    for stage in diagram.stages:
        centre = stage.label.center
        lines = stage.lines or (str(stage.number), stage.name)
        attrs = {
            "label": label(lines),
            "shape": "plaintext",
            "style": "",
            "fontsize": num(diagram.font_size + 1),
            "pos": f"{num(centre.x)},{num(diagram.height - centre.y)}!",
            "width": num(stage.label.width / 72, 4),
            "height": num(stage.label.height / 72, 4),
        }
        nodes.append((f"stage:{stage.number}", attrs))
    return nodes


def stage_comments(diagram: Diagram) -> list[str]:
    """``// stage 2 · Registro: ticket, puede`` for each stage."""
    return [
        "// stage "
        + _one_line(f"{stage.number} · {stage.name}")
        + ": "
        + ", ".join(_one_line(n.key) for n in diagram.nodes if n.stage == stage.id)
        for stage in diagram.stages
    ]


def _one_line(text: str) -> str:
    """Text that cannot end a ``//`` comment early."""
    return " ".join(clean(text).split())


def _polygon(op: str, r: Rect, height: float) -> str:
    corners = [(r.x, r.y), (r.right, r.y), (r.right, r.bottom), (r.x, r.bottom)]
    return f"{op} 4 " + " ".join(f"{num(x)} {num(height - y)}" for x, y in corners)
