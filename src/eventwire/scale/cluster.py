"""Connecting to Dask: ``local:N`` starts a LocalCluster here, ``tcp://HOST:PORT`` joins a scheduler.

    with connect("local:2") as conn:
        print(conn.dashboard)          # e.g. http://127.0.0.1:40123/status, or None
        conn.client.submit(...)

A local cluster runs N worker processes with one thread each (the coder is
CPU-bound Python: threads would share one interpreter lock), listens on the
loopback interface only, and serves its dashboard on a free port (the
graphical pages need ``bokeh``). Connecting to a running scheduler
never starts or stops anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..errors import ClusterError

__all__ = ["ClusterSpec", "Connection", "connect", "parse_cluster"]

_LOCAL = re.compile(r"^local(?::(\d+))?$")
_ADDRESS = re.compile(r"^(tcp|tls|ws|wss|inproc)://\S+$")


@dataclass(frozen=True)
class ClusterSpec:
    """Where to run: ``workers`` local processes, or the scheduler at ``address``."""

    workers: int = 0  # > 0: a LocalCluster of that many worker processes
    address: str | None = None  # a running scheduler

    @property
    def local(self) -> bool:
        return self.address is None


def parse_cluster(text: str) -> ClusterSpec:
    """``local:N`` (``local`` alone: 2 workers) or a scheduler address such as ``tcp://10.0.0.5:8786``."""
    value = text.strip()
    m = _LOCAL.match(value)
    if m:
        n = int(m.group(1) or 2)
        if not 1 <= n <= 256:
            raise ClusterError(f"--cluster {text!r}: the number of local workers must be 1..256")
        return ClusterSpec(workers=n)
    if _ADDRESS.match(value):
        return ClusterSpec(address=value)
    raise ClusterError(
        f"--cluster {text!r} is neither local:N nor a scheduler address; "
        "use e.g. local:2, or tcp://HOST:8786 for a scheduler started with `dask scheduler`"
    )


@dataclass
class Connection:
    """An open Dask client, the number of workers it saw, and its dashboard link (None when off)."""

    client: Any
    workers: int
    dashboard: str | None
    spec: ClusterSpec
    #: What the workers' coder plugin was built from (see :func:`eventwire.scale.register_coder`).
    coder_setup: tuple[Any, ...] | None = None


def _dashboard_link(client: Any) -> str | None:
    """The dashboard's address, or None when the scheduler serves none."""
    services = client.scheduler_info(n_workers=0).get("services", {})
    if "dashboard" not in services:
        return None
    return str(client.dashboard_link)


#: Dask settings for a local cluster, so that its workers run the coder as the runner's
#: own worker processes do: no statistical profiler and no GIL sampling (both take the
#: interpreter lock many times a second from the coder's thread), slower housekeeping
#: ticks (an idle 2-worker cluster used 0.07 CPU seconds a second with the defaults,
#: 0.03 with these), and glibc's default memory trimming (Dask's 64 KiB threshold
#: costs allocation-heavy parsing time).
LOCAL_WORKER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "100ms",
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
}


def _local_cluster(workers: int) -> Any:
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",  # a free port on loopback
        memory_limit=0,  # the machine is the limit; one Coder is a few hundred MB
        silence_logs=40,  # errors only: library code does not chatter on stderr
    )


@contextmanager
def connect(spec: ClusterSpec | str, *, timeout: float = 60.0) -> Iterator[Connection]:
    """Open a client on ``spec``; a local cluster is closed again on exit."""
    spec = parse_cluster(spec) if isinstance(spec, str) else spec
    import dask
    from distributed import Client

    cluster = None
    try:
        if spec.local:
            with dask.config.set(LOCAL_WORKER_CONFIG):  # the nannies hand it to their workers
                cluster = _local_cluster(spec.workers)
                client = Client(cluster, timeout=timeout)
        else:
            client = Client(spec.address, timeout=timeout)
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        where = f"the scheduler at {spec.address}" if spec.address else f"a local cluster of {spec.workers}"
        raise ClusterError(
            f"cannot reach {where}: {exc}; start one with `dask scheduler` and `dask worker ADDRESS`, "
            "or use --cluster local:N"
        ) from exc
    try:
        workers = len(client.scheduler_info(n_workers=-1).get("workers", {}))
        if workers == 0 and not spec.local:
            client.wait_for_workers(1, timeout=timeout)
            workers = len(client.scheduler_info(n_workers=-1).get("workers", {}))
        yield Connection(client=client, workers=workers, dashboard=_dashboard_link(client), spec=spec)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
