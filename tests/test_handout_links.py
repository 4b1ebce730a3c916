"""Links in the handout: short in the step table, whole in the References, broken only between an address's parts.

A reviewer found "https:// www.example.c om/sucursales" and a decree's URL over eight lines broken inside its
words.  Read back from the real PDF (poppler's `pdftotext -bbox`) and from the HTML.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from itertools import pairwise

import pytest
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.handout.link_text import breakable, link_text, short_link

DECREE = "https://www.planalto.gov.br/ccivil_03/_ato2019-2022/2022/decreto/D11034.htm"
BRANCHES = "https://www.example.com/sucursales"
TABLE = "https://intranet.example.com/qualidade/tabela-de-classificacao"
MAIL = "mailto:ouvidoria@example.com?subject=Recurso"
FLOW = f"""title: Reclamação
lang: pt
steps:
  - start: Cliente registra a reclamação
  - io: Receber a reclamação e gerar o número de protocolo
    link: {DECREE}
    notes: Informar o protocolo ao cliente logo no início do atendimento.
  - process: Indicar que deve ir a uma agência com o documento de identidade
    link: {BRANCHES}
  - process: Classificar a reclamação por tipo, gravidade e produto
    link: {TABLE}
  - process: Receber o recurso
    link: {MAIL}
  - end: Reclamação encerrada
"""
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>')


def test_short_link_keeps_the_host_and_a_short_last_part() -> None:
    assert short_link(DECREE) == "planalto.gov.br/…/D11034.htm"
    assert short_link(BRANCHES) == "example.com/sucursales"
    assert short_link(TABLE) == "intranet.example.com/…"  # a long last part is left to the References
    assert short_link(MAIL) == "ouvidoria@example.com"
    assert short_link("https://example.com") == "example.com"


def test_an_address_may_break_only_between_its_parts() -> None:
    assert str(breakable(BRANCHES)) == "https://www<wbr>.example<wbr>.com/<wbr>sucursales"
    assert link_text(BRANCHES) == "example\u200b.com/\u200bsucursales"
    assert str(breakable("https://x.org/<b>")) == "https://x<wbr>.org/<wbr>&lt;b&gt;"  # still escaped


def _allowed(before: str, after: str) -> bool:
    """A line may end after a "/" or "@" or before a ".", "-", "_", "?", "&", "=" of an address."""
    return before.endswith(("/", "@")) or after[:1] in ".-_?&="


@pytest.fixture(scope="module")
def pdf_words(tmp_path_factory) -> list[list[tuple[float, float, float, str]]]:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) missing")
    folder = tmp_path_factory.mktemp("links")
    flow = folder / "reclamacao.flow.yaml"
    flow.write_text(FLOW, encoding="utf-8")
    result = CliRunner().invoke(app, ["handout", str(flow), "--format", "pdf", "-o", str(folder)])
    assert result.exit_code == 0, result.output
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(folder / "reclamacao.handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [(float(x), float(y0), float(y1), word) for x, y0, y1, word in WORD.findall(page)]
        for page in bbox.split("<page ")[1:]
    ]


def _column_cells(words: list[tuple[float, float, float, str]], heading: str) -> list[str]:
    """The texts of the step table's column ``heading``, one per cell (lines of a cell joined)."""
    head = next(w for w in words if w[3] == heading)
    # the cells' lines start where the heading does (left-aligned); the References further down start elsewhere
    column = sorted((w for w in words if abs(w[0] - head[0]) < 1 and w[1] > head[2]), key=lambda w: w[1])
    cells: list[list[tuple[float, float, float, str]]] = []
    for word in column:
        if cells and word[1] - cells[-1][-1][2] < 6:  # the next line of the same cell
            cells[-1].append(word)
        else:
            cells.append([word])
    return ["\n".join(w[3] for w in cell) for cell in cells]


@pytest.mark.slow
def test_the_step_table_prints_each_link_short_and_breaks_it_between_parts(pdf_words) -> None:
    page = next(words for words in pdf_words if any(w[3] == "Links" for w in words))
    links = [cell for cell in _column_cells(page, "Links") if cell != "—"]
    assert [cell.replace("\n", "") for cell in links] == [
        "planalto.gov.br/…/D11034.htm",
        "example.com/sucursales",
        "intranet.example.com/…",
        "ouvidoria@example.com",
    ]
    for cell in links:
        lines = cell.split("\n")
        assert len(lines) <= 3, cell
        assert all(_allowed(a, b) for a, b in pairwise(lines)), cell


@pytest.mark.slow
def test_the_references_print_each_whole_url_broken_between_parts(pdf_words) -> None:
    text = "\n".join(w[3] for words in pdf_words for w in words)
    for url in (DECREE, TABLE):
        start = text.index(url[:20])
        pieces = []
        for line in text[start:].split("\n"):
            pieces.append(line)
            if "".join(pieces) == url:
                break
            assert len("".join(pieces)) < len(url), (url, pieces)
        assert all(_allowed(a, b) for a, b in pairwise(pieces)), pieces
