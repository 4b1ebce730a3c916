"""Whatever a drawing holds, `import` answers with a flow file YAML reads back, or a clear ImportFailure.

Hypothesis strings together Mermaid's own tokens (shapes, links, labels with
YAML traps and accents, subgraphs) and mutates a hand-made draw.io file cell by
cell; no other exception may escape, and every flow written must load
without FC100 and keep each label as typed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_support import CASES

from flowchart_cli.check import check_text
from flowchart_cli.importing import ImportFailure, import_drawing

pytestmark = pytest.mark.integration  # hypothesis: not part of make test-fast
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)

LABELS = st.sampled_from(["Sí", "No", "Yes", "on", "1", "2026-01-01", "¿Pagó?", "a: b", "#x", "null", "Paso 1", "~"])
NAMES = st.sampled_from(["A", "B", "c1", "paso_2", "Ñandú", "end1"])
SHAPES = st.sampled_from(
    ['["{}"]', "({})", "([{}])", "{{{}}}", "[({})]", "[[{}]]", "(({}))", "[/{}/]", '@{{ label: "{}" }}']
)
LINKS = st.sampled_from(["-->", "---", "-.->", "==>", "-->|{}|", "-- {} -->", "<-->", "~~~", "--o"])


@st.composite
def mermaid_charts(draw) -> str:
    lines = [draw(st.sampled_from(["flowchart TD", "graph LR", "flowchart BT"]))]
    depth = 0
    for _ in range(draw(st.integers(1, 12))):
        choice = draw(st.integers(0, 9))
        if choice == 0 and depth < 2:
            lines.append(f'subgraph s{len(lines)}["{draw(LABELS)}"]')
            depth += 1
        elif choice == 1 and depth:
            lines.append("end")
            depth -= 1
        elif choice == 2:
            lines.append(f"%% {draw(LABELS)}")
        else:
            node = draw(NAMES) + draw(SHAPES).format(draw(LABELS))
            link = draw(LINKS).format(draw(LABELS))
            lines.append(f"{node} {link} {draw(NAMES)}")
    return "\n".join(lines + ["end"] * depth) + "\n"


def _imported_or_refused(path: Path, data: bytes) -> None:
    try:
        result = import_drawing(path, data)
    except ImportFailure as exc:
        assert str(exc)
        return
    checked = check_text(result.text, None, "imported.flow.yaml")
    assert checked.flow is not None and not [d for d in checked.diagnostics if d.code in ("FC100", "FC101", "FC107")]


@SETTINGS
@given(mermaid_charts())
def test_any_mermaid_chart_imports_or_is_refused(chart):
    _imported_or_refused(Path("chart.mmd"), chart.encode("utf-8"))


DRAWIO = (CASES / "devolucion-pool.drawio").read_text(encoding="utf-8")
ATTRIBUTES = ["parent", "source", "target", "style", "value", "x", "y", "width", "height", "id", "vertex", "edge"]


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 200), st.sampled_from(ATTRIBUTES), st.sampled_from(["", "lane-a", "1",
       "-5", "nan", "swimlane;", "rhombus;", "<b>x</b>", "s3", "0"])), min_size=1, max_size=6))  # fmt: skip
def test_any_mangled_drawio_file_imports_or_is_refused(changes):
    root = ET.fromstring(DRAWIO)
    elements = [e for e in root.iter() if e.tag in ("mxCell", "UserObject", "mxGeometry")]
    for index, attribute, value in changes:
        elements[index % len(elements)].set(attribute, value)
    _imported_or_refused(Path("mangled.drawio"), ET.tostring(root))
