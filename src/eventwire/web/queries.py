"""Read queries the web app needs beyond :mod:`eventwire.store.query` (which it also uses).

Like the store's own queries they return plain JSON-ready dicts. Actors are
identified across articles by their ``canonical`` key (``kb:...`` for
knowledge-base entries, ``name:...`` for people the KB does not know).
"""

from __future__ import annotations

from typing import Any

from ..store.db import Store
from ..store.query import articles, like_pattern, location

__all__ = [
    "actor_list",
    "linked_event",
    "outlets",
    "search",
    "statement_list",
]


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
    places = [location(f["location"]) for f in facts]
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
        params.append(like_pattern(name))
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
        params.append(like_pattern(speaker))
    if kind:
        where.append("s.kind = ?")
        params.append(kind)
    if article_id:
        where.append("s.article_id = ?")
        params.append(article_id)
    if outlet:
        where.append("a.outlet ILIKE ? ESCAPE '\\'")
        params.append(like_pattern(outlet))
    sql = (
        "SELECT s.article_id, s.statement_id, ac.name AS speaker, ac.canonical AS speaker_key, s.kind, "
        "s.cue, s.content, s.content_start, s.content_end, s.events, a.title, a.outlet, a.published "
        "FROM statements s JOIN articles a ON a.id = s.article_id "
        "LEFT JOIN actors ac ON ac.article_id = s.article_id AND ac.actor_id = s.speaker"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published DESC NULLS LAST, s.article_id, s.content_start LIMIT ? OFFSET ?"
    )
    return store.query(sql, [*params, limit, offset])


def outlets(store: Store) -> list[dict[str, Any]]:
    """Outlets with their article counts (for filter suggestions)."""
    return store.query(
        "SELECT outlet, count(*) AS articles FROM articles WHERE outlet IS NOT NULL "
        "GROUP BY outlet ORDER BY articles DESC, outlet"
    )


def search(store: Store, text: str, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    """Articles, actors and statements whose text matches (case-insensitive substring)."""
    like = like_pattern(text)
    return {
        "articles": articles(store, text=text, limit=limit),
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
