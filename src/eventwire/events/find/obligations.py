"""Obligations in reported speech: "Europe should spend more", "Ukraine will have to hold elections"
said by someone -> REQUEST by the speaker to the clause's subject, recoding the obliged event where
the lexicon knows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..draft import Draft
from ..modality import Modality
from ..sentence import Sentence

if TYPE_CHECKING:
    from ...nlp import Token

__all__ = ["modal_request"]


def modal_request(s: Sentence, verb: Token) -> Draft | None:
    pattern = s.matcher.obligation(verb)
    if pattern is None:
        return None
    speaker = s.speaker_of(verb)
    if not speaker:
        return None
    addressee = [a for a in s.find.subject_actors(s, verb) if a not in speaker]
    if not addressee:
        return None
    inner_verb = verb
    if pattern.preps:  # "has to", "needs to": the obliged event is the verb's clause
        inner_verb = next(c for c in verb.children if c.dep_ == "xcomp")
    s.consumed.add(verb.i)
    inner = None
    if s.verb_hit(inner_verb) is not None or s.light_patterns(inner_verb):
        inner = s.find.verb_event(s, inner_verb)
    trigger = [verb] if inner_verb is verb else [verb, inner_verb]
    if inner is not None:
        draft = s.find.recode(s, "REQUEST", inner, trigger, speaker, addressee)
    else:
        draft = s.draft(pattern, trigger, verb, speaker)
        frame = s.onto.frame("REQUEST", "*")
        if frame is not None:
            draft.mode, draft.cameo = frame.mode, frame.cameo
        draft.recipients = addressee
    draft.notes.append("obligation in reported speech")
    draft.modality = Modality(
        negated=False, future=False, modal=False, conditional=draft.modality.conditional
    )
    return draft
