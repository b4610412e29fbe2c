"""The actor stage: who is in an article, resolved against the knowledge base.

STUB: replaced by the actor-resolution work (issue 2).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..options import Options
from ..records import ActorLayer, Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ActorResolver", "KnowledgeBase"]


class KnowledgeBase:
    version = "0"

    @classmethod
    def load(cls, options: Options) -> KnowledgeBase:
        return cls()


class ActorResolver:
    def __init__(self, kb: KnowledgeBase, options: Options) -> None:
        self.kb = kb
        self.options = options

    def resolve(self, doc: Doc, article: Article) -> ActorLayer:
        return ActorLayer(actors=[])
