"""Property tests: whatever the bytes, `check` answers with diagnostics and exit 0, 1 or 2, never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from flowchart_cli.cli import app
from flowchart_cli.loader import load_text

pytestmark = pytest.mark.integration  # hypothesis / real shell steps: not part of make test-fast

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(
    [
        *ROOT.glob("samples/*.flow.yaml"),
        *(ROOT / "tests" / "rules").glob("*.flow.yaml"),
        *(Path(__file__).resolve().parent / "cases").glob("*.yaml"),
    ]
)
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
WORDS = [
    "title",
    "steps",
    "lanes",
    "start",
    "end",
    "process",
    "decision",
    "branches",
    "next",
    "lane",
    "id",
    "connector",
    "subprocess",
    "ref",
    "link",
    "notes",
    "Sí",
    "No",
    "fin",
    "a",
    "~",
    "null",
    "yes",
    "1",
    "- ",
    ": ",
    "\n",
    "\n  ",
    "\n    ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&x",
    "*x",
    "!!str",
    "#",
    "'",
    '"',
    "?",
    "|",
    ">",
    "---",
    "\t",
    "\ufeff",
    "\x00",
    "\u202e",
    "¿",
    "步骤",
    "https://e.x",
    "../x.flow.yaml",
]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)

yamlish = st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=60).map("".join)


@st.composite
def mutated_seed(draw) -> str:
    lines = draw(st.sampled_from(SEED_TEXTS)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "swap", "indent", "dedent", "word", "cut"]))
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "indent":
            lines[i] = "  " + lines[i]
        elif action == "dedent":
            lines[i] = lines[i][2:]
        elif action == "word":
            lines[i] = lines[i].rstrip("\n") + draw(st.sampled_from(WORDS)) + "\n"
        else:
            cut = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:cut] + draw(yamlish) + lines[i][cut:]
    return "".join(lines)


def check_cli(data: bytes, *args: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.flow.yaml"
        path.write_bytes(data)
        result = CliRunner().invoke(app, ["check", *args, str(path)])
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def assert_positions_make_sense(text: str) -> None:
    _, diagnostics = load_text(text)
    lines = text.count("\n") + text.count("\r") + text.count("\x85") + text.count("\u2028") + 2
    for d in diagnostics:
        assert 1 <= d.line <= lines and d.column >= 1, d
        assert d.code[:2] == "FC" and d.message


@SETTINGS
@given(yamlish)
def test_random_yaml_like_text(text: str) -> None:
    assert_positions_make_sense(text)
    check_cli(text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.binary(max_size=200))
def test_random_bytes(data: bytes) -> None:
    check_cli(data)


@pytest.mark.skipif(not SEED_TEXTS, reason="no seed flows")
@SETTINGS
@given(mutated_seed(), st.sampled_from(["text", "json", "sarif", "github"]), st.booleans())
def test_mutated_flows(text: str, fmt: str, strict: bool) -> None:
    assert_positions_make_sense(text)
    check_cli(text.encode("utf-8", "surrogatepass"), "--format", fmt, *(["--strict"] if strict else []))
