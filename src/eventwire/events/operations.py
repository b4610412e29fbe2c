"""Support for an operation is cooperation, not aid (PLOVER: military aid goes to a state; joining
or backing another's military operation is COOPERATE 062).

"France provided air support for the operation against Hamas" -> COOPERATE by France with whoever
runs the operation (named in it, or the last to act that way in the article); the operation's
target is no recipient of the support.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .roles import noun_participants, patients, prep_objects

if TYPE_CHECKING:
    from ..nlp import Token
    from .extract import Draft, SentenceMatcher

__all__ = ["support_for_operation"]

#: Nouns naming a military operation, besides the lexicon's event nouns of these types.
OPERATION_NOUNS = frozenset({"operation", "offensive", "campaign", "mission", "counteroffensive"})
OPERATION_TYPES = frozenset({"ASSAULT", "MOBILIZE", "COOPERATE"})


def support_for_operation(m: SentenceMatcher, draft: Draft) -> None:
    """Recode an AID event whose beneficiary is a military operation as COOPERATE (in place)."""
    if draft.type != "AID":
        return
    verb = draft.anchor
    holders = patients(verb) if verb.pos_ in ("VERB", "AUX") else []
    phrases = prep_objects(verb, ("for", "to", "in")) + [
        p for h in holders for p in prep_objects(h, ("for", "to", "in"))
    ]
    for noun in phrases:
        if not _operation(m, noun):
            continue
        draft.type, draft.mode, draft.cameo = "COOPERATE", None, "062"
        draft.contexts = tuple(dict.fromkeys([*draft.contexts, "military"]))
        agents, _ = noun_participants(noun)
        runners = [a for t in agents for a in m.actors.phrase_actors(t, strict=True) if a not in draft.actors]
        if not runners:
            for earlier in reversed(m.history):
                if earlier.type in ("ASSAULT", "MOBILIZE") and not set(earlier.actors) & set(draft.actors):
                    runners = list(earlier.actors)
                    break
        draft.recipients = runners
        draft.notes.append("support for an operation -> COOPERATE")
        return


def _operation(m: SentenceMatcher, noun: Token) -> bool:
    if noun.lemma_.lower() in OPERATION_NOUNS:
        return True
    hit = m.noun_hit(noun)
    return hit is not None and hit[0].type in OPERATION_TYPES
