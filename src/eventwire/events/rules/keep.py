"""Which drafts are events: a draft needs an actor; PLOVER wants a recipient for some types; a
condition is no reported act; a meeting needs two parties."""

from __future__ import annotations

from dataclasses import replace

from ..draft import Draft
from ..sentence import Sentence

ORDER = 80


def apply(d: Draft, s: Sentence) -> list[Draft]:
    if "generic recipient" not in d.notes and set(d.recipients) & set(d.actors):
        # "Georgian police detained Georgian protesters" keeps both (a generic recipient)
        d = replace(d, recipients=[r for r in d.recipients if r not in d.actors])
    if not d.actors:
        return []
    info = s.onto.types[d.type]
    if not d.recipients and d.pattern.has("needobj"):
        return []
    # PLOVER wants a recipient for COOPERATE, AID and SANCTION: the parties of a joint act are
    # each other's; a specific pattern ("imposed sanctions") may stand without one.
    if info.requires_recipient and not d.recipients and d.parties < 2 and d.pattern.has("weak"):
        return []
    if d.in_condition:  # "... if Washington refused to change": a condition, not a reported act
        return []
    # a meeting needs two parties ("X discussed Europe's role" is no consultation), or a group
    # that meets among itself ("NATO leaders gathered")
    if d.type == "CONSULT" and d.parties < 2 and not d.group and d.mode != "third-party":
        return []
    return [d]
