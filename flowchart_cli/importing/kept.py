"""The data a drawing carries but does not show (``fc_*``, see :mod:`flowchart_cli.kept_data`), checked.

What comes back from a file goes through the same rules as a flow file's
keys: a link must be a usable link, a `ref` a relative flow path on a
subprocess or off-page step, shares only on a decision and only for the
outcomes it still has.  What fails is left out with a note at the step, so
the imported flow still passes `check`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kept_data import PREFIX, read_shares
from ..links import link_problem
from ..shares import read_share
from ..values import DIRECTIONS, LANGS, REF_KINDS, is_valid_id, ref_problem

__all__ = ["KeptFlow", "KeptStep", "kept_flow", "kept_id", "kept_step", "value_of"]


def value_of(data: tuple[tuple[str, str], ...], name: str) -> str:
    """The carried value ``fc_NAME`` ('' when absent)."""
    return dict(data).get(PREFIX + name, "")


@dataclass(frozen=True, slots=True)
class KeptStep:
    notes: str = ""
    duration: str = ""
    link: str = ""
    ref: str = ""
    shares: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class KeptFlow:
    lang: str = ""
    direction: str = ""
    version: str = ""
    owner: str = ""
    updated: str = ""
    description: str = ""


def kept_id(data: tuple[tuple[str, str], ...], notes: list[str]) -> str:
    """The step's carried id when it is a valid id ('' otherwise, noted)."""
    text = value_of(data, "id").strip()
    if text and not is_valid_id(text):
        notes.append(f"its id {text!r} from the drawing's data is not a valid id (letters, digits, _ and -): left out")
        return ""
    return text


def kept_step(data: tuple[tuple[str, str], ...], kind: str, outcomes: tuple[str, ...], notes: list[str]) -> KeptStep:
    """A step's notes, duration, link, ref and shares as they may be written for a ``kind`` step."""
    link = value_of(data, "link").strip()
    if link and (problem := link_problem(link)):
        notes.append(f"its link {link!r} {problem}: left out")
        link = ""
    ref = value_of(data, "ref").strip()
    if ref and kind not in REF_KINDS:
        notes.append(f"its ref {ref!r} is left out: only a subprocess or an off-page connector has one")
        ref = ""
    elif ref and (problem := ref_problem(None, ref)):
        notes.append(f"{problem}: left out")
        ref = ""
    return KeptStep(
        notes=value_of(data, "notes"),
        duration=value_of(data, "duration").strip(),
        link=link,
        ref=ref,
        shares=_shares(value_of(data, "shares"), kind, outcomes, notes),
    )


def _shares(text: str, kind: str, outcomes: tuple[str, ...], notes: list[str]) -> tuple[tuple[str, str], ...]:
    if not text.strip():
        return ()
    shares = read_shares(text)
    if shares is None:
        notes.append("its shares in the drawing's data are not a JSON object of outcome → share: left out")
        return ()
    if kind != "decision":
        notes.append("its shares are left out: only a decision has them")
        return ()
    kept = []
    for outcome, share in shares.items():
        if outcome not in outcomes:
            notes.append(f"the share of {outcome!r} is left out: the decision has no such outcome now")
        elif read_share(share) is None:
            notes.append(f"the share {share!r} of {outcome!r} is left out: not a share such as 30% or 0.3")
        else:
            kept.append((outcome, share))
    return tuple(kept)


def kept_flow(data: tuple[tuple[str, str], ...]) -> KeptFlow:
    """The flow's keys from the drawing's root data; an unknown lang or direction is left to the guess."""
    lang, direction = value_of(data, "lang").strip(), value_of(data, "direction").strip()
    return KeptFlow(
        lang=lang if lang in LANGS else "",
        direction=direction if direction in DIRECTIONS else "",
        version=value_of(data, "version").strip(),
        owner=value_of(data, "owner").strip(),
        updated=value_of(data, "updated").strip(),
        description=value_of(data, "description"),
    )
