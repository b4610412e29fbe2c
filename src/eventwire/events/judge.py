"""Judgements and obligations: events said with adjectives and modals rather than verbs.

- "called Ukraine's accession to NATO unlikely" -> REJECT by the caller; inside reported speech
  "X is unrealistic" -> REJECT by the speaker; "ready to talk", "open to cooperation" -> AGREE.
- "Europe should spend more" inside reported speech -> REQUEST by the speaker to the subject.

Functions over a :class:`~eventwire.events.extract.SentenceMatcher` (they use its lexicon,
actors and frames); the matcher calls them for adjectives and for verbs with obligation modals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Pattern
from .modality import Modality, modality
from .syntax import lemma_keys

if TYPE_CHECKING:
    from ..nlp import Token
    from .extract import Draft, SentenceMatcher

__all__ = ["adjective_event", "modal_request"]

COPULAS = frozenset({"be", "seem", "remain", "appear", "look", "become", "sound", "prove"})


def adjective_event(m: SentenceMatcher, adj: Token) -> Draft | None:
    hit = m._best(("A",), adj)
    if hit is None:
        return None
    p, extra = hit
    assert p.type is not None
    head = adj.head
    if p.has("frame"):  # "ready to talk", "open to cooperation"
        if head.lemma_.lower() not in COPULAS and adj.dep_ not in ("acomp", "oprd"):
            return None
        actors = m._subject_actors(head)
        m.consumed.update([adj.i, head.i])
        return m._frame(p, adj, [adj, *extra], actors)
    judge, judged, anchor = judgement(m, adj)
    if not judge:
        return None
    if p.type == "ACCUSE" and adj.head.lemma_.lower() in COPULAS:
        mood = modality(adj.head)
        if mood.future or mood.modal:  # "they would be responsible for the consequences": a warning
            return None
    m.consumed.update([adj.i, anchor.i])
    draft = m._draft(p, [adj, *extra], anchor, judge)
    for t in judged:
        draft.recipients += [a for a in m.actors.phrase_actors(t) if a not in draft.recipients]
    if not draft.recipients:  # "called the strikes an escalation": those who struck
        for t in judged:
            draft.recipients += [a for a in m._earlier_event_actors(t, judge) if a not in draft.recipients]
    return draft


def judgement(m: SentenceMatcher, adj: Token) -> tuple[list[str], list[Token], Token]:
    """(who judges, what is judged, anchor verb) for an evaluative adjective."""
    head = adj.head
    hl = head.lemma_.lower()
    if adj.dep_ in ("acomp", "attr") and hl in COPULAS:
        judged = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if head.dep_ in ("ccomp", "xcomp", "oprd") and is_judging(m, head.head):
            return m._subject_actors(head.head), judged, head.head
        return m.speaker_of(head), judged, head
    if adj.dep_ == "pobj" and head.lower_ == "as" and is_judging(m, head.head):  # "described X as a threat"
        verb = head.head
        return m._subject_actors(verb), [c for c in verb.children if c.dep_ == "dobj"], verb
    if (adj.dep_ in ("oprd", "xcomp", "ccomp", "acomp") or second_object(adj)) and is_judging(m, head):
        judged = [
            c for c in head.children if c.dep_ in ("dobj", "nsubj") and c.i < adj.i and c.dep_ == "dobj"
        ]
        judged += [c for c in adj.children if c.dep_ == "nsubj"]
        return m._subject_actors(head), judged, head
    if adj.dep_ == "amod" and adj.i > head.i:  # "called Ukraine's accession to NATO unlikely"
        t = head
        for _ in range(6):
            if t.dep_ in ("dobj", "conj", "oprd") and is_judging(m, t.head):
                return m._subject_actors(t.head), [t], t.head
            if t.dep_ == "prep" and is_judging(m, t.head):  # "called the visit by X reckless"
                judged = [c for c in t.head.children if c.dep_ == "dobj"]
                judged += [c for c in t.children if c.dep_ == "pobj"]
                return m._subject_actors(t.head), judged, t.head
            if t.dep_ in ("dobj", "pobj", "prep", "conj", "oprd") and t.head is not t:
                t = t.head
                continue
            break
    return [], [], adj


def second_object(tok: Token) -> bool:
    """ "called the drill a provocation" parsed with two direct objects: the later one judges the first."""
    return tok.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children)


def is_judging(m: SentenceMatcher, tok: Token) -> bool:
    return any(
        m._satisfied(p, tok) is not None
        for p in [p for key in lemma_keys(tok)[:2] for p in m.lex.get("F", key)]
    )


def modal_request(m: SentenceMatcher, verb: Token) -> Draft | None:
    pattern = obligation(m, verb)
    if pattern is None:
        return None
    speaker = m.speaker_of(verb)
    if not speaker:
        return None
    addressee = [a for a in m._subject_actors(verb) if a not in speaker]
    if not addressee:
        return None
    inner_verb = verb
    if verb.lemma_.lower() in ("have", "need"):
        inner_verb = next(c for c in verb.children if c.dep_ == "xcomp")
    m.consumed.add(verb.i)
    inner = None
    if m.verb_hit(inner_verb) is not None or m._light_patterns(inner_verb):
        inner = m._verb_event(inner_verb)
    trigger = [verb] if inner_verb is verb else [verb, inner_verb]
    if inner is not None:
        draft = m._recode("REQUEST", inner, trigger, speaker, addressee)
    else:
        draft = m._draft(pattern, trigger, verb, speaker)
        frame = m.onto.frame("REQUEST", "*")
        if frame is not None:
            draft.mode, draft.cameo = frame.mode, frame.cameo
        draft.recipients = addressee
    draft.notes.append("obligation in reported speech")
    draft.modality = Modality(
        negated=False, future=False, modal=False, conditional=draft.modality.conditional
    )
    return draft


def obligation(m: SentenceMatcher, verb: Token) -> Pattern | None:
    for child in verb.children:
        if child.dep_ == "aux":
            for p in m.lex.get("M", child.lemma_.lower()) + m.lex.get("M", child.lower_):
                if not p.preps:
                    return p
    lemma = verb.lemma_.lower()
    for p in m.lex.get("M", lemma):
        if p.preps and any(
            c.dep_ == "xcomp" and any(a.lower_ == p.preps[0][0] for a in c.children if a.dep_ == "aux")
            for c in verb.children
        ):
            return p
    return None
