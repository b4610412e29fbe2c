"""Participants: who acts and who is acted on in a verbal event, as actor ids.

The subject's actors act (an unnamed organ of a state, "police", acts for its country; "both
sides" are the parties of the last event with two of them); objects and the prepositions of the
event's type name recipients; reciprocal patterns make partners co-actors; a host receiving a
visitor is the recipient. The rules read roles from the tree (:mod:`.grammar`) and prepositions
from the language's data (:class:`~eventwire.events.words.Words`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .draft import Draft
from .grammar import VERB_POS
from .lexicon import Pattern
from .sentence import Sentence, add

if TYPE_CHECKING:
    from ..nlp import Token

__all__ = ["earlier_event_actors", "subject_actors", "verb_participants"]


def subject_actors(s: Sentence, verb: Token) -> list[str]:
    """The actors of the verb's logical subject."""
    out: list[str] = []
    for subj in s.grammar.subjects(verb):
        add(out, s.actors.phrase_actors(subj))
        if not out and s.grammar.counted_group(subj):
            add(out, s.last_parties(s.grammar.counted_group(subj)))
        if not out and s.matcher.generic_group(subj):
            add(out, s.actors.home_country(subj))
    return out


def earlier_event_actors(s: Sentence, noun: Token, exclude: list[str]) -> list[str]:
    """Who did the earlier event a reaction names ("condemned the detentions" -> the detainers)."""
    hit = s.noun_hit(noun)
    if hit is None or hit[0].type is None:
        return []
    if any(s.actors.phrase_actors(c, strict=True) for c in noun.children if c.dep_ == "poss"):
        return []
    for earlier in reversed(s.history):
        if earlier.type == hit[0].type and earlier.actors and not set(earlier.actors) & set(exclude):
            return list(earlier.actors)
    return []


def verb_participants(s: Sentence, draft: Draft, verb: Token, p: Pattern, extra: list[Token]) -> None:
    """Fill the recipients (and partners) of a verbal event from the verb's objects and phrases."""
    g, words, actors = s.grammar, s.words, s.actors
    recip = p.has("recip")
    strict = recip or p.has("needobj")
    skip = {t.i for t in extra}
    recipient_preps = words.recipient_preps(draft.type)
    partner_preps = words.partner_preps(draft.type)
    objs = g.patients(verb) + g.prep_objects(verb, ("at", "against", "on"))
    for obj in objs + [x for o in objs for x in g.prep_objects(o, ("of",))]:
        # troops sent or deployed are the instrument, not the recipient
        civil_only = draft.type in s.onto.group("sent_objects")
        if s.matcher.generic_group(obj, civil=civil_only) and not actors.phrase_actors(obj, strict=True):
            # "detained dozens of demonstrators": the people of the country where it happens
            # the article's main country only when an unnamed organ of it acts ("police detained
            # protesters"); a named attacker's victims may be the other side's
            domestic = any(s.matcher.generic_group(x) for x in g.subjects(verb))
            home = actors.home_country(obj, fallback=domestic)
            draft.recipients += [a for a in home if a not in draft.recipients]
            draft.notes.append("generic recipient")
    for obj in g.patients(verb):
        if obj.i in skip and p.kind == "VO":
            # the pattern's own object ("imposed sanctions on X", "confirmed Hegseth's words")
            for r in [c for c in obj.children if c.dep_ == "poss"]:
                add(draft.recipients, actors.phrase_actors(r, strict=True))
            for r in g.prep_objects(obj, recipient_preps):
                add(draft.recipients, actors.phrase_actors(r))
            if not draft.recipients and draft.type in s.onto.group("reactions"):
                add(draft.recipients, earlier_event_actors(s, obj, draft.actors))
            for r in g.prep_objects(obj, partner_preps):
                target = draft.actors if draft.type in s.onto.group("partners_act") else draft.recipients
                add(target, actors.phrase_actors(r))
            if not recip:
                add(draft.recipients, actors.phrase_actors(obj))
            continue
        if not strict and not actors.head_actors(obj):
            # "halted American funding for the WHO": the "for" phrase, not the modifier
            targets = [
                a
                for r in g.prep_objects(obj, [x for x in recipient_preps if x != "with"])
                for a in actors.phrase_actors(r, strict=True)
            ]
            if targets:
                own = {actors.country(a) for a in draft.actors} - {None}
                inside = [a for a in actors.phrase_actors(obj) if actors.country(a) not in own]
                add(draft.recipients, targets + inside)
                continue
        add(draft.recipients, actors.phrase_actors(obj, strict=strict))
        if s.noun_hit(obj) is not None:  # "hosted negotiations between Russia and Ukraine"
            for r in g.prep_objects(obj, ("between", "among", "with")):
                add(draft.recipients, actors.phrase_actors(r))
    recipient_words = words.preps(recipient_preps)
    partner_words = words.preps(partner_preps)
    with_words = words.preps(("with", "between"))
    for r in g.prep_objects(verb, recipient_preps):
        if r.head.i in skip and r.head.lower_ not in recipient_words:
            continue
        if recip and r.head.lower_ in partner_words:
            continue
        add(draft.recipients, actors.phrase_actors(r, strict=recip))
    if recip:
        for r in g.prep_objects(verb, partner_preps):
            with_ = r.head.lower_ in words.preps(("with",))
            target = (
                draft.actors if draft.type in s.onto.group("partners_act") or not with_ else draft.recipients
            )
            add(target, actors.phrase_actors(r))
    if not draft.recipients and draft.type in s.onto.group("reactions"):
        for obj in g.patients(verb):
            add(draft.recipients, earlier_event_actors(s, obj, draft.actors))
    own_place = words.preps(("of", "for", "in"))
    for prep in extra:  # the pattern's own preposition names a participant ("arrived in Beijing")
        if (prep.dep_ == "prep" and prep.lower_ not in own_place) or (
            prep.lower_ in words.preps(("in",)) and p.mode
        ):
            for r in prep.children:
                if r.dep_ == "pobj":
                    target = draft.actors if recip and prep.lower_ in with_words else draft.recipients
                    add(target, actors.phrase_actors(r))
    if not draft.recipients and not recip:
        recipients_in_object(s, draft, verb, extra)
    if p.has("recv") and draft.recipients:
        # the host receives the visitor: PLOVER codes the visitor as actor, the host as recipient
        draft.actors, draft.recipients = draft.recipients, draft.actors


def recipients_in_object(s: Sentence, draft: Draft, verb: Token, extra: list[Token]) -> None:
    """Recipients the parser hung inside the object or the pattern's own phrase.

    "cut its electricity supply to Niger", "withdrawing from the agreement with Iran",
    "extradited the trafficker known as Otoniel to the US", "sanctions that ban North Korean exports".
    """
    g, actors = s.grammar, s.actors
    preps = [x for x in s.words.recipient_preps(draft.type) if x != "with"]
    preps += ["with"] * (draft.type in s.onto.group("with_in_object"))
    holders = [o for o in g.patients(verb) if not actors.head_actors(o)]
    holders += [x for o in holders for x in g.prep_objects(o, ("of",))]  # "the first of several flights"
    holders += [x for t in extra if t.dep_ == "prep" for x in t.children if x.dep_ == "pobj"]
    holders += [t for t in extra if t.dep_ in ("dobj", "nsubjpass")]
    for obj in holders:
        for r in g.prep_objects(obj, preps):
            add(draft.recipients, actors.phrase_actors(r, strict=True))
    if draft.recipients:
        return
    for obj in holders:
        for clause in obj.children:
            if clause.dep_ in ("acl", "relcl") and clause.pos_ in VERB_POS:
                for r in g.prep_objects(clause, preps):
                    add(draft.recipients, actors.phrase_actors(r, strict=True))
                for r in g.patients(clause):
                    if r is not obj:
                        add(draft.recipients, actors.phrase_actors(r))
