"""Negation, future, modality and condition of an event's clause; who reports it.

These read the dependency parse around the event's anchor (the verb that carries tense and
negation: the trigger verb, or the light verb of a nominal event).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..nlp import Token

__all__ = ["Modality", "in_condition", "modality", "speech_head"]

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
FUTURE = frozenset({"will", "shall", "'ll", "wo"})
MODAL = frozenset({"may", "might", "could", "would", "can", "should", "must", "ought", "ca"})
CONDITION = frozenset({"if", "unless", "provided", "providing", "whether"})
#: Verbs whose complement did not happen ("failed to adopt a resolution").
FAILURE = frozenset({"fail", "neglect", "decline"})
CONDITION_NOUNS = frozenset({"condition", "case", "event"})


@dataclass(frozen=True)
class Modality:
    negated: bool
    future: bool
    modal: bool
    conditional: bool

    @property
    def hypothetical(self) -> bool:
        return self.future or self.modal or self.conditional


def _negated(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in ("never", "no")):
            return True
        if (
            child.dep_ == "advmod"
            and child.lower_ == "longer"
            and any(g.lower_ == "no" for g in child.children)
        ):
            return True
        if child.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
            return True  # "has no plans to"
    return False


def _future(tok: Token) -> tuple[bool, bool]:
    future = modal = False
    for child in tok.children:
        if child.dep_ in ("aux", "auxpass"):
            word = child.lower_
            if word in FUTURE or (word == "would" and _reported(tok)):
                future = True
            elif word in MODAL:
                modal = True
    # "is going to meet", "is set to visit", "is due to sign"
    head = tok.head
    going = head.lemma_.lower() != "go" or head.tag_ == "VBG"
    if tok.dep_ == "xcomp" and head.lemma_.lower() in ("go", "set", "due", "expect", "schedule") and going:
        future = True
    return future, modal


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


def _conditional(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "mark" and child.lower_ in CONDITION:
            return True
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION for m in child.children):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in ("on", "under", "in")
            and any(p.dep_ == "pobj" and p.lemma_.lower() in CONDITION_NOUNS for p in child.children)
        ):
            return True
    return False


def modality(anchor: Token) -> Modality:
    """Modality of the clause headed by ``anchor``, looking up through xcomp chains and conjuncts."""
    negated = _negated(anchor)
    future, modal = _future(anchor)
    conditional = _conditional(anchor)
    tok = anchor
    # "will not send": shared auxiliaries sit on the first conjunct or the controlling verb
    for _ in range(4):
        if tok.dep_ not in ("xcomp", "conj") or tok.head is tok:
            break
        head = tok.head
        if tok.dep_ == "conj" and any(c.dep_ in ("aux", "neg") for c in tok.children):
            break
        f, m = _future(head)
        future, modal = future or f, modal or m
        conditional = conditional or _conditional(head)
        if tok.dep_ == "xcomp":
            negated = negated or _negated(head)
        tok = head
    if anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in FAILURE:  # "failed to adopt"
        negated = True
    conditional = conditional or _in_condition_clause(anchor)
    return Modality(negated=negated, future=future, modal=modal, conditional=conditional)


def _in_condition_clause(tok: Token) -> bool:
    """The anchor sits inside an "if"/"unless" clause."""
    t = tok
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION for c in t.children):
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def in_condition(tok: Token) -> bool:
    """The token's clause is the condition of another ("if Washington refused", "unless X agrees")."""
    t = tok
    for _ in range(6):
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return True
        if t.head is t or t.dep_ in ("ccomp", "ROOT"):
            return False
        t = t.head
    return False


def speech_head(tok: Token, cues: frozenset[str]) -> Token | None:
    """The speech verb whose reported clause contains ``tok`` ("X said that <...tok...>").

    Also finds "according to X" attached to the clause (returns the "according" token).
    """
    t = tok
    for _ in range(8):
        for child in t.children:
            if child.lemma_.lower() == "accord" and child.dep_ in ("prep", "advcl", "advmod"):
                return child
        if t.head is t:
            return None
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in cues:
            return t.head
        t = t.head
    return None
