"""`flowchart import`: flowcharts drawn elsewhere (draw.io, Mermaid, Visio) as flow files.

Each reader turns its format into one neutral drawn graph (:mod:`.drawn`);
:mod:`.flow_draft` makes that the flow a person would have written and
:mod:`.yaml_text` types it out.  Nothing here writes files: see
:mod:`flowchart_cli.commands.import_`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .drawio import PageNotFound
from .drawn import DrawnGraph, ImportFailure
from .flow_draft import draft_flow
from .safexml import MAX_DRAWING
from .yaml_text import flow_yaml

__all__ = ["SUFFIXES", "ImportFailure", "Imported", "PageNotFound", "import_drawing", "read_drawing"]

SUFFIXES = {
    ".drawio": "drawio",
    ".xml": "drawio",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
    ".md": "mermaid",
    ".vsdx": "vsdx",
}


@dataclass(frozen=True)
class Imported:
    """The flow file's text and the notes about what was guessed: (step name or ``None``, text)."""

    text: str
    notes: tuple[tuple[str | None, str], ...]


def read_drawing(path: Path, data: bytes, page: int) -> DrawnGraph:
    """The drawn graph of ``data`` (the bytes of ``path``), read by the reader its extension names."""
    kind = SUFFIXES.get(path.suffix.lower())
    title = _title_from(path)
    if kind == "drawio":
        from .drawio import read_drawio

        return read_drawio(_sized(data), title, page)
    if kind == "mermaid":
        from .mermaid import read_mermaid

        return read_mermaid(_text(_sized(data)), title, markdown=path.suffix.lower() == ".md")
    if kind == "vsdx":
        from .vsdx import read_vsdx

        return read_vsdx(data, title, page)
    known = ", ".join(SUFFIXES)
    raise ImportFailure(f"cannot tell the format from the extension {path.suffix or '(none)'!r}; use one of {known}")


def import_drawing(path: Path, data: bytes, page: int = 1) -> Imported:
    graph = read_drawing(path, data, page)
    draft = draft_flow(graph, path.name if page == 1 else f"{path.name}, page {page}")
    notes: list[tuple[str | None, str]] = [(None, note) for note in draft.notes]
    for number, step in enumerate(draft.steps, 1):
        notes += [(step.name(number), note) for note in step.notes]
    return Imported(flow_yaml(draft), tuple(notes))


def _sized(data: bytes) -> bytes:
    if len(data) > MAX_DRAWING:
        raise ImportFailure(f"the drawing is larger than {MAX_DRAWING // (1024 * 1024)} MB; not read")
    return data


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailure(f"not UTF-8 text (byte {exc.start + 1})") from None


def _title_from(path: Path) -> str:
    """`atencion-cliente.drawio` → `Atencion cliente`."""
    stem = path.name
    for suffix in (".drawio.xml", *SUFFIXES):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    words = " ".join(stem.replace("_", " ").replace("-", " ").split())
    return (words[:1].upper() + words[1:]) or "Imported flow"
