"""Writing coded batches into the store: idempotent, one transaction per batch.

An article already in the store (same id: sha256 of the normalized text) is
skipped with all its rows, so ingesting the same input again changes nothing,
and a run killed part-way and started again ends with the same database. The
linked events of every link key a batch touches are recomputed inside the
same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from ..linking.keys import LinkRules
from ..linking.link import relink
from ..records import Rejected
from .db import Store
from .rows import ARROW_SCHEMAS, CODED_TABLES, rejected_table

__all__ = ["WriteResult", "existing_ids", "finish_run", "start_run", "write_tables"]


@dataclass(frozen=True)
class WriteResult:
    stored: int  # new articles
    existing: int  # articles already in the store, skipped
    events: int  # events of the new articles
    rejected: int


def existing_ids(store: Store, ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` are stored articles already."""
    if not ids:
        return set()
    store.conn.register("_ids", pa.table({"id": pa.array(list(ids), pa.string())}))
    try:
        rows = store.conn.execute("SELECT a.id FROM articles a JOIN _ids USING (id)").fetchall()
    finally:
        store.conn.unregister("_ids")
    return {r[0] for r in rows}


def write_tables(
    store: Store,
    tables: dict[str, pa.Table],
    rejected: Sequence[Rejected] = (),
    *,
    run_id: int | None = None,
    rules: LinkRules | None = None,
    link: bool = True,
) -> WriteResult:
    """Merge one batch (tables from :func:`eventwire.store.rows.batch_tables`) into the store.

    Articles already stored are skipped with their rows. With ``link`` the
    linked events of the touched keys are recomputed in the same transaction;
    without, the new events stay unlinked until
    :func:`eventwire.linking.relink_pending` runs (the ingest runner calls it
    at the end of every run).
    """
    rules = rules or LinkRules.load()
    articles = tables.get("articles")
    ids = articles.column("id").to_pylist() if articles is not None else []
    with store.transaction():
        old = existing_ids(store, ids)
        new = [i for i in dict.fromkeys(ids) if i not in old]
        keep = pa.array(new, pa.string())
        events = 0
        keys: set[str] = set()
        for name in CODED_TABLES:
            table = tables.get(name)
            if table is None or table.num_rows == 0 or not new:
                continue
            column = "id" if name == "articles" else "article_id"
            table = table.filter(pc.is_in(table.column(column), value_set=keep))
            if run_id is not None and name == "articles":
                table = table.set_column(
                    table.schema.get_field_index("run_id"),
                    "run_id",
                    pa.array([run_id] * table.num_rows, pa.int32()),
                )
            _insert(store, name, table)
            if name == "events":
                events = table.num_rows
                keys.update(k for k in table.column("link_key").to_pylist() if k)
        if rejected:
            _insert(store, "rejected", rejected_table(rejected, run_id))
        if link and keys:
            relink(store.conn, keys, rules)
    return WriteResult(stored=len(new), existing=len(ids) - len(new), events=events, rejected=len(rejected))


def _insert(store: Store, name: str, table: pa.Table) -> None:
    if table.num_rows == 0:
        return
    table = table.select(ARROW_SCHEMAS[name].names).cast(ARROW_SCHEMAS[name])
    view = f"_in_{name}"
    # Only articles and rejected have keys; child rows are new whenever their article is.
    conflict = " ON CONFLICT DO NOTHING" if name in ("articles", "rejected") else ""
    store.conn.register(view, table)
    try:
        store.conn.execute(f'INSERT INTO "{name}" SELECT * FROM {view}{conflict}')
    finally:
        store.conn.unregister(view)


def start_run(store: Store, command: str, workers: int = 1) -> int:
    """Record the start of an ingest run; return its id."""
    with store.transaction():
        row = store.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM runs").fetchone()
        run_id = int(row[0]) if row else 1
        store.conn.execute(
            "INSERT INTO runs (id, started, status, command, workers) VALUES (?, ?, 'running', ?, ?)",
            [run_id, _now(), command, workers],
        )
    return run_id


def finish_run(
    store: Store,
    run_id: int,
    *,
    status: str,
    versions: dict[str, str],
    counts: dict[str, Any],
    seconds: float,
) -> None:
    with store.transaction():
        store.conn.execute(
            """UPDATE runs SET finished = ?, status = ?, version_eventwire = ?, version_lexicon = ?,
                   version_kb = ?, version_model = ?, articles_read = ?, articles_stored = ?,
                   articles_existing = ?, rejected = ?, events = ?, seconds = ? WHERE id = ?""",
            [
                _now(),
                status,
                versions.get("eventwire"),
                versions.get("lexicon"),
                versions.get("kb"),
                versions.get("model"),
                counts.get("read", 0),
                counts.get("stored", 0),
                counts.get("existing", 0),
                counts.get("rejected", 0),
                counts.get("events", 0),
                round(seconds, 3),
                run_id,
            ],
        )


def merge_parquet(store: Store, directory: str, *, rules: LinkRules | None = None) -> WriteResult:
    """Merge Parquet shards (``DIR/<table>/*.parquet``, as a Dask run writes them) into the store.

    Idempotent like :func:`write_tables`; linking is recomputed for the whole store at the end.
    """
    import glob
    import os

    import pyarrow.parquet as pq

    from ..linking.link import relink_pending

    rules = rules or LinkRules.load()
    totals = [0, 0, 0, 0]
    files = sorted(glob.glob(os.path.join(directory, "articles", "*.parquet")))
    for path in files:
        shard = os.path.basename(path)
        tables = {}
        for name in CODED_TABLES:
            p = os.path.join(directory, name, shard)
            tables[name] = pq.read_table(p) if os.path.exists(p) else pa.table({})
        res = write_tables(store, {k: v for k, v in tables.items() if v.num_columns}, rules=rules, link=False)
        totals = [totals[0] + res.stored, totals[1] + res.existing, totals[2] + res.events, totals[3]]
    for path in sorted(glob.glob(os.path.join(directory, "rejected", "*.parquet"))):
        table = pq.read_table(path)
        with store.transaction():
            _insert(store, "rejected", table)
        totals[3] += table.num_rows
    relink_pending(store, rules)
    return WriteResult(*totals)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
