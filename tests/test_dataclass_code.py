"""The kept dataclass methods (dataclass_code.py) make classes that behave exactly as freshly compiled ones."""

from __future__ import annotations

import dataclasses
import inspect
import marshal
import os
import subprocess
import sys
from types import CodeType

import pytest

from flowchart_cli.dataclass_code import CodeStore


@pytest.fixture(autouse=True)
def writes_bytecode(monkeypatch):
    """As an installed Python does (the test environment may set PYTHONDONTWRITEBYTECODE)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _make_classes():
    """A frozen slotted class with defaults and a factory, and a plain ordered one, as the package writes them."""

    @dataclasses.dataclass(frozen=True, slots=True)
    class Step:
        key: str
        line: int
        labels: tuple[str, ...] = ()
        notes: list[str] = dataclasses.field(default_factory=list, compare=False)

    @dataclasses.dataclass(order=True)
    class Box:
        width: float
        height: float = 1.5

    return Step, Box


def _behaviour(step_cls, box_cls) -> dict:
    step = step_cls("a1", 3, ("Sí",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.key = "b"  # type: ignore[misc]
    return {
        "signature": str(inspect.signature(step_cls)),
        "init annotations": step_cls.__init__.__annotations__,
        "repr": repr(step),
        "equal": step == step_cls("a1", 3, ("Sí",), ["other notes"]),
        "hash": hash(step) == hash(step_cls("a1", 3, ("Sí",))),
        "replace": repr(dataclasses.replace(step, line=4)),
        "order": sorted([box_cls(3.0), box_cls(1.0, 2.0), box_cls(1.0)])
        == [box_cls(1.0), box_cls(1.0, 2.0), box_cls(3.0)],
        "box repr": repr(box_cls(2.0)),
        "qualname": step_cls.__init__.__qualname__.rsplit(".", 2)[-2:],
        "filename": step_cls.__init__.__code__.co_filename,
    }


def test_classes_made_from_kept_code_behave_as_freshly_compiled_ones(tmp_path, monkeypatch):
    fresh = _behaviour(*_make_classes())
    store = CodeStore(str(tmp_path / "codes.marshal"))
    monkeypatch.setattr(dataclasses, "exec", store.exec, raising=False)
    first = _behaviour(*_make_classes())
    assert store.added
    store.save()
    again = CodeStore(str(tmp_path / "codes.marshal"))
    monkeypatch.setattr(dataclasses, "exec", again.exec, raising=False)
    kept = _behaviour(*_make_classes())
    assert not again.added, "every method came from the file"
    assert fresh == first == kept
    # the store compiles as dataclasses does: no `from __future__ import annotations` leaks in from this module
    assert kept["init annotations"]["return"] is None


def test_a_damaged_or_foreign_file_is_ignored_and_replaced(tmp_path, monkeypatch):
    path = tmp_path / "codes.marshal"
    for content in (b"", b"\x00garbage", marshal.dumps(["not", "a", "dict"]), marshal.dumps({"x": 1})):
        path.write_bytes(content)
        store = CodeStore(str(path))
        monkeypatch.setattr(dataclasses, "exec", store.exec, raising=False)
        assert repr(_make_classes()[1](2.0)) == "_make_classes.<locals>.Box(width=2.0, height=1.5)"
        store.save()
        codes = marshal.loads(path.read_bytes())
        assert codes and all(isinstance(marshal.loads(v), CodeType) for v in codes.values())
    assert [p.name for p in tmp_path.iterdir()] == ["codes.marshal"], "no temporary file left behind"


def test_nothing_is_written_when_python_writes_no_bytecode(tmp_path, monkeypatch):
    store = CodeStore(str(tmp_path / "codes.marshal"))
    monkeypatch.setattr(dataclasses, "exec", store.exec, raising=False)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _make_classes()
    store.save()
    assert not any(tmp_path.iterdir())


def test_an_unwritable_folder_only_means_no_store(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    store = CodeStore(str(blocker / "__pycache__" / "codes.marshal"))
    monkeypatch.setattr(dataclasses, "exec", store.exec, raising=False)
    _make_classes()
    store.save()  # does not raise
    assert blocker.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.integration
def test_the_command_keeps_the_codes_and_prints_the_same_the_second_time(tmp_path):
    """`flowchart` writes the store where Python keeps bytecode (here a PYTHONPYCACHEPREFIX) and reads it next time."""
    flow = tmp_path / "pedido.flow.yaml"
    flow.write_text(
        "title: Pedido\nlang: es\nsteps:\n  - start: Llega el pedido\n  - id: ok\n    decision: ¿Datos completos?\n"
        "    branches:\n      Sí: fin\n      No: ok\n  - id: fin\n    end: Pedido registrado\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    command = [sys.executable, "-m", "flowchart_cli", "check", "-f", "json", str(flow)]
    first = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
    stores = list((tmp_path / "pycache").rglob("dataclass_code.*.marshal"))
    assert len(stores) == 1, stores
    written = stores[0].stat().st_mtime_ns
    second = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
    assert (first.returncode, first.stdout, first.stderr) == (second.returncode, second.stdout, second.stderr)
    assert first.returncode == 0 and '"diagnostics"' in first.stdout
    assert stores[0].stat().st_mtime_ns == written, "nothing new to keep the second time"


def test_a_damaged_code_in_the_file_is_compiled_again(tmp_path, monkeypatch):
    path = tmp_path / "codes.marshal"
    store = CodeStore(str(path))
    monkeypatch.setattr(dataclasses, "exec", store.exec, raising=False)
    fresh = _behaviour(*_make_classes())
    store.save()
    path.write_bytes(marshal.dumps({source: b"\xffjunk" for source in marshal.loads(path.read_bytes())}))
    damaged = CodeStore(str(path))
    monkeypatch.setattr(dataclasses, "exec", damaged.exec, raising=False)
    assert _behaviour(*_make_classes()) == fresh
    assert damaged.added, "compiled again, to be written back"


def test_a_store_grown_past_its_limit_keeps_only_the_last_runs_codes(tmp_path, monkeypatch):
    path = tmp_path / "codes.marshal"
    stale = {f"def __create_fn__():\n def old{n}(self):\n  pass\n return old{n}": b"\xff" for n in range(5)}
    path.write_bytes(marshal.dumps(stale))
    monkeypatch.setattr("flowchart_cli.dataclass_code.MAX_CODES", 6)
    store = CodeStore(str(path))
    monkeypatch.setattr(dataclasses, "exec", store.exec, raising=False)
    _make_classes()
    store.save()
    kept = marshal.loads(path.read_bytes())
    assert set(kept) == store.used and not set(stale) & set(kept)
