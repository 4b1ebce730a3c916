"""layout/frame.py: the sizes and positions of rows, columns, channels and lane headers, on small placements.

The placements are made by hand (sizes, ranks, columns, tracks) so each test
changes one thing and reads what the frame makes of it: where shapes sit,
how wide a channel is for its lines, where a lane border lies.
"""

from __future__ import annotations

import itertools

import pytest

from flowchart_cli.layout.frame import LR_HEADER, MARGIN, SPACING, Frame, Placement
from flowchart_cli.layout.grid import Grid
from flowchart_cli.layout.gridroute import Route
from flowchart_cli.loader import load_text


def flow_of(direction: str):
    text = (
        f"title: Alta de cliente\ndirection: {direction}\nsteps:\n  - start: Llega la solicitud\n  - end: Alta hecha\n"
    )
    flow, diagnostics = load_text(text)
    assert flow is not None and not [d for d in diagnostics if d.is_error]
    return flow


def placement(
    sizes: list[tuple[float, float]],
    rank: list[int],
    column: list[int],
    *,
    direction: str = "TB",
    lanes: tuple[str, ...] = (),
    first: tuple[int, ...] = (0,),
    width: tuple[int, ...] | None = None,
    routes: tuple[Route, ...] = (),
    labels: tuple[str, ...] = (),
    tracks: dict[tuple[str, int], int] | None = None,
    stage_rows: tuple[tuple[int, int], ...] = (),
) -> Placement:
    columns = max(column) + 1
    grid = Grid(tuple(column), first, width or (columns,))
    return Placement(
        flow=flow_of(direction),
        lines=[("x",)] * len(sizes),
        sizes=sizes,
        lane_ids=[f"l{n}" for n in range(len(lanes))],
        lane_names=list(lanes),
        rank=rank,
        grid=grid,
        routes=list(routes),
        labels=list(labels),
        tracks=tracks or {},
        font_size=13.0,
        curved=False,
        stage_rows=stage_rows,
    )


def centre(rect) -> tuple[float, float]:
    return rect.center.x, rect.center.y


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_gaps_and_cells_follow_each_other_from_the_margin(direction):
    frame = Frame(placement([(120, 50), (160, 70), (100, 40)], [0, 1, 1], [0, 0, 1], direction=direction))
    assert frame.gap_at[0] == MARGIN
    for column in range(frame.cols):
        assert frame.col_at[column] == frame.gap_at[column] + frame.gap_size[column]
        assert frame.gap_at[column + 1] == frame.col_at[column] + frame.col_size[column]
    assert frame.across_end == frame.gap_at[-1] + frame.gap_size[-1]
    assert frame.hgap_at[0] == MARGIN + frame.header
    for row in range(frame.rows):
        assert frame.row_at[row] == frame.hgap_at[row] + frame.hgap_size[row]
        assert frame.hgap_at[row + 1] == frame.row_at[row] + frame.row_size[row]
    assert frame.along_end == frame.hgap_at[-1] + frame.hgap_size[-1]


def test_a_row_is_as_tall_as_its_tallest_shape_and_a_column_as_wide_as_its_widest():
    frame = Frame(placement([(120, 50), (160, 90), (100, 70), (90, 30)], [0, 1, 1, 2], [0, 0, 1, 1]))
    assert frame.row_size == [50, 90, 30]
    assert frame.col_size[0] >= 160 and frame.col_size[1] >= 100
    wider = Frame(placement([(120, 50), (260, 90), (100, 70), (90, 30)], [0, 1, 1, 2], [0, 0, 1, 1]))
    assert wider.col_size[0] >= 260 and wider.col_size[1] == frame.col_size[1]


def test_an_unused_stage_row_is_still_a_row():
    frame = Frame(placement([(120, 50), (120, 50)], [0, 1], [0, 0], stage_rows=((0, 0), (1, 1), (2, 2))))
    assert frame.rows == 3 and frame.row_size[2] > 0


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_each_shape_sits_in_the_middle_of_its_cell_at_its_own_size(direction):
    sizes = [(120, 50), (180, 60), (100, 40)]
    frame = Frame(placement(sizes, [0, 1, 1], [0, 0, 1], direction=direction))
    for node, (w, h) in enumerate(sizes):
        rect = frame.node_rect(node)
        assert (rect.width, rect.height) == (w, h)
        row, column = [0, 1, 1][node], [0, 0, 1][node]
        along = frame.row_at[row] + frame.row_size[row] / 2
        across = frame.col_at[column] + frame.col_size[column] / 2
        assert centre(rect) == ((along, across) if direction == "LR" else (across, along))
    lr = direction == "LR"
    first, second = frame.node_rect(0), frame.node_rect(1)
    assert (first.x < second.x) if lr else (first.y < second.y), "rank 1 comes after rank 0 along the flow"


def test_tracks_of_a_channel_lie_inside_it_one_spacing_apart():
    tracks = {("h", 1): 3, ("g", 1): 2}
    frame = Frame(placement([(120, 50), (120, 50), (120, 50)], [0, 1, 1], [0, 0, 1], tracks=tracks))
    down = [frame.track("h", 1, t) for t in range(3)]
    assert all(b - a == SPACING for a, b in itertools.pairwise(down))
    assert frame.hgap_at[1] < down[0] and down[-1] < frame.hgap_at[1] + frame.hgap_size[1]
    across = [frame.track("g", 1, t) for t in range(2)]
    assert across[1] - across[0] == SPACING
    assert frame.gap_at[1] < across[0] and across[1] < frame.gap_at[1] + frame.gap_size[1]
    assert (across[0] + across[1]) / 2 == frame.gap_at[1] + frame.gap_size[1] / 2, "centred in the channel"


def test_more_tracks_make_a_channel_wider_by_one_spacing_each():
    def gap_with(count: int) -> tuple[float, float]:
        tracks = {("h", 1): count, ("g", 1): count}
        frame = Frame(placement([(120, 50), (120, 50), (120, 50)], [0, 1, 1], [0, 0, 1], tracks=tracks))
        return frame.hgap_size[1], frame.gap_size[1]

    (h4, g4), (h5, g5), (h6, g6) = gap_with(4), gap_with(5), gap_with(6)
    assert h5 - h4 == h6 - h5 == SPACING
    assert g5 - g4 == g6 - g5 == SPACING


def test_edge_tracks_keep_to_the_edge_of_the_drawing():
    tracks = {("g", 0): 2, ("g", 2): 2}
    frame = Frame(placement([(120, 50), (120, 50)], [0, 0], [0, 1], tracks=tracks))
    left = [frame.track("g", 0, t) for t in range(2)]
    right = [frame.track("g", 2, t) for t in range(2)]
    assert left[0] - frame.gap_at[0] == frame.gap_at[2] + frame.gap_size[2] - right[1], "the same clearance"
    assert left[1] - left[0] == right[1] - right[0] == SPACING
    assert left[1] < frame.col_at[0] and right[0] > frame.col_at[1] + frame.col_size[1]


def test_a_lane_border_lies_between_the_tracks_of_its_two_sides():
    """Two lanes (Cliente, Agente), two lines on the left of the border and one on its right."""
    tracks = {("gL", 1): 2, ("gR", 1): 1}
    p = placement(
        [(120, 50), (120, 50)],
        [0, 1],
        [0, 1],
        lanes=("Cliente", "Agente"),
        first=(0, 1),
        width=(1, 1),
        tracks=tracks,
    )
    frame = Frame(p)
    border = frame.gap_at[1] + frame.border_split[1]
    assert frame.gap_at[1] < border < frame.gap_at[1] + frame.gap_size[1]
    left = [frame.track("g", 1, t) for t in (-2, -1)]
    right = frame.track("g", 1, 0)
    assert left[0] < left[1] < border < right
    assert left[1] - left[0] == SPACING
    assert border - left[1] == right - border, "the same clearance on both sides of the border"
    assert frame.col_at[0] + frame.col_size[0] < left[0] and right < frame.col_at[1]


def test_a_labelled_outcome_below_a_decision_makes_room_for_its_label():
    """¿Aprobado? with its "Sí" leaving by the bottom: the gap under it is taller than an unlabelled one."""

    def gap_below(label: str) -> float:
        route = Route(0, 1, back=False, exit="b", entry="t")
        p = placement([(120, 60), (120, 50)], [0, 1], [0, 0], routes=(route,), labels=(label,), tracks={("h", 1): 1})
        return Frame(p).hgap_size[1]

    assert gap_below("Sí") > gap_below("")


def test_lane_names_set_the_header():
    def header(direction: str, names: tuple[str, ...]) -> float:
        p = placement(
            [(120, 50), (120, 50)], [0, 1], [0, 1], direction=direction, lanes=names, first=(0, 1), width=(1, 1)
        )
        return Frame(p).header

    short = header("TB", ("Cliente", "Agente"))
    long = header("TB", ("Cliente", "Departamento de facturación y cobranzas de la región sur"))
    assert 0 < short < long, "a long lane name wraps onto more header lines"
    assert header("LR", ("Cliente", "Agente")) == LR_HEADER
    assert Frame(placement([(120, 50)], [0], [0])).header == 0, "no lanes, no header"


def test_a_stage_border_gets_room_of_its_own_between_the_labels_and_the_tracks():
    def frame_with(stage_rows) -> Frame:
        return Frame(placement([(120, 50), (120, 50)], [0, 1], [0, 0], tracks={("h", 1): 1}, stage_rows=stage_rows))

    plain, staged = frame_with(()), frame_with(((0, 0), (1, 1)))
    assert staged.hgap_size[1] > plain.hgap_size[1]
    border = staged.stage_border(1)
    assert staged.hgap_at[1] < border < staged.track("h", 1, 0) < staged.row_at[1]
