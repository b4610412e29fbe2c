"""Ultimatums: "withdraw within ten days or face the use of force" is a demand and a threat.

The demand is coded by its frame (REQUEST, or SANCTION for an order to leave); the "or face ..."
alternative adds a THREATEN event by the same actors toward the same recipients, its mode taken
from the coercive measure named ("or face sanctions" -> THREATEN relations).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..draft import Draft
from ..sentence import Sentence

if TYPE_CHECKING:
    from ...nlp import Token

ORDER = 10


def apply(d: Draft, s: Sentence) -> list[Draft]:
    if d.type not in s.onto.group("demands") or not d.actors:
        return [d]
    for tok in d.anchor.subtree:
        if tok.i in s.consumed or not _alternative(s, tok):
            continue
        s.consumed.add(tok.i)
        frame = s.onto.frame("THREATEN", _measure(s, tok) or "*")
        if frame is None:
            return [d]
        threat = replace(
            d,
            type=frame.type,
            mode=frame.mode,
            cameo=frame.cameo,
            trigger=[tok],
            actors=list(d.actors),
            recipients=list(d.recipients),
            notes=[*d.notes, "ultimatum's alternative -> THREATEN"],
        )
        return [d, threat]
    return [d]


def _alternative(s: Sentence, tok: Token) -> bool:
    return (
        tok.lemma_.lower() in s.words.gram("penalty_verbs")
        and tok.dep_ == "conj"
        and any(c.dep_ == "cc" and c.lower_ in s.words.gram("alternative") for c in tok.head.children)
    )


def _measure(s: Sentence, verb: Token) -> str | None:
    """The type of the coercive measure named as the penalty ("sanctions", "the use of force")."""
    for obj in [c for c in verb.children if c.dep_ == "dobj"]:
        for tok in obj.subtree:
            hit = s.noun_hit(tok)
            if hit is not None and hit[0].type in s.onto.group("coercive"):
                return hit[0].type
    return None
