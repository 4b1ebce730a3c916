"""OUT/index.md: every flow with links to its diagram and handout, for MkDocs or any static site.

The page speaks the flows' language: the most common `lang` among them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote

__all__ = ["INDEX_MARK", "INDEX_NAME", "INDEX_WORDS", "IndexRow", "index_lang", "index_markdown", "index_text"]

INDEX_NAME = "index.md"
INDEX_MARK = "<!-- written by `flowchart build --index`; edits are overwritten -->"
"""The line that tells the build's own index.md from a page someone else wrote (never replaced without --force)."""
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
_LANG = re.compile(r"""^lang:[ \t]*["']?([A-Za-z]+)["']?[ \t]*(?:#.*)?$""", re.M)
INDEX_WORDS = {
    "en": {
        "heading": "Process flows",
        "top": "Top level",
        "not_built": "not built: the flow has errors (run `flowchart check`)",
        "empty": "No flow files found.",
        "html": "handout",
        "handout-pdf": "handout (PDF)",
    },
    "es": {
        "heading": "Flujos de proceso",
        "top": "Carpeta principal",
        "not_built": "sin generar: el flujo tiene errores (ejecute `flowchart check`)",
        "empty": "No se encontraron archivos de flujo.",
        "html": "manual",
        "handout-pdf": "manual (PDF)",
    },
    "pt": {
        "heading": "Fluxos de processo",
        "top": "Pasta principal",
        "not_built": "não gerado: o fluxo tem erros (execute `flowchart check`)",
        "empty": "Nenhum arquivo de fluxo encontrado.",
        "html": "manual",
        "handout-pdf": "manual (PDF)",
    },
}


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


def _line(row: IndexRow, words: dict[str, str]) -> str:
    title = _text(row.title or PurePosixPath(row.source).name)
    source = f"`{row.source.replace('`', '')}`"
    if not row.outputs:
        return f"- **{title}** ({source}) — {words['not_built']}"
    outputs = dict(row.outputs)
    diagram = next((f for f in DIAGRAMS if f in outputs), None)
    head = _link(f"**{title}**", outputs[diagram]) if diagram else f"**{title}**"
    links = [_link(words.get(fmt) or LABELS.get(fmt, fmt), path) for fmt, path in row.outputs]
    return f"- {head} ({source}) — {' · '.join(links)}"


def index_text(sources, manifest, formats: tuple[str, ...]) -> str:
    """The index of ``sources`` (discover.Source) as recorded in ``manifest``, linking ``formats``."""
    rows = []
    for source in sources:
        record = manifest.flows.get(source.rel)
        outputs = tuple((fmt, record.outputs[fmt].path) for fmt in formats if record and fmt in record.outputs)
        rows.append(IndexRow(source.rel, record.title if record else "", outputs))
    return index_markdown(rows, lang=index_lang(source.path for source in sources))


def index_lang(paths) -> str:
    """The most common `lang` of the flow files at ``paths`` (the first met wins a tie; default en)."""
    found: Counter[str] = Counter()
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        match = _LANG.search(text)
        lang = match.group(1).lower() if match else "en"
        found[lang if lang in INDEX_WORDS else "en"] += 1
    return found.most_common(1)[0][0] if found else "en"


def index_markdown(rows: list[IndexRow], *, heading: str | None = None, lang: str = "en") -> str:
    """The index text in ``lang``, grouped by folder; the same rows always give the same bytes."""
    words = INDEX_WORDS.get(lang, INDEX_WORDS["en"])
    heading = heading or words["heading"]
    lines = [f"# {heading}", "", INDEX_MARK]
    folder = None
    for row in sorted(rows, key=lambda r: (str(PurePosixPath(r.source).parent), r.source)):
        parent = str(PurePosixPath(row.source).parent)
        if parent != folder:
            folder = parent
            lines += ["", f"## {_text(parent + '/') if parent != '.' else words['top']}", ""]
        lines.append(_line(row, words))
    if not rows:
        lines += ["", words["empty"]]
    return "\n".join(lines) + "\n"
