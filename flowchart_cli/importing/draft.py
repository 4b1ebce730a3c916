"""The flow a drawing becomes, before it is text: steps in order with their keys decided.

Frozen records that :mod:`flowchart_cli.importing.yaml_text` writes out; made by
:mod:`flowchart_cli.importing.flow_draft` from a drawn graph.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DraftLane", "DraftStep", "FlowDraft"]


@dataclass(frozen=True, slots=True)
class DraftLane:
    """A lane or a stage as written: a plain name, or a mapping when it has an id, a description or is external."""

    name: str
    id: str | None = None
    description: str = ""
    external: bool = False

    @property
    def plain(self) -> bool:
        """Whether the name alone says it all (its id, if any, is the name itself)."""
        return self.id in (None, self.name) and not self.description and not self.external

    @property
    def ref(self) -> str:
        """What a step writes to name it."""
        return self.id or self.name


@dataclass(frozen=True, slots=True)
class DraftStep:
    kind: str
    label: str
    id: str | None = None
    lane: str | None = None
    stage: str | None = None
    next: str | None = None
    branches: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    """What was guessed about this step: YAML comments at the step and `note:` lines."""
    guidance: str = ""
    """The step's own `notes:` (carried by the drawing's data), not to be confused with the guesses above."""
    duration: str = ""
    link: str = ""
    ref: str = ""
    shares: tuple[tuple[str, str], ...] = ()

    def name(self, number: int) -> str:
        """How `check` names the step: its id, or `step-N`."""
        return self.id or f"step-{number}"


@dataclass(frozen=True, slots=True)
class FlowDraft:
    title: str
    lang: str
    direction: str
    lanes: tuple[DraftLane, ...]
    stages: tuple[DraftLane, ...]
    steps: tuple[DraftStep, ...]
    notes: tuple[str, ...] = ()
    source: str = ""
    """Where it came from (`quejas.drawio`, page "Recepción"), for the header comment."""
    version: str = ""
    owner: str = ""
    updated: str = ""
    description: str = ""
