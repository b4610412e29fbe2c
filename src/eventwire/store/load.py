"""Stored rows back into records: CodedArticles as the coder produced them.

Used by the JSONL and PLOVER exports (and by anyone who wants the article
contract out of a store). Articles are read in chunks, in id order, so an
export never holds the whole store in memory.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from ..records import Actor, Article, CodedArticle, Event, Mention, Span, Statement, Translation
from .db import Store

__all__ = ["iter_coded", "load_coded"]


def load_coded(store: Store, article_id: str) -> CodedArticle | None:
    found = list(_coded_for(store, [article_id]))
    return found[0] if found else None


def iter_coded(store: Store, chunk: int = 200) -> Iterator[CodedArticle]:
    """Every stored article as a CodedArticle, in article id order."""
    last = ""
    while True:
        ids = [
            r[0]
            for r in store.execute("SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?", [last, chunk])
        ]
        if not ids:
            return
        yield from _coded_for(store, ids)
        last = ids[-1]


def _rows(store: Store, table: str, key: str, ids: list[str], order: str) -> dict[str, list[dict[str, Any]]]:
    store.conn.register("_want", pa.table({"k": pa.array(ids, pa.string())}))
    try:
        rows = store.query(f'SELECT * FROM "{table}" WHERE {key} IN (SELECT k FROM _want) ORDER BY {order}')
    finally:
        store.conn.unregister("_want")
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    return out


def _coded_for(store: Store, ids: list[str]) -> Iterator[CodedArticle]:
    arts = _rows(store, "articles", "id", ids, "id")
    actors = _rows(store, "actors", "article_id", ids, "article_id, actor_id")
    mentions = _rows(store, "actor_mentions", "article_id", ids, 'article_id, start, "end", actor_id')
    events = _rows(store, "events", "article_id", ids, "article_id, sentence_start, trigger_start, event_id")
    statements = _rows(store, "statements", "article_id", ids, "article_id, content_start, statement_id")
    for article_id in ids:
        if article_id not in arts:
            continue
        a = arts[article_id][0]
        article = _article(a)
        by_actor: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions.get(article_id, []):
            by_actor[m["actor_id"]].append(Mention(m["text"], m["start"], m["end"], m["how"]))
        yield CodedArticle(
            article=article,
            actors=[
                Actor(
                    id=r["actor_id"],
                    name=r["name"],
                    kind=r["kind"],
                    country=r["country"],
                    sector=r["sector"],
                    role=r["role"],
                    kb_id=r["kb_id"],
                    entry=r["entry"],
                    mentions=by_actor.get(r["actor_id"], []),
                )
                for r in actors.get(article_id, [])
            ],
            events=[_event(r) for r in events.get(article_id, [])],
            statements=[_statement(r) for r in statements.get(article_id, [])],
            versions={
                k: v for k in ("eventwire", "lexicon", "kb", "model") if (v := a[f"version_{k}"]) is not None
            },
        )


def _article(a: dict[str, Any]) -> Article:
    translation = None
    if a["translation_source"] or a["translation_service"]:
        note = None
        if a["translation_note_start"] is not None:
            s, e = a["translation_note_start"], a["translation_note_end"]
            note = Span(a["text"][s:e], s, e)
        translation = Translation(a["translation_source"], a["translation_service"], note)
    excluded = tuple(tuple(x) for x in json.loads(a["excluded"])) if a["excluded"] else ()
    return Article(
        id=a["id"],
        text=a["text"],
        title=a["title"],
        outlet=a["outlet"],
        url=a["url"],
        published=a["published"],
        language=a["language"] or "en",
        translation=translation,
        source=a["source"],
        excluded=excluded,
    )


def _event(r: dict[str, Any]) -> Event:
    return Event(
        id=r["event_id"],
        type=r["type"],
        mode=r["mode"],
        context=list(r["context"] or []),
        cameo=r["cameo"],
        actor=list(r["actor"] or []),
        recipient=list(r["recipient"] or []),
        sentence=Span(r["sentence"], r["sentence_start"], r["sentence_end"]),
        trigger=Span(r["trigger"], r["trigger_start"], r["trigger_end"]),
        date=r["date"],
        date_precision=r["date_precision"],
        location=json.loads(r["location"]) if r["location"] else None,
        negated=bool(r["negated"]),
        hypothetical=bool(r["hypothetical"]),
        historical=bool(r["historical"]),
        source=r["source"],
        confidence=float(r["confidence"]),
    )


def _statement(r: dict[str, Any]) -> Statement:
    cue = Span(r["cue"], r["cue_start"], r["cue_end"]) if r["cue"] is not None else None
    return Statement(
        id=r["statement_id"],
        speaker=r["speaker"],
        cue=cue,
        content=Span(r["content"], r["content_start"], r["content_end"]),
        kind=r["kind"],
        events=list(r["events"] or []),
    )
