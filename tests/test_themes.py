"""Themes dark and auto (spec §8): contrast of every text, one SVG for both schemes, light elsewhere."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from svg_colours import dark_rules, texts_on_paint
from typer.testing import CliRunner

from flowchart_cli import cli
from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.theme import THEME_NAMES, THEMES, contrast_ratio
from flowchart_cli.loader import load_flow
from flowchart_cli.options import RenderOptions
from flowchart_cli.writers import writer
from flowchart_cli.writers.svg import svg_without_text, write_svg

FLOWS = sorted((Path(__file__).parent / "flows").glob("*.flow.yaml"))
CONTRAST = Path(__file__).parent / "browser" / "svg_contrast.js"

pytestmark = pytest.mark.slow  # every test lays flows out with Graphviz


def load_file(path: Path):
    flow, problems = load_flow(path)
    assert flow is not None, problems
    return flow


def _diagram(path: Path, theme: str, **extra):
    flow = load_file(path)
    return layout_flow(flow, RenderOptions(theme=theme, numbers=True, header=True, **extra))


def _worst(svg: str, scheme: str) -> tuple[float, str]:
    found = [(contrast_ratio(t.ink, behind), t.text) for t in texts_on_paint(svg, scheme) for behind in t.behind]
    assert len(found) > 20
    return min(found)


def test_cli_lists_every_theme():
    assert tuple(cli.Theme) == THEME_NAMES == ("default", "mono", "dark", "auto")


@pytest.mark.parametrize("path", FLOWS, ids=lambda p: p.name)
@pytest.mark.parametrize(
    ("theme", "scheme"), [("default", "light"), ("dark", "light"), ("auto", "light"), ("auto", "dark")]
)
def test_every_text_reaches_4_5_to_1(path, theme, scheme):
    svg = write_svg(_diagram(path, theme), RenderOptions())
    ratio, text = _worst(svg, scheme)
    assert ratio >= 4.5, f"{text!r} has contrast {ratio:.2f}"


def test_dark_draws_light_ink_on_dark_paint():
    dark = THEMES["dark"]
    svg = write_svg(_diagram(FLOWS[0], "dark"), RenderOptions())
    texts = texts_on_paint(svg)
    assert {t.ink for t in texts} <= {dark.ink, dark.label_ink}
    assert all(contrast_ratio(b, "#000000") < contrast_ratio(b, "#ffffff") for t in texts for b in t.behind)
    assert "<style>" not in svg and "fc-p-" not in svg  # a fixed palette needs no switch


def test_dark_symbols_keep_their_hues():
    """Each symbol's dark fill has the hue of its light one, so a green start stays green."""
    import colorsys

    dark = THEMES["dark"]
    for kind in ("start", "end", "decision", "io", "subprocess", "manual", "delay"):
        light_h = colorsys.rgb_to_hls(*(int(THEMES["default"].fill_for(kind)[i : i + 2], 16) / 255 for i in (1, 3, 5)))[
            0
        ]
        dark_h = colorsys.rgb_to_hls(*(int(dark.fill_for(kind)[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0]
        assert abs(light_h - dark_h) < 0.02, kind
    assert len({dark.fill_for(k) for k in ("start", "end", "decision", "io", "manual", "delay")}) == 6


def test_auto_is_the_light_drawing_plus_a_dark_block():
    light = write_svg(_diagram(FLOWS[0], "default"), RenderOptions())
    auto = write_svg(_diagram(FLOWS[0], "auto"), RenderOptions())
    assert "prefers-color-scheme: dark" in auto and 'class="fc-auto"' in auto
    assert '[data-md-color-scheme="slate"] svg.fc-auto' in auto  # MkDocs Material's dark scheme, inline
    assert "<style>" not in light and "fc-p-" not in light
    rules = dark_rules(auto)
    assert rules["fc-p-bg"]["fill"] == THEMES["dark"].background
    assert rules["fc-p-shape-decision"]["fill"] == THEMES["dark"].fill_for("decision")
    # without the block, the light colours: the attributes are the default theme's
    light_texts = [(t.text, t.ink, t.behind) for t in texts_on_paint(light)]
    assert [(t.text, t.ink, t.behind) for t in texts_on_paint(auto, "light")] == light_texts


@pytest.mark.parametrize("fmt", ["drawio", "mermaid", "dot"])
def test_auto_writes_the_light_colours_where_nothing_can_switch(fmt):
    default, auto = (_diagram(FLOWS[1], name) for name in ("default", "auto"))
    write = writer(fmt)
    assert write(auto, RenderOptions(theme="auto")) == write(default, RenderOptions())


def test_auto_paints_png_and_pdf_from_the_light_drawing():
    default, auto = (_diagram(FLOWS[1], name) for name in ("default", "auto"))
    assert svg_without_text(auto, RenderOptions()) == svg_without_text(default, RenderOptions())
    png = writer("png")(auto, RenderOptions())
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_every_theme_through_every_writer_and_the_handout(theme, tmp_path):
    out = tmp_path / theme
    result = CliRunner().invoke(
        cli.app,
        ["render", str(FLOWS[0]), "-f", "svg,png,pdf,drawio,mermaid,dot", "--theme", theme, "-o", str(out), "-q"],
    )
    assert result.exit_code == 0, result.output
    assert len(list(out.iterdir())) == 6
    result = CliRunner().invoke(cli.app, ["handout", str(FLOWS[0]), "--theme", theme, "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    (handout_page,) = out.glob("*.handout.html")
    page = handout_page.read_text(encoding="utf-8")
    assert ("prefers-color-scheme: dark" in page) == (theme == "auto")
    assert ("color-scheme: dark;" in page) == (theme == "dark")


def test_auto_handout_pdf_is_light(tmp_path):
    """The paper copy of an `auto` handout draws the light colours (no switching block reaches WeasyPrint)."""
    from flowchart_cli.handout import html as handout_html
    from flowchart_cli.handout import render_handout

    flow = load_file(FLOWS[1])
    seen: list[str] = []
    original = handout_html.render_html

    def spy(view, template_dir=None):
        text = original(view, template_dir)
        seen.append(text)
        return text

    handout_html.render_html = spy
    try:
        pdf = render_handout(flow, _diagram(FLOWS[1], "auto"), "pdf")
    finally:
        handout_html.render_html = original
    assert pdf.startswith(b"%PDF")
    assert seen and "svg.fc-auto" not in seen[0]
    html = render_handout(flow, _diagram(FLOWS[1], "auto"), "html").decode("utf-8")
    assert "svg.fc-auto" in html


def _browser_contrast(svg_path: Path, scheme: str, *extra: str) -> dict:
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    result = subprocess.run(
        ["node", str(CONTRAST), str(svg_path), "--scheme", scheme, *extra], capture_output=True, text=True, timeout=120
    )
    if result.returncode == 3:
        pytest.skip(result.stderr.strip())
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("theme", "scheme", "extra", "dark"),
    [
        ("auto", "light", (), False),
        ("auto", "dark", (), True),
        ("auto", "light", ("--slate",), True),
        ("dark", "light", (), True),
        ("default", "dark", (), False),
    ],
)
def test_contrast_as_chromium_paints_it(tmp_path, theme, scheme, extra, dark):
    """Chromium applies the scheme (emulated prefers-color-scheme, or Material's slate attribute)."""
    path = tmp_path / "flow.svg"
    path.write_text(write_svg(_diagram(FLOWS[0], theme), RenderOptions()), encoding="utf-8")
    report = _browser_contrast(path, scheme, *extra, "--png", str(tmp_path / "shot.png"))
    assert report["texts"] > 30
    assert report["failures"] == [] and report["worst"] >= 4.5
    assert (report["worst"] < 10) == dark, report  # light texts measure 10.8 and up, dark ones 7.6 to 10
    assert (tmp_path / "shot.png").stat().st_size > 10_000


def test_markdown_fence_and_mkdocs_default_to_auto():
    from flowchart_cli.markdown_blocks import FENCE_OPTIONS
    from flowchart_cli.mkdocs_plugin import FlowchartConfig

    assert FENCE_OPTIONS["theme"] == THEME_NAMES
    config = FlowchartConfig()
    config.load_dict({})
    assert not config.validate()[0]
    assert config.theme == "auto"
    import inspect

    assert inspect.signature(cli.markdown).parameters["theme"].default == cli.Theme.auto
    assert replace(RenderOptions(), theme="auto").theme == "auto"


@pytest.mark.parametrize(("syntax", "expected"), [("11", "config:\n  theme: dark\n---\n"), ("10", '{"theme": "dark"}')])
def test_dark_mermaid_asks_for_mermaids_dark_theme(syntax, expected):
    """Our dark fills need Mermaid's light lines and edge labels around them."""
    text = writer("mermaid")(_diagram(FLOWS[0], "dark"), RenderOptions(theme="dark", mermaid=syntax))
    assert expected in text and THEMES["dark"].fill_for("start") in text


def test_auto_handout_parts_keep_each_lanes_colour_pair(tmp_path):
    """A printed part keeps the whole flow's lane colours; its dark ones must be the same lanes' dark colours."""
    import re

    from flowchart_cli.handout import render_handout

    big = tmp_path / "grande.flow.yaml"
    lanes = ["Cliente", "Recepción", "Técnico", "Almacén", "Facturación"]
    steps = [f"  - process: Paso {n} del caso\n    lane: {lanes[(n * 3) % 5]}\n" for n in range(1, 70)]
    big.write_text(
        "title: Caso largo\nlang: es\nsteps:\n  - start: Empieza\n    lane: Cliente\n"
        + "".join(steps)
        + "  - end: Fin\n",
        encoding="utf-8",
    )
    page = render_handout(load_file(big), _diagram(big, "auto"), "html").decode("utf-8")
    assert page.count("<svg") > 3  # the overview and its parts
    light = THEMES["default"].lane_fills
    for name, fill in re.findall(r'class="fc-p-lane(\d+)" fill="(#[0-9a-f]{6})"', page):
        assert light[int(name)] == fill
