"""Where the printed parts are cut: moved along the flow to leave the reader fewer off-page connectors."""

from __future__ import annotations

from flowchart_cli.handout.part_choice import Unit, connectors_cost, fewer_connectors
from flowchart_cli.model import Edge


def _ranks(*keys: str) -> list[Unit]:
    return [Unit(frozenset([key]), 100.0 * n, 100.0 * n + 60) for n, key in enumerate(keys)]


def _keys(runs: list[list[Unit]]) -> list[list[str]]:
    return [[key for piece in run for key in sorted(piece.keys)] for run in runs]


CHAIN = [Edge(a, b) for a, b in zip("abcdefgh", "bcdefghi", strict=False)]


def test_a_loop_split_across_two_parts_costs_more_than_its_connectors():
    a, b, c, d, e, f = _ranks(*"abcdef")
    cost = connectors_cost([*CHAIN[:5], Edge("d", "c", "Needs more information")])
    split = cost([[a, b, c], [d, e, f]])  # c → d and d → c across one cut: two pairs of connectors, and a loop
    kept = cost([[a, b, c, d], [e, f]])
    assert split == 4 + 6 and kept == 2


def test_a_cut_inside_a_rework_loop_moves_past_it_when_both_parts_still_fit():
    pieces = _ranks(*"abcdefgh")
    edges = [*CHAIN[:7], Edge("e", "d", "Rework")]
    runs = [pieces[:4], pieces[4:]]  # the page ran out between d and its rework step e
    moved = fewer_connectors(runs, lambda run: 0.9 if len(run) <= 5 else None, connectors_cost(edges))
    assert _keys(moved) == [list("abc"), list("defgh")]


def test_cuts_stay_where_moving_them_would_not_fit():
    pieces = _ranks(*"abcdefgh")
    edges = [*CHAIN[:7], Edge("e", "d", "Rework")]
    runs = [pieces[:4], pieces[4:]]
    assert fewer_connectors(runs, lambda run: 0.9 if len(run) <= 4 else None, connectors_cost(edges)) == runs


def test_a_move_never_leaves_a_part_short_of_steps():
    pieces = _ranks(*"abcdefg")
    edges = [*CHAIN[:6], Edge("g", "b", "Start again")]  # one loop from the end to the start: any cut splits it
    runs = [pieces[:3], pieces[3:]]
    moved = fewer_connectors(runs, lambda run: 0.9, connectors_cost(edges))
    assert len(moved) == 2 and all(len(run) >= 3 for run in moved)


def test_a_decision_whose_answers_all_leave_the_page_takes_their_targets_along():
    # d's three answers go to e, f and g: cut right after d, each leaves through a connector of its own
    a, b, c, d, e, f, g, h = _ranks(*"abcdefgh")
    edges = [*CHAIN[:3], Edge("d", "e", "A"), Edge("d", "f", "B"), Edge("d", "g", "C")]
    edges += [Edge("e", "h"), Edge("f", "h"), Edge("g", "h")]
    runs = [[a, b, c, d], [e, f, g, h]]
    moved = fewer_connectors(runs, lambda run: 0.9 if len(run) <= 5 else None, connectors_cost(edges))
    assert _keys(moved) == [list("abc"), list("defgh")]


def test_a_move_never_leaves_a_part_on_a_mostly_empty_page():
    pieces = _ranks(*"abcdefgh")
    edges = [*CHAIN[:7], Edge("e", "d", "Rework")]
    runs = [pieces[:4], pieces[4:]]
    # without d, the first part would cover a third of its page: the rework loop stays split
    assert fewer_connectors(runs, lambda run: len(run) / 8 + 0.05, connectors_cost(edges)) == runs
