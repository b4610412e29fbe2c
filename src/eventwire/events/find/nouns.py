"""Nominal events: an event noun with a light or reporting verb, or standing alone as a headline.

"held talks with", "carried out strikes on", "announced the release of", "the start of talks",
"a package of sanctions", "$30 million in aid"; "Putin and Trump held talks" parsed as a noun
phrase. The light verb lends its subject and tense to the noun's event; a reporting verb lends its
subject only where the noun names no agent of its own ("announced Russia's withdrawal").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..draft import Draft
from ..grammar import coordinated, is_amount, is_passive
from ..lexicon import Pattern
from ..match import Hit
from ..sentence import Sentence, add

if TYPE_CHECKING:
    from ...nlp import Token

__all__ = ["headline_event", "light_event", "noun_draft", "noun_or_onset"]


def light_event(s: Sentence, verb: Token) -> Draft | None:
    for lp in s.light_patterns(verb):
        for noun in _governed_nouns(s, verb, lp):
            found = noun_or_onset(s, noun)
            if found is None:
                continue
            (np, extra), target, onset = found
            s.consumed.update([verb.i, noun.i, target.i])
            subj = [] if lp.has("subj") else s.find.subject_actors(s, verb)
            draft = noun_draft(s, np, target, [verb, target, *extra], verb, subj, lp.has("report"))
            if onset and lp.has("report"):
                return s.find.recode(s, "AGREE", draft, [verb, noun, target], subj, [])
            return draft
    return None


def _governed_nouns(s: Sentence, verb: Token, lp: Pattern) -> list[Token]:
    if lp.has("subj"):
        base = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        base = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        if is_passive(verb):
            base += [c for c in verb.children if c.dep_ == "nsubjpass"]
        base += s.grammar.prep_objects(verb, [prep for prep, _ in lp.preps] or ["in", "into"])
    return [t for b in base for t in coordinated(b)]


def noun_or_onset(s: Sentence, noun: Token) -> tuple[Hit, Token, bool] | None:
    """The event noun at ``noun``, behind an onset noun ("the start of talks"), or behind a
    container ("a package of sanctions", "$30 million in aid")."""
    hit = s.noun_hit(noun)
    onset, container = s.matcher.onsets(noun)
    if onset or container or (hit is None and is_amount(noun)):
        for inner in s.grammar.prep_objects(noun, ("of", "in")):
            inner_hit = s.noun_hit(inner)
            if inner_hit is not None:
                return inner_hit, inner, bool(onset)
    if hit is not None:
        return hit, noun, False
    return None


def noun_draft(
    s: Sentence, p: Pattern, noun: Token, trigger: list[Token], anchor: Token, subj: list[str], report: bool
) -> Draft:
    """The draft of event noun ``noun``: its own agents ("Russia's invasion"), the light verb's
    subject, and recipients from the noun's and the verb's prepositional phrases."""
    g, words, actors = s.grammar, s.words, s.actors
    agents: list[str] = []
    for a in g.noun_agents(noun):
        add(agents, actors.phrase_actors(a, strict=True))
    chosen = list(agents) if (report and agents) else list(subj)
    if not report:
        add(chosen, agents)
    draft = s.draft(p, trigger, anchor, chosen)
    ptype = draft.type
    recip = p.has("recip") or s.onto.types[ptype].reciprocal
    partners = words.partner_preps(ptype)
    for holder in (noun, anchor):
        if recip:
            for r in g.prep_objects(holder, partners):
                add(draft.actors, actors.phrase_actors(r))
        preps = [x for x in words.recipient_preps(ptype) if not (recip and x in partners)]
        if holder is noun and not recip:
            preps.append("of")
        for r in g.prep_objects(holder, preps, deep=holder is noun):
            add(draft.recipients, actors.phrase_actors(r, strict=recip))
    return draft


def headline_event(s: Sentence, noun: Token) -> Draft | None:
    """ "Putin and Trump held talks on May 20" parsed as a noun phrase: [held]-amod-> talks."""
    verb = next(
        (c for c in noun.children if c.dep_ == "amod" and c.morph.has("Tense", "Past") and c.i < noun.i), None
    )
    if verb is None or not s.light_patterns(verb):
        return None
    hit = s.noun_hit(noun)
    if hit is None:
        return None
    subjects = [c for c in [*noun.children, *verb.children] if c.dep_ in ("nsubj", "nmod") and c.i < verb.i]
    found: list[str] = []
    for x in subjects:
        add(found, s.actors.phrase_actors(x))
    if not found:
        return None
    p, extra = hit
    s.consumed.update([noun.i, verb.i])
    return noun_draft(s, p, noun, [verb, noun, *extra], verb, found, False)
