"""The printed parts as users get them: the handout's HTML markup (spec §4) and `render -f pdf --paper`."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from flowchart_cli.check import check_file
from flowchart_cli.cli import app
from flowchart_cli.handout.diagram_view import printable
from flowchart_cli.layout import layout_flow
from flowchart_cli.layout.text import text_width
from flowchart_cli.loader import load_flow
from flowchart_cli.options import RenderOptions
from flowchart_cli.pipeline import laid_out_for_paper
from flowchart_cli.words import words

ROOT = Path(__file__).resolve().parent.parent
PRINTED = ROOT / "tests" / "cases" / "printed"
SVG = "{http://www.w3.org/2000/svg}"
runner = CliRunner()


def _run(*args: str) -> None:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", ["reclamos-tarjeta", "troca-garantia", "account-access"])
def test_each_part_is_a_section_with_its_svg_in_a_box_sized_in_mm(tmp_path: Path, name: str):
    _run("handout", str(PRINTED / f"{name}.flow.yaml"), "-o", str(tmp_path))
    html = (tmp_path / f"{name}.handout.html").read_text(encoding="utf-8")
    flow = check_file(PRINTED / f"{name}.flow.yaml").flow
    by_key = {s.key: s.number for s in flow.steps}
    sections = re.findall(r'<section class="diagram-part[^"]*"[^>]*>(.*?)</section>', html, re.S)
    assert len(sections) > 1
    pairs: Counter[str] = Counter()
    seen: list[int] = []
    for section in sections:
        box = re.search(
            r'<div class="diagram-box" style="width: ([\d.]+)mm; height: ([\d.]+)mm">\s*(<svg.*?</svg>)', section, re.S
        )
        assert box is not None and float(box.group(1)) > 0 and float(box.group(2)) > 0
        svg = ET.fromstring(box.group(3))
        groups = list(svg.iter(f"{SVG}g"))
        steps = [g for g in groups if "fc-step" in (g.get("class") or "").split()]
        assert steps
        for group in steps:  # each step keeps its id and its number in the whole flow
            number = next(t for t in group.iter(f"{SVG}text") if t.get("class") == "fc-number").text
            assert by_key[group.get("data-step")] == int(number)
            seen.append(int(number))
        connectors = [g for g in groups if g.get("class") == "fc-offpage-connector"]
        assert connectors  # a part of a split flow always joins another
        for group in connectors:
            pairs[group.get("data-connector")] += 1
            mark = next(t for t in group.iter(f"{SVG}text") if "fc-connector-number" in (t.get("class") or "")).text
            assert mark.isalpha() and mark.isupper()  # a letter: never read as a step's number
            words = "".join(group.itertext())
            assert re.search(
                r"(continúa en la parte|continua na parte|continues in part|viene de la parte|vem da parte|from part)"
                r" \d+, (paso|passo|step)s? \d+"
                r"|(viene de las partes|vem das partes|from parts) \d+ (y|e|and) \d+, (pasos|passos|steps) \d+",
                words,
            )
        assert [g.get("data-lane") for g in groups if g.get("class") == "fc-lane"]  # the part's lanes
    assert sorted(seen) == [s.number for s in flow.steps]  # every step on one part
    # each letter on both sides of its cut: one entry, and an exit in each part its lines leave
    assert min(pairs.values()) >= 2


def test_render_paper_prints_a_big_flow_as_an_overview_and_parts(tmp_path: Path):
    _run("render", str(PRINTED / "portabilidad.flow.yaml"), "-f", "pdf", "--paper", "a4", "-o", str(tmp_path))
    reader = pypdf.PdfReader(tmp_path / "portabilidad.pdf")
    assert len(reader.pages) > 2
    for page in reader.pages:  # A4, portrait or landscape
        size = sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height))))
        assert size == [595, 842]
    first = reader.pages[0].extract_text()
    assert "Portabilidad de número móvil" in first and "partes" in first
    second = reader.pages[1].extract_text()
    assert "Parte 1 de" in second and "continúa en la parte 2" in " ".join(second.split())
    # each sheet numbered, so loose sheets go back in order (review 6)
    total = len(reader.pages)
    assert all(f"Página {n} de {total}" in page.extract_text() for n, page in enumerate(reader.pages, start=1))


def test_render_paper_prints_a_small_flow_on_one_page_of_that_paper(tmp_path: Path):
    sample = ROOT / "docs" / "example" / "quejas.flow.yaml"
    _run("render", str(sample), "-f", "pdf", "--paper", "letter", "-o", str(tmp_path / "paged"))
    _run("render", str(sample), "-f", "pdf", "-o", str(tmp_path / "plain"))
    paged = pypdf.PdfReader(tmp_path / "paged" / "quejas.pdf")
    plain = pypdf.PdfReader(tmp_path / "plain" / "quejas.pdf")
    assert len(paged.pages) == 1
    assert "Página" not in paged.pages[0].extract_text()  # one sheet needs no number
    assert sorted(round(float(v)) for v in (paged.pages[0].mediabox.width, paged.pages[0].mediabox.height)) == [
        612,
        792,
    ]
    assert len(plain.pages) == 1  # without --paper: one page the size of the drawing, as before
    assert round(float(plain.pages[0].mediabox.width)) not in (595, 612)


def test_render_paper_takes_only_the_known_papers(tmp_path: Path):
    result = runner.invoke(app, ["render", str(PRINTED / "troca-garantia.flow.yaml"), "-f", "pdf", "--paper", "b5"])
    assert result.exit_code == 2 and "a4" in result.output


def test_connector_pairs_are_lettered_so_no_one_reads_them_as_step_numbers():
    from flowchart_cli.layout.annotations import pair_letters

    assert [pair_letters(n) for n in (1, 2, 26, 27, 28, 52, 53, 702)] == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ"]


def test_the_overview_names_each_lane_in_its_header(tmp_path: Path):
    """A trainee reads off the overview whose column each part's steps are in (it once named no lane)."""
    flow = ROOT / "tests" / "layout_cases" / "pedido-online.flow.yaml"
    _run("render", str(flow), "-f", "pdf", "--paper", "a4", "-o", str(tmp_path))
    overview = " ".join(pypdf.PdfReader(tmp_path / "pedido-online.pdf").pages[0].extract_text().split())
    names = ["Cliente", "Sistema de pagamento", "Sistema de pedidos", "Transportadora"]
    assert all(name in overview for name in names), overview
    assert [overview.index(name) for name in names] == sorted(overview.index(name) for name in names)


def test_a_lane_name_too_long_for_the_overview_is_shortened_and_a_hopeless_one_left_out():
    from flowchart_cli.handout.printed import _named_on_overview
    from flowchart_cli.layout.geometry import LaneBand, Rect

    def header(width: float) -> LaneBand:
        return LaneBand("pago", "Sistema de pagamento", Rect(0, 0, width, 900), Rect(0, 0, width, 36), 1)

    assert _named_on_overview(header(400), 20, "pt").lines == ("Sistema de pagamento",)
    shortened = _named_on_overview(header(180), 20, "pt").lines
    assert len(shortened) == 1 and shortened[0].endswith("…") and shortened[0].startswith("Sistema")
    assert _named_on_overview(header(60), 20, "pt").lines == ()  # not even "Sistema…": no name, not "Sis…"
    assert _named_on_overview(header(400), 30, "pt").lines == ()  # a header too short for the letters


def test_a_lane_name_too_wide_for_its_column_reads_upwards_in_a_header_grown_for_it():
    """Review 12: "Courier" left unnamed and "Pay-/ment/provi…" on the overview of a six-lane flow."""
    from flowchart_cli.handout.paper import paper
    from flowchart_cli.handout.printed import _headers_for_names, _named_on_overview, _upwards_length, print_plan
    from flowchart_cli.layout.geometry import LaneBand, Rect

    def lane(width: float, height: float) -> LaneBand:
        return LaneBand("pago", "Sistema de pagamento", Rect(0, 0, width, 900), Rect(0, 0, width, height), 1)

    upwards = _named_on_overview(lane(60, 400), 20, "pt")
    assert upwards.sideways and upwards.lines == ("Sistema de", "pagamento")  # two lines side by side
    assert not _named_on_overview(lane(400, 400), 20, "pt").sideways  # across where it fits
    assert _named_on_overview(lane(60, 100), 20, "pt").lines == ()  # a header too short for it: no stump
    flow = load_flow(ROOT / "tests" / "layout_cases" / "online-returns.flow.yaml")[0]  # review 12's
    whole = printable(laid_out_for_paper(flow, RenderOptions()))
    plan = print_plan(flow, whole, paper("a4"), words(flow.lang), legend_items=11)  # the handout's overview
    names = {lane.name: lane for lane in plan.first.lanes}
    assert all(lane.lines and "…" not in " ".join(lane.lines) for lane in names.values())  # every name whole
    # review 16: an external lane's marker upwards on a line of its own beside the name, where the row holds it
    assert names["Courier"].sideways and names["Courier"].lines == ("Courier", "(external)")
    assert names["Payment provider"].lines == ("Payment", "provider", "(external)")  # words whole, side by side
    # review 13: the overview marked no lane external; "(external)" goes under a name with a line to spare
    assert names["Customer"].external and not names["Courier"].external
    tallest = max(_upwards_length(lane.lines, plan.first.font_size + 1) for lane in names.values() if lane.sideways)
    assert all(lane.header.height >= tallest - 1e-6 for lane in names.values())
    roomy = [_named_on_overview(lane, 8.0, "en") for lane in _headers_for_names(whole, 8.0).lanes]
    assert not any(lane.sideways for lane in roomy)  # small letters: every name across, as before


def test_a_lane_name_reading_upwards_is_drawn_turned_in_the_handout_and_on_paper():
    from flowchart_cli.writers.pdf import write_pdf
    from flowchart_cli.writers.svg import write_svg

    flow = load_flow(ROOT / "tests" / "layout_cases" / "pedido-online.flow.yaml")[0]
    whole = printable(laid_out_for_paper(flow, RenderOptions()))
    lanes = list(whole.lanes)
    lanes[1] = replace(lanes[1], lines=(lanes[1].name,), sideways=True)
    diagram = replace(whole, lanes=tuple(lanes))
    svg = write_svg(diagram, RenderOptions())
    turned = [
        t for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text") if "rotate(-90" in t.get("transform", "")
    ]
    assert ["".join(t.itertext()) for t in turned] == [lanes[1].name]
    pdf = pypdf.PdfReader(io.BytesIO(write_pdf(diagram, RenderOptions())))  # cairo sets the words, turned
    assert lanes[1].name in " ".join(pdf.pages[0].extract_text().split())


def test_the_overview_names_the_stages_upwards_in_their_column_clear_of_the_parts_numbers():
    """Review 6 and 7: the overview's stage column was blank, and a trainee could not tell which stage a
    part's steps are in. Each name reads upwards where the column has room between the parts' numbers."""
    from flowchart_cli.handout.paper import PAPERS
    from flowchart_cli.handout.printed import print_plan
    from flowchart_cli.writers.svg import write_svg

    flow = check_file(ROOT / "tests" / "layout_cases" / "reclamacion-pension.flow.yaml").flow
    plan = print_plan(flow, layout_flow(flow), PAPERS["a4"], words("es"), legend_items=11)
    assert plan.split
    named = {stage.name: stage for stage in plan.first.stages if stage.sideways is not None}
    assert set(named) == {"Solicitud", "Revisión", "Resolución", "Pago"}
    size = plan.first.font_size + 1
    tags = [outline.tag for outline in plan.first.outlines]
    for stage in named.values():
        box = stage.sideways
        assert stage.label.y <= box.y and box.bottom <= stage.label.bottom  # in its own band
        assert text_width(stage.lines[1], size, bold=True) <= box.height
        assert not any(
            tag.y < box.bottom and box.y < tag.bottom and tag.x < box.right and box.x < tag.right for tag in tags
        )
    root = ET.fromstring(write_svg(plan.first, RenderOptions()))
    turned = [t for t in root.iter(f"{SVG}text") if "rotate(-90" in t.get("transform", "")]
    assert sorted("".join(t.itertext()) for t in turned) == sorted(named)
    # a stage whose band the numbers leave too little of goes unnamed, never as a stump
    long = check_file(ROOT / "tests" / "layout_cases" / "freight-damage-claim.flow.yaml").flow
    stages = print_plan(long, layout_flow(long), PAPERS["a4"], words("en"), legend_items=11).first.stages
    assert all(len(s.lines[1].rstrip("…")) > 4 for s in stages if s.sideways is not None)


def test_a_stage_cut_into_three_parts_is_named_on_the_overview_its_parts_numbers_in_a_margin():
    """Review 10: "Inspección", printed in three parts, had its column taken by their numbers and no name,
    and "Resolución" read "Resol…". The numbers stand in a margin left of the stage column."""
    from flowchart_cli.handout.paper import PAPERS
    from flowchart_cli.handout.printed import print_plan

    flow = check_file(ROOT / "tests" / "layout_cases" / "disputa-medidor.flow.yaml").flow
    plan = print_plan(flow, layout_flow(flow), PAPERS["a4"], words("es"), legend_items=11)
    overview = plan.first
    assert [stage.lines[1] for stage in overview.stages] == [stage.name for stage in flow.stages]
    inspeccion = next(stage for stage in overview.stages if stage.name == "Inspección")
    parts = [o for o in overview.outlines if inspeccion.band.y <= o.tag.y < inspeccion.band.bottom]
    assert len(parts) >= 3
    column = min(stage.band.x for stage in overview.stages)
    assert all(outline.tag.right < column for outline in overview.outlines)
    assert all(outline.box.x < outline.tag.x for outline in overview.outlines)  # inside its frame


def test_a_stage_name_across_a_part_frame_edge_stands_on_a_patch_drawn_over_the_frames():
    """Review 11: "Home care", cut between two parts, had the dashed frame edge struck through it."""
    from flowchart_cli.handout.paper import PAPERS
    from flowchart_cli.handout.printed import print_plan
    from flowchart_cli.writers.svg import write_svg

    crossed = []  # (overview, stage, the frame edge through its name)
    for name in ("hospital-discharge", "alta-suministro-electrico", "online-returns", "disputa-medidor"):
        flow = check_file(ROOT / "tests" / "layout_cases" / f"{name}.flow.yaml").flow
        overview = print_plan(flow, layout_flow(flow), PAPERS["a4"], words(flow.lang), legend_items=11).first
        size = overview.font_size + 1
        for stage in overview.stages:
            if stage.sideways is None:
                continue
            half = text_width(stage.lines[1], size, bold=True) / 2
            middle = stage.sideways.center.y
            crossed += [(overview, stage, o.box.y) for o in overview.outlines if abs(o.box.y - middle) < half]
    assert crossed  # a part's frame begins across a stage's name somewhere
    for overview, stage, edge in crossed:
        children = list(ET.fromstring(write_svg(overview, RenderOptions())))
        names = [g for g in children if g.get("class") == "fc-stage-name"]
        frames = [i for i, g in enumerate(children) if g.get("class") == "fc-part-outline"]
        assert min(children.index(g) for g in names) > max(frames)  # drawn over the frames
        group = next(g for g in names if g.get("data-stage") == stage.id)
        patch = group.find(f"{SVG}rect")
        y, height = float(patch.get("y")), float(patch.get("height"))
        assert "".join(group.find(f"{SVG}text").itertext()) == stage.lines[1]
        assert y < edge < y + height  # the patch covers the edge where the name crosses it


def test_a_left_to_right_overview_names_the_stages_across_their_row_clear_of_the_parts_tags():
    """Review 7 and 8: a left-to-right overview named no stage. Each name reads across its stage's header row,
    the row grown to hold it, clear of the parts' tags (above the row since review 17)."""
    from flowchart_cli.handout.paper import PAPERS
    from flowchart_cli.handout.printed import print_plan
    from flowchart_cli.writers.svg import write_svg

    flow = check_file(ROOT / "tests" / "layout_cases" / "apelacion-calificacion.flow.yaml").flow
    plan = print_plan(flow, layout_flow(flow), PAPERS["a4"], words("es"), legend_items=11)
    assert plan.split and plan.first.direction == "LR"
    named = {stage.name: stage for stage in plan.first.stages if stage.sideways is not None}
    assert set(named) == {"Solicitud", "Revisión docente", "Comité", "Resolución"}
    size = plan.first.font_size + 1
    tags = [outline.tag for outline in plan.first.outlines]
    for stage in named.values():
        box = stage.sideways
        assert box.width > box.height and box.height >= 1.3 * size  # a row one line of the name fits
        assert stage.label.x <= box.x and box.right <= stage.label.right
        assert text_width(stage.lines[1], size, bold=True) <= box.width
        assert not any(
            tag.x < box.right and box.x < tag.right and tag.y < box.bottom and box.y < tag.bottom for tag in tags
        )
    root = ET.fromstring(write_svg(plan.first, RenderOptions()))
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text") if "rotate(" not in t.get("transform", "")]
    assert set(named) <= set(texts)


def test_an_overview_s_part_tags_say_part_and_stand_clear_of_the_stage_names():
    """Review 17: a bare "4" beside the stage name "Proposta" read as that stage's number, and left to right the
    tags stood in the stages' row, "Consulta" losing its name to "5". Each tag says "Parte 4" (its word small
    over the number in a top-to-bottom margin) and stands outside the stages' column or row."""
    from flowchart_cli.handout.paper import PAPERS
    from flowchart_cli.handout.printed import print_plan
    from flowchart_cli.writers.svg import write_svg

    cases = (ROOT / "tests" / "layout_cases" / "disputa-medidor.flow.yaml", PRINTED / "cita-hospital-lr.flow.yaml")
    for path in cases:
        flow = check_file(path).flow
        overview = print_plan(flow, layout_flow(flow), PAPERS["a4"], words(flow.lang), legend_items=11).first
        vertical = overview.direction != "LR"
        root = ET.fromstring(write_svg(overview, RenderOptions()))
        frames = [g for g in root.iter(f"{SVG}g") if g.get("class") == "fc-part-outline"]
        said = [[("".join(t.itertext()), float(t.get("font-size"))) for t in g.iter(f"{SVG}text")] for g in frames]
        if vertical:
            assert [[text for text, _ in texts] for texts in said] == [
                ["Parte", f"{n}"] for n in range(1, len(said) + 1)
            ]
            assert all(word_size < number_size for (_, word_size), (_, number_size) in said)  # the word small
            column = min(stage.band.x for stage in overview.stages)
            assert all(outline.tag.right < column for outline in overview.outlines)
        else:
            assert [[text for text, _ in texts] for texts in said] == [[f"Parte {n}"] for n in range(1, len(said) + 1)]
            row = min(stage.label.y for stage in overview.stages)
            assert all(outline.tag.bottom < row for outline in overview.outlines)
            size = overview.font_size + 1
            fits = [s for s in overview.stages if text_width(s.name, size, bold=True) + size <= s.label.width]
            assert "Consulta" in {s.name for s in fits}
            assert all(s.lines[1:] == (s.name,) for s in fits)


REVIEW3 = ROOT / "tests" / "layout_cases"  # review 3 flows among them


def test_a_flow_a_few_percent_too_tall_prints_on_one_page_not_in_parts(tmp_path: Path):
    """Review 3 #6: membership-freeze (8 steps) missed A4 landscape by about 4 % in height and came out as an
    overview and 2 parts (3 pages of `render --paper a4`, 2 diagram pages and 4 connectors in the handout)."""
    flow = REVIEW3 / "membership-freeze.flow.yaml"
    _run("render", str(flow), "-f", "pdf", "--paper", "a4", "-o", str(tmp_path))
    (page,) = pypdf.PdfReader(tmp_path / "membership-freeze.pdf").pages
    assert sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height)))) == [595, 842]
    words = " ".join(page.extract_text().split())
    assert "Member told the outcome" in words and "Part 1" not in words
    _run("handout", str(flow), "-f", "pdf,html", "-o", str(tmp_path))
    html = (tmp_path / "membership-freeze.handout.html").read_text(encoding="utf-8")
    assert 'class="diagram-page landscape tight"' in html and '<section class="diagram-part' not in html
    pages = [
        " ".join(p.extract_text().split()) for p in pypdf.PdfReader(tmp_path / "membership-freeze.handout.pdf").pages
    ]
    (drawn,) = [n for n, text in enumerate(pages) if text.startswith("Diagram Member (external)")]
    assert all(label in pages[drawn] for label in ("Member told the outcome", "Charge the 10 € freeze fee"))
    assert "Legend Start" in pages[drawn + 1] and "Legend" not in pages[drawn]  # legend on the next page
    assert "Step by step" in pages[drawn + 1]  # with the step table under it, not alone on a page
    assert not any("Part 1 of" in text for text in pages)


def test_a_big_top_to_bottom_flow_s_overview_names_its_lanes_at_7_pt_or_more(tmp_path: Path):
    """Review 3 #7: travel-insurance-claim's overview showed no lane name at all: its 50 px header row, shrunk
    onto the page, could not hold a line of 7.5 pt text. The row is made taller for one line; no text shrinks."""
    from flowchart_cli.handout.paper import paper
    from flowchart_cli.handout.printed import print_plan
    from flowchart_cli.layout import layout_flow
    from flowchart_cli.words import words

    path = REVIEW3 / "travel-insurance-claim.flow.yaml"
    flow = check_file(path).flow
    whole = layout_flow(flow)
    plan = print_plan(flow, whole, paper("a4"), words(flow.lang), legend_items=6)
    named = [lane for lane in plan.first.lanes if lane.lines]
    assert len(named) >= 4, [lane.name for lane in plan.first.lanes]
    assert (plan.first.font_size + 1) * plan.fit.scale * 0.75 >= 7.0  # the names print at 7 pt or more
    header = min(lane.header.height for lane in plan.first.lanes)
    assert header >= 1.5 * (plan.first.font_size + 1)  # a row the line fits in
    assert plan.first.height > whole.height  # the drawing moved down under it, nothing drawn over
    _run("render", str(path), "-f", "pdf", "--paper", "a4", "-o", str(tmp_path))
    overview = " ".join(pypdf.PdfReader(tmp_path / "travel-insurance-claim.pdf").pages[0].extract_text().split())
    assert "Policyholder" in overview and "Claims handler (first line)" in overview


def test_a_left_to_right_overview_names_its_lanes_in_a_wider_header_column(tmp_path: Path):
    """Review 3 #7: bagagem-extraviada's overview (LR) named no lane: its 132 px header column, shrunk onto the
    page, held not one word at 7.5 pt. The column is widened (up to 15 % of the drawing) for the names."""
    path = REVIEW3 / "bagagem-extraviada.flow.yaml"
    _run("render", str(path), "-f", "pdf", "--paper", "a4", "-o", str(tmp_path))
    overview = " ".join(pypdf.PdfReader(tmp_path / "bagagem-extraviada.pdf").pages[0].extract_text().split())
    assert "Passageiro" in overview and "Setor de indenizações" in overview
    assert overview.count("…") <= 3  # the longer names shortened to fit, never a bare "Ag…"


def test_a_lane_name_takes_two_lines_on_the_overview_where_its_header_has_the_room(tmp_path: Path):
    """Review 3 #7: "Back office de factur…" and "Supervisor come…" told the trainee half a name."""
    from flowchart_cli.handout.printed import _named_on_overview
    from flowchart_cli.layout.geometry import LaneBand, Rect

    tall = LaneBand("pago", "Sistema de pagamento", Rect(0, 0, 180, 900), Rect(0, 0, 180, 60), 1)
    assert _named_on_overview(tall, 20, "pt").lines == ("Sistema de", "pagamento")
    flow = REVIEW3 / "disputa-lectura-medidor.flow.yaml"
    _run("render", str(flow), "-f", "pdf", "--paper", "a4", "-o", str(tmp_path))
    overview = " ".join(pypdf.PdfReader(tmp_path / "disputa-lectura-medidor.pdf").pages[0].extract_text().split())
    head = overview.split(" 1 ")[0]
    assert "Back office de facturación" in head and "Supervisor comercial" in head
    # "Contratista de lecturas en terreno", once left out, then hyphenated and cut short (review 4): whole, upwards
    assert "Contratista de lecturas en terreno" in head


def test_two_short_parts_share_a_page_in_the_handout_and_in_render_paper(tmp_path: Path):
    # bagagem-extraviada's last two parts are short (a decision with its connectors; three closing steps): one
    # to a page left most of both pages blank (review 4, visita-tecnica's then). Both fit one page with their text
    # at 7 pt, so the second prints under the first, under its own caption and no second "Diagrama" heading
    flow = ROOT / "tests" / "layout_cases" / "bagagem-extraviada.flow.yaml"
    _run("handout", str(flow), "-f", "html,pdf", "-o", str(tmp_path))
    html = (tmp_path / "bagagem-extraviada.handout.html").read_text(encoding="utf-8")
    sections = re.findall(r'<section class="(diagram-part[^"]*)"[^>]*>(.*?)</section>', html, re.S)
    follows = [n for n, (classes, _) in enumerate(sections, start=1) if "follows" in classes.split()]
    assert follows == [4]
    assert 'class="part-heading"' not in sections[3][1] and 'class="part-heading"' in sections[2][1]
    for name in ("bagagem-extraviada.handout.pdf", "bagagem-extraviada.pdf"):
        if name == "bagagem-extraviada.pdf":
            _run("render", str(flow), "-f", "pdf", "--paper", "a4", "-o", str(tmp_path))
        pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(tmp_path / name).pages]
        holding = [n for n, text in enumerate(pages) if re.search(r"Parte [34] de 4", text)]
        assert len(holding) == 1, name  # one page holds both parts
        assert "Parte 3 de 4" in pages[holding[0]] and "Parte 4 de 4" in pages[holding[0]]
        assert all("Parte 2 de 4" not in pages[n] for n in holding)  # the others keep a page each


def test_a_word_too_wide_for_its_lane_on_the_overview_is_hyphenated_not_left_out():
    # matricula-escolar's overview named 1 of its 6 lanes: "Responsável", "Coordenação", "Atendimento" were
    # each wider than their column at 7.5 pt (review 4). Such a word breaks where Portuguese breaks it
    from flowchart_cli.handout.printed import _named_on_overview
    from flowchart_cli.layout.geometry import LaneBand, Rect
    from flowchart_cli.layout.text import text_width

    name = "Responsável pelo aluno"
    room = text_width("pelo aluno", 20, bold=True) + 2  # narrower than "Responsável"
    assert text_width("Responsável", 20, bold=True) > room
    lane = LaneBand("resp", name, Rect(0, 0, room + 20, 900), Rect(0, 0, room + 20, 20 * 4.0), 0)
    lines = _named_on_overview(lane, 20, "pt").lines
    assert lines == ("Responsá-", "vel pelo", "aluno")
    assert all(text_width(line, 20, bold=True) <= room for line in lines)
    assert "".join(line[:-1] if line.endswith("-") else line + " " for line in lines).strip() == name


def test_a_word_with_a_hyphen_of_its_own_breaks_there_first_and_never_gets_a_second():
    # review 18: the overview's stage "Follow-up" read "Fol-" / "low-up"; "Pós-venda" broke as "Pós--"
    from flowchart_cli.handout.name_lines import name_lines
    from flowchart_cli.layout.text import text_width

    room = text_width("Follow-", 20, bold=True) + 1  # "Follow-up" does not fit, its own first part does
    assert name_lines("Follow-up", room, 20, "en") == ["Follow-", "up"]
    room = text_width("venda", 20, bold=True) + 1
    assert name_lines("Pós-venda", room, 20, "pt") == ["Pós-", "venda"]
    lines = name_lines("Atendimento pós-venda", text_width("Atendi-", 20, bold=True) + 1, 20, "pt")
    assert not any(line.endswith("--") for line in lines) and "pós-" in lines


def test_a_lane_name_that_would_break_a_word_across_its_column_reads_upwards_whole_with_its_marker():
    # review 15: "Cus-tomer" across a narrow column on the overview, its "(external)" dropped, where the
    # header row had the height for the name upwards
    from flowchart_cli.handout.printed import _named_on_overview
    from flowchart_cli.layout.geometry import LaneBand, Rect
    from flowchart_cli.layout.text import text_width

    room = text_width("Customer", 20, bold=True) * 0.7  # too narrow for the word: across, it is hyphenated

    def lane(height: float, width: float = room + 20) -> LaneBand:
        header = Rect(0, 0, width, height)
        return LaneBand("customer", "Customer", Rect(0, 0, width, 900), header, 0, external=True)

    upwards = _named_on_overview(lane(400), 20, "en")
    assert upwards.sideways and upwards.lines == ("Customer", "(external)")  # side by side, both whole
    # one line wide: "Customer (external)" needs more height than the header has, "Customer" does not
    only_name = _named_on_overview(lane(text_width("Customer", 20, bold=True) + 40, 40), 20, "en")
    assert only_name.sideways and only_name.lines == ("Customer",)
    across = _named_on_overview(lane(90), 20, "en")  # too short upwards: hyphenated across, as before
    assert not across.sideways and across.lines[0].endswith("-")


def test_a_short_lane_name_shown_whole_is_kept_on_the_overview():
    # review 17: the lane "SAC" (the team the handout trains) had an empty header on the overview: a name of
    # fewer than five letters was taken for a stump ("Sis…") even where it was whole
    from flowchart_cli.handout.printed import _named_on_overview
    from flowchart_cli.layout.geometry import LaneBand, Rect

    whole = _named_on_overview(LaneBand("sac", "SAC", Rect(0, 0, 120, 900), Rect(0, 0, 120, 40), 0), 20, "pt")
    assert whole.lines == ("SAC",)
    stump = LaneBand("s", "Sistema de cobros", Rect(0, 0, 40, 900), Rect(0, 0, 40, 40), 0)
    assert _named_on_overview(stump, 20, "pt").lines == ()  # "Si…" still tells nobody anything


def test_an_external_lane_reading_upwards_keeps_its_marker_on_a_line_of_its_own_where_the_width_holds_it():
    # review 16: "Procesadora de tarjetas" read upwards on the overview without "(parte externa)": in the
    # text, the marker made the longest line too long for the header; on a line of its own beside the
    # name's two it fits
    from flowchart_cli.handout.printed import _named_on_overview
    from flowchart_cli.layout.geometry import LaneBand, Rect
    from flowchart_cli.layout.text import text_width

    size = 20.0
    tall = text_width("(parte externa)", size, bold=True) + 1.6 * size + 2  # the longest line and its ends

    def lane(width: float) -> LaneBand:
        header = Rect(0, 0, width, tall)
        return LaneBand("proc", "Procesadora de tarjetas", Rect(0, 0, width, 900), header, 0, external=True)

    three = _named_on_overview(lane((0.4 + 1.2 * 3) * size), size, "es")
    assert three.sideways and three.lines == ("Procesadora", "de tarjetas", "(parte externa)")
    # across a wider column, "Procesa-" / "dora de" / "tarjetas": as many lines as words, but one word broken
    wider = _named_on_overview(lane(text_width("Procesadora de", size, bold=True) * 0.8), size, "es")
    assert wider.sideways and wider.lines[-1] == "(parte externa)"
    two = _named_on_overview(lane((0.4 + 1.2 * 2.5) * size), size, "es")  # no room for a third line
    assert two.sideways and two.lines == ("Procesadora", "de tarjetas")


def test_the_overview_of_review_16s_card_replacement_marks_the_card_processor_external():
    from flowchart_cli.handout.paper import PAPERS
    from flowchart_cli.handout.printed import print_plan

    flow = check_file(ROOT / "tests" / "layout_cases" / "reposicion-tarjeta.flow.yaml").flow
    whole = printable(laid_out_for_paper(flow, RenderOptions()))  # as the handout lays it out
    plan = print_plan(flow, whole, PAPERS["a4"], words(flow.lang), legend_items=12)
    (lane,) = [lane for lane in plan.first.lanes if lane.name == "Procesadora de tarjetas"]
    assert lane.sideways and lane.lines[-1] == "(parte externa)"


def test_an_outcome_label_beside_a_side_stub_in_a_printed_part_ends_before_the_arrowhead():
    # a printed part sets its labels at its text's size, in bold: the room beside an LR side stub was
    # measured at the drawing's text size, not bold, and "Quantity or delivery" ran into connector B's
    # arrowhead (review 4)
    from flowchart_cli.handout.paper import PAPERS
    from flowchart_cli.handout.printed import print_plan
    from flowchart_cli.layout import layout_flow
    from flowchart_cli.words import words

    flow = check_file(ROOT / "tests" / "layout_cases" / "invoice-dispute.flow.yaml").flow
    plan = print_plan(flow, layout_flow(flow), PAPERS["a4"], words(flow.lang))
    labelled = [e for part in plan.parts for e in part.diagram.edges if e.label_box is not None]
    assert any(e.label == "Quantity or delivery" for e in labelled)
    beside = 0
    for edge in labelled:
        tip, before = edge.points[-1], edge.points[-2]
        box = edge.label_box
        if abs(tip.y - before.y) < 0.01 and tip.x > before.x and box.y - 20 <= tip.y <= box.bottom + 20:
            beside += 1  # a label just above or below a run that ends in an arrowhead pointing right
            assert box.right + 6 <= tip.x - 9, edge.label
    assert beside


def test_a_part_laid_out_again_for_its_words_keeps_them_as_the_layout_set_them(tmp_path: Path):
    """Review 13: rental-damage-dispute's handout stopped with an AssertionError. A part whose connectors'
    words changed was laid out again with them; its column widened a connector's box, which then held
    "from part 5, / step 19 → Offers partial payment" on two lines where a box of its own takes three, and
    the check meant for the trial layout's words refused the layout's own."""
    flow = ROOT / "tests" / "layout_cases" / "rental-damage-dispute.flow.yaml"
    _run("handout", str(flow), "-f", "html", "-o", str(tmp_path))
    _run("render", str(flow), "-f", "pdf", "--paper", "letter", "-o", str(tmp_path))
    html = (tmp_path / "rental-damage-dispute.handout.html").read_text(encoding="utf-8")
    assert "from part 5, step 19 → Offers partial payment" in " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert len(pypdf.PdfReader(tmp_path / "rental-damage-dispute.pdf").pages) >= 3


def test_a_stage_name_too_long_for_its_band_reads_upwards_on_two_lines_in_a_wider_column():
    """Review 13: "Recepció…", "Evaluación del r…" and "Análise do ped…" on the overviews of top-to-bottom
    flows, whose stage column held one line: the column widens for the lines a band's length needs."""
    from flowchart_cli.handout.paper import paper
    from flowchart_cli.handout.printed import print_plan
    from flowchart_cli.writers.svg import write_svg

    flow = load_flow(ROOT / "tests" / "layout_cases" / "aposentadoria.flow.yaml")[0]
    whole = printable(laid_out_for_paper(flow, RenderOptions()))
    overview = print_plan(flow, whole, paper("a4"), words(flow.lang), legend_items=12).first
    named = {stage.name: stage.lines[1:] for stage in overview.stages}
    assert named["Análise do pedido"] == ("Análise do", "pedido")
    assert all("…" not in " ".join(lines) for lines in named.values())  # no name cut short
    assert min(s.label.width for s in overview.stages) > min(s.label.width for s in whole.stages)
    root = ET.fromstring(write_svg(overview, RenderOptions()))
    group = next(g for g in root if g.get("class") == "fc-stage-name" and "".join(g.itertext()) == "Análise dopedido")
    turned = [t for t in group.iter(f"{SVG}text") if "rotate(-90" in t.get("transform", "")]
    assert [float(t.get("x")) for t in turned] == sorted(float(t.get("x")) for t in turned) and len(turned) == 2


def test_the_overview_caption_names_the_external_parties_where_a_header_has_no_room_to_mark_one():
    """Reviews 16–18: an overview header too small for "(parte externa)" ("Tesorería (pasarela de pago)" on two
    lines, "Manu-/fac-/turer") left a party reading as one of the team. The caption names every external party."""
    from handout_fakes import FakeDrawing, load

    from flowchart_cli.handout.view import build_view

    flow = load(ROOT / "tests" / "layout_cases" / "cita-permiso-municipal.flow.yaml")
    view = build_view(flow, layout_flow(flow), FakeDrawing())
    assert view.diagram.parts  # an overview and parts
    sentence = "Partes externas: Vecino o vecina y Tesorería (pasarela de pago)."
    assert view.diagram.caption.endswith(sentence) and view.diagram.caption_screen.endswith(sentence)
    # where every external party is marked on the overview, the caption says nothing more
    flow = load(ROOT / "tests" / "layout_cases" / "equipaje-extraviado.flow.yaml")
    view = build_view(flow, layout_flow(flow), FakeDrawing())
    assert view.diagram.parts and "externa" not in view.diagram.caption
