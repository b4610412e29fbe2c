"""Agentless passives: who acted when the sentence does not say "by whom".

- "Two journalists were arrested in Tehran": a state arrests on its own soil -> the country of the place;
- "The ambassador was summoned to the foreign ministry": the ministry summoning him acts;
- "Peacekeepers from France will be deployed in X": the troops' own state deploys them;
- "The hostages were freed", "sanctions on Iran will be lifted": whoever held them or imposed them,
  from an earlier event of the article with the same recipient.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..draft import Draft
from ..sentence import Sentence

if TYPE_CHECKING:
    from ...nlp import Token

__all__ = ["implied_agent"]


def implied_agent(s: Sentence, draft: Draft, verb: Token) -> None:
    """Fill ``draft.actors`` for an agentless passive where the sentence or article implies them."""
    g, actors = s.grammar, s.actors
    if any(c.dep_ == "agent" for c in verb.children):
        return
    if draft.mode in ("expel", "deport"):  # "two diplomats were expelled from Poland"
        for r in g.prep_objects(verb, ("from",)):
            draft.actors = actors.phrase_actors(r)
            if draft.actors:
                draft.recipients = [a for a in draft.recipients if a not in draft.actors]
                draft.notes.append("agent from the country left")
                return
    if draft.type == "COERCE":
        place = actors.home_country(verb, fallback=False)
        if place:
            draft.actors = place
            draft.notes.append("agent from the place")
    elif draft.type == "ACCUSE":
        for r in g.prep_objects(verb, ("to", "by")):
            draft.actors = actors.phrase_actors(r)
            if draft.actors:
                draft.recipients = [a for a in draft.recipients if a not in draft.actors]
                draft.notes.append("agent from the summoning body")
                return
        if draft.recipients and draft.mode == "disapprove":
            # "the Russian ambassador was summoned": by the country the article is about
            envoy = {actors.country(a) for a in draft.recipients}
            weight: dict[str, int] = {}
            for actor in actors.layer.actors:
                if actor.country and actor.country not in envoy:
                    weight[actor.country] = weight.get(actor.country, 0) + len(actor.mentions)
            hosts = [a for a in actors.layer.actors if a.kind == "country" and a.country in weight]
            if hosts:
                best = max(hosts, key=lambda a: (weight[a.country or ""], len(a.mentions)))
                draft.actors = [best.id]
                draft.notes.append("agent: the article's other country")
    elif draft.type == "MOBILIZE":
        own = [a for x in g.patients(verb) for a in actors.phrase_actors(x)]
        if own:
            draft.actors = own
            draft.recipients = [
                a for r in g.prep_objects(verb, ("in", "to", "into")) for a in actors.phrase_actors(r)
            ]
            draft.notes.append("agent from the troops' side")
    elif draft.type in ("RETREAT", "CONCEDE"):
        _undoer(s, draft, verb)


def _undoer(s: Sentence, draft: Draft, verb: Token) -> None:
    """A release or lifting: by whoever detained or imposed, from an earlier event of the article."""
    g, actors = s.grammar, s.actors
    undone = s.onto.group("undone_by_retreat")
    held = set(draft.recipients)
    for x in g.patients(verb):
        held |= {a for r in g.prep_objects(x, ("on", "against")) for a in actors.phrase_actors(r)}
    for earlier in reversed(s.history):
        if earlier.type in undone and earlier.actors and held & set(earlier.recipients):
            draft.actors = list(earlier.actors)
            draft.recipients = [a for a in draft.recipients if a not in draft.actors] or [
                a for a in held if a not in draft.actors
            ]
            draft.notes.append("agent from the event undone")
            return
    if draft.mode == "release" and not s.history:  # released where they were held
        place = actors.home_country(verb, fallback=False)
        held_by = [a for a in place if a not in draft.recipients]
        if held_by:
            draft.actors = held_by
            draft.notes.append("agent from the place")
            return
    if draft.mode == "release":  # "the hostages were freed": by those who took them
        for earlier in reversed(s.history):
            if earlier.actors and (earlier.type == "COERCE" or earlier.mode == "abduct"):
                draft.actors = list(earlier.actors)
                if not draft.recipients:
                    draft.recipients = [a for a in earlier.recipients if a not in draft.actors]
                draft.notes.append("agent from the detention")
                return
