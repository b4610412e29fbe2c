"""The event model in the coder: it scores the candidates of a sentence, adds the events the rules
did not find, and drops rule drafts it is sure are no events.

For a candidate the rules left alone whose most likely type reaches ``threshold``, a draft is built
the way the finders build one (subject's actors act; objects and the type's prepositions name
recipients; a noun takes its light verb's subject, an adjective its speaker); it then goes through
the rules like any other draft. A rule draft whose word the model calls "not an event" with at
least ``veto`` is dropped (``veto`` = 1 keeps them all).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..draft import Draft
from ..grammar import VERB_POS, is_passive
from ..lexicon import Pattern
from ..participants import subject_actors, verb_participants
from ..sentence import Sentence
from .features import candidates, features
from .linear import NONE, EventModel

if TYPE_CHECKING:
    from ...nlp import Token

__all__ = ["ModelSettings", "Scored", "propose", "score"]


@dataclass(frozen=True)
class ModelSettings:
    """When the model adds a draft (``threshold``) and when it drops one of the rules' (``veto``)."""

    threshold: float = 0.5
    veto: float = 1.0

    @classmethod
    def of(cls, model: EventModel | None) -> ModelSettings:
        """The settings a model was tuned with (stored in its file), else the defaults."""
        if model is None:
            return cls()
        return cls(
            threshold=float(model.meta.get("threshold", cls.threshold)),
            veto=float(model.meta.get("veto", cls.veto)),
        )


@dataclass(frozen=True)
class Scored:
    """A candidate with its features and vector (for training), or its probabilities (when coding)."""

    token: Token
    features: list[str]
    vector: Any
    probabilities: dict[str, float] | None = None


def _claimed(drafts: list[Draft]) -> dict[int, str]:
    out: dict[int, str] = {}
    for d in drafts:
        for t in d.trigger:
            out.setdefault(t.i, d.type)
        out[d.anchor.i] = d.type
    return out


def score(s: Sentence, drafts: list[Draft], model: EventModel | None) -> list[Scored]:
    """The sentence's candidates with their features (and the model's probabilities, with a model)."""
    claimed = _claimed(drafts)
    vectors = s.sent.doc.vectors
    out: list[Scored] = []
    for tok in candidates(s):
        f = features(s, tok, claimed, bool(s.speaker_of(tok)))
        vector = vectors[tok.i] if vectors is not None else None
        probs = model.probabilities(f, vector) if model is not None else None
        out.append(Scored(tok, f, vector, probs))
    return out


def propose(s: Sentence, drafts: list[Draft], model: EventModel, settings: ModelSettings) -> list[Draft]:
    """``drafts`` less those the model vetoes, plus the drafts it adds."""
    scored = score(s, drafts, model)
    by_token = {x.token.i: x.probabilities or {} for x in scored}
    kept: list[Draft] = []
    for d in drafts:
        probs = by_token.get(d.anchor.i) or next((by_token[t.i] for t in d.trigger if t.i in by_token), None)
        if probs is not None:
            d.model = probs.get(d.type, 0.0)
            if probs.get(NONE, 0.0) >= settings.veto:
                continue
        kept.append(d)
    claimed = _claimed(drafts)
    for x in scored:
        tok = x.token
        if tok.i in claimed or tok.i in s.consumed or not x.probabilities:
            continue
        best = max((c for c in x.probabilities if c != NONE), key=lambda c: x.probabilities[c])  # type: ignore[index]
        if x.probabilities[best] < settings.threshold:
            continue
        draft = _draft(s, tok, best)
        if draft is not None:
            draft.model = x.probabilities[best]
            draft.notes.append("found by the event model")
            kept.append(draft)
            s.consumed.add(tok.i)
    return kept


def _pattern(s: Sentence, tok: Token, ptype: str) -> Pattern:
    kind = "V" if tok.pos_ in VERB_POS else "N" if tok.pos_ in ("NOUN", "PROPN") else "A"
    return Pattern(
        kind=kind,
        head=tok.keys[0],
        comps=(),
        preps=(),
        mods=(),
        obj=None,
        type=ptype,
        mode=None,
        contexts=(),
        cameo=s.onto.cameo_for(ptype, None, ()),
        flags=frozenset({"model"}),
        source="event model",
    )


def _draft(s: Sentence, tok: Token, ptype: str) -> Draft | None:
    p = _pattern(s, tok, ptype)
    if tok.pos_ in VERB_POS:
        draft = s.draft(p, [tok], tok, subject_actors(s, tok))
        verb_participants(s, draft, tok, p, [])
        if not draft.actors and is_passive(tok):
            for x in s.grammar.prep_objects(tok, ("by",)):
                draft.actors += [a for a in s.actors.phrase_actors(x) if a not in draft.actors]
        return draft
    head = tok.head
    if tok.pos_ in ("NOUN", "PROPN"):
        anchor = head if head.pos_ in VERB_POS and tok.dep_ in ("dobj", "attr", "nsubjpass", "pobj") else tok
        subj = subject_actors(s, anchor) if anchor is not tok else []
        return s.find.noun_draft(s, p, tok, [tok], anchor, subj, False)
    # an adjective said of something ("is unacceptable", "was not achievable"): its speaker judges
    anchor = head if head.pos_ in VERB_POS else tok
    judges = s.speaker_of(anchor)
    if not judges:
        return None
    draft = s.draft(p, [tok], anchor, judges)
    for x in s.grammar.subjects(anchor) if anchor is not tok else []:
        draft.recipients += [
            a for a in s.actors.phrase_actors(x) if a not in draft.recipients and a not in judges
        ]
    return draft
