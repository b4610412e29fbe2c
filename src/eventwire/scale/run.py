"""Ingest on a Dask cluster: into the store, or into a Parquet dataset.

    with connect("local:2") as conn:
        with Store.open("eventwire.duckdb") as store:
            result = ingest_cluster(store, ["corpus/"], conn)        # same store as `ingest`
        result = ingest_parquet(["corpus/"], "shards/", conn)        # no store at all

:func:`ingest_cluster` is the single-machine runner (:func:`eventwire.corpus.ingest`)
with its batches coded as Dask partitions: reading on the client, skipping stored
articles, one transaction per batch, linking, the runs row and progress are the
runner's own, so a corpus gives the same store either way.

:func:`ingest_parquet` has the workers write Parquet shards (see :mod:`.shards`)
to a directory every worker can reach; with a ``store`` the shards are then
merged into it (:func:`eventwire.store.merge_parquet`: idempotent, one
transaction per shard, linking over the merged result).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, cast

from ..corpus import IngestResult, Progress, estimate_items, ingest
from ..corpus.workers import BatchResult
from ..errors import ConfigError
from ..ingest import Metadata, read_articles
from ..linking.keys import LinkRules
from ..options import Options
from ..records import Article, Rejected
from ..store.db import Store
from ..store.write import existing_ids, merge_parquet, start_run
from .cluster import Connection
from .partition import CoderFactory, Partition, code_partition, partition_name
from .pool import DaskPool, register_coder, submit_ordered
from .shards import shard_done

__all__ = ["DEFAULT_PARTITION", "cluster_ingest", "ingest_cluster", "ingest_parquet"]

#: Articles per partition (one Dask task, one store transaction, one shard).
DEFAULT_PARTITION = 64


def ingest_cluster(
    store: Store,
    sources: Iterable[str | Path],
    conn: Connection,
    *,
    options: Options | None = None,
    input_format: str | None = None,
    metadata: Metadata | None = None,
    fetch_links: bool = False,
    partition_size: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    command: str = "ingest",
    day_window: int | None = None,
    factory: CoderFactory | None = None,
) -> IngestResult:
    """Read, code on the cluster and store every source; the same store a local ingest builds."""
    options = options or Options()
    rules = LinkRules.load(day_window)
    register_coder(conn, options, rules, factory)
    pool = DaskPool(conn.client, conn.workers)
    return ingest(
        store,
        sources,
        options=options,
        workers=conn.workers,
        input_format=input_format,
        metadata=metadata,
        fetch_links=fetch_links,
        batch_size=partition_size or DEFAULT_PARTITION,
        progress=progress,
        command=command,
        day_window=rules.day_window,
        pool=pool,
    )


def _partitions(items: Iterable[Article | Rejected], size: int, output_dir: str) -> Iterator[Partition]:
    """Consecutive inputs, ``size`` articles (or rejections) at a time, named by their content."""
    articles: list[Article] = []
    rejected: list[Rejected] = []
    seq = 0

    def cut() -> Partition:
        name = partition_name(seq, articles, rejected)
        return Partition(seq, name, tuple(articles), tuple(rejected), output_dir, return_tables=False)

    for item in items:
        if isinstance(item, Rejected):
            rejected.append(item)
        else:
            articles.append(item)
        if len(articles) >= size or len(rejected) >= size:
            seq += 1
            yield cut()
            articles, rejected = [], []
    if articles or rejected:
        seq += 1
        yield cut()


def ingest_parquet(
    sources: Iterable[str | Path],
    output_dir: str | Path,
    conn: Connection,
    *,
    store: Store | None = None,
    options: Options | None = None,
    input_format: str | None = None,
    metadata: Metadata | None = None,
    fetch_links: bool = False,
    partition_size: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    command: str = "ingest",
    day_window: int | None = None,
    factory: CoderFactory | None = None,
) -> IngestResult:
    """Code every source on the cluster into Parquet shards under ``output_dir``; merge into ``store``.

    Partitions already written (a re-run after an interruption) are skipped, and
    so are articles already in ``store``. ``output_dir`` must be a path every worker
    can write to (a shared file system) and, to merge, that this process can read.
    """
    options = options or Options()
    sources = list(sources)
    out = str(Path(output_dir).resolve())
    rules = LinkRules.load(day_window)
    register_coder(conn, options, rules, factory)
    started = time.perf_counter()
    run_id = start_run(store, command, conn.workers) if store is not None else 0
    result = IngestResult(run_id=run_id)
    total = estimate_items(sources)
    sizes: deque[int] = deque()  # input items of each submitted partition, in order
    status = "failed"

    def todo() -> Iterator[Partition | None]:
        items = read_articles(sources, input_format, metadata, options, fetch_links)
        for part in _partitions(items, partition_size or DEFAULT_PARTITION, out):
            sizes.append(len(part.articles) + len(part.rejected))
            if shard_done(out, part.name):
                yield None  # written by an earlier run
                continue
            if store is not None and part.articles:
                old = existing_ids(store, [a.id for a in part.articles])
                if old:
                    fresh = tuple(a for a in part.articles if a.id not in old)
                    result.existing += len(part.articles) - len(fresh)
                    part = Partition(part.seq, part.name, fresh, part.rejected, out, return_tables=False)
            result.add_rejected(part.rejected)
            yield part

    try:
        limit = max(2 * conn.workers, 2)
        token = f"{time.time_ns():x}"
        for res in submit_ordered(
            conn.client, code_partition, todo(), lambda p: f"eventwire-{p.name}-{token}", limit
        ):
            if res is not None:
                res = cast(BatchResult, res)
                result.stored += res.articles - len(res.failed)
                result.events += res.tables["events"].num_rows if "events" in res.tables else 0
                result.add_rejected(res.failed)
                result.versions = result.versions or res.versions
            result.read += sizes.popleft()
            if progress:
                progress(result.progress(total, started))
        if store is not None:
            merged = merge_parquet(store, out, rules=rules)  # every shard, also earlier runs'
            result.stored, result.events = merged.stored, merged.events
            result.existing = max(result.existing, merged.existing)
        status = "done"
    finally:
        result.close_run(store, run_id, status, started)
    return result


def cluster_ingest(
    cluster: str,
    sources: Iterable[str | Path],
    *,
    db: str | Path | None,
    output_dir: str | Path | None = None,
    notify: Callable[[str], None] | None = None,
    **kwargs: Any,
) -> IngestResult:
    """What ``eventwire ingest --cluster`` does: connect, then code into ``db``, ``output_dir`` or both.

    ``notify`` receives one line about the cluster (workers, dashboard address).
    ``kwargs`` are those of :func:`ingest_cluster` (options, metadata, progress, ...).
    """
    from .cluster import connect

    if db is None and output_dir is None:
        raise ConfigError("nowhere to put the results: give a store (--db) or --output-dir")
    with connect(cluster) as conn:
        if notify:
            where = conn.spec.address or f"a local cluster of {conn.spec.workers} worker process(es)"
            board = f"; dashboard {conn.dashboard}" if conn.dashboard else ""
            notify(f"Dask: {conn.workers} worker(s) on {where}{board}")
        if db is None:
            assert output_dir is not None
            return ingest_parquet(sources, output_dir, conn, **kwargs)
        with Store.open(db) as store:
            if output_dir is None:
                return ingest_cluster(store, sources, conn, **kwargs)
            return ingest_parquet(sources, output_dir, conn, store=store, **kwargs)
