"""Options reach the handout's diagram through the same geometry as the diagram files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flowchart_cli.check import check_file
from flowchart_cli.options import RenderOptions
from flowchart_cli.pipeline import render_payloads

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "gestion-quejas.flow.yaml"


@pytest.mark.slow
def test_mono_theme_reaches_the_handout_diagram_and_it_carries_step_numbers() -> None:
    flow = check_file(SAMPLE).flow
    payloads = render_payloads(flow, ["svg", "html"], RenderOptions(theme="mono"))
    svg, html = payloads["svg"], payloads["html"]
    html = html.decode() if isinstance(html, bytes) else html
    inline = [s for s in re.findall(r"<svg\b.*?</svg>", html, re.S) if "fc-step" in s]
    assert inline  # the diagram (on A4 this flow is an overview and its parts); legend icons hold no steps
    for picture in (*inline, svg):
        colours = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', picture))
        assert colours <= {"#ffffff", "#000000"}, colours
    numbers = {int(n) for drawing in inline for n in re.findall(r'class="fc-number"[^>]*>(\d+)<', drawing)}
    assert sorted(numbers) == list(range(1, len(flow.steps) + 1))
