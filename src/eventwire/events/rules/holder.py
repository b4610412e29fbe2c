"""Who is asked to release or withdraw: "France called for their release" after "Iran detained two
French citizens" -> Iran. The holder is the actor of the last event a retreat would undo, one aimed
at the requesting side if there is one."""

from __future__ import annotations

from dataclasses import replace

from ..draft import Draft
from ..sentence import Sentence
from .content import unaimed

ORDER = 50


def apply(d: Draft, s: Sentence) -> list[Draft]:
    if not unaimed(d) or d.type not in ("REQUEST", "REJECT", "SUPPORT") or d.mode != "yield":
        return [d]
    found = _holder(d, s)
    if not found:
        return [d]
    return [replace(d, recipients=found, notes=[*d.notes, "recipient: the holder asked to yield"])]


def _holder(d: Draft, s: Sentence) -> list[str]:
    mine = set(d.actors) | {s.actors.country(a) for a in d.actors} - {None}
    fallback: list[str] = []
    for earlier in reversed(s.history):
        if (
            earlier.type not in s.onto.group("undone_by_retreat")
            or earlier is d
            or set(earlier.actors) & mine
        ):
            continue
        if any(r in mine or s.actors.country(r) in mine for r in earlier.recipients):
            return list(earlier.actors)
        fallback = fallback or list(earlier.actors)
    return fallback
