"""The printed handout measured as a trainee gets it: word sizes, step numbers on the diagram, a tagged PDF.

Reads the PDFs back with poppler's `pdftotext -bbox` and `pdfinfo` (Debian:
poppler-utils); skipped, saying so, when they are missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from handout_fakes import big_flow_text
from typer.testing import CliRunner

from flowchart_cli.check import check_file
from flowchart_cli.cli import app
from flowchart_cli.words import words

pytestmark = [pytest.mark.slow, pytest.mark.integration]

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.flow.yaml"))
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
SMALLEST_WORD_PT = 6.5

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")), reason="poppler-utils (pdftotext, pdfinfo) missing"
)


def handout_pdf(flow: Path, out: Path, *options: str) -> Path:
    result = CliRunner().invoke(app, ["handout", str(flow), "--format", "pdf", "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return out / flow.name.replace(".flow.yaml", ".handout.pdf")


def page_words(pdf: Path) -> list[list[tuple[float, str]]]:
    """Each page's words with their sizes (pt): a word's height, or for a word of one or two characters its
    width if that is more (an overview's lane name reading upwards: poppler boxes a turned "0" across its
    advance, and the box's width is then its height)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout

    def size(x0: str, y0: str, x1: str, y1: str, word: str) -> float:
        height, width = float(y1) - float(y0), float(x1) - float(x0)
        return max(height, width) if len(word) <= 2 else height

    return [[(size(*box), box[-1]) for box in WORD.findall(page)] for page in html.split("<page ")[1:]]


def flows(tmp_path: Path) -> list[Path]:
    sixty = tmp_path / "sesenta.flow.yaml"
    sixty.write_text(big_flow_text(60), encoding="utf-8")
    return [*SAMPLES, sixty]


@needs_poppler
def test_every_word_is_readable_the_diagram_shows_every_number_and_the_pdf_is_tagged(tmp_path):
    for flow_path in flows(tmp_path):
        flow = check_file(flow_path).flow
        pdf = handout_pdf(flow_path, tmp_path / "out")
        pages = page_words(pdf)
        for number, page in enumerate(pages, start=1):
            smallest = min(page, default=(99.0, ""))
            assert smallest[0] >= SMALLEST_WORD_PT, f"{pdf.name} page {number}: “{smallest[1]}” is {smallest[0]:.1f} pt"
        heading = words(flow.lang)["steps"].split()  # "Step by step": on its own page, or under a lone legend
        table = next(i for i, page in enumerate(pages) if i > 0 and _has_run([w for _, w in page], heading))
        drawn = {int(w) for page in pages[1:table] for _, w in page if w.isdigit()}
        assert set(range(1, len(flow.steps) + 1)) <= drawn, f"{pdf.name}: step numbers missing from the diagram"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes", info, re.M), pdf.name


@needs_poppler
def test_paper_sizes_reach_the_pdf(tmp_path):
    sample = ROOT / "samples" / "troca-de-produto.flow.yaml"
    for paper, size in (("letter", (612, 792)), ("a3", (842, 1191))):
        info = subprocess.run(
            ["pdfinfo", str(handout_pdf(sample, tmp_path / paper, "--paper", paper))], capture_output=True, text=True
        ).stdout
        width, height = (round(float(v)) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        assert tuple(sorted((width, height))) == size


def test_mono_theme_reaches_every_drawing_of_the_handout(tmp_path):
    sample = ROOT / "samples" / "gestion-quejas.flow.yaml"
    result = CliRunner().invoke(app, ["handout", str(sample), "--theme", "mono", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "gestion-quejas.handout.html").read_text(encoding="utf-8")
    drawings = [s for s in re.findall(r"<svg\b.*?</svg>", html, re.S) if "fc-step" in s]
    assert len(drawings) >= 2  # the overview and its parts
    for drawing in drawings:
        assert set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{3,6})"', drawing)) <= {"#ffffff", "#000000"}


def test_an_unknown_paper_is_a_usage_error(tmp_path):
    sample = ROOT / "samples" / "gestion-quejas.flow.yaml"
    result = CliRunner().invoke(app, ["handout", str(sample), "--paper", "b5", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "b5" in result.output and not list(tmp_path.iterdir())


def test_the_step_table_never_leaves_a_lone_row_on_a_page():
    import io

    import pypdf
    from weasyprint import HTML

    from flowchart_cli.resources import templates_dir

    css = (templates_dir() / "handout" / "handout.css").read_text(encoding="utf-8")
    rules = "\n".join(line for line in css.splitlines() if line.startswith(".step-table"))
    rows = "".join(f"<tr><td>{i}</td></tr>" for i in range(1, 10))
    page = "@page { size: 100mm 100mm; margin: 5mm } td { height: 20mm }"
    html = f"<style>{page}\n{rules}</style><table class='step-table'><tbody>{rows}</tbody></table>"
    pages = [p.extract_text().split() for p in pypdf.PdfReader(io.BytesIO(HTML(string=html).write_pdf())).pages]
    assert [word for words in pages for word in words] == [str(i) for i in range(1, 10)]
    assert all(len(words) >= 2 for words in pages), pages  # four rows fit a page: 4 + 3 + 2, never 4 + 4 + 1


def _printed_pages(body: str) -> list[list[str]]:
    """The words of each page of ``body`` printed by WeasyPrint with the handout's rules for headings, lists and
    the checklist, on 100 mm pages whose first 62 mm are taken."""
    import io

    import pypdf
    from weasyprint import HTML

    from flowchart_cli.resources import templates_dir

    css = (templates_dir() / "handout" / "handout.css").read_text(encoding="utf-8")
    starts = ("h1, h2, h3", "h2 + p", "ol > li", "ul > li", "section.checklist", ".ticks")
    rules = "\n".join(line for line in css.splitlines() if line.startswith(starts))
    page = "@page { size: 100mm 100mm; margin: 5mm } h2 { height: 8mm; margin: 0 } li { height: 7mm }"
    html = f"<style>{page}\n{rules}</style><div style='height: 62mm'>filler</div>{body}"
    return [p.extract_text().split() for p in pypdf.PdfReader(io.BytesIO(HTML(string=html).write_pdf())).pages]


def test_a_heading_never_ends_a_page_with_a_single_item_under_it():
    """Review 3 #13: "Trainee checklist" and one tick were left at the foot of a page, the rest on the next."""
    ticks = "".join(f"<li>tick{i}</li>" for i in range(1, 6))
    pages = _printed_pages(f"<section class='checklist'><h2>Checklist</h2><ul class='ticks'>{ticks}</ul></section>")
    (holding,) = [words for words in pages if "Checklist" in words]
    assert [w for w in holding if w.startswith("tick")] == [f"tick{i}" for i in range(1, 6)], pages  # moved whole
    ticks = "".join(f"<li>tick{i}</li>" for i in range(1, 16))  # longer than a page: it cannot move whole
    pages = _printed_pages(f"<section class='checklist'><h2>Checklist</h2><ul class='ticks'>{ticks}</ul></section>")
    (holding,) = [words for words in pages if "Checklist" in words]
    assert len([w for w in holding if w.startswith("tick")]) >= 2, pages


def _has_run(words_on_page: list[str], run: list[str]) -> bool:
    """Whether ``run`` stands on the page as consecutive words."""
    return any(words_on_page[k : k + len(run)] == run for k in range(len(words_on_page) - len(run) + 1))
