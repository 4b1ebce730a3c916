"""MkDocs hook for the manual: the rules and the command reference generated from the program itself.

A page writes ``<!-- flowchart:rules -->`` or ``<!-- flowchart:commands -->`` where the
table goes; the text comes from the rule catalog and from the CLI's own Click tree at
build time, so the manual cannot drift from `flowchart rules` and `flowchart --help`.
"""

from __future__ import annotations

import typer

from flowchart_cli.cli import app
from flowchart_cli.rules.catalog import CATALOG

RULES_MARK = "<!-- flowchart:rules -->"
COMMANDS_MARK = "<!-- flowchart:commands -->"


def on_page_markdown(markdown: str, **_) -> str:
    if RULES_MARK in markdown:
        markdown = markdown.replace(RULES_MARK, rules_table())
    if COMMANDS_MARK in markdown:
        markdown = markdown.replace(COMMANDS_MARK, commands_reference())
    return markdown


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def rules_table() -> str:
    rows = ["| code | severity | what it checks | why |", "|---|---|---|---|"]
    for rule in CATALOG.values():
        rows.append(f"| {rule.code} | {rule.severity.value} | {_cell(rule.summary)} | {_cell(rule.why)} |")
    return "\n".join(rows)


def _root():
    return typer.main.get_command(app)


def _option_row(param, ctx) -> str:
    names = ", ".join(f"`{name}`" for name in [*param.opts, *param.secondary_opts])
    help_text = getattr(param, "help", None) or ""
    choices = getattr(param.type, "choices", None)
    if choices:
        help_text += " One of: " + ", ".join(f"`{c}`" for c in choices) + "."
    default = param.get_default(ctx) if not getattr(param, "is_flag", False) else None
    if getattr(param, "show_default", None) and isinstance(param.show_default, str):
        default = param.show_default
    shown = "" if default in (None, "", [], ()) else f"`{default.value if hasattr(default, 'value') else default}`"
    return f"| {names} | {_cell(help_text)} | {shown} |"


def commands_reference() -> str:
    """Every command: its help, usage, arguments and an options table, in name order."""
    parts = []
    for name, command in sorted(_root().commands.items()):
        ctx = command.make_context(f"flowchart {name}", [], resilient_parsing=True)
        usage = " ".join(command.collect_usage_pieces(ctx))
        parts += [
            f"### `flowchart {name}`\n",
            f"{_cell(command.help or '')}\n",
            f"```\nflowchart {name} {usage}\n```\n",
        ]
        arguments = [p for p in command.params if p.param_type_name == "argument"]
        parts += [f"- `{a.human_readable_name}`: {_cell(getattr(a, 'help', '') or '')}" for a in arguments]
        if arguments:
            parts.append("")
        options = [p for p in command.params if p.param_type_name == "option" and p.name != "help"]
        if options:
            parts.append("| option | what it does | default |\n|---|---|---|")
            parts.extend(_option_row(p, ctx) for p in options)
            parts.append("")
    return "\n".join(parts)
