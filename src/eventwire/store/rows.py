"""Coded articles as table rows: the one place that maps records to the store's columns.

:func:`batch_tables` turns a batch of CodedArticles into one Arrow table per
store table. It is pure (no database), so worker processes and Dask tasks
call it and ship Arrow tables back; :func:`eventwire.store.write.write_tables`
then merges them into a store, and the same tables can be written as Parquet
shards.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa

from ..linking.keys import LinkRules, canonical, event_date, link_key
from ..records import CodedArticle, Rejected

__all__ = [
    "ARROW_SCHEMAS",
    "CODED_TABLES",
    "CONTENT_TABLES",
    "LINK_TABLES",
    "STORE_TABLES",
    "batch_tables",
    "empty_tables",
    "rejected_table",
]

_S = pa.string()
_I = pa.int32()
_B = pa.bool_()
_LS = pa.list_(pa.string())

ARROW_SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("id", _S),
            ("title", _S),
            ("text", _S),
            ("outlet", _S),
            ("url", _S),
            ("published", _S),
            ("language", _S),
            ("translation_source", _S),
            ("translation_service", _S),
            ("translation_note_start", _I),
            ("translation_note_end", _I),
            ("source", _S),
            ("excluded", _S),
            ("words", _I),
            ("version_eventwire", _S),
            ("version_lexicon", _S),
            ("version_kb", _S),
            ("version_model", _S),
            ("run_id", _I),
        ]
    ),
    "actors": pa.schema(
        [
            ("article_id", _S),
            ("actor_id", _S),
            ("name", _S),
            ("kind", _S),
            ("country", _S),
            ("sector", _S),
            ("role", _S),
            ("kb_id", _S),
            ("entry", _S),
            ("canonical", _S),
        ]
    ),
    "actor_mentions": pa.schema(
        [
            ("article_id", _S),
            ("actor_id", _S),
            ("start", _I),
            ("end", _I),
            ("text", _S),
            ("how", _S),
        ]
    ),
    "events": pa.schema(
        [
            ("article_id", _S),
            ("event_id", _S),
            ("type", _S),
            ("mode", _S),
            ("context", _LS),
            ("cameo", _S),
            ("actor", _LS),
            ("recipient", _LS),
            ("date", _S),
            ("date_precision", _S),
            ("location", _S),
            ("negated", _B),
            ("hypothetical", _B),
            ("historical", _B),
            ("source", _S),
            ("sentence", _S),
            ("sentence_start", _I),
            ("sentence_end", _I),
            ("trigger", _S),
            ("trigger_start", _I),
            ("trigger_end", _I),
            ("confidence", pa.float64()),
            ("link_key", _S),
            ("link_date", _S),
            ("link_precision", _S),
        ]
    ),
    "statements": pa.schema(
        [
            ("article_id", _S),
            ("statement_id", _S),
            ("speaker", _S),
            ("cue", _S),
            ("cue_start", _I),
            ("cue_end", _I),
            ("content", _S),
            ("content_start", _I),
            ("content_end", _I),
            ("kind", _S),
            ("events", _LS),
        ]
    ),
    "rejected": pa.schema([("source", _S), ("reason", _S), ("detail", _S), ("run_id", _I)]),
}

#: Tables filled from coded articles, in the order they are written.
CODED_TABLES = ("articles", "actors", "actor_mentions", "events", "statements")
#: Tables the linker fills from the coded events.
LINK_TABLES = ("linked_events", "event_links")
#: Everything a store holds about its inputs (run bookkeeping left out).
CONTENT_TABLES = (*CODED_TABLES, *LINK_TABLES, "rejected")
#: Every table of a store, bookkeeping (``runs``) last.
STORE_TABLES = (*CONTENT_TABLES, "runs")


def article_rows(
    coded: CodedArticle, rules: LinkRules, run_id: int | None
) -> dict[str, list[dict[str, Any]]]:
    """Rows of every coded table for one article."""
    a = coded.article
    t = a.translation
    v = coded.versions
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in CODED_TABLES}
    rows["articles"].append(
        {
            "id": a.id,
            "title": a.title,
            "text": a.text,
            "outlet": a.outlet,
            "url": a.url,
            "published": a.published,
            "language": a.language,
            "translation_source": t.source_language if t else None,
            "translation_service": t.service if t else None,
            "translation_note_start": t.note.start if t and t.note else None,
            "translation_note_end": t.note.end if t and t.note else None,
            "source": a.source,
            "excluded": json.dumps([list(x) for x in a.excluded]) if a.excluded else None,
            "words": len(a.text.split()),
            "version_eventwire": v.get("eventwire"),
            "version_lexicon": v.get("lexicon"),
            "version_kb": v.get("kb"),
            "version_model": v.get("model"),
            "run_id": run_id,
        }
    )
    for actor in coded.actors:
        rows["actors"].append(
            {
                "article_id": a.id,
                "actor_id": actor.id,
                "name": actor.name,
                "kind": actor.kind,
                "country": actor.country,
                "sector": actor.sector,
                "role": actor.role,
                "kb_id": actor.kb_id,
                "entry": actor.entry,
                "canonical": canonical(actor),
            }
        )
        seen: set[tuple[int, int]] = set()
        for m in actor.mentions:
            if (m.start, m.end) in seen:
                continue
            seen.add((m.start, m.end))
            rows["actor_mentions"].append(
                {
                    "article_id": a.id,
                    "actor_id": actor.id,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "how": m.how,
                }
            )
    by_id = coded.actor_by_id()
    for e in coded.events:
        date, precision = event_date(e, a)
        rows["events"].append(
            {
                "article_id": a.id,
                "event_id": e.id,
                "type": e.type,
                "mode": e.mode,
                "context": list(e.context),
                "cameo": e.cameo,
                "actor": list(e.actor),
                "recipient": list(e.recipient),
                "date": e.date,
                "date_precision": e.date_precision,
                "location": json.dumps(e.location, ensure_ascii=False, sort_keys=True)
                if e.location
                else None,
                "negated": e.negated,
                "hypothetical": e.hypothetical,
                "historical": e.historical,
                "source": e.source,
                "sentence": e.sentence.text,
                "sentence_start": e.sentence.start,
                "sentence_end": e.sentence.end,
                "trigger": e.trigger.text,
                "trigger_start": e.trigger.start,
                "trigger_end": e.trigger.end,
                "confidence": float(e.confidence),
                "link_key": link_key(e, by_id, rules),
                "link_date": date,
                "link_precision": precision,
            }
        )
    for s in coded.statements:
        rows["statements"].append(
            {
                "article_id": a.id,
                "statement_id": s.id,
                "speaker": s.speaker,
                "cue": s.cue.text if s.cue else None,
                "cue_start": s.cue.start if s.cue else None,
                "cue_end": s.cue.end if s.cue else None,
                "content": s.content.text,
                "content_start": s.content.start,
                "content_end": s.content.end,
                "kind": s.kind,
                "events": list(s.events),
            }
        )
    return rows


def batch_tables(
    batch: Iterable[CodedArticle], rules: LinkRules | None = None, run_id: int | None = None
) -> dict[str, pa.Table]:
    """One Arrow table per coded table for a batch of coded articles (duplicates kept once)."""
    rules = rules or LinkRules.load()
    merged: dict[str, list[dict[str, Any]]] = {name: [] for name in CODED_TABLES}
    seen: set[str] = set()
    for coded in batch:
        if coded.article.id in seen:
            continue
        seen.add(coded.article.id)
        for name, rows in article_rows(coded, rules, run_id).items():
            merged[name].extend(rows)
    return {name: _table(name, rows) for name, rows in merged.items()}


def rejected_table(items: Sequence[Rejected], run_id: int | None = None) -> pa.Table:
    rows = [{"source": r.source, "reason": r.reason, "detail": r.detail, "run_id": run_id} for r in items]
    return _table("rejected", rows)


def empty_tables() -> dict[str, pa.Table]:
    return {name: _table(name, []) for name in CODED_TABLES}


def _table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=ARROW_SCHEMAS[name])
