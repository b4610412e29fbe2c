"""Grammatical roles -> participants: who acts, who is acted on, resolved to actor ids.

All functions read the spaCy dependency parse (English ClearNLP labels, as the en_core_web
pipelines produce) and an :class:`ActorIndex` that maps tokens to the actor layer's actors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..nlp import sentence_of
from ..records import ActorLayer

if TYPE_CHECKING:
    from ..nlp import Doc, Token

__all__ = ["ActorIndex", "noun_participants", "patients", "prep_objects", "subjects"]

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
#: Children whose subtree is a clause of its own: not part of a noun phrase's reference.
CLAUSAL = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "conj", "appos", "prep"})


class ActorIndex:
    """Token -> actor ids for one document, built once from the actor layer's mentions."""

    def __init__(self, doc: Doc, layer: ActorLayer) -> None:
        self.layer = layer
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

    def country(self, actor_id: str) -> str | None:
        actor = self.actors.get(actor_id)
        return actor.country if actor is not None else None

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
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "across", "throughout", "at", "outside"):
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

    def kind(self, actor_id: str) -> str | None:
        actor = self.actors.get(actor_id)
        return actor.kind if actor is not None else None

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

    def _leader(self, head: Token) -> list[str]:
        """ "opponents of the deal, led by Uribe": the one who leads a group acts for it."""
        for clause in head.children:
            if clause.dep_ == "acl" and clause.lemma_.lower() in ("lead", "head"):
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
        stack = [c for c in head.children if _inner(c)]
        while stack:
            t = stack.pop()
            if t.i in self.by_token:
                _extend(out, self.by_token[t.i])
            stack.extend(c for c in t.children if _inner(c))
        order = {a: min((i for i, ids in self.by_token.items() if a in ids), default=0) for a in out}
        return sorted(out, key=lambda a: order[a])


INNER_DEPS = frozenset(
    {"compound", "amod", "nmod", "poss", "appos", "pobj", "nummod", "flat", "npadvmod", "conj"}
)


BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})


def _inner(tok: Token) -> bool:
    if tok.dep_ == "prep" and tok.lower_ == "with" and tok.head.lemma_.lower() in BORDER_NOUNS:
        return True  # "its border with Belarus"
    if tok.dep_ == "prep":
        # "the presidents of Russia", "the airport in Asmara"; not "at his home"
        return tok.lower_ == "of" or (
            tok.lower_ == "in"
            and any(
                c.dep_ == "pobj" and (c.pos_ == "PROPN" or any(g.dep_ == "poss" for g in c.children))
                for c in tok.children
            )
        )
    return tok.dep_ in INNER_DEPS


def _extend(out: list[str], ids: Iterable[str]) -> None:
    for i in ids:
        if i not in out:
            out.append(i)


def coordinated(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("Putin and Trump")."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def subjects(verb: Token) -> list[Token]:
    """The logical subject (the doer) of ``verb``, following control, relative clauses and conjunction."""
    if is_passive(verb):
        return [
            pobj for c in verb.children if c.dep_ == "agent" for pobj in c.children if pobj.dep_ == "pobj"
        ]
    own = [c for c in verb.children if c.dep_ in SUBJ]
    if own:
        subj = own[0]
        if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
            return [verb.head]
        return [subj]
    if verb.dep_ == "relcl":
        return [verb.head]
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "the US, imposing sanctions"
        return [verb.head]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "a truce brokered by Qatar"
        return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if (
        verb.dep_ == "acl"
        and verb.head.dep_ == "ROOT"
        and any(c.dep_ in ("dobj", "oprd") for c in verb.children)
    ):
        # the parser made the subject a headless root: "[Israeli airstrikes] killed 30 people"
        return [verb.head]
    if verb.dep_ == "pcomp" and verb.head.head is not verb.head:
        governor = verb.head.head
        if verb.head.lower_ in ("of", "for"):  # "accused Kyiv of using", "thanked X for helping"
            objs = [c for c in governor.children if c.dep_ == "dobj"]
            if objs:
                return objs
        # "responded by breaking off relations"
        return subjects(governor) if governor.pos_ in ("VERB", "AUX") else []
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        head = verb.head
        if verb.dep_ == "xcomp":
            # object control: "invited Trump to visit", "urged Kyiv to negotiate"
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs and head.lemma_.lower() in OBJECT_CONTROL:
                return objs
        if head.pos_ in ("VERB", "AUX") or verb.dep_ == "xcomp":
            return subjects(head)
    return []


#: Verbs whose object, not subject, does what the xcomp says ("urged Kyiv to negotiate").
OBJECT_CONTROL = frozenset(
    {
        "invite",
        "urge",
        "ask",
        "tell",
        "order",
        "force",
        "allow",
        "encourage",
        "persuade",
        "press",
        "call",
        "instruct",
        "help",
        "enable",
        "let",
        "compel",
        "require",
        "push",
        "warn",
        "advise",
    }
)


def patients(verb: Token) -> list[Token]:
    """What the verb acts on: direct and indirect objects, or the passive subject."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
    if is_passive(verb):
        out += [c for c in verb.children if c.dep_ in PASS_SUBJ]
    if not out and verb.dep_ == "acl" and verb.tag_ == "VBN":  # "an American, released by ..."
        out = [verb.head]
    if not out:
        out = misparsed_object(verb)
    return out


def misparsed_object(verb: Token) -> list[Token]:
    """An object the parser took for the subject of a following clause.

    "phoned Kenyan President Ruto (term ends in 2027) ..." can come out as
    ``phoned -ccomp-> ends -nsubj-> Ruto``: a clause with no "that" whose subject starts
    right after the verb is read as the verb's object.
    """
    for child in verb.children:
        if child.dep_ != "ccomp" or child.i < verb.i:
            continue
        if any(c.dep_ == "mark" for c in child.children):
            continue
        for subj in child.children:
            if subj.dep_ == "nsubj" and subj.left_edge.i == verb.i + 1 and subj.pos_ == "PROPN":
                return [subj]
    return []


def prep_objects(tok: Token, preps: Iterable[str], deep: bool = False) -> list[Token]:
    """Objects of the given prepositions attached to ``tok`` ("talks with Kyiv", "strikes on Kharkiv").

    With ``deep`` (event nouns), a preposition the parser hung on the object of an earlier one
    counts too: "the release in Belarus of an American".
    """
    wanted = set(preps)
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in wanted:
            out += [p for p in child.children if p.dep_ == "pobj"]
        elif deep and child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out += prep_objects(pobj, wanted)
    return out


def deep_prep(tok: Token, prep: str) -> Token | None:
    """The preposition ``prep`` on ``tok`` or, one level down, on the object of another preposition."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == prep:
            return child
    for child in tok.children:
        if child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN":
                    for g in pobj.children:
                        if g.dep_ == "prep" and g.lower_ == prep:
                            return g
    return None


def noun_participants(noun: Token) -> tuple[list[Token], list[Token]]:
    """(agents, affected) named inside a nominal event: "Russia's invasion", "US aid", "by X"."""
    agents: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" or (
            child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i and child.pos_ in ("PROPN", "ADJ")
        ):
            agents.append(child)
    agents += prep_objects(noun, ("by",))
    return agents, []


#: Children that start another clause or event of their own: not part of what a statement is about.
NOT_CONTENT = frozenset(
    {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "conj", "cc", "punct", "parataxis", "agent"}
)


def content_actors(index: ActorIndex, anchor: Token, exclude: Iterable[str]) -> list[str]:
    """Actors a statement or act is about: named in its complement clause or object phrase.

    "denied that it was planning to invade Ukraine" -> Ukraine; "warned that the response to EU
    sanctions would be painful" -> the EU; "fired water cannon at Philippine boats" -> the
    Philippines. The anchor's own subjects, coordinated clauses and the actors in ``exclude``
    (the event's actors, the speaker) and their countries are left out; a time phrase is skipped.
    """
    skip = set(exclude)
    own = {index.country(a) for a in skip} - {None}
    out: list[str] = []
    stack = [c for c in anchor.children if c.dep_ not in NOT_CONTENT and not _is_time(c)]
    if anchor.dep_ in ("acomp", "attr") and anchor.head is not anchor:
        # "was ready to cooperate if London hands over the samples": the condition hangs on the copula
        stack += [c for c in anchor.head.children if c.dep_ == "advcl" and _conditional(c)]
    seen: set[int] = set()
    while stack:
        tok = stack.pop(0)
        if tok.i in seen:
            continue
        seen.add(tok.i)
        for actor_id in index.by_token.get(tok.i, []):
            if actor_id not in skip and index.country(actor_id) not in own:
                _extend(out, [actor_id])
        stack.extend(c for c in tok.children if c.dep_ not in ("punct", "cc") and not _is_time(c))
    return out


def _conditional(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "provided") for c in clause.children)


def _is_time(tok: Token) -> bool:
    if tok.ent_type_ in ("DATE", "TIME") and tok.dep_ in ("npadvmod", "tmod", "pobj"):
        return True
    return tok.dep_ == "prep" and any(
        p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in tok.children
    )
