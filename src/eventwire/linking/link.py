"""Cross-article event linking: reports of the same event become one linked event.

Reports (stored events) with the same link key (type, canonical participants,
flags; see :mod:`.keys`) are grouped by date:

- day-precision dates join the earliest open group while within
  ``day_window`` days of that group's first date;
- month-precision dates join the earliest day group of the same month, else
  group by month; year-precision dates likewise by year;
- undated reports join the key's only group, or form an undated group.

Reports are taken in a fixed order (date, article id, event id), and a linked
event's id is a hash of its key and earliest report, so the result depends only
on the set of stored events, never on the order they were ingested in.
Relinking a key replaces its linked events; :func:`relink` does this for the
keys a batch touched, inside the batch's transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from .keys import LinkRules

if TYPE_CHECKING:
    import duckdb

    from ..store.db import Store

__all__ = ["Group", "Report", "group_reports", "pending_keys", "relink", "relink_all", "relink_pending"]


@dataclass(frozen=True)
class Report:
    """One stored event as seen by the linker."""

    article_id: str
    event_id: str
    date: str | None
    precision: str | None
    source: str  # outlet, or the article id when the outlet is unknown

    def order(self) -> tuple[int, str, str, str]:
        """Finer dates first, then by date, article and event id: a total, ingest-independent order."""
        rank = {"day": 0, "month": 1, "year": 2}.get(self.precision or "", 3) if self.date else 4
        return (rank, self.date or "", self.article_id, self.event_id)


@dataclass
class Group:
    key: str
    anchor: str | None  # first date of the group
    precision: str | None
    reports: list[Report] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        first = self.reports[0]
        raw = f"{self.key}|{first.article_id}|{first.event_id}"
        return "le-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _day(text: str) -> Date | None:
    try:
        return Date.fromisoformat(text[:10])
    except ValueError:
        return None


def group_reports(key: str, reports: Iterable[Report], rules: LinkRules) -> list[Group]:
    """Group the reports of one link key into linked events (deterministic)."""
    ordered = sorted(reports, key=Report.order)
    groups: list[Group] = []
    window = rules.day_window
    coarse: list[Report] = []
    undated: list[Report] = []
    for r in ordered:
        if r.date is None:
            undated.append(r)
        elif r.precision == "day" and _day(r.date):
            _add_day(groups, key, r, window)
        else:
            coarse.append(r)
    for r in coarse:  # month first, then year: finer groups are the better home
        if r.precision == "month":
            _add_coarse(groups, key, r, 7, "month")
    for r in coarse:
        if r.precision != "month":
            _add_coarse(groups, key, r, 4, "year")
    for r in undated:
        if len(groups) == 1:
            groups[0].reports.append(r)
            groups[0].reasons.append("undated report; the only event with this key")
        else:
            home = next((g for g in groups if g.anchor is None), None)
            if home is None:
                home = Group(key, None, None)
                groups.append(home)
            home.reports.append(r)
            home.reasons.append("undated report; grouped with other undated reports of this key")
    for g in groups:
        pairs = sorted(zip(g.reports, g.reasons, strict=True), key=lambda p: p[0].order())
        g.reports = [p[0] for p in pairs]
        g.reasons = [p[1] for p in pairs]
    return sorted(groups, key=lambda g: g.reports[0].order())


def _add_day(groups: list[Group], key: str, r: Report, window: int) -> None:
    day = _day(r.date or "")
    for g in groups:
        anchor = _day(g.anchor or "") if g.precision == "day" else None
        if anchor and day and 0 <= (day - anchor).days <= window:
            g.reports.append(r)
            g.reasons.append(f"{r.date} is within {window} day(s) of the first report ({g.anchor})")
            return
    g = Group(key, r.date, "day", [r], ["first report"])
    groups.append(g)


def _add_coarse(groups: list[Group], key: str, r: Report, width: int, unit: str) -> None:
    prefix = (r.date or "")[:width]
    for g in groups:
        if g.anchor and g.anchor[:width] == prefix:
            g.reports.append(r)
            g.reasons.append(f"{unit}-precision date {r.date} contains the group's date {g.anchor}")
            return
    g = Group(key, prefix, unit, [r], ["first report"])
    groups.append(g)


_SELECT = """
SELECT e.article_id, e.event_id, e.link_key, e.link_date, e.link_precision,
       coalesce(a.outlet, e.article_id) AS src
FROM events e JOIN articles a ON a.id = e.article_id
WHERE e.link_key IN (SELECT k FROM _link_keys)
ORDER BY e.link_key, e.link_date NULLS LAST, e.article_id, e.event_id
"""


def relink(conn: duckdb.DuckDBPyConnection, keys: Iterable[str], rules: LinkRules) -> int:
    """Recompute the linked events of ``keys`` (call inside the writer's transaction). Returns groups."""
    key_list = sorted(set(keys))
    if not key_list:
        return 0
    conn.register("_link_keys", pa.table({"k": pa.array(key_list, pa.string())}))
    try:
        conn.execute(
            "DELETE FROM event_links WHERE linked_id IN "
            "(SELECT id FROM linked_events WHERE link_key IN (SELECT k FROM _link_keys))"
        )
        conn.execute("DELETE FROM linked_events WHERE link_key IN (SELECT k FROM _link_keys)")
        by_key: dict[str, list[Report]] = {}
        for art, ev, key, date, precision, src in conn.execute(_SELECT).fetchall():
            by_key.setdefault(key, []).append(Report(art, ev, date, precision, src))
    finally:
        conn.unregister("_link_keys")
    linked: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for key in sorted(by_key):
        for g in group_reports(key, by_key[key], rules):
            first = g.reports[0]
            linked.append(
                {
                    "id": g.id,
                    "link_key": key,
                    "type": key.split("|", 1)[0],
                    "reciprocal": "|<->|" in key,
                    "date": g.anchor,
                    "date_precision": g.precision,
                    "first_article_id": first.article_id,
                    "first_event_id": first.event_id,
                    "num_mentions": len(g.reports),
                    "num_articles": len({r.article_id for r in g.reports}),
                    "num_sources": len({r.source for r in g.reports}),
                }
            )
            for r, reason in zip(g.reports, g.reasons, strict=True):
                links.append(
                    {
                        "article_id": r.article_id,
                        "event_id": r.event_id,
                        "linked_id": g.id,
                        "reason": reason,
                    }
                )
    if linked:
        conn.register("_linked", pa.Table.from_pylist(linked))
        conn.register("_links", pa.Table.from_pylist(links))
        try:
            conn.execute("""
                INSERT INTO linked_events
                SELECT l.id, l.link_key, l.type,
                       (SELECT list(ac.name ORDER BY ac.name) FROM events e, unnest(e.actor) AS u(aid)
                          JOIN actors ac ON ac.article_id = e.article_id AND ac.actor_id = u.aid
                        WHERE e.article_id = l.first_article_id AND e.event_id = l.first_event_id),
                       (SELECT list(ac.name ORDER BY ac.name) FROM events e, unnest(e.recipient) AS u(aid)
                          JOIN actors ac ON ac.article_id = e.article_id AND ac.actor_id = u.aid
                        WHERE e.article_id = l.first_article_id AND e.event_id = l.first_event_id),
                       l.reciprocal, l.date, l.date_precision, l.first_article_id, l.first_event_id,
                       l.num_mentions, l.num_articles, l.num_sources
                FROM _linked l
            """)
            conn.execute("INSERT INTO event_links SELECT article_id, event_id, linked_id, reason FROM _links")
        finally:
            conn.unregister("_linked")
            conn.unregister("_links")
    return len(linked)


def relink_all(conn: duckdb.DuckDBPyConnection, rules: LinkRules) -> int:
    """Recompute every linked event of the store, e.g. after a change of the linking rules.

    Call inside the writer's transaction (``with store.transaction():``). Returns groups written.
    """
    rows = conn.execute("SELECT DISTINCT link_key FROM events WHERE link_key IS NOT NULL").fetchall()
    keys = [r[0] for r in rows]
    conn.execute("DELETE FROM event_links")
    conn.execute("DELETE FROM linked_events")
    return relink(conn, keys, rules)


def pending_keys(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Link keys with at least one stored event that is not linked yet."""
    rows = conn.execute(
        "SELECT DISTINCT e.link_key FROM events e ANTI JOIN event_links l USING (article_id, event_id) "
        "WHERE e.link_key IS NOT NULL ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def relink_pending(store: Store, rules: LinkRules, chunk: int = 2048) -> int:
    """Relink every key with unlinked events, ``chunk`` keys per transaction. Returns groups written.

    Safe to interrupt: whatever is left unlinked is found again by the next call.
    """
    keys = pending_keys(store.conn)
    total = 0
    for i in range(0, len(keys), chunk):
        with store.transaction():
            total += relink(store.conn, keys[i : i + chunk], rules)
    return total
