"""Support for an operation is cooperation, not aid (PLOVER: military aid goes to a state; joining
or backing another's military operation is COOPERATE 062).

"France provided air support for the operation against Hamas" -> COOPERATE by France with whoever
runs the operation (named in it, or the last to act that way in the article); the operation's
target is no recipient of the support.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..draft import Draft
from ..grammar import VERB_POS
from ..sentence import Sentence

if TYPE_CHECKING:
    from ...nlp import Token

ORDER = 20
NOTE = "support for an operation -> COOPERATE"


def apply(d: Draft, s: Sentence) -> list[Draft]:
    if d.type != "AID":
        return [d]
    g = s.grammar
    verb = d.anchor
    holders = g.patients(verb) if verb.pos_ in VERB_POS else []
    phrases = g.prep_objects(verb, ("for", "to", "in")) + [
        p for h in holders for p in g.prep_objects(h, ("for", "to", "in"))
    ]
    for noun in phrases:
        if not _operation(s, noun):
            continue
        runners = [
            a
            for t in g.noun_agents(noun)
            for a in s.actors.phrase_actors(t, strict=True)
            if a not in d.actors
        ]
        if not runners:
            for earlier in reversed(s.history):
                if earlier.type in ("ASSAULT", "MOBILIZE") and not set(earlier.actors) & set(d.actors):
                    runners = list(earlier.actors)
                    break
        return [
            replace(
                d,
                type="COOPERATE",
                mode=None,
                cameo="062",
                contexts=tuple(dict.fromkeys([*d.contexts, "military"])),
                recipients=runners,
                notes=[*d.notes, NOTE],
            )
        ]
    return [d]


def _operation(s: Sentence, noun: Token) -> bool:
    if noun.lemma_.lower() in s.words.gram("operation_nouns"):
        return True
    hit = s.noun_hit(noun)
    return hit is not None and hit[0].type in s.onto.group("operations")
