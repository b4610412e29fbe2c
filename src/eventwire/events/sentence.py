"""One sentence being coded: the services the finders and rules use, and what they have taken.

A :class:`Sentence` is built per sentence and holds no state between sentences except the
article's earlier drafts (``history``, read-only). Finders are looked up through ``self.find``
(a :class:`~eventwire.events.find.Finders` table), so finder modules never import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from .actorindex import ActorIndex
from .draft import Draft
from .grammar import VERB_POS, Grammar
from .lexicon import Pattern
from .match import Hit, Matcher
from .modality import ModalityReader
from .ontology import Ontology

if TYPE_CHECKING:
    from ..nlp import Span, Token

__all__ = ["Finders", "Sentence", "Services"]


class Finders(Protocol):
    """The constructions that find drafts at a token (see :mod:`eventwire.events.find`)."""

    def verb_event(self, s: Sentence, tok: Token) -> Draft | None: ...
    def light_event(self, s: Sentence, verb: Token) -> Draft | None: ...
    def noun_draft(
        self,
        s: Sentence,
        p: Pattern,
        noun: Token,
        trigger: list[Token],
        anchor: Token,
        subj: list[str],
        report: bool,
    ) -> Draft: ...
    def noun_or_onset(self, s: Sentence, noun: Token) -> tuple[Hit, Token, bool] | None: ...
    def frame(
        self, s: Sentence, p: Pattern, tok: Token, trigger: list[Token], actors: list[str]
    ) -> Draft | None: ...
    def recode(
        self,
        s: Sentence,
        outer: str,
        inner: Draft,
        trigger: list[Token],
        actors: list[str],
        recipients: list[str],
        frame_pattern: Pattern | None = None,
    ) -> Draft: ...
    def modal_request(self, s: Sentence, verb: Token) -> Draft | None: ...
    def earlier_event_actors(self, s: Sentence, noun: Token, exclude: list[str]) -> list[str]: ...
    def subject_actors(self, s: Sentence, verb: Token) -> list[str]: ...


@dataclass(frozen=True)
class Services:
    """What coding a sentence reads, shared by every sentence of an article (one per language)."""

    ontology: Ontology
    grammar: Grammar
    matcher: Matcher
    modality: ModalityReader
    find: Finders


class Sentence:
    """A sentence being coded: its tokens, the actor index, and the tokens already taken."""

    def __init__(
        self,
        services: Services,
        actors: ActorIndex,
        sent: Span,
        speaker_of: Callable[[Token], list[str]],
        history: list[Draft],
    ) -> None:
        self.services = services
        self.onto = services.ontology
        self.grammar = services.grammar
        self.matcher = services.matcher
        self.modality = services.modality
        self.find = services.find
        self.words = services.grammar.words
        self.actors = actors
        self.sent = sent
        self.speaker_of = speaker_of
        self.history: list[Draft] = list(history)
        self.consumed: set[int] = set()
        self.extra: list[Draft] = []
        self.pending: list[Draft] = []

    # -- lexicon look-ups with the actor tests patterns may ask for ------------------------------
    def accept(self, p: Pattern, tok: Token) -> bool:
        """The actor tests of a pattern's flags: ``objactor`` (its object names an actor), ``armed``."""
        if p.has("objactor") and not self._has_actor_object(tok, p):
            return False
        # "troops landed at the port", not "the president's plane landed"
        return not p.has("armed") or any(
            self.matcher.generic_group(x) and not self.matcher.generic_group(x, civil=True)
            for x in self.grammar.subjects(tok)
        )

    def _has_actor_object(self, verb: Token, p: Pattern) -> bool:
        assert p.type is not None
        g = self.grammar
        objs = g.patients(verb) + g.prep_objects(verb, self.words.recipient_preps(p.type))
        return any(self.actors.phrase_actors(o) for o in objs)

    def verb_hit(self, tok: Token) -> Hit | None:
        return self.matcher.verb_hit(tok, self.accept)

    def noun_hit(self, tok: Token) -> Hit | None:
        return self.matcher.noun_hit(tok, self.accept)

    def best(self, kinds: tuple[str, ...], tok: Token) -> Hit | None:
        return self.matcher.best(kinds, tok, self.accept)

    def light_patterns(self, tok: Token) -> list[Pattern]:
        return self.matcher.light_patterns(tok, self.accept)

    def judging(self, tok: Token) -> bool:
        return self.matcher.judging(tok, self.accept)

    # -- drafts -------------------------------------------------------------------------------------
    def draft(self, p: Pattern, trigger: list[Token], anchor: Token, actors: list[str]) -> Draft:
        """A new draft of pattern ``p`` anchored at ``anchor``."""
        assert p.type is not None
        subj = self.grammar.subjects(anchor) if anchor.pos_ in VERB_POS else []
        group = any(self.organization_members(x) for x in subj)
        civil = any(self.matcher.generic_group(x, civil=True) for x in subj)
        return Draft(
            group=group,
            civil=civil,
            in_condition=self.modality.in_condition(anchor),
            type=p.type,
            mode=p.mode,
            contexts=p.contexts,
            cameo=p.cameo,
            actors=list(actors),
            recipients=[],
            trigger=list(trigger),
            anchor=anchor,
            pattern=p,
            modality=self.modality(anchor),
        )

    def organization_members(self, subj: Token) -> bool:
        """ "NATO leaders", "EU foreign ministers": members of one organization acting together."""
        if (
            not subj.morph.has("Number", "Plur")
            or subj.pos_ not in ("NOUN", "PROPN")
            or (self.actors.head_actors(subj) and subj.i in self.actors.by_token)
        ):
            return False
        return any(
            c.dep_ in ("compound", "amod", "nmod") and any(self.actors.kind(a) == "organization" for a in ids)
            for c in subj.children
            for ids in [self.actors.by_token.get(c.i, [])]
        )

    def last_parties(self, count: int) -> list[str]:
        """The parties of the last event with ``count`` of them ("both sides", "the three leaders").

        Parties are counted by country where known: "Brazil's president Lula" is one side.
        """

        def sides(ids: list[str]) -> int:
            return len({self.actors.country(a) or a for a in ids})

        for earlier in reversed(self.history):  # co-actors first: a meeting, a clash
            if sides(earlier.actors) == count:
                return list(dict.fromkeys(earlier.actors))
        for earlier in reversed(self.history):
            parties = list(dict.fromkeys([*earlier.actors, *earlier.recipients]))
            if sides(parties) == count:
                return parties
        return []


def add(out: list[str], ids: list[str]) -> None:
    """Append the ids not yet in ``out``, keeping order."""
    for i in ids:
        if i not in out:
            out.append(i)
