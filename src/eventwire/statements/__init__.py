"""The statement stage: who said what, and what the outlet asserts on its own.

    StatementFinder(options).find(doc, article, layer) -> list[Statement]
    StatementFinder(options).find_with_skips(doc, article, layer) -> (statements, skipped)

Direct quotes and indirect speech are found from speech cues (``data/cues.tsv``:
reporting verbs and source phrases such as "according to"); speakers are the
actors the actor layer resolved for the cue's subject; sentences asserting
something with no speaker become ``kind="outlet"`` statements. A sentence that
raises is logged and returned as a ``Skipped`` record; it never fails the article.
"""

from __future__ import annotations

from .cues import Cue, CueLexicon
from .finder import StatementFinder

__all__ = ["Cue", "CueLexicon", "StatementFinder"]
