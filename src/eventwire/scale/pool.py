"""Submitting partitions to Dask with a bounded number in flight, results in input order.

:class:`DaskPool` has the interface of the single-machine pools in
:mod:`eventwire.corpus.workers` (``map`` over batches, ``close``), so the
store's own runner (:func:`eventwire.corpus.ingest`) drives it unchanged:
reading, skipping stored articles, writing each batch in one transaction,
linking and progress all stay the runner's.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from ..corpus.workers import BatchResult
from ..errors import ClusterError
from ..linking.keys import LinkRules
from ..options import Options
from ..records import Article
from .cluster import Connection
from .partition import PLUGIN_NAME, CoderFactory, CoderPlugin, Partition, code_partition, partition_name

__all__ = ["RETRIES", "DaskPool", "register_coder", "submit_ordered"]

#: Times a partition whose task raised is run again before the run fails.
RETRIES = 2

T = TypeVar("T")


def register_coder(
    conn: Connection, options: Options, rules: LinkRules, factory: CoderFactory | None = None
) -> None:
    """Have every worker (and every worker that joins later) build one Coder now.

    Nothing happens when this connection's workers already have a coder built from
    the same options, link rules and factory (a second ingest on one connection).
    """
    setup = (options, rules.day_window, factory)
    if conn.coder_setup == setup:
        return
    try:
        conn.client.register_plugin(CoderPlugin(options, rules.day_window, factory), name=PLUGIN_NAME)
        conn.coder_setup = setup
    except Exception as exc:
        raise ClusterError(
            f"the workers could not build the eventwire coder: {exc}; install the same eventwire "
            "version (and its spaCy model) on every worker"
        ) from exc


def submit_ordered(
    client: Any, fn: Callable[[T], Any], items: Iterable[T | None], key: Callable[[T], str], limit: int
) -> Iterator[Any]:
    """Submit ``fn(item)`` for each item, at most ``limit`` in flight; yield results in input order.

    A None item yields None in its place. A task that raises is retried
    :data:`RETRIES` times (a worker that dies is replaced and its tasks
    rescheduled by Dask); a task that still fails raises ClusterError naming
    the partition.
    """
    window: deque[tuple[str, Any] | None] = deque()

    def result(head: tuple[str, Any] | None) -> Any:
        if head is None:
            return None
        name, future = head
        try:
            return future.result()
        except Exception as exc:
            raise ClusterError(
                f"partition {name} failed after {RETRIES} retries: {type(exc).__name__}: {exc}; "
                "run the same command again to resume (finished partitions are kept)"
            ) from exc
        finally:
            future.release()

    try:
        for item in items:
            if item is None:
                window.append(None)
            else:
                name = key(item)
                window.append((name, client.submit(fn, item, key=name, pure=False, retries=RETRIES)))
            while len(window) > limit or (window and window[0] is None):
                yield result(window.popleft())
        while window:
            yield result(window.popleft())
    finally:
        for head in window:
            if head is not None:
                head[1].cancel()


class DaskPool:
    """Codes the runner's batches as Dask partitions on a connected client."""

    def __init__(self, client: Any, workers: int, output_dir: str | None = None, in_flight: int = 0) -> None:
        self.client = client
        self.token = uuid.uuid4().hex[:8]  # keeps task keys of two runs on one scheduler apart
        self.limit = in_flight or max(2 * workers, 2)
        self.output_dir = output_dir
        self._seq = 0

    def _partition(self, batch: list[Article]) -> Partition:
        self._seq += 1
        return Partition(
            seq=self._seq,
            name=partition_name(self._seq, batch),
            articles=tuple(batch),
            output_dir=self.output_dir,
        )

    def map(self, batches: Iterable[list[Article] | None]) -> Iterator[BatchResult | None]:
        """One result per batch, in order; an empty batch (all stored already) gives None."""
        parts = (self._partition(b) if b else None for b in batches)
        yield from submit_ordered(self.client, code_partition, parts, self._key, self.limit)

    def _key(self, part: Partition) -> str:
        return f"eventwire-{part.name}-{self.token}"

    def warm_up(self) -> None:
        """Nothing to start: the client is connected and the coder registered on the workers."""

    def close(self) -> None:
        pass
