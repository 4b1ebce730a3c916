"""How many responsible parties, said the same way on the cover and in every scenario.

A lane marked `external` (the customer, a bank) is not part of the team the
handout trains, so the count says so: "3 responsables del equipo y 1
externo".  Without external lanes it stays "3 responsables".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from ..model import Flow
from ..words import count, words

__all__ = ["PARTY_WORDS", "count_parties", "parties_of_lanes"]

PARTY_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": {
            # review 10: "2 responsible parties in the team and 2 external" read stiffly
            "team": "{n} in the team|{n} in the team",
            "external": "{n} external|{n} external",
            "external_only": "{n} external party|{n} external parties",
            "both": "{total} ({team}, {external})",
        },
        "es": {
            "team": "{n} responsable del equipo|{n} responsables del equipo",
            "external": "{n} externo|{n} externos",
            "external_only": "{n} responsable externo|{n} responsables externos",
            "both": "{team} y {external}",
        },
        "pt": {
            "team": "{n} responsável da equipe|{n} responsáveis da equipe",
            "external": "{n} externo|{n} externos",
            "external_only": "{n} responsável externo|{n} responsáveis externos",
            "both": "{team} e {external}",
        },
    }
)


def count_parties(lang: str, team: int, external: int) -> str:
    """ "3 responsables" / "3 responsables del equipo y 1 externo" / "1 responsable externo" / "4 responsible
    parties (3 in the team, 1 external)" ("" for none)."""
    if not external:
        return count(words(lang), "count_lanes", team) if team else ""
    w = PARTY_WORDS.get(lang, PARTY_WORDS["en"])
    if not team:
        return count(w, "external_only", external)
    total = count(words(lang), "count_lanes", team + external)
    return w["both"].format(team=count(w, "team", team), external=count(w, "external", external), total=total)


def parties_of_lanes(flow: Flow, lane_ids: Iterable[str], lang: str) -> str:
    """The count of the lanes ``lane_ids`` (ids of ``flow``'s lanes), team and external apart."""
    external = {lane.id for lane in flow.lanes if lane.external}
    known = {lane.id for lane in flow.lanes}
    ids = {lane for lane in lane_ids if lane in known}
    outside = len(ids & external)
    return count_parties(lang, len(ids) - outside, outside)
