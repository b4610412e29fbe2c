"""Negation, future, modality and condition of an event's clause; the speech verb that reports it.

These read the tree around the event's anchor (the verb that carries tense and negation: the
trigger verb, or the light verb of a nominal event), with one language's words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .words import Words

if TYPE_CHECKING:
    from ..nlp import Token

__all__ = ["Modality", "ModalityReader"]


@dataclass(frozen=True)
class Modality:
    negated: bool
    future: bool
    modal: bool
    conditional: bool

    @property
    def hypothetical(self) -> bool:
        return self.future or self.modal or self.conditional


class ModalityReader:
    """Reads the modality of clauses in one language."""

    def __init__(self, words: Words) -> None:
        self.future = words.mod("future")
        self.reported_future = words.mod("reported_future")
        self.modal = words.mod("modal")
        self.condition = words.mod("condition")
        self.condition_clause = words.mod("condition_clause")
        self.condition_nouns = words.mod("condition_nouns")
        self.negators = words.mod("negators")
        self.no = words.mod("no")
        self.longer = words.mod("longer")
        self.failure = words.mod("failure")
        self.scheduled = words.mod("scheduled")
        self.going = words.going
        self.condition_preps = words.preps(("on", "under", "in"))
        self.according = words.gram("according")

    def __call__(self, anchor: Token) -> Modality:
        """Modality of the clause headed by ``anchor``, looking up through xcomp chains and conjuncts."""
        negated = self._negated(anchor)
        future, modal = self._future(anchor)
        conditional = self._conditional(anchor)
        tok = anchor
        # "will not send": shared auxiliaries sit on the first conjunct or the controlling verb
        for _ in range(4):
            if tok.dep_ not in ("xcomp", "conj") or tok.head is tok:
                break
            head = tok.head
            if tok.dep_ == "conj" and any(c.dep_ in ("aux", "neg") for c in tok.children):
                break
            f, m = self._future(head)
            future, modal = future or f, modal or m
            conditional = conditional or self._conditional(head)
            if tok.dep_ == "xcomp":
                negated = negated or self._negated(head)
            tok = head
        if anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in self.failure:  # "failed to adopt"
            negated = True
        conditional = conditional or self._in_condition_clause(anchor)
        return Modality(negated=negated, future=future, modal=modal, conditional=conditional)

    def _negated(self, tok: Token) -> bool:
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in self.negators):
                return True
            if (
                child.dep_ == "advmod"
                and child.lower_ in self.longer
                and any(g.lower_ in self.no for g in child.children)
            ):
                return True
            if child.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ in self.no for d in child.children):
                return True  # "has no plans to"
        return False

    def _future(self, tok: Token) -> tuple[bool, bool]:
        future = modal = False
        for child in tok.children:
            if child.dep_ in ("aux", "auxpass"):
                word = child.lower_
                if word in self.future or (word in self.reported_future and _reported(tok)):
                    future = True
                elif word in self.modal:
                    modal = True
        # "is going to meet", "is set to visit", "is due to sign"
        head = tok.head
        going = head.lemma_.lower() != self.going or _progressive(head)
        if tok.dep_ == "xcomp" and head.lemma_.lower() in self.scheduled and going:
            future = True
        return future, modal

    def _conditional(self, tok: Token) -> bool:
        for child in tok.children:
            if child.dep_ == "mark" and child.lower_ in self.condition:
                return True
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in self.condition for m in child.children
            ):
                return True
            if (
                child.dep_ == "prep"
                and child.lower_ in self.condition_preps
                and any(p.dep_ == "pobj" and p.lemma_.lower() in self.condition_nouns for p in child.children)
            ):
                return True
        return False

    def _in_condition_clause(self, tok: Token) -> bool:
        """The anchor sits inside an "if"/"unless" clause."""
        t = tok
        for _ in range(6):
            if any(c.dep_ == "mark" and c.lower_ in self.condition for c in t.children):
                return True
            if t.head is t:
                return False
            t = t.head
        return False

    def in_condition(self, tok: Token) -> bool:
        """The token's clause is the condition of another ("if Washington refused", "unless X agrees")."""
        t = tok
        for _ in range(6):
            if t.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.condition_clause for c in t.children
            ):
                return True
            if t.head is t or t.dep_ in ("ccomp", "ROOT"):
                return False
            t = t.head
        return False

    def speech_head(self, tok: Token, cues: frozenset[str]) -> Token | None:
        """The speech verb whose reported clause contains ``tok`` ("X said that <...tok...>").

        Also finds "according to X" attached to the clause (returns the "according" token).
        """
        t = tok
        for _ in range(8):
            for child in t.children:
                if child.lemma_.lower() in self.according and child.dep_ in ("prep", "advcl", "advmod"):
                    return child
            if t.head is t:
                return None
            if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in cues:
                return t.head
            t = t.head
        return None


def _reported(tok: Token) -> bool:
    """Inside a reported clause ("said the US would provide tanks"): "would" is the future there."""
    t = tok
    for _ in range(6):
        if t.dep_ == "ccomp":
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def _progressive(tok: Token) -> bool:
    return tok.morph.has("Aspect", "Prog") or tok.morph.has("VerbForm", "Ger")
