"""eventwire: sourced political event data from news articles.

Who did what to whom, when, where, and according to whom, with every record
pointing at the characters of the article it came from.

The public API is small::

    from eventwire import Coder, Options, read_articles
    coder = Coder(Options())
    for item in read_articles(["article.txt"]):
        ...
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import (
    ConfigError,
    DataError,
    EventwireError,
    InputError,
    KnowledgeBaseError,
    LexiconError,
    ModelError,
    StoreError,
)
from .options import Options
from .records import (
    Actor,
    Article,
    CodedArticle,
    Event,
    Mention,
    Rejected,
    Span,
    Statement,
    Translation,
)

__all__ = [
    "Actor",
    "Article",
    "CodedArticle",
    "Coder",
    "ConfigError",
    "DataError",
    "Event",
    "EventwireError",
    "InputError",
    "KnowledgeBaseError",
    "LexiconError",
    "Mention",
    "ModelError",
    "Options",
    "Rejected",
    "Span",
    "Statement",
    "StoreError",
    "Translation",
    "__version__",
    "read_articles",
]


def __getattr__(name: str) -> object:
    # Coder and read_articles pull in spaCy and friends: import them on first use.
    if name == "Coder":
        from .pipeline import Coder

        return Coder
    if name == "read_articles":
        from .ingest import read_articles

        return read_articles
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
