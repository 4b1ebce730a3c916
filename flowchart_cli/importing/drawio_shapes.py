"""draw.io style strings → the shapes of :mod:`flowchart_cli.importing.drawn`.

One table for the General palette (`rhombus`, `ellipse`, `shape=parallelogram`…)
and the Flowchart palette (`shape=mxgraph.flowchart.*`); a style draw.io draws
as something else is named in the node's note and read as a process.
"""

from __future__ import annotations

__all__ = ["node_shape", "parse_style"]

_SHAPES = {
    "rhombus": "decision",
    "mxgraph.flowchart.decision": "decision",
    "ellipse": "terminator",
    "mxgraph.flowchart.terminator": "terminator",
    "mxgraph.flowchart.start_1": "terminator",
    "mxgraph.flowchart.start_2": "terminator",
    "parallelogram": "io",
    "mxgraph.flowchart.data": "io",
    "document": "document",
    "mxgraph.flowchart.document": "document",
    "mxgraph.flowchart.document2": "document",
    "mxgraph.flowchart.multi-document": "documents",
    "process": "subprocess",
    "mxgraph.flowchart.predefined_process": "subprocess",
    "manualinput": "manual_input",
    "mxgraph.flowchart.manual_input": "manual_input",
    "trapezoid": "manual",
    "mxgraph.flowchart.manual_operation": "manual",
    "hexagon": "preparation",
    "mxgraph.flowchart.preparation": "preparation",
    "delay": "delay",
    "mxgraph.flowchart.delay": "delay",
    "cylinder": "database",
    "cylinder3": "database",
    "datastore": "database",
    "mxgraph.flowchart.database": "database",
    "mxgraph.flowchart.stored_data": "database",
    "mxgraph.flowchart.direct_data": "database",
    "mxgraph.flowchart.on-page_reference": "connector",
    "offpageconnector": "offpage",
    "mxgraph.flowchart.off-page_reference": "offpage",
    "mxgraph.flowchart.process": "process",
    "rectangle": "process",
    "label": "process",
}
_CONNECTOR_SIZE = 60.0
"""An ellipse this small (or smaller) with equal sides is an on-page connector, not a terminator."""


def parse_style(style: str) -> tuple[str, dict[str, str]]:
    """``"rhombus;whiteSpace=wrap;html=1;"`` → ``("rhombus", {"whiteSpace": "wrap", "html": "1"})``."""
    base = ""
    values: dict[str, str] = {}
    for part in style.split(";"):
        name, equals, value = part.partition("=")
        if equals:
            values[name.strip()] = value.strip()
        elif part.strip() and not base:
            base = part.strip()
    return base, values


def node_shape(style: str, width: float, height: float) -> tuple[str, str]:
    """The drawn shape of a vertex and, when it was guessed, why."""
    base, values = parse_style(style)
    name = values.get("shape") or base or "rectangle"
    shape = _SHAPES.get(name.lower())
    if shape is None:
        return "process", f"the draw.io shape {name!r} is not a flowchart symbol: written as a process"
    if shape == "terminator" and name in ("ellipse", "mxgraph.flowchart.start_2"):
        square = abs(width - height) <= 1.0 or values.get("aspect") == "fixed"
        if square and max(width, height) <= _CONNECTOR_SIZE:
            return "connector", ""
    if shape == "process" and values.get("rounded") == "1" and _number(values.get("arcSize")) >= 40:
        return "terminator", ""
    return shape, ""


def _number(text: str | None) -> float:
    try:
        return float(text) if text is not None else 0.0
    except ValueError:
        return 0.0
