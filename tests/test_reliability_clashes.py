"""Outputs never silently replace each other or a user's file (spec §3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fault_support import flowchart
from test_build import run
from test_build_support import flow_text, make_tree, payload

from flowchart_cli.batch.manifest import Manifest

CASES = Path(__file__).resolve().parent / "cases"


def flow_at(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(CASES / "ok_atencion.flow.yaml", path)
    return path


def files_below(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.integration
@pytest.mark.parametrize(
    ("command", "suffix"), [(["render", "-f", "svg,mermaid"], ".svg"), (["handout"], ".handout.html")]
)
def test_two_inputs_with_one_output_name_are_a_usage_error_and_nothing_is_written(tmp_path, command, suffix):
    first, second = flow_at(tmp_path / "ventas/x.flow.yaml"), flow_at(tmp_path / "soporte/x.flow.yaml")
    before = files_below(tmp_path)
    done = flowchart(*command, str(first), str(second), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 2
    assert f"{first} and {second} would both write {tmp_path / 'out' / ('x' + suffix)}" in done.stderr
    assert files_below(tmp_path) == before


@pytest.mark.integration
def test_a_flow_yaml_beside_a_yaml_of_the_same_name_clash(tmp_path):
    first, second = flow_at(tmp_path / "x.flow.yaml"), flow_at(tmp_path / "x.yaml")
    done = flowchart("render", str(first), str(second), cwd=tmp_path)
    assert done.returncode == 2 and "would both write" in done.stderr
    assert files_below(tmp_path) == {"x.flow.yaml", "x.yaml"}


@pytest.mark.integration
def test_the_same_file_given_twice_is_not_a_clash(tmp_path):
    flow = flow_at(tmp_path / "x.flow.yaml")
    done = flowchart("render", str(flow), "x.flow.yaml", "-f", "mermaid", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "x.mmd").is_file()
    assert done.stderr.count("wrote") + done.stdout.count("wrote") == 1  # rendered once, not twice
    done = flowchart("handout", str(flow), "./x.flow.yaml", "-f", "html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("wrote") + done.stdout.count("wrote") == 1


def test_build_keeps_a_users_own_file_in_out_and_names_it(tree, tmp_path, fake):
    out = tmp_path / "out"
    (out / "ventas").mkdir(parents=True)
    mine = out / "ventas/flujo-1.svg"
    mine.write_text("<svg>my own drawing</svg>")
    result = run(tree, out, fake)
    assert result.code == 2
    assert f"would replace {mine}, which the build did not write; move it away or use --force" in result.err
    assert mine.read_text() == "<svg>my own drawing</svg>"
    assert not (out / "ventas/flujo-1.drawio").exists()  # that flow writes nothing at all
    assert set(Manifest.load(out).flows) == {
        "flujo-0.flow.yaml",
        "ventas/online/flujo-2.flow.yaml",
        "soporte/flujo-3.flow.yaml",
    }
    forced = run(tree, out, fake, force=True)
    assert forced.code == 0, forced.err
    assert mine.read_bytes() == payload("svg", tree / "ventas/flujo-1.flow.yaml")


def test_build_keeps_a_users_index_md(tree, tmp_path, fake):
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.md").write_text("# Our team page\n")
    result = run(tree, out, fake, index=True)
    assert result.code == 2 and "index.md, which the build did not write" in result.err
    assert (out / "index.md").read_text() == "# Our team page\n"
    assert len(Manifest.load(out).flows) == 4  # the flows are built all the same
    assert run(tree, out, fake, index=True, force=True).code == 0
    assert run(tree, out, fake, index=True).code == 0  # from now on the index is the build's own


def test_build_rebuilds_its_own_unchanged_outputs_and_a_file_identical_to_what_it_writes(tree, tmp_path, fake):
    """Its own output (recorded, unchanged) is replaced; an unrecorded one a killed build wrote is the same bytes.

    An output edited by hand since is no longer what the build wrote: kept, named, exit 2 (spec §3).
    """
    out = tmp_path / "out"
    run(tree, out, fake)
    manifest = Manifest.load(out)
    manifest.forget("soporte/flujo-3.flow.yaml")
    manifest.save(out)
    (tree / "flujo-0.flow.yaml").write_text(flow_text("Flujo 0 revisado"), encoding="utf-8")
    result = run(tree, out, fake)
    assert result.code == 0, result.err
    assert (out / "flujo-0.svg").read_bytes() == payload("svg", tree / "flujo-0.flow.yaml")
    assert "soporte/flujo-3.flow.yaml" in Manifest.load(out).flows
    (out / "flujo-0.svg").write_text("edited")
    (tree / "flujo-0.flow.yaml").write_text(flow_text("Flujo 0 otra vez"), encoding="utf-8")
    edited = run(tree, out, fake)
    assert edited.code == 2 and "flujo-0.svg, which was changed since the build wrote it" in edited.err
    assert (out / "flujo-0.svg").read_text() == "edited"


def test_a_link_in_place_of_an_output_is_not_replaced(tree, tmp_path, fake):
    out = tmp_path / "out"
    out.mkdir()
    (out / "flujo-0.svg").symlink_to(tmp_path / "elsewhere.svg")
    result = run(tree, out, fake)
    assert result.code == 2 and "flujo-0.svg, which the build did not write" in result.err
    assert (out / "flujo-0.svg").is_symlink() and not (tmp_path / "elsewhere.svg").exists()


@pytest.mark.integration
def test_build_force_on_the_command_line(tmp_path):
    src, out = tmp_path / "docs", tmp_path / "out"
    make_tree(src, 1)
    out.mkdir()
    (out / "flujo-0.mmd").write_text("mine")
    refused = flowchart("build", str(src), "-o", str(out), "-f", "mermaid")
    assert refused.returncode == 2 and (out / "flujo-0.mmd").read_text() == "mine"
    forced = flowchart("build", str(src), "-o", str(out), "-f", "mermaid", "--force")
    assert forced.returncode == 0, forced.stderr
    assert (out / "flujo-0.mmd").read_text().startswith("---")
