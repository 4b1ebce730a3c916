"""A stage's name is wrapped between words in its strip, never cut inside a word."""

from __future__ import annotations

from pathlib import Path

from flowchart_cli.check import check_file
from flowchart_cli.layout import layout_flow

FLOW = """\
title: Matrícula
lang: es
lanes:
  - id: mesa
    name: Mesa de matrícula
stages:
  - Contacto
  - Documentación
  - Inscripción de asignaturas
  - Confirmación y bienvenida institucional
steps:
  - id: inicio
    start: El alumno llega
    lane: mesa
    stage: Contacto
  - id: docs
    process: Revisar los documentos
    stage: Documentación
  - id: ramos
    process: Inscribir las asignaturas
    stage: Inscripción de asignaturas
  - id: fin
    end: Matrícula confirmada
    stage: Confirmación y bienvenida institucional
"""


def test_stage_names_wrap_between_words_in_tb_and_lr(tmp_path: Path):
    for direction in ("TB", "LR"):
        path = tmp_path / f"matricula-{direction}.flow.yaml"
        path.write_text(FLOW + f"direction: {direction}\n", encoding="utf-8")
        result = check_file(path)
        assert result.ok, result.diagnostics
        diagram = layout_flow(result.flow)
        for band, stage in zip(diagram.stages, result.flow.stages, strict=True):
            words = stage.name.split()
            stage_number, *lines = band.lines
            assert stage_number.isdigit() and " ".join(lines) == stage.name  # the whole name, in order
            assert all(word in words for line in lines for word in line.split()), (direction, band.lines)
