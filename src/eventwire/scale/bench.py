"""The benchmark's Dask phase: full ingest into DuckDB with the batches coded on a Dask cluster.

Run by ``eventwire bench --cluster local:2`` in the benchmark's child process
(:mod:`eventwire.bench.phases`), on the same corpus file and with the same batch
size as its ``ingest`` phase, so the two figures differ only in who runs the
batches: Dask workers or the runner's own worker processes. Startup (starting
the cluster, each worker building its Coder) is timed apart from the work.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from ..bench.phases import _cpu_tree  # the benchmark's own CPU measure, for comparable figures
from ..linking.keys import LinkRules
from ..options import Options
from .cluster import connect
from .pool import register_coder
from .run import ingest_cluster

__all__ = ["dask_ingest"]


def dask_ingest(cluster: str, options: Options, corpus: Path, db: Path, t0: float) -> dict[str, Any]:
    """Ingest ``corpus`` into a new store at ``db`` on ``cluster``; return the benchmark's figures."""
    from ..store import Store

    for stale in (db, db.with_suffix(db.suffix + ".wal")):
        stale.unlink(missing_ok=True)
    rules = LinkRules.load()
    with connect(cluster) as conn:
        register_coder(conn, options, rules)
        startup = time.perf_counter() - t0
        t1, c1 = time.perf_counter(), _cpu_tree()
        with Store.open(db) as store:
            result = ingest_cluster(
                store,
                [corpus],
                conn,
                options=options,
                partition_size=max(options.batch_size, 8),  # the ingest phase's batch size
                command="bench --cluster",
            )
            words = store.execute("SELECT coalesce(sum(words), 0) FROM articles")[0][0]
        seconds, cpu = time.perf_counter() - t1, _cpu_tree() - c1
        return {
            "articles": result.stored,
            "words": int(words),
            "seconds": seconds,
            "startup": startup,
            "rejected": result.rejected,
            "cpu_seconds": cpu,  # this process (client, local scheduler) and its local workers
            "dask_workers": conn.workers,
        }
