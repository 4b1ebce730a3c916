"""The `flowchart` command's entry point: the command line is read with the cycle collector paused.

Starting a command is mostly reading modules (Typer's and ours): tens of
thousands of long-lived objects and no garbage, which the collector would
walk again at every collection.  They are read with it paused, then frozen
(left out of every later collection); the command itself runs with the
collector on, as usual, inside :func:`~flowchart_cli.streams.run_guarded`
(closed or full outputs, the C locale and SIGTERM end in one line).
The methods ``@dataclass`` generates are compiled once and kept
(:mod:`.dataclass_code`), not compiled again at every start.
"""

from __future__ import annotations

import gc
import sys

from .dataclass_code import remember_dataclass_code
from .gcpause import gc_paused

__all__ = ["run"]


def run() -> None:
    """Console-script entry point (``flowchart``, ``python -m flowchart_cli``)."""
    save_dataclass_code = remember_dataclass_code()
    with gc_paused():
        from .cli import app_for
        from .streams import run_guarded

        app = app_for(sys.argv[1:])
        gc.freeze()
    try:
        run_guarded(app)
    finally:
        save_dataclass_code()
