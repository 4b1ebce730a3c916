"""`flowchart import` of Visio drawings: a cross-functional flowchart with lanes and phases, written
as a complete Visio package by ``vsdx_maker``, and a plain one with a master Visio does not call a symbol."""

from __future__ import annotations

import io
import zipfile

from import_support import CASES, imported_flow, lines_of, steps_of
from vsdx_maker import Connector, Shape, vsdx

from flowchart_cli.importing import import_drawing

CROSS_FUNCTIONAL = vsdx(
    [
        Shape(1, "Swimlane", "Cliente", 2.0, 5.0, 3.0, 10.0),
        Shape(2, "Swimlane", "Soporte", 5.0, 5.0, 3.0, 10.0),
        Shape(3, "Phase", "Contacto", 3.5, 8.0, 6.0, 4.0),
        Shape(4, "Phase", "Resolución", 3.5, 3.0, 6.0, 6.0),
        Shape(10, "Start/End", "Abre un ticket", 2.0, 9.0),
        Shape(11, "Data", "Formulario web", 2.0, 7.5),
        Shape(12, "Decision", "¿Es urgente?", 5.0, 7.0),
        Shape(13, "Process", "Llamar al cliente", 5.0, 5.0),
        Shape(14, "Document", "Responder por correo", 3.0, 4.0),
        Shape(15, "Database", "Guardar en el historial", 5.0, 2.5),
        Shape(16, "Start/End", "Ticket cerrado", 5.0, 1.0),
    ],
    [
        Connector(20, 10, 11),
        Connector(21, 11, 12),
        Connector(22, 12, 13, "Sí"),
        Connector(23, 12, 14, "No"),
        Connector(24, 13, 15),
        Connector(25, 14, 15),
        Connector(26, 15, 16),
    ],
    page_name="Atención de tickets",
)


def test_cross_functional_lanes_phases_masters_and_glue(tmp_path):
    path = tmp_path / "tickets.vsdx"
    path.write_bytes(CROSS_FUNCTIONAL)
    flow, text, notes = imported_flow(path)
    assert flow.title == "Atención de tickets" and flow.direction == "TB" and flow.lang == "es"
    assert [lane.name for lane in flow.lanes] == ["Cliente", "Soporte"]
    assert [stage.name for stage in flow.stages] == ["Contacto", "Resolución"]
    assert "stages:\n  - Contacto\n  - Resolución\nsteps:\n" in text
    assert steps_of(flow) == [
        ("start", "Abre un ticket", "Cliente", "Contacto"),
        ("io", "Formulario web", "Cliente", "Contacto"),
        ("decision", "¿Es urgente?", "Soporte", "Contacto"),
        ("process", "Llamar al cliente", "Soporte", "Resolución"),
        ("document", "Responder por correo", "Cliente", "Resolución"),
        ("database", "Guardar en el historial", "Soporte", "Resolución"),
        ("end", "Ticket cerrado", "Soporte", "Resolución"),
    ]
    assert lines_of(flow) == {
        ("Abre un ticket", "Formulario web", ""),
        ("Formulario web", "¿Es urgente?", ""),
        ("¿Es urgente?", "Llamar al cliente", "Sí"),
        ("¿Es urgente?", "Responder por correo", "No"),
        ("Llamar al cliente", "Guardar en el historial", ""),
        ("Responder por correo", "Guardar en el historial", ""),
        ("Guardar en el historial", "Ticket cerrado", ""),
    }
    assert notes == ()


def test_unknown_master_is_a_process_with_a_note(tmp_path):
    path = tmp_path / "simple.vsdx"
    path.write_bytes(
        vsdx(
            [Shape(1, "Terminator", "Start", 1, 5), Shape(2, "Cloud", "Think it over", 1, 3),
             Shape(3, "Terminator", "Done", 1, 1)],
            [Connector(4, 1, 2), Connector(5, 2, 3)],
        )
    )  # fmt: skip
    flow, text, notes = imported_flow(path)
    assert flow.title == "Simple"
    assert steps_of(flow) == [("start", "Start", None, None), ("process", "Think it over", None, None),
                              ("end", "Done", None, None)]  # fmt: skip
    assert notes == (("step-2", "the Visio master 'cloud' is not a flowchart symbol: written as a process"),)
    assert "  # note: the Visio master 'cloud'" in text


def test_a_drawing_saved_by_visio(tmp_path):
    """Plain boxes (no stencil) glued with Visio's dynamic connectors; the page name is Visio's default."""
    flow, _, notes = imported_flow(CASES / "visio-connectors.vsdx")
    assert flow.title == "Visio connectors"
    assert steps_of(flow) == [("start", "Shape A", None, None), ("process", "Shape B", None, None),
                              ("end", "Shape C", None, None)]  # fmt: skip
    assert lines_of(flow) == {("Shape A", "Shape B", ""), ("Shape B", "Shape C", "")}
    assert [step for step, _ in notes] == ["step-1", "step-3"]  # the start and the end guessed from the lines
    path = CASES / "visio-connectors.vsdx"
    network = import_drawing(path, path.read_bytes(), page=3)  # a network drawing, not a flowchart: said so
    assert ("step-2", "the Visio master 'switch' is not a flowchart symbol: written as a process") in network.notes


def test_shapes_named_without_a_master_and_text_in_grouped_shapes(tmp_path):
    """Some tools write no masters: the shape's own name says what it is, its text may sit in a grouped shape."""
    page = (
        '<?xml version="1.0" encoding="utf-8"?><PageContents xmlns="http://schemas.microsoft.com/office/visio/2012/main">'
        "<Shapes>"
        '<Shape ID="1" NameU="Start/End.1"><Cell N="PinX" V="1"/><Cell N="PinY" V="5"/><Cell N="Width" V="1"/>'
        '<Cell N="Height" V="0.5"/><Text>Begin</Text></Shape>'
        '<Shape ID="2" NameU="Decision.2" Type="Group"><Cell N="PinX" V="1"/><Cell N="PinY" V="3"/>'
        '<Cell N="Width" V="1"/><Cell N="Height" V="1"/><Shapes><Shape ID="5"><Text>Approved?</Text></Shape></Shapes>'
        "</Shape>"
        '<Shape ID="3" NameU="Start/End.3"><Cell N="PinX" V="1"/><Cell N="PinY" V="1"/><Cell N="Width" V="1"/>'
        '<Cell N="Height" V="0.5"/><Text>Done</Text></Shape>'
        '<Shape ID="4" NameU="Start/End.4"><Cell N="PinX" V="3"/><Cell N="PinY" V="3"/><Cell N="Width" V="1"/>'
        '<Cell N="Height" V="0.5"/><Text>Stopped</Text></Shape>'
        '<Shape ID="6"><Text>Yes</Text></Shape><Shape ID="7"><Text>No</Text></Shape><Shape ID="8"/>'
        "</Shapes><Connects>"
        '<Connect FromSheet="8" FromCell="BeginX" ToSheet="1"/><Connect FromSheet="8" FromCell="EndX" ToSheet="2"/>'
        '<Connect FromSheet="6" FromCell="BeginX" ToSheet="2"/><Connect FromSheet="6" FromCell="EndX" ToSheet="3"/>'
        '<Connect FromSheet="7" FromCell="BeginX" ToSheet="2"/><Connect FromSheet="7" FromCell="EndX" ToSheet="4"/>'
        "</Connects></PageContents>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("visio/pages/page1.xml", page)
    path = tmp_path / "lucid.vsdx"
    path.write_bytes(buffer.getvalue())
    flow, _, notes = imported_flow(path)
    assert steps_of(flow) == [("start", "Begin", None, None), ("decision", "Approved?", None, None),
                              ("end", "Done", None, None), ("end", "Stopped", None, None)]  # fmt: skip
    assert lines_of(flow) == {("Begin", "Approved?", ""), ("Approved?", "Done", "Yes"), ("Approved?", "Stopped", "No")}
    assert notes == ()
