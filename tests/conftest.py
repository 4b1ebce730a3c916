"""Shared fixtures: the samples, and a helper that writes a flow file from text."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from test_build_support import FakeRenderer, make_tree

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture
def samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.flow.yaml"))


@pytest.fixture
def write_flow(tmp_path: Path):
    """write_flow(text, name='t.flow.yaml') → Path of a dedented flow file in tmp_path."""

    def write(text: str, name: str = "t.flow.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder of four flows for the build tests."""
    src = tmp_path / "docs"
    make_tree(src, 4)
    return src


@pytest.fixture
def fake(tmp_path: Path) -> FakeRenderer:
    """A renderer that writes small stand-in outputs and logs each render (no Graphviz)."""
    return FakeRenderer(tmp_path / "renders.log")
