"""OUT/index.md: every flow with links to its diagram and handout, for MkDocs or any static site."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote

__all__ = ["INDEX_NAME", "IndexRow", "index_markdown", "index_text"]

INDEX_NAME = "index.md"
DIAGRAMS = ("svg", "png", "pdf", "drawio", "mermaid", "dot")
LABELS = {
    "svg": "SVG",
    "png": "PNG",
    "pdf": "PDF",
    "drawio": "draw.io",
    "mermaid": "Mermaid",
    "dot": "DOT",
    "html": "handout",
    "handout-pdf": "handout (PDF)",
}
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")


@dataclass(frozen=True, slots=True)
class IndexRow:
    """A flow: its source path, title, and ``outputs`` as (format, path relative to OUT); none if not built."""

    source: str
    title: str
    outputs: tuple[tuple[str, str], ...] = ()


def _text(value: str) -> str:
    """Plain text that Markdown shows as written (no emphasis, links or HTML)."""
    flat = " ".join(value.split())
    return _SPECIAL.sub(r"\\\1", flat.replace("&", "&amp;"))


def _link(label: str, path: str) -> str:
    return f"[{label}]({quote(path)})"


def _line(row: IndexRow) -> str:
    title = _text(row.title or PurePosixPath(row.source).name)
    source = f"`{row.source.replace('`', '')}`"
    if not row.outputs:
        return f"- **{title}** ({source}) — not built: the flow has errors (run `flowchart check`)"
    outputs = dict(row.outputs)
    diagram = next((f for f in DIAGRAMS if f in outputs), None)
    head = _link(f"**{title}**", outputs[diagram]) if diagram else f"**{title}**"
    links = [_link(LABELS.get(fmt, fmt), path) for fmt, path in row.outputs]
    return f"- {head} ({source}) — {' · '.join(links)}"


def index_text(sources, manifest, formats: tuple[str, ...]) -> str:
    """The index of ``sources`` (discover.Source) as recorded in ``manifest``, linking ``formats``."""
    rows = []
    for source in sources:
        record = manifest.flows.get(source.rel)
        outputs = tuple((fmt, record.outputs[fmt].path) for fmt in formats if record and fmt in record.outputs)
        rows.append(IndexRow(source.rel, record.title if record else "", outputs))
    return index_markdown(rows)


def index_markdown(rows: list[IndexRow], *, heading: str = "Process flows") -> str:
    """The index text, grouped by folder; the same rows always give the same bytes."""
    lines = [f"# {heading}", "", "<!-- written by `flowchart build --index`; edits are overwritten -->"]
    folder = None
    for row in sorted(rows, key=lambda r: (str(PurePosixPath(r.source).parent), r.source)):
        parent = str(PurePosixPath(row.source).parent)
        if parent != folder:
            folder = parent
            lines += ["", f"## {_text(parent + '/') if parent != '.' else 'Top level'}", ""]
        lines.append(_line(row))
    if not rows:
        lines += ["", "No flow files found."]
    return "\n".join(lines) + "\n"
