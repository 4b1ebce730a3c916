"""`flowchart serve [PATH]`: the live preview (see :mod:`flowchart_cli.serve`)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["run_serve"]


def run_serve(path: Path, *, host: str, port: int, theme: str, numbers: bool, header: bool) -> int:
    from ..serve import serve_path
    from ..serve.preview import Switches

    return serve_path(path, host=host, port=port, defaults=Switches(numbers=numbers, header=header, theme=theme))
