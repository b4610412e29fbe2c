"""The actor stage: who is in an article, resolved against the knowledge base.

kb.py       the knowledge base (TSV files in data/, plus the user's files)
lexicon.py  the KB compiled into one token trie (built once per process)
match.py    finding surface forms in a parsed text
context.py  one article as the resolver sees it
resolve.py  ActorResolver: findings from names, titles, unknown people
coref.py    surnames, pronouns
bodies.py   state bodies and groups named through a country ("Iran's foreign ministry", "the army")
plurals.py  plural references to parties named together ("both sides", "the two leaders")
record.py   findings grouped into Actor records
fuzzy.py    tolerant name similarity for mistransliterations
"""

from __future__ import annotations

from .kb import KnowledgeBase
from .resolve import ActorResolver

__all__ = ["ActorResolver", "KnowledgeBase"]
