"""The HTML handout: parsed back and checked section by section (fake drawing, no Graphviz)."""

from __future__ import annotations

import re

import jinja2
import pytest
import tinyhtml5
from handout_fakes import QUEJAS, FakeDrawing, diagram_of, flow_from

from flowchart_cli.handout.html import render_html
from flowchart_cli.handout.view import build_view

H = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"

HOSTILE = """
title: "</title><script>alert('t')</script> & \\"quotes\\""
lang: es
version: "<b>2</b>"
owner: "O'Brien & <i>Co</i>"
description: "]]> <!-- --> <style>body{display:none}</style>"
lanes:
  - id: a
    name: "<img src=x onerror=alert(1)>"
  - "Ventas \\"Norte\\""
steps:
  - id: s
    start: "<script>alert('x')</script>"
    lane: a
    notes: "<b>negrita</b> & <a href='http://evil.example'>clic</a>"
  - id: d
    decision: "¿Seguro? \\u202e RTL 🎉"
    branches:
      "<Sí>": p
      "No & \\"no\\"": e
  - id: p
    process: "PALABRA%s"
    lane: "Ventas \\"Norte\\""
    duration: "</td></tr>"
  - id: e
    end: "C:\\\\ruta\\\\final ]]>"
""" % ("x" * 2000)


def html_of(flow, **kwargs) -> str:
    template_dir = kwargs.pop("template_dir", None)
    return render_html(build_view(flow, diagram_of(flow), FakeDrawing(), **kwargs), template_dir)


def parse(html: str):
    return tinyhtml5.parse(html)


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def by_id(root, ident: str):
    return next(e for e in root.iter() if e.get("id") == ident)


@pytest.fixture
def quejas(tmp_path):
    return flow_from(tmp_path, QUEJAS)


def test_sections_in_order_with_answers_last(quejas):
    root = parse(html_of(quejas))
    assert root.get("lang") == "es"
    sections = [e.get("id") for e in root.iter(f"{H}section")]
    assert {e.get("class") for e in root.iter(f"{H}section")} >= {"lane-section", "steps", "diagram-page"}
    assert sections == [
        "diagram",
        "steps",
        "lane-1",
        "lane-2",
        "lane-3",
        "scenarios",
        "checklist",
        "references",
        "quiz",
        "answers",
    ]
    assert text(root.find(f".//{H}title")) == "Gestión de quejas"
    headings = [text(h) for h in root.iter(f"{H}h2")]
    assert "Responsabilidades — Agente de atención" in headings and headings[-1] == "Respuestas de la autoevaluación"


def test_title_block(quejas):
    cover = by_id(parse(html_of(quejas)), "top")
    words = text(cover)
    for expected in (
        "Manual de formación",
        "Gestión de quejas",
        "Desde la recepción hasta el cierre.",
        "Versión 2.1",
        "Responsable del proceso Atención al cliente",
        "Actualizado 2026-11-20",
    ):
        assert expected in words


def test_step_table_rows_and_next_steps(quejas):
    table = by_id(parse(html_of(quejas)), "steps").find(f".//{H}table")
    head = [text(th) for th in table.iter(f"{H}th")]
    assert head == ["N.º", "Paso", "Símbolo", "Responsable", "Duración", "Siguiente"]
    rows = table.find(f"{H}tbody").findall(f"{H}tr")
    assert [r.get("id") for r in rows] == [f"step-{n}" for n in range(1, 7)]
    cells = [[text(td) for td in r.findall(f"{H}td")] for r in rows]
    # its only note and its only link are set under their steps' labels: no columns of «—» beside them
    assert cells[1] == [
        "2",
        "Registrar la queja en el CRM Notas: Datos del cliente y evidencias.",
        "Proceso",
        "Agente de atención",
        "10 min",
        "→ paso 3",
    ]
    assert cells[2][-1] == "Sí → paso 4 · No → paso 5"
    assert cells[5][-1] == "fin"
    # the link's short form, breakable only between its parts; the whole URL is the target
    link = rows[4].findall(f"{H}td")[1].find(f".//{H}a")
    assert link.get("href") == "https://intranet.example/kb/quejas"
    assert link.text == "intranet\u200b.example/\u200b…/\u200bquejas"
    hop = rows[2].find(f".//{H}a")
    assert hop.get("href") == "#step-4"


def test_legend_and_inline_diagram(quejas):
    root = parse(html_of(quejas))
    diagram = by_id(root, "diagram")
    svgs = list(diagram.iter(f"{SVG}svg"))
    assert "FAKE-DIAGRAM" in text(svgs[0]) and svgs[0].get("viewBox") == "0 0 600 800"
    assert svgs[0].find(f".//{SVG}marker").get("id") == "diagram-arrow"
    legend = [text(li) for li in diagram.iter(f"{H}li")]
    assert legend == [
        "Inicio Donde comienza el proceso",
        "Fin Donde termina el proceso",
        "Proceso Una acción o tarea",
        "Decisión Una pregunta: cada respuesta lleva por su camino",
    ]


def test_lane_section_lists_triggers_and_hand_overs(quejas):
    lane = text(by_id(parse(html_of(quejas)), "lane-2"))
    assert "Pasos 2, 3, 5, 6" in lane and "Primer nivel" in lane
    assert "Viene de paso 1 «El cliente presenta su queja» — Cliente" in lane
    assert "Pasa a Sí → paso 4 «Escalar al supervisor» — Supervisor; No → paso 5" in lane


def test_quiz_and_answers(quejas):
    root = parse(html_of(quejas))
    questions = [text(li) for li in by_id(root, "quiz").iter(f"{H}li")]
    assert questions[0].startswith(
        "En «¿La queja es grave?», si la respuesta es «Sí», ¿cuál es el paso siguiente? (sobre el paso 3)"
    )
    answers = [text(li) for li in by_id(root, "answers").iter(f"{H}li")]
    assert answers == [
        "paso 4: Escalar al supervisor — Supervisor",
        "Agente de atención",
        "10 min",
        "paso 5: Implementar la solución acordada — Agente de atención",
        "Agente de atención",
    ]
    checklist = by_id(root, "checklist")
    assert len([s for s in checklist.iter(f"{H}span") if s.get("class") == "box"]) == len(
        list(checklist.find(f"{H}ul"))
    )


def test_no_quiz(quejas):
    html = html_of(quejas, quiz=False)
    ids = {e.get("id") for e in parse(html).iter()}
    assert "quiz" not in ids and "answers" not in ids and "checklist" in ids
    assert "Autoevaluación" not in html


def test_lang_override(quejas):
    root = parse(html_of(quejas, lang="pt"))
    assert root.get("lang") == "pt"
    assert text(by_id(root, "steps").find(f"{H}h2")) == "Passo a passo"
    assert "qual é o próximo passo?" in text(by_id(root, "quiz"))


def test_hostile_text_never_becomes_markup(tmp_path):
    flow = flow_from(tmp_path, HOSTILE)
    html = html_of(flow)
    root = parse(html)
    tags = {e.tag for e in root.iter()}
    assert f"{H}script" not in tags and f"{H}img" not in tags and f"{H}b" not in tags and f"{H}i" not in tags
    assert len(list(root.iter(f"{H}style"))) == 1
    assert text(root.find(f".//{H}title")) == "</title><script>alert('t')</script> & \"quotes\""
    rows = by_id(root, "steps").find(f".//{H}tbody").findall(f"{H}tr")
    assert text(rows[0].findall(f"{H}td")[1]) == "<script>alert('x')</script>"
    assert "<b>negrita</b> & <a href='http://evil.example'>clic</a>" in text(rows[0])
    assert text(rows[2].findall(f"{H}td")[4]) == "</td></tr>"
    assert "PALABRA" + "x" * 2000 in text(rows[2])
    assert text(rows[1].findall(f"{H}td")[-1]) == '<Sí> → paso 3 · No & "no" → paso 4'
    assert "¿Seguro? \u202e RTL 🎉" in text(rows[1])
    quiz = text(by_id(root, "quiz"))
    assert (
        "En «¿Seguro? RTL 🎉», si el resultado es «<Sí>», ¿cuál es el paso siguiente?" in quiz and "\u202e" not in quiz
    )
    assert "C:\\ruta\\final ]]>" in text(rows[3])
    assert "Responsabilidades — <img src=x onerror=alert(1)>" in [text(h) for h in root.iter(f"{H}h2")]
    assert not any(k.startswith("on") for e in root.iter() for k in e.attrib)


def test_self_contained_no_script_no_external_resources(quejas):
    html = html_of(quejas)
    root = parse(html)
    assert not any(e.tag.endswith("}script") for e in root.iter())
    for element in root.iter():
        assert "src" not in element.attrib
        href = element.get("href")
        if href is not None:
            assert href.startswith("#") or href == "https://intranet.example/kb/quejas"
    assert not list(root.iter(f"{H}link"))
    css = "".join(e.text or "" for e in root.iter(f"{H}style"))
    assert "@import" not in css and not re.search(r"url\((?!#)", html)


def test_running_header_and_page_numbers_in_print_css(quejas):
    css = "".join(e.text or "" for e in parse(html_of(quejas)).iter(f"{H}style"))
    assert "@bottom-right" in css and '"Página " counter(page) " de " counter(pages)' in css
    assert '"Gestión de quejas · Versión 2.1"' in css
    assert "size: A4" in css and "break-inside: avoid" in css


def test_html_is_byte_identical_across_runs(quejas):
    assert html_of(quejas) == html_of(quejas)


def test_template_dir_overrides_a_template_by_name(quejas, tmp_path):
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "title.html.j2").write_text(
        '<header id="top" class="brand"><h1>ACME · {{ doc.title }}</h1></header>\n', encoding="utf-8"
    )
    (brand / "handout.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    root = parse(html_of(quejas, template_dir=brand))
    assert text(by_id(root, "top")) == "ACME · Gestión de quejas"
    css = "".join(e.text or "" for e in root.iter(f"{H}style"))
    assert "#123456" in css and "@page" not in css
    assert by_id(root, "steps") is not None


def test_templates_are_strict_about_undefined_variables(quejas, tmp_path):
    brand = tmp_path / "strict"
    brand.mkdir()
    (brand / "title.html.j2").write_text("{{ doc.subtitle }}", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError):
        html_of(quejas, template_dir=brand)


def test_the_documented_template_variables_are_the_real_ones():
    from dataclasses import fields

    from flowchart_cli.handout.diagram_view import DiagramSheet
    from flowchart_cli.handout.quiz import Question
    from flowchart_cli.handout.routes import Hop
    from flowchart_cli.handout.study import Checklist, FlowReference, Reference
    from flowchart_cli.handout.view import (
        Column,
        DiagramView,
        Doc,
        Handout,
        LaneSection,
        LaneStep,
        LegendItem,
        StepRow,
    )
    from flowchart_cli.resources import templates_dir

    doc = (templates_dir() / "handout" / "handout.html.j2").read_text(encoding="utf-8").split("-#}")[0]
    listed = set(re.findall(r"^    (\w+) {2,}", doc, flags=re.M))
    assert listed == {f.name for f in fields(Handout)}
    for cls in (
        Doc,
        DiagramView,
        DiagramSheet,
        Column,
        LegendItem,
        StepRow,
        LaneSection,
        LaneStep,
        Checklist,
        Question,
        Reference,
        FlowReference,
        Hop,
    ):
        for field in fields(cls):
            assert re.search(rf"\b{field.name}\b", doc), f"{cls.__name__}.{field.name} is not documented"


def test_control_characters_never_reach_the_page(quejas):
    from dataclasses import replace

    steps = (replace(quejas.steps[0], label="A\x01B\x7fC\x0bD"), *quejas.steps[1:])
    html = html_of(replace(quejas, steps=steps, title="T\x02"))
    assert not any(ch in html for ch in "\x01\x02\x7f\x0b")
    assert "<title>T</title>" in html and ">ABCD<" in html


def test_missing_weasyprint_is_one_clear_error(quejas, monkeypatch):
    import builtins

    from flowchart_cli.errors import FlowchartError
    from flowchart_cli.handout.pdf import render_pdf

    real_import = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    view = build_view(quejas, diagram_of(quejas), FakeDrawing())
    with pytest.raises(FlowchartError, match=r"libpango-1\.0-0.*apt-get install") as caught:
        render_pdf("<html></html>", view)
    assert caught.value.exit_code == 2
