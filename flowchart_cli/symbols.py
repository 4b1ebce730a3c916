"""The one table of flowchart symbols (ISO 5807 plus the common ANSI additions).

The checker, every writer, the JSON Schema and the handout legend read this
table; adding a symbol is adding a row.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SYMBOLS", "Symbol", "symbol"]


@dataclass(frozen=True, slots=True)
class Symbol:
    """One flowchart symbol and how each output draws it."""

    kind: str
    iso_name: str
    legend: dict[str, str]
    drawio_style: str
    mermaid_shape: str
    width: float
    height: float


def _row(kind, iso_name, en, es, pt, drawio, mermaid, width=160.0, height=64.0) -> Symbol:
    return Symbol(kind, iso_name, {"en": en, "es": es, "pt": pt}, drawio, mermaid, width, height)


_TERMINATOR = "shape=mxgraph.flowchart.terminator;whiteSpace=wrap;html=1;"

# fmt: off
SYMBOLS: dict[str, Symbol] = {
    s.kind: s
    for s in (
        _row("start", "terminator", "Start of the process", "Inicio del proceso",
             "Início do processo", _TERMINATOR, "stadium", 160, 52),
        _row("end", "terminator", "End of the process", "Fin del proceso",
             "Fim do processo", _TERMINATOR, "stadium", 160, 52),
        _row("process", "process", "An action or task", "Una acción o tarea",
             "Uma ação ou tarefa", "rounded=0;whiteSpace=wrap;html=1;", "rect"),
        _row("decision", "decision", "A question with labelled outcomes",
             "Una pregunta con resultados etiquetados", "Uma pergunta com resultados rotulados",
             "rhombus;whiteSpace=wrap;html=1;", "diam", 190, 96),
        _row("io", "data (input/output)", "Data received or sent", "Datos que se reciben o envían",
             "Dados recebidos ou enviados",
             "shape=parallelogram;perimeter=parallelogramPerimeter;whiteSpace=wrap;html=1;fixedSize=1;",
             "lean-r"),
        _row("document", "document", "A printed or written document", "Un documento impreso o escrito",
             "Um documento impresso ou escrito",
             "shape=mxgraph.flowchart.document2;whiteSpace=wrap;html=1;size=0.25;", "doc", 160, 70),
        _row("documents", "multiple documents", "Several documents", "Varios documentos",
             "Vários documentos", "shape=mxgraph.flowchart.multi-document;whiteSpace=wrap;html=1;",
             "docs", 168, 76),
        _row("subprocess", "predefined process", "A process described elsewhere",
             "Un proceso descrito en otro lugar", "Um processo descrito em outro lugar",
             "shape=process;whiteSpace=wrap;html=1;backgroundOutline=1;", "fr-rect"),
        _row("manual_input", "manual input", "Data typed in by a person",
             "Datos que una persona introduce a mano", "Dados digitados por uma pessoa",
             "shape=manualInput;whiteSpace=wrap;html=1;size=26;", "sl-rect", 160, 70),
        _row("manual", "manual operation", "Work done by hand", "Trabajo hecho a mano",
             "Trabalho feito à mão",
             "shape=trapezoid;perimeter=trapezoidPerimeter;whiteSpace=wrap;html=1;size=0.23;flipV=1;",
             "trap-t"),
        _row("preparation", "preparation", "Setting up before a step", "Preparación antes de un paso",
             "Preparação antes de uma etapa",
             "shape=hexagon;perimeter=hexagonPerimeter2;whiteSpace=wrap;html=1;fixedSize=1;", "hex"),
        _row("delay", "delay", "Waiting", "Espera", "Espera",
             "shape=mxgraph.flowchart.delay;whiteSpace=wrap;html=1;", "delay"),
        _row("database", "stored data", "A database or record system",
             "Una base de datos o sistema de registro", "Um banco de dados ou sistema de registro",
             "shape=cylinder3;whiteSpace=wrap;html=1;boundedLbl=1;backgroundOutline=1;size=15;",
             "cyl", 150, 76),
        _row("connector", "connector", "Continues at the connector with the same label",
             "Continúa en el conector con la misma etiqueta",
             "Continua no conector com o mesmo rótulo",
             "ellipse;whiteSpace=wrap;html=1;aspect=fixed;", "circle", 48, 48),
        _row("offpage", "off-page connector", "Continues on another page or flow",
             "Continúa en otra página o flujo", "Continua em outra página ou fluxo",
             "shape=offPageConnector;whiteSpace=wrap;html=1;size=0.5;", "notch-pent", 110, 70),
    )
}
# fmt: on


def symbol(kind: str) -> Symbol:
    """The row for ``kind`` (a key of :data:`SYMBOLS`)."""
    return SYMBOLS[kind]
