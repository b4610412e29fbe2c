"""Ultimatums: "withdraw within ten days or face the use of force" is a demand and a threat.

The demand is coded by its frame (REQUEST, or SANCTION for an order to leave); the "or face ..."
alternative adds a THREATEN event by the same actors toward the same recipients, its mode taken
from the coercive measure named ("or face sanctions" -> THREATEN relations).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..nlp import Token
    from .extract import Draft, SentenceMatcher

__all__ = ["or_face"]

#: Verbs that name the penalty of an ultimatum's alternative ("or face", "or risk").
PENALTY_VERBS = frozenset({"face", "risk", "suffer"})
DEMANDS = frozenset({"REQUEST", "SANCTION", "COERCE"})


def or_face(m: SentenceMatcher, draft: Draft) -> Draft | None:
    """The THREATEN event in an ultimatum's "or face ..." alternative, if ``draft`` is its demand."""
    if draft.type not in DEMANDS or not draft.actors:
        return None
    for tok in draft.anchor.subtree:
        if tok.i in m.consumed or not _alternative(tok):
            continue
        m.consumed.add(tok.i)
        frame = m.onto.frame("THREATEN", _measure(m, tok) or "*")
        if frame is None:
            return None
        threat = replace(
            draft,
            type=frame.type,
            mode=frame.mode,
            cameo=frame.cameo,
            trigger=[tok],
            actors=list(draft.actors),
            recipients=list(draft.recipients),
            notes=[*draft.notes, "ultimatum's alternative -> THREATEN"],
        )
        return threat
    return None


def _alternative(tok: Token) -> bool:
    return (
        tok.lemma_.lower() in PENALTY_VERBS
        and tok.dep_ == "conj"
        and any(c.dep_ == "cc" and c.lower_ == "or" for c in tok.head.children)
    )


def _measure(m: SentenceMatcher, verb: Token) -> str | None:
    """The type of the coercive measure named as the penalty ("sanctions", "the use of force")."""
    for obj in [c for c in verb.children if c.dep_ == "dobj"]:
        for tok in obj.subtree:
            hit = m.noun_hit(tok)
            if hit is not None and hit[0].type in ("SANCTION", "ASSAULT", "COERCE", "MOBILIZE"):
                return hit[0].type
    return None
