"""The DuckDB store: one file holding articles, actors, events, statements, links and runs.

    from eventwire.store import Store, batch_tables, write_tables
    with Store.open("eventwire.duckdb") as store:
        write_tables(store, batch_tables(coded_articles))

See ``docs/store.md`` for the schema.
"""

from __future__ import annotations

from .compare import snapshot
from .db import DEFAULT_DB, Store
from .migrations import MIGRATIONS
from .rows import ARROW_SCHEMAS, CODED_TABLES, batch_tables, rejected_table
from .write import WriteResult, existing_ids, finish_run, merge_parquet, start_run, write_tables

__all__ = [
    "ARROW_SCHEMAS",
    "CODED_TABLES",
    "DEFAULT_DB",
    "MIGRATIONS",
    "Store",
    "WriteResult",
    "batch_tables",
    "existing_ids",
    "finish_run",
    "merge_parquet",
    "rejected_table",
    "snapshot",
    "start_run",
    "write_tables",
]
