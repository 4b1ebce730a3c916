"""`flowchart build` without real renderers: outputs, manifest, incremental rebuilds, --check, --clean, --index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from test_build_support import BROKEN, REFERRING, FakeRenderer, flow_text, make_tree, payload, snapshot

from flowchart_cli.batch.engine import BuildConfig, build
from flowchart_cli.batch.hashing import CACHE_NAME
from flowchart_cli.batch.manifest import MANIFEST_NAME, Manifest

FORMATS = ("svg", "drawio", "html")


class Run:
    """One build with captured output."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


def run(src: Path, out: Path, renderer: FakeRenderer | None, **options) -> Run:
    options.setdefault("formats", FORMATS)
    out_console = Console(record=True, width=200, force_terminal=False, soft_wrap=True)
    err_console = Console(record=True, width=200, force_terminal=False, stderr=True, soft_wrap=True)
    code = build(BuildConfig(src, out, **options), out=out_console, err=err_console, renderer=renderer)
    return Run(code, out_console.export_text(), err_console.export_text())


def test_first_build_mirrors_the_tree_and_records_every_output(tree, tmp_path, fake):
    out = tmp_path / "out"
    result = run(tree, out, fake)
    assert result.code == 0, result.err
    expected = {"flujo-0", "ventas/flujo-1", "ventas/online/flujo-2", "soporte/flujo-3"}
    for stem in expected:
        source = tree / f"{stem}.flow.yaml"
        assert (out / f"{stem}.svg").read_bytes() == payload("svg", source)
        assert (out / f"{stem}.drawio").read_bytes() == payload("drawio", source)
        assert (out / f"{stem}.handout.html").read_bytes() == payload("html", source)
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert set(manifest["flows"]) == {f"{stem}.flow.yaml" for stem in expected}
    entry = manifest["flows"]["ventas/online/flujo-2.flow.yaml"]
    assert entry["title"] == "Flujo 2"
    assert entry["outputs"]["svg"]["path"] == "ventas/online/flujo-2.svg"
    import hashlib

    svg = (out / "ventas/online/flujo-2.svg").read_bytes()
    assert entry["outputs"]["svg"]["sha256"] == hashlib.sha256(svg).hexdigest()
    assert len(fake.calls()) == 4
    assert "4 flow(s): 4 rendered, 0 up to date" in result.out


def test_second_build_without_changes_renders_nothing_and_writes_nothing(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake)
    before = snapshot(out)
    result = run(tree, out, fake)
    assert result.code == 0
    assert len(fake.calls()) == 4
    after = snapshot(out)
    for local in (".flowchart.lock", CACHE_NAME):  # the lock, and the local hash cache (tested in test_build_hashing)
        after.pop(local, None), before.pop(local, None)
    assert after == before
    assert "0 rendered, 4 up to date" in result.out


def test_changing_one_flow_rerenders_only_its_outputs(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake)
    before = snapshot(out)
    changed = tree / "ventas/flujo-1.flow.yaml"
    changed.write_text(flow_text("Flujo 1 revisado", 1), encoding="utf-8")
    run(tree, out, fake)
    assert fake.calls()[4:] == [str(changed)]
    after = snapshot(out)
    differing = {rel for rel in after if after[rel] != before.get(rel)} - {CACHE_NAME}
    assert differing == {"ventas/flujo-1.svg", "ventas/flujo-1.drawio", "ventas/flujo-1.handout.html", MANIFEST_NAME}
    assert Manifest.load(out).flows["ventas/flujo-1.flow.yaml"].title == "Flujo 1 revisado"


def test_a_changed_referenced_flow_rebuilds_the_flow_that_refs_it(tmp_path, fake):
    src = tmp_path / "docs"
    (src / "detalle").mkdir(parents=True)
    detail = src / "detalle/paso.flow.yaml"
    detail.write_text(flow_text("Detalle"), encoding="utf-8")
    main = src / "principal.flow.yaml"
    main.write_text(REFERRING.format(ref="detalle/paso.flow.yaml"), encoding="utf-8")
    out = tmp_path / "out"
    assert run(src, out, fake).code == 0
    assert Manifest.load(out).flows["principal.flow.yaml"].deps == ("detalle/paso.flow.yaml",)
    detail.write_text(flow_text("Detalle nuevo"), encoding="utf-8")
    run(src, out, fake)
    assert sorted(fake.calls()[2:]) == sorted([str(detail), str(main)])


def test_new_options_or_tool_version_rebuild_everything(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake)
    run(tree, out, fake, theme="mono")
    assert len(fake.calls()) == 8
    assert (out / "flujo-0.svg").read_bytes() == payload("svg", tree / "flujo-0.flow.yaml", "mono")
    run(tree, out, fake, theme="mono", tool="99.0")
    assert len(fake.calls()) == 12


def test_adding_a_format_renders_only_that_format(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake, formats=("svg",))
    svg_before = snapshot(out)["flujo-0.svg"]
    result = run(tree, out, fake, formats=("svg", "mermaid"))
    assert result.code == 0
    assert snapshot(out)["flujo-0.svg"] == svg_before
    assert (out / "flujo-0.mmd").is_file()
    assert set(Manifest.load(out).flows["flujo-0.flow.yaml"].outputs) == {"svg", "mermaid"}
    assert run(tree, out, fake, check_only=True, formats=("svg", "mermaid")).code == 0


def test_a_deleted_output_is_rebuilt_and_an_edited_one_only_with_force(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake)
    (out / "flujo-0.svg").write_text("edited by hand")
    (out / "soporte/flujo-3.drawio").unlink()
    check = run(tree, out, fake, check_only=True)
    assert check.code == 1
    assert "flujo-0.svg" in check.out and "edited" in check.out
    assert "missing" in check.out and "soporte/flujo-3.drawio" in check.out
    kept = run(tree, out, fake)
    assert kept.code == 2  # spec §3: the edit is not the build's to replace
    assert "flujo-0.svg, which was changed since the build wrote it; move it away or use --force" in kept.err
    assert (out / "flujo-0.svg").read_text() == "edited by hand"
    assert (out / "soporte/flujo-3.drawio").is_file()
    forced = run(tree, out, fake, force=True)
    assert forced.code == 0, forced.err
    assert (out / "flujo-0.svg").read_bytes() == payload("svg", tree / "flujo-0.flow.yaml")
    assert run(tree, out, fake, check_only=True).code == 0


def test_check_on_a_fresh_tree_passes_and_on_a_stale_tree_fails_writing_nothing(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake)
    fresh = run(tree, out, fake, check_only=True)
    assert fresh.code == 0, fresh.out
    assert "all up to date" in fresh.out
    (tree / "soporte/flujo-3.flow.yaml").write_text(flow_text("Otro título", 3), encoding="utf-8")
    (tree / "nuevo.flow.yaml").write_text(flow_text("Nuevo"), encoding="utf-8")
    before = snapshot(out)
    stale = run(tree, out, fake, check_only=True)
    assert stale.code == 1
    assert snapshot(out) == before
    assert len(fake.calls()) == 4
    lines = stale.out.splitlines()
    assert any(line.startswith("stale") and "soporte/flujo-3.svg" in line and "flow changed" in line for line in lines)
    assert any(line.startswith("missing") and "nuevo.handout.html" in line for line in lines)


def test_check_without_an_output_folder_fails_and_creates_nothing(tree, tmp_path, fake):
    out = tmp_path / "never"
    result = run(tree, out, fake, check_only=True)
    assert result.code == 1
    assert not out.exists()
    assert result.out.count("missing") >= 12


def test_check_fails_on_a_flow_with_errors(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake)
    (tree / "roto.flow.yaml").write_text(BROKEN, encoding="utf-8")
    result = run(tree, out, fake, check_only=True)
    assert result.code == 1
    assert "FC105" in result.err


def test_a_broken_file_does_not_stop_the_others(tree, tmp_path, fake):
    (tree / "ventas/roto.flow.yaml").write_text(BROKEN, encoding="utf-8")
    (tree / "ventas/ilegible.flow.yaml").write_bytes(b"title: x\nsteps: [\n")
    out = tmp_path / "out"
    result = run(tree, out, fake)
    assert result.code == 1
    assert len(fake.calls()) == 4
    assert (out / "soporte/flujo-3.svg").is_file()
    assert not (out / "ventas/roto.svg").exists()
    assert "FC105" in result.err and "FC100" in result.err
    assert "ventas/roto.flow.yaml: not written" in result.err
    assert "ventas/roto.flow.yaml" not in Manifest.load(out).flows
    again = run(tree, out, fake)
    assert again.code == 1 and len(fake.calls()) == 4  # still failing, the good ones still fresh


def test_renderer_crash_is_reported_not_raised(tree, tmp_path):
    def crash(flow, formats, options):
        raise RuntimeError("writer bug")

    result = run(tree, tmp_path / "out", crash)
    assert result.code == 1
    assert "could not render: RuntimeError: writer bug" in result.err


def test_exclude_skips_gitignore_style_patterns(tree, tmp_path, fake):
    (tree / "borradores").mkdir()
    (tree / "borradores/idea.flow.yaml").write_text(flow_text("Idea"), encoding="utf-8")
    out = tmp_path / "out"
    result = run(tree, out, fake, exclude=("borradores/", "ventas/online/*", "flujo-0.flow.yaml"))
    assert result.code == 0
    assert set(Manifest.load(out).flows) == {"ventas/flujo-1.flow.yaml", "soporte/flujo-3.flow.yaml"}
    assert not (out / "borradores").exists()


def test_outputs_of_deleted_flows_are_reported_and_removed_unless_no_clean(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake)
    (out / "ventas/online/notes.txt").write_text("mine")  # not ours: never removed
    (tree / "ventas/online/flujo-2.flow.yaml").unlink()
    (tree / "soporte/flujo-3.flow.yaml").unlink()
    kept = run(tree, out, fake, clean=False)
    assert kept.code == 0
    assert (out / "soporte/flujo-3.svg").is_file()
    assert "soporte/flujo-3.flow.yaml" in Manifest.load(out).flows
    quiet_check = run(tree, out, fake, check_only=True, clean=False)
    assert quiet_check.code == 0 and "is left from soporte/flujo-3.flow.yaml, which is gone" in quiet_check.err
    check = run(tree, out, fake, check_only=True)
    assert check.code == 1
    shown = (out / "soporte/flujo-3.svg").as_posix()
    assert f"stale {shown} (soporte/flujo-3.flow.yaml: the flow file is gone; the build removes it)" in check.out
    assert "6 output(s) missing or stale" in check.out
    result = run(tree, out, fake)
    assert result.code == 0
    assert f"removed {shown}" in result.out
    assert not (out / "soporte").exists()
    assert not (out / "ventas/online/flujo-2.svg").exists()
    assert (out / "ventas/online/notes.txt").read_text() == "mine"
    assert set(Manifest.load(out).flows) == {"flujo-0.flow.yaml", "ventas/flujo-1.flow.yaml"}
    assert (out / "flujo-0.svg").is_file()
    assert run(tree, out, fake, check_only=True).code == 0


def test_clean_never_deletes_outside_the_output_folder(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake)
    victim = tmp_path / "precious.txt"
    victim.write_text("keep")
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    manifest["flows"]["gone.flow.yaml"] = {
        "input": "x",
        "outputs": {"svg": {"path": "../precious.txt", "sha256": "y", "key": "z"}},
    }
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    run(tree, out, fake, clean=True)
    assert victim.read_text() == "keep"


def test_index_lists_every_flow_with_escaped_titles_and_links(tree, tmp_path, fake):
    (tree / "ventas/hostil.flow.yaml").write_text(
        flow_text("<script>alert(1)</script> *a* | [x](y) & z"), encoding="utf-8"
    )
    (tree / "con espacio.flow.yaml").write_text(flow_text("Espacios"), encoding="utf-8")
    (tree / "roto.flow.yaml").write_text(BROKEN, encoding="utf-8")
    out = tmp_path / "out"
    run(tree, out, fake, index=True)
    text = (out / "index.md").read_text(encoding="utf-8")
    assert "- [**Flujo 1**](ventas/flujo-1.svg) (`ventas/flujo-1.flow.yaml`)" in text
    assert "[handout](ventas/online/flujo-2.handout.html)" in text
    assert "[SVG](con%20espacio.svg)" in text
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\*a\\* \\| \\[x\\](y) &amp; z" in text
    assert "roto.flow.yaml`) — not built" in text
    assert text.index("## Top level") < text.index("## soporte/") < text.index("## ventas/")
    first = (out / "index.md").stat().st_mtime_ns
    run(tree, out, fake, index=True)
    assert (out / "index.md").stat().st_mtime_ns == first
    (out / "index.md").unlink()
    assert run(tree, out, fake, check_only=True, index=True).code == 1


def test_a_corrupt_manifest_means_a_full_rebuild_not_a_crash(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake)
    (out / MANIFEST_NAME).write_text("{not json")
    assert run(tree, out, fake).code == 0
    assert len(fake.calls()) == 8


def test_temporaries_of_a_killed_build_are_swept(tree, tmp_path, fake):
    out = tmp_path / "out"
    run(tree, out, fake)
    left = out / "ventas/.flujo-1.svg.flowchart-0123456789ab.tmp"
    left.write_bytes(b"half")
    run(tree, out, fake)
    assert not left.exists()


def test_outputs_of_two_flows_with_the_same_name_are_not_mixed(tree, tmp_path, fake):
    (tree / "flujo-0.yaml").write_text(flow_text("Gemelo"), encoding="utf-8")
    out = tmp_path / "out"
    result = run(tree, out, fake)
    assert result.code == 2  # a clash of outputs is a usage error (spec §3)
    assert "flujo-0.yaml: has the same output names as flujo-0.flow.yaml" in result.err
    assert not out.exists()  # nothing written: not one flow's outputs, not the manifest
    assert fake.calls() == []


def test_parallel_build_renders_each_flow_once(tmp_path):
    src = tmp_path / "docs"
    make_tree(src, 12)
    fake = FakeRenderer(tmp_path / "renders.log")
    out = tmp_path / "out"
    assert run(src, out, fake, jobs=2).code == 0
    assert sorted(fake.calls()) == sorted(str(p) for p in src.rglob("*.flow.yaml"))
    assert len(Manifest.load(out).flows) == 12
    assert run(src, out, fake, jobs=2, check_only=True).code == 0


def test_output_folder_inside_the_source_folder_is_not_searched(tree, fake):
    out = tree / "_site"
    assert run(tree, out, fake).code == 0
    (out / "copia.flow.yaml").write_text(flow_text("Copia"), encoding="utf-8")
    assert run(tree, out, fake).code == 0
    assert "_site/copia.flow.yaml" not in Manifest.load(out).flows


WARM_PROBE = """
import subprocess, sys
def refuse(*args, **kwargs):
    raise AssertionError(f"the warm path ran a program: {args[:1]}")
subprocess.Popen = refuse
from flowchart_cli.cli import app
try:
    app(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {"cairo", "cairocffi", "cairosvg", "weasyprint", "jinja2"})
print("heavy:", heavy)
sys.exit(code)
"""


@pytest.mark.integration
def test_a_warm_build_only_hashes_it_imports_no_renderer_and_runs_no_program(tree, tmp_path, fake):
    import subprocess
    import sys

    out = tmp_path / "out"
    assert run(tree, out, fake, formats=("svg", "png", "drawio", "html")).code == 0  # the defaults
    result = subprocess.run(
        [sys.executable, "-c", WARM_PROBE, "build", str(tree), "--out-dir", str(out)],
        capture_output=True,
        text=True,
        env={"CI": "true", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "4 flow(s): 0 rendered, 4 up to date" in result.stdout
    assert "heavy: []" in result.stdout


def test_check_names_the_command_that_updates_the_outputs(tree, tmp_path, fake):
    result = run(tree, tmp_path / "out", fake, check_only=True, theme="mono", exclude=("borradores/",))
    assert result.code == 1
    assert f"run `flowchart build {tree} --out-dir {tmp_path / 'out'} --format svg,drawio,html" in result.out
    assert "--exclude=borradores/ --theme=mono` to update them" in result.out


def test_an_output_folder_that_is_a_file_is_a_clear_error(tree, tmp_path, fake):
    blocker = tmp_path / "out"
    blocker.write_text("a file")
    result = run(tree, blocker, fake)
    assert result.code == 2
    assert result.err.startswith("error:") and "Traceback" not in result.err
