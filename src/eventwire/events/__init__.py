"""The event stage: PLOVER events from the dependency parse and the event lexicon.

STUB: replaced by the event-coding work (issue 3).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..options import Options
from ..records import ActorLayer, Article, Event, Skipped, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["EventCoder", "Lexicon"]


class Lexicon:
    version = "0"

    @classmethod
    def load(cls, options: Options) -> Lexicon:
        return cls()


class EventCoder:
    def __init__(self, lexicon: Lexicon, options: Options) -> None:
        self.lexicon = lexicon
        self.options = options

    def code(
        self, doc: Doc, article: Article, layer: ActorLayer, statements: list[Statement]
    ) -> tuple[list[Event], list[Skipped]]:
        return [], []
