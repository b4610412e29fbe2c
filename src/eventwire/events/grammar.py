"""Reading the eventwire dependency tree: who is a verb's subject, its objects, its prepositional
phrases, and the other small readings the event rules rely on.

One :class:`Grammar` per language: the methods are the same for every language and read the tree
in eventwire relations (:mod:`eventwire.nlp.doc`); what is particular to a language (which words
are prepositions of which role, which verbs pass their object on as a subject) comes from its
:class:`~eventwire.events.words.Words`. Nothing here knows the lexicon or the actors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .words import Words

if TYPE_CHECKING:
    from ..nlp import Span, Token

__all__ = ["NOUN_POS", "VERB_POS", "Grammar", "coordinated", "depths", "is_passive"]

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
NOUN_POS = frozenset({"NOUN", "PROPN"})
VERB_POS = frozenset({"VERB", "AUX"})


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


def depths(sent: Span) -> dict[int, int]:
    """Distance of each token from its sentence's root, computed once per sentence."""
    heads = {t.i: t.head.i for t in sent}
    depth: dict[int, int] = {}
    for i in heads:
        path: list[int] = []
        j = i
        while j not in depth and heads.get(j, j) != j and len(path) < 60:
            path.append(j)
            j = heads[j]
        base = depth.get(j, 0)
        for k, node in enumerate(reversed(path), start=1):
            depth[node] = base + k
        depth.setdefault(i, base)
    return depth


class Grammar:
    """Tree readings for one language."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self.relative = words.gram("relative")
        self.object_control = words.gram("object_control")
        self.infinitive_marks = words.mod("infinitive")
        self.time_words = words.gram("time_words")
        self.quantities = words.gram("quantities")

    # -- prepositions --------------------------------------------------------------------------
    def is_prep(self, tok: Token, roles: Iterable[str]) -> bool:
        """``tok`` is a preposition playing one of ``roles``."""
        return tok.lower_ in self.words.preps(roles)

    def prep_objects(self, tok: Token, roles: Iterable[str], deep: bool = False) -> list[Token]:
        """Objects of the prepositions of ``roles`` on ``tok`` ("talks with Kyiv", "strikes on Kharkiv").

        With ``deep`` (event nouns), a preposition the parser hung on the object of an earlier one
        counts too: "the release in Belarus of an American".
        """
        wanted = self.words.preps(roles)
        out: list[Token] = []
        for child in tok.children:
            if child.dep_ in ("prep", "dative", "agent") and (child.lower_ in wanted):
                out += [p for p in child.children if p.dep_ == "pobj"]
            elif deep and child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += self.prep_objects(pobj, roles)
        cases = {self.words.cases[r] for r in roles if r in self.words.cases}
        if cases:  # languages that mark the role by case: "помощь Украине" (dative)
            out += [
                c
                for c in tok.children
                if c.dep_ in ("nmod", "npadvmod", "dative") and any(c.morph.has("Case", k) for k in cases)
            ]
        return out

    def deep_prep(self, tok: Token, role: str) -> Token | None:
        """The preposition of ``role`` on ``tok`` or, one level down, on the object of another one."""
        wanted = self.words.preps([role])
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in wanted:
                return child
        for child in tok.children:
            if child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN":
                        for g in pobj.children:
                            if g.dep_ == "prep" and g.lower_ in wanted:
                                return g
        return None

    def temporal(self, prep: Token) -> bool:
        """A preposition introducing a time ("on Tuesday", "on the eve of"), not a participant."""
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and (pobj.ent_type_ in ("DATE", "TIME") or pobj.lower_ in self.time_words):
                return True
        return False

    # -- participants --------------------------------------------------------------------------
    def infinitive(self, verb: Token) -> bool:
        return any(a.dep_ == "aux" and a.lower_ in self.infinitive_marks for a in verb.children)

    def subjects(self, verb: Token) -> list[Token]:
        """The logical subject (the doer) of ``verb``, following control, relative clauses and conjunction."""
        if is_passive(verb):
            return [
                pobj for c in verb.children if c.dep_ == "agent" for pobj in c.children if pobj.dep_ == "pobj"
            ]
        own = [c for c in verb.children if c.dep_ in SUBJ]
        if own:
            subj = own[0]
            if subj.lower_ in self.relative and verb.dep_ == "relcl":
                return [verb.head]
            return [subj]
        if verb.dep_ == "relcl":
            return [verb.head]
        if verb.dep_ == "acl" and _gerund(verb):  # "the US, imposing sanctions"
            return [verb.head]
        if verb.dep_ == "acl" and _participle(verb):  # "a truce brokered by Qatar"
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
            if self.is_prep(verb.head, ("of", "for")):  # "accused Kyiv of using", "thanked X for helping"
                objs = [c for c in governor.children if c.dep_ == "dobj"]
                if objs:
                    return objs
            # "responded by breaking off relations"
            return self.subjects(governor) if governor.pos_ in VERB_POS else []
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
            head = verb.head
            if verb.dep_ == "xcomp":
                # object control: "invited Trump to visit", "urged Kyiv to negotiate"
                objs = [c for c in head.children if c.dep_ == "dobj"]
                if objs and head.lemma_.lower() in self.object_control:
                    return objs
            if head.pos_ in VERB_POS or verb.dep_ == "xcomp":
                return self.subjects(head)
        return []

    def patients(self, verb: Token) -> list[Token]:
        """What the verb acts on: direct and indirect objects, or the passive subject."""
        out = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
        if is_passive(verb):
            out += [c for c in verb.children if c.dep_ in PASS_SUBJ]
        if not out and verb.dep_ == "acl" and _participle(verb):  # "an American, released by ..."
            out = [verb.head]
        if not out:
            out = self.misparsed_object(verb)
        return out

    def misparsed_object(self, verb: Token) -> list[Token]:
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

    def noun_agents(self, noun: Token) -> list[Token]:
        """Agents named inside a nominal event: "Russia's invasion", "US aid", "the attack by X"."""
        agents: list[Token] = []
        for child in noun.children:
            if child.dep_ == "poss" or (
                child.dep_ in ("compound", "amod", "nmod")
                and child.i < noun.i
                and child.pos_ in ("PROPN", "ADJ")
            ):
                agents.append(child)
        return agents + self.prep_objects(noun, ("by",))

    # -- small readings ------------------------------------------------------------------------
    def says_that(self, verb: Token) -> bool:
        """The verb takes a clause and no object ("showed that ...", "recognised that ...")."""
        children = verb.children
        if not any(c.dep_ == "ccomp" for c in children) or any(
            c.dep_ in ("dobj", "dative") for c in children
        ):
            return False
        return not self.misparsed_object(verb)

    def counted_group(self, tok: Token) -> int:
        """ "both sides", "the two leaders": how many parties were named before (0: none)."""
        if not tok.morph.has("Number", "Plur"):
            return 0
        for c in tok.children:
            if c.dep_ in ("det", "nummod", "predet", "amod") and c.lower_ in self.words.pairs:
                return self.words.pairs[c.lower_]
        return 0

    def purpose_clause(self, tok: Token) -> bool:
        """ "deployed troops to support the police": an aim, not an event of its own."""
        return (
            tok.dep_ in ("advcl", "acl")
            and self.infinitive(tok)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        )


def is_amount(noun: Token) -> bool:
    """ "$30 million", "5 billion euros", "3,000 tents": an amount that may hold an event noun."""
    return noun.like_num or noun.ent_type_ == "MONEY" or any(c.dep_ == "nummod" for c in noun.children)


def _participle(verb: Token) -> bool:
    """A past participle ("brokered", "released")."""
    return verb.morph.has("VerbForm", "Part") and verb.morph.has("Tense", "Past")


def _gerund(verb: Token) -> bool:
    """A present participle or gerund ("imposing")."""
    return verb.morph.has("VerbForm", "Ger") or (
        verb.morph.has("VerbForm", "Part") and verb.morph.has("Tense", "Pres")
    )
