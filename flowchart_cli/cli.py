"""The `flowchart` command line: options and help only; the work lives in ``commands/``.

Command bodies import their modules lazily so that `flowchart --help` and
`flowchart check` start fast.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    name="flowchart",
    help="Check plain-text process descriptions (YAML) and draw ISO 5807 flowcharts with swimlanes.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class ListFormat(StrEnum):
    text = "text"
    json = "json"


class HandoutFormat(StrEnum):
    html = "html"
    pdf = "pdf"


class Edges(StrEnum):
    ortho = "ortho"
    spline = "spline"


class Theme(StrEnum):
    default = "default"
    mono = "mono"


class Lang(StrEnum):
    en = "en"
    es = "es"
    pt = "pt"


Files = Annotated[
    list[Path], typer.Argument(help="Flow files (NAME.flow.yaml).", exists=True, show_default=False, metavar="FILE...")
]
OutDir = Annotated[
    Path | None,
    typer.Option("--out-dir", "-o", help="Folder for the outputs (default: beside each input).", file_okay=False),
]


def _formats_option(help: str, shown: str):
    """`-f/--format`, repeatable or comma-separated; the command splits and validates the list."""
    return Annotated[list[str] | None, typer.Option("--format", "-f", metavar="FORMAT", help=help, show_default=shown)]


DiagramFormats = _formats_option("svg, png, pdf, drawio, mermaid, dot; repeat or separate with commas.", "svg")
BuildFormats = _formats_option(
    "svg, png, pdf, drawio, mermaid, dot, html (handout), handout-pdf; repeat or separate with commas.",
    "svg,png,drawio,html",
)
WatchFormats = _formats_option("As for build: diagram formats, html, handout-pdf.", "svg")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"flowchart {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Check plain-text process descriptions (YAML) and draw ISO 5807 flowcharts with swimlanes."""


@app.command()
def check(
    files: Files,
    format: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too.")] = False,
) -> None:
    """Check flow files against the format and the ISO 5807 rules."""
    from .commands.check import run_check

    raise typer.Exit(run_check(files, format.value, strict=strict))


@app.command()
def render(
    files: Files,
    format: DiagramFormats = None,
    out_dir: OutDir = None,
    edges: Annotated[Edges, typer.Option("--edges", help="Flow lines: orthogonal or curved.")] = Edges.ortho,
    theme: Annotated[
        Theme, typer.Option("--theme", help="Colours, or mono for black-and-white printing.")
    ] = Theme.default,
    scale: Annotated[
        float, typer.Option("--scale", min=0.25, max=8.0, help="PNG scale (2 or 3 for sharp screens).")
    ] = 1.0,
    numbers: Annotated[bool, typer.Option("--numbers", help="Draw each step's number on its shape.")] = False,
    header: Annotated[
        bool, typer.Option("--header", help="A title block above the diagram: title, version, owner, updated.")
    ] = False,
) -> None:
    """Draw diagrams of flow files; a file with errors writes nothing."""
    from .commands.render import run_render

    options = {"edges": edges.value, "theme": theme.value, "scale": scale, "numbers": numbers, "header": header}
    raise typer.Exit(run_render(files, format or ["svg"], out_dir, **options))


@app.command()
def handout(
    files: Files,
    format: Annotated[HandoutFormat, typer.Option("--format", help="HTML page or printable PDF.")] = HandoutFormat.html,
    out_dir: OutDir = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Language of the handout (default: the flow's `lang`).")
    ] = None,
    no_quiz: Annotated[bool, typer.Option("--no-quiz", help="Leave out the self-check quiz.")] = False,
    template_dir: Annotated[
        Path | None,
        typer.Option(
            "--template-dir", help="Folder whose templates override the built-in ones.", exists=True, file_okay=False
        ),
    ] = None,
) -> None:
    """Write the printable training handout of flow files."""
    from .commands.handout import run_handout

    raise typer.Exit(
        run_handout(
            files, format.value, out_dir, lang=lang.value if lang else None, quiz=not no_quiz, template_dir=template_dir
        )
    )


@app.command()
def build(
    directory: Annotated[
        Path, typer.Argument(help="Folder searched for flow files.", exists=True, file_okay=False, metavar="DIR")
    ],
    out_dir: Annotated[Path, typer.Option("--out-dir", "-o", help="Folder for the outputs.", file_okay=False)] = Path(
        "out"
    ),
    format: BuildFormats = None,
    check_only: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if an output is missing or stale.")
    ] = False,
    clean: Annotated[bool, typer.Option("--clean", help="Remove outputs whose flow file is gone.")] = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Parallel jobs (default: the CPU count).")
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", metavar="PATTERN", help=".gitignore-style pattern to skip; repeatable."),
    ] = None,
    index: Annotated[bool, typer.Option("--index", help="Write OUT/index.md listing every flow.")] = False,
    edges: Annotated[Edges, typer.Option("--edges", help="Flow lines: orthogonal or curved.")] = Edges.ortho,
    theme: Annotated[
        Theme, typer.Option("--theme", help="Colours, or mono for black-and-white printing.")
    ] = Theme.default,
) -> None:
    """Render every flow below a folder, redoing only what changed."""
    from .commands.build import run_build

    raise typer.Exit(
        run_build(
            directory,
            out_dir,
            format,
            check_only=check_only,
            clean=clean,
            jobs=jobs,
            exclude=exclude or [],
            index=index,
            edges=edges.value,
            theme=theme.value,
        )
    )


@app.command()
def watch(
    path: Annotated[Path, typer.Argument(help="A flow file or a folder of them.", exists=True, metavar="FILE|DIR")],
    out_dir: OutDir = None,
    format: WatchFormats = None,
) -> None:
    """Re-check and re-render on every save (Ctrl-C stops)."""
    from .commands.watch import run_watch

    raise typer.Exit(run_watch(path, out_dir, format or ["svg"]))


@app.command()
def new(
    path: Annotated[
        Path | None, typer.Argument(help="The flow file to create.", show_default=False, metavar="PATH")
    ] = None,
    template: Annotated[str, typer.Option("--template", "-t", help="Starter template (see --list).")] = "blank",
    list_templates: Annotated[bool, typer.Option("--list", help="List the templates and exit.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a starter flow file from a template."""
    from .commands.new import run_new

    raise typer.Exit(run_new(path, template, list_templates=list_templates, force=force))


@app.command()
def rules(
    format: Annotated[ListFormat, typer.Option("--format", help="Table or JSON.")] = ListFormat.text,
) -> None:
    """List every rule: code, severity, what it checks and why."""
    from .commands.rules import run_rules

    raise typer.Exit(run_rules(format.value))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the flow format (editor completion)."""
    from .schema import flow_schema_json

    typer.echo(flow_schema_json())


def run() -> None:
    """Console-script entry point."""
    app()
