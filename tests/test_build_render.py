"""`flowchart build` end to end with the real layout, writers and handout (slow: Graphviz, cairo, WeasyPrint)."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_build_support import env_without_ci
from typer.testing import CliRunner

from flowchart_cli.batch.manifest import MANIFEST_NAME
from flowchart_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
pytestmark = pytest.mark.slow


def sample_tree(root: Path, copies: int = 2) -> list[Path]:
    """The samples (which `ref` each other) copied into ``copies`` nested folders."""
    made = []
    for n in range(copies):
        folder = root / ["", "area", "area/sub", "otra/area"][n % 4] / (f"copy{n}" if n >= 4 else "")
        folder.mkdir(parents=True, exist_ok=True)
        for sample in sorted((ROOT / "samples").glob("*.flow.yaml")):
            made.append(Path(shutil.copy(sample, folder / sample.name)))
    return made


def build(*args: str):
    return CliRunner().invoke(app, ["build", *args], env={"CI": "true"})


def test_default_formats_into_a_mirrored_tree(tmp_path):
    src, out = tmp_path / "docs", tmp_path / "out"
    flows = sample_tree(src, 3)
    result = build(str(src), "--out-dir", str(out), "--index")
    assert result.exit_code == 0, result.output
    for flow in flows:
        rel = flow.parent.relative_to(src)
        stem = flow.name.removesuffix(".flow.yaml")
        svg = ET.parse(out / rel / f"{stem}.svg").getroot()
        assert svg.tag == f"{SVG}svg"
        assert svg.find(f"{SVG}title").text.strip()
        assert (out / rel / f"{stem}.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        assert ET.parse(out / rel / f"{stem}.drawio").getroot().tag == "mxfile"
        html = (out / rel / f"{stem}.handout.html").read_text(encoding="utf-8")
        assert svg.find(f"{SVG}title").text.strip().split("&")[0] in html
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert len(manifest["flows"]) == len(flows)
    assert "(`area/sub/gestion-quejas.flow.yaml`)" in (out / "index.md").read_text(encoding="utf-8")

    again = build(str(src), "--out-dir", str(out), "--index")
    assert again.exit_code == 0
    assert f"{len(flows)} flow(s): 0 rendered, {len(flows)} up to date" in again.output
    assert build(str(src), "--out-dir", str(out), "--check", "--index").exit_code == 0


def test_demo_formats_write_pdfs_and_the_pdf_handout(tmp_path):
    src, out = tmp_path / "docs", tmp_path / "out"
    src.mkdir()
    shutil.copy(ROOT / "samples/refund-request.flow.yaml", src)
    formats = "svg,png,pdf,drawio,mermaid,html,handout-pdf"
    result = build(str(src), "--out-dir", str(out), "--format", formats)
    assert result.exit_code == 0, result.output
    assert (out / "refund-request.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "refund-request.handout.pdf").read_bytes().startswith(b"%PDF")
    assert "flowchart" in (out / "refund-request.mmd").read_text(encoding="utf-8")
    assert build(str(src), "--out-dir", str(out), "--format", formats, "--check").exit_code == 0


def test_text_outputs_are_identical_from_build_to_build(tmp_path):
    src = tmp_path / "docs"
    sample_tree(src, 2)
    for out in ("one", "two"):
        assert (
            build(str(src), "--out-dir", str(tmp_path / out), "-f", "svg,drawio,mermaid,html", "-j", "2").exit_code == 0
        )
    for path in (tmp_path / "one").rglob("*"):
        if path.is_file() and path.name != ".flowchart.lock":
            assert path.read_bytes() == (tmp_path / "two" / path.relative_to(tmp_path / "one")).read_bytes(), path


def test_unknown_format_is_a_usage_error(tmp_path):
    result = build(str(tmp_path), "--format", "svg,gif")
    assert result.exit_code == 2
    assert "unknown format 'gif'" in result.output


def test_sigterm_to_a_real_build_leaves_only_whole_files(tmp_path):
    src, out = tmp_path / "docs", tmp_path / "out"
    flows = sample_tree(src, copies=4)
    command = [str(ROOT / ".venv/bin/flowchart"), "build", str(src), "--out-dir", str(out), "-f", "svg,png", "-j", "2"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env_without_ci())
    first = process.stdout.readline()
    assert first.startswith("built"), first + process.stderr.read()
    time.sleep(0.3)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 143, err
    assert not list(out.rglob("*.tmp"))
    for svg in out.rglob("*.svg"):
        ET.parse(svg)  # a truncated file would not parse
    finish = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finish.returncode == 0, finish.stderr
    rendered = int(finish.stdout.strip().splitlines()[-1].split(": ")[1].split(" rendered")[0])
    assert rendered < len(flows)
    check = subprocess.run([*command, "--check"], capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout
