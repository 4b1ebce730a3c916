"""The benchmark scripts stay runnable: each imports, and the helpers that read the package's tables
read them as they are now (a timed run is `make bench`, never a test)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from flowchart_cli.writers import FORMATS

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SCRIPTS = sorted(p.stem for p in BENCHMARKS.glob("bench_*.py"))


@pytest.fixture(autouse=True)
def _benchmarks_on_path(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))


@pytest.mark.parametrize("name", SCRIPTS)
def test_each_benchmark_script_imports_and_has_a_main(name):
    module = importlib.import_module(name)
    assert callable(getattr(module, "main", None))


def test_the_render_benchmark_times_every_diagram_format():
    bench_render = importlib.import_module("bench_render")
    assert bench_render.all_formats() == list(FORMATS)
