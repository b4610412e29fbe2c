"""Matching the lexicon against the tree: which pattern, if any, a word's clause satisfies.

Pure: a :class:`Matcher` reads the lexicon and the tree, never the actors; where a pattern needs
to know whether its object names an actor (flags ``objactor``, ``armed``), the caller passes an
``accept`` test that does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .grammar import NOUN_POS, VERB_POS, Grammar, coordinated, is_passive
from .lexicon import Lexicon, Pattern

if TYPE_CHECKING:
    from ..nlp import Token

__all__ = ["Accept", "Hit", "Matcher"]

#: A pattern that holds at a token, and the extra trigger tokens it took (particles, objects).
Hit = tuple[Pattern, list["Token"]]
#: A further test of a pattern at a token (whether its object names an actor, ...).
Accept = Callable[[Pattern, "Token"], bool]


def _always(p: Pattern, tok: Token) -> bool:
    return True


class Matcher:
    """Lexicon look-ups over the tree of one language."""

    def __init__(self, lexicon: Lexicon, grammar: Grammar) -> None:
        self.lex = lexicon
        self.grammar = grammar
        self.quantities = grammar.words.gram("quantities")
        self.infinitive_marks = grammar.words.mod("infinitive")

    # -- single patterns ---------------------------------------------------------------------
    def satisfied(self, p: Pattern, tok: Token) -> list[Token] | None:
        """The extra trigger tokens if ``p`` holds at ``tok`` (as far as the tree tells), else None."""
        g = self.grammar
        extra: list[Token] = []
        children = tok.children
        for comp in p.comps:
            hit = next((c for c in children if c.lemma_.lower() == comp or c.lower_ == comp), None)
            if hit is None:
                return None
            extra.append(hit)
        for prep, pobj in p.preps:
            found = None
            words = g.words.preps((prep,))
            if p.kind in ("N", "B") and pobj is None:
                found = g.deep_prep(tok, prep)
            for c in children if found is None else ():
                if (
                    c.dep_ in ("prep", "agent", "dative", "prt", "advmod")
                    and c.lower_ in words
                    and (c.i > tok.i or p.kind in ("N", "B", "A"))
                    and not g.temporal(c)
                    and (pobj is None or any(x.lemma_.lower() == pobj for x in c.children))
                ):
                    found = c
                    break
            # "committed to work", "agreed to talks": an infinitive serves as well as a phrase
            # (and stays free for the frame to code)
            if (
                found is None
                and prep in self.infinitive_marks
                and p.kind == "V"
                and self._infinitive_child(tok)
            ):
                continue
            if found is None:
                return None
            extra.append(found)
        if p.kind == "VO":
            obj = self._object_match(tok, p)
            if obj is None:
                return None
            extra.append(obj)
        elif p.kind in ("N", "B") and p.mods:
            mods = ("compound", "amod", "nmod", "npadvmod")
            lemmas = {c.lemma_.lower() for c in children if c.dep_ in mods}
            if not set(p.mods) <= lemmas:
                return None
        return extra

    def _infinitive_child(self, tok: Token) -> bool:
        return any(c.dep_ == "xcomp" and self.grammar.infinitive(c) for c in tok.children)

    def _object_match(self, verb: Token, p: Pattern) -> Token | None:
        g = self.grammar
        objs = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        if is_passive(verb):
            objs += [c for c in verb.children if c.dep_ == "nsubjpass"]
        objs += g.prep_objects(verb, ("in", "into"))
        # "declared X persona non grata", "allowed inspectors to visit" parsed as a clause: the object
        # or subject of a small clause counts
        objs += [
            x
            for c in verb.children
            if c.dep_ == "ccomp" and not any(m.dep_ == "mark" for m in c.children)
            for x in c.children
            if x.dep_ == "dobj" or (x.dep_ == "nsubj" and x.i > verb.i)
        ]
        objs += [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN"]  # "gave X 72 hours"
        for obj in [t for o in objs for t in coordinated(o)]:
            if obj.lemma_.lower() != p.obj:
                continue
            lemmas = {c.lemma_.lower() for c in obj.children}
            if set(p.mods) <= lemmas:
                return obj
        return None

    # -- best pattern at a token -------------------------------------------------------------
    def best(self, kinds: tuple[str, ...], tok: Token, accept: Accept = _always) -> Hit | None:
        """The most specific pattern of ``kinds`` that holds at ``tok``."""
        candidates: list[Pattern] = []
        for kind in kinds:
            for key in tok.keys:
                found = self.lex.get(kind, key)
                if found:
                    candidates += found
                    break
        candidates.sort(key=lambda p: (-p.specificity, p.has("weak")))
        for p in candidates:
            extra = self.satisfied(p, tok)
            if extra is not None and accept(p, tok):
                return p, extra
        return None

    def verb_hit(self, tok: Token, accept: Accept = _always) -> Hit | None:
        if tok.pos_ not in VERB_POS:
            return None
        return self.best(("VO", "V"), tok, accept)

    def noun_hit(self, tok: Token, accept: Accept = _always) -> Hit | None:
        if tok.pos_ not in NOUN_POS or tok.dep_ == "compound":
            return None
        return self.best(("N",), tok, accept)

    def light_patterns(self, tok: Token, accept: Accept = _always) -> list[Pattern]:
        """Light and reporting verb patterns (kind L) that hold at ``tok`` ("held talks", "announced")."""
        return [
            p
            for p in [p for key in tok.keys[:2] for p in self.lex.get("L", key)]
            if self.satisfied(p, tok) is not None and accept(p, tok)
        ]

    def judging(self, tok: Token, accept: Accept = _always) -> bool:
        """``tok`` is a judging verb ("called X unlikely", "described X as a threat")."""
        return any(
            self.satisfied(p, tok) is not None and accept(p, tok)
            for p in [p for key in tok.keys[:2] for p in self.lex.get("F", key)]
        )

    def onsets(self, noun: Token) -> tuple[list[Pattern], list[Pattern]]:
        """Onset nouns ("the start of talks") and containers ("a package of sanctions") at ``noun``."""
        found = self.lex.get("B", noun.lemma_.lower())
        return [b for b in found if not b.has("container")], [b for b in found if b.has("container")]

    def obligation(self, verb: Token) -> Pattern | None:
        """The obligation pattern (kind M) of a verb: "should spend", "has to hold"."""
        for child in verb.children:
            if child.dep_ == "aux":
                for p in self.lex.get("M", child.lemma_.lower()) + self.lex.get("M", child.lower_):
                    if not p.preps:
                        return p
        for p in self.lex.get("M", verb.lemma_.lower()):
            if p.preps and any(
                c.dep_ == "xcomp" and any(a.lower_ == p.preps[0][0] for a in c.children if a.dep_ == "aux")
                for c in verb.children
            ):
                return p
        return None

    def generic_group(self, tok: Token, civil: bool = False) -> bool:
        """ "Police", "protesters", "the army", "security forces": a state's organ or its people, unnamed."""
        if tok.like_num or tok.lemma_.lower() in self.quantities:  # "thousands of protesters"
            return any(self.generic_group(x, civil) for x in self.grammar.prep_objects(tok, ("of",)))
        # "the Great Hall of the People" names a place, not a crowd; a sentence's first word is
        # capitalized by position only ("Farmers staged a sit-in")
        if tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and tok.is_sent_start):
            return False
        return any(
            set(p.mods) <= {c.lemma_.lower() for c in tok.children} and (not civil or p.has("civil"))
            for key in tok.keys[:3]
            for p in self.lex.get("G", key)
        )
