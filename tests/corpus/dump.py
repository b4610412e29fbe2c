"""Table contents of a store, ordered, without run bookkeeping (run ids and the runs table)."""

from __future__ import annotations

from typing import Any

from eventwire.store import Store

TABLES = (
    "articles",
    "actors",
    "actor_mentions",
    "events",
    "statements",
    "linked_events",
    "event_links",
    "rejected",
)


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    for table in TABLES:
        cols = [
            r[0]
            for r in store.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = ? AND column_name <> 'run_id' "
                "ORDER BY ordinal_position",
                [table],
            )
        ]
        quoted = ", ".join(f'"{c}"' for c in cols)
        out[table] = store.execute(f'SELECT {quoted} FROM "{table}" ORDER BY ALL')
    return out
