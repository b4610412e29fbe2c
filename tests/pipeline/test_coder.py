"""The coder isolates failures: one article that breaks a stage never costs the others."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.ingest import article_id
from eventwire.records import Article, CodedArticle, Rejected


def _article(text: str) -> Article:
    return Article(id=article_id(text), text=text, published="2024-03-01", source=text[:12])


def test_code_each_rejects_the_failing_article_and_codes_the_rest(
    coder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = coder.resolver.resolve

    def flaky(doc: Any, article: Article) -> Any:
        if "explode" in article.text:
            raise RuntimeError("resolver broke")
        return real(doc, article)

    monkeypatch.setattr(coder.resolver, "resolve", flaky)
    texts = [
        "Emmanuel Macron met Olaf Scholz in Paris on Monday.",
        "This article will explode the resolver.",
        "Antony Blinken called Dmytro Kuleba on Tuesday.",
    ]
    results = list(coder.code_each(_article(t) for t in texts))
    assert [type(r) for r in results] == [CodedArticle, Rejected, CodedArticle]
    rejected = results[1]
    assert isinstance(rejected, Rejected)
    assert rejected.reason == "coding-error" and "resolver broke" in rejected.detail
    first = results[0]
    assert isinstance(first, CodedArticle)
    assert {a.name for a in first.actors} >= {"Emmanuel Macron", "Olaf Scholz"}
