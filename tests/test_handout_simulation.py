"""The handout with shares and the simulation: "Sí → paso 11 (75 %)" in the step table, and the typical
and the slow case in the scenarios section, in the handout's language."""

from __future__ import annotations

import re
from pathlib import Path

import tinyhtml5
from handout_fakes import FakeDrawing, diagram_of, flow_from

from flowchart_cli.check import check_file
from flowchart_cli.handout.html import render_html
from flowchart_cli.handout.view import build_view

H = "{http://www.w3.org/1999/xhtml}"
FLOWS = Path(__file__).resolve().parent / "simulate"


def page(flow, lang: str | None = None):
    return tinyhtml5.parse(render_html(build_view(flow, diagram_of(flow), FakeDrawing(), lang=lang)))


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def checked(name: str):
    result = check_file(FLOWS / name)
    assert result.ok
    return result.flow


def next_cells(root) -> list[str]:
    """The last cell of every row of the step table (where the flow goes next)."""
    table = next(t for t in root.iter(f"{H}table") if t.get("class") == "step-table")
    return [text(row.findall(f"{H}td")[-1]) for row in table.iter(f"{H}tr") if row.findall(f"{H}td")]


def test_step_table_shows_each_outcome_s_share_in_the_language() -> None:
    flow = checked("soporte-tecnico.flow.yaml")
    cells = next_cells(page(flow))
    assert "Conexión → paso 4 (50 %) · Facturación → paso 6 (30 %) · Equipo → paso 9 (20 %)" in cells
    assert "Sí → paso 11 (75 %) · No → paso 9 (25 %)" in cells
    assert "Sí → paso 8 · No → paso 11" in cells  # no `shares` written: nothing to say
    english = next_cells(page(flow, "en"))
    assert "Conexión → step 4 (50%) · Facturación → step 6 (30%) · Equipo → step 9 (20%)" in english


def test_typical_and_slow_case_in_each_language() -> None:
    refund = page(checked("reembolso.flow.yaml"))  # p50 = 495 min, p90 = 1,005 min (tests/test_simulate.py)
    (typical,) = [p for p in refund.iter(f"{H}p") if p.get("class") == "typical-case"]
    assert text(typical).startswith(
        "Metade dos casos termina em cerca de 1 dia útil ou menos; 1 em cada 10 leva cerca de 2 dias úteis ou mais."
    )
    assert "10.000 casos simulados" in text(typical)
    support = text(page(checked("soporte-tecnico.flow.yaml")).find(f".//{H}section[@id='scenarios']"))
    assert "La mitad de los casos termina en unos 27 min o menos; 1 de cada 10 tarda unas 3 h 37 min o más." in support
    claim = text(page(checked("insurance-claim.flow.yaml")).find(f".//{H}section[@id='scenarios']"))
    assert (
        "Half of the cases end in about 1.5 business days or less; 1 in 10 takes about 4.5 business days or more."
        in claim
    )


def test_a_single_path_with_durations_still_states_the_typical_case(tmp_path) -> None:
    flow = flow_from(
        tmp_path,
        "title: Alta\nlang: es\nsteps:\n  - start: Llega\n  - process: Dar de alta\n    duration: 20-40 min\n"
        "  - end: Alta hecha\n",
    )
    section = page(flow).find(f".//{H}section[@id='scenarios']")
    assert section is not None
    # uniform on 20–40 min: median 30, 90th percentile 38 (the median rounded up, the 90th down)
    sentence = r"La mitad de los casos termina en unos (30|31) min o menos; 1 de cada 10 tarda unos (37|38) min o más\."
    assert re.search(sentence, text(section))
    assert section.find(f".//{H}ol") is None  # one path: no list of scenarios


def test_no_durations_no_sentence(tmp_path) -> None:
    flow = flow_from(
        tmp_path,
        "title: Sin tiempos\nlang: es\nsteps:\n  - start: Llega\n  - id: d\n    decision: ¿Urgente?\n"
        "    shares: {Sí: 10%}\n    branches: {Sí: a, No: b}\n  - id: a\n    process: Atender ya\n    next: fin\n"
        "  - id: b\n    process: Atender mañana\n  - id: fin\n    end: Atendido\n",
    )
    root = page(flow)
    assert [p for p in root.iter(f"{H}p") if p.get("class") == "typical-case"] == []
    assert root.find(f".//{H}section[@id='scenarios']") is not None  # the scenarios themselves stay


def test_a_huge_flow_simulates_fewer_cases_and_says_so(tmp_path) -> None:
    lines = ["title: Enorme", "lang: en", "steps:", "  - start: Begin"]
    lines += [f"  - process: Step {i}\n    duration: 1 min" for i in range(998)]
    lines.append("  - end: Done")
    root = page(flow_from(tmp_path, "\n".join(lines)))
    (typical,) = [p for p in root.iter(f"{H}p") if p.get("class") == "typical-case"]
    assert text(typical) == (
        "Almost every case takes about 17 h. "
        "From 2,000 simulated cases, with each decision taken as often as its shares say."
    )


def test_two_ways_of_different_length_are_not_called_about_the_same(tmp_path) -> None:
    """Half the cases take 8 min and half 10 min: the sentence tells both, never "about 10 min"."""
    flow = flow_from(
        tmp_path,
        "title: Mesa corta\nlang: pt\nsteps:\n  - start: Chega o pedido\n  - id: d\n    decision: É urgente?\n"
        "    branches: {Sim: a, Não: b}\n  - id: a\n    process: Atender já\n    duration: 8 min\n    next: fim\n"
        "  - id: b\n    process: Atender depois\n    duration: 10 min\n  - id: fim\n    end: Atendido\n",
    )
    (typical,) = [p for p in page(flow).iter(f"{H}p") if p.get("class") == "typical-case"]
    assert text(typical).startswith(
        "Supondo que cada resposta de cada decisão ocorre com a mesma frequência (o fluxo não indica proporções), "
        "metade dos casos termina em cerca de 8 min ou menos; 1 em cada 10 leva cerca de 10 min ou mais."
    )


def test_cases_of_8_and_10_minutes_read_as_a_range(tmp_path) -> None:
    """Half end at 8 min and half at 10: neither "about 10 min" nor "less than 10 min; more than 10 min"."""
    flow = flow_from(
        tmp_path,
        "title: Senha\nlang: pt\nlanes: [Usuário, Suporte N1]\nsteps:\n  - start: Usuário esqueceu a senha\n"
        "    lane: Usuário\n  - manual_input: Abrir chamado\n    duration: 5 min\n  - process: Verificar por SMS\n"
        "    lane: Suporte N1\n    duration: 3 min\n  - id: ok\n    decision: Código confirmado?\n"
        "    branches: {Sim: reset, Não: bloqueio}\n  - id: reset\n    process: Gerar senha\n    duration: 2 min\n"
        "  - end: Senha redefinida\n  - id: bloqueio\n    end: Chamado encerrado\n",
    )
    (typical,) = [p for p in page(flow).iter(f"{H}p") if p.get("class") == "typical-case"]
    assert text(typical).endswith(
        "a maioria dos casos leva entre cerca de 8 min e 10 min. Com base em 10.000 casos simulados."
    )


WARRANTY = """title: Warranty claim
lang: en
lanes: [Customer, Support]
steps:
  - start: Customer files a claim
    lane: Customer
  - process: Check the proof of purchase
    lane: Support
    duration: 20 min
  - id: covered
    decision: Covered by the warranty?
    branches: {Yes: repair, No: quote}
  - id: repair
    process: Repair the product
    duration: 5 working days
  - process: Wait for the courier
    next: done
  - id: quote
    process: Offer a paid repair quote
    duration: 10 min
  - id: done
    end: Claim closed
"""


def test_scenario_totals_speak_the_flow_s_day_unit(tmp_path) -> None:
    """ "5 working days" in a step: the scenario says working days as the headline does, never "40 h 20 min"."""
    section = page(flow_from(tmp_path, WARRANTY)).find(f".//{H}section[@id='scenarios']")
    summaries = [text(s) for s in section.iter(f"{H}span") if s.get("class") == "scenario-summary"]
    assert summaries == ["· 2 responsible parties · 5 working days", "· 2 responsible parties · 30 min"]
    (typical,) = [p for p in section.iter(f"{H}p") if p.get("class") == "typical-case"]
    # half the cases take 30 min, half 5 working days and 20 min: not "less than 5.1 …; more than 5 working days"
    assert text(typical).startswith(
        "Assuming each answer of every decision is taken equally often (the flow gives no shares), "
        "most cases take between about 30 min and 5 working days."
    )
    assert not any(re.search(r"\d+ h \d+ min", s) for s in summaries)


def test_the_handout_says_what_the_simulation_assumed(tmp_path) -> None:
    """No shares: equal odds, said; a work step without a duration: counted as 0 min, said — in the language."""
    (typical,) = [p for p in page(flow_from(tmp_path, WARRANTY)).iter(f"{H}p") if p.get("class") == "typical-case"]
    # review 4 #11: the equal odds are said in the bold sentence itself, not only in the note after it
    assert text(typical.find(f"{H}strong")).startswith(
        "Assuming each answer of every decision is taken equally often (the flow gives no shares), most cases"
    )
    assert "From 10,000 simulated cases." in text(typical)
    # review 9: a step with no duration at all is said to have none, not one the simulation cannot read
    assert "Step 5 counts as 0 min (no duration given), so real cases take longer." in text(typical)
    unread = WARRANTY.replace(
        "  - process: Wait for the courier\n", "  - process: Wait for the courier\n    duration: soon\n"
    )
    (typical,) = [p for p in page(flow_from(tmp_path, unread)).iter(f"{H}p") if p.get("class") == "typical-case"]
    assert "Step 5 counts as 0 min (no duration the simulation can read), so real cases take longer." in text(typical)
    spanish = WARRANTY.replace("lang: en", "lang: es").replace("    duration: 10 min\n", "")
    spanish = spanish.replace(
        "branches: {Yes: repair, No: quote}", "branches: {Yes: repair, No: quote}\n    shares: {Yes: 80%}"
    )
    (typical,) = [p for p in page(flow_from(tmp_path, spanish)).iter(f"{H}p") if p.get("class") == "typical-case"]
    assert "cada decisión tomada con la frecuencia que indican sus proporciones." in text(typical)
    assert "Los pasos 5 y 6 cuentan como 0 min" in text(typical)  # prose: "y" before the last (review 6)
    portuguese = WARRANTY.replace("lang: en", "lang: pt").replace(
        "Wait for the courier", "Aguardar\n    duration: 1 dia"
    )
    (typical,) = [p for p in page(flow_from(tmp_path, portuguese)).iter(f"{H}p") if p.get("class") == "typical-case"]
    assert text(typical).startswith("Supondo que cada resposta de cada decisão ocorre com a mesma frequência (o fluxo "
                                    "não indica proporções), ")  # fmt: skip
    assert "contam como 0 min" not in text(typical) and "conta como 0 min" not in text(typical)
    sparse = WARRANTY.replace("    duration: 20 min\n", "").replace("    duration: 10 min\n", "")
    (typical,) = [p for p in page(flow_from(tmp_path, sparse)).iter(f"{H}p") if p.get("class") == "typical-case"]
    # steps 2, 5, 6 untimed and only step 4 timed: the shorter list is said
    assert "Only step 4 has a duration the simulation can read; the others count as 0 min" in text(typical)


def test_a_flow_whose_typical_case_passes_no_timed_step_still_tells_the_slow_case_and_why(tmp_path) -> None:
    """8 in 10 claims take only untimed steps: no "half end in less than 0 min", but the slow case and the note."""
    sparse = WARRANTY.replace("    duration: 20 min\n", "").replace("    duration: 10 min\n", "")
    sparse = sparse.replace(
        "branches: {Yes: repair, No: quote}", "branches: {Yes: repair, No: quote}\n    shares: {Yes: 20%}"
    )
    (typical,) = [p for p in page(flow_from(tmp_path, sparse)).iter(f"{H}p") if p.get("class") == "typical-case"]
    assert text(typical).startswith(
        "1 in 10 cases takes about 5 working days or more. "
        "From 10,000 simulated cases, with each decision taken as often as its shares say. "
        "Each working day counts as 8 h of work. "
        "Only step 4 has a duration the simulation can read"
    )


DEVOLUCION = """title: Devolución de un producto defectuoso
lang: es
lanes:
  - Cliente
  - Atención al cliente
  - name: Proveedor
    external: true
steps:
  - start: El cliente pide la devolución
    lane: Cliente
  - process: Registrar la solicitud
    lane: Atención al cliente
    duration: 10 min
  - process: Validar la garantía
    duration: 1 día hábil
  - id: proveedor
    process: Enviar el producto al proveedor
    lane: Proveedor
    duration: 30 días
  - id: acepta
    decision: ¿El proveedor acepta el defecto?
    lane: Atención al cliente
    branches: {Sí: abono, No: peritaje, Falta información: proveedor}
  - id: peritaje
    process: Pedir un peritaje externo
    duration: 45 días
    next: abono
  - id: abono
    process: Abonar el importe
    duration: 2 días hábiles
  - end: Devolución cerrada
"""


def test_a_flow_of_days_and_business_days_speaks_days_never_thousands_of_hours(tmp_path) -> None:
    """30- and 45-day waits beside two business-day steps: the figures read in días, the kind of day that
    carries most of the time (in días hábiles a 45-day wait would count 135 of them), with how a business day
    counts said; never "1088 h 10 min"."""
    section = page(flow_from(tmp_path, DEVOLUCION)).find(f".//{H}section[@id='scenarios']")
    (typical,) = [p for p in section.iter(f"{H}p") if p.get("class") == "typical-case"]
    summaries = [text(s) for s in section.iter(f"{H}span") if s.get("class") == "scenario-summary"]
    words = text(section)
    assert not re.search(r"\d{2,}\s?h \d+ min", words), words  # no "751 h 20 min" anywhere in the section
    assert re.search(r"la mitad de los casos termina en unos \d+ días o menos; 1 de cada 10 tarda unos \d+ "
                     r"días o más\.", text(typical)), text(typical)  # fmt: skip
    assert (
        "En estas cifras cada día hábil cuenta como 8 h (un tercio de día), no como un día entero del calendario."
        in text(typical)
    )
    # 10 min + 1 business day + 30 days + 2 business days: each kind in its own unit (review 3 #4: adding them
    # as "31 días" told a reader one calendar day for three business days); with the expert report, 75 días
    assert summaries == [
        "· 2 responsables del equipo y 1 externo · 3 días hábiles + 30 días",
        "· 2 responsables del equipo y 1 externo · 3 días hábiles + 75 días",
    ]


def test_a_flow_in_weeks_speaks_weeks_in_its_language(tmp_path) -> None:
    """ "6 semanas" of repair in a Portuguese flow: the totals read in weeks, not "1034 h 40 min"."""
    portuguese = (
        DEVOLUCION.replace("lang: es", "lang: pt")
        .replace("duration: 30 días", "duration: 6 semanas")
        .replace("duration: 45 días", "duration: 2 h")
        .replace("duration: 1 día hábil", "duration: 1 dia")
        .replace("duration: 2 días hábiles", "duration: 30 min")
    )
    section = page(flow_from(tmp_path, portuguese)).find(f".//{H}section[@id='scenarios']")
    summaries = [text(s) for s in section.iter(f"{H}span") if s.get("class") == "scenario-summary"]
    assert [s.rsplit(" · ", 1)[1] for s in summaries] == ["6 semanas", "6 semanas"]
    assert "dia útil conta" not in text(section)  # one kind of day: nothing to explain


CITA = """title: Licencia de obra menor
lang: es
lanes:
  - Atención ciudadana
  - name: Vecino
    external: true
steps:
  - start: El vecino pide cita
    lane: Vecino
  - process: Revisar la documentación
    lane: Atención ciudadana
    duration: 3 días hábiles
  - id: completa
    decision: ¿Está completa?
    branches: {Sí: licencia, No: subsanar}
  - id: subsanar
    process: Esperar la subsanación del vecino
    lane: Vecino
    duration: 1 día
    next: licencia
  - id: licencia
    process: Emitir la licencia
    lane: Atención ciudadana
    duration: 20 min
  - end: Licencia concedida
"""


def test_business_days_and_a_calendar_day_are_each_said_in_their_own_unit(tmp_path) -> None:
    """Review 3 #4: "3 días hábiles" + "1 día" printed as "2 días" (a business day is 8 h, a third of a day),
    and a path of three business days as "1 día"; a clerk would tell the vecino the wrong wait."""
    section = page(flow_from(tmp_path, CITA)).find(f".//{H}section[@id='scenarios']")
    summaries = [text(s).rsplit(" · ", 1)[1] for s in section.iter(f"{H}span") if s.get("class") == "scenario-summary"]
    assert summaries == ["3 días hábiles", "3 días hábiles + 1 día"]
    (typical,) = [p for p in section.iter(f"{H}p") if p.get("class") == "typical-case"]
    assert "cada día hábil cuenta como 8 h (un tercio de día), no como un día entero del calendario" in text(typical)


def test_a_wait_in_hours_beside_business_days_is_not_said_in_business_days(tmp_path) -> None:
    """Review 3 #4 (disputa): the customer's 24 h to reply read as "3 días hábiles" inside a scenario's total, and
    the page never said what a business day counts as."""
    hours = CITA.replace("duration: 1 día", "duration: 24 h")
    section = page(flow_from(tmp_path, hours)).find(f".//{H}section[@id='scenarios']")
    summaries = [text(s).rsplit(" · ", 1)[1] for s in section.iter(f"{H}span") if s.get("class") == "scenario-summary"]
    assert summaries == ["3 días hábiles", "3 días hábiles + 1 día"]  # not "6 días hábiles"
    (typical,) = [p for p in section.iter(f"{H}p") if p.get("class") == "typical-case"]
    assert "una espera de 24 h suma 3 días hábiles" in text(typical)  # the simulated figure says how it counts
    english = hours.replace("lang: es", "lang: en").replace("3 días hábiles", "3 business days")
    section = page(flow_from(tmp_path, english)).find(f".//{H}section[@id='scenarios']")
    assert "a 24 h wait adds 3 business days" in text(section)
    assert "3 business days + 1 day" in text(section)


def test_a_flow_of_business_days_only_says_what_one_counts_as(tmp_path) -> None:
    """Every handout whose figures are in business days says a business day is 8 h of work, in its language."""
    only = CITA.replace("duration: 1 día", "duration: 1 día hábil")
    section = page(flow_from(tmp_path, only)).find(f".//{H}section[@id='scenarios']")
    assert "Cada día hábil cuenta como 8 h de trabajo." in text(section)
    assert "4 días hábiles" in text(section)  # one kind of day: added as before
    portuguese = (
        only.replace("lang: es", "lang: pt").replace("día hábil", "dia útil").replace("3 días hábiles", "3 dias úteis")
    )
    assert "Cada dia útil conta como 8 h de trabalho." in text(page(flow_from(tmp_path, portuguese)))


def test_spanish_about_agrees_with_its_figure():
    """Review 11: "unos 3 semanas", "unos 8 h 15 min"."""
    from flowchart_cli.handout.typical import _agreed

    nb = "\u00a0"
    said = _agreed(f"termina en unos 3{nb}semanas o menos; tarda unos 8{nb}h{nb}15{nb}min o más").replace(nb, " ")
    assert said == "termina en unas 3 semanas o menos; tarda unas 8 h 15 min o más"
    assert _agreed(f"unos 27{nb}min; unos 1{nb}día; unos 12{nb}días").replace(nb, " ") == (
        "unos 27 min; alrededor de 1 día; unos 12 días"
    )
