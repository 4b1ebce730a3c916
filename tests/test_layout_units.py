"""Fast tests of the layout's pure parts: text, DOT text, loops, columns, routes, running Graphviz."""

from __future__ import annotations

import itertools
import os
import stat
from pathlib import Path

import pytest

from flowchart_cli.errors import GraphvizFailed, GraphvizMissing
from flowchart_cli.layout.dotgen import ranking_dot
from flowchart_cli.layout.geometry import Point, Rect
from flowchart_cli.layout.graphviz_run import run_graphviz
from flowchart_cli.layout.grid import place_columns
from flowchart_cli.layout.labels import LabelRequest, label_box, place_labels
from flowchart_cli.layout.outcome_text import NARROW, outcome_lines
from flowchart_cli.layout.ranking import back_edges
from flowchart_cli.layout.routing import plan_routes
from flowchart_cli.layout.rows import move_rows
from flowchart_cli.layout.shapes import fmt, inset, shape_parts
from flowchart_cli.layout.sizing import size_step
from flowchart_cli.layout.text import clean_text, text_width, wrap_text
from flowchart_cli.layout.tracks import ChannelSegment, order_tracks
from flowchart_cli.model import Step
from flowchart_cli.symbols import SYMBOLS


def test_wrap_keeps_every_line_within_width():
    text = "Registrar y analizar la información del caso con el cliente ¿de acuerdo?"
    lines = wrap_text(text, 120, 13)
    assert len(lines) > 1
    assert all(text_width(line, 13) <= 120 for line in lines)
    assert " ".join(lines) == text


def test_a_short_aside_in_brackets_stays_on_one_line_where_it_fits():
    """A printed part's lane header once read "Technical / support (level / 2)"."""
    assert wrap_text("Technical support (level 2)", 104, 13, bold=True) == ("Technical", "support", "(level 2)")
    assert wrap_text("Aguardar a resposta do banco (24 h)", 80, 13)[-1] == "(24 h)"
    # an aside too long for a line breaks as words do, within the width
    lines = wrap_text("Resolver (con el supervisor de guardia)", 90, 13)
    assert all(text_width(line, 13) <= 90 for line in lines)
    assert " ".join(lines) == "Resolver (con el supervisor de guardia)"


def test_a_number_stays_on_the_line_of_its_unit():
    """Review 8: "Did the customer send a photo within 24 / h?"; our own flows had "Passaram 21 / dias?"."""
    width = text_width("Aguardar 24", 13) + 1  # "24" would end the first line, "horas" start the next
    lines = wrap_text("Aguardar 24 horas e procurar de novo", width, 13)
    assert lines[0] == "Aguardar" and lines[1].startswith("24 horas"), lines
    assert wrap_text("Passaram 21 dias?", text_width("Passaram 21", 13) + 1, 13) == ("Passaram", "21 dias?")
    assert wrap_text("Ligar em 10 minutos", 300, 13) == ("Ligar em 10 minutos",)  # room: nothing changes
    assert wrap_text("Paso 21 del proceso", text_width("Paso 21", 13) + 1, 13)[0] == "Paso 21"  # no unit after it


def test_a_word_too_long_for_a_line_breaks_after_a_slash_or_hyphen_before_between_letters():
    """A reviewer's lane header read "Red de tarjetas (Visa/Masterca / rd)"."""
    assert wrap_text("Red de tarjetas (Visa/Mastercard)", 100, 14, bold=True)[-2:] == ("(Visa/", "Mastercard)")
    # a word that fits a line of its own moves there whole, hyphen and all
    assert wrap_text("Ask the customer to turn on two-step sign-in", 200, 13)[-1] == "two-step sign-in"


def test_long_word_is_cut_into_fitting_pieces():
    word = "x" * 2000
    lines = wrap_text(word, 100, 13)
    assert "".join(lines) == word
    assert all(text_width(line, 13) <= 100 for line in lines)


def test_widths_follow_dejavu_metrics():
    assert text_width("W", 10) > text_width("i", 10)
    assert text_width("ñ", 13) == text_width("n", 13)
    assert text_width("😀", 10) == 10


def test_clean_text_drops_what_xml_cannot_hold():
    assert clean_text("a\x00b\x1bc\ufffed") == "abcd"
    assert clean_text("tab\tnew\nline") == "tab\tnew\nline"


@pytest.mark.parametrize("kind", sorted(SYMBOLS))
def test_shape_text_fits_and_size_is_at_least_the_symbol(kind):
    label = "Una etiqueta bastante larga que se tiene que partir en varias líneas"
    lines, width, height = size_step(Step(0, "s", kind, label), 13)
    assert width >= SYMBOLS[kind].width and height >= SYMBOLS[kind].height
    assert all(text_width(line, 13) < width for line in lines)
    assert len(lines) * 16 < height


@pytest.mark.parametrize("kind", sorted(set(SYMBOLS) - {"decision"}))
def test_lr_boxes_are_narrower_and_their_text_still_fits(kind):
    """In LR every box's width adds to the drawing's length; a lane is as tall as its tallest box anyway."""
    label = "Enviar o link de pagamento ao cliente por WhatsApp"
    tb_lines, tb_width, _ = size_step(Step(0, "s", kind, label), 13)
    lines, width, height = size_step(Step(0, "s", kind, label), 13, lr=True)
    assert width <= tb_width and (width < tb_width or kind == "connector")
    assert width >= 0.75 * SYMBOLS[kind].width
    assert all(text_width(line, 13) < width for line in lines)
    assert len(lines) * 16 < height and len(lines) <= 4
    assert " ".join(lines) == " ".join(tb_lines) == label


@pytest.mark.parametrize(
    "label", ["¿Aprobado?", "What is the risk level?", "¿El pago fue aprobado?", "Is the refund due?"]
)
def test_lr_diamonds_are_narrower_on_two_lines(label):
    _, tb_width, tb_height = size_step(Step(0, "s", "decision", label), 13)
    lines, width, height = size_step(Step(0, "s", "decision", label), 13, lr=True)
    assert width < tb_width and height <= tb_height and len(lines) <= 2


def test_a_long_question_in_lr_is_no_taller_than_in_tb():
    """Past two lines a diamond makes its whole lane taller: LR takes as few lines as it can."""
    label = "Enviar o link de pagamento ao cliente por WhatsApp?"
    tb_lines, _, tb_height = size_step(Step(0, "s", "decision", label), 13)
    lines, _, height = size_step(Step(0, "s", "decision", label), 13, lr=True)
    assert len(lines) <= len(tb_lines) and height <= tb_height


def test_lr_drawing_of_a_sixteen_step_flow_is_shorter_than_with_tb_boxes():
    from flowchart_cli.layout import layout_flow
    from flowchart_cli.loader import load_flow

    flow, _ = load_flow(Path(__file__).parent.parent / "benchmarks" / "flows" / "onboarding.flow.yaml")
    assert flow is not None and flow.direction == "LR" and len(flow.steps) == 17
    diagram = layout_flow(flow)
    processes = [n for n in diagram.nodes if n.kind == "process"]
    assert processes and all(n.box.width == 120 for n in processes)
    assert diagram.width < 2900  # 3,336 px with TB's boxes


@pytest.mark.parametrize("kind", sorted(SYMBOLS))
def test_every_symbol_has_a_closed_outline(kind):
    parts = shape_parts(kind, Rect(10, 20, 160, 64))
    assert parts[0][0] == "fill"
    assert all(d.startswith("M") for _, d in parts)
    assert any(d.endswith("Z") for role, d in parts if role == "fill")


def test_inset_meets_the_outline():
    box = Rect(0, 0, 200, 100)
    assert inset("decision", box, "top", 0) == 0
    assert inset("decision", box, "top", 50) == pytest.approx(25)
    assert inset("process", box, "left", 10) == 0
    assert 0 < inset("document", box, "bottom", 0) < 20


def test_fmt_is_short_and_fixed():
    assert [fmt(1.0), fmt(2.5), fmt(1 / 3), fmt(-0.0001)] == ["1", "2.5", "0.33", "0"]


def test_dot_holds_ids_only_and_marks_loops():
    dot = ranking_dot(3, [(0, 1, False), (1, 2, False), (2, 1, True), (2, 2, True)])
    lines = [line.strip() for line in dot.splitlines()]
    assert "n0" in lines and "n1 -> n2" in lines
    assert "n2 -> n1 [constraint=false]" in lines
    assert "n2 -> n2" not in dot
    assert 'label=""' in dot


def test_dot_separators_are_invisible():
    from flowchart_cli.layout.dotgen import Separators

    dot = ranking_dot(2, [(0, 1, False)], Separators(("k1",), (("n0", "k1"), ("k1", "n1"))))
    lines = [line.strip() for line in dot.splitlines()]
    assert "k1 [height=0.1 width=0.1]" in lines
    assert "n0 -> k1 [style=invis]" in lines and "k1 -> n1 [style=invis]" in lines


def test_dot_text_is_what_the_graphviz_package_writes():
    """The ranking DOT is written by hand (no package import at start-up), line for line as `graphviz` would."""
    import graphviz

    from flowchart_cli.layout.dotgen import Separators

    edges = [(0, 1, False), (1, 2, False), (2, 0, True), (3, 3, True), (2, 3, False)]
    separators = Separators(
        ("k1", "k2"), (("n0", "k1"), ("k1", "n2"), ("n2", "k2"), ("k2", "n3")), loose=frozenset({"n2"})
    )
    graph = graphviz.Digraph(
        "flow",
        graph_attr={"rankdir": "TB", "nodesep": "0.3", "ranksep": "0.3", "mclimit": "1.0"},
        node_attr={"shape": "box", "width": "1", "height": "0.5", "fixedsize": "true", "label": ""},
    )
    for index in range(4):
        graph.node(f"n{index}")
    for source, target, back in edges:
        if source != target:
            graph.edge(f"n{source}", f"n{target}", **({"constraint": "false"} if back else {}))
    for name in separators.nodes:
        graph.node(name, width="0.1", height="0.1")
    for source, target in separators.edges:
        graph.edge(source, target, style="invis", **({"weight": "0"} if source in separators.loose else {}))
    assert ranking_dot(4, edges, separators) == graph.source
    assert ranking_dot(0, []) == graphviz.Digraph("flow", graph_attr=graph.graph_attr, node_attr=graph.node_attr).source


def test_back_edges_found_from_the_start_in_file_order():
    edges = [(0, 1), (1, 2), (2, 1), (2, 3), (3, 0)]
    assert back_edges(4, edges, [0]) == (False, False, True, False, True)


def test_chain_stays_in_one_column_and_side_by_side_steps_get_two():
    # 0 -> 1 and 0 -> 2 in the same lane and rank, then both -> 3
    grid = place_columns(1, [0, 0, 0, 0], [0, 1, 1, 2], [0.0, -1.0, 1.0, 0.0], [(0, 1), (0, 2), (1, 3), (2, 3)])
    assert grid.width == (2,)
    assert grid.column[1] < grid.column[2]
    assert grid.column[3] in (grid.column[1], grid.column[2])


def test_routes_give_each_line_its_own_track():
    rank, column = [0, 1, 1, 2], [0, 0, 1, 0]
    routes, tracks = plan_routes(
        rank, column, [False, True, False, False], [(0, 1, False), (1, 2, False), (1, 3, False), (3, 0, True)]
    )
    assert routes[1].exit == "r"  # the branch to the right leaves by the right corner
    assert routes[2].refs == []  # straight down in its own column
    assert routes[3].exit == routes[3].entry  # a loop in one column hugs one side
    for channel, count in tracks.items():
        used = [
            track
            for route in routes
            for (kind, gap), track in zip(route.refs, route.tracks, strict=False)
            if (kind, gap) == channel
        ]
        assert sorted(set(used)) == list(range(count))


def test_lines_reaching_a_top_from_one_side_merge_into_one_arrival():
    # two lines come from the column on the right into the same shape's top: one way in, one arrowhead
    routes, _ = plan_routes([0, 2, 3], [1, 1, 0], [False] * 3, [(0, 2, False), (1, 2, False)])
    far, near = routes
    assert far.entry == near.entry == "t"
    assert far.entry_unit == near.entry_unit == 0
    assert far.merge and near.merge


def test_channel_tracks_follow_where_lines_turn_off():
    # A turns down (to the high side) at 5, inside B's span: B must lie above A or A's turn would cut it;
    # B comes from above at 3, inside A's span: the same order keeps B's turn clear of A
    a = ChannelSegment(1, 5, ((1, -1), (5, 1)))
    b = ChannelSegment(3, 9, ((3, -1), (9, 1)))
    tracks, count = order_tracks([a, b])
    assert count == 2 and tracks[1] < tracks[0]


def _channel_crossings(items: list[ChannelSegment], tracks: list[int]) -> int:
    """Turns that cut another segment of the channel: a turn towards the low side at a point inside a
    segment on a lower track, or towards the high side inside one on a higher track."""
    return sum(
        1
        for a, b in itertools.permutations(range(len(items)), 2)
        for at, side in items[a].ends
        if items[b].low < at < items[b].high and (tracks[b] - tracks[a]) * side > 0
    )


def test_a_cycle_of_turns_is_broken_where_it_costs_fewest_crossings():
    # three lines from above into one channel, each turning down off it (a university enrolment's
    # payment stage): "link" spans 572-1860, "bank" 1067-2116, "grant" comes in at 1657 and turns
    # down at 1441. No order avoids every crossing, but bank above link costs none between those two
    link = ChannelSegment(572, 1860, ((572, -1), (1860, 1)))
    bank = ChannelSegment(1067, 2116, ((1067, -1), (2116, 1)))
    grant = ChannelSegment(1441, 1657, ((1657, -1), (1441, 1)))
    items = [link, bank, grant]
    tracks, _ = order_tracks(items)
    assert tracks[1] < tracks[0]
    assert _channel_crossings(items, tracks) == 2  # grant's two turns: one cuts link, one bank, whatever the order


def test_of_two_orders_that_cross_once_the_line_coming_back_lies_nearest_its_side():
    """Review 9's "Conflicto personal" leaves a decision by its left corner and comes back under it (both
    turns to the high side); "Sí" from another lane passes by, in from the high side and out to the low.
    Either order crosses once: the line that comes back lies on the high side, where its run can stay
    short, instead of going round the other."""
    back = ChannelSegment(381, 796, ((381, 1), (796, 1)))
    passing = ChannelSegment(603, 716, ((603, 1), (716, -1)))
    for items in ([back, passing], [passing, back]):
        tracks, count = order_tracks(items)
        assert count == 2
        assert _channel_crossings(items, tracks) == 1
        mine = tracks[items.index(back)]
        assert mine > tracks[1 - items.index(back)]


def test_merged_segments_share_one_track():
    left = ChannelSegment(1, 5, ((1, -1), (5, 1)), group="t")
    right = ChannelSegment(5, 9, ((9, -1), (5, 1)), group="t")
    tracks, count = order_tracks([left, right])
    assert tracks == [0, 0] and count == 1


def test_a_label_moves_off_a_line_that_crosses_its_usual_spot():
    points = (Point(100, 100), Point(200, 100), Point(200, 200))
    source = Rect(0, 50, 100, 100)
    request = LabelRequest("Yes", points, 0, source, 0)
    alone = place_labels([request], [points], [source], False, 12)
    assert alone == [(Point(107, 94), "start", True)]  # just past the corner, above the line
    crossing = (Point(115, 40), Point(115, 160))
    (at, anchor, _), _ = place_labels([request, None], [points, crossing], [source], False, 12)
    box = label_box("Yes", at, anchor, 12)
    assert not (box.x <= 115 <= box.right and box.y <= 160 and box.bottom >= 40)
    assert abs(at.y - 100) < 20  # still beside its own line


def test_a_label_with_no_room_beside_its_stub_at_full_width_takes_narrow_lines_not_another_line():
    """Review 7: "No, but hidden damage" on a 36 px stub printed across the "Yes" line 150 px to its right
    (and the left side was as close to the "No" line): on two narrow lines it fits between them."""
    source = Rect(900, 420, 250, 126)  # the decision, its bottom point at (1039, 546)
    down = (Point(1039, 546), Point(1039, 590))
    yes = (Point(1150, 484), Point(1191, 484), Point(1191, 700))
    no = (Point(928, 484), Point(890, 484), Point(890, 570), Point(630, 570))
    target = Rect(940, 590, 200, 50)
    request = LabelRequest("No, but hidden damage", down, 0, source, 0)
    (at, anchor, wrap), _, _ = place_labels([request, None, None], [down, yes, no], [source, target], False, 12)
    assert wrap == NARROW
    box = label_box(request.text, at, anchor, 12, wrap=wrap)
    assert len(outcome_lines(request.text, 12, wrap)) == 2
    assert box.right < 1191 and box.x > 890  # clear of both neighbouring lines
    assert not (box.bottom > target.y and box.x < target.right and box.right > target.x)


def test_where_no_spot_is_clear_a_label_covers_a_border_rather_than_another_line():
    """The last resort weighs other lines too: over a lane border beats over the "Sí" line."""
    source = Rect(560, 330, 240, 97)
    down = (Point(675, 427), Point(675, 477))
    si = (Point(800, 378), Point(821, 378), Point(821, 700))
    borders = [Rect(540, 16, 0, 2000), Rect(841, 16, 0, 2000), Rect(580, 477, 189, 64)]
    request = LabelRequest("Falta algún documento / Documento ilegible", down, 0, source, 0)
    (at, anchor, wrap), _ = place_labels([request, None], [down, si], [source, *borders], False, 12)
    box = label_box(request.text, at, anchor, 12, wrap=wrap)
    assert not (box.x <= 821 <= box.right)


def test_a_label_beside_a_trunk_it_shares_keeps_off_the_other_lines_part_of_it():
    """Review 7: "Já foram três tentativas? Não" leaves by a 25 px stub into the trunk that "Trocar o módulo"
    runs up from below; beside the stub's end, under it, the label sat on Trocar's part of the trunk."""
    source = Rect(94, 306, 190, 96)  # the decision: its right corner at (284, 354)
    nao = (Point(284, 354), Point(308, 354), Point(308, 116), Point(296, 116))
    trocar = (Point(268, 474), Point(308, 474), Point(308, 116), Point(296, 116))
    request = LabelRequest("Não", nao, 0, source, 1)  # the usual spot: under the stub
    (at, anchor, wrap), _ = place_labels([request, None], [nao, trocar], [source], False, 12)
    box = label_box("Não", at, anchor, 12, wrap=wrap)
    below = box.bottom > 354 and box.y < 474
    assert not (below and box.x <= 308 <= box.right)


def _fake_program(tmp_path: Path, body: str) -> Path:
    program = tmp_path / "dot"
    program.write_text(f"#!/bin/sh\n{body}\n")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    return tmp_path


def test_missing_graphviz_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GraphvizMissing, match="install Graphviz"):
        run_graphviz("digraph {}")


def test_failing_graphviz_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(_fake_program(tmp_path, "echo 'Error: syntax' >&2; exit 3")))
    with pytest.raises(GraphvizFailed, match="Error: syntax"):
        run_graphviz("digraph {}")


def test_hanging_graphviz_times_out(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(_fake_program(tmp_path, "exec sleep 30")) + os.pathsep + "/bin:/usr/bin")
    with pytest.raises(GraphvizFailed, match="did not finish"):
        run_graphviz("digraph {}", timeout=0.5)


def test_widths_cover_greek_cyrillic_and_hebrew():
    assert text_width("Ω", 1000) == 764
    assert text_width("Ж", 1000) > 600
    assert text_width("ש", 1000) > 500


def test_visual_order_reverses_right_to_left_runs_only():
    from flowchart_cli.layout.text import visual_order

    assert visual_order("Approve the refund") == "Approve the refund"
    assert visual_order("אבג") == "גבא"
    assert visual_order("Lane אבג end") == "Lane גבא end"
    assert visual_order("אב 12 גד") == "דג 12 בא"


def test_quality_counts_real_crossings_only():
    from layout_quality import crossing_pairs

    plus = [(Point(0, 50), Point(100, 50)), (Point(50, 0), Point(50, 100))]
    tee = [(Point(0, 50), Point(100, 50)), (Point(50, 0), Point(50, 50))]  # ends on the other: a merge
    shared = [(Point(0, 50), Point(100, 50), Point(100, 90)), (Point(40, 0), Point(40, 50), Point(100, 50))]
    assert crossing_pairs(plus) == [(0, 1)]
    assert crossing_pairs(tee) == []
    assert crossing_pairs(shared) == []


def test_route_index_counts_a_crossing_once_however_long_the_lines():
    from flowchart_cli.layout.route_index import RouteIndex

    index = RouteIndex([[(1, 5), (99, 5)]])  # a long line along the ranks
    assert index.crossings([(50, 1), (50, 9)], set(), set()) == 1.0
    assert index.crossings([(50, 1), (50, 9)], {0}, set()) == 0.0
    assert index.crossings([(50, 1), (50, 5)], set(), set()) == 0.5  # ends on it: the track order decides


def test_a_channel_ordered_again_keeps_its_order_where_nothing_decides():
    # the second ordering knows where each line turns into the next channel; two segments that no longer
    # touch there keep the order the first gave them, which that next channel was ordered against
    upper = ChannelSegment(9, 10.0, ((9, -1), (10.0, 1)), before=1)
    lower = ChannelSegment(10.001, 12, ((10.001, -1), (12, 1)), before=0)
    tracks, _ = order_tracks([upper, lower])
    assert tracks[1] < tracks[0]


def test_a_step_with_room_moves_to_the_row_where_fewer_lines_cross():
    # 0 -> 1 -> 2 -> 3 in lane 0, and 0 -> 4 -> 3 with 4 in lane 1: step 4 may sit in row 1 or 2
    lane = [0, 0, 0, 0, 1, 1]
    rank = (0, 1, 2, 3, 1, 1)
    links = [(0, 1, False), (1, 2, False), (2, 3, False), (0, 4, False), (4, 3, False), (0, 5, False)]

    def fewer_in_row_2(rows):
        return 0.0 if rows[4] == 2 else 3.0

    assert move_rows(lane, rank, links, (), [0], fewer_in_row_2)[0][4] == 2
    assert move_rows(lane, rank, links, (), [0], lambda rows: 1.0) == (rank, ())  # no better row: nothing moves
    # a step that a later one loops back to never moves below it
    looped = [*links, (2, 4, True)]
    assert move_rows(lane, rank, looped, (), [0], lambda rows: 0.0 if rows[4] == 3 else 1.0)[0][4] <= 2
    # a step keeps to its stage's rows
    assert move_rows(lane, rank, links, ((0, 1), (2, 3)), [0], fewer_in_row_2)[0][4] == 1


def test_a_row_a_step_leaves_empty_is_dropped_and_the_stages_follow():
    # 0 -> 1 -> 3 and 0 -> 2 -> 3; step 2 alone in row 2 may join step 1's row, in its own (empty) lane cell
    lane = [0, 0, 1, 0]
    rank = (0, 1, 2, 3)
    links = [(0, 1, False), (1, 3, False), (0, 2, False), (2, 3, False)]
    rows, stages = move_rows(lane, rank, links, ((0, 0), (1, 3)), [0], lambda rows: 0.0 if rows[2] == 1 else 2.0)
    assert rows == (0, 1, 1, 2)
    assert stages == ((0, 0), (1, 2))


def test_lr_outcomes_sharing_a_side_stub_label_their_own_branches_clear_of_the_stub():
    """LR: two outcomes out of one side stub turn 20 px apart; a label hugging the shared piece read as both's."""
    source = Rect(0, 60, 100, 80)
    up = (Point(100, 100), Point(200, 100), Point(200, 10), Point(400, 10))
    down = (Point(100, 100), Point(220, 100), Point(220, 200), Point(400, 200))
    requests = [LabelRequest("Sí, sin daños", up, 1, source, 0), LabelRequest("Sí, con daños", down, 1, source, 0)]
    places = place_labels(requests, [up, down], [source], True, 12)
    boxes = [label_box(request.text, *place[:2], 12) for request, place in zip(requests, places, strict=True)]
    assert boxes[0].bottom <= 100 - 14  # beside its own branch going up, not on the stub they share
    assert boxes[1].y >= 100 + 14
