"""Where the shipped templates live, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["templates_dir"]


@cache
def templates_dir() -> Path:
    """The `templates/` folder, shipped as the package ``flowchart_cli.templates``.

    An editable install maps that package to the checkout's top-level
    `templates/`; a plain checkout without any install falls back to it.
    """
    try:
        from importlib.resources import files

        return Path(str(files("flowchart_cli.templates")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "templates"
