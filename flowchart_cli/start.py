"""The `flowchart` command's entry point: the command line is read with the cycle collector paused.

Starting a command is mostly reading modules (Typer's and ours): tens of
thousands of long-lived objects and no garbage, which the collector would
walk again at every collection.  They are read with it paused, then frozen
(left out of every later collection); the command itself runs with the
collector on, as usual.
"""

from __future__ import annotations

import gc

from .gcpause import gc_paused

__all__ = ["run"]


def run() -> None:
    """Console-script entry point (``flowchart``, ``python -m flowchart_cli``): :func:`.cli.run`, started light."""
    with gc_paused():
        from .cli import run as run_command_line

        gc.freeze()
    run_command_line()
