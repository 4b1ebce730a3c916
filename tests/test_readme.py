"""The README's worked example is a real file that passes `check`, and every command is documented."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from flowchart_cli.check import check_file
from flowchart_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


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
    for command in ("check", "render", "handout", "build", "watch", "new", "rules", "schema", "markdown"):
        assert f"flowchart {command}" in README, command
        help_text = runner.invoke(app, [command, "--help"], terminal_width=200).output
        for option in set(re.findall(r"(--[a-z][a-z-]+)", help_text)) - {"--help"}:
            assert option in README, f"{command} {option} is not documented"
