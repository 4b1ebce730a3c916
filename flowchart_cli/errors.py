"""Errors that are the environment's fault, not the flow file's, with their exit codes."""

from __future__ import annotations

__all__ = ["FlowchartError", "GraphvizFailed", "GraphvizMissing"]


class FlowchartError(Exception):
    """A failure reported as one clear line; ``exit_code`` is what the CLI returns."""

    exit_code = 2


class GraphvizMissing(FlowchartError):
    def __init__(self, program: str = "dot") -> None:
        super().__init__(
            f"the Graphviz program `{program}` was not found; install Graphviz "
            "(Debian/Ubuntu: `sudo apt-get install graphviz`, macOS: `brew install graphviz`) "
            "or run `make demo`, which installs it"
        )


class GraphvizFailed(FlowchartError):
    """Graphviz crashed, printed garbage or ran past its time limit."""
