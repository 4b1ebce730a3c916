"""`flowchart new`: write a starter flow file from one of the shipped templates.

Templates are the ``*.flow.yaml`` files in ``templates/new/``; a template's
name is its file name without ``.flow.yaml`` and its one-line description is
a ``# description:`` comment among its first lines. Adding a template is
adding a file.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_atomic
from ..model import output_stem
from ..resources import templates_dir
from .common import err_console, out_console

__all__ = ["DEFAULT_TEMPLATE", "Template", "available_templates", "run_new", "starter_text", "target_path"]

DEFAULT_TEMPLATE = "blank"
SUFFIX = ".flow.yaml"
SCHEMA_FILE = "flow.schema.json"
_HEADER_LINES = 5
_SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=.*$", re.MULTILINE)
_DESCRIPTION_LINE = re.compile(r"^# description:.*\n", re.MULTILINE)
_TITLE_LINE = re.compile(r"^title:.*$", re.MULTILINE)
_PLAIN_TITLE = re.compile(r"\w[\w .()-]*\w|\w")
_YAML_WORDS = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})
_NUMBER = re.compile(r"[-+]?[\d_.]+(e[-+]?\d+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Template:
    """A starter flow shipped with the program."""

    name: str
    description: str
    path: Path


def _description(path: Path) -> str:
    with path.open(encoding="utf-8") as handle:
        for _, line in zip(range(_HEADER_LINES), handle, strict=False):
            if line.startswith("# description:"):
                return line.removeprefix("# description:").strip()
    return ""


def available_templates() -> list[Template]:
    """The shipped templates, sorted by name."""
    folder = templates_dir() / "new"
    return [Template(p.name.removesuffix(SUFFIX), _description(p), p) for p in sorted(folder.glob(f"*{SUFFIX}"))]


def target_path(path: Path) -> Path:
    """The file to write: PATH as given if it ends in .yaml/.yml, else PATH + `.flow.yaml`."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return path
    return path.with_name(path.name + SUFFIX)


_LEADING_NUMBER = re.compile(r"^\d+[-_.\s]+(?=\S)")
"""`000-`, `12_`, `3. `: the ordering prefix of a file name, not part of the process's name."""


def _title_from(path: Path) -> str:
    """`000-etapas-atencion.flow.yaml` → `Etapas atencion`: no ordering number, spaces, a capital."""
    stem = _LEADING_NUMBER.sub("", output_stem(path))
    words = " ".join(re.split(r"[-_\s]+", stem)).strip()
    return words[:1].upper() + words[1:]


def _yaml_text(text: str) -> str:
    """``text`` as a YAML scalar: plain when that is safe, else double-quoted."""
    plain = _PLAIN_TITLE.fullmatch(text) and text.lower() not in _YAML_WORDS and not _NUMBER.fullmatch(text)
    return text if plain else json.dumps(text, ensure_ascii=False)


def _schema_hint(folder: Path) -> str | None:
    """Relative path to the nearest `flow.schema.json` in ``folder`` or above it."""
    start = folder.resolve()
    for candidate in (start, *start.parents):
        schema = candidate / SCHEMA_FILE
        if schema.is_file():
            return Path(os.path.relpath(schema, start)).as_posix()
    return None


def starter_text(template: Template, target: Path) -> tuple[str, bool]:
    """The template's text with a title from ``target``'s name and the schema path fixed.

    Returns the text and whether a `flow.schema.json` was found for the hint line.
    """
    text = _DESCRIPTION_LINE.sub("", template.path.read_text(encoding="utf-8"), count=1)
    title = _title_from(target)
    if title:
        text = _TITLE_LINE.sub(lambda _: f"title: {_yaml_text(title)}", text, count=1)
    schema = _schema_hint(target.parent)
    if schema is not None:
        text = _SCHEMA_LINE.sub(lambda _: f"# yaml-language-server: $schema={schema}", text, count=1)
    return text, schema is not None


def _print_list(templates: list[Template]) -> None:
    width = max(len(t.name) for t in templates)
    for t in templates:
        default = " (default)" if t.name == DEFAULT_TEMPLATE else ""
        out_console.print(f"{t.name:<{width}}  {t.description}{default}", markup=False)


def _usage(message: str) -> int:
    err_console.print(f"error: {message}", markup=False)
    return 2


def _find(templates: list[Template], name: str) -> Template | None:
    return next((t for t in templates if t.name == name), None)


def _unknown(templates: list[Template], name: str) -> int:
    names = [t.name for t in templates]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return _usage(f"unknown template '{name}'; {hint}choose one of: {', '.join(names)}")


def run_new(path: Path | None, template: str, *, list_templates: bool, force: bool) -> int:
    """Write a starter flow to ``path``; 0 when written, 2 on a usage problem."""
    templates = available_templates()
    if list_templates:
        _print_list(templates)
        return 0
    chosen = _find(templates, template.removesuffix(SUFFIX))
    if chosen is None:
        return _unknown(templates, template)
    if path is None:
        return _usage(
            "give the file to create, e.g. `flowchart new quejas.flow.yaml` "
            "(`flowchart new --list` shows the templates)"
        )
    if path.is_dir():
        return _usage(f"{path} is a folder; give the name of the file to create inside it")
    target = target_path(path)
    if target.is_dir():
        return _usage(f"{target} is a folder; give the name of the file to create")
    if target.exists() and not force:
        return _usage(f"{target} already exists; use --force to overwrite it")
    return _write(chosen, target)


def _write(template: Template, target: Path) -> int:

    text, has_schema = starter_text(template, target)
    try:
        write_atomic(target, text)
    except OSError as exc:
        return _usage(f"cannot write {target}: {exc.strerror or exc}")
    out_console.print(f"created {target} from template '{template.name}'", markup=False)
    title = _title_from(target)
    if title:
        out_console.print(
            f"its title is '{title}', made from the file name: edit `title:` to name the process", markup=False
        )
    if not has_schema:
        out_console.print(
            f"tip: `flowchart schema > {SCHEMA_FILE}` beside it gives completion in editors", markup=False
        )
    return 0
