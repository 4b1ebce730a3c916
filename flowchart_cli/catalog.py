"""Every rule's code, severity and documentation: what `flowchart rules` prints.

The reader emits FC100–FC109 (and a few structural codes) while loading; the
graph and style rules (FC2xx, FC3xx) are check functions registered in
:mod:`flowchart_cli.rules`.  Both look their severity up here, so a code has
one definition.  It lives outside ``rules/`` because the reader needs it too.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Severity

__all__ = ["CATALOG", "RuleInfo"]

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True, slots=True)
class RuleInfo:
    code: str
    severity: Severity
    summary: str
    why: str


CATALOG: dict[str, RuleInfo] = {
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
            "FC201",
            E,
            "No `start` step.",
            "ISO 5807: a process begins at a terminator; without one the reader cannot tell where to begin.",
        ),
        RuleInfo(
            "FC202",
            E,
            "No `end` step.",
            "ISO 5807: a process ends at a terminator; without one the reader cannot tell when it is done.",
        ),
        RuleInfo(
            "FC203",
            E,
            "A `start` step has incoming flow.",
            "A terminator that begins the process has only an exit; loops go back to a later step.",
        ),
        RuleInfo(
            "FC204",
            E,
            "An `end` step has `next` or `branches`.",
            "A terminator that ends the process has only an entry.",
        ),
        RuleInfo(
            "FC205",
            E,
            "A decision has fewer than two branches.",
            "ISO 5807: a decision selects one of several exits; with one exit it is a process.",
        ),
        RuleInfo(
            "FC206",
            E,
            "A decision's branch labels are empty or repeated (ignoring case: `Sí` and `sí` are the same).",
            "Each exit of a decision is labelled with its outcome so the reader knows which way to go.",
        ),
        RuleInfo(
            "FC207",
            E,
            "`branches` on a step that is not a decision, `next` on a decision, "
            "or `ref` on a step that is not a subprocess or offpage.",
            "Only decisions have several exits; a decision's exits are its branches.",
        ),
        RuleInfo(
            "FC208",
            E,
            "A step cannot be reached from any start.",
            "A step no path leads to is never done: it is either dead or a missing flow line.",
        ),
        RuleInfo(
            "FC209",
            E,
            "From a step no end can be reached (a dead end or an endless loop).",
            "Every path of a process must be able to finish.",
        ),
        RuleInfo(
            "FC210",
            E,
            "The last step in the list is not an `end` and has neither `next` nor `branches`.",
            "The flow would stop nowhere: the last step needs an exit or must be an end.",
        ),
        RuleInfo(
            "FC211",
            E,
            "A connector label that appears only once (connectors come in pairs).",
            "ISO 5807: an on-page connector is an exit and an entry with the same label.",
        ),
        RuleInfo(
            "FC212",
            E,
            "Stages are declared and a step names an unknown stage, or the first step names none.",
            "Every step belongs to one phase of the process; a misspelt stage would put a step in no band.",
        ),
        RuleInfo(
            "FC301",
            W,
            "More than one `start` step.",
            "A process usually has one trigger; several starts are often a copy-paste slip.",
        ),
        RuleInfo(
            "FC302",
            W,
            "A decision's label is not a question (does not end with `?`).",
            "Decisions read best as the question whose answers label the exits.",
        ),
        RuleInfo(
            "FC303", W, "A label longer than 80 characters.", "Symbols hold a short phrase; put the detail in `notes`."
        ),
        RuleInfo(
            "FC304",
            W,
            "A declared lane that no step uses.",
            "An empty swimlane suggests a missing step or a lane to remove.",
        ),
        RuleInfo(
            "FC305",
            W,
            "Two steps with the same label in the same lane.",
            "Twin steps confuse the reader; merge them or tell them apart.",
        ),
        RuleInfo(
            "FC306",
            W,
            "Every outcome of a decision leads to the same step: the decision decides nothing.",
            "A reader expects each outcome of a question to lead somewhere different; "
            "make it a process step, or send each outcome where it belongs.",
        ),
        RuleInfo(
            "FC307",
            W,
            "A declared stage that no step uses.",
            "An empty phase in the chart and the handout suggests work that is not described.",
        ),
        RuleInfo(
            "FC308",
            W,
            "A plain (unquoted) title, label, note, duration, lane or stage name is cut short by ' #' "
            "(`Atender al cliente #2`): YAML reads the rest as a comment. Only a '#' written right after "
            "one space and followed by a letter or digit counts; `value  # comment` is a comment.",
            "The chart and the handout would silently say less than what was written; quoting keeps the text whole.",
        ),
    )
}
