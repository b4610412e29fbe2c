"""Parquet shards: one file per partition and table, ``DIR/<table>/<partition>.parquet``.

The tables are the store's own (:data:`eventwire.store.rows.ARROW_SCHEMAS`):
articles, actors, actor_mentions, events, statements and rejected, so

    SELECT * FROM read_parquet('DIR/events/*.parquet')

reads every coded event, and :func:`eventwire.store.merge_parquet` merges a
dataset into a store. Each file is written under a temporary name and renamed;
the articles file is renamed last, so its presence marks a complete shard and a
re-run skips the partitions already written.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..records import Rejected
from ..store.rows import ARROW_SCHEMAS, CODED_TABLES, rejected_table

__all__ = ["SHARD_TABLES", "shard_done", "write_shard"]

#: Every table a shard has, the articles file (the completion mark) last.
SHARD_TABLES = (*[t for t in CODED_TABLES if t != "articles"], "rejected", "articles")


def _path(output_dir: str | Path, table: str, name: str) -> Path:
    return Path(output_dir) / table / f"{name}.parquet"


def shard_done(output_dir: str | Path, name: str) -> bool:
    """Whether the partition ``name`` was written completely."""
    return _path(output_dir, "articles", name).exists()


def write_shard(
    output_dir: str | Path, name: str, tables: dict[str, pa.Table], rejected: Sequence[Rejected] = ()
) -> list[Path]:
    """Write one partition's tables (empty ones too, so every table has a file per shard)."""
    written = []
    for table in SHARD_TABLES:
        if table == "rejected":
            data = rejected_table(rejected)
        else:
            data = tables.get(table)
            if data is None:
                data = ARROW_SCHEMAS[table].empty_table()
            data = data.select(ARROW_SCHEMAS[table].names).cast(ARROW_SCHEMAS[table])
        final = _path(output_dir, table, name)
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
        pq.write_table(data, tmp)
        os.replace(tmp, final)
        written.append(final)
    return written
