"""Shared fixtures: the samples, and a helper that writes a flow file from text."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

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
