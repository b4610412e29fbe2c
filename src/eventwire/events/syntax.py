"""Small readings of the dependency parse that the event matcher relies on.

Each function looks at one token or one sentence; none of them knows the lexicon or the actors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .roles import misparsed_object

if TYPE_CHECKING:
    from ..nlp import Span as SpacySpan
    from ..nlp import Token

__all__ = [
    "PAIR_WORDS",
    "QUANTITIES",
    "counted_group",
    "depths",
    "is_amount",
    "lemma_keys",
    "purpose_clause",
    "says_that",
    "temporal",
]

TIME_WORDS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "day",
        "eve",
        "morning",
        "evening",
        "night",
        "week",
        "weekend",
        "month",
        "year",
        "occasion",
        "anniversary",
        "sideline",
        "sidelines",
    }
)


def lemma_keys(tok: Token) -> list[str]:
    """Lemmas to look a token up by: the model's, then the word itself, then regular inflections
    undone (the small English model lemmatizes "staged" as "stag")."""
    word = tok.lower_
    keys = [tok.lemma_.lower(), word]
    if tok.tag_ in ("VBD", "VBN") and word.endswith("ed"):
        keys += [word[:-1], word[:-2], word[:-3] if word[-3:-2] == word[-4:-3] else word[:-2]]
    elif tok.tag_ == "VBG" and word.endswith("ing"):
        keys += [word[:-3] + "e", word[:-3]]
    elif tok.tag_ == "VBZ" and word.endswith("s"):
        keys += [word[:-1], word[:-2]]
    elif tok.tag_ == "NNS" and word.endswith("s"):
        keys += [word[:-1], word[:-2] + "y" if word.endswith("ies") else word[:-2]]
    return list(dict.fromkeys(keys))


def says_that(verb: Token) -> bool:
    """The verb takes a clause and no object ("showed that ...", "recognised that ...")."""
    children = list(verb.children)
    if not any(c.dep_ == "ccomp" for c in children) or any(c.dep_ in ("dobj", "dative") for c in children):
        return False
    return not misparsed_object(verb)


def is_amount(noun: Token) -> bool:
    """ "$30 million", "5 billion euros", "3,000 tents": an amount that may hold an event noun."""
    return noun.like_num or noun.ent_type_ == "MONEY" or any(c.dep_ == "nummod" for c in noun.children)


QUANTITIES = frozenset(
    {"ten", "dozen", "hundred", "thousand", "million", "score", "crowd", "group", "number"}
)
PAIR_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4}


def counted_group(tok: Token) -> int:
    """ "both sides", "the two leaders", "the three countries": how many parties named before (0: none)."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return 0
    for c in tok.children:
        if c.dep_ in ("det", "nummod", "predet", "amod") and c.lower_ in PAIR_WORDS:
            return PAIR_WORDS[c.lower_]
    return 0


def purpose_clause(tok: Token) -> bool:
    return (
        tok.dep_ in ("advcl", "acl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


def temporal(prep: Token) -> bool:
    """A preposition introducing a time ("on Tuesday", "on the eve of"), not a participant."""
    for pobj in prep.children:
        if pobj.dep_ == "pobj" and (pobj.ent_type_ in ("DATE", "TIME") or pobj.lower_ in TIME_WORDS):
            return True
    return False


def depths(sent: SpacySpan) -> dict[int, int]:
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
