"""The coder: ingest's Articles in, CodedArticles out.

    article -> nlp (spaCy Doc) -> actors (ActorLayer) -> statements -> events -> CodedArticle

Each stage is built once per ``Coder`` (one per process) and handed the same
frozen ``Options``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from . import __version__
from .actors import ActorResolver, KnowledgeBase
from .events import EventCoder, Lexicon
from .events.model import EventModel, ModelSettings, packaged_model
from .nlp import load_parser
from .options import Options
from .records import ActorLayer, Article, CodedArticle, Rejected, Statement
from .statements import StatementFinder

if TYPE_CHECKING:
    from .nlp import Doc

__all__ = ["Coder"]

log = logging.getLogger(__name__)

#: Coded once when a Coder is built, so that what the stages load on first use (the place
#: gazetteer, the date parser's language data) is loaded at start-up, not on the first article.
WARM_UP_TEXT = (
    "On Monday the president of France met the prime minister of India in Paris and said that "
    "both countries would sign a trade agreement next month."
)


class Coder:
    """Codes articles. Build one per process: it loads the model, KB and lexicon once."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.parser = load_parser("en", self.options)
        self.kb = KnowledgeBase.load(self.options)
        self.lexicon = Lexicon.load(self.options)
        self.resolver = ActorResolver(self.kb, self.options)
        self.statement_finder = StatementFinder(self.options)
        self.event_model = self._event_model()
        self.event_coder = EventCoder(
            self.lexicon, self.options, model=self.event_model, settings=ModelSettings.of(self.event_model)
        )
        model = self.parser.version
        if self.event_model is not None and self.options.event_coding != "rules":
            model = f"{self.event_model.version}+{model}"
        self.versions = {
            "eventwire": __version__,
            "lexicon": self.lexicon.version,
            "kb": self.kb.version,
            "model": model,
        }
        self.warm_up()

    def _event_model(self) -> EventModel | None:
        if self.options.event_coding == "rules":
            return None
        if self.options.event_model is not None:
            return EventModel.load(self.options.event_model)
        return packaged_model(self.parser.language)

    def analyse(self, articles: list[Article]) -> Iterator[tuple[Article, Doc, ActorLayer, list[Statement]]]:
        """Parse articles and find their actors and statements: what the event stage reads."""
        docs = self.parser.parse((a.text for a in articles), batch_size=self.options.batch_size)
        for article, doc in zip(articles, docs, strict=True):
            layer = self.resolver.resolve(doc, article)
            yield article, doc, layer, self.statement_finder.find(doc, article, layer)

    def warm_up(self) -> None:
        """Load what the stages load lazily, by coding a short text of our own once."""
        self.code(Article(id="warm-up", text=WARM_UP_TEXT, published="2024-01-01", source="<warm-up>"))

    def code(self, article: Article) -> CodedArticle:
        """Code one article."""
        return next(self.code_many([article]))

    def code_many(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code articles in batches, yielding results in input order."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.options.batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def code_each(self, articles: Iterable[Article]) -> Iterator[CodedArticle | Rejected]:
        """Like :meth:`code_many`, but an article the coder fails on becomes a Rejected.

        One bad article never costs the others: a failing batch is retried one
        article at a time, and the article that fails is rejected with the reason.
        """
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.options.batch_size:
                yield from self._code_batch_isolated(batch)
                batch = []
        if batch:
            yield from self._code_batch_isolated(batch)

    def _code_batch_isolated(self, batch: list[Article]) -> Iterator[CodedArticle | Rejected]:
        try:
            results: list[CodedArticle | Rejected] = list(self._code_batch(batch))
        except Exception:
            log.exception("coding a batch of %d articles failed; coding them one by one", len(batch))
            results = [self._code_one_isolated(article) for article in batch]
        yield from results

    def _code_one_isolated(self, article: Article) -> CodedArticle | Rejected:
        try:
            return self.code(article)
        except Exception as exc:
            log.exception("coding article %s failed", article.source or article.id)
            return Rejected(
                source=article.source or article.id,
                reason="coding-error",
                detail=f"the coder failed on this article ({type(exc).__name__}: {exc}); "
                "the other articles were coded; please report it with the article",
            )

    def _code_batch(self, batch: list[Article]) -> Iterator[CodedArticle]:
        docs = self.parser.parse((a.text for a in batch), batch_size=self.options.batch_size)
        for article, doc in zip(batch, docs, strict=True):
            yield self._code_doc(article, doc)

    def _code_doc(self, article: Article, doc: Doc) -> CodedArticle:
        layer = self.resolver.resolve(doc, article)
        statements, statement_skips = self.statement_finder.find_with_skips(doc, article, layer)
        events, skipped = self.event_coder.code(doc, article, layer, statements)
        return CodedArticle(
            article=article,
            actors=layer.actors,
            events=events,
            statements=statements,
            versions=dict(self.versions),
            skipped=statement_skips + skipped,
        )
