"""The linking test set: articles we wrote, and coded articles built from its gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwire.ingest import read_articles
from eventwire.linking.evaluate import load_gold
from eventwire.records import Actor, Article, CodedArticle, Event, Span

DATA = Path(__file__).resolve().parent.parent / "data" / "linking"


def oracle_coded(gold: dict[str, Any]) -> list[CodedArticle]:
    """The articles as the coder would code them if it found exactly the gold mentions."""
    articles = [a for a in read_articles(sorted((DATA / "articles").glob("*.txt"))) if isinstance(a, Article)]
    out = []
    for article in articles:
        name = Path(article.source or "").name
        mentions = [m for m in gold["mentions"] if m["article"] == name]
        ids = sorted({i for m in mentions for i in m["actor"] + m["recipient"]})
        actors = []
        for i, key in enumerate(ids, 1):
            display, kind, country, sector = gold["actors"][key]
            actors.append(Actor(f"a{i}", display, kind, country, sector, entry=key))
        local = {a.entry: a.id for a in actors}
        events = []
        for j, m in enumerate(mentions, 1):
            s = article.text.index(m["sentence_contains"])
            start = article.text.rfind("\n", 0, s) + 1
            end = article.text.find("\n", s)
            t = article.text.index(m["trigger"], start)
            events.append(Event(
                id=f"e{j}", type=m["type"], mode=None, context=[], cameo=None,
                actor=[local[x] for x in m["actor"]], recipient=[local[x] for x in m["recipient"]],
                sentence=Span(article.text[start:end], start, end),
                trigger=Span(m["trigger"], t, t + len(m["trigger"])),
                date=m["date"], date_precision=m.get("date_precision", "day" if m["date"] else None),
                negated=m.get("negated", False), hypothetical=m.get("hypothetical", False), confidence=0.9,
            ))
        out.append(CodedArticle(article, actors, events, [], {"eventwire": "test"}))
    return out


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return load_gold(DATA / "gold.json")


@pytest.fixture(scope="session")
def oracle(gold: dict[str, Any]) -> list[CodedArticle]:
    return oracle_coded(gold)
