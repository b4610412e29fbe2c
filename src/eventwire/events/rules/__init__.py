"""Constructions over drafts: an ordered registry of small rules, one module each.

Each module here defines ``ORDER`` (an int) and ``apply(draft, sentence) -> list[Draft]``: the
draft's replacement (``[draft]`` for no change), more than one draft to add events (an ultimatum's
threat), or none to drop it. :func:`load_rules` finds the modules and orders them; a new
construction is a new module in this package (plus the words it reads in ``data/<lang>/``).

Rules run after the finders (:mod:`eventwire.events.find`) have found a sentence's drafts, each
rule over every draft in turn, in ``ORDER``:

==== ============== ==================================================================
10   ultimatum      "withdraw or face sanctions" adds a THREATEN
20   operations     support for a military operation is COOPERATE with whoever runs it
30   content        an unaimed act is aimed at the party its content is about
40   mediation      a mediator's parties are those of the event it facilitated
50   holder         a call for a release goes to whoever holds the captives
60   undone         a release favours the side the earlier detention targeted
70   plover         the codebook's future/negation recodings, modes and CAMEO codes
80   keep           drafts that are not events (no actor, no second party) are dropped
90   answers        an unaimed denial or threat answers the last other party
==== ============== ==================================================================
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from ..draft import Draft
from ..sentence import Sentence

__all__ = ["Rule", "apply_rules", "load_rules"]


@dataclass(frozen=True)
class Rule:
    name: str
    order: int
    apply: Callable[[Draft, Sentence], list[Draft]]


def load_rules() -> tuple[Rule, ...]:
    """The rules of this package, in their ``ORDER``."""
    found: list[Rule] = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        order, apply = getattr(module, "ORDER", None), getattr(module, "apply", None)
        if isinstance(order, int) and callable(apply):
            found.append(Rule(info.name, order, apply))
    return tuple(sorted(found, key=lambda r: (r.order, r.name)))


def apply_rules(rules: tuple[Rule, ...], drafts: list[Draft], s: Sentence) -> list[Draft]:
    """``drafts`` through every rule in order; the sentence's history follows each replacement."""
    for rule in rules:
        out: list[Draft] = []
        replaced: dict[int, Draft] = {}
        for d in drafts:
            new = rule.apply(d, s)
            if new and new[0] is not d:
                replaced[id(d)] = new[0]
            out.extend(new)
        if replaced:
            s.history = [replaced.get(id(h), h) for h in s.history]
        drafts = out
    return drafts
