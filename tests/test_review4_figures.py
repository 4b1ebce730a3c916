"""Review 4 #10/#11/#13/#14/#15: read from the real outputs (handout HTML and PDF, analyze text and JSON) of the
reviewer's six flows (in tests/layout_cases): the handout and `analyze --simulate` say the same figures, which
agree with the JSON's minutes, in one unit; scenario durations, loops and cut labels as a trainee reads them."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import pytest
import tinyhtml5
from pypdf import PdfReader
from typer.testing import CliRunner

from flowchart_cli.cli import app

FLOWS = Path(__file__).resolve().parent / "layout_cases"  # the review 4 flows are among them
H = "{http://www.w3.org/1999/xhtml}"
UNIT_MINUTES = {
    "business day": 480, "business days": 480, "working day": 480, "working days": 480,
    "día hábil": 480, "días hábiles": 480, "dia útil": 480, "dias úteis": 480,
    "day": 1440, "days": 1440, "día": 1440, "días": 1440, "dia": 1440, "dias": 1440,
    "week": 10080, "weeks": 10080, "semana": 10080, "semanas": 10080,
}  # fmt: skip
FIGURE = re.compile(
    r"(?P<number>\d+(?:[.,]\d)?)\s(?P<unit>business days?|working days?|días? hábil(?:es)?|dias? út(?:il|eis)|"
    r"days?|días?|dias?|weeks?|semanas?)|(?:(?P<hours>\d+)\sh)?(?:\s?(?P<minutes>\d+)\smin)?"
)


def minutes_said(text: str) -> tuple[float, float]:
    """ "6.5 business days" → (3120, 120): the minutes a figure says and half the step it was rounded to."""
    text = text.replace("\u00a0", " ").strip()
    match = FIGURE.fullmatch(text)
    assert match and (match["number"] or match["hours"] or match["minutes"]), text
    if match["number"]:
        number = float(match["number"].replace(",", "."))
        step = 1 if number >= 10 else 0.5  # halves under ten (review 8)
        unit = UNIT_MINUTES[match["unit"]]
        return number * unit, step * unit / 2
    minutes = int(match["hours"] or 0) * 60 + int(match["minutes"] or 0)
    return minutes, 30 if minutes >= 600 else 0.5  # whole hours from ten


def simulation_json(flow: Path) -> dict:
    result = CliRunner().invoke(app, ["analyze", "--simulate", "--format", "json", str(flow)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["files"][0]["simulation"]


def analyze_text_figures(flow: Path) -> tuple[str, str]:
    """The median and the 90th percentile as the text report prints them."""
    result = CliRunner().invoke(app, ["analyze", "--simulate", str(flow)])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if "90th percentile" in x)
    found = re.search(r"median (.+?) · 90th percentile (.+)$", line)
    assert found, line
    return found[1], found[2]


def headline(html: str) -> str:
    root = tinyhtml5.parse(html)
    (typical,) = [p for p in root.iter(f"{H}p") if p.get("class") == "typical-case"]
    return " ".join("".join(typical.find(f"{H}strong").itertext()).split())


HEADLINE_FIGURES = {
    "en": r"end in about (.+?) or less; 1 in 10 takes about (.+?) or more\.",
    "es": r"termina en (?:un[oa]s|alrededor de) (.+?) o menos; "
    r"1 de cada 10 tarda (?:un[oa]s|alrededor de) (.+?) o más\.",
    "pt": r"termina em cerca de (.+?) ou menos; 1 em cada 10 leva cerca de (.+?) ou mais\.",
}


def handout_figures(text: str, lang: str) -> tuple[str, str]:
    found = re.search(HEADLINE_FIGURES[lang], text.replace("\u00a0", " "))
    assert found, text
    return found[1], found[2]


@pytest.mark.parametrize(
    ("name", "lang"),
    [("invoice-dispute", "en"), ("cartao-perdido", "pt"), ("matricula-escolar", "pt"), ("telehealth-triage", "en"),
     ("corte-suministro", "es"), ("danos-vehiculo", "es")],
)  # fmt: skip
def test_handout_and_analyze_say_the_json_s_median_and_90th_percentile(tmp_path, name: str, lang: str) -> None:
    flow = tmp_path / f"{name}.flow.yaml"
    flow.write_bytes((FLOWS / f"{name}.flow.yaml").read_bytes())
    duration = simulation_json(flow)["duration"]
    result = CliRunner().invoke(app, ["handout", str(flow), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    printed = handout_figures(headline((tmp_path / f"{name}.handout.html").read_text(encoding="utf-8")), lang)
    reported = analyze_text_figures(flow)
    for key, in_handout, in_report in zip(("p50", "p90"), printed, reported, strict=True):
        handout_minutes, handout_slack = minutes_said(in_handout)
        report_minutes, report_slack = minutes_said(in_report)
        assert abs(handout_minutes - duration[key]) <= handout_slack + 1e-6, (key, in_handout, duration[key])
        assert abs(report_minutes - duration[key]) <= report_slack + 1e-6, (key, in_report, duration[key])
        assert (handout_minutes, handout_slack) == (report_minutes, report_slack), (in_handout, in_report)


def test_the_printed_handout_says_the_same_90th_percentile(tmp_path) -> None:
    """The PDF (read with pypdf) prints the figure of the HTML: 6 business days, the JSON's 2,973.8 min."""
    flow = tmp_path / "invoice-dispute.flow.yaml"
    flow.write_bytes((FLOWS / "invoice-dispute.flow.yaml").read_bytes())
    result = CliRunner().invoke(app, ["handout", str(flow), "-f", "pdf", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    pages = PdfReader(tmp_path / "invoice-dispute.handout.pdf").pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    _, p90 = handout_figures(text, "en")
    assert minutes_said(p90)[0] == pytest.approx(6 * 480)
    assert abs(minutes_said(p90)[0] - simulation_json(flow)["duration"]["p90"]) <= 120  # half of half a day


def handout_html(tmp_path: Path, name: str) -> str:
    flow = tmp_path / f"{name}.flow.yaml"
    flow.write_bytes((FLOWS / f"{name}.flow.yaml").read_bytes())
    result = CliRunner().invoke(app, ["handout", str(flow), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    return (tmp_path / f"{name}.handout.html").read_text(encoding="utf-8")


def test_the_headline_speaks_the_scenarios_unit_and_says_equal_odds(tmp_path) -> None:
    """Review 4 #11: matrícula's "3,7 dias … 3,4 semanas" (24-hour days) above scenarios all in "dias úteis", and
    cartão's bold "Metade dos casos termina em menos de 15 min" that came only from equal odds."""
    # matrícula's weeks of waiting carry more of its time than its business days of work: its figures stay in
    # days and weeks (in dias úteis a chargeback's 45-day wait read "135 días hábiles", its typical case "316
    # días hábiles"), and the page says how a business day counts in them
    page = handout_html(tmp_path, "matricula-escolar")
    matricula = headline(page)
    p50, p90 = handout_figures(matricula, "pt")
    assert p50.endswith(("dias", "semanas")) and p90.endswith(("dias", "semanas")), matricula
    assert "Nestes números cada dia útil conta como 8 h (um terço de dia)" in " ".join(page.split())
    cartao = headline(handout_html(tmp_path, "cartao-perdido"))
    assert cartao.startswith("Supondo que cada resposta de cada decisão ocorre com a mesma frequência (o fluxo não "
                             "indica proporções), metade dos casos termina em cerca de 15 min ou menos")  # fmt: skip
    invoice = headline(handout_html(tmp_path, "invoice-dispute"))  # every decision has shares: a plain statement
    assert invoice.startswith("Half of the cases end in about")


def scenario_times(html: str) -> list[str]:
    root = tinyhtml5.parse(html)
    return [" ".join("".join(s.itertext()).split()) for s in root.iter(f"{H}span") if s.get("class") == "duration"]


def test_scenario_durations_read_as_one_range_each_and_in_hours_under_a_day_and_a_half(tmp_path) -> None:
    """Review 4 #13: "12–13 dias úteis + 7 dias – 4 semanas" (read as a range up to 4 weeks) and "1,1 días
    hábiles" for 8 h 55 min."""
    matricula = scenario_times(handout_html(tmp_path, "matricula-escolar"))
    assert "1–4 semanas" in matricula
    assert not any("dias – " in t or "dias úteis – " in t for t in matricula), matricula
    danos = scenario_times(handout_html(tmp_path, "danos-vehiculo"))
    assert "8 h 55 min" in danos and "1,1 días hábiles" not in danos, danos


DURATION_CUT = re.compile(r"(?:· [\d.,]+|\d (?:h|min))\s?–$")
"""A line that ends inside a duration range: "· 8,2–" or "1 h 58 min –" (the rest on the next line)."""


@pytest.mark.parametrize("name", ["danos-vehiculo", "telehealth-triage"])
def test_a_scenario_s_duration_never_breaks_across_lines_in_the_pdf(tmp_path, name: str) -> None:
    flow = tmp_path / f"{name}.flow.yaml"
    flow.write_bytes((FLOWS / f"{name}.flow.yaml").read_bytes())
    result = CliRunner().invoke(app, ["handout", str(flow), "-f", "pdf", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = "\n".join(p.extract_text() for p in PdfReader(tmp_path / f"{name}.handout.pdf").pages).splitlines()
    assert any(("·" in line and "responsa" in line) or "parties" in line for line in lines)  # the scenarios are read
    cut = [line for line in lines if DURATION_CUT.search(line.replace("\u00a0", " ").rstrip())]
    assert not cut, cut


def analyze_text(flow: Path) -> str:
    result = CliRunner().invoke(app, ["analyze", "--simulate", str(flow)])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("name", "steps"), [("invoice-dispute", 14), ("telehealth-triage", 26), ("corte-suministro", 22)]
)
def test_the_untimed_count_is_out_of_the_flow_s_steps(name: str, steps: int) -> None:
    """Review 4 #14: "4 of 13 steps" for the 14-step invoice flow (the steps met only on a way back left out)."""
    lines = analyze_text(FLOWS / f"{name}.flow.yaml").splitlines()
    (line,) = [x for x in lines if x.startswith("no duration (counted as 0):")]
    assert line.endswith(f" of {steps} steps"), line


def test_the_text_report_is_in_one_language_and_one_unit() -> None:
    """Review 4 #14: paths in "56 h 55 min – 96 h 55 min" beside a simulation in "2,6 días", English labels beside
    "expected duration 9 dias úteis": the report says every duration in English, in the flow's day unit."""
    text = analyze_text(FLOWS / "matricula-escolar.flow.yaml")
    figures = [x for x in text.splitlines() if x.startswith(("  expected duration", "longest:"))]
    assert len(figures) == 2 and "business day" in figures[0] and "days" in figures[1], figures
    assert not re.search(r"dias? úte?is|semanas|\d,\d", "\n".join(figures)), figures
    assert "12–13 business days + 1–4 weeks" in text  # the path table: the unit of the simulation
    assert not re.search(r"\b\d{2,} h \d+ min", text)  # no "56 h 55 min" anywhere
    danos = analyze_text(FLOWS / "danos-vehiculo.flow.yaml")
    assert "días hábiles" not in danos and "business days" in danos


def test_one_way_back_by_several_ways_round_is_said_so_in_analyze_and_the_handout(tmp_path) -> None:
    """Review 4 #14: corte's analyze listed "back from verificar (… No, sigue sin luz)" three times and the handout
    once, as if it came only after «Red de distribución» and «Sí».  Each cycle stays one loop (spec §5: the JSON is
    unchanged); the text names the loops that share the way back, the handout the other ways round."""
    flow = FLOWS / "corte-suministro.flow.yaml"
    data = json.loads(CliRunner().invoke(app, ["analyze", "-f", "json", str(flow)]).stdout)
    shared = [
        loop
        for loop in data["files"][0]["loops"]
        if loop["via"] == {"step": "verificar", "outcome": "No, sigue sin luz"}
    ]
    assert len(shared) == 3
    text = analyze_text(flow)
    assert "· the same way back as loops 3, 4, by another way round" in text
    assert "· the same way back as loops 1, 3, by another way round" in text
    root = tinyhtml5.parse(handout_html(tmp_path, "corte-suministro"))
    loops = [" ".join("".join(li.itertext()).split()) for li in root.iter(f"{H}li") if "loop" in li.get("class", "")]
    (verificar,) = [x for x in loops if "«No, sigue sin luz»" in x]
    assert verificar.endswith(
        "y de vuelta al paso 9 (la misma vuelta atrás llega también tras otras respuestas: pasos 9–12 → 14–18; "
        "9–12 → 18)"
    ), verificar


def test_a_long_label_is_cut_at_a_word_boundary(tmp_path) -> None:
    """Review 4 #15: "…comprovante de residência, histórico, vaci…" in the cross-references and quiz question 5."""
    html = handout_html(tmp_path, "matricula-escolar")
    text = " ".join("".join(tinyhtml5.parse(html).itertext()).split())
    cuts = re.findall(r"(\w+)…", text)
    assert "histórico" in cuts and "vaci" not in cuts, cuts
    label = "Enviar documentos digitalizados (certidão, RG, comprovante de residência, histórico, vacinação)"
    words = set(re.findall(r"\w+", label))
    assert all(cut in words for cut in re.findall(r"(?:residência, |RG, )(\w+)…", text))


def sheet_tops(svg) -> list[float]:
    """The top edge (y of "M x,y") of each sheet of a "documents" icon, back to front."""
    return [float(re.match(r"M[\d.]+,([\d.]+)", p.get("d"))[1]) for p in svg.iter("{http://www.w3.org/2000/svg}path")]


def test_the_documents_icon_shows_three_sheets_not_a_black_bar(tmp_path) -> None:
    """Review 4 #15: cartão's "Documentos" icon in the legend and the step table printed as a heavy black bar:
    its three sheets' top edges stood 1.5 px apart, no more than the 1.5 px stroke."""
    root = tinyhtml5.parse(handout_html(tmp_path, "cartao-perdido"))
    icons = [
        element.find(".//{http://www.w3.org/2000/svg}svg")
        for element in root.iter()
        if element.tag in (f"{H}li", f"{H}tr") and "fc-documents" in (element.get("class") or "").split()
    ]  # the legend's item and the step table's rows (the diagram draws the symbol at full size)
    assert len(icons) >= 2  # the legend's and at least one step's
    for svg in icons:
        stroke = float(svg.find("{http://www.w3.org/2000/svg}path").get("stroke-width"))
        tops = sheet_tops(svg)
        assert len(tops) == 3
        assert all(lower - upper >= 1.5 * stroke for upper, lower in pairwise(tops)), tops
