"""The `flowchart` command's entry point: the command line is read with the cycle collector paused.

Starting a command is mostly reading modules (Typer's and ours): tens of
thousands of long-lived objects and no garbage, which the collector would
walk again at every collection.  They are read with it paused, then frozen
(left out of every later collection); the command itself runs with the
collector on, as usual, inside :func:`~flowchart_cli.streams.run_guarded`
(closed or full outputs, the C locale and SIGTERM end in one line).
The methods ``@dataclass`` generates are compiled once and kept
(:mod:`.dataclass_code`), not compiled again at every start; `--help`,
`--version` and shell completion make no dataclass and skip that.
"""

from __future__ import annotations

import gc
import sys

from .gcpause import gc_paused

__all__ = ["run"]


def run() -> None:
    """Console-script entry point (``flowchart``, ``python -m flowchart_cli``)."""
    with gc_paused():
        from .cli import app, app_for
        from .streams import run_guarded

        chosen = app_for(sys.argv[1:])
        save_dataclass_code = _remember_dataclass_code() if chosen is not app else _nothing
        gc.freeze()
    try:
        run_guarded(chosen)
    finally:
        save_dataclass_code()


def _remember_dataclass_code():
    """A command makes dataclasses: their methods come from the store (imported here: `--help` needs none)."""
    from .dataclass_code import remember_dataclass_code

    return remember_dataclass_code()


def _nothing() -> None:
    pass
