"""Tokens -> actors: which actors of the actor layer a noun phrase refers to.

Built once per document from the actor layer's mentions; the event rules ask it for the actors of
a phrase, of its head, of a clause's content, and for the country an unnamed group belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..nlp import sentence_of
from ..records import ActorLayer
from .grammar import Grammar, coordinated

if TYPE_CHECKING:
    from ..nlp import Doc, Token

__all__ = ["ActorIndex"]

INNER_DEPS = frozenset(
    {"compound", "amod", "nmod", "poss", "appos", "pobj", "nummod", "flat", "npadvmod", "conj"}
)
#: Children that start another clause or event of their own: not part of what a statement is about.
NOT_CONTENT = frozenset(
    {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "conj", "cc", "punct", "parataxis", "agent"}
)


class ActorIndex:
    """Token -> actor ids for one document, built once from the actor layer's mentions."""

    def __init__(self, doc: Doc, layer: ActorLayer, grammar: Grammar) -> None:
        self.layer = layer
        self.grammar = grammar
        self.actors = layer.by_id()
        self.by_token: dict[int, list[str]] = {}
        for start, end, actor_id in layer.mention_index():
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                ids = self.by_token.setdefault(tok.i, [])
                if actor_id not in ids:
                    ids.append(actor_id)
        words = grammar.words
        self._place_preps = words.preps(("place",))
        self._border_nouns = words.gram("border_nouns")
        self._leading = words.gram("leading")

    def country(self, actor_id: str) -> str | None:
        actor = self.actors.get(actor_id)
        return actor.country if actor is not None else None

    def kind(self, actor_id: str) -> str | None:
        actor = self.actors.get(actor_id)
        return actor.kind if actor is not None else None

    def home_country(self, group: Token, fallback: bool = True) -> list[str]:
        """The country an unnamed group ("police", "the junta", "protesters") most likely belongs to.

        In order: a country named with the same noun elsewhere in the article ("Mali's junta",
        "Georgian police"); a country named in the sentence as a place ("in Tbilisi", "across
        France"); the country the article's actors belong to most often. Empty if none is named.
        """
        countries = {x.id: x for x in self.layer.actors if x.kind == "country"}
        by_code = {x.country: x.id for x in countries.values() if x.country}
        lemma = group.lemma_.lower()
        for tok in group.doc:
            if tok.i != group.i and tok.lemma_.lower() == lemma and tok.i not in self.by_token:
                for child in tok.children:
                    if child.dep_ in ("poss", "amod", "compound"):
                        for actor_id in self.by_token.get(child.i, []):
                            code = self.country(actor_id)
                            if code in by_code:
                                return [by_code[code]]
        for tok in sentence_of(group):
            if tok.dep_ == "pobj" and tok.head.lower_ in self._place_preps:
                for actor_id in self.by_token.get(tok.i, []):
                    if actor_id in countries:
                        return [actor_id]
        if not fallback:
            return []
        weight: dict[str, int] = {}
        for actor in self.layer.actors:
            if actor.country:
                weight[actor.country] = weight.get(actor.country, 0) + len(actor.mentions)
        ranked = sorted(countries.values(), key=lambda x: (-weight.get(x.country or "", 0), -len(x.mentions)))
        return [ranked[0].id] if ranked else []

    def head_actors(self, tok: Token) -> list[str]:
        """Actors of the noun phrase headed by ``tok`` (the head, or its compound/flat name parts)."""
        if tok.i in self.by_token:
            return list(self.by_token[tok.i])
        out: list[str] = []
        for child in tok.children:
            if child.dep_ in ("compound", "flat", "nmod") and child.i in self.by_token:
                _extend(out, self.by_token[child.i])
        return out

    def phrase_actors(self, tok: Token, strict: bool = False) -> list[str]:
        """Actors a noun phrase refers to: its head and coordinated/apposed heads.

        Unless ``strict``, a phrase whose head is no actor falls back to the actors named inside it
        ("the presidents of Russia and the United States"), leaving out clauses attached to it.
        """
        out: list[str] = []
        for head in coordinated(tok):
            ids = self.head_actors(head)
            if not ids:
                for child in head.children:
                    if child.dep_ == "appos":
                        ids = self.head_actors(child)
                        if ids:
                            break
            if not ids and not strict:
                ids = self._inside(head)
            if not ids and not strict:
                ids = self._leader(head)
            _extend(out, ids)
        return out

    def content_actors(self, anchor: Token, exclude: Iterable[str]) -> list[str]:
        """Actors a statement or act is about: named in its complement clause or object phrase.

        "denied that it was planning to invade Ukraine" -> Ukraine; "warned that the response to EU
        sanctions would be painful" -> the EU; "fired water cannon at Philippine boats" -> the
        Philippines. The anchor's own subjects, coordinated clauses and the actors in ``exclude``
        (the event's actors, the speaker) and their countries are left out; a time phrase is skipped.
        """
        skip = set(exclude)
        own = {self.country(a) for a in skip} - {None}
        out: list[str] = []
        stack = [c for c in anchor.children if c.dep_ not in NOT_CONTENT and not _is_time(c)]
        if anchor.dep_ in ("acomp", "attr") and anchor.head is not anchor:
            # "was ready to cooperate if London hands over the samples": the condition hangs on the copula
            stack += [c for c in anchor.head.children if c.dep_ == "advcl" and self._conditional(c)]
        seen: set[int] = set()
        while stack:
            tok = stack.pop(0)
            if tok.i in seen:
                continue
            seen.add(tok.i)
            for actor_id in self.by_token.get(tok.i, []):
                if actor_id not in skip and self.country(actor_id) not in own:
                    _extend(out, [actor_id])
            stack.extend(c for c in tok.children if c.dep_ not in ("punct", "cc") and not _is_time(c))
        return out

    def _conditional(self, clause: Token) -> bool:
        marks = self.grammar.words.mod("condition")
        return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)

    def _leader(self, head: Token) -> list[str]:
        """ "opponents of the deal, led by Uribe": the one who leads a group acts for it."""
        for clause in head.children:
            if clause.dep_ == "acl" and clause.lemma_.lower() in self._leading:
                for agent in clause.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            if pobj.dep_ == "pobj" and pobj.i in self.by_token:
                                return list(self.by_token[pobj.i])
        return []

    def _inside(self, head: Token) -> list[str]:
        """Actors named inside a noun phrase: its modifiers, possessors and "of" phrases.

        Other prepositional phrases ("at his home", "on Ukraine") say where or what about, not who.
        """
        out: list[str] = []
        stack = [c for c in head.children if self._inner(c)]
        while stack:
            t = stack.pop()
            if t.i in self.by_token:
                _extend(out, self.by_token[t.i])
            stack.extend(c for c in t.children if self._inner(c))
        order = {a: min((i for i, ids in self.by_token.items() if a in ids), default=0) for a in out}
        return sorted(out, key=lambda a: order[a])

    def _inner(self, tok: Token) -> bool:
        g = self.grammar
        if tok.dep_ == "prep" and g.is_prep(tok, ("with",)) and tok.head.lemma_.lower() in self._border_nouns:
            return True  # "its border with Belarus"
        if tok.dep_ == "prep":
            # "the presidents of Russia", "the airport in Asmara"; not "at his home"
            return g.is_prep(tok, ("of",)) or (
                g.is_prep(tok, ("in",))
                and any(
                    c.dep_ == "pobj" and (c.pos_ == "PROPN" or any(x.dep_ == "poss" for x in c.children))
                    for c in tok.children
                )
            )
        return tok.dep_ in INNER_DEPS


def _extend(out: list[str], ids: Iterable[str]) -> None:
    for i in ids:
        if i not in out:
            out.append(i)


def _is_time(tok: Token) -> bool:
    if tok.ent_type_ in ("DATE", "TIME") and tok.dep_ in ("npadvmod", "tmod", "pobj"):
        return True
    return tok.dep_ == "prep" and any(
        p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in tok.children
    )
