"""Read-side queries over the store: events (linked), actors, statements, rejected inputs.

Each function returns plain dicts (JSON-ready), so the CLI, the HTTP API and
tests share them. Filters are optional; text filters are case-insensitive
substring matches.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from ..errors import ConfigError
from .db import Store

__all__ = [
    "EventFilter",
    "actor",
    "actors",
    "article",
    "articles",
    "dyads",
    "event_mentions",
    "events",
    "explain",
    "like_pattern",
    "location",
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


def like_pattern(value: str) -> str:
    """``value`` as an ILIKE pattern matching it anywhere (``%``, ``_`` and ``\\`` taken literally)."""
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
        params.append(like_pattern(f.outlet))
    if f.text:
        where.append(mention.format(join="", cond="e.sentence ILIKE ? ESCAPE '\\'"))
        params.append(like_pattern(f.text))
    if f.actor:
        where.append(mention.format(join=participant, cond="ac.name ILIKE ? ESCAPE '\\'"))
        params.append(like_pattern(f.actor))
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
        params.append(like_pattern(name))
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
        params.append(like_pattern(speaker))
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
    """One article with its actors (and their mentions), events and statements; None if unknown."""
    rows = store.query("SELECT * FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    found = rows[0]
    found["excluded"] = json.loads(found["excluded"]) if found.get("excluded") else []
    actors_ = store.query(
        "SELECT actor_id AS id, name, kind, country, sector, role, kb_id, entry, canonical "
        "FROM actors WHERE article_id = ? ORDER BY name",
        [article_id],
    )
    mentions = store.query(
        'SELECT actor_id, start, "end", text, how FROM actor_mentions WHERE article_id = ? ORDER BY start',
        [article_id],
    )
    by_actor: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        by_actor.setdefault(m.pop("actor_id"), []).append(m)
    for a in actors_:
        a["mentions"] = by_actor.get(a["id"], [])
    events_ = store.query(
        "SELECT e.event_id AS id, l.linked_id, e.type, e.mode, e.cameo, e.actor, e.recipient, e.date, "
        "e.date_precision, e.location, e.negated, e.hypothetical, e.historical, e.source, e.sentence, "
        "e.sentence_start, e.sentence_end, e.trigger, e.trigger_start, e.trigger_end, e.confidence "
        "FROM events e LEFT JOIN event_links l USING (article_id, event_id) "
        "WHERE e.article_id = ? ORDER BY e.trigger_start",
        [article_id],
    )
    for e in events_:
        e["location"] = location(e["location"])
    statements_ = store.query(
        "SELECT statement_id AS id, speaker, cue, cue_start, cue_end, content, content_start, "
        "content_end, kind, events FROM statements WHERE article_id = ? ORDER BY content_start",
        [article_id],
    )
    return {"article": found, "actors": actors_, "events": events_, "statements": statements_}


def location(value: Any) -> dict[str, Any] | None:
    """A stored event location (JSON text, or a bare place name) as a dict; None if there is none."""
    if not value:
        return None
    if isinstance(value, dict):
        return value
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return {"name": str(value)}
    return parsed if isinstance(parsed, dict) else {"name": str(parsed)}


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
        params.append(like_pattern(outlet))
    if text:
        where.append("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')")
        params.extend([like_pattern(text), like_pattern(text)])
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("substr(a.published, 1, length(?)) <= ?")
        params.extend([until, until])
    sql = (
        "SELECT a.id, a.title, a.outlet, a.url, a.published, a.language, a.translation_source, "
        "a.translation_service, a.source, a.words, "
        "(SELECT count(*) FROM events x WHERE x.article_id = a.id) AS events, "
        "(SELECT count(*) FROM statements x WHERE x.article_id = a.id) AS statements, "
        "(SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS actors "
        "FROM articles a"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published DESC NULLS LAST, a.title, a.id LIMIT ? OFFSET ?"
    )
    return store.query(sql, [*params, limit, offset])


_EVENT_ROLE = """
SELECT DISTINCT l.linked_id, e.article_id, e.event_id, e.type, e.mode, e.date, e.date_precision,
       e.sentence, a.title, a.outlet, a.published,
       (SELECT list(x.name ORDER BY x.name) FROM actors x WHERE x.article_id = e.article_id
          AND list_contains(e.actor, x.actor_id)) AS actor_names,
       (SELECT list(x.name ORDER BY x.name) FROM actors x WHERE x.article_id = e.article_id
          AND list_contains(e.recipient, x.actor_id)) AS recipient_names
FROM actors ac JOIN events e ON e.article_id = ac.article_id AND list_contains(e.{role}, ac.actor_id)
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_links l ON l.article_id = e.article_id AND l.event_id = e.event_id
WHERE ac.canonical = ?
ORDER BY coalesce(e.date, a.published) DESC NULLS LAST, e.article_id, e.event_id
LIMIT ?
"""


def actor(store: Store, canonical: str, limit: int = 200) -> dict[str, Any] | None:
    """An actor across articles: its roles at each article's date, statements, events as actor/recipient.

    ``canonical`` is the actor's key across articles (``kb:...`` for knowledge-base entries,
    ``name:...`` for people the KB does not know); None if no article names it.
    """
    appearances = store.query(
        "SELECT ac.article_id, ac.actor_id, ac.name, ac.kind, ac.country, ac.sector, ac.role, ac.kb_id, "
        "a.title, a.outlet, a.published, "
        "(SELECT count(*) FROM actor_mentions m WHERE m.article_id = ac.article_id "
        " AND m.actor_id = ac.actor_id) AS mentions "
        "FROM actors ac JOIN articles a ON a.id = ac.article_id WHERE ac.canonical = ? "
        "ORDER BY a.published DESC NULLS LAST, a.title, ac.article_id",
        [canonical],
    )
    if not appearances:
        return None
    first = appearances[0]
    said = store.query(
        "SELECT s.article_id, s.statement_id, s.kind, s.cue, s.content, s.content_start, s.content_end, "
        "a.title, a.outlet, a.published FROM statements s JOIN actors ac "
        "ON ac.article_id = s.article_id AND ac.actor_id = s.speaker "
        "JOIN articles a ON a.id = s.article_id WHERE ac.canonical = ? "
        "ORDER BY a.published DESC NULLS LAST, s.article_id, s.content_start LIMIT ?",
        [canonical, limit],
    )
    return {
        "canonical": canonical,
        "name": first["name"],
        "kind": first["kind"],
        "country": first["country"],
        "sector": first["sector"],
        "kb_id": next((a["kb_id"] for a in appearances if a["kb_id"]), None),
        "appearances": appearances,
        "statements": said,
        "events_as_actor": store.query(_EVENT_ROLE.format(role="actor"), [canonical, limit]),
        "events_as_recipient": store.query(_EVENT_ROLE.format(role="recipient"), [canonical, limit]),
    }


def dyads(store: Store, f: EventFilter | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Who acted on whom: (actor, recipient) pairs with how many linked events join them, most first.

    Only linked events matching ``f`` count (its limit and offset are ignored). Events with
    recipients give directed pairs; reciprocal events (talks, calls) and events without
    recipients give ``mutual`` pairs between their participants, counted once, the lower
    canonical key first.
    """
    base = f or EventFilter()
    defaults = EventFilter()
    by_type_only = dataclasses.replace(base, type=None, limit=defaults.limit, offset=0) == defaults
    cond, params = "", []
    if by_type_only and base.type:
        cond, params = " AND e.type = ?", [base.type.upper()]
    elif not by_type_only:
        ids = [r["id"] for r in events(store, dataclasses.replace(base, limit=1_000_000, offset=0))]
        if not ids:
            return []
        cond = " AND l.linked_id IN (SELECT id FROM _dyad_ids)"
        store.conn.register("_dyad_ids", pa.table({"id": pa.array(ids, pa.string())}))
    sql = f"""
    WITH parts AS (
        SELECT e.article_id, e.event_id, e.type, l.linked_id, x.canonical, x.name,
               list_contains(e.recipient, x.actor_id) AS is_recipient,
               le.reciprocal OR len(e.recipient) = 0 AS mutual
        FROM events e JOIN event_links l USING (article_id, event_id)
        JOIN linked_events le ON le.id = l.linked_id
        JOIN actors x ON x.article_id = e.article_id
             AND (list_contains(e.actor, x.actor_id) OR list_contains(e.recipient, x.actor_id))
        WHERE true{cond}
    ), pairs AS (
        SELECT a.canonical AS source, a.name AS source_name, r.canonical AS target, r.name AS target_name,
               false AS mutual, a.linked_id, a.type
        FROM parts a JOIN parts r USING (article_id, event_id)
        WHERE NOT a.mutual AND NOT a.is_recipient AND r.is_recipient AND a.canonical <> r.canonical
        UNION ALL
        SELECT a.canonical, a.name, r.canonical, r.name, true, a.linked_id, a.type
        FROM parts a JOIN parts r USING (article_id, event_id)
        WHERE a.mutual AND a.canonical < r.canonical
    )
    SELECT source, any_value(source_name) AS source_name, target, any_value(target_name) AS target_name,
           mutual, count(DISTINCT linked_id) AS events, list(DISTINCT type ORDER BY type) AS types
    FROM pairs GROUP BY source, target, mutual
    ORDER BY events DESC, source_name, target_name LIMIT ?
    """
    try:
        return store.query(sql, [*params, limit])
    finally:
        if not by_type_only:
            store.conn.unregister("_dyad_ids")
