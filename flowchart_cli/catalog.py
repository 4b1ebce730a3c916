"""The reader's codes and what every code's severity is.

The reader emits FC100–FC109, FC206 and FC212 while loading; their
documentation is here, outside ``rules/``, because the reader must not import
the rules stage.  The graph and style rules (FC2xx, FC3xx) carry their own
documentation where they are defined (:mod:`flowchart_cli.rules`).  A code's
severity follows from its number, as the spec's table has it: FC1xx and FC2xx
are errors, FC3xx warnings.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Severity

__all__ = ["READER_RULES", "RuleInfo", "severity_of"]

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True, slots=True)
class RuleInfo:
    code: str
    severity: Severity
    summary: str
    why: str


def severity_of(code: str) -> Severity:
    """FC1xx and FC2xx are errors, FC3xx warnings (spec §2)."""
    return Severity.WARNING if code.startswith("FC3") else Severity.ERROR


READER_RULES: dict[str, RuleInfo] = {
    r.code: r
    for r in (
        RuleInfo(
            "FC100",
            E,
            "The file is not valid YAML, not UTF-8, or not readable.",
            "Nothing can be checked or drawn from a file that cannot be read.",
        ),
        RuleInfo(
            "FC101",
            E,
            "The top level is not a mapping, or `title` or a non-empty `steps` list is missing.",
            "ISO 5807 charts a process: it needs a name and at least one step.",
        ),
        RuleInfo(
            "FC102",
            E,
            "An unknown or repeated key (top level, lane or step); the closest known key is suggested.",
            "A misspelt key would be silently ignored and the chart would not say what the author meant.",
        ),
        RuleInfo(
            "FC103",
            E,
            "A step has no symbol key, or more than one.",
            "ISO 5807 gives every step exactly one symbol: its shape tells the reader what kind of step it is.",
        ),
        RuleInfo("FC104", E, "Two steps (or two lanes) share an id.", "A flow line must lead to exactly one place."),
        RuleInfo(
            "FC105",
            E,
            "`next` or a branch points to an unknown step id; the closest id is suggested.",
            "A flow line that leads nowhere breaks the chart.",
        ),
        RuleInfo(
            "FC106",
            E,
            "Lanes are declared and a step names an unknown lane, or the first step names none.",
            "Every step needs one responsible party; a misspelt lane would create an unowned step.",
        ),
        RuleInfo(
            "FC107",
            E,
            "A value has the wrong type or is empty (a label that is a list, `branches` that is not a mapping, "
            "an empty label, a control character).",
            "Every symbol carries a text: an empty or structured label cannot be drawn.",
        ),
        RuleInfo(
            "FC108",
            E,
            "An invalid id, a `link` whose scheme is not http, https or mailto, an unknown `lang` or `direction`.",
            "Ids name steps in every output; links must be safe to click in a handout.",
        ),
        RuleInfo(
            "FC109",
            E,
            "A `ref` that does not exist, is not a flow file, or lies outside the folder tree "
            "of the file that names it.",
            "A predefined process or off-page connector must lead the reader to a real flow.",
        ),
        RuleInfo(
            "FC206",
            E,
            "A decision's branch labels are empty or repeated (ignoring case: `Sí` and `sí` are the same).",
            "Each exit of a decision is labelled with its outcome so the reader knows which way to go.",
        ),
        RuleInfo(
            "FC212",
            E,
            "Stages are declared and a step names an unknown stage, or the first step names none.",
            "Every step belongs to one phase of the process; a misspelt stage would put a step in no band.",
        ),
    )
}
