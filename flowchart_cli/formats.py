"""The one table of output formats: the diagram writers' and the handout's, with their file names.

`render` and `handout` offer subsets of it, `build` and `watch` all of it;
the pipeline, the writers and the handout read it, so adding a format is
adding a row (and its writer).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DIAGRAM_FORMATS", "FORMATS", "HANDOUT_FORMATS", "OutputFormat"]


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """One output: ``name`` as `-f` takes it, the ``suffix`` of its file after the flow's stem, and
    what makes it: ``writer``, "module:function" in :mod:`flowchart_cli.writers`, for a diagram;
    ``handout``, the format :func:`~flowchart_cli.handout.render_handout` takes, for a handout."""

    name: str
    suffix: str
    writer: str = ""
    handout: str = ""


FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("svg", ".svg", writer="svg:write_svg"),
        OutputFormat("png", ".png", writer="png:write_png"),
        OutputFormat("pdf", ".pdf", writer="pdf:write_pdf"),
        OutputFormat("drawio", ".drawio", writer="drawio:write_drawio"),
        OutputFormat("mermaid", ".mmd", writer="mermaid:write_mermaid"),
        OutputFormat("dot", ".dot", writer="dot:write_dot"),
        OutputFormat("html", ".handout.html", handout="html"),
        OutputFormat("handout-pdf", ".handout.pdf", handout="pdf"),
    )
}
"""Every output by name, diagrams first, in the order help texts list them."""

DIAGRAM_FORMATS: dict[str, OutputFormat] = {name: f for name, f in FORMATS.items() if f.writer}
"""The diagrams (what `render -f` takes)."""

HANDOUT_FORMATS: dict[str, OutputFormat] = {name: f for name, f in FORMATS.items() if f.handout}
"""The handouts, by their name among all outputs (html, handout-pdf)."""
