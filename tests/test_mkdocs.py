"""The MkDocs plugin: fences and image tags rendered by a real `mkdocs build --strict`, errors at Markdown lines.

The slow tests build a small site in a temporary folder with the installed
`mkdocs` (the plugin is found through its `mkdocs.plugins` entry point); the
fast ones test the SVG cache that keeps `mkdocs serve` from laying out an
unchanged flow again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from flowchart_cli.diagram_cache import DiagramCache
from flowchart_cli.loader import load_text
from flowchart_cli.writers import RenderOptions

HERE = Path(__file__).resolve().parent
GOOD = (HERE / "cases" / "ok_atencion.flow.yaml").read_text(encoding="utf-8")
BROKEN = (HERE / "cases" / "err_fc105.flow.yaml").read_text(encoding="utf-8")  # line 7: `No: avisar`
FIXED = BROKEN.replace("No: avisar", "No: avisr")
MKDOCS = Path(sys.executable).with_name("mkdocs")
SVG = "{http://www.w3.org/2000/svg}"


def test_the_plugin_is_registered_as_flowchart() -> None:
    [plugin] = [e for e in entry_points(group="mkdocs.plugins") if e.name == "flowchart"]
    assert plugin.value == "flowchart_cli.mkdocs_plugin:FlowchartPlugin"
    assert plugin.load().__name__ == "FlowchartPlugin"


def test_the_cache_draws_an_unchanged_flow_once(tmp_path: Path, monkeypatch) -> None:
    cache = DiagramCache()
    monkeypatch.setattr(cache, "_draw", lambda result, options: f"<svg>{result.flow.title}</svg>")
    options = RenderOptions()
    first = cache.render(GOOD, path=tmp_path / "a.flow.yaml", display="a.md", options=options)
    again = cache.render(GOOD, path=tmp_path / "a.flow.yaml", display="a.md", options=options, line_offset=3)
    assert first.svg == again.svg and first.svg.startswith("<svg>")
    assert _draws(cache) == 1
    cache.render(GOOD.replace("cinco", "seis"), path=tmp_path / "a.flow.yaml", display="a.md", options=options)
    cache.render(GOOD, path=tmp_path / "a.flow.yaml", display="a.md", options=RenderOptions(theme="mono"))
    assert _draws(cache) == 3


def _draws(cache: DiagramCache) -> int:
    return len(cache._svgs)


def test_a_broken_flow_is_not_drawn_and_its_lines_are_moved(tmp_path: Path) -> None:
    cache = DiagramCache()
    rendered = cache.render(
        BROKEN, path=tmp_path / "b.flow.yaml", display="docs/b.md", options=RenderOptions(), line_offset=10
    )
    assert rendered.svg is None
    [error] = [d for d in rendered.result.diagnostics if d.is_error]
    assert (error.path, error.line, error.column, error.code) == ("docs/b.md", 17, 11, "FC105")
    assert cache.renders == 0


def _site(root: Path, roto: str) -> Path:
    (root / "docs" / "flows").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        "site_name: Procesos\nuse_directory_urls: true\nplugins:\n  - flowchart:\n      theme: mono\n",
        encoding="utf-8",
    )
    (root / "docs" / "flows" / "atencion.flow.yaml").write_text(GOOD, encoding="utf-8")
    (root / "docs" / "index.md").write_text(
        "# Procesos\n\nUn flujo en la página:\n\n```flow edges=spline\n"
        + GOOD
        + "```\n\nY uno como imagen:\n\n![Atención](flows/atencion.flow.yaml)\n\n"
        "```markdown\n![ejemplo, no se toca](flows/atencion.flow.yaml)\n```\n",
        encoding="utf-8",
    )
    (root / "docs" / "guia").mkdir()
    (root / "docs" / "guia" / "roto.md").write_text("# Roto\n\nTexto.\n\n```flow\n" + roto + "```\n", encoding="utf-8")
    return root


def _build(root: Path) -> subprocess.CompletedProcess:
    if not MKDOCS.exists():
        pytest.skip("mkdocs is not installed (the dev group installs it)")
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.slow
@pytest.mark.integration
def test_strict_build_fails_at_the_markdown_line_then_builds_with_our_svg(tmp_path: Path) -> None:
    root = _site(tmp_path, BROKEN)
    failed = _build(root)
    assert failed.returncode != 0
    # the fence opens on line 5 of roto.md; the flow's line 7 is the Markdown's line 12
    assert (
        "flowchart: docs/guia/roto.md:12:11: error FC105: branch 'No' points to unknown step 'avisar'" in failed.stderr
    )
    assert "Aborted" in failed.stdout + failed.stderr

    (root / "docs" / "guia" / "roto.md").write_text("# Roto\n\n```flow\n" + FIXED + "```\n", encoding="utf-8")
    shutil.rmtree(root / "site", ignore_errors=True)
    built = _build(root)
    assert built.returncode == 0, built.stderr

    page = (root / "site" / "index.html").read_text(encoding="utf-8")
    start = page.index('<div class="fc-diagram"')
    svg = page[page.index("<svg", start) : page.index("</svg>", start) + len("</svg>")]
    tree = ET.fromstring(svg)
    steps = [g for g in tree.iter(f"{SVG}g") if "fc-step" in g.get("class", "").split()]
    assert len(steps) == len(load_text(GOOD)[0].steps)
    assert tree.get("aria-labelledby") == "fc-title-1 fc-desc-1"
    assert '<img alt="Atención" src="flows/atencion.svg"' in page
    assert "![ejemplo, no se toca](flows/atencion.flow.yaml)" in page  # code blocks are left alone
    image = ET.parse(root / "site" / "flows" / "atencion.svg").getroot()
    assert any("fc-step" in g.get("class", "") for g in image.iter(f"{SVG}g"))
    assert "fc-step" in (root / "site" / "guia" / "roto" / "index.html").read_text(encoding="utf-8")
    assert not (root / "docs" / "flows" / "atencion.svg").exists()  # nothing written into docs/


@pytest.mark.slow
@pytest.mark.integration
def test_an_image_tag_to_a_broken_or_missing_flow_names_the_page_line_and_the_flow_line(tmp_path: Path) -> None:
    root = _site(tmp_path, FIXED)
    (root / "docs" / "flows" / "rota.flow.yaml").write_text(BROKEN, encoding="utf-8")
    (root / "docs" / "rotas.md").write_text(
        "# Rotas\n\n![Rota](flows/rota.flow.yaml)\n\n![Falta](flows/falta.flow.yaml)\n", encoding="utf-8"
    )
    failed = _build(root)
    assert failed.returncode != 0
    assert "docs/rotas.md:3:1: image flows/rota.flow.yaml: the flow has 1 error(s)" in failed.stderr
    assert "docs/flows/rota.flow.yaml:7:11: error FC105" in failed.stderr
    assert "docs/rotas.md:5:1: image flows/falta.flow.yaml: no such flow file in the docs" in failed.stderr


@pytest.mark.slow
def test_a_second_build_with_the_same_plugin_renders_nothing_again(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = _site(tmp_path, FIXED)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["flowchart"]
    build(config)
    first = plugin.cache.renders
    assert first == 3  # the fence, the fixed fence, the image's flow
    build(config)
    assert plugin.cache.renders == first
    (root / "docs" / "flows" / "atencion.flow.yaml").write_text(GOOD.replace("cinco", "seis"), encoding="utf-8")
    build(config)
    assert plugin.cache.renders == first + 1


@pytest.mark.slow
def test_an_image_tag_shown_as_inline_code_is_left_alone(tmp_path: Path) -> None:
    root = _site(tmp_path, GOOD)
    page = "# Ejemplo\n\nEscriba `![Quejas](flows/falta.flow.yaml)` o ``![x](`otra`.flow.yaml)`` en la página.\n"
    (root / "docs" / "ejemplo.md").write_text(page, encoding="utf-8")
    built = _build(root)
    assert built.returncode == 0, built.stderr
    html = (root / "site" / "ejemplo" / "index.html").read_text(encoding="utf-8")
    assert "flows/falta.flow.yaml" in html and "<img" not in html.split("Ejemplo", 1)[1].split("</article>")[0]
