"""`flowchart import` of draw.io files made by hand the way draw.io saves them.

Each file under ``import_cases/`` is loaded by draw.io's own code (slow tests)
to prove it is what draw.io reads, and imported into a flow whose steps,
symbols, lanes and lines are asserted one by one.
"""

from __future__ import annotations

import pytest
from import_support import CASES, drawio_check, imported_flow, lines_of, steps_of

DRAWN = ["soporte-plano.drawio", "devolucion-pool.drawio", "troca-comprimido.drawio", "helpdesk-pool-rows.drawio"]


@pytest.mark.slow
@pytest.mark.parametrize("name", DRAWN)
def test_each_hand_made_file_is_one_draw_io_reads(name):
    report = drawio_check(CASES / name, "--no-editor")
    assert report["ok"] and report["vertices"] >= 6 and report["edges"] >= 5
    if name == "troca-comprimido.drawio":
        assert report["pageInfo"][0]["compressed"] is True


def test_plain_general_palette_with_html_labels_and_a_loop_back():
    flow, text, notes = imported_flow(CASES / "soporte-plano.drawio")
    assert flow.title == "Soporte técnico" and flow.lang == "es" and not flow.lanes
    assert steps_of(flow) == [
        ("start", "Llega un correo de soporte", None, None),
        ("io", "Datos del cliente y del equipo", None, None),
        ("database", "Buscar el contrato en el CRM", None, None),
        ("decision", "¿Tiene garantía?", None, None),
        ("process", "Reparar el equipo", None, None),
        ("decision", "¿Funciona?", None, None),
        ("document", "Enviar presupuesto", None, None),
        ("end", "Caso cerrado", None, None),
    ]
    assert lines_of(flow) == {
        ("Llega un correo de soporte", "Datos del cliente y del equipo", ""),
        ("Datos del cliente y del equipo", "Buscar el contrato en el CRM", ""),
        ("Buscar el contrato en el CRM", "¿Tiene garantía?", ""),
        ("¿Tiene garantía?", "Reparar el equipo", "Sí"),
        ("¿Tiene garantía?", "Enviar presupuesto", "No"),
        ("Reparar el equipo", "¿Funciona?", ""),
        ("¿Funciona?", "Caso cerrado", "Sí"),
        ("¿Funciona?", "Reparar el equipo", "No"),
        ("Enviar presupuesto", "Caso cerrado", ""),
    }
    assert '"No": enviar_presupuesto' in text and "¿Tiene garantía?\n" in text  # quoted only where YAML needs it
    assert notes == ((None, "1 cell(s) that are not steps (text, pictures, groups) left out"),)


def test_pool_of_column_lanes_flowchart_palette_and_edge_label_cells():
    flow, text, _ = imported_flow(CASES / "devolucion-pool.drawio")
    assert [lane.name for lane in flow.lanes] == ["Cliente", "Atención al cliente", "Almacén"]  # the pool is no lane
    assert flow.direction == "TB" and "lanes:\n  - Cliente\n  - Atención al cliente\n  - Almacén\n" in text
    assert steps_of(flow) == [
        ("start", "Pide la devolución", "Cliente", None),
        ("manual_input", "Formulario de devolución", "Cliente", None),
        ("decision", "¿Dentro de 30 días?", "Atención al cliente", None),
        ("preparation", "Preparar la etiqueta de envío", "Atención al cliente", None),
        ("delay", "Esperar el paquete", "Almacén", None),
        ("subprocess", "Revisar el producto", "Almacén", None),
        ("end", "Reembolso hecho", "Almacén", None),
        ("document", "Rechazar la devolución", "Atención al cliente", None),
        ("end", "Devolución rechazada", "Cliente", None),
    ]
    assert ("¿Dentro de 30 días?", "Preparar la etiqueta de envío", "Sí") in lines_of(flow)
    assert ("¿Dentro de 30 días?", "Rechazar la devolución", "No") in lines_of(flow)
    assert len(lines_of(flow)) == 8


def test_second_page_by_number():
    flow, _, _ = imported_flow(CASES / "devolucion-pool.drawio", page=2)
    assert flow.title == "Notas" and flow.lang == "en"
    assert steps_of(flow) == [("start", "Start", None, None), ("process", "Log the return", None, None),
                              ("end", "Done", None, None)]  # fmt: skip


def test_compressed_page_of_row_lanes_with_a_group_and_a_line_without_arrow():
    flow, text, notes = imported_flow(CASES / "troca-comprimido.drawio")
    assert flow.direction == "LR" and flow.lang == "pt"
    assert [lane.name for lane in flow.lanes] == ["Cliente", "Loja"]
    assert steps_of(flow) == [
        ("start", "Solicitar a troca", "Cliente", None),
        ("document", "Nota fiscal da compra", "Cliente", None),
        ("decision", "Produto com defeito?", "Loja", None),  # inside a group inside the lane
        ("process", "Trocar o produto", "Loja", None),
        ("subprocess", "Oferecer crédito na loja", "Cliente", None),
        ("end", "Troca concluída", "Loja", None),
    ]
    assert lines_of(flow) == {
        ("Solicitar a troca", "Nota fiscal da compra", ""),
        ("Nota fiscal da compra", "Produto com defeito?", ""),
        ("Produto com defeito?", "Trocar o produto", "Sim"),
        ("Produto com defeito?", "Oferecer crédito na loja", "Não"),
        ("Trocar o produto", "Troca concluída", ""),
        ("Oferecer crédito na loja", "Troca concluída", ""),
    }
    step, note = notes[-1]
    assert step == "oferecer_credito_loja" and "no arrow" in note
    assert "  # note: the line to" in text


def test_horizontal_pool_of_row_lanes_with_a_three_way_decision_and_a_loop_back():
    flow, _, notes = imported_flow(CASES / "helpdesk-pool-rows.drawio")
    assert flow.title == "IT help desk" and flow.direction == "LR" and flow.lang == "en"
    assert [lane.name for lane in flow.lanes] == ["Employee", "Service desk", "Vendor"]
    assert steps_of(flow) == [
        ("start", "Laptop won't start", "Employee", None),
        ("io", "Log a ticket", "Employee", None),
        ("decision", "What kind of fault?", "Service desk", None),
        ("process", "Reset the password", "Service desk", None),
        ("subprocess", "Reinstall the system", "Service desk", None),
        ("decision", "Works again?", "Service desk", None),
        ("end", "Ticket closed", "Employee", None),
        ("end", "Ship it for repair", "Vendor", None),  # an off-page reference no line leaves
    ]
    assert lines_of(flow) == {
        ("Laptop won't start", "Log a ticket", ""),
        ("Log a ticket", "What kind of fault?", ""),
        ("What kind of fault?", "Reset the password", "Account"),
        ("What kind of fault?", "Reinstall the system", "Software"),
        ("What kind of fault?", "Ship it for repair", "Hardware"),
        ("Reset the password", "Works again?", ""),
        ("Reinstall the system", "Works again?", ""),
        ("Works again?", "Ticket closed", "Yes"),
        ("Works again?", "What kind of fault?", "No"),
    }
    assert notes == (("ship_repair", "no line leaves this offpage shape: written as an end"),)
