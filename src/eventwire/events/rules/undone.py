"""Who a retreat or concession with no recipient favours: the target of what the same actors did
earlier ("Hamas released the hostages" after "Hamas seized Israeli soldiers"; "Russia lifted the
ban")."""

from __future__ import annotations

from dataclasses import replace

from ..draft import Draft
from ..sentence import Sentence
from .content import unaimed

ORDER = 60


def apply(d: Draft, s: Sentence) -> list[Draft]:
    if not unaimed(d) or d.type not in ("RETREAT", "CONCEDE") or not d.actors:
        return [d]
    mine = set(d.actors)
    for earlier in reversed(s.history):
        if (
            earlier is d
            or earlier.type not in s.onto.group("undone_by_retreat")
            or not mine & set(earlier.actors)
        ):
            continue
        found = [a for a in earlier.recipients if a not in mine]
        if not found:
            return [d]
        return [replace(d, recipients=found, notes=[*d.notes, "recipient: the event undone"])]
    return [d]
