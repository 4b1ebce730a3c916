"""`flowchart markdown FILE.md`: every ```flow block checked, drawn into --assets and replaced by an image link.

For READMEs and static-site generators other than MkDocs (which has its own
plugin). Nothing is written when a block has errors, and the errors name the
Markdown file's own lines. Asset names come from the flow's title and a hash
of the block and its options, so the same Markdown always gives the same files.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

from ..check import CheckResult, check_text
from ..errors import FlowchartError
from ..markdown_blocks import (
    BlockProblem,
    FlowBlock,
    asset_stem,
    fence_render_options,
    find_flow_blocks,
    image_markdown,
    replace_blocks,
)
from ..stdio import STDIN_NAME, is_dash, stdin_text
from ..writers import RenderOptions
from ..yamlsource import MAX_BYTES, SourceError, read_source
from .common import (
    colour_wanted,
    console,
    fail,
    note,
    prepare_out_dir,
    unusable_output,
    usage_error,
    write_stdout,
)

__all__ = ["WRITTEN_MARK", "run_markdown"]

WRITTEN_MARK = "<!-- written by flowchart markdown"
"""The start of the last line of every Markdown file `-o` writes: a file without it is the user's (spec §3)."""

_ASSETS_ADVICE = "choose another folder for the images with --assets"
_OUTPUT_ADVICE = "choose another place for the Markdown with -o"


def run_markdown(
    file: Path,
    output: Path | None,
    assets: Path | None,
    fmt: str,
    *,
    edges: str,
    theme: str,
    scale: float,
    quiet: bool = False,
    force: bool = False,
) -> int:
    """0 when the Markdown (and its images) were written, 1 when a block has errors, 2 on usage problems."""
    shown = STDIN_NAME if is_dash(file) else str(file)
    if output is not None and not is_dash(file) and output.resolve() == file.resolve():
        return usage_error(f"-o {output} is the input itself; write the rendered Markdown to another file")
    if output is not None and not force and not _ours(output):
        return usage_error(
            f"-o {output} already exists and `flowchart markdown` did not write it; "
            "choose another file or use --force to replace it"
        )
    too_big = None if is_dash(file) else _too_big(file)
    if too_big is not None:
        return _block_error(shown, BlockProblem(too_big, 1))
    try:
        markdown = stdin_text() if is_dash(file) else read_source(file)
        blocks = find_flow_blocks(markdown)
    except SourceError as exc:
        return _block_error(shown, BlockProblem(exc.message, exc.line, exc.column))
    except BlockProblem as problem:
        return _block_error(shown, problem)
    base = file.parent if not is_dash(file) else Path()
    results = [_checked(block, n, base, shown, markdown) for n, block in enumerate(blocks, 1)]
    _print_problems([r for r in results if not r.ok] if quiet else results)
    if any(not r.ok for r in results):
        console(stderr=True).print(f"{shown}: nothing written (fix the errors above)", markup=False)
        return 1
    out_folder = output.parent if output is not None else Path()
    asset_dir = assets if assets is not None else out_folder / "assets"
    for folder, advice in ((asset_dir, _ASSETS_ADVICE), (None if output is None else out_folder, _OUTPUT_ADVICE)):
        problem = None if folder is None else prepare_out_dir(folder, advice)
        if problem is not None:  # found before any image is written
            return fail(problem)
    options = RenderOptions(edges=edges, theme=theme, scale=scale)
    try:
        images = [_render(block, result, options, fmt) for block, result in zip(blocks, results, strict=True)]
    except FlowchartError as error:
        return fail(error)
    except BlockProblem as problem:
        return _block_error(shown, problem)
    links = {}
    for block, (stem, alt, data) in zip(blocks, images, strict=True):
        path = asset_dir / f"{stem}.{fmt}"
        try:
            if _write_if_changed(path, data) and not quiet:
                note(f"wrote {path}")
        except OSError as error:
            return fail(unusable_output(error, asset_dir, _ASSETS_ADVICE))
        links[block.first_line] = image_markdown(alt, _relative_url(path, out_folder))
    text = replace_blocks(markdown, blocks, lambda block: links[block.first_line])
    if output is None:
        write_stdout(text)
        return 0
    text = _with_mark(text, STDIN_NAME if is_dash(file) else file.name)
    from ..atomic import write_atomic

    try:
        write_atomic(output, text)
    except OSError as error:
        return fail(unusable_output(error, out_folder, _OUTPUT_ADVICE))
    if not quiet:
        note(f"wrote {output} ({len(blocks)} flow block{'s' if len(blocks) != 1 else ''})")
    return 0


def _with_mark(text: str, source: str) -> str:
    """``text`` ending with the comment that says `flowchart markdown` wrote it (in the text's own line endings)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    if text and not text.endswith(("\n", "\r")):
        text += newline
    name = source.replace("--", "- -").replace("\r", " ").replace("\n", " ")
    return f"{text}{newline}{WRITTEN_MARK} from {name}; edit that file, not this one -->{newline}"


def _ours(output: Path) -> bool:
    """Whether ``output`` may be replaced: it does not exist, or `flowchart markdown` wrote it (its mark)."""
    if output.is_symlink():
        return False
    if not output.exists():
        return True
    try:
        with output.open("rb") as handle:
            handle.seek(max(0, output.stat().st_size - 4096))  # the mark is the last line
            return WRITTEN_MARK.encode() in handle.read()
    except OSError:
        return True  # a folder or an unreadable file: writing it says what is wrong


def _too_big(file: Path) -> str | None:
    """The message for a Markdown file over the size limit (its own words: it is no flow file)."""
    try:
        size = file.stat().st_size
    except OSError:
        return None  # read_source says what is wrong
    if size <= MAX_BYTES:
        return None
    return (
        f"the Markdown file is {size / 1_048_576:.1f} MB; `flowchart markdown` reads files of at most "
        f"{MAX_BYTES // 1_048_576} MB — split the document into several files"
    )


def _checked(block: FlowBlock, number: int, base: Path, shown: str, markdown: str) -> CheckResult:
    """Check one block's flow; its diagnostics point at the Markdown file's lines and columns."""
    result = check_text(block.text, base / f"block-{number}.flow.yaml", shown, line_offset=block.body_offset)
    moved = tuple(replace(d, column=d.column + block.indent) for d in result.diagnostics)
    return replace(result, diagnostics=moved, source=markdown)


def _print_problems(results: list[CheckResult]) -> None:
    from ..report.text import print_text, write_text

    noisy = [r for r in results if r.diagnostics]
    if not noisy:
        return

    if colour_wanted(sys.stderr):
        print_text(console(stderr=True), noisy, summary=False)
    else:
        write_text(sys.stderr, noisy, summary=False)


def _block_error(shown: str, problem: BlockProblem) -> int:
    console(stderr=True).print(f"{shown}:{problem.line}:{problem.column}: error: {problem.message}", markup=False)
    return 1


def _render(block: FlowBlock, result: CheckResult, options: RenderOptions, fmt: str) -> tuple[str, str, bytes | str]:
    """(asset stem, alt text, image) of one block, with its fence options applied."""
    from ..pipeline import render_payloads

    chosen = fence_render_options(options, block)
    data = render_payloads(result.flow, [fmt], chosen)[fmt]
    key = f"{block.text}\0{chosen!r}"
    return asset_stem(result.flow.title, key), block.option("alt") or result.flow.title, data


def _write_if_changed(path: Path, data: bytes | str) -> bool:
    """Write ``path`` unless it already holds ``data`` (a re-run touches nothing); whether it was written."""
    from ..atomic import write_atomic
    from ..regularfile import read_regular

    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if read_regular(path, len(payload)) == payload:  # never blocks on a FIFO left in the assets folder
            return False
    except OSError:
        pass
    write_atomic(path, payload)
    return True


def _relative_url(path: Path, folder: Path) -> str:
    """The image's address from the Markdown's folder, percent-encoded, with `/` separators."""
    relative = Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()
    return quote(relative, safe="/-._~")
