"""Mediation: "helped to facilitate the exchange" -> the mediator's parties are the exchange's."""

from __future__ import annotations

from dataclasses import replace

from ..draft import Draft
from ..sentence import Sentence

ORDER = 40


def apply(d: Draft, s: Sentence) -> list[Draft]:
    if d.type != "CONSULT" or d.mode != "third-party" or d.parties >= 2:
        return [d]
    recipients = list(d.recipients)
    for obj in s.grammar.patients(d.anchor):
        recipients += [a for a in s.find.earlier_event_actors(s, obj, d.actors) if a not in recipients]
    return [replace(d, recipients=recipients)]
