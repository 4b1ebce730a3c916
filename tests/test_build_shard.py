"""`build --shard I/N`: N jobs of a CI matrix build the whole tree, each flow exactly once."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_build_support import make_tree
from typer.testing import CliRunner

from flowchart_cli.batch.shard import Shard, parse_shard
from flowchart_cli.cli import app


def _build(*args: str):
    return CliRunner().invoke(app, ["build", *args, "--format", "svg", "-j", "1", "-q"], terminal_width=200)


def _svgs(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*.svg")}


def test_the_shards_together_build_every_flow_exactly_once(tmp_path: Path) -> None:
    src = tmp_path / "flows"
    make_tree(src, 9)
    whole = tmp_path / "whole"
    assert _build(str(src), "-o", str(whole)).exit_code == 0
    parts = []
    for index in (1, 2, 3):
        out = tmp_path / f"shard{index}"
        result = _build(str(src), "-o", str(out), "--shard", f"{index}/3")
        assert result.exit_code == 0, result.output
        parts.append(_svgs(out))
    assert set().union(*parts) == _svgs(whole)
    assert sum(len(p) for p in parts) == len(_svgs(whole)) == 9
    assert all(parts), "nine flows hashed into three shards leave none empty"


def test_a_shard_check_looks_only_at_its_own_outputs(tmp_path: Path) -> None:
    src = tmp_path / "flows"
    make_tree(src, 6)
    out = tmp_path / "out"
    assert _build(str(src), "-o", str(out), "--shard", "1/2").exit_code == 0
    assert _build(str(src), "-o", str(out), "--shard", "1/2", "--check").exit_code == 0
    other = _build(str(src), "-o", str(out), "--shard", "2/2", "--check")
    assert other.exit_code == 1 and "missing" in other.output


def test_a_flow_keeps_its_shard_when_others_are_added(tmp_path: Path) -> None:
    rels = [f"equipo-{i}/flujo.flow.yaml" for i in range(40)]
    before = {rel: next(i for i in range(1, 5) if Shard(i, 4).holds(rel)) for rel in rels}
    again = {rel: next(i for i in range(1, 5) if Shard(i, 4).holds(rel)) for rel in [*rels, "nuevo.flow.yaml"]}
    assert all(again[rel] == before[rel] for rel in rels)


@pytest.mark.parametrize("text", ["0/3", "4/3", "1/0", "a/b", "2", "-1/2"])
def test_a_bad_shard_is_a_usage_error(tmp_path: Path, text: str) -> None:
    make_tree(tmp_path / "flows", 2)
    result = _build(str(tmp_path / "flows"), "-o", str(tmp_path / "out"), "--shard", text)
    assert result.exit_code == 2
    assert "--shard" in result.output
    assert not (tmp_path / "out").exists()
    with pytest.raises(ValueError):
        parse_shard(text)


def test_index_with_a_shard_is_refused(tmp_path: Path) -> None:
    make_tree(tmp_path / "flows", 2)
    result = _build(str(tmp_path / "flows"), "-o", str(tmp_path / "out"), "--shard", "1/2", "--index")
    assert result.exit_code == 2 and "--index" in result.output
