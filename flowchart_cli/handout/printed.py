"""The printed diagram's pages: the whole diagram on one page when it is readable there, else an
overview page and the flow laid out part by part.

Readable means every text prints at 7 pt or more (:mod:`.paper`).  A flow
that cannot be, on one page, is cut (:mod:`.part_choice`) into as few parts
as print readably; each part is a flow of its own (:mod:`.part_flow`) laid
out by the normal layout (:mod:`.part_layout`), joined to the others by
lettered off-page connectors, and printed portrait or landscape, whichever
prints it bigger.  The handout and `render -f pdf --paper` both print these
pages; nothing here reads or edits SVG.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from ..layout.geometry import Diagram, LaneBand, PartOutline, Point, Rect, StageBand
from ..layout.text import clean_text, text_width
from ..model import Edge, Flow, flow_edges
from ..words import words as language_words
from .name_lines import name_lines
from .page import CAPTION_MM, Fit, drawing_box, fit_diagram, tight_fit
from .paper import PT_PER_PX, PX_TO_MM, Paper, min_scale
from .part_choice import MIN_STEPS, Unit, balanced_cuts, connectors_cost, even_out, fewer_connectors, steps_in, units
from .part_flow import PartFlow, cut_numbers, part_flow
from .part_layout import lay_out_part, worded_part

__all__ = [
    "PART_GAP_MM",
    "PART_MAX_SCALE",
    "PrintedDiagram",
    "PrintedPart",
    "page_fit",
    "print_plan",
    "readable_scale",
    "sized",
    "stacked_fit",
]

PART_MAX_SCALE = 1.25  # a part with room to spare prints a little larger than its natural size, not more
PART_SCALE_SPREAD = 1.15  # and at most this much larger than the part printed smallest
_TURNED = 0.9  # a part prints the parts' usual way up when that keeps this share of its scale, and 7 pt
PART_GAP_MM = 10.0  # between two parts on one page, above the second one's caption
OVERVIEW_LABEL_PT = 11.0
OVERVIEW_LANE_PT = 7.5  # a lane's name on the overview: the smallest text the handout prints, bold
_CONNECTOR_ROWS_PX = 130.0  # what a part's connectors above and below add along the flow, about
_TRIAL_PART = 99  # the part number written on connectors while the cut is still being chosen
_NAME_ROW = 1.6  # an overview's lane header: one line of the name, a fifth of a line above and below it
_NAME_LINES = 3  # lines of a lane's name on the overview, where its header has the room
_NAME_COLUMN = 0.15  # at most this share of a left-to-right overview's width goes to the names' column
_UPWARDS_SHARE = 0.3  # at most this share of a top-to-bottom overview's height goes to names reading upwards
_SHORTER_REACH = 0.85  # a part printing this much of 7 pt or more is laid out again with its connectors a line
# shorter (one that misses by more is not saved by them: the second layout would only cost time)
_BROKEN_GROWTH = 1.25  # a header row grows this much at most for a name that would break a word across it
_UPWARDS_LINE = 1.2  # a line of a name reading upwards (a lane's, a stage's) takes this many letters' height across
_LEAST_LETTERS = 5  # of a lane's name on the overview: fewer tell nobody anything ("Sis…")
_LOOP_TRIES = 4  # loops a cut may move past (each packs the rest of the flow again)
_LOOP_HEAD_FILL = 0.4  # the part a loop leaves still covers this share of its page
_HOPELESS = 1.6  # a run this many times longer (in the whole drawing) than a page can hold is not tried


@dataclass(frozen=True, slots=True)
class PrintedPart:
    """One part: its drawing, the numbers and stage names of its steps, how it sits on its page."""

    number: int
    diagram: Diagram
    numbers: tuple[int, ...]
    stages: tuple[str, ...]
    fit: Fit
    follows: bool = False
    """Printed under the part before it, on that part's page (both fit there readably)."""

    @property
    def fill(self) -> float:
        """The share of the page's drawing room the part covers."""
        return _covered(self.fit)


@dataclass(frozen=True, slots=True)
class PrintedDiagram:
    """The first page (the whole diagram, or the overview when split) and the parts.

    ``legend`` is "below", "side", "after" (a page of its own) or "overview";
    ``first`` is the diagram the first page shows (the overview: no words,
    each part framed and numbered).
    """

    first: Diagram
    fit: Fit
    legend: str
    parts: tuple[PrintedPart, ...]
    paper: Paper

    @property
    def split(self) -> bool:
        return bool(self.parts)


def readable_scale(diagram: Diagram) -> float:
    """The smallest scale at which the diagram's smallest text (numbers, outcome labels) prints at 7 pt."""
    return min_scale(diagram.small_size)


def page_fit(diagram: Diagram, paper: Paper, limit: float = PART_MAX_SCALE) -> Fit:
    """Portrait or landscape, whichever prints ``diagram`` bigger (portrait unless landscape is 5 % bigger)."""
    return stacked_fit((diagram,), paper, limit)


def stacked_fit(diagrams: Sequence[Diagram], paper: Paper, limit: float = PART_MAX_SCALE) -> Fit:
    """``diagrams`` one under the other on one page, at one scale, each under its caption (the first under
    the page's heading too): portrait or landscape, whichever prints them bigger (portrait unless landscape
    is 5 % bigger). The size in the fit is the first drawing's; :func:`sized` gives each its own."""
    portrait, landscape = _stacked_fits(diagrams, paper, limit)
    return landscape if landscape.scale > portrait.scale * 1.05 else portrait


def _stacked_fits(diagrams: Sequence[Diagram], paper: Paper, limit: float) -> tuple[Fit, Fit]:
    """:func:`stacked_fit`'s portrait and landscape fits."""
    fits = []
    for landscape in (False, True):
        width, height = drawing_box(paper, landscape, caption=True, tight=True)
        height -= (len(diagrams) - 1) * (CAPTION_MM + PART_GAP_MM)
        stack = max(1.0, sum(d.height for d in diagrams)) * PX_TO_MM
        widest = max(max(1.0, d.width) for d in diagrams) * PX_TO_MM
        scale = max(0.0, min(width / widest, height / stack, limit))
        fits.append(sized(Fit(landscape, False, 0.0, 0.0, scale, (width, height), tight=True), diagrams[0]))
    return fits[0], fits[1]


def sized(fit: Fit, diagram: Diagram) -> Fit:
    """``fit`` with ``diagram``'s printed size at its scale."""
    return replace(
        fit,
        width_mm=round(diagram.width * fit.scale * PX_TO_MM, 2),
        height_mm=round(diagram.height * fit.scale * PX_TO_MM, 2),
    )


def print_plan(
    flow: Flow, whole: Diagram, paper: Paper, words: Mapping[str, str], *, legend_items: int = 0
) -> PrintedDiagram:
    """The pages that print ``whole`` (the layout of ``flow``) with no text under 7 pt on ``paper``."""
    readable = readable_scale(whole)
    for legend_on_page in (True, False):
        fit = fit_diagram(whole.width, whole.height, legend_items if legend_on_page else 0, paper)
        if fit.scale >= readable or not whole.nodes:
            legend = ("side" if fit.legend_side else "below") if legend_on_page else "after"
            return PrintedDiagram(whole, fit, legend, (), paper)
    tight = tight_fit(whole.width, whole.height, paper)  # a few % short: narrower margins, not two parts
    if tight.scale >= readable and whole.nodes:
        return PrintedDiagram(whole, tight, "after", (), paper)
    # the parts set their outcome labels and numbers as large as the rest: they may print smaller
    cutter = _Cutter(flow, whole, paper, words, min_scale(whole.font_size))
    runs = cutter.runs()
    if len(runs) == 1:  # the page furniture was too much: the drawing alone fits (trimmed), the legend follows
        alone = replace(cutter.trial(_keys(runs[0]))[1], title=whole.title)
        return PrintedDiagram(alone, page_fit(alone, paper), "after", (), paper)
    parts = cutter.parts(runs)
    if any(page_fit(part.diagram, paper).scale < cutter.readable - 1e-9 for part in parts):
        # a part laid out again for its connectors' words (lines into one step from two parts) grew past its
        # page: cut again, every trial worded for lines from as many parts as there are steps
        cutter = _Cutter(flow, whole, paper, words, cutter.readable, wary=True)
        parts = cutter.parts(cutter.runs())
    overview_fit = fit_diagram(whole.width, whole.height, legend_items, paper, caption=True)
    overview = overview_diagram(whole, parts, overview_fit.scale)
    for _ in range(6):  # a header grown for the lanes' names makes the drawing taller, so a little smaller
        grown_fit = fit_diagram(overview.width, overview.height, legend_items, paper, caption=True)
        if grown_fit.scale >= overview_fit.scale - 1e-9:
            break
        overview_fit = grown_fit
        overview = overview_diagram(whole, parts, overview_fit.scale)
    overview_fit = fit_diagram(overview.width, overview.height, legend_items, paper, caption=True)  # as printed
    return PrintedDiagram(overview, overview_fit, "overview", parts, paper)


class _Cutter:
    """Chooses the runs of units that become parts, laying trial parts out to see that they fit."""

    def __init__(
        self, flow: Flow, whole: Diagram, paper: Paper, words: Mapping[str, str], readable: float, wary: bool = False
    ):
        self.flow, self.whole, self.paper, self.words, self.readable = flow, whole, paper, words, readable
        self.wary = wary
        self.edges = flow_edges(flow)
        self.order = {s.key: s.number for s in flow.steps}
        vertical = whole.direction != "LR"
        self.along = {n.key: n.box.center.y if vertical else n.box.center.x for n in whole.nodes}
        self.laid_out: dict[frozenset[str], tuple[PartFlow, Diagram]] = {}
        self.room = max(  # the longest stretch of flow a page can hold at the readable scale (px)
            max(drawing_box(paper, landscape, caption=True, tight=True)) / (readable * PX_TO_MM)
            for landscape in (False, True)
        )

    def trial(self, keys: frozenset[str]) -> tuple[PartFlow, Diagram]:
        """The part holding ``keys`` laid out, its connectors naming the widest part number there can be."""
        if keys not in self.laid_out:
            # steps before the part and after it are on different parts: lines into one step from both
            # are worded apart (a line each), as they will be
            first = min(self.along[k] for k in keys)
            part_of = {k: 1 if k in keys else _TRIAL_PART - (self.along[k] < first) for k in self.order}
            if self.wary:  # each other step on a part of its own (two digits): "from parts 12 and 15, steps …"
                others = sorted((k for k in self.order if k not in keys), key=self.order.__getitem__)
                part_of |= {k: 10 + n % 90 for n, k in enumerate(others)}
            part = part_flow(self.flow, self.edges, keys, part_of, self.words)
            laid_out = (part, lay_out_part(part, self.flow, self.whole))
            scale = page_fit(laid_out[1], self.paper).scale
            short_of = self.readable * _SHORTER_REACH <= scale < self.readable - 1e-9
            if short_of and part.connectors and self.whole.direction != "LR":
                # its connectors' words a line shorter: a page short of height takes the part (review 14:
                # `hipoteca`'s document loop on one page; left to right a part lacks width, never height)
                short = part_flow(self.flow, self.edges, keys, part_of, self.words, short=True)
                shorter = (short, lay_out_part(short, self.flow, self.whole))
                if page_fit(shorter[1], self.paper).scale > scale:
                    laid_out = shorter
            self.laid_out[keys] = laid_out
        return self.laid_out[keys]

    def fits(self, run: list[Unit]) -> bool:
        """Whether the part holding ``run`` prints readably; one far longer than a page is not laid out."""
        if run[-1].hi - run[0].lo > _HOPELESS * self.room:
            return False
        diagram = self.trial(_keys(run))[1]
        return page_fit(diagram, self.paper).scale >= self.readable - 1e-9

    def fill(self, run: list[Unit]) -> float | None:
        """The share of its page the part holding ``run`` covers, None when it does not print readably; at
        most as large as the parts will print (:func:`_paged`: a little larger than the smallest)."""
        if not self.fits(run):
            return None
        return _covered(page_fit(self.trial(_keys(run))[1], self.paper, self.readable * PART_SCALE_SPREAD))

    def parts(self, runs: list[list[Unit]]) -> tuple[PrintedPart, ...]:
        """The chosen runs as numbered parts, their connectors lettered (one letter per step reached
        across a cut) and worded."""
        keys_of = [_keys(run) for run in runs]
        part_of = {k: n for n, keys in enumerate(keys_of, start=1) for k in keys}
        own = {step.label.strip().upper() for step in self.flow.steps if step.kind == "connector"}
        numbers = cut_numbers(self.edges, part_of, own)
        total, title = len(runs), self.whole.title
        printed = []
        for number, keys in enumerate(keys_of, start=1):
            part, trial = self.trial(keys)
            name = f"{title} — {self.words['part_of'].format(n=number, total=total)}"
            worded = {"title": name, "numbers": numbers, "part_of": part_of, "words": self.words}
            diagram = worded_part(trial, part, self.flow, **worded)
            if diagram is None:  # lines into one step from two parts: laid out again with their words
                part = part_flow(self.flow, self.edges, keys, part_of, self.words, part.short)
                diagram = worded_part(lay_out_part(part, self.flow, self.whole), part, self.flow, **worded)
                assert diagram is not None
            steps = [s for s in self.flow.steps if s.key in keys]
            stage_ids = {s.stage for s in steps}
            printed.append(
                PrintedPart(
                    number,
                    diagram,
                    tuple(s.number for s in steps),
                    tuple(stage.name for stage in self.flow.stages if stage.id in stage_ids),
                    page_fit(diagram, self.paper),
                )
            )
        return _paged(printed, self.paper, self.readable)

    def runs(self) -> list[list[Unit]]:
        """As few runs as print readably, whole stages where they fit.

        When the cut leaves a part short of steps, cutting the whole flow
        between ranks (stages then share pages) is tried too, and wins when
        it leaves fewer parts short of steps, or as few and fewer pages.
        """
        pieces = units(self.flow, self.whole)
        runs = self._pack(list(pieces))
        if any(_steps(run) < MIN_STEPS for run in runs):
            ranks = self._pack([rank for piece in pieces for rank in (piece.ranks or (piece,))])
            runs = min((runs, ranks), key=lambda r: (sum(_steps(run) < MIN_STEPS for run in r), len(r)))
        return self._loops_kept(fewer_connectors(runs, self.fill, connectors_cost(self.edges)))

    def _loops_kept(self, runs: list[list[Unit]]) -> list[list[Unit]]:
        """A loop split between two parts goes whole onto one of them: the earlier part takes the rest of the
        loop, or the loop starts the later part. The cheapest such move for the reader
        (:func:`.part_choice.connectors_cost`, then fewer parts) is kept where it costs less than the cut
        it replaces, with one more part at most and every part holding enough steps; a part the loop
        leaves still fills :data:`_LOOP_HEAD_FILL` of its page.

        Review 14: "Call the customer" stood alone at the foot of part 1, the four steps that call it again
        on part 2; a trainee turned the page back and forth for the flow's one routine.
        """
        cost = connectors_cost(self.edges)
        most = len(runs) + 1
        for _ in range(_LOOP_TRIES):
            moves = [
                again
                for i in range(len(runs) - 1)
                for again in self._loop_moves(runs, i)
                if len(again) <= most and all(_steps(run) >= MIN_STEPS for run in again)
            ]
            best = min(moves, key=lambda again: (cost(again), len(again)), default=None)
            if best is None or cost(best) >= cost(runs):
                return runs
            runs = best
        return runs

    def _loop_moves(self, runs: list[list[Unit]], i: int) -> Iterator[list[list[Unit]]]:
        """The runs with a loop split between runs ``i`` and ``i + 1`` whole on one of them, what is left
        of the other as it was, joined to its neighbour, or the flow after the loop packed again; none
        where no loop is split there."""
        head, tail = _split_loop(runs[i], runs[i + 1], self.edges)
        if tail and self.fits(taken := runs[i] + runs[i + 1][:tail]):
            left, later = runs[i + 1][tail:], runs[i + 2 :]
            yield from self._settled([*runs[:i], taken], left, later)
        if head and (self.fill(kept := runs[i][:head]) or 0.0) >= _LOOP_HEAD_FILL:
            moved = runs[i][head:] + runs[i + 1]
            if self.fits(moved):
                yield [*runs[:i], kept, moved, *runs[i + 2 :]]
            yield [*runs[:i], kept, *self._pack([*moved, *(piece for run in runs[i + 2 :] for piece in run)])]

    def _settled(
        self, before: list[list[Unit]], left: list[Unit], later: list[list[Unit]]
    ) -> Iterator[list[list[Unit]]]:
        """``before`` and then what is ``left`` of a run: as a run of its own, joined to the run before or
        the run after it, or packed again with every run ``later``."""
        if not left:
            yield [*before, *later]
            return
        yield [*before, left, *later]
        if self.fits(joined := before[-1] + left):
            yield [*before[:-1], joined, *later]
        if later and self.fits(joined := left + later[0]):
            yield [*before, joined, *later[1:]]
        yield [*before, *self._pack([*left, *(piece for run in later for piece in run)])]

    def _pack(self, pieces: list[Unit]) -> list[list[Unit]]:
        """Runs each as long as fits, in turn (a stage too long for a page cut between its ranks), the
        last two evened out, then the runs short of steps joined to a neighbour or cut again."""
        runs: list[list[Unit]] = []
        at, guess = 0, self._estimate(pieces)
        while at < len(pieces):
            end = self._longest(pieces, at, guess)
            if end == at + 1 and len(pieces[at].ranks) > 1 and not self.fits(pieces[at : at + 1]):
                pieces[at : at + 1] = list(pieces[at].ranks)  # a stage too long for a page: cut between ranks
                continue
            runs.append(pieces[at:end])
            guess, at = end - at, end
        if len(runs) > 1:  # the last run is what is left over: share the last two runs' pieces evenly
            last = balanced_cuts(runs[-2] + runs[-1], 2)
            if len(last) == 2 and all(self.fits(run) for run in last):
                runs[-2:] = last
        return even_out(runs, self.fits, len(self.flow.steps))

    def _longest(self, pieces: list[Unit], at: int, guess: int) -> int:
        """The end of the longest run from ``at`` that fits (at least one piece, even one that does not).

        Runs are tried from ``guess`` pieces (the last part's length) one
        more or one fewer at a time, then in doubling strides, then halving:
        two layouts when parts come out alike.
        """
        last = len(pieces)
        probe = max(at + 1, min(last, at + guess))
        good, bad = (probe, last + 1) if self.fits(pieces[at:probe]) else (at + 1, probe)
        stride = 1
        while bad > last and good < last:  # grow
            probe = min(last, good + stride)
            if self.fits(pieces[at:probe]):
                good, stride = probe, stride * 2
            else:
                bad = probe
        stride = 1
        while good == at + 1 and bad - good > 1:  # shrink
            probe = max(at + 2, bad - stride)
            if self.fits(pieces[at:probe]):
                good = probe
            else:
                bad, stride = probe, stride * 2
        while bad - good > 1 and good < last:  # halve
            probe = (good + bad) // 2
            if self.fits(pieces[at:probe]):
                good = probe
            else:
                bad = probe
        return good

    def _estimate(self, pieces: list[Unit]) -> int:
        """How many pieces a page takes at the readable scale, judged from the whole diagram's length."""
        vertical = self.whole.direction != "LR"
        box = drawing_box(self.paper, not vertical, caption=True, tight=True)
        along_mm = box[1] if vertical else box[0]
        room = along_mm / (self.readable * PX_TO_MM) - _CONNECTOR_ROWS_PX
        length = pieces[-1].hi - pieces[0].lo
        return max(1, round(len(pieces) * room / max(length, 1.0)))


def _split_loop(run: list[Unit], after: list[Unit], edges: Sequence[Edge]) -> tuple[int, int]:
    """Where a loop split between ``run`` and the run ``after`` it lies: the index in ``run`` of the
    earliest piece a line from ``after`` comes back to, and the index in ``after`` just past the last
    piece such a line leaves from; (0, 0) when no line runs both ways between the two."""
    mine = {key: n for n, piece in enumerate(run) for key in piece.keys}
    theirs = {key: n for n, piece in enumerate(after) for key in piece.keys}
    back = [(mine[e.target], theirs[e.source]) for e in edges if e.source in theirs and e.target in mine]
    if not back or not any(e.source in mine and e.target in theirs for e in edges):
        return 0, 0
    return min(head for head, _ in back), max(tail for _, tail in back) + 1


def _paged(printed: list[PrintedPart], paper: Paper, readable: float) -> tuple[PrintedPart, ...]:
    """The parts on their pages: a part shares the page of the parts before it when they all fit there one
    under the other, their text still at 7 pt (a wide flow's parts are short: one to a page left half of
    most pages blank, review 4); and one text size from page to page: no page prints much larger than the
    page printed smallest (a short part once printed at twice the others' size)."""
    pages: list[list[PrintedPart]] = []
    for part in printed:
        if pages and stacked_fit([p.diagram for p in (*pages[-1], part)], paper).scale >= readable - 1e-9:
            pages[-1].append(part)
        else:
            pages.append([part])
    evened = min(stacked_fit([p.diagram for p in page], paper).scale for page in pages) * PART_SCALE_SPREAD
    limit = min(PART_MAX_SCALE, evened)
    fits = [stacked_fit([p.diagram for p in page], paper, limit) for page in pages]
    # one way up for the parts where it costs little: a stapled handout turned at every other page (review 12)
    usual = sum(fit.landscape for fit in fits) * 2 > len(fits)
    out = []
    for page, fit in zip(pages, fits, strict=True):
        if fit.landscape != usual:
            turned = _stacked_fits([p.diagram for p in page], paper, limit)[usual]
            if turned.scale >= max(readable - 1e-9, fit.scale * _TURNED):
                fit = turned
        out.extend(replace(part, fit=sized(fit, part.diagram), follows=n > 0) for n, part in enumerate(page))
    return tuple(out)


def _covered(fit: Fit) -> float:
    """The share of the page's drawing room a drawing printed by ``fit`` covers."""
    width, height = fit.box
    return fit.width_mm * fit.height_mm / (width * height)


def _steps(run: list[Unit]) -> int:
    return steps_in(run)


def _keys(run: list[Unit]) -> frozenset[str]:
    return frozenset(k for piece in run for k in piece.keys)


def overview_diagram(whole: Diagram, parts: tuple[PrintedPart, ...], scale: float) -> Diagram:
    """The whole diagram without its words (too small to read there), each part framed and numbered; in a
    top-to-bottom flow the row of lane headers tall enough for one line of the lanes' names."""
    lane_px = OVERVIEW_LANE_PT / (PT_PER_PX * max(scale, 0.01))
    whole = _headers_for_names(whole, lane_px)
    vertical = whole.direction != "LR"
    spans = {n.key: (n.box.y, n.box.bottom) if vertical else (n.box.x, n.box.right) for n in whole.nodes}
    ranges = []
    for part in parts:
        keys = [n.key for n in part.diagram.nodes if not n.connector]
        ranges.append((min(spans[k][0] for k in keys), max(spans[k][1] for k in keys)))
    length = whole.height if vertical else whole.width
    heads = [lane.header.bottom if vertical else lane.header.right for lane in whole.lanes]
    start = max(heads, default=0.0)
    font = OVERVIEW_LABEL_PT / (PT_PER_PX * max(scale, 0.01))
    word = language_words(whole.lang)["part_word"]  # "Parte 4", never a bare "4" read as a stage's number
    # the parts' tags in a margin of their own, left of the stage column (above the stages' row left to right):
    # over it they left "Inspección", cut by three parts, no room for its name (review 10 "Resol…"), and in
    # left to right took "Consulta"'s (review 17)
    tags = [PartOutline(part.number, Rect(0, 0, 0, 0), font, word, stacked=vertical).tag for part in parts]
    margin = 12 + max((tag.width if vertical else tag.height for tag in tags), default=0.0)  # frame, tag: 4 px in
    if vertical:
        whole = _moved_right(_stage_column_widened(whole, lane_px), margin)  # stage names on the lines they need
    elif parts:
        whole = _reshaped(whole, 0.0, margin, lanes=_moved, stages=_moved)
    outlines = []
    for i, (part, (lo, hi)) in enumerate(zip(parts, ranges, strict=True)):
        low = start if i == 0 else (ranges[i - 1][1] + lo) / 2
        high = length - 4 if i == len(parts) - 1 else (hi + ranges[i + 1][0]) / 2
        across = (whole.width if vertical else whole.height) - 8
        box = Rect(4, low, across, high - low) if vertical else Rect(low, 4, high - low, across)
        outlines.append(PartOutline(part.number, box, font, word, stacked=vertical))
    return replace(
        whole,
        numbers=False,
        font_size=lane_px - 1,  # the writers set a lane's name one px over the drawing's text size
        nodes=tuple(replace(n, lines=(), href="", link="") for n in whole.nodes),
        lanes=tuple(_named_on_overview(lane, lane_px, whole.lang) for lane in whole.lanes),
        stages=tuple(_stage_on_overview(stage, lane_px, outlines, vertical, whole.lang) for stage in whole.stages),
        edges=tuple(replace(edge, label="", label_at=None) for edge in whole.edges),
        header=(),
        outlines=tuple(outlines),
    )


def _stage_column_widened(whole: Diagram, size: float) -> Diagram:
    """A top-to-bottom ``whole`` with its stage column wide enough for each stage's name reading upwards on the
    lines its band's length needs (up to :data:`_NAME_LINES`), the lanes moved right (review 13: "Recepció…",
    "Evaluación del r…" and "Análise do ped…" in a column one line wide)."""
    if not whole.stages:
        return whole
    lines = max(len(_stage_lines(stage, stage.label.height - size, size, whole.lang)) for stage in whole.stages)
    extra = (0.4 + _UPWARDS_LINE * lines) * size - min(stage.label.width for stage in whole.stages)
    return _reshaped(whole, extra, 0.0, lanes=_moved, stages=_wider_taller) if extra > 0 else whole


def _stage_lines(stage: StageBand, room: float, size: float, lang: str) -> list[str]:
    """A stage's name in as few whole-word lines as fit ``room`` along its band, up to :data:`_NAME_LINES`;
    one line (to be shortened) where more would not do."""
    name = " ".join(clean_text(stage.name).split())
    lines = name_lines(name, room, size, lang)
    return lines if 1 < len(lines) <= _NAME_LINES and _across(lines, room, size) else [name]


def _stage_on_overview(
    stage: StageBand, size: float, outlines: Sequence[PartOutline], vertical: bool, lang: str
) -> StageBand:
    """The stage without its number (the parts' numbers are the overview's), its name at ``size`` px where its
    strip has room, in the longest stretch of it the parts' number tags leave free, shortened with "…" to fit;
    so the reader of the overview knows which stage each part's steps are in (reviews 6 and 7: the stage
    column was left blank; review 8: a left-to-right overview named no stage). Top to bottom the name reads
    upwards in the stage column; left to right, across the stage's header row."""
    blank = replace(stage, lines=("",))
    label = stage.label
    # along the strip (y top to bottom, x left to right) and across it
    low, high = (label.y, label.bottom) if vertical else (label.x, label.right)
    if (label.width if vertical else label.height) < 1.3 * size:
        return blank
    taken = sorted(
        (tag.y - size * 0.3, tag.bottom + size * 0.3) if vertical else (tag.x - size * 0.3, tag.right + size * 0.3)
        for tag in (outline.tag for outline in outlines)
        if (tag.x < label.right and label.x < tag.right if vertical else tag.y < label.bottom and label.y < tag.bottom)
    )
    stretches, at = [], low
    for first, last in taken:
        if first > at:
            stretches.append((at, min(first, high)))
        at = max(at, last)
    stretches.append((at, high))
    low, high = max(stretches, key=lambda s: s[1] - s[0])
    room = high - low - size
    box = Rect(label.x, low, label.width, high - low) if vertical else Rect(low, label.y, high - low, label.height)
    wrapped = _stage_lines(stage, room, size, lang) if vertical else []
    if len(wrapped) > 1 and (0.4 + _UPWARDS_LINE * len(wrapped)) * size <= label.width + 1e-6:
        return replace(stage, lines=("", *wrapped), sideways=box)  # upwards on lines side by side
    name = " ".join(clean_text(stage.name).split())
    if text_width(name, size, bold=True) > room:
        name = _ended(name, room, size)
        if len(name) <= 5:  # "Ver…" tells nobody anything
            return blank
    return replace(stage, lines=("", name), sideways=box)


def _headers_for_names(whole: Diagram, size: float) -> Diagram:
    """``whole`` with lane headers that hold the lanes' names at ``size`` px, the drawing moved down (top to
    bottom: the header row at least :data:`_NAME_ROW` lines tall, two where a name needs them) or right (left
    to right: the header column as wide as the longest name, up to :data:`_NAME_COLUMN` of the drawing). Shrunk onto the
    overview page, a 50 px header row held no line of 7.5 pt text and a 132 px column not one word: the
    overview of a big flow named no lane at all (review 3 #7)."""
    if not whole.lanes:
        return whole
    if whole.direction != "LR":  # two lines where a name needs them across its lane ("Back office de" /
        # "facturación", not "Back office de factur…")
        names = [(" ".join(clean_text(lane.name).split()), lane.header.width - size) for lane in whole.lanes]
        across = [name_lines(name, room, size, whole.lang) for name, room in names]
        lines = max(min(_NAME_LINES, len(them)) for them in across)
        rows = 0.4 + 1.2 * lines if lines > 1 else _NAME_ROW
        upwards = [  # a name that does not fit across its lane reads upwards, the header row as tall as it
            length
            for lane, (name, room), them in zip(whole.lanes, names, across, strict=True)
            if not _across(them, room, size)
            and (length := _upwards_length(_upwards(name, lane.header.width, size, whole.lang), size))
            <= _UPWARDS_SHARE * whole.height
        ]
        row = max([rows * size, *upwards])
        broken = [  # one that fits across only with a word hyphenated reads upwards where the row grows little
            # for it (review 15: "Cus-tomer" beside "Partner body shop" upwards; a row grown 2.4 times for
            # "Case management" left the stages' names too little room)
            length
            for lane, (name, _), them in zip(whole.lanes, names, across, strict=True)
            if _breaks_a_word(them, name)
            and (length := _upwards_length(_upwards(name, lane.header.width, size, whole.lang), size))
            <= _BROKEN_GROWTH * row
        ]
        marked = [  # an external lane's name reading upwards keeps its marker where the row grows little for it
            # (review 16: "Procesadora de tarjetas" and "Taxi company" upwards without "(external)")
            min(lengths)
            for lane, (name, room), them in zip(whole.lanes, names, across, strict=True)
            if lane.external
            and (not _across(them, room, size) or _breaks_a_word(them, name))
            and (
                lengths := [
                    length
                    for turned in _upwards_options(name, True, lane.header.width, size, whole.lang)[:-1]
                    if (length := _upwards_length(turned, size)) <= _BROKEN_GROWTH * row
                ]
            )
        ]
        extra = max([row, *broken, *marked]) - min(lane.header.height for lane in whole.lanes)
        return _grown(whole, 0.0, extra) if extra > 0 else whole
    names = [" ".join(clean_text(lane.name).split()) for lane in whole.lanes]
    want = max(text_width(name, size, bold=True) for name in names) + size
    narrowest = min(lane.header.width for lane in whole.lanes)
    extra = min(want, max(narrowest, _NAME_COLUMN * whole.width)) - narrowest
    whole = _grown(whole, extra, 0.0) if extra > 0 else whole
    row = min((stage.label.height for stage in whole.stages), default=0.0)
    return _stage_row_grown(whole, _NAME_ROW * size - row) if whole.stages and row < _NAME_ROW * size else whole


def _stage_row_grown(whole: Diagram, dy: float) -> Diagram:
    """A left-to-right ``whole`` with its stage header row ``dy`` taller, the lanes and the drawing moved down,
    so one line of the stages' names fits across it on the overview."""
    return _reshaped(whole, 0.0, dy, lanes=_moved, stages=_taller)


def _moved_right(whole: Diagram, dx: float) -> Diagram:
    """``whole`` with an empty margin ``dx`` wide at its left, everything in it moved right."""
    return _reshaped(whole, dx, 0.0, lanes=_moved, stages=_moved)


def _grown(whole: Diagram, dx: float, dy: float) -> Diagram:
    """``whole`` moved ``dx`` right and ``dy`` down, its lanes' headers and bands grown into the room made."""
    return _reshaped(whole, dx, dy, lanes=_wider_taller, stages=_moved)


Reshape = Callable[[Rect, float, float], Rect]


def _moved(r: Rect, dx: float, dy: float) -> Rect:
    return Rect(r.x + dx, r.y + dy, r.width, r.height)


def _taller(r: Rect, dx: float, dy: float) -> Rect:
    return Rect(r.x, r.y, r.width, r.height + dy)


def _wider_taller(r: Rect, dx: float, dy: float) -> Rect:
    return Rect(r.x, r.y, r.width + dx, r.height + dy)


def _reshaped(whole: Diagram, dx: float, dy: float, *, lanes: Reshape, stages: Reshape) -> Diagram:
    """``whole`` ``dx`` wider and ``dy`` taller, its steps and lines moved by as much, and its lanes' bands and
    headers and its stages' bands and labels each moved or grown into the room as ``lanes`` and ``stages`` say."""
    return replace(
        whole,
        width=whole.width + dx,
        height=whole.height + dy,
        nodes=tuple(replace(n, box=_moved(n.box, dx, dy)) for n in whole.nodes),
        lanes=tuple(
            replace(lane, band=lanes(lane.band, dx, dy), header=lanes(lane.header, dx, dy)) for lane in whole.lanes
        ),
        edges=tuple(
            replace(e, points=tuple(Point(p.x + dx, p.y + dy) for p in e.points), label_at=None) for e in whole.edges
        ),
        stages=tuple(replace(s, band=stages(s.band, dx, dy), label=stages(s.label, dx, dy)) for s in whole.stages),
    )


def _named_on_overview(lane: LaneBand, size: float, lang: str) -> LaneBand:
    """The lane with its name in its header at ``size`` px, on up to :data:`_NAME_LINES` lines where the
    header is tall enough (a word too wide for the column hyphenated, :mod:`.name_lines`), the last
    shortened with "…" to fit across it, so the reader of the overview knows whose column each part's steps
    are in; no name where only a stump would fit ("Sis…" tells nobody anything); an external lane's marker
    under its name where the header has a line to spare."""
    header = lane.header
    room = header.width - size  # half a letter's margin each side
    name = " ".join(clean_text(lane.name).split())
    if header.height < 1.4 * size:
        return replace(lane, lines=(), name="", external=False)
    lines = name_lines(name, room, size, lang)
    broken = _breaks_a_word(lines, name)  # a word hyphenated across the column ("Cus-" / "tomer")
    if (broken or not _across(lines, room, size)) and header.width > _UPWARDS_LINE * size:
        # upwards where the header is tall enough, its words whole, "(external)" after the name where that
        # fits too (review 15: "Cus-tomer" across a narrow column, its marker dropped)
        for turned in _upwards_options(name, lane.external, header.width, size, lang):
            if header.height >= _upwards_length(turned, size) - 1e-6:
                return replace(lane, lines=tuple(turned), external=False, sideways=True)
    most = max(1, min(_NAME_LINES, int((header.height / size - 0.4) / 1.2 + 1e-6)))
    if len(lines) > most:
        lines = [*lines[: most - 1], _joined(lines[most - 1 :])]
    last = lines[-1]
    if text_width(last, size, bold=True) > room:
        cut = len(last)
        while cut > 1 and text_width(last[:cut].rstrip(" -") + "…", size, bold=True) > room:
            cut -= 1
        lines[-1] = last[:cut].rstrip(" -") + "…"
        if len(lines[-1]) <= 4:  # "Sis…": a stump tells nobody anything; the line before ends the name
            lines.pop()
            if lines:
                lines[-1] = _ended(lines[-1], room, size)
    cut = _joined(list(lines)) != name  # a name shown whole is kept however short (review 17: "SAC" was left out)
    if cut and sum(c.isalnum() for c in "".join(lines)) < _LEAST_LETTERS:  # "Sis-" / "t…" is a stump on two lines
        return replace(lane, lines=(), name="", external=False)
    # "(externo)" on a line of its own where the header has one to spare and it fits across (review 13: the
    # overview said no lane was external, where the parts and the whole drawing do)
    marker = _marker(lang)
    spare = lane.external and len(lines) < most and text_width(marker, size, bold=True) <= room
    return replace(lane, lines=tuple(lines), external=spare)


def _marker(lang: str) -> str:
    """An external lane's marker in the flow's language: "(external)", "(parte externa)"."""
    return f"({language_words(lang)['external']})"


def _breaks_a_word(lines: Sequence[str], name: str) -> bool:
    """Whether ``lines`` (:func:`name_lines` of ``name``) end one with a piece of a word and a hyphen the
    word does not have there ("Procesa-" / "dora de" / "tarjetas": as many lines as words, one broken)."""
    words = name.split()
    for line in lines[:-1]:
        if not line.endswith("-"):
            continue
        piece = line.split()[-1]
        if not any(word.startswith(piece) for word in words):  # the word's own hyphen ("Back-" of "Back-office")
            return True
    return False


def _upwards_options(name: str, external: bool, width: float, size: float, lang: str) -> list[list[str]]:
    """The ways a lane's name may read upwards in a header ``width`` px wide, best first: an external lane's
    marker in the text ("Customer (external)"), then on a line of its own beside the name's where the width
    holds one more, then the name alone (review 16: "Procesadora de tarjetas" upwards lost its "(parte
    externa)", which the header would have held beside it)."""
    plain = _upwards(name, width, size, lang)
    if not external:
        return [plain]
    marker = _marker(lang)
    options = [_upwards(f"{name} {marker}", width, size, lang)]
    if len(plain) < _NAME_LINES and (0.4 + _UPWARDS_LINE * (len(plain) + 1)) * size <= width + 1e-6:
        options.append([*plain, marker])
    return [*options, plain]


def _across(lines: Sequence[str], room: float, size: float) -> bool:
    """Whether a lane's name set in ``lines`` (:func:`name_lines`) reads whole across its header."""
    return len(lines) <= _NAME_LINES and all(text_width(line, size, bold=True) <= room for line in lines)


def _upwards(name: str, width: float, size: float, lang: str) -> list[str]:
    """``name`` reading upwards in a header ``width`` px wide: on as many lines side by side as the width holds
    (:data:`_NAME_LINES` at most), as even as whole words make them, so the header grows the least; no word
    is broken (upwards, the longest word has the room)."""
    most = max(1, min(_NAME_LINES, int((width - 0.4 * size) / (_UPWARDS_LINE * size))))
    whole = text_width(name, size, bold=True)
    room = max(whole / most, *(text_width(word, size, bold=True) for word in name.split()))  # words kept whole
    while (lines := name_lines(name, room, size, lang)) and len(lines) > most and room < whole:
        room += size / 2
    return lines if len(lines) <= most else [name]


def _upwards_length(lines: Sequence[str], size: float) -> float:
    """The header height a lane's name reading upwards takes: its longest line, and 0.8 of a letter each end."""
    return max(text_width(line, size, bold=True) for line in lines) + 1.6 * size


def _ended(line: str, room: float, size: float) -> str:
    """``line`` with "…" at its end (in place of a hyphen), shortened to fit ``room`` with it."""
    line = line.rstrip(" -")
    while len(line) > 1 and text_width(line + "…", size, bold=True) > room:
        line = line[:-1].rstrip(" -")
    return line + "…"


def _joined(lines: list[str]) -> str:
    """Lines of a name as one again: a hyphenated word's pieces rejoined, other lines after a space."""
    text = ""
    for line in lines:
        text = text[:-1] + line if text.endswith("-") else f"{text} {line}".strip()
    return text
