"""The package's layers point down and no module imports itself round a circle.

Read from the source (every ``import`` and ``from … import``, also those inside
functions), so a cycle or an upward import fails here before it becomes an
import-order bug.  The layers, from the bottom: the model and small helpers;
loading, rules, layout, writers and analyze; then the handout, batch building,
the commands and the CLI.  See docs/architecture.md.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

from flowchart_cli.rules.paths import components

PACKAGE = "flowchart_cli"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE

LAYERS = (
    "model diagnostics errors symbols values words oneline printable messages catalog key_words durations options "
    "formats atomic regularfile gcpause dataclass_code resources links yamllines yamltraps yamlimport yamlsource stdio "
    "streams shares readable_time user_cache kept_data flow_description",
    "loading loader rules check schema importing",
    "layout",
    "writers report analyze",
    "handout",
    "pipeline diagram_cache markdown_blocks mkdocs_plugin",
    "batch commands git_staged settings serve",
    "cli start __main__",
)
"""The package's parts from the bottom up (docs/architecture.md): a part imports from its own layer and those below.
A part not listed counts as the top layer: anything may sit under it, nothing may import it until it is listed."""

LOWER = ("layout", "writers", "analyze", "loading", "loader", "rules")
"""Parts of the pipeline that come before the handout and the commands..."""
UPPER = ("handout", "batch", "commands", "cli")
"""...which therefore none of them may import."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _resolve(importer: str, node: ast.ImportFrom) -> str:
    """The absolute name of a ``from X import …`` statement's X."""
    if not node.level:
        return node.module or ""
    is_package = modules()[importer].name == "__init__.py"
    base = importer.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports_of(name: str) -> set[str]:
    """The package's modules that module ``name`` imports (a ``from pkg import sub`` names pkg.sub)."""
    known = modules()
    found: set[str] = set()
    for node in ast.walk(ast.parse(modules()[name].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(name, node)
            for alias in node.names:
                target = f"{source}.{alias.name}"
                found.add(target if target in known else source)
    return {m for m in found if m in known and m != name}


@cache
def graph() -> dict[str, frozenset[str]]:
    return {name: frozenset(imports_of(name)) for name in modules()}


def cycles(edges: dict[str, frozenset[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module, each sorted (the rules' own Tarjan)."""
    order = sorted(edges)
    groups = components(order, {name: sorted(edges[name]) for name in order})
    return sorted(sorted(group) for group in groups if len(group) > 1)


def _part(module: str) -> str:
    """The first name below the package: "layout" for flowchart_cli.layout.text."""
    return module.split(".")[1] if "." in module else ""


def test_the_reader_sees_the_imports_it_must() -> None:
    """The checks below are only as good as the import reading: a few known edges, one of each kind."""
    g = graph()
    assert f"{PACKAGE}.model" in g[f"{PACKAGE}.loader"]  # from .model import …
    assert f"{PACKAGE}.layout.geometry" in g[f"{PACKAGE}.writers.svg"]  # from ..layout.geometry import …
    assert f"{PACKAGE}.writers.escape" in g[f"{PACKAGE}.writers.svg"]  # from .escape import …
    assert len(g) > 100


def test_cycles_are_found() -> None:
    edges = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}
    assert cycles(edges) == [["a", "b", "c"]]
    assert cycles({"a": frozenset({"b"}), "b": frozenset()}) == []


def test_no_import_cycle() -> None:
    found = cycles(graph())
    assert not found, "modules that import each other round a circle:\n" + "\n".join(" ↔ ".join(c) for c in found)


@pytest.mark.parametrize("lower", LOWER)
def test_lower_layers_do_not_import_upper_ones(lower: str) -> None:
    upward = sorted(
        f"{module} imports {target}"
        for module, targets in graph().items()
        if _part(module) == lower
        for target in targets
        if _part(target) in UPPER
    )
    assert not upward, "\n".join(upward)


def _layer(part: str) -> int:
    if not part:  # the package's own __init__: its version, nothing else
        return 0
    return next((n for n, names in enumerate(LAYERS) if part in names.split()), len(LAYERS))


def test_every_import_points_down_the_layers() -> None:
    upward = sorted(
        f"{module} (layer {_layer(_part(module)) + 1}) imports {target} (layer {_layer(_part(target)) + 1})"
        for module, targets in graph().items()
        for target in targets
        if _layer(_part(target)) > _layer(_part(module))
    )
    assert not upward, "put the imported part lower (LAYERS, docs/architecture.md) or move the code:\n" + "\n".join(
        upward
    )


def test_the_layers_name_existing_parts_once() -> None:
    listed = [name for names in LAYERS for name in names.split()]
    assert len(listed) == len(set(listed))
    assert set(listed) <= {_part(m) for m in graph()}


def test_no_writer_imports_another_writer() -> None:
    """Each format's writer reads the geometry; what two share lives in a helper module, not in one of them."""
    from flowchart_cli.writers import FORMATS

    writers = {f"{PACKAGE}.writers.{f.writer.split(':')[0]}" for f in FORMATS.values()}
    assert len(writers) == len(FORMATS) >= 6
    crossing = sorted(f"{w} imports {t}" for w in writers for t in graph()[w] if t in writers)
    assert not crossing, "\n".join(crossing)
