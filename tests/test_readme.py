"""The README's worked example is a real file that passes `check`, and every command is documented."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flowchart_cli.check import check_file
from flowchart_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
MANUAL = README + "".join(page.read_text(encoding="utf-8") for page in sorted((ROOT / "docs").glob("*.md")))
"""The README and the manual's pages in docs/: where a command or an option may be documented."""


def test_readme_starts_with_the_two_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    assert [line.split("#")[0].strip() for line in first_block.splitlines()] == ["make demo", "make test"]


def test_worked_example_is_the_example_file_and_passes_check():
    example = ROOT / "docs" / "example" / "quejas.flow.yaml"
    block = re.search(r"```yaml\n(title: Gestión.*?)```", README, re.S).group(1)
    assert block == example.read_text(encoding="utf-8")
    result = check_file(example)
    assert result.ok and not result.diagnostics
    assert (ROOT / "docs" / "example" / "quejas.png").read_bytes().startswith(b"\x89PNG")


def test_every_command_and_option_is_in_the_readme():
    runner = CliRunner()
    commands = ("check", "render", "handout", "build", "watch", "new", "rules", "schema", "markdown", "config")
    for command in commands:
        assert f"flowchart {command}" in MANUAL, command
        help_text = runner.invoke(app, [command, "--help"], terminal_width=200).output
        for option in set(re.findall(r"(--[a-z][a-z-]+)", help_text)) - {"--help"}:
            assert option in MANUAL, f"{command} {option} is not documented"


def _console_examples() -> list[tuple[str, str]]:
    """(command, output) of every `$ flowchart check …` and `$ flowchart new …` in the README's console blocks."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", README, re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            if command.startswith(("flowchart check ", "flowchart new ")):
                examples.append((command, output))
    return examples


CONSOLE_EXAMPLES = _console_examples()


def test_the_readme_shows_real_error_examples() -> None:
    commands = [command for command, _ in CONSOLE_EXAMPLES]
    assert "flowchart check docs/example/errores/quejas-rama.flow.yaml" in commands
    assert "flowchart check docs/example/errores/almohadilla.flow.yaml" in commands
    assert "flowchart new 000-etapas-atencion" in commands
    assert "### YAML traps" in README


@pytest.mark.parametrize(("command", "output"), CONSOLE_EXAMPLES, ids=[c for c, _ in CONSOLE_EXAMPLES])
def test_console_example_is_what_the_tool_prints(
    command: str, output: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checks run in the repository (the example files are in docs/); `new` runs in an empty folder."""
    monkeypatch.chdir(ROOT if command.startswith("flowchart check") else tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    result = CliRunner().invoke(app, shlex.split(command)[1:], terminal_width=200)
    assert result.stdout == output


def test_every_rule_is_in_the_readme_rules_table():
    from flowchart_cli.rules import CATALOG

    rows = set(re.findall(r"^\| (FC\d{3}) \| (?:error|warning) \|", README, re.M))
    assert rows == set(CATALOG)
