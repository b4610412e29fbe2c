"""Verbal events: a verb the lexicon knows, with its subject's actors and its objects' recipients.

"Russia accused Ukraine of ...", "troops were deployed to the border", "the US imposed sanctions
on Iran". A framing verb ("agreed to", "refused to") hands over to :mod:`.frames`; a decision verb
with an event noun ("approved an aid package") to the light-verb reading of :mod:`.nouns`; a
passive with no agent asks :mod:`.agents` who acted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..draft import Draft
from ..grammar import is_passive
from ..participants import verb_participants
from ..sentence import Sentence, add
from .agents import implied_agent

if TYPE_CHECKING:
    from ...nlp import Token

__all__ = ["verb_event"]


def verb_event(s: Sentence, tok: Token) -> Draft | None:
    hit = s.verb_hit(tok)
    if hit is None:
        return s.find.light_event(s, tok)
    p, extra = hit
    if p.has("weak") and not p.has("frame") and s.light_patterns(tok):
        # "approved an aid package": a decision verb lends itself to the event it names
        light = s.find.light_event(s, tok)
        if light is not None:
            return light
    s.consumed.update([tok.i, *(t.i for t in extra)])
    actors = s.find.subject_actors(s, tok)
    if p.has("frame"):
        return s.find.frame(s, p, tok, [tok, *extra], actors)
    if (
        p.has("future")
        and not (m := s.modality(tok)).future
        and not m.modal
        and not m.conditional
        and not (tok.dep_ == "xcomp" and s.grammar.infinitive(tok))  # "vowed to retaliate"
    ):
        return None  # "Russia would respond": a threat; "Russia responded" is another event
    if p.has("weak") and s.grammar.says_that(tok):  # "demonstrated that they are ready": a claim, not a rally
        return None
    draft = s.draft(p, [tok, *extra], tok, actors)
    verb_participants(s, draft, tok, p, extra)
    if not draft.actors and is_passive(tok):
        _agent_from_event_noun(s, draft, tok)
    if not draft.actors and is_passive(tok):
        implied_agent(s, draft, tok)
    return draft


def _agent_from_event_noun(s: Sentence, draft: Draft, verb: Token) -> None:
    """ "soldiers were killed in a clash with Chinese troops": the clash names who fought."""
    g, actors = s.grammar, s.actors
    for noun in g.prep_objects(verb, ("in", "during")):
        hit = s.noun_hit(noun)
        if hit is None or hit[0].type != draft.type:
            continue
        for a in g.noun_agents(noun):
            add(draft.actors, actors.phrase_actors(a, strict=True))
        partners = [a for r in g.prep_objects(noun, ("with", "between")) for a in actors.phrase_actors(r)]
        if partners and (hit[0].has("recip") or s.onto.types[draft.type].reciprocal):
            add(draft.actors, [*draft.recipients, *partners])  # both sides fought
            draft.recipients = []
        elif partners:
            add(draft.actors, partners)
        s.consumed.add(noun.i)
        return
