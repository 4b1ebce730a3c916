"""What a valid value of a flow file is: ids, languages, links, refs, text without control characters.

The loader reports the problems (FC107, FC108, FC109); the JSON Schema reads
the same constants, so the two never disagree.
"""

from __future__ import annotations

import re
from pathlib import Path

from .links import LINK_SCHEMES, link_problem
from .messages import quoted

__all__ = [
    "CONTROL_CHARACTER",
    "DIRECTIONS",
    "FLOW_SUFFIXES",
    "LANGS",
    "LANG_NAMES",
    "LINK_SCHEMES",
    "REF_KINDS",
    "is_safe_link",
    "is_valid_id",
    "link_problem",
    "ref_problem",
]

LANGS = ("en", "es", "pt")
LANG_NAMES = {
    name: code
    for code, names in {
        "en": ("english", "inglés", "ingles", "inglês", "en-us", "en-gb"),
        "es": ("spanish", "español", "espanol", "castellano", "espanhol", "es-es", "es-mx", "es-419"),
        "pt": ("portuguese", "português", "portugues", "portugués", "pt-br", "pt-pt"),
    }.items()
    for name in names
}
"""Language names people write for `lang`, read as the code they meant (after FC108)."""
DIRECTIONS = ("TB", "LR")
REF_KINDS = ("subprocess", "offpage")
FLOW_SUFFIXES = (".yaml", ".yml")
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters no label may hold: C0/C1 controls (tab and newlines allowed), lone surrogates, non-characters."""


def is_valid_id(text: str) -> bool:
    """Letters of any script, digits, `_` and `-` only."""
    return bool(text) and all(ch.isalnum() or ch in "_-" for ch in text)


def is_safe_link(url: str) -> bool:
    """Whether ``url`` is a usable `link` (see :func:`~flowchart_cli.links.link_problem` for why not)."""
    return not link_problem(url)


def ref_problem(path: Path | None, ref: str) -> str:
    """Why ``ref`` is not a usable flow reference from ``path`` ('' when it is)."""
    if not ref.endswith(FLOW_SUFFIXES):
        return f"ref {quoted(ref)} is not a flow file (NAME.flow.yaml)"
    candidate = Path(ref)
    if candidate.is_absolute() or "://" in ref or ref.startswith(("\\", "~")):
        return f"ref {quoted(ref)} must be a path relative to this file"
    if path is None:
        return ""
    try:
        base = path.resolve().parent
        target = (base / candidate).resolve()
        if not target.is_relative_to(base):
            return f"ref {quoted(ref)} lies outside this file's folder; keep referenced flows beside or below it"
        if not target.is_file():
            return f"ref {quoted(ref)} does not exist (looked for {target.relative_to(base)})"
    except (OSError, ValueError, RuntimeError):
        return f"ref {quoted(ref)} is not a usable file name"
    return ""
