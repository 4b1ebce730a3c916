"""One failing and one passing flow per rule (tests/rules/), with exact positions.

Each ``CODE.fail.flow.yaml`` (or ``CODE-variant.fail.flow.yaml``) starts with
comment lines ``# CODE LINE:COLUMN [text the message must contain]`` that list
*every* diagnostic the file must produce, so a cascade (one mistake reported
twice) fails the test as surely as a missing diagnostic.  Each
``CODE.pass.flow.yaml`` must produce no diagnostic at all.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flowchart_cli.check import check_file
from flowchart_cli.rules.catalog import CATALOG

RULES = Path(__file__).resolve().parent / "rules"
EXPECT = re.compile(r"^# (FC\d{3}) (\d+):(\d+)(?: (.*))?$")
FAILING = sorted(RULES.glob("*.fail.flow.yaml"))
PASSING = sorted(RULES.glob("*.pass.flow.yaml"))


def expectations(path: Path) -> list[tuple[str, int, int, str]]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = EXPECT.match(line)
        if not match:
            break
        code, row, column, text = match.groups()
        found.append((code, int(row), int(column), text or ""))
    return found


def test_every_rule_has_a_failing_and_a_passing_file() -> None:
    failing = {p.name.split(".")[0].split("-")[0] for p in FAILING}
    passing = {p.name.split(".")[0] for p in PASSING}
    assert set(CATALOG) <= failing
    assert set(CATALOG) <= passing


@pytest.mark.parametrize("path", FAILING, ids=lambda p: p.name.removesuffix(".flow.yaml"))
def test_failing_file_gives_exactly_the_expected_diagnostics(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} lists no expected diagnostic"
    assert path.name.startswith(expected[0][0])
    result = check_file(path)
    got = [(d.code, d.line, d.column) for d in result.diagnostics]
    assert got == [(code, row, column) for code, row, column, _ in expected], [
        f"{d.code} {d.line}:{d.column} {d.message}" for d in result.diagnostics
    ]
    for d, (code, _row, _column, text) in zip(result.diagnostics, expected, strict=True):
        assert text in d.message, (code, d.message)
        assert d.severity is CATALOG[code].severity
        assert not d.message[0].isupper()  # messages read as one line after "error FC105:"


@pytest.mark.parametrize("path", PASSING, ids=lambda p: p.name.removesuffix(".flow.yaml"))
def test_passing_file_is_clean(path: Path) -> None:
    result = check_file(path)
    assert result.ok
    assert [f"{d.code} {d.line}:{d.column} {d.message}" for d in result.diagnostics] == []


def test_failing_files_name_the_step_concerned() -> None:
    first, second = check_file(RULES / "FC105.fail.flow.yaml").diagnostics
    assert first.step == "step-1"  # a step without id is step-N
    assert second.step == "grave"
    assert check_file(RULES / "FC201.fail.flow.yaml").diagnostics[0].step is None


@pytest.mark.parametrize(
    ("label", "warned"),
    [
        ("¿Pagó?", False),
        ("«¿Pagó?»", False),
        ("(¿Urgente?)", False),
        ("Paid？", False),
        ("Pagó", True),
        ("¿Pagó", True),
    ],
)
def test_fc302_accepts_closing_marks_after_the_question_mark(label: str, warned: bool) -> None:
    from flowchart_cli.loader import load_text
    from flowchart_cli.rules import run_rules

    flow, _ = load_text(
        f'title: T\nsteps:\n  - start: A\n  - decision: "{label}"\n    branches: {{a: f, b: g}}\n'
        "  - id: g\n    process: G\n  - id: f\n    end: F\n"
    )
    assert [d.code for d in run_rules(flow)] == (["FC302"] if warned else [])


@pytest.mark.parametrize(
    ("lang", "duration", "hint"),
    [
        ("es", "1 mes", "`30 días`"),
        ("es", "2 meses", "`60 días`"),
        ("pt", "1 mês", "`30 dias`"),
        ("pt", "3 meses", "`90 dias`"),
        ("en", "1 month", "`30 days`"),
        ("en", "1.5 months", "`45 days`"),
        ("pt", "até 10 dias", "`0-10 dias`"),
        ("en", "up to 8 weeks", "`0-8 weeks`"),
        ("en", "within 4 hours", "`0-4 hours`"),
        ("en", "45", "`45 min`"),
        ("en", "ASAP", "`3 business days`"),
    ],
)
def test_fc310_names_an_unreadable_duration_and_what_to_write(lang: str, duration: str, hint: str) -> None:
    """Review 3 #15: `duration: 1 mes` passed `check --strict` and the handout then counted the step as 0 min."""
    from flowchart_cli.loader import load_text
    from flowchart_cli.rules import run_rules

    flow, _ = load_text(
        f"title: T\nlang: {lang}\nsteps:\n  - start: A\n  - process: B\n    duration: {duration}\n  - end: F\n"
    )
    (warning,) = run_rules(flow)
    assert (warning.code, warning.line, warning.column, warning.step) == ("FC310", 6, 15, "step-2")
    assert f"duration '{duration}' cannot be read" in warning.message
    assert "0 min" in warning.message
    assert hint in warning.message


def test_fc310_leaves_readable_and_missing_durations_alone() -> None:
    from flowchart_cli.loader import load_text
    from flowchart_cli.rules import run_rules

    flow, _ = load_text(
        "title: T\nsteps:\n  - start: A\n  - process: B\n    duration: 1 a 3 días hábiles\n  - process: C\n  - end: F\n"
    )
    assert run_rules(flow) == []
