"""Agentless passives: who acted when the sentence does not say "by whom".

- "Two journalists were arrested in Tehran": a state arrests on its own soil -> the country of the place;
- "The ambassador was summoned to the foreign ministry": the ministry summoning him acts;
- "Peacekeepers from France will be deployed in X": the troops' own state deploys them;
- "The hostages were freed", "sanctions on Iran will be lifted": whoever held them or imposed them,
  from an earlier event of the article with the same recipient.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .roles import patients, prep_objects

if TYPE_CHECKING:
    from ..nlp import Token
    from .extract import Draft, SentenceMatcher

__all__ = ["holder_of", "implied_agent", "undone_recipients"]

#: Event types a retreat or concession undoes (release -> the detention, lifting -> the sanction).
UNDOES = frozenset({"COERCE", "ASSAULT", "SANCTION", "MOBILIZE"})


def implied_agent(m: SentenceMatcher, draft: Draft, verb: Token) -> None:
    """Fill ``draft.actors`` for an agentless passive where the sentence or article implies them."""
    if any(c.dep_ == "agent" for c in verb.children):
        return
    if draft.mode in ("expel", "deport"):  # "two diplomats were expelled from Poland"
        for r in prep_objects(verb, ("from",)):
            draft.actors = m.actors.phrase_actors(r)
            if draft.actors:
                draft.recipients = [a for a in draft.recipients if a not in draft.actors]
                draft.notes.append("agent from the country left")
                return
    if draft.type == "COERCE":
        place = m.actors.home_country(verb, fallback=False)
        if place:
            draft.actors = place
            draft.notes.append("agent from the place")
    elif draft.type == "ACCUSE":
        for r in prep_objects(verb, ("to", "by")):
            draft.actors = m.actors.phrase_actors(r)
            if draft.actors:
                draft.recipients = [a for a in draft.recipients if a not in draft.actors]
                draft.notes.append("agent from the summoning body")
                return
        if draft.recipients and draft.mode == "disapprove":
            # "the Russian ambassador was summoned": by the country the article is about
            envoy = {m.actors.country(a) for a in draft.recipients}
            weight: dict[str, int] = {}
            for actor in m.actors.layer.actors:
                if actor.country and actor.country not in envoy:
                    weight[actor.country] = weight.get(actor.country, 0) + len(actor.mentions)
            hosts = [a for a in m.actors.layer.actors if a.kind == "country" and a.country in weight]
            if hosts:
                best = max(hosts, key=lambda a: (weight[a.country or ""], len(a.mentions)))
                draft.actors = [best.id]
                draft.notes.append("agent: the article's other country")
    elif draft.type == "MOBILIZE":
        own = [a for s in patients(verb) for a in m.actors.phrase_actors(s)]
        if own:
            draft.actors = own
            draft.recipients = [
                a for r in prep_objects(verb, ("in", "to", "into")) for a in m.actors.phrase_actors(r)
            ]
            draft.notes.append("agent from the troops' side")
    elif draft.type in ("RETREAT", "CONCEDE"):
        held = set(draft.recipients)
        for s in patients(verb):
            held |= {a for r in prep_objects(s, ("on", "against")) for a in m.actors.phrase_actors(r)}
        for earlier in reversed(m.history):
            if earlier.type in UNDOES and earlier.actors and held & set(earlier.recipients):
                draft.actors = list(earlier.actors)
                draft.recipients = [a for a in draft.recipients if a not in draft.actors] or [
                    a for a in held if a not in draft.actors
                ]
                draft.notes.append("agent from the event undone")
                return
        if draft.mode == "release" and not m.history:  # released where they were held
            place = m.actors.home_country(verb, fallback=False)
            held_by = [a for a in place if a not in draft.recipients]
            if held_by:
                draft.actors = held_by
                draft.notes.append("agent from the place")
                return
        if draft.mode == "release":  # "the hostages were freed": by those who took them
            for earlier in reversed(m.history):
                if earlier.actors and (earlier.type == "COERCE" or earlier.mode == "abduct"):
                    draft.actors = list(earlier.actors)
                    if not draft.recipients:
                        draft.recipients = [a for a in earlier.recipients if a not in draft.actors]
                    draft.notes.append("agent from the detention")
                    return


def undone_recipients(m: SentenceMatcher, draft: Draft) -> list[str]:
    """Who a retreat or concession with no recipient favours: the target of what the same actors did
    earlier ("Hamas released the hostages" after "Hamas seized Israeli soldiers"; "Russia lifted the ban")."""
    if draft.type not in ("RETREAT", "CONCEDE") or not draft.actors:
        return []
    mine = set(draft.actors)
    for earlier in reversed(m.history):
        if earlier is draft or earlier.type not in UNDOES or not mine & set(earlier.actors):
            continue
        return [a for a in earlier.recipients if a not in mine]
    return []


def holder_of(m: SentenceMatcher, draft: Draft) -> list[str]:
    """Who is asked to release or withdraw: "France called for their release" after "Iran detained two
    French citizens" -> Iran. The holder is the actor of the last event a retreat would undo, one
    aimed at the requesting side if there is one."""
    if draft.type not in ("REQUEST", "REJECT", "SUPPORT") or draft.mode != "yield":
        return []
    mine = set(draft.actors) | {m.actors.country(a) for a in draft.actors} - {None}
    fallback: list[str] = []
    for earlier in reversed(m.history):
        if earlier.type not in UNDOES or earlier is draft or set(earlier.actors) & mine:
            continue
        if any(r in mine or m.actors.country(r) in mine for r in earlier.recipients):
            return list(earlier.actors)
        fallback = fallback or list(earlier.actors)
    return fallback
