"""PNG and PDF sizes are bounded before anything is drawn: at most 100 million pixels, pages of 200 in."""

from __future__ import annotations

import struct
import warnings
from pathlib import Path

import pytest
from fault_support import flowchart

from flowchart_cli.writers.size_limits import MAX_PNG_PIXELS, OutputScaled, pdf_scale, png_scale


def png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(28_248, 26_633, 1.0), (1_552, 4_193, 8.0), (1_552, 4_193, 5.0), (40_000, 300, 1.0), (99_999, 99_999, 0.25)],
)
def test_a_drawing_too_large_is_scaled_to_fit_with_a_warning_naming_the_scale(width, height, scale):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        used = png_scale(width, height, scale, title="Grande")
    assert used < scale
    assert round(width * used) * round(height * used) <= MAX_PNG_PIXELS
    assert max(round(width * used), round(height * used)) <= 32_000
    tightest = max(round(width * used) * round(height * used) / MAX_PNG_PIXELS, max(width, height) * used / 32_000)
    assert tightest > 0.99  # no smaller than it has to be
    (warning,) = caught
    assert warning.category is OutputScaled
    assert f"drawn at scale {used:.4g} instead of {scale:g}" in str(warning.message)
    assert "'Grande'" in str(warning.message)


def test_a_drawing_within_the_bounds_keeps_its_scale_silently():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert png_scale(1_200, 3_000, 2.0) == 2.0
        assert pdf_scale(9_000, 14_400) == 1.0


def test_a_pdf_page_larger_than_200_inches_is_scaled_down():
    with pytest.warns(OutputScaled, match=r"drawn at scale 0\.6796"):
        assert pdf_scale(21_186, 19_975) == pytest.approx(0.6796)


@pytest.mark.slow  # encodes a real 100-million-pixel PNG: seconds of CPU
def test_scale_8_on_a_long_flow_stays_within_100_million_pixels_under_a_memory_cap(tmp_path):
    """Unbounded, this PNG would need a 1.6 GB buffer; the cap would turn that into a MemoryError."""
    lines = ["title: Reclamaciones largas", "lang: es", "lanes: [Cliente, Agente, Supervisor, Calidad]", "steps:"]
    lines += ["  - start: Llega la reclamación", "    lane: Cliente"]
    for i in range(40):
        lines += [
            f"  - process: Revisar el expediente nº {i}",
            f"    lane: {['Agente', 'Supervisor', 'Calidad'][i % 3]}",
        ]
    lines += ["  - end: Reclamación cerrada", "    lane: Cliente"]
    flow = tmp_path / "largo.flow.yaml"
    flow.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = flowchart("render", str(flow), "-f", "png", "--scale", "8", memory=1_200 << 20, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    width, height = png_size(tmp_path / "largo.png")
    assert width * height <= MAX_PNG_PIXELS
    assert "warning: the PNG of 'Reclamaciones largas' would be" in done.stderr
    assert "drawn at scale" in done.stderr and "instead of 8" in done.stderr
