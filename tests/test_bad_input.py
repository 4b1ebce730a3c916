"""Hostile and broken input: always a positioned diagnostic with a code, never a traceback."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from flowchart_cli import yamlsource
from flowchart_cli.check import check_file
from flowchart_cli.loader import load_text

GOOD = "title: T\nsteps:\n  - start: Inicio\n  - end: Fin\n"


def codes(path: Path) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in check_file(path).diagnostics]


def write_bytes(tmp_path: Path, data: bytes, name: str = "t.flow.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("", "empty"),
        ("# solo un comentario\n\n", "empty"),
        ("- start: A\n- end: B\n", "a list"),
        ("hola\n", "a single text"),
    ],
)
def test_a_document_that_is_not_a_mapping_is_fc101(tmp_path: Path, text: str, what: str) -> None:
    [d] = check_file(write_bytes(tmp_path, text.encode())).diagnostics
    assert (d.code, d.line, d.column) == ("FC101", 1, 1)
    assert f"the file is {what}" in d.message


def test_a_folder_is_fc100(tmp_path: Path) -> None:
    [d] = check_file(tmp_path).diagnostics
    assert d.code == "FC100" and "folder" in d.message


def test_a_missing_file_is_fc100_in_the_library(tmp_path: Path) -> None:
    [d] = check_file(tmp_path / "nope.flow.yaml").diagnostics
    assert d.code == "FC100" and "cannot read" in d.message


def test_binary_bytes_are_fc100_at_the_first_nul(tmp_path: Path) -> None:
    assert codes(write_bytes(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00IHDR")) == [("FC100", 3, 1)]


def test_non_utf8_bytes_are_fc100_at_the_bad_byte(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "title: Atención\n".encode("latin-1"))
    [d] = check_file(path).diagnostics
    assert (d.code, d.line, d.column) == ("FC100", 1, 14)
    assert "UTF-8" in d.message


def test_utf16_is_named(tmp_path: Path) -> None:
    [d] = check_file(write_bytes(tmp_path, GOOD.encode("utf-16"))).diagnostics
    assert d.code == "FC100" and "UTF-16" in d.message


def test_a_utf8_bom_is_accepted_and_positions_stay_right(tmp_path: Path) -> None:
    assert codes(write_bytes(tmp_path, b"\xef\xbb\xbf" + GOOD.encode())) == []
    text = "title: T\nsteps:\n  - start: Inicio\n    next: fni\n  - id: fin\n    end: Fin\n"
    assert codes(write_bytes(tmp_path, b"\xef\xbb\xbf" + text.encode())) == [("FC105", 4, 11)]


def test_tabs_are_fc100_with_a_hint(tmp_path: Path) -> None:
    [d] = check_file(write_bytes(tmp_path, b"title: T\nsteps:\n\t- start: A\n")).diagnostics
    assert (d.code, d.line, d.column) == ("FC100", 3, 1)
    assert "tabs" in d.message


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("title: T\nsteps: [\n  {start: A},\n", 4, 1),
        ("title: 'sin cerrar\nsteps: []\n", 1, 8),  # at the quote never closed, not at the end
        ("title: T\n  steps: x\n", 2, 8),
        ("title: T\nsteps:\n  - start: A\n - end: B\n", 4, 2),
        ("title: T\nsteps:\n  - start: \x07A\n", 3, 12),
    ],
)
def test_yaml_syntax_errors_are_fc100_with_a_position(tmp_path: Path, text: str, line: int, column: int) -> None:
    [d] = check_file(write_bytes(tmp_path, text.encode())).diagnostics
    assert (d.code, d.line, d.column) == ("FC100", line, column), d.message


def test_duplicate_keys_are_reported_not_silently_dropped(tmp_path: Path) -> None:
    text = (
        "title: A\ntitle: B\nlanes:\n  - id: x\n    name: X\n    name: Y\nsteps:\n  - start: Inicio\n"
        "    lane: x\n    lane: x\n  - decision: ¿Sí?\n    branches:\n      Sí: fin\n      Sí: fin\n"
        "      No: fin\n  - id: fin\n    end: Fin\n"
    )
    got = codes(write_bytes(tmp_path, text.encode()))
    # FC306 is right too: with the repeated label gone, both outcomes lead to `fin`.
    assert got == [("FC102", 2, 1), ("FC102", 6, 5), ("FC102", 10, 5), ("FC306", 11, 15), ("FC206", 14, 7)]


def test_billion_laughs_is_refused_at_the_first_alias_quickly_and_small(tmp_path: Path) -> None:
    lines = ["title: lol", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = write_bytes(tmp_path, ("\n".join(lines) + "\n").encode())
    tracemalloc.start()
    started = time.perf_counter()
    result = check_file(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("FC100", 3, 8)]
    assert "aliases" in result.diagnostics[0].message
    assert elapsed < 1.0
    assert peak < 5 * 1024 * 1024


def test_a_50_mb_file_is_refused_without_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.flow.yaml"
    with path.open("wb") as handle:
        handle.write(GOOD.encode())
        handle.truncate(50 * 1024 * 1024)
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args, **kwargs):
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    tracemalloc.start()
    [d] = check_file(path).diagnostics
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert d.code == "FC100" and "50.0 MB" in d.message and "2 MB" in d.message
    assert path not in opened
    assert peak < 1024 * 1024


def test_a_file_that_grows_past_the_limit_is_read_only_up_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A size that lies (a file still being written, a pipe) still reads at most the limit + 1 byte."""
    path = tmp_path / "growing.flow.yaml"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    small = write_bytes(tmp_path, b"title: T\n", "small.flow.yaml").stat()
    monkeypatch.setattr(yamlsource, "MAX_BYTES", 1024)
    monkeypatch.setattr(Path, "stat", lambda self, **kw: small)  # the size seen is tiny
    tracemalloc.start()
    [d] = check_file(path).diagnostics
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert d.code == "FC100" and "larger than" in d.message
    assert peak < 1024 * 1024


def test_just_under_the_limit_is_read(tmp_path: Path) -> None:
    padding = "# " + "x" * 1000 + "\n"
    text = GOOD + padding * ((yamlsource.MAX_BYTES - len(GOOD) - 10) // len(padding))
    path = write_bytes(tmp_path, text.encode())
    assert path.stat().st_size < yamlsource.MAX_BYTES
    assert codes(path) == []


def test_ten_thousand_steps_work(tmp_path: Path) -> None:
    steps = "".join(f"  - id: p{i}\n    process: Paso {i}\n" for i in range(10_000))
    path = write_bytes(tmp_path, f"title: T\nsteps:\n  - start: Inicio\n{steps}  - end: Fin\n".encode())
    started = time.perf_counter()
    assert codes(path) == []
    assert time.perf_counter() - started < 10


def test_ten_thousand_broken_targets_stay_fast(tmp_path: Path) -> None:
    """Suggestions are capped so that a file full of typos is not quadratic."""
    steps = "".join(f"  - id: p{i}\n    process: Paso {i}\n    next: q{i}\n" for i in range(10_000))
    path = write_bytes(tmp_path, f"title: T\nsteps:\n  - start: Inicio\n{steps}  - end: Fin\n".encode())
    started = time.perf_counter()
    diagnostics = check_file(path).diagnostics
    assert time.perf_counter() - started < 10
    assert sum(d.code == "FC105" for d in diagnostics) == 10_000


@pytest.mark.parametrize(
    "opening", ["[" * 5000, "{a: " * 5000, "\n" + "".join(f"{' ' * (i + 1)}k{i}:\n" for i in range(200))]
)
def test_very_deep_nesting_is_fc100(tmp_path: Path, opening: str) -> None:
    [d] = check_file(write_bytes(tmp_path, f"title: T\nsteps: {opening}".encode())).diagnostics
    # The same message whether our limit or the bundled libyaml's own limit (PyYAML ≥ 6.0.4) trips first.
    assert d.code == "FC100"
    assert d.message == "nesting deeper than 32 levels; a flow file is at most a few levels deep"
    assert d.line >= 2


def test_ten_thousand_character_labels_are_a_warning(tmp_path: Path) -> None:
    label = "palabra" * 1500
    path = write_bytes(tmp_path, f"title: T\nsteps:\n  - start: Inicio\n  - process: {label}\n  - end: Fin\n".encode())
    [d] = check_file(path).diagnostics
    assert (d.code, d.line, d.column) == ("FC303", 4, 14)
    assert "10500 characters" in d.message and len(d.message) < 200


def test_ids_in_other_scripts(tmp_path: Path) -> None:
    text = (
        "title: T\nsteps:\n  - start: Inicio\n    next: шаг\n  - id: paso_1\n    process: Uno\n    next: 步骤\n"
        "  - id: шаг\n    process: Два\n    next: paso_1\n  - id: 步骤\n    end: 完成\n"
    )
    path = write_bytes(tmp_path, text.encode())
    result = check_file(path)
    assert result.diagnostics == ()
    assert [s.key for s in result.flow.steps] == ["step-1", "paso_1", "шаг", "步骤"]


def test_implicit_types_stay_text() -> None:
    text = (
        "title: 2026-01-01\nversion: 3.10\nsteps:\n  - start: Yes\n  - decision: on\n    branches:\n"
        "      Yes: a\n      No: b\n      off: b\n      1: a\n      2026-01-01: a\n      3.10: b\n"
        "  - id: a\n    process: 1\n    next: b\n  - id: b\n    end: 3.10\n"
    )
    flow, diagnostics = load_text(text)
    assert [d.code for d in diagnostics] == []
    assert (flow.title, flow.version) == ("2026-01-01", "3.10")
    decision = flow.steps[1]
    assert decision.label == "on"
    assert [b.label for b in decision.branches] == ["Yes", "No", "off", "1", "2026-01-01", "3.10"]
    assert [s.label for s in flow.steps] == ["Yes", "on", "1", "3.10"]


def test_control_characters_written_as_escapes_are_fc107() -> None:
    _, diagnostics = load_text('title: T\nsteps:\n  - start: "A\\0B"\n  - end: "\\a"\n')
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("FC107", 3, 12), ("FC107", 4, 10)]


@pytest.mark.parametrize("text", ["---\n" + GOOD + "...\n", GOOD + "---\n"])
def test_one_document_with_markers_is_fine_but_not_two(text: str) -> None:
    _, diagnostics = load_text(text)
    if text.startswith("---"):
        assert diagnostics == []
    else:
        assert [(d.code, d.line) for d in diagnostics] == [("FC100", 5)]


def test_a_second_document_is_fc100() -> None:
    _, diagnostics = load_text(GOOD + "---\ntitle: Otro\n")
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("FC100", 5, 1)]
    assert "more than one YAML document" in diagnostics[0].message


@pytest.mark.parametrize(
    "value",
    [
        "http://[::1",
        "javascript:alert(1)",
        "mailto:",
        "https://",
        "http://a b",
        "file:///etc/passwd",
        "data:text/html,<script>",
    ],
)
def test_unsafe_or_broken_links_are_fc108(value: str) -> None:
    _, diagnostics = load_text(f"title: T\nsteps:\n  - start: A\n    link: '{value}'\n  - end: B\n")
    assert [d.code for d in diagnostics] == ["FC108"]


@pytest.mark.parametrize(
    "ref", ["a\\0b.flow.yaml", "x" * 5000 + ".flow.yaml", "/etc/passwd.yaml", "../../x.flow.yaml", "~/x.flow.yaml"]
)
def test_hostile_refs_are_fc109(tmp_path: Path, ref: str) -> None:
    path = write_bytes(
        tmp_path, f'title: T\nsteps:\n  - start: A\n  - subprocess: S\n    ref: "{ref}"\n  - end: B\n'.encode()
    )
    assert [d.code for d in check_file(path).diagnostics] in (["FC109"], ["FC107"])  # FC107: a NUL in the name


def test_odd_keys_and_shapes_never_raise() -> None:
    for text in [
        "? [a, b]\n: c\n",
        "title: [x]\nsteps: {a: b}\n",
        "title: T\nsteps: [1, [2], {}]\n",
        "title: T\nlanes: {a: b}\nsteps:\n  - start: A\n",
        "title: T\nsteps:\n  - {? [x] : y}\n",
        "title: T\nlanes: [[a], {name: [b]}, {id: 'a b', name: c}]\nsteps:\n  - start: A\n    lane: c\n",
    ]:
        _, diagnostics = load_text(text)
        assert diagnostics, text
        assert all(d.code.startswith("FC1") for d in diagnostics), text


def test_tags_are_ignored_and_values_stay_text() -> None:
    flow, diagnostics = load_text(
        "title: !!binary aGk=\nsteps:\n  - !!python/object:os.system {start: A}\n  - end: !!int B\n"
    )
    assert diagnostics == []
    assert flow.title == "aGk=" and [s.label for s in flow.steps] == ["A", "B"]
