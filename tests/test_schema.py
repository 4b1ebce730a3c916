"""`flowchart schema`: a valid JSON Schema, generated from the code's tables, that fits the samples."""

from __future__ import annotations

import copy
import json
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from flowchart_cli.check import check_file
from flowchart_cli.cli import app
from flowchart_cli.loader import DIRECTIONS, LANE_KEYS, LANGS, STEP_KEYS, TOP_KEYS
from flowchart_cli.resources import templates_dir
from flowchart_cli.schema import flow_schema, flow_schema_json
from flowchart_cli.symbols import SYMBOLS
from flowchart_cli.yamlsource import Mapping, Node, Scalar, parse_text

ROOT = Path(__file__).resolve().parent.parent
FLOW_FILES = sorted((ROOT / "samples").glob("*.flow.yaml")) + sorted((templates_dir() / "new").glob("*.flow.yaml"))
runner = CliRunner()


def _data(node: Node | None) -> Any:
    """The YAML as the loader sees it: every scalar is the text written."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return None if node.is_null else node.text
    if isinstance(node, Mapping):
        return {key.text: _data(value) for key, value in node.items}
    return [_data(item) for item in node.items]


def _errors(text: str) -> list[jsonschema.ValidationError]:
    validator = jsonschema.Draft202012Validator(flow_schema())
    return list(validator.iter_errors(_data(parse_text(textwrap.dedent(text)))))


def test_the_command_prints_a_valid_2020_12_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft7Validator.check_schema(schema)  # the YAML extension for VS Code reads draft-07


def test_the_schema_has_an_id_its_refs_resolve_against() -> None:
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert schema["$id"] == "urn:flowchart-cli:flow-file:1"
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid({"title": "T", "steps": [{"start": "Inicio"}, {"end": "Fin"}]})
    assert not validator.is_valid({"title": "T", "steps": [{"start": "A", "nxt": "b"}]})  # via $defs/step


def test_output_is_deterministic() -> None:
    first = runner.invoke(app, ["schema"]).stdout
    assert first == runner.invoke(app, ["schema"]).stdout
    assert first == flow_schema_json() + "\n"


def test_keys_come_from_the_loader_and_the_symbol_table() -> None:
    schema = flow_schema()
    step = schema["$defs"]["step"]
    assert list(schema["properties"]) == list(TOP_KEYS)
    assert list(step["properties"]) == list(STEP_KEYS)
    assert list(schema["$defs"]["lane"]["oneOf"][1]["properties"]) == list(LANE_KEYS)
    assert step["allOf"][0]["not"] == {"propertyNames": {"not": {"enum": list(SYMBOLS)}}}
    assert schema["properties"]["lang"]["examples"] == list(LANGS)
    assert schema["properties"]["direction"]["examples"] == list(DIRECTIONS)
    assert schema["additionalProperties"] is False and step["additionalProperties"] is False


def _properties(schema: Any):
    """Every (key, sub-schema) under a `properties`, except the `then` parts that forbid a key."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties":
                yield from value.items()
            if key != "then":
                yield from _properties(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _properties(item)


def test_every_key_has_an_english_description_for_hover() -> None:
    described = list(_properties(flow_schema()))
    assert len(described) >= len(TOP_KEYS) + len(STEP_KEYS) + len(LANE_KEYS)
    for key, sub in described:
        assert sub.get("description", "").strip(), key
    step = flow_schema()["$defs"]["step"]["properties"]
    assert "decision" in step["decision"]["description"] and "label" in step["process"]["description"]


@pytest.mark.parametrize("path", FLOW_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_samples_and_templates_validate(path: Path) -> None:
    errors = _errors(path.read_text(encoding="utf-8"))
    assert [e.message for e in errors] == []


QUIRKS = """
    title: 2026
    version: 2.1
    lanes: [Cliente, {id: шаг, name: Шаг}]
    steps:
      - id: 步骤
        start: on
        lane: Cliente
      - id: pregunta
        decision: ¿Sí?
        lane: шаг
        branches: {Yes: otro, 1: fin}
      - id: otro
        process: 2026-01-01
        link: MAILTO:a@example.org
      - id: fin
        end: Yes
"""


def test_loader_quirks_are_accepted_by_schema_and_check(write_flow) -> None:
    assert _errors(QUIRKS) == []
    assert check_file(write_flow(QUIRKS)).diagnostics == ()


BASE: dict[str, Any] = {
    "title": "Solicitud",
    "lanes": ["Cliente", {"id": "agente", "name": "Agente"}],
    "steps": [
        {"id": "inicio", "start": "Llega una solicitud", "lane": "Cliente"},
        {"id": "revisar", "process": "Revisar la solicitud", "lane": "agente"},
        {"id": "ok", "decision": "¿Se aprueba?", "branches": {"Sí": "aprobar", "No": "fin"}},
        {"id": "aprobar", "subprocess": "Aprobar"},
        {"id": "fin", "end": "Solicitud cerrada"},
    ],
}


def _top(**changes: Any):
    return lambda flow: flow.update(changes)


def _step(index: int, **changes: Any):
    def apply(flow: dict[str, Any]) -> None:
        flow["steps"][index].update(changes)
        for key in [k for k, v in changes.items() if v is DROP]:
            del flow["steps"][index][key]

    return apply


DROP = object()

BROKEN = {
    "no title": _top(title=DROP),
    "no steps": _top(steps=DROP),
    "empty steps": _top(steps=[]),
    "unknown top key": _top(titel="x"),
    "two symbols": _step(1, manual="Revisar a mano"),
    "no symbol": _step(1, process=DROP),
    "unknown step key": _step(1, nxt="ok"),
    "empty label": _step(1, process=""),
    "blank label": _step(1, process="   "),
    "null label": _step(1, process=None),
    "label is a list": _step(1, process=["a", "b"]),
    "bad id": _step(1, id="re visar"),
    "bad next": _step(1, next="o.k"),
    "branches not a mapping": _step(2, branches=["aprobar", "fin"]),
    "one branch": _step(2, branches={"Sí": "aprobar"}),
    "branches on a process": _step(1, branches={"a": "ok", "b": "fin"}),
    "next on a decision": _step(2, next="fin"),
    "next on an end": _step(4, next="inicio"),
    "javascript link": _step(1, link="javascript:alert(1)"),
    "http link without host": _step(1, link="http:/x"),
    "absolute ref": _step(3, ref="/etc/passwd.yaml"),
    "url ref": _step(3, ref="https://e.org/a.flow.yaml"),
    "ref not a flow": _step(3, ref="notas.txt"),
    "ref on a process": _step(1, ref="a.flow.yaml"),
    "unknown lang": _top(lang="fr"),
    "unknown direction": _top(direction="RL"),
    "lane without name": _top(lanes=["Cliente", {"id": "agente"}]),
    "unknown lane key": _top(lanes=["Cliente", {"id": "agente", "name": "Agente", "color": "red"}]),
    "lanes not a list": _top(lanes="Cliente"),
}


def _broken(mutate) -> dict[str, Any]:
    flow = copy.deepcopy(BASE)
    mutate(flow)
    return {k: v for k, v in flow.items() if v is not DROP}


def test_the_base_of_the_broken_flows_is_valid(write_flow) -> None:
    validator = jsonschema.Draft202012Validator(flow_schema())
    assert list(validator.iter_errors(BASE)) == []
    assert check_file(write_flow(yaml.safe_dump(BASE, allow_unicode=True, sort_keys=False))).diagnostics == ()


@pytest.mark.parametrize("mutate", BROKEN.values(), ids=BROKEN.keys())
def test_broken_flows_fail_the_schema_and_the_check(mutate, write_flow) -> None:
    flow = _broken(mutate)
    validator = jsonschema.Draft202012Validator(flow_schema())
    assert list(validator.iter_errors(flow))
    result = check_file(write_flow(yaml.safe_dump(flow, allow_unicode=True, sort_keys=False)))
    assert not result.ok


def test_a_flow_that_is_a_list_fails() -> None:
    assert _errors("- title: t\n  steps: [{start: a}]")


def _patterns(schema: Any):
    if isinstance(schema, dict):
        if "pattern" in schema:
            yield schema
        for value in schema.values():
            yield from _patterns(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _patterns(item)


def test_every_pattern_has_a_readable_message_for_editors() -> None:
    found = list(_patterns(flow_schema()))
    assert len(found) >= 5
    for sub in found:
        assert sub["patternErrorMessage"].endswith(".")


CHOICES = {
    "lang": ["en", "es", "pt", "ES", "Pt", "eN"],
    "direction": ["TB", "LR", "lr", "tb", "Lr"],
}


@pytest.mark.parametrize(("key", "value"), [(k, v) for k, values in CHOICES.items() for v in values])
def test_the_schema_accepts_every_spelling_check_accepts(key: str, value: str, write_flow) -> None:
    flow = {**copy.deepcopy(BASE), key: value}
    assert list(jsonschema.Draft202012Validator(flow_schema()).iter_errors(flow)) == []
    assert check_file(write_flow(yaml.safe_dump(flow, allow_unicode=True, sort_keys=False))).ok


@pytest.mark.parametrize(("key", "value"), [("lang", "fr"), ("lang", "español"), ("direction", "RL"), ("lang", "e s")])
def test_the_schema_refuses_what_check_refuses(key: str, value: str, write_flow) -> None:
    flow = {**copy.deepcopy(BASE), key: value}
    assert list(jsonschema.Draft202012Validator(flow_schema()).iter_errors(flow))
    assert not check_file(write_flow(yaml.safe_dump(flow, allow_unicode=True, sort_keys=False))).ok


def test_a_step_without_a_symbol_is_named_as_such_not_as_a_missing_start() -> None:
    flow = _broken(_step(1, process=DROP))
    errors = list(jsonschema.Draft202012Validator(flow_schema()).iter_errors(flow))
    assert len(errors) == 1
    failing = errors[0].schema
    assert errors[0].validator == "not"
    # Editors (VS Code's YAML extension) show the failing subschema's errorMessage for a failed `not`.
    assert failing["errorMessage"].startswith("A step needs one symbol key")
    assert "Missing property" not in failing["errorMessage"]


def test_two_symbols_are_each_marked_not_allowed() -> None:
    flow = _broken(_step(1, manual="Revisar a mano"))
    step = {"$ref": "#/$defs/step", "$defs": flow_schema()["$defs"]}
    errors = list(jsonschema.Draft202012Validator(step).iter_errors(flow["steps"][1]))
    assert all(e.schema is False for e in errors)
    assert sorted(e.instance for e in errors) == ["Revisar a mano", "Revisar la solicitud"]  # both keys marked
