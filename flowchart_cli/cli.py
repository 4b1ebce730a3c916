"""The `flowchart` command line: options and help only; the work lives in ``commands/``.

Command bodies import their modules lazily so that `flowchart --help` and
`flowchart check` start fast.  The annotations are evaluated once, when
this module is read (no ``from __future__ import annotations``): Typer reads
every command's annotations at each start, and evaluating them again from
strings cost more than the rest of building the commands.
"""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    name="flowchart",
    help="Check plain-text process descriptions (YAML) and draw ISO 5807 flowcharts with swimlanes.",
    no_args_is_help=True,
    add_completion=True,
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


class AnalyzeFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class Edges(StrEnum):
    ortho = "ortho"
    spline = "spline"


class Theme(StrEnum):
    """Mirrors :data:`flowchart_cli.layout.theme.THEME_NAMES` (a test keeps them equal)."""

    default = "default"
    mono = "mono"
    dark = "dark"
    auto = "auto"


class Paper(StrEnum):
    a4 = "a4"
    a3 = "a3"
    letter = "letter"


PaperOption = Annotated[Paper, typer.Option("--paper", help="Paper size of the printed handout.")]


class MermaidSyntax(StrEnum):
    v11 = "11"
    v10 = "10"


class MarkdownImage(StrEnum):
    svg = "svg"
    png = "png"


class Lang(StrEnum):
    en = "en"
    es = "es"
    pt = "pt"


Files = Annotated[
    list[Path],
    typer.Argument(
        help="Flow files (NAME.flow.yaml); - reads standard input.",
        exists=True,
        allow_dash=True,
        show_default=False,
        metavar="FILE...",
    ),
]
FilesOrFolders = Annotated[
    list[Path],
    typer.Argument(
        help="Flow files (NAME.flow.yaml), or folders searched for them as `build` does; - reads standard input.",
        exists=True,
        allow_dash=True,
        show_default=False,
        metavar="FILE|DIR...",
    ),
]
OutDir = Annotated[
    Path | None,
    typer.Option(
        "--out-dir",
        "-o",
        help="Folder for the outputs (default: beside each input); - writes the one output to standard output.",
        file_okay=False,
        allow_dash=True,
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors (no 'wrote' lines).")]
ThemeOption = Annotated[
    Theme,
    typer.Option(
        "--theme", help="Colours: default, mono (black and white for print), dark, or auto (follows the reader)."
    ),
]
EdgesOption = Annotated[Edges, typer.Option("--edges", help="Flow lines: orthogonal or curved.")]
NumbersOption = Annotated[bool, typer.Option("--numbers/--no-numbers", help="Draw each step's number on its shape.")]
HeaderOption = Annotated[
    bool,
    typer.Option("--header/--no-header", help="A title block above the diagram: title, version, owner, updated."),
]
Scale = Annotated[float, typer.Option("--scale", min=0.25, max=8.0, help="PNG scale (2 or 3 for sharp screens).")]


def _formats_option(help: str, shown: str, allowed: tuple[str, ...]):
    """`-f/--format`, repeatable or comma-separated; the command splits and validates the list.

    Shell completion offers ``allowed``, also after a comma (``-f svg,p<TAB>``).
    """

    def complete(incomplete: str) -> list[str]:
        done, _, last = incomplete.rpartition(",")
        prefix = f"{done}," if done else ""
        return [prefix + fmt for fmt in allowed if fmt.startswith(last) and fmt not in done.split(",")]

    return Annotated[
        list[str] | None,
        typer.Option("--format", "-f", metavar="FORMAT", help=help, show_default=shown, autocompletion=complete),
    ]


_DIAGRAM = ("svg", "png", "pdf", "drawio", "mermaid", "dot")
_BUILD = (*_DIAGRAM, "html", "handout-pdf")
DiagramFormats = _formats_option(
    "svg, png, pdf, drawio, mermaid, dot; repeat or separate with commas.", "svg", _DIAGRAM
)
BuildFormats = _formats_option(
    "svg, png, pdf, drawio, mermaid, dot, html (handout), handout-pdf; repeat or separate with commas.",
    "svg,png,drawio,html",
    _BUILD,
)
LayoutTimeout = Annotated[
    float,
    typer.Option(
        "--layout-timeout",
        min=1.0,
        metavar="SECONDS",
        help="How long Graphviz may take to lay out one flow before the command gives up.",
    ),
]
HandoutFormats = _formats_option(
    "html (a page), pdf (printable); repeat or separate with commas.", "html", ("html", "pdf")
)
WatchFormats = _formats_option("As for build: diagram formats, html, handout-pdf.", "svg", _BUILD)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"flowchart {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Check plain-text process descriptions (YAML) and draw ISO 5807 flowcharts with swimlanes.

    Defaults for the options come from flowchart.toml (or [tool.flowchart] in pyproject.toml)
    in this folder or the nearest one above; see `flowchart config`.
    """
    from .commands.config import apply_config

    apply_config(ctx)


@app.command()
def check(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Flow files (NAME.flow.yaml), or folders searched for them as `build` does; - reads standard "
            "input. None with json/sarif/github: an empty report.",
            exists=True,
            allow_dash=True,
            show_default=False,
            metavar="[FILE]...",
        ),
    ] = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict/--no-strict", help="Warnings fail the check too.")] = False,
) -> None:
    """Check flow files (or every flow below a folder) against the format and the ISO 5807 rules."""
    from .commands.check import run_check

    if not files and format is CheckFormat.text:
        raise typer.BadParameter("give one or more flow files (- reads standard input)", param_hint="'FILE...'")
    raise typer.Exit(run_check(files or [], format.value, strict=strict))


@app.command()
def render(
    ctx: typer.Context,
    files: Files,
    format: DiagramFormats = None,
    out_dir: OutDir = None,
    edges: EdgesOption = Edges.ortho,
    theme: ThemeOption = Theme.default,
    scale: Scale = 1.0,
    mermaid: Annotated[
        MermaidSyntax,
        typer.Option(
            "--mermaid", help="Mermaid syntax: 11 (shapes, Mermaid >= 11.3) or 10 (classic, older renderers)."
        ),
    ] = MermaidSyntax.v11,
    quiet: Quiet = False,
    layout_timeout: LayoutTimeout = 60.0,
    check_staged: Annotated[
        bool,
        typer.Option("--check-staged", help="Exit 1 when git does not have an output staged as written (pre-commit)."),
    ] = False,
    numbers: NumbersOption = False,
    header: HeaderOption = False,
    shares: Annotated[bool, typer.Option("--shares/--no-shares", help="Each outcome's share by its label.")] = False,
    paper: Annotated[
        Paper | None,
        typer.Option("--paper", help="PDF on pages of this paper: one page, or an overview and parts (7 pt text)."),
    ] = None,
) -> None:
    """Draw diagrams of flow files; a file with errors writes nothing."""
    from .commands.render import run_render

    source = ctx.get_parameter_source("paper")
    typed = getattr(source, "name", "") == "COMMANDLINE"  # not from a configuration file's `paper`

    raise typer.Exit(
        run_render(
            files,
            format or ["svg"],
            out_dir,
            edges=edges.value,
            theme=theme.value,
            scale=scale,
            quiet=quiet,
            mermaid=mermaid.value,
            check_staged=check_staged,
            layout_timeout=layout_timeout,
            numbers=numbers,
            header=header,
            shares=shares,
            paper=paper.value if paper else None,
            paper_typed=typed,
        )
    )


@app.command()
def handout(
    files: Files,
    format: HandoutFormats = None,
    out_dir: OutDir = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Language of the handout (default: the flow's `lang`).")
    ] = None,
    quiz: Annotated[bool, typer.Option("--quiz/--no-quiz", help="Include the self-check quiz.")] = True,
    paper: PaperOption = Paper.a4,
    theme: ThemeOption = Theme.default,
    template_dir: Annotated[
        Path | None,
        typer.Option(
            "--template-dir", help="Folder whose templates override the built-in ones.", exists=True, file_okay=False
        ),
    ] = None,
    quiet: Quiet = False,
) -> None:
    """Write the printable training handout of flow files."""
    from .commands.common import split_formats
    from .commands.handout import HANDOUT_FORMATS, run_handout

    raise typer.Exit(
        run_handout(
            files,
            split_formats(format or ["html"], HANDOUT_FORMATS) or ["html"],
            out_dir,
            lang=lang.value if lang else None,
            quiz=quiz,
            template_dir=template_dir,
            paper=paper.value,
            theme=theme.value,
            quiet=quiet,
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
    clean: Annotated[
        bool,
        typer.Option(
            "--clean/--no-clean",
            help="Remove the outputs the build wrote for flow files that are gone (default); --no-clean keeps them.",
        ),
    ] = True,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Parallel jobs (default: the CPU count).")
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", metavar="PATTERN", help=".gitignore-style pattern to skip; repeatable."),
    ] = None,
    index: Annotated[bool, typer.Option("--index/--no-index", help="Write OUT/index.md listing every flow.")] = False,
    edges: EdgesOption = Edges.ortho,
    theme: ThemeOption = Theme.default,
    paper: PaperOption = Paper.a4,
    scale: Scale = 1.0,
    quiet: Quiet = False,
    layout_timeout: LayoutTimeout = 60.0,
    shard: Annotated[
        str | None,
        typer.Option(
            "--shard",
            metavar="I/N",
            help="Build only shard I of N (by each flow's relative path), for an N-job CI matrix.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace files in the output folder that the build did not write.")
    ] = False,
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
            paper=paper.value,
            scale=scale,
            quiet=quiet,
            layout_timeout=layout_timeout,
            shard=shard,
            force=force,
        )
    )


@app.command()
def markdown(
    file: Annotated[
        Path,
        typer.Argument(
            help="A Markdown file with ```flow blocks; - reads standard input.",
            exists=True,
            dir_okay=False,
            allow_dash=True,
            metavar="FILE.md",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The Markdown to write (default: standard output).", dir_okay=False),
    ] = None,
    assets: Annotated[
        Path | None,
        typer.Option("--assets", help="Folder for the images (default: OUT.md's folder / assets).", file_okay=False),
    ] = None,
    format: Annotated[MarkdownImage, typer.Option("--format", "-f", help="Image format.")] = MarkdownImage.svg,
    edges: EdgesOption = Edges.ortho,
    theme: ThemeOption = Theme.auto,
    scale: Scale = 1.0,
    quiet: Quiet = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an -o file that `flowchart markdown` did not write.")
    ] = False,
) -> None:
    """Render every ```flow block of a Markdown file to an image and write the Markdown with image links."""
    from .commands.markdown import run_markdown

    raise typer.Exit(
        run_markdown(
            file,
            output,
            assets,
            format.value,
            edges=edges.value,
            theme=theme.value,
            scale=scale,
            quiet=quiet,
            force=force,
        )
    )


@app.command()
def analyze(
    files: FilesOrFolders,
    format: Annotated[AnalyzeFormat, typer.Option("--format", "-f", help="Output format.")] = AnalyzeFormat.text,
    max_handoffs: Annotated[
        int | None, typer.Option("--max-handoffs", min=0, metavar="N", help="Exit 1 if a path has more handoffs.")
    ] = None,
    max_duration: Annotated[
        str | None,
        typer.Option(
            "--max-duration", metavar="D", help="Exit 1 if a path may take longer (e.g. '2 h', '2 días hábiles')."
        ),
    ] = None,
    max_paths: Annotated[
        int, typer.Option("--max-paths", min=1, metavar="N", help="List at most N paths per flow.")
    ] = 1000,
    simulate: Annotated[
        bool, typer.Option("--simulate", help="Also simulate cases: typical and slow duration.")
    ] = False,
    cases: Annotated[int | None, typer.Option("--cases", min=1, metavar="N", help="Cases (default 10000).")] = None,
    seed: Annotated[int | None, typer.Option("--seed", metavar="S", help="Random seed (default 1).")] = None,
    max_p90: Annotated[
        str | None, typer.Option("--max-p90", metavar="D", help="Exit 1 if 1 case in 10 takes longer.")
    ] = None,
) -> None:
    """List every path of each flow with its handoffs and duration, its loops, and the CI gates."""
    from .commands.analyze import limits_of, run_analyze, simulation_of

    limits, simulation = limits_of(max_handoffs, max_duration, max_p90), simulation_of(simulate, cases, seed, max_p90)
    raise typer.Exit(run_analyze(files, format.value, max_paths=max_paths, limits=limits, simulate=simulation))


@app.command()
def watch(
    path: Annotated[Path, typer.Argument(help="A flow file or a folder of them.", exists=True, metavar="FILE|DIR")],
    out_dir: OutDir = None,
    format: WatchFormats = None,
) -> None:
    """Re-check and re-render on every save (Ctrl-C stops)."""
    from .commands.watch import run_watch

    raise typer.Exit(run_watch(path, out_dir, format or ["svg"]))


def _templates(incomplete: str) -> list[tuple[str, str]]:
    """`new --template <TAB>`: the template names, each with its description."""
    from .commands.new import available_templates

    return [(t.name, t.description) for t in available_templates() if t.name.startswith(incomplete)]


@app.command()
def serve(
    path: Annotated[
        Path, typer.Argument(help="A flow file or a folder of them.", exists=True, metavar="[PATH]")
    ] = Path("."),
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; anything but localhost is reachable by others.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port; 0 picks a free one.")] = 8765,
    theme: ThemeOption = Theme.auto,
    numbers: NumbersOption = False,
    header: HeaderOption = False,
) -> None:
    """Preview flows in the browser, redrawn on every save (Ctrl-C stops)."""
    from .commands.serve import run_serve

    raise typer.Exit(run_serve(path, host=host, port=port, theme=theme.value, numbers=numbers, header=header))


@app.command()
def new(
    path: Annotated[
        Path | None, typer.Argument(help="The flow file to create.", show_default=False, metavar="PATH")
    ] = None,
    template: Annotated[
        str, typer.Option("--template", "-t", help="Starter template (see --list).", autocompletion=_templates)
    ] = "blank",
    list_templates: Annotated[bool, typer.Option("--list", help="List the templates and exit.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a starter flow file from a template."""
    from .commands.new import run_new

    raise typer.Exit(run_new(path, template, list_templates=list_templates, force=force))


@app.command("import")
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            help="A draw.io (.drawio, .xml), Mermaid (.mmd, .mermaid, .md) or Visio (.vsdx) flowchart.",
            exists=True,
            dir_okay=False,
            metavar="FILE",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="The flow file to write (default: NAME.flow.yaml beside FILE); - prints it."
        ),
    ] = None,
    page: Annotated[int, typer.Option("--page", min=1, metavar="N", help="The page of the drawing to read.")] = 1,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output file.")] = False,
) -> None:
    """Turn a flowchart drawn in draw.io, Mermaid or Visio into a flow file."""
    from .commands.import_ import run_import

    raise typer.Exit(run_import(file, output, page=page, force=force))


@app.command()
def rules(
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="Table or JSON.")] = ListFormat.text,
) -> None:
    """List every rule: code, severity, what it checks and why."""
    from .commands.rules import run_rules

    raise typer.Exit(run_rules(format.value))


@app.command()
def config(
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="Table or JSON.")] = ListFormat.text,
) -> None:
    """Print the settings in effect here and where each comes from (flowchart.toml, pyproject.toml, built in)."""
    from .commands.config import run_config

    raise typer.Exit(run_config(format.value))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the flow format (editor completion)."""
    from .schema import flow_schema_json

    typer.echo(flow_schema_json())


def app_for(args: list[str]) -> typer.Typer:
    """The app that runs ``args``: :data:`app` with only the command named first, when the first word names one.

    Typer turns every command of an app into a Click command at each start (its
    options, types and help), which was a tenth of `flowchart check`; the other
    commands have no part in running one of them (the callback and the named
    command parse and say exactly the same).  ``--help`` alone, a mistyped
    command ("did you mean") and shell completion (no arguments) get the whole app.
    """
    import os

    if not args or any(name.endswith("_COMPLETE") for name in os.environ):
        return app
    chosen = [c for c in app.registered_commands if (c.name or _command_name(c.callback)) == args[0]]
    if len(chosen) != 1:
        return app
    from copy import copy

    single = copy(app)
    single.registered_commands = chosen
    return single


def _command_name(callback) -> str:
    """The name Typer gives a command from its function (``import_`` is named explicitly)."""
    return callback.__name__.lower().replace("_", "-") if callback else ""


def run() -> None:
    """Console-script entry point: closed or full outputs, the C locale and SIGTERM end in one line."""
    import sys

    from .streams import run_guarded

    run_guarded(app_for(sys.argv[1:]))
