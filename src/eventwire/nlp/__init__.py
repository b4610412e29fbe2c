"""The NLP stage: a parser per language, each turning texts into eventwire :class:`Doc` records.

    parser = load_parser("en", options)        # once per process
    for doc in parser.parse(texts): ...

Every later stage reads the :class:`Doc` view (:mod:`.doc`), never a parser's own objects, so the
actor, statement and event stages are the same for every language; :mod:`.english` adapts spaCy.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import Protocol

from ..options import Options
from .doc import Doc, Morph, Span, Token
from .english import BULLETS, UNUSED, EnglishParser

__all__ = [
    "BULLETS",
    "UNUSED",
    "Doc",
    "Morph",
    "Parser",
    "Span",
    "Token",
    "load_parser",
    "sentence_of",
    "sentences",
]


class Parser(Protocol):
    """What a language adapter provides."""

    language: str
    version: str

    def __call__(self, text: str) -> Doc: ...

    def parse(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]: ...


def load_parser(language: str, options: Options) -> Parser:
    """The parser of ``language`` (ISO 639-1)."""
    return EnglishParser(options)


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences."""
    return list(doc.sents)


def sentence_of(token: Token) -> Span:
    """The sentence a token is in."""
    bounds = token.doc.sent_bounds
    k = bisect.bisect_right(bounds, (token.i, len(token.doc) + 1)) - 1
    start, end = bounds[k]
    return Span(token.doc, start, end)
