"""The data a drawing does not show survives `render -f drawio` → edits in draw.io → `import`.

Ids, notes, durations, links, refs and shares of steps, lanes' and stages'
ids, descriptions and `external`, and the flow's own keys travel as draw.io
custom data (``fc_*`` attributes of a ``UserObject``).  What comes back is
checked as a flow file's keys are: an unusable link, a ref on a step that
can no longer have one, shares of an outcome that was renamed are left out
with a note, and the imported flow passes `check`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from import_support import CASES, drawio_check, imported_flow, lines_of
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.loader import load_flow
from flowchart_cli.model import Flow

CASE = CASES / "reclamacao.flow.yaml"
PROCESS = "rounded=0;whiteSpace=wrap;html=1;"


def _render(tmp_path: Path, sample: Path = CASE) -> Path:
    result = CliRunner().invoke(app, ["render", str(sample), "-f", "drawio", "-o", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    return tmp_path / sample.name.replace(".flow.yaml", ".drawio")


def _edited(path: Path, edit: Callable[[dict[str, ET.Element], ET.Element], None]) -> Path:
    """``path`` after ``edit`` changed its cells (id → the element that carries the id) as draw.io would save them."""
    tree = ET.parse(path)
    root = tree.getroot()
    cells = {e.get("id"): e for e in root.iter() if e.tag in ("mxCell", "UserObject", "object") and e.get("id")}
    edit(cells, root.find("./diagram/mxGraphModel/root"))
    tree.write(path, encoding="utf-8", xml_declaration=False)
    return path


def _step(flow: Flow, label: str):
    return next(s for s in flow.steps if s.label == label)


def _notes_about(notes: tuple, step_name: str) -> list[str]:
    return [text for name, text in notes if name == step_name]


@pytest.fixture(scope="module")
def original() -> Flow:
    return load_flow(CASE)[0]


def test_an_unedited_drawing_gives_back_every_key(tmp_path, original):
    back, text, _ = imported_flow(_render(tmp_path))
    keys = ("title", "lang", "version", "owner", "updated", "description", "direction")
    assert [getattr(back, k) for k in keys] == [getattr(original, k) for k in keys]
    assert [(x.id, x.name, x.description, x.external) for x in back.lanes] == [
        (x.id, x.name, x.description, x.external) for x in original.lanes
    ]
    assert [(x.id, x.name, x.description) for x in back.stages] == [
        (x.id, x.name, x.description) for x in original.stages
    ]
    for step in original.steps:
        twin = _step(back, step.label)
        assert (twin.id, twin.notes, twin.duration, twin.link, twin.ref) == (
            step.id,
            step.notes,
            step.duration,
            step.link,
            step.ref,
        )
        assert [(s.outcome, s.text) for s in twin.shares] == [(s.outcome, s.text) for s in step.shares]
    assert lines_of(back) == lines_of(original)
    # written as a person would: notes of two lines as a block, a plain name where the lane is only a name
    assert '    notes: |-\n      Confirme <CPF> & número do cartão.\n      Nunca peça a senha "completa".\n' in text
    assert "  - Análise\n" in text and "    external: true\n" in text


def test_notes_are_data_not_markup(tmp_path, original):
    """`<`, `&`, quotes and line breaks are in the attribute as text: no HTML, nothing lost."""
    root = ET.parse(_render(tmp_path)).getroot()
    cell = next(e for e in root.iter("UserObject") if e.get("id") == "step-registrar")
    assert cell.get("fc_notes") == _step(original, "Registrar a contestação").notes
    assert "\n" in cell.get("fc_notes") and "<CPF>" in cell.get("fc_notes")
    assert "CPF" not in cell.get("label")  # the label shows the step's text only


def test_a_relabelled_step_keeps_its_id_and_notes(tmp_path, original):
    def relabel(cells, _):
        cells["step-registrar"].set("label", "Registrar a reclamação no CRM")

    back, _, _ = imported_flow(_edited(_render(tmp_path), relabel))
    step = _step(back, "Registrar a reclamação no CRM")
    assert step.id == "registrar" and step.notes == _step(original, "Registrar a contestação").notes
    assert _step(back, "Pedir o extrato ao cliente").next == "registrar"


def test_the_same_id_on_two_steps_is_kept_once(tmp_path):
    """A shape copied in draw.io carries its original's data: only one step keeps the id."""

    def copy_id(cells, _):
        cells["step-pedir"].set("fc_id", "estornar")

    back, _, notes = imported_flow(_edited(_render(tmp_path), copy_id))
    assert [s.id for s in back.steps].count("estornar") == 1
    assert any("another step's too" in text for _, text in notes)


@pytest.mark.parametrize(
    "link",
    ["https://intranet.example@evil.test/", "javascript:alert(1)", "https://intranet.example/a b"],
)
def test_an_unusable_link_is_left_out_with_a_note(tmp_path, link):
    def bad_link(cells, _):  # changed with Edit Data: the link shown (draw.io's own) taken away
        cells["step-registrar"].attrib.pop("link")
        cells["step-registrar"].set("fc_link", link)

    back, _, notes = imported_flow(_edited(_render(tmp_path), bad_link))
    assert _step(back, "Registrar a contestação").link == ""
    assert any("link" in text and link in text for text in _notes_about(notes, "registrar"))


def test_a_link_removed_with_draw_io_edit_link_stays_removed(tmp_path, original):
    """The carried ``fc_link`` does not bring back a link the user took off the shape in draw.io."""
    assert _step(original, "Registrar a contestação").link

    def unlink(cells, _):
        cells["step-registrar"].attrib.pop("link")

    back, _, notes = imported_flow(_edited(_render(tmp_path), unlink))
    assert _step(back, "Registrar a contestação").link == ""
    assert not _notes_about(notes, "registrar")


def test_a_link_set_with_draw_io_edit_link_is_the_step_link(tmp_path):
    """draw.io's own `link` (Edit Link) is what the user sees and edits: it wins over the carried one."""

    def relink(cells, _):
        cells["step-registrar"].set("link", "https://intranet.example/kb/estorno")
        cells["step-estornar"].set("link", "data:page/id,abc")

    back, _, notes = imported_flow(_edited(_render(tmp_path), relink))
    assert _step(back, "Registrar a contestação").link == "https://intranet.example/kb/estorno"
    assert _step(back, "Estornar o valor").link == ""
    assert any("data:page/id,abc" in text for text in _notes_about(notes, "estornar"))


def test_shares_of_a_renamed_outcome_are_left_out(tmp_path):
    def rename_outcome(cells, _):
        edge = next(c for c in cells.values() if c.get("value") == "Acima de R$ 500")
        edge.set("value", "Mais de R$ 500")

    back, _, notes = imported_flow(_edited(_render(tmp_path), rename_outcome))
    decision = _step(back, "Qual o valor contestado?")
    assert [(s.outcome, s.text) for s in decision.shares] == [("Até R$ 500", "70%")]
    assert any("Acima de R$ 500" in text for text in _notes_about(notes, "valor"))


def test_a_ref_on_a_step_redrawn_as_a_process_is_left_out(tmp_path):
    def restyle(cells, _):
        cells["step-aprovar"].find("mxCell").set("style", PROCESS)

    back, _, notes = imported_flow(_edited(_render(tmp_path), restyle))
    step = _step(back, "Aprovação de estorno")
    assert step.kind == "process" and step.ref == "" and step.duration == "1 dia útil"
    assert any("ref" in text for text in _notes_about(notes, "aprovar"))


def test_data_given_in_draw_io_edit_data_is_read(tmp_path):
    """draw.io's "Edit Data" wraps a plain cell in an ``<object>``: its fc_* attributes are read like ours."""

    def add_data(cells, model):
        plain = next(
            c
            for c in cells.values()
            if c.tag == "mxCell" and c.get("value", "").split("<br>") == ["Cliente", "informado"]
        )  # an LR box: on two lines
        index = list(model).index(plain)
        model.remove(plain)
        wrapper = ET.Element("object", label=plain.attrib.pop("value"), id=plain.attrib.pop("id"))
        wrapper.set("fc_notes", "Enviar o protocolo\npor e-mail & SMS")
        wrapper.set("fc_duration", "2 min")
        wrapper.append(plain)
        model.insert(index, wrapper)

    back, _, _ = imported_flow(_edited(_render(tmp_path), add_data))
    end = _step(back, "Cliente informado")
    assert (end.notes, end.duration, end.id) == ("Enviar o protocolo\npor e-mail & SMS", "2 min", None)


def test_a_step_added_by_hand_and_a_drawing_made_elsewhere_carry_nothing(tmp_path):
    back, _, _ = imported_flow(CASES / "soporte-plano.drawio")
    assert all(not (s.notes or s.duration or s.link or s.ref or s.shares) for s in back.steps)
    assert (back.version, back.owner, back.updated) == ("", "", "")


def test_the_drawing_with_data_is_byte_identical_from_run_to_run(tmp_path):
    first = _render(tmp_path / "a").read_bytes()
    assert first == _render(tmp_path / "b").read_bytes()
    assert b'fc_shares="{&quot;At\xc3\xa9 R$ 500&quot;: &quot;70%&quot;, ' in first


@pytest.mark.slow
def test_draw_io_reads_the_data_as_its_own(tmp_path, original):
    report = drawio_check(_render(tmp_path), "--no-editor")
    cells = {c["id"]: c for c in report["cells"]}
    assert cells["step-registrar"]["attributes"]["fc_notes"] == _step(original, "Registrar a contestação").notes
    assert cells["0"]["attributes"]["fc_version"] == "3.0"
    assert cells["lane-1"]["attributes"]["fc_external"] == "true"
