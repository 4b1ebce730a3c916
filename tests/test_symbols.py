"""The symbol table is the one place a symbol is defined: every row is complete and drawable everywhere."""

from __future__ import annotations

import re

import pytest

from flowchart_cli.layout.geometry import Rect
from flowchart_cli.layout.shapes import OUTLINES, shape_parts, text_area
from flowchart_cli.layout.theme import THEMES
from flowchart_cli.symbols import SYMBOLS

GRAPHVIZ_SHAPES = {"box", "diamond", "parallelogram", "note", "folder", "invtrapezium", "hexagon", "cds"}
GRAPHVIZ_SHAPES |= {"cylinder", "circle", "invhouse"}


@pytest.mark.parametrize("kind", sorted(SYMBOLS))
def test_every_row_is_complete(kind: str) -> None:
    row = SYMBOLS[kind]
    assert row.outline in OUTLINES
    assert row.dot[0] in GRAPHVIZ_SHAPES and "filled" in row.dot[1]
    assert re.fullmatch(r"#[0-9a-f]{6}", row.fill)
    assert all(0 < share <= 1 for share in row.text_share) and text_area(kind) == row.text_share
    assert set(row.legend) == {"en", "es", "pt"} and all(row.legend.values())
    assert row.drawio_style.endswith(";") and row.mermaid_shape


def test_each_outline_draws_something_of_its_own() -> None:
    box = Rect(0, 0, 160, 64)
    drawings = {kind: shape_parts(kind, box) for kind in SYMBOLS}
    assert all(drawings.values())
    by_outline: dict[str, set] = {}
    for kind, parts in drawings.items():
        by_outline.setdefault(SYMBOLS[kind].outline, set()).add(parts)
    assert all(len(parts) == 1 for parts in by_outline.values())  # one outline, one drawing
    assert len({parts for parts in drawings.values()}) == len(by_outline)  # different outlines differ


def test_themes_colour_symbols_from_the_table_or_not_at_all() -> None:
    assert [THEMES["default"].fill_for(kind) for kind in SYMBOLS] == [row.fill for row in SYMBOLS.values()]
    assert {THEMES["mono"].fill_for(kind) for kind in SYMBOLS} == {"#ffffff"}
