"""A flat event table: one row per event, tab-separated, with a header row.

Lists (several actors, contexts) are joined with ``;`` in the same order in the
name, country and sector columns, so ``actor_names`` and ``actor_countries`` line up.
Booleans are ``true``/``false``; missing values are empty cells. Tabs and newlines
inside values are replaced by spaces so every event is one line.
"""

from __future__ import annotations

from typing import Any

from ..records import Actor, CodedArticle

__all__ = ["TSV_COLUMNS", "tsv_rows"]

TSV_COLUMNS = (
    "article_id",
    "event_id",
    "date",
    "date_precision",
    "type",
    "mode",
    "context",
    "cameo",
    "actor_names",
    "actor_countries",
    "actor_sectors",
    "recipient_names",
    "recipient_countries",
    "recipient_sectors",
    "negated",
    "hypothetical",
    "historical",
    "source",
    "location",
    "location_country",
    "trigger",
    "sentence_start",
    "sentence_end",
    "confidence",
    "outlet",
    "published",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _joined(actors: list[Actor], attr: str) -> str:
    return ";".join(_cell(getattr(a, attr)) for a in actors)


def tsv_rows(coded: CodedArticle) -> list[dict[str, str]]:
    """The table rows of one coded article, keyed by :data:`TSV_COLUMNS`."""
    by_id = coded.actor_by_id()
    rows = []
    for ev in coded.events:
        actors = [by_id[i] for i in ev.actor if i in by_id]
        recipients = [by_id[i] for i in ev.recipient if i in by_id]
        source = by_id.get(ev.source) if ev.source else None
        loc = ev.location or {}
        row: dict[str, Any] = {
            "article_id": coded.article.id,
            "event_id": ev.id,
            "date": ev.date,
            "date_precision": ev.date_precision,
            "type": ev.type,
            "mode": ev.mode,
            "context": ";".join(ev.context),
            "cameo": ev.cameo,
            "actor_names": _joined(actors, "name"),
            "actor_countries": _joined(actors, "country"),
            "actor_sectors": _joined(actors, "sector"),
            "recipient_names": _joined(recipients, "name"),
            "recipient_countries": _joined(recipients, "country"),
            "recipient_sectors": _joined(recipients, "sector"),
            "negated": ev.negated,
            "hypothetical": ev.hypothetical,
            "historical": ev.historical,
            "source": source.name if source else None,
            "location": loc.get("name"),
            "location_country": loc.get("country"),
            "trigger": ev.trigger.text,
            "sentence_start": ev.sentence.start,
            "sentence_end": ev.sentence.end,
            "confidence": round(ev.confidence, 3),
            "outlet": coded.article.outlet,
            "published": coded.article.published,
        }
        rows.append({k: _cell(row[k]) for k in TSV_COLUMNS})
    return rows
