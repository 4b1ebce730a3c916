"""Review 8's wording defects, on its own flows (in tests/layout_cases): scenario totals in halves of a day, a
simulated figure in whole hours, a way back reached many ways counted, a connector's steps in order."""

from __future__ import annotations

import re
from pathlib import Path

import tinyhtml5
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.handout.diagram_view import printable
from flowchart_cli.handout.paper import paper
from flowchart_cli.handout.printed import print_plan
from flowchart_cli.loader import load_flow
from flowchart_cli.options import RenderOptions
from flowchart_cli.pipeline import laid_out_for_paper
from flowchart_cli.words import words

FLOWS = Path(__file__).parent / "layout_cases"
H = "{http://www.w3.org/1999/xhtml}"


def _page(tmp_path: Path, name: str) -> str:
    flow = tmp_path / f"{name}.flow.yaml"
    flow.write_bytes((FLOWS / f"{name}.flow.yaml").read_bytes())
    result = CliRunner().invoke(app, ["handout", str(flow), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    root = tinyhtml5.parse((tmp_path / f"{name}.handout.html").read_text(encoding="utf-8"))
    return " ".join("".join(root.itertext()).replace("\u00a0", " ").split())


def test_no_tenth_of_a_day_and_no_minutes_on_a_figure_of_many_hours(tmp_path) -> None:
    """ "2,2 dias úteis", "7.3–7.6 business days + 3.9–5.9 weeks" and "cerca de 32 h 47 min" before."""
    kyc = _page(tmp_path, "abertura-conta-kyc")
    assert "Metade dos casos termina em cerca de 33 h ou menos; 1 em cada 10 leva cerca de 6 dias ou mais." in kyc
    home = _page(tmp_path, "home-insurance-claim")
    for text in (kyc, home):
        tenths = re.findall(r"\d[.,](?!5)\d (?:dias|business days|days|weeks)", text)
        assert not tenths, tenths
    assert "7.5 business days + 4–6 weeks" in home


def test_a_way_back_reached_by_many_ways_round_counts_them(tmp_path) -> None:
    """ "pasos 9 → 12–16 → 20 → 21; 9 → 11 → 13–15 → 17–21; 9 → 11 → 13–16 → 20 → 21; …" before."""
    text = _page(tmp_path, "corte-suministro-agua")
    assert "por 5 caminos más: véanse en el diagrama)" in text
    assert "; …)" not in text
    assert "(la misma vuelta atrás llega también tras otras respuestas: pasos 9 → 11 → 13–15; 9–11 → 13–15)" in text


def test_a_connector_from_several_parts_lists_its_steps_in_order() -> None:
    """ "from parts 2 and 3, steps 7, 5, 9 and 10" before."""
    flow, _ = load_flow(FLOWS / "delivery-complaint.flow.yaml")
    plan = print_plan(flow, printable(laid_out_for_paper(flow, RenderOptions())), paper("a4"), words("en"))
    sources = [n.label for part in plan.parts for n in part.diagram.nodes if n.label.startswith("from parts")]
    assert sources, "no connector comes from two parts"
    for label in sources:
        numbers = [int(n) for n in re.findall(r"\d+", label.split("steps", 1)[1])]
        assert numbers == sorted(numbers), label


def test_one_scenario_left_over_is_shown_not_announced(tmp_path) -> None:
    """Review 9: "…and 1 more scenarios." under return-exchange's list: a line to say one is left out."""
    text = _page(tmp_path, "return-exchange")
    assert "more scenario" not in text  # was "…and 1 more scenarios."
    ends = ("(Return completed)", "(Return refused (outside window))", "(Return rejected)")
    assert sum(text.count(end) for end in ends) == 11  # the eleven ways through, each written out


def test_the_scenarios_heading_keeps_its_whole_opening_paragraph_on_its_page(tmp_path) -> None:
    """Reviews 8 and 9: "Cenários" and four lines of its opening paragraph sat at a page's foot, the rest
    overleaf; the paragraph now stays whole under its heading."""
    from pypdf import PdfReader

    flow = tmp_path / "abertura-conta-kyc.flow.yaml"
    flow.write_bytes((FLOWS / "abertura-conta-kyc.flow.yaml").read_bytes())
    result = CliRunner().invoke(app, ["handout", str(flow), "-f", "pdf", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    pages = [
        " ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "abertura-conta-kyc.handout.pdf").pages
    ]
    (opening,) = [text for text in pages if "Metade dos casos termina" in text]
    assert "Cenários" in opening and "Percursos do processo do início até um fim" in opening
