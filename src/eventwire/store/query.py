"""Read-side queries over the store: events (linked), actors, statements, rejected inputs.

Each function returns plain dicts (JSON-ready), so the CLI, the HTTP API and
tests share them. Filters are optional; text filters are case-insensitive
substring matches.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from ..errors import ConfigError
from .db import Store

__all__ = [
    "EventFilter",
    "actors",
    "article",
    "event_mentions",
    "events",
    "explain",
    "rejected",
    "statements",
]


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # name (any participant, canonical or as written)
    country: str | None = None  # alpha-3 code of any participant
    type: str | None = None  # PLOVER type
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    outlet: str | None = None  # outlet of any mention
    text: str | None = None  # substring of any mention's sentence
    limit: int = 100
    offset: int = 0


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def events(store: Store, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Linked events matching the filter, newest first, with their report counts."""
    f = f or EventFilter()
    where: list[str] = []
    params: list[Any] = []
    mention = (
        "EXISTS (SELECT 1 FROM event_links l JOIN events e USING (article_id, event_id) "
        "JOIN articles a ON a.id = e.article_id {join} WHERE l.linked_id = le.id AND {cond})"
    )
    participant = (
        "JOIN actors ac ON ac.article_id = e.article_id "
        "AND (list_contains(e.actor, ac.actor_id) OR list_contains(e.recipient, ac.actor_id))"
    )
    if f.type:
        where.append("le.type = ?")
        params.append(f.type.upper())
    if f.since:
        where.append("le.date >= ?")
        params.append(f.since)
    if f.until:
        where.append("substr(le.date, 1, length(?)) <= ?")
        params.extend([f.until, f.until])
    if f.outlet:
        where.append(mention.format(join="", cond="a.outlet ILIKE ? ESCAPE '\\'"))
        params.append(_like(f.outlet))
    if f.text:
        where.append(mention.format(join="", cond="e.sentence ILIKE ? ESCAPE '\\'"))
        params.append(_like(f.text))
    if f.actor:
        where.append(mention.format(join=participant, cond="ac.name ILIKE ? ESCAPE '\\'"))
        params.append(_like(f.actor))
    if f.country:
        where.append(mention.format(join=participant, cond="ac.country = ?"))
        params.append(f.country.upper())
    if f.limit <= 0:
        raise ConfigError(f"limit must be positive, got {f.limit}")
    sql = (
        "SELECT le.id, le.type, le.date, le.date_precision, le.actor, le.recipient, le.reciprocal, "
        "le.num_mentions, le.num_articles, le.num_sources, "
        "(SELECT e.sentence FROM events e WHERE e.article_id = le.first_article_id "
        " AND e.event_id = le.first_event_id) AS sentence "
        "FROM linked_events le"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY le.date DESC NULLS LAST, le.num_mentions DESC, le.id LIMIT ? OFFSET ?"
    )
    return store.query(sql, [*params, f.limit, f.offset])


def event_mentions(store: Store, linked_id: str) -> list[dict[str, Any]]:
    """Every report of one linked event: article, outlet, sentence, span, confidence, why it was joined."""
    return store.query(
        """SELECT l.article_id, l.event_id, a.outlet, a.title, a.url, a.published, e.sentence,
                  e.sentence_start, e.sentence_end, e.trigger, e.trigger_start, e.trigger_end,
                  e.date, e.date_precision, e.confidence, e.mode, e.cameo,
                  e.link_date, e.link_precision, l.reason,
                  (SELECT list(ac.name ORDER BY ac.name) FROM actors ac WHERE ac.article_id = e.article_id
                     AND list_contains(e.actor, ac.actor_id)) AS actor_names,
                  (SELECT list(ac.name ORDER BY ac.name) FROM actors ac WHERE ac.article_id = e.article_id
                     AND list_contains(e.recipient, ac.actor_id)) AS recipient_names
           FROM event_links l JOIN events e USING (article_id, event_id)
           JOIN articles a ON a.id = l.article_id
           WHERE l.linked_id = ? ORDER BY e.link_date NULLS LAST, l.article_id, l.event_id""",
        [linked_id],
    )


def explain(store: Store, linked_id: str) -> dict[str, Any] | None:
    """A linked event, the key its reports share, and why each report was joined."""
    rows = store.query("SELECT * FROM linked_events WHERE id = ?", [linked_id])
    if not rows:
        return None
    le = rows[0]
    type_, actors_key, recipients_key, flags = le["link_key"].split("|")
    rules = {
        "type": type_,
        "participants": actors_key.split("+") if actors_key else [],
        "recipients": None
        if recipients_key == "<->"
        else (recipients_key.split("+") if recipients_key else []),
        "reciprocal": recipients_key == "<->",
        "flags": flags or None,
    }
    return {"event": le, "key": rules, "mentions": event_mentions(store, linked_id)}


def actors(
    store: Store, name: str | None = None, country: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Actors across articles, one row per canonical identity, most-mentioned first."""
    where, params = [], []
    if name:
        where.append("name ILIKE ? ESCAPE '\\'")
        params.append(_like(name))
    if country:
        where.append("country = ?")
        params.append(country.upper())
    sql = (
        "SELECT canonical, any_value(name ORDER BY name) AS name, any_value(kind) AS kind, "
        "any_value(country) AS country, any_value(sector) AS sector, "
        "any_value(role ORDER BY a.published DESC NULLS LAST) AS role, any_value(kb_id) AS kb_id, "
        "count(DISTINCT ac.article_id) AS articles, "
        "(SELECT count(*) FROM actor_mentions m JOIN actors x USING (article_id, actor_id) "
        " WHERE x.canonical = ac.canonical) AS mentions "
        "FROM actors ac JOIN articles a ON a.id = ac.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " GROUP BY canonical ORDER BY mentions DESC, name LIMIT ?"
    )
    return store.query(sql, [*params, limit])


def statements(store: Store, speaker: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Statements with their speaker's name and the article's outlet and date."""
    where, params = [], []
    if speaker:
        where.append("ac.name ILIKE ? ESCAPE '\\'")
        params.append(_like(speaker))
    sql = (
        "SELECT s.article_id, s.statement_id, ac.name AS speaker, s.kind, s.cue, s.content, "
        "s.content_start, s.content_end, a.outlet, a.published "
        "FROM statements s JOIN articles a ON a.id = s.article_id "
        "LEFT JOIN actors ac ON ac.article_id = s.article_id AND ac.actor_id = s.speaker"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published DESC NULLS LAST, s.article_id, s.content_start LIMIT ?"
    )
    return store.query(sql, [*params, limit])


def rejected(store: Store, reason: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    where = " WHERE reason = ?" if reason else ""
    return store.query(
        f"SELECT source, reason, detail, run_id FROM rejected{where} ORDER BY source, reason LIMIT ?",
        [*([reason] if reason else []), limit],
    )


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    rows = store.query("SELECT * FROM articles WHERE id = ?", [article_id])
    return rows[0] if rows else None


def articles(
    store: Store,
    outlet: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Articles (without their text) with counts of actors, events and statements, newest first."""
    where, params = [], []
    if outlet:
        where.append("a.outlet ILIKE ? ESCAPE '\\'")
        params.append(_like(outlet))
    if text:
        where.append("(a.text ILIKE ? ESCAPE '\\' OR a.title ILIKE ? ESCAPE '\\')")
        params.extend([_like(text), _like(text)])
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("substr(a.published, 1, length(?)) <= ?")
        params.extend([until, until])
    sql = (
        "SELECT a.id, a.title, a.outlet, a.url, a.published, a.language, a.translation_source, "
        "a.translation_service, a.source, a.words, "
        "(SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS actors, "
        "(SELECT count(*) FROM events x WHERE x.article_id = a.id) AS events, "
        "(SELECT count(*) FROM statements x WHERE x.article_id = a.id) AS statements "
        "FROM articles a"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?"
    )
    return store.query(sql, [*params, limit, offset])


def actor(store: Store, canonical: str, limit: int = 200) -> dict[str, Any] | None:
    """One actor across articles: identity, latest role, events as actor and as recipient, statements."""
    found = store.query(
        "SELECT canonical, any_value(name) AS name, any_value(kind) AS kind, any_value(country) AS country, "
        "any_value(sector) AS sector, any_value(kb_id) AS kb_id, any_value(entry) AS entry, "
        "any_value(ac.role ORDER BY a.published DESC NULLS LAST) AS role, "
        "count(DISTINCT ac.article_id) AS articles "
        "FROM actors ac JOIN articles a ON a.id = ac.article_id WHERE canonical = ? GROUP BY canonical",
        [canonical],
    )
    if not found:
        return None
    role_events = (
        "SELECT DISTINCT le.id, le.type, le.date, le.actor, le.recipient, le.num_mentions, le.num_sources "
        "FROM linked_events le JOIN event_links l ON l.linked_id = le.id "
        "JOIN events e USING (article_id, event_id) "
        "JOIN actors ac ON ac.article_id = e.article_id AND list_contains(e.{role}, ac.actor_id) "
        "WHERE ac.canonical = ? ORDER BY le.date DESC NULLS LAST, le.id LIMIT ?"
    )
    return {
        "actor": found[0],
        "events_as_actor": store.query(role_events.format(role="actor"), [canonical, limit]),
        "events_as_recipient": store.query(role_events.format(role="recipient"), [canonical, limit]),
        "statements": store.query(
            "SELECT s.article_id, s.statement_id, s.kind, s.cue, s.content, s.content_start, s.content_end, "
            "a.outlet, a.published FROM statements s JOIN articles a ON a.id = s.article_id "
            "JOIN actors ac ON ac.article_id = s.article_id AND ac.actor_id = s.speaker "
            "WHERE ac.canonical = ? ORDER BY a.published DESC NULLS LAST, s.article_id, s.content_start "
            "LIMIT ?",
            [canonical, limit],
        ),
    }


def dyads(store: Store, f: EventFilter | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Who acted on whom: (actor, recipient, type) with the number of linked events, most first.

    Reciprocal events count once, under their participants in name order.
    """
    base = f or EventFilter()
    ids = [r["id"] for r in events(store, dataclasses.replace(base, limit=1_000_000, offset=0))]
    if not ids:
        return []
    store.conn.register("_dyad_ids", pa.table({"id": pa.array(ids, pa.string())}))
    try:
        return store.query(
            """SELECT src AS actor, dst AS recipient, type, count(*) AS events, sum(num_mentions) AS mentions
               FROM (
                 SELECT le.type, le.num_mentions, a.name AS src, r.name AS dst
                 FROM linked_events le JOIN _dyad_ids USING (id),
                      unnest(CASE WHEN le.reciprocal THEN list_sort(list_concat(le.actor, le.recipient))[1:1]
                                  ELSE le.actor END) AS a(name),
                      unnest(CASE WHEN le.reciprocal THEN list_sort(list_concat(le.actor, le.recipient))[2:]
                                  ELSE le.recipient END) AS r(name)
               )
               GROUP BY ALL ORDER BY events DESC, actor, recipient, type LIMIT ?""",
            [limit],
        )
    finally:
        store.conn.unregister("_dyad_ids")
