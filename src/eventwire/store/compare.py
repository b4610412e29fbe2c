"""A store's content as plain sorted rows, for comparing two stores.

Run bookkeeping (the ``runs`` table and every ``run_id`` column) is left out:
two ingests of the same corpus, however they were run (resumed after a kill,
in N processes, on a cluster), must give equal snapshots.
"""

from __future__ import annotations

from typing import Any

from .db import Store
from .rows import CONTENT_TABLES

__all__ = ["CONTENT_TABLES", "snapshot"]


def snapshot(store: Store, tables: tuple[str, ...] = CONTENT_TABLES) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of each content table, sorted, without run ids."""
    out = {}
    for table in tables:
        cols = [
            r[0]
            for r in store.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = ? AND column_name <> 'run_id' ORDER BY ordinal_position",
                [table],
            )
        ]
        quoted = ", ".join(f'"{c}"' for c in cols)
        out[table] = store.execute(f'SELECT {quoted} FROM "{table}" ORDER BY ALL')
    return out
