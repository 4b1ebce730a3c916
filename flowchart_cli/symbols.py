"""The one table of flowchart symbols (ISO 5807 plus the common ANSI additions).

The checker, every writer, the JSON Schema and the handout legend read this
table; adding a symbol is adding a row.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SYMBOLS", "Symbol", "symbol"]


@dataclass(frozen=True, slots=True)
class Symbol:
    """One flowchart symbol and how every output draws it.

    ``outline`` names the drawing in :mod:`flowchart_cli.layout.shapes` (several
    symbols share one: start and end are both a stadium); ``text_share`` is the
    part of the box (width, height) that can hold text; ``dot`` the closest
    Graphviz shape and style; ``fill`` its colour in the default theme.
    """

    kind: str
    iso_name: str
    legend: dict[str, str]
    drawio_style: str
    mermaid_shape: str
    width: float
    height: float
    outline: str
    text_share: tuple[float, float]
    dot: tuple[str, str]
    fill: str


def _row(
    kind, iso_name, en, es, pt, drawio, mermaid, width=160.0, height=48.0, *, outline, share=(1.0, 1.0), dot, fill
) -> Symbol:
    return Symbol(
        kind, iso_name, {"en": en, "es": es, "pt": pt}, drawio, mermaid, width, height, outline, share, dot, fill
    )


_TERMINATOR = "shape=mxgraph.flowchart.terminator;whiteSpace=wrap;html=1;"

# fmt: off
SYMBOLS: dict[str, Symbol] = {
    s.kind: s
    for s in (
        _row("start", "terminator", "Start of the process", "Inicio del proceso",
             "Início do processo", _TERMINATOR, "stadium", 160, 52,
             outline="stadium", share=(0.86, 0.8), dot=("box", "rounded,filled"), fill="#d3efdc"),
        _row("end", "terminator", "End of the process", "Fin del proceso",
             "Fim do processo", _TERMINATOR, "stadium", 160, 52,
             outline="stadium", share=(0.86, 0.8), dot=("box", "rounded,filled"), fill="#f6d5d2"),
        _row("process", "process", "An action or task", "Una acción o tarea",
             "Uma ação ou tarefa", "rounded=0;whiteSpace=wrap;html=1;", "rect",
             outline="rectangle", dot=("box", "filled"), fill="#ffffff"),
        _row("decision", "decision", "A question with labelled outcomes",
             "Una pregunta con resultados etiquetados", "Uma pergunta com resultados rotulados",
             "rhombus;whiteSpace=wrap;html=1;", "diam", 190, 96,
             outline="diamond", share=(0.5, 0.5), dot=("diamond", "filled"), fill="#fff1c7"),
        _row("io", "data (input/output)", "Data received or sent", "Datos que se reciben o envían",
             "Dados recebidos ou enviados",
             "shape=parallelogram;perimeter=parallelogramPerimeter;whiteSpace=wrap;html=1;fixedSize=1;",
             "lean-r",
             outline="parallelogram", share=(0.8, 1.0), dot=("parallelogram", "filled"), fill="#dde9fa"),
        _row("document", "document", "A printed or written document", "Un documento impreso o escrito",
             "Um documento impresso ou escrito",
             "shape=mxgraph.flowchart.document2;whiteSpace=wrap;html=1;size=0.25;", "doc", 160, 64,
             outline="document", share=(1.0, 0.8), dot=("note", "filled"), fill="#fdfcf6"),
        _row("documents", "multiple documents", "Several documents", "Varios documentos",
             "Vários documentos", "shape=mxgraph.flowchart.multi-document;whiteSpace=wrap;html=1;",
             "docs", 168, 76,
             outline="documents", share=(0.9, 0.7), dot=("folder", "filled"), fill="#fdfcf6"),
        _row("subprocess", "predefined process", "A process described elsewhere",
             "Un proceso descrito en otro lugar", "Um processo descrito em outro lugar",
             "shape=process;whiteSpace=wrap;html=1;backgroundOutline=1;", "fr-rect",
             outline="subprocess", share=(0.86, 1.0), dot=("box", "filled"), fill="#e4e7fb"),
        _row("manual_input", "manual input", "Data typed in by a person",
             "Datos que una persona introduce a mano", "Dados digitados por uma pessoa",
             "shape=manualInput;whiteSpace=wrap;html=1;size=26;", "sl-rect", 160, 70,
             outline="manual_input", share=(1.0, 0.78), dot=("box", "filled"), fill="#dde9fa"),
        _row("manual", "manual operation", "Work done by hand", "Trabajo hecho a mano",
             "Trabalho feito à mão",
             "shape=trapezoid;perimeter=trapezoidPerimeter;whiteSpace=wrap;html=1;size=0.23;flipV=1;",
             "trap-t",
             outline="trapezoid", share=(0.72, 1.0), dot=("invtrapezium", "filled"), fill="#f0e6f7"),
        _row("preparation", "preparation", "Setting up before a step", "Preparación antes de un paso",
             "Preparação antes de uma etapa",
             "shape=hexagon;perimeter=hexagonPerimeter2;whiteSpace=wrap;html=1;fixedSize=1;", "hex",
             outline="hexagon", share=(0.72, 1.0), dot=("hexagon", "filled"), fill="#e7f3f1"),
        _row("delay", "delay", "Waiting", "Espera", "Espera",
             "shape=mxgraph.flowchart.delay;whiteSpace=wrap;html=1;", "delay",
             outline="delay", share=(0.8, 1.0), dot=("cds", "filled"), fill="#fbe8d3"),
        _row("database", "stored data", "A database or record system",
             "Una base de datos o sistema de registro", "Um banco de dados ou sistema de registro",
             "shape=cylinder3;whiteSpace=wrap;html=1;boundedLbl=1;backgroundOutline=1;size=15;",
             "cyl", 150, 70,
             outline="cylinder", share=(1.0, 0.7), dot=("cylinder", "filled"), fill="#e2eef5"),
        _row("connector", "connector", "Continues at the connector with the same label",
             "Continúa en el conector con la misma etiqueta",
             "Continua no conector com o mesmo rótulo",
             "ellipse;whiteSpace=wrap;html=1;aspect=fixed;", "circle", 48, 48,
             outline="circle", share=(0.72, 0.72), dot=("circle", "filled"), fill="#ffffff"),
        _row("offpage", "off-page connector", "Continues on another page or flow",
             "Continúa en otra página o flujo", "Continua em outra página ou fluxo",
             "shape=offPageConnector;whiteSpace=wrap;html=1;size=0.5;", "notch-pent", 110, 70,
             outline="offpage", share=(0.9, 0.62), dot=("invhouse", "filled"), fill="#ffffff"),
    )
}
# fmt: on


def symbol(kind: str) -> Symbol:
    """The row for ``kind`` (a key of :data:`SYMBOLS`)."""
    return SYMBOLS[kind]
