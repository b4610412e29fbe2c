"""An event as the rules see it before it becomes a record: :class:`Draft`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import Pattern
from .modality import Modality

if TYPE_CHECKING:
    from ..nlp import Token

__all__ = ["Draft"]


@dataclass
class Draft:
    """An event found in a sentence: type, participants as actor ids, trigger tokens, anchor verb.

    Finders build drafts; rules take a draft and return new ones (``dataclasses.replace``).
    """

    type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    actors: list[str]
    recipients: list[str]
    trigger: list[Token]
    anchor: Token
    pattern: Pattern
    modality: Modality
    source: str | None = None
    negated: bool = False
    hypothetical: bool = False
    notes: list[str] = field(default_factory=list)
    group: bool = False  # the actor is a plural group ("NATO leaders")
    civil: bool = False  # the actor is an unnamed crowd ("protesters", "people")
    in_condition: bool = False  # the anchor sits in an "if"/"unless" clause
    model: float | None = None  # the event model's probability of this type, where it was asked

    @property
    def parties(self) -> int:
        return len(set(self.actors) | set(self.recipients))

    def noted(self, note: str) -> bool:
        return note in self.notes
