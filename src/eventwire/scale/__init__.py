"""Scale-out on Dask: the same ingest on a cluster of workers.

    from eventwire.scale import connect, ingest_cluster
    with connect("local:2") as conn, Store.open("eventwire.duckdb") as store:
        ingest_cluster(store, ["corpus/"], conn)

``local:N`` starts a LocalCluster of N worker processes; ``tcp://HOST:PORT``
joins a running ``dask scheduler``. Each worker builds one Coder (a worker
plugin); partitions are coded on the workers and written into the store by the
single-machine runner, or left as Parquet shards. See ``docs/cluster.md``.
"""

from __future__ import annotations

from .cluster import ClusterSpec, Connection, connect, parse_cluster
from .partition import CoderPlugin, Partition, code_partition
from .pool import RETRIES, DaskPool, register_coder
from .run import DEFAULT_PARTITION, ingest_cluster, ingest_parquet
from .shards import shard_done, write_shard

__all__ = [
    "DEFAULT_PARTITION",
    "RETRIES",
    "ClusterSpec",
    "CoderPlugin",
    "Connection",
    "DaskPool",
    "Partition",
    "code_partition",
    "connect",
    "ingest_cluster",
    "ingest_parquet",
    "parse_cluster",
    "register_coder",
    "shard_done",
    "write_shard",
]
