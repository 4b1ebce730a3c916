"""The small pieces of `flowchart import` that decide how the flow file reads: quoting, ids, language, order."""

from __future__ import annotations

import pytest
import yaml

from flowchart_cli.importing.ids import IdMaker, id_from
from flowchart_cli.importing.language import guess_lang
from flowchart_cli.importing.ordering import flow_order
from flowchart_cli.importing.text import html_text
from flowchart_cli.importing.yaml_text import scalar

TRAPS = ["Yes", "No", "on", "off", "y", "n", "null", "~", "1", "1.5", "0x1F", "2026-01-01", "12:30", "a: b", "#x",
         "x #y", "- x", "? x", "*ref", "&anchor", "!tag", "%x", "@x", "`x`", '"q"', "'q'", "[a]", "{a}", "x:",
         " x", "x ", "", "a\tb", "é: ü"]  # fmt: skip
PLAIN = ["¿La queja es grave?", "Sí", "Não", "Registrar la queja en el CRM", "Paso 2 de 3", "e-mail", "a:b"]


@pytest.mark.parametrize("text", TRAPS + PLAIN)
def test_every_value_reads_back_as_the_same_text(text):
    assert yaml.safe_load(f"k: {scalar(text)}") == {"k": text}
    assert yaml.safe_load(f"{scalar(text)}: v") == {text: "v"}


@pytest.mark.parametrize("text", PLAIN)
def test_text_yaml_reads_as_text_stays_unquoted(text):
    assert scalar(text) == text


def test_accents_and_other_scripts_are_written_as_typed():
    assert scalar("Ação: revisar") == '"Ação: revisar"'  # quoted for the ': ', not escaped


@pytest.mark.parametrize(
    ("label", "expected"),
    [("¿La queja es grave?", "queja_grave"), ("Registrar la queja en el CRM", "registrar_queja_crm"),
     ("Enviar o pedido ao cliente", "enviar_pedido_cliente"), ("Шаг один", "шаг_один"), ("", "paso"),
     ("¿?", "paso"), ("A", "a")],
)  # fmt: skip
def test_ids_are_readable_words_of_the_label(label, expected):
    assert id_from(label, "paso") == expected


def test_ids_are_unique_ignoring_case():
    maker = IdMaker()
    assert [maker.make("Revisar"), maker.make("revisar"), maker.make("REVISAR")] == [
        "revisar",
        "revisar_2",
        "revisar_3",
    ]


@pytest.mark.parametrize(
    ("labels", "lang"),
    [(["¿La queja es grave?", "Registrar la solicitud del cliente"], "es"),
     (["Enviar a nota fiscal", "Aprovação do pedido", "Não"], "pt"),
     (["Check the request", "Send the refund to the customer"], "en"),
     (["Go", "x", "y", "End"], "en")],
)  # fmt: skip
def test_language_from_the_labels(labels, lang):
    assert guess_lang(labels) == lang


def test_html_labels_lose_their_tags_and_entities():
    assert (
        html_text("<div><b>Revisar</b>&nbsp;el<br>pedido &amp; la&#xa0;factura</div>")
        == "Revisar el pedido & la factura"
    )


def test_flow_order_puts_the_first_outcome_first_and_loops_back_last():
    successors = {
        "start": ["check"],
        "check": ["fix", "ok"],  # first outcome: fix
        "fix": ["check"],  # a loop back
        "ok": ["end"],
        "end": [],
    }
    assert flow_order(["start"], successors, list(successors)) == ["start", "check", "fix", "ok", "end"]


def test_flow_order_keeps_a_merge_after_both_branches_and_unreached_steps_last():
    successors = {"s": ["d"], "d": ["a", "b"], "a": ["m"], "b": ["m"], "m": [], "lost": ["m"]}
    assert flow_order(["s"], successors, list(successors)) == ["s", "d", "a", "b", "m", "lost"]
