"""`render -f mermaid --mermaid 10`: classic bracket shapes that Mermaid 10 (GitLab < 19, Typora, HackMD) reads.

The slow test parses the output with Mermaid 10 itself, in Node with jsdom
(`npm install --prefix ~/.cache/mermaid10 mermaid@10 jsdom@24`, or point
``MERMAID10_MODULES`` at a node_modules folder holding both); it skips when
they are not installed. It also shows that the default (Mermaid 11) syntax is
what Mermaid 10 refuses.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner
from writer_diagrams import HOSTILE_FLOW, QUEJAS_FLOW, every_hostile_label, grid_diagram, load

from flowchart_cli.cli import app
from flowchart_cli.symbols import SYMBOLS
from flowchart_cli.writers import RenderOptions
from flowchart_cli.writers.mermaid import write_mermaid
from flowchart_cli.writers.mermaid_style import CLASSIC_SHAPES

HERE = Path(__file__).resolve().parent
TEN = RenderOptions(mermaid="10")
CLASSIC = re.compile(
    r'^(n\d+)(\(\[|\[\[|\[\(|\(\(|\[/|\[\\|\{\{|[\[({>])"([^"]*)"(\]\)|\]\]|\)\]|\)\)|/\]|\\\]|\}\}|[\])}])$'
)
EVERY_SYMBOL = "title: Todos\nsteps:\n" + "".join(
    f"  - {kind}: Paso {kind}\n" + ("    branches: {Sí: s2, 'No': s2}\n" if kind == "decision" else "")
    for kind in SYMBOLS
).replace("  - process: Paso process\n", "  - id: s2\n    process: Paso process\n")


def nodes(text: str) -> dict[str, tuple[str, str, str]]:
    """node id → (opening, label, closing) of every node line; no line may use the ``@{`` syntax."""
    assert "@{" not in text
    found = {}
    for line in text.splitlines():
        if m := CLASSIC.match(line.strip()):
            found[m.group(1)] = (m.group(2), m.group(3), m.group(4))
    return found


def test_every_mermaid_11_shape_of_the_symbol_table_has_a_classic_form() -> None:
    assert {row.mermaid_shape for row in SYMBOLS.values()} <= set(CLASSIC_SHAPES)


def test_each_symbol_gets_its_brackets() -> None:
    diagram = grid_diagram(load(EVERY_SYMBOL))
    found = nodes(write_mermaid(diagram, TEN))
    assert len(found) == len(SYMBOLS)
    by_label = {label: (opening, closing) for opening, label, closing in found.values()}
    assert by_label["Paso start"] == ("([", "])")
    assert by_label["Paso decision"] == ("{", "}")
    assert by_label["Paso subprocess"] == ("[[", "]]")
    assert by_label["Paso database"] == ("[(", ")]")
    assert by_label["Paso manual"] == ("[\\", "/]")
    assert by_label["Paso preparation"] == ("{{", "}}")
    assert by_label["Paso offpage"] == (">", "]")


def test_everything_but_the_nodes_is_the_same_as_mermaid_11() -> None:
    diagram = grid_diagram(load(QUEJAS_FLOW))
    eleven = write_mermaid(diagram, RenderOptions()).splitlines()
    ten = write_mermaid(diagram, TEN).splitlines()
    assert [a for a in eleven if "@{" not in a] == [b for b in ten if not CLASSIC.match(b.strip())]
    assert '    n2 -->|"Sí"| n3' in ten


def test_mono_uses_a_directive_that_mermaid_10_reads() -> None:
    mono = RenderOptions(theme="mono", mermaid="10")
    text = write_mermaid(grid_diagram(load(QUEJAS_FLOW), mono), mono)
    assert "config:" not in text
    assert '---\n%%{init: {"theme": "neutral"}}%%\nflowchart TD\n' in text


def test_hostile_labels_stay_inside_their_quotes() -> None:
    diagram = grid_diagram(load(HOSTILE_FLOW))
    found = nodes(write_mermaid(diagram, TEN))
    assert len(found) == len(diagram.nodes)


def test_the_cli_option(tmp_path: Path) -> None:
    flow = tmp_path / "q.flow.yaml"
    flow.write_text(QUEJAS_FLOW, encoding="utf-8")
    result = CliRunner().invoke(app, ["render", str(flow), "-f", "mermaid", "--mermaid", "10", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert nodes(result.stdout)
    wrong = CliRunner().invoke(app, ["render", str(flow), "-f", "mermaid", "--mermaid", "9"])
    assert wrong.exit_code == 2


def _modules() -> Path:
    folder = Path(os.environ.get("MERMAID10_MODULES", Path.home() / ".cache/mermaid10/node_modules"))
    if shutil.which("node") is None or not (folder / "mermaid/dist/mermaid.core.mjs").is_file():
        pytest.skip("Node with mermaid@10 and jsdom not installed (see this module's docstring)")
    if not (folder / "jsdom").is_dir():
        pytest.skip("jsdom not installed beside mermaid@10")
    return folder


@pytest.mark.slow
@pytest.mark.integration
def test_mermaid_10_parses_the_classic_output_and_refuses_the_default(tmp_path: Path, samples) -> None:
    modules = _modules()
    runner = CliRunner()
    for variant in ("10", "11"):
        out = tmp_path / variant
        result = runner.invoke(
            app, ["render", *map(str, samples), "-f", "mermaid", "--mermaid", variant, "-o", str(out), "-q"]
        )
        assert result.exit_code == 0, result.output
    hostile = tmp_path / "10" / "hostile.mmd"
    hostile.write_text(write_mermaid(grid_diagram(load(every_hostile_label())), TEN), encoding="utf-8")
    every = tmp_path / "10" / "every.mmd"
    every.write_text(write_mermaid(grid_diagram(load(EVERY_SYMBOL)), TEN), encoding="utf-8")

    def parse(files: list[Path]) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["node", str(HERE / "mermaid10_parse.mjs"), *map(str, files)],
            env={**os.environ, "MERMAID10_MODULES": str(modules)},
            capture_output=True,
            text=True,
            timeout=300,
        )

    classic = parse(sorted((tmp_path / "10").glob("*.mmd")))
    assert classic.returncode == 0, classic.stdout + classic.stderr
    assert classic.stdout.startswith("mermaid 10.")
    assert classic.stdout.count("\nok ") == len(samples) + 2
    modern = parse(sorted((tmp_path / "11").glob("*.mmd"))[:1])
    assert modern.returncode == 1 and "FAIL" in modern.stdout  # the issue: Mermaid 10 fails on `@{ shape }`
