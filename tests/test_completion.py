"""Shell completion: `-f` offers the formats (also after a comma), `new --template` the templates."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FLOWCHART = Path(sys.executable).with_name("flowchart")


def _complete(words: str) -> list[str]:
    env = {**os.environ, "_FLOWCHART_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split(" ")) - 1)
    result = subprocess.run([FLOWCHART], env=env, capture_output=True, text=True, timeout=60, check=True)
    return result.stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("flowchart render -f ", ["svg", "png", "pdf", "drawio", "mermaid", "dot"]),
        ("flowchart render -f d", ["drawio", "dot"]),
        ("flowchart render --format svg,p", ["svg,png", "svg,pdf"]),
        ("flowchart build src -f h", ["html", "handout-pdf"]),
        ("flowchart handout x -f ", ["html", "pdf"]),
        ("flowchart handout x -f html,", ["html,pdf"]),
    ],
)
def test_format_completion(words: str, expected: list[str]) -> None:
    assert _complete(words) == expected


def test_template_completion_lists_the_shipped_templates() -> None:
    from flowchart_cli.commands.new import available_templates

    names = [t.name for t in available_templates()]
    assert "quejas" in names
    assert _complete("flowchart new --template ") == names
    assert _complete("flowchart new -t q") == ["quejas"]
