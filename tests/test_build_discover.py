"""Which files `build` treats as flows."""

from __future__ import annotations

from pathlib import Path

from test_build_support import flow_text

from flowchart_cli.batch.discover import find_flows


def test_finds_flow_files_and_plain_yaml_that_look_like_flows(tmp_path: Path):
    (tmp_path / "a.flow.yaml").write_text(flow_text("A"))
    (tmp_path / "b.flow.yml").write_text("not even yaml: [")
    (tmp_path / "c.yaml").write_text(flow_text("C"))
    (tmp_path / "mkdocs.yml").write_text("site_name: Docs\nnav:\n  - index.md\n")
    (tmp_path / "titled.yaml").write_text("title: only a title\n")
    (tmp_path / "notes.txt").write_text(flow_text("txt"))
    for hidden in (".git", ".venv", "node_modules"):
        (tmp_path / hidden).mkdir()
        (tmp_path / hidden / "x.flow.yaml").write_text(flow_text("X"))
    found = [s.rel for s in find_flows(tmp_path)]
    assert found == ["a.flow.yaml", "b.flow.yml", "c.yaml"]


def test_exclude_patterns_prune_folders_and_files(tmp_path: Path):
    for rel in (
        "keep/a.flow.yaml",
        "drafts/b.flow.yaml",
        "deep/drafts/c.flow.yaml",
        "deep/d.flow.yaml",
        "deep/old-e.flow.yaml",
    ):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(flow_text(rel))
    found = [s.rel for s in find_flows(tmp_path, exclude=("drafts/", "old-*"))]
    assert found == ["deep/d.flow.yaml", "keep/a.flow.yaml"]
    anchored = [s.rel for s in find_flows(tmp_path, exclude=("/drafts",))]
    assert "deep/drafts/c.flow.yaml" in anchored and "drafts/b.flow.yaml" not in anchored
    negated = [s.rel for s in find_flows(tmp_path, exclude=("*.flow.yaml", "!keep/a.flow.yaml"))]
    assert negated == ["keep/a.flow.yaml"]
