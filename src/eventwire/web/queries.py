"""Read queries the web app needs beyond :mod:`eventwire.store.query`.

Like the store's own queries they return plain JSON-ready dicts. Actors are
identified across articles by their ``canonical`` key (``kb:...`` for
knowledge-base entries, ``name:...`` for people the KB does not know).
"""

from __future__ import annotations

import json
from typing import Any

from ..store.db import Store

__all__ = [
    "actor_detail",
    "actor_list",
    "article_detail",
    "article_list",
    "dyads",
    "linked_event",
    "outlets",
    "search",
    "statement_list",
]


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def article_list(
    store: Store, *, outlet: str | None = None, text: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Articles newest first, with how many actors, events and statements each has."""
    where, params = [], []
    if outlet:
        where.append("a.outlet ILIKE ? ESCAPE '\\'")
        params.append(_like(outlet))
    if text:
        where.append("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')")
        params.extend([_like(text), _like(text)])
    sql = (
        "SELECT a.id, a.title, a.outlet, a.url, a.published, a.language, a.translation_source, "
        "a.translation_service, a.words, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events, "
        "(SELECT count(*) FROM statements s WHERE s.article_id = a.id) AS statements, "
        "(SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS actors "
        "FROM articles a"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published DESC NULLS LAST, a.title, a.id LIMIT ? OFFSET ?"
    )
    return store.query(sql, [*params, limit, offset])


def article_detail(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with its actors (and their mentions), events and statements."""
    rows = store.query("SELECT * FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    article = rows[0]
    article["excluded"] = json.loads(article["excluded"]) if article.get("excluded") else []
    actors = store.query(
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
    for a in actors:
        a["mentions"] = by_actor.get(a["id"], [])
    events = store.query(
        "SELECT e.event_id AS id, l.linked_id, e.type, e.mode, e.cameo, e.actor, e.recipient, e.date, "
        "e.date_precision, e.location, e.negated, e.hypothetical, e.historical, e.source, e.sentence, "
        "e.sentence_start, e.sentence_end, e.trigger, e.trigger_start, e.trigger_end, e.confidence "
        "FROM events e LEFT JOIN event_links l USING (article_id, event_id) "
        "WHERE e.article_id = ? ORDER BY e.trigger_start",
        [article_id],
    )
    for e in events:
        e["location"] = _location(e["location"])
    statements = store.query(
        "SELECT statement_id AS id, speaker, cue, cue_start, cue_end, content, content_start, "
        "content_end, kind, events FROM statements WHERE article_id = ? ORDER BY content_start",
        [article_id],
    )
    return {"article": article, "actors": actors, "events": events, "statements": statements}


def _location(value: Any) -> dict[str, Any] | None:
    if not value:
        return None
    if isinstance(value, dict):
        return value
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return {"name": str(value)}
    return parsed if isinstance(parsed, dict) else {"name": str(parsed)}


def linked_event(store: Store, linked_id: str) -> dict[str, Any] | None:
    """One linked event with its participants (names and canonical keys) and the places its reports name."""
    rows = store.query("SELECT * FROM linked_events WHERE id = ?", [linked_id])
    if not rows:
        return None
    event = rows[0]
    people = store.query(
        "SELECT DISTINCT ac.canonical, ac.name, ac.country, ac.sector, "
        "list_contains(e.recipient, ac.actor_id) AS is_recipient "
        "FROM event_links l JOIN events e USING (article_id, event_id) "
        "JOIN actors ac ON ac.article_id = e.article_id "
        "AND (list_contains(e.actor, ac.actor_id) OR list_contains(e.recipient, ac.actor_id)) "
        "WHERE l.linked_id = ? ORDER BY ac.name",
        [linked_id],
    )
    event["actors"] = _distinct([p for p in people if not p["is_recipient"]])
    event["recipients"] = _distinct([p for p in people if p["is_recipient"]])
    facts = store.query(
        "SELECT e.mode, e.cameo, e.context, e.location, e.negated, e.hypothetical, e.historical "
        "FROM event_links l JOIN events e USING (article_id, event_id) WHERE l.linked_id = ? "
        "ORDER BY l.article_id, l.event_id",
        [linked_id],
    )
    event["modes"] = sorted({f["mode"] for f in facts if f["mode"]})
    event["cameo"] = sorted({f["cameo"] for f in facts if f["cameo"]})
    event["context"] = sorted({c for f in facts for c in (f["context"] or [])})
    places = [_location(f["location"]) for f in facts]
    event["places"] = sorted({str(p.get("name")) for p in places if p and p.get("name")})
    event["flags"] = sorted(
        {flag for f in facts for flag in ("negated", "hypothetical", "historical") if f[flag]}
    )
    return event


def _distinct(people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for p in people:
        seen.setdefault(p["canonical"], {k: v for k, v in p.items() if k != "is_recipient"})
    return list(seen.values())


def actor_list(
    store: Store, *, name: str | None = None, country: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Actors across articles (one row per canonical key), most-mentioned first."""
    where, params = [], []
    if name:
        where.append("ac.name ILIKE ? ESCAPE '\\'")
        params.append(_like(name))
    if country:
        where.append("ac.country = ?")
        params.append(country.upper())
    sql = (
        "WITH m AS (SELECT article_id, actor_id, count(*) AS n FROM actor_mentions GROUP BY ALL) "
        "SELECT ac.canonical, any_value(ac.name ORDER BY ac.name) AS name, any_value(ac.kind) AS kind, "
        "any_value(ac.country) AS country, any_value(ac.sector) AS sector, "
        "count(DISTINCT ac.article_id) AS articles, coalesce(sum(m.n), 0)::BIGINT AS mentions "
        "FROM actors ac LEFT JOIN m USING (article_id, actor_id)"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " GROUP BY ac.canonical ORDER BY mentions DESC, name, ac.canonical LIMIT ? OFFSET ?"
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


def actor_detail(store: Store, canonical: str, limit: int = 200) -> dict[str, Any] | None:
    """An actor across articles: its roles at each article's date, statements, events as actor/recipient."""
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
    statements = store.query(
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
        "statements": statements,
        "events_as_actor": store.query(_EVENT_ROLE.format(role="actor"), [canonical, limit]),
        "events_as_recipient": store.query(_EVENT_ROLE.format(role="recipient"), [canonical, limit]),
    }


def statement_list(
    store: Store,
    *,
    speaker: str | None = None,
    kind: str | None = None,
    article_id: str | None = None,
    outlet: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Statements with the speaker's name and canonical key, newest articles first."""
    where, params = [], []
    if speaker:
        where.append("ac.name ILIKE ? ESCAPE '\\'")
        params.append(_like(speaker))
    if kind:
        where.append("s.kind = ?")
        params.append(kind)
    if article_id:
        where.append("s.article_id = ?")
        params.append(article_id)
    if outlet:
        where.append("a.outlet ILIKE ? ESCAPE '\\'")
        params.append(_like(outlet))
    sql = (
        "SELECT s.article_id, s.statement_id, ac.name AS speaker, ac.canonical AS speaker_key, s.kind, "
        "s.cue, s.content, s.content_start, s.content_end, s.events, a.title, a.outlet, a.published "
        "FROM statements s JOIN articles a ON a.id = s.article_id "
        "LEFT JOIN actors ac ON ac.article_id = s.article_id AND ac.actor_id = s.speaker"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published DESC NULLS LAST, s.article_id, s.content_start LIMIT ? OFFSET ?"
    )
    return store.query(sql, [*params, limit, offset])


def dyads(store: Store, *, type: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Who acted on whom: (actor, recipient) pairs with how many linked events join them.

    Events with recipients give directed pairs; reciprocal events without
    recipients (talks, meetings) give ``mutual`` pairs between their actors.
    """
    cond = " AND e.type = ?" if type else ""
    params: list[Any] = [type.upper()] if type else []
    sql = f"""
    WITH parts AS (
        SELECT e.article_id, e.event_id, e.type, l.linked_id, x.canonical, x.name,
               list_contains(e.recipient, x.actor_id) AS is_recipient, len(e.recipient) = 0 AS no_recipient
        FROM events e JOIN event_links l USING (article_id, event_id)
        JOIN actors x ON x.article_id = e.article_id
             AND (list_contains(e.actor, x.actor_id) OR list_contains(e.recipient, x.actor_id))
        WHERE true{cond}
    ), pairs AS (
        SELECT a.canonical AS source, a.name AS source_name, r.canonical AS target, r.name AS target_name,
               false AS mutual, a.linked_id, a.type
        FROM parts a JOIN parts r USING (article_id, event_id)
        WHERE NOT a.is_recipient AND r.is_recipient AND a.canonical <> r.canonical
        UNION ALL
        SELECT a.canonical, a.name, r.canonical, r.name, true, a.linked_id, a.type
        FROM parts a JOIN parts r USING (article_id, event_id)
        WHERE a.no_recipient AND NOT a.is_recipient AND NOT r.is_recipient AND a.canonical < r.canonical
    )
    SELECT source, any_value(source_name) AS source_name, target, any_value(target_name) AS target_name,
           mutual, count(DISTINCT linked_id) AS events, list(DISTINCT type ORDER BY type) AS types
    FROM pairs GROUP BY source, target, mutual
    ORDER BY events DESC, source_name, target_name LIMIT ?
    """
    return store.query(sql, [*params, limit])


def outlets(store: Store) -> list[dict[str, Any]]:
    """Outlets with their article counts (for filter suggestions)."""
    return store.query(
        "SELECT outlet, count(*) AS articles FROM articles WHERE outlet IS NOT NULL "
        "GROUP BY outlet ORDER BY articles DESC, outlet"
    )


def search(store: Store, text: str, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    """Articles, actors and statements whose text matches (case-insensitive substring)."""
    like = _like(text)
    return {
        "articles": article_list(store, text=text, limit=limit),
        "actors": actor_list(store, name=text, limit=limit),
        "statements": store.query(
            "SELECT s.article_id, s.statement_id, s.kind, s.content, ac.name AS speaker, "
            "ac.canonical AS speaker_key, a.title, a.outlet, a.published "
            "FROM statements s JOIN articles a ON a.id = s.article_id "
            "LEFT JOIN actors ac ON ac.article_id = s.article_id AND ac.actor_id = s.speaker "
            "WHERE s.content ILIKE ? ESCAPE '\\' ORDER BY a.published DESC NULLS LAST, s.article_id, "
            "s.content_start LIMIT ?",
            [like, limit],
        ),
    }
