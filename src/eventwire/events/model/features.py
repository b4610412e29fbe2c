"""Candidates and their features: what the event model looks at.

A candidate is a word that may be an event's trigger: a verb; a noun the lexicon knows as an event,
or one a verb takes as its object or subject, or one with a participant of its own ("Russia's
invasion", "talks with Kyiv"); an adjective said of something ("is opposed to", "unacceptable").
Its features are strings (lemma, part of speech, relation, governing word, objects, prepositions,
who its subject and object are, negation and modality, what the lexicon and the rules made of it)
and, where the parser gives one, the word's context vector. Nothing here is particular to a
language: the words come from the parse, the prepositions' roles from the language's data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..grammar import NOUN_POS, VERB_POS, is_passive
from ..sentence import Sentence

if TYPE_CHECKING:
    from ...nlp import Token

__all__ = ["candidates", "features"]

#: Relations through which a verb governs a noun that may name its event ("held talks").
GOVERNED = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj", "oprd"})
PREDICATIVE = frozenset({"acomp", "attr", "oprd", "xcomp", "ROOT", "conj", "ccomp"})
NOT_EVENT_DEPS = frozenset({"aux", "auxpass", "compound", "det", "punct", "case", "mark"})


def candidates(s: Sentence) -> list[Token]:
    """The words of the sentence that may trigger an event, in text order."""
    out: list[Token] = []
    for tok in s.sent:
        if tok.dep_ in NOT_EVENT_DEPS or tok.like_num or len(tok.text) < 3:
            continue
        if _candidate(s, tok):
            out.append(tok)
    return out


def _candidate(s: Sentence, tok: Token) -> bool:
    if tok.pos_ == "VERB":
        return True
    if tok.pos_ == "NOUN":
        return (
            s.matcher.lex.has("N", tok.keys[0])
            or (tok.dep_ in GOVERNED and tok.head.pos_ in VERB_POS)
            or any(c.dep_ in ("poss", "prep") for c in tok.children)
        )
    return tok.pos_ == "ADJ" and (tok.dep_ in PREDICATIVE or s.matcher.lex.has("A", tok.keys[0]))


def _kind(s: Sentence, tok: Token) -> str:
    """What kind of participant a phrase names: an actor's kind, an unnamed group, or nothing."""
    ids = s.actors.phrase_actors(tok, strict=True)
    if ids:
        return s.actors.kind(ids[0]) or "actor"
    if s.matcher.generic_group(tok):
        return "group"
    return "none"


def features(s: Sentence, tok: Token, claimed: Mapping[int, str], speaker: bool) -> list[str]:
    """The feature strings of candidate ``tok``; ``claimed`` maps tokens to the type a rule coded there."""
    g = s.grammar
    lemma = tok.keys[0]
    f = [
        "bias",
        f"l={lemma}",
        f"p={tok.pos_}",
        f"d={tok.dep_}",
        f"ld={lemma}|{tok.dep_}",
        f"lp={lemma}|{tok.pos_}",
    ]
    head = tok.head
    if head is not tok:
        f += [f"h={head.keys[0]}", f"hd={head.keys[0]}|{tok.dep_}", f"hp={head.pos_}"]
    for child in tok.children:
        if child.dep_ in ("dobj", "attr", "oprd", "nsubjpass") and child.pos_ in NOUN_POS:
            f += [f"o={child.keys[0]}", f"lo={lemma}|{child.keys[0]}"]
        elif child.dep_ in ("prep", "agent", "dative"):
            f += [f"pr={child.lower_}", f"lpr={lemma}|{child.lower_}"]
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    f.append(f"prk={child.lower_}|{_kind(s, pobj)}")
        elif child.dep_ == "prt":
            f.append(f"lprt={lemma}|{child.lower_}")
        elif child.dep_ == "xcomp":
            f.append(f"x={child.keys[0]}")
        elif child.dep_ == "ccomp":
            f.append("ccomp")
    if tok.pos_ in VERB_POS:
        subj = g.subjects(tok)
        f.append(f"s={_kind(s, subj[0]) if subj else 'missing'}")
        objs = g.patients(tok)
        f.append(f"ob={_kind(s, objs[0]) if objs else 'missing'}")
        if is_passive(tok):
            f.append("passive")
    else:
        agents = g.noun_agents(tok)
        f.append(f"ag={_kind(s, agents[0]) if agents else 'missing'}")
        if head.pos_ in VERB_POS:
            subj = g.subjects(head)
            f.append(f"hs={_kind(s, subj[0]) if subj else 'missing'}")
    mood = s.modality(tok if tok.pos_ in VERB_POS or head is tok else head)
    f += [name for name, on in (("neg", mood.negated), ("fut", mood.future), ("mod", mood.modal)) if on]
    if mood.conditional:
        f.append("cond")
    if speaker:
        f.append("reported")
    hit = s.matcher.best(("VO", "V", "N", "A"), tok)
    if hit is not None:
        p = hit[0]
        f += [f"lex={p.type}", f"lexk={p.kind}", f"lexm={p.type}|{p.mode}"]
        if p.has("weak"):
            f.append("lexweak")
        if p.has("frame"):
            f.append("lexframe")
    for kind in ("V", "VO", "N", "A"):  # what the lexicon says of the word in any of its patterns
        for p in s.matcher.lex.get(kind, lemma)[:3]:
            f.append(f"lexany={p.type}")
    for lp in s.matcher.light_patterns(tok):
        f.append("light" if not lp.has("report") else "report")
    if s.matcher.judging(tok):
        f.append("judging")
    rule = claimed.get(tok.i)
    f.append(f"rule={rule}" if rule else "rule=none")
    head_rule = claimed.get(head.i) if head is not tok else None
    if head_rule:
        f.append(f"hrule={head_rule}")
    return f
