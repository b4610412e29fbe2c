"""The statement stage: who said what, and what the outlet asserts on its own.

STUB: replaced by the statements work (issue 3).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..options import Options
from ..records import ActorLayer, Article, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["StatementFinder"]


class StatementFinder:
    def __init__(self, options: Options) -> None:
        self.options = options

    def find(self, doc: Doc, article: Article, layer: ActorLayer) -> list[Statement]:
        return []
