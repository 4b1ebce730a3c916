"""Where the shipped templates live, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["templates_dir"]


@cache
def templates_dir() -> Path:
    """The `templates/` folder: ``flowchart_cli.templates`` when installed, else the checkout's."""
    checkout = Path(__file__).resolve().parent.parent / "templates"
    if checkout.is_dir():
        return checkout
    from importlib.resources import files

    return Path(str(files("flowchart_cli.templates")))
