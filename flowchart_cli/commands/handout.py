"""`flowchart handout`: check each file, lay it out once, write its training handout."""

from __future__ import annotations

from pathlib import Path

from ..errors import FlowchartError
from ..formats import HANDOUT_FORMATS as OUTPUT_HANDOUTS
from ..stdio import is_dash
from .common import (
    checked_flows,
    fail,
    note,
    once_each,
    output_clash,
    prepare_out_dir,
    unusable_output,
    usage_error,
    write_stdout,
)


def run_handout(
    files: list[Path],
    formats: list[str],
    out_dir: Path | None,
    *,
    lang: str | None,
    quiz: bool,
    template_dir: Path | None,
    paper: str = "a4",
    theme: str = "default",
    quiet: bool = False,
) -> int:
    """Write NAME.handout.html and/or .pdf for every file without errors; 1 if any had errors.

    ``-o -`` writes the one handout to standard output (one file, one format).
    """
    import jinja2

    from ..atomic import write_atomic
    from ..pipeline import output_path, output_suffix, render_payloads
    from ..writers import RenderOptions

    outputs = [_PIPELINE_NAMES[fmt] for fmt in formats]
    files = once_each(files)
    if is_dash(out_dir) and len(files) != 1:
        return usage_error("`-o -` writes one handout to standard output: give one file")
    if is_dash(out_dir) and len(outputs) != 1:
        return usage_error("`-o -` writes one handout to standard output: give one format")
    clash = None if is_dash(out_dir) else output_clash(files, out_dir, output_suffix(outputs[0]))
    if clash is not None:
        return clash
    problem = prepare_out_dir(out_dir) if out_dir is not None and not is_dash(out_dir) else None
    if problem is not None:
        return fail(problem)
    good, failed = checked_flows(files)
    for result in good:
        try:
            payloads = render_payloads(
                result.flow,
                outputs,
                RenderOptions(theme=theme, paper=paper),
                lang=lang,
                quiz=quiz,
                template_dir=template_dir,
            )
        except FlowchartError as error:
            return fail(error)
        except jinja2.TemplateError as error:
            return fail(FlowchartError(f"handout template: {_template_problem(error)}"))
        if is_dash(out_dir):
            write_stdout(payloads[outputs[0]])
            continue
        for output in outputs:
            path = output_path(result.flow, out_dir or result.path.parent, output_suffix(output))
            try:
                write_atomic(path, payloads[output])
            except OSError as error:
                return fail(unusable_output(error, path.parent))
            if not quiet:
                note(f"wrote {path}")
    return 1 if failed else 0


_PIPELINE_NAMES = {f.handout: name for name, f in OUTPUT_HANDOUTS.items()}
"""`handout -f` names (html, pdf) → their names among all outputs (html, handout-pdf)."""
HANDOUT_FORMATS = tuple(_PIPELINE_NAMES)


def _template_problem(error: Exception) -> str:
    """One line naming the template and what is wrong in it."""
    import jinja2

    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"{error.filename or error.name}:{error.lineno}: {error.message}"
    if isinstance(error, jinja2.TemplateNotFound):
        return f"template not found: {error.name}"
    return str(error)
