"""Long outcome labels on a few balanced lines, set and measured alike by the layout and every writer."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from flowchart_cli.check import check_file
from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.outcome_text import NARROW, outcome_lines, outcome_size, wraps
from flowchart_cli.layout.text import text_width
from flowchart_cli.options import RenderOptions
from flowchart_cli.writers.dot import write_dot
from flowchart_cli.writers.drawio import write_drawio
from flowchart_cli.writers.svg import write_svg

SVG = "{http://www.w3.org/2000/svg}"
QA = Path(__file__).parent / "cases" / "qa"


def test_a_short_label_stays_on_one_line():
    assert outcome_lines("Sí, con factura", 12) == ("Sí, con factura",)
    assert outcome_lines("No seat on our flights", 12) == ("No seat on our flights",)


def test_merged_outcomes_break_after_their_separator():
    assert outcome_lines("Cancelled / Delayed over 3 h", 12) == ("Cancelled /", "Delayed over 3 h")
    assert outcome_lines("Sí, el titular / Sí, con poder simple", 12) == ("Sí, el titular /", "Sí, con poder simple")


@pytest.mark.parametrize(
    "label",
    [
        "Yes, council tax bill or tenancy agreement",
        "Não, fora do prazo de permanência / Não, está inadimplente",
        "Esperar, con descuento del 10 % / Cambiar por otro modelo disponible",
        "Más de 10 días o segunda vez que reclama",
    ],
)
def test_a_long_label_takes_balanced_lines_and_keeps_every_word(label):
    lines = outcome_lines(label, 12)
    assert len(lines) >= 2
    assert " ".join(lines).split() == label.split()
    widths = [text_width(line, 12, bold=True) for line in lines]
    assert max(widths) <= 230  # far narrower than the label on one line
    assert min(widths) >= 0.35 * max(widths)  # balanced: no word left alone on a line
    wide, tall = outcome_size(label, 12)
    assert wide == max(widths) and tall == pytest.approx((len(lines) - 1) * 12 * 1.25)


def test_labels_beside_a_left_to_right_flows_side_stubs_stay_on_one_line():
    """There a label's height, not its width, holds the line out."""
    assert not wraps("l", True) and not wraps("r", True)
    assert wraps("b", True) and wraps("l", False) and wraps("r", False) and wraps("b", False)
    assert outcome_lines("Cancelled / Delayed over 3 h", 12, False) == ("Cancelled / Delayed over 3 h",)


def _flight():
    return layout_flow(check_file(QA / "flight-rebooking.flow.yaml").flow)


def test_the_svg_sets_a_long_label_on_its_lines_inside_its_backing():
    d = _flight()
    edge = next(e for e in d.edges if e.label == "Cancelled / Delayed over 3 h")
    root = ET.fromstring(write_svg(d, RenderOptions()))
    texts = [t for t in root.iter(f"{SVG}text") if "".join(t.itertext()).startswith("Cancelled /")]
    assert len(texts) == 1
    spans = texts[0].findall(f"{SVG}tspan")
    assert [s.text for s in spans] == ["Cancelled /", "Delayed over 3 h"]
    ys = [float(s.get("y")) for s in spans]
    assert ys[1] - ys[0] == pytest.approx(edge.label_size * 1.25)
    box = edge.label_box
    assert box is not None and box.y < ys[0] and ys[1] < box.bottom  # both lines on the backing
    assert box.height > 2 * edge.label_size


def test_draw_io_and_dot_carry_the_same_lines():
    d = _flight()
    assert "Cancelled /&lt;br&gt;Delayed over 3 h" in write_drawio(d, RenderOptions())
    assert 'label="Cancelled /\\nDelayed over 3 h"' in write_dot(d, RenderOptions())


def test_each_line_of_a_long_label_has_a_backing_as_wide_as_itself():
    d = _flight()
    root = ET.fromstring(write_svg(d, RenderOptions()))
    for parent in root.iter():
        children = list(parent)
        for index, child in enumerate(children):
            if child.tag == f"{SVG}text" and "".join(child.itertext()).startswith("Cancelled /"):
                first, second = children[index - 2], children[index - 1]
                assert first.tag == second.tag == f"{SVG}rect"
                widths = [float(first.get("width")), float(second.get("width"))]
                assert widths[0] < widths[1]  # "Cancelled /" is the shorter line
                assert widths[0] == pytest.approx(text_width("Cancelled /", 12, bold=True) + 6, abs=0.01)
                assert float(first.get("y")) + float(first.get("height")) == pytest.approx(
                    float(second.get("y")), abs=0.01
                )
                return
    raise AssertionError("label not found")


def test_answers_joined_on_one_label_break_between_answers() -> None:
    """Review 9: "Pedágio 50% / Pedágio" over "100% / Pontos" read as four answers; each answer stays whole."""
    from flowchart_cli.layout.outcome_text import outcome_lines

    lines = outcome_lines("Pedágio 50% / Pedágio 100% / Pontos", 12)
    assert all(
        line.rstrip(" /") in ("Pedágio 50%", "Pedágio 100%", "Pontos", "Pedágio 50% / Pedágio 100%") for line in lines
    )
    assert " ".join(lines) == "Pedágio 50% / Pedágio 100% / Pontos"
    three = outcome_lines("Falta algún documento / Documento ilegible / Firma distinta", 12)
    assert three == ("Falta algún documento /", "Documento ilegible /", "Firma distinta")


@pytest.mark.parametrize(
    "label", ["Destinatário ausente", "Endereço não encontrado ou incompleto", "Changed mind / Faulty"]
)
def test_narrow_lines_never_cut_a_word(label):
    """Narrow lines are as wide as the widest word at the least: "Destinatári" over "o ausente" read as two
    words that are not there."""
    narrow = outcome_lines(label, 11, NARROW)
    assert len(narrow) >= 2
    assert " ".join(narrow).split() == label.split()
