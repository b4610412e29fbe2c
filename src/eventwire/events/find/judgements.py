"""Judgements: events said with an adjective or a judged noun rather than a verb.

"called Ukraine's accession to NATO unlikely" -> REJECT by the caller; inside reported speech
"X is unrealistic" -> REJECT by the speaker; "called the launch a provocation" -> ACCUSE;
"ready to talk", "open to cooperation" -> AGREE (a frame, :mod:`.frames`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..draft import Draft
from ..sentence import Sentence

if TYPE_CHECKING:
    from ...nlp import Token

__all__ = ["adjective_event", "judging_word"]


def judging_word(s: Sentence, tok: Token) -> bool:
    """An adjective, or a noun a judging verb predicates of its object ("called the launch a provocation")."""
    if tok.pos_ == "ADJ":
        return True
    return tok.pos_ == "NOUN" and (
        tok.dep_ in ("oprd", "xcomp")
        or (tok.dep_ == "pobj" and s.grammar.is_prep(tok.head, ("as",)))
        or _second_object(tok)
    )


def adjective_event(s: Sentence, adj: Token) -> Draft | None:
    hit = s.best(("A",), adj)
    if hit is None:
        return None
    p, extra = hit
    assert p.type is not None
    head = adj.head
    copulas = s.words.gram("copulas")
    if p.has("frame"):  # "ready to talk", "open to cooperation"
        if head.lemma_.lower() not in copulas and adj.dep_ not in ("acomp", "oprd"):
            return None
        actors = s.find.subject_actors(s, head)
        s.consumed.update([adj.i, head.i])
        return s.find.frame(s, p, adj, [adj, *extra], actors)
    judge, judged, anchor = _judgement(s, adj)
    if not judge:
        return None
    if p.type == "ACCUSE" and adj.head.lemma_.lower() in copulas:
        mood = s.modality(adj.head)
        if mood.future or mood.modal:  # "they would be responsible for the consequences": a warning
            return None
    s.consumed.update([adj.i, anchor.i])
    draft = s.draft(p, [adj, *extra], anchor, judge)
    for t in judged:
        draft.recipients += [a for a in s.actors.phrase_actors(t) if a not in draft.recipients]
    if not draft.recipients:  # "called the strikes an escalation": those who struck
        for t in judged:
            draft.recipients += [
                a for a in s.find.earlier_event_actors(s, t, judge) if a not in draft.recipients
            ]
    return draft


def _judgement(s: Sentence, adj: Token) -> tuple[list[str], list[Token], Token]:
    """(who judges, what is judged, anchor verb) for an evaluative adjective."""
    head = adj.head
    if adj.dep_ in ("acomp", "attr") and head.lemma_.lower() in s.words.gram("copulas"):
        judged = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if head.dep_ in ("ccomp", "xcomp", "oprd") and s.judging(head.head):
            return s.find.subject_actors(s, head.head), judged, head.head
        return s.speaker_of(head), judged, head
    if adj.dep_ == "pobj" and s.grammar.is_prep(head, ("as",)) and s.judging(head.head):
        verb = head.head  # "described X as a threat"
        return s.find.subject_actors(s, verb), [c for c in verb.children if c.dep_ == "dobj"], verb
    if (adj.dep_ in ("oprd", "xcomp", "ccomp", "acomp") or _second_object(adj)) and s.judging(head):
        judged = [c for c in head.children if c.dep_ == "dobj" and c.i < adj.i]
        judged += [c for c in adj.children if c.dep_ == "nsubj"]
        return s.find.subject_actors(s, head), judged, head
    if adj.dep_ == "amod" and adj.i > head.i:  # "called Ukraine's accession to NATO unlikely"
        t = head
        for _ in range(6):
            if t.dep_ in ("dobj", "conj", "oprd") and s.judging(t.head):
                return s.find.subject_actors(s, t.head), [t], t.head
            if t.dep_ == "prep" and s.judging(t.head):  # "called the visit by X reckless"
                judged = [c for c in t.head.children if c.dep_ == "dobj"]
                judged += [c for c in t.children if c.dep_ == "pobj"]
                return s.find.subject_actors(s, t.head), judged, t.head
            if t.dep_ in ("dobj", "pobj", "prep", "conj", "oprd") and t.head is not t:
                t = t.head
                continue
            break
    return [], [], adj


def _second_object(tok: Token) -> bool:
    """ "called the drill a provocation" parsed with two direct objects: the later one judges the first."""
    return tok.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children)
