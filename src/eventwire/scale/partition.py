"""The unit of Dask work: a partition of articles, coded on a worker by the Coder its plugin built.

:class:`CoderPlugin` builds one ``eventwire.pipeline.Coder`` per worker in
``setup`` (so the spaCy model, KB and lexicon load once per worker, never per
article or per partition). :func:`code_partition` runs on a worker: it codes
the partition with the store's :func:`eventwire.corpus.code_batch` (an article
the coder fails on becomes a Rejected with the reason), and either returns the
Arrow tables or writes them as Parquet shards (see :mod:`.shards`).
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from distributed import WorkerPlugin

from ..corpus.workers import BatchResult, code_batch
from ..errors import ClusterError
from ..linking.keys import LinkRules
from ..options import Options
from ..records import Article, Rejected
from ..store.rows import empty_tables
from .shards import write_shard

__all__ = ["PLUGIN_NAME", "CoderPlugin", "Partition", "code_partition", "partition_name"]

PLUGIN_NAME = "eventwire-coder"

CoderFactory = Callable[[Options], Any]


def _build_coder(options: Options) -> Any:
    from ..pipeline import Coder

    return Coder(options)


class CoderPlugin(WorkerPlugin):
    """A Dask worker plugin holding one Coder per worker (built in ``setup``, off the event loop).

    ``factory`` builds the coder from the options (default: ``eventwire.pipeline.Coder``);
    it must be importable on the workers. ``builds`` counts how often this worker built one.
    """

    idempotent = False
    name = PLUGIN_NAME

    def __init__(self, options: Options, day_window: int, factory: CoderFactory | None = None) -> None:
        self.options = options
        self.day_window = day_window
        self.factory = factory or _build_coder
        self.coder: Any = None
        self.rules: LinkRules | None = None
        self.builds = 0

    async def setup(self, worker: Any) -> None:
        loop = asyncio.get_running_loop()
        self.coder = await loop.run_in_executor(None, self.factory, self.options)
        self.rules = LinkRules.load(self.day_window)
        self.builds += 1

    def teardown(self, worker: Any) -> None:
        self.coder = None

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        pass


@dataclass(frozen=True)
class Partition:
    """Articles to code together, the read rejections that came with them, and where shards go."""

    seq: int
    name: str  # content-derived: the shard file name and the Dask key
    articles: tuple[Article, ...]
    rejected: tuple[Rejected, ...] = ()
    output_dir: str | None = None  # write Parquet shards here (a path every worker can reach)
    return_tables: bool = True  # ship the Arrow tables back to the client


def partition_name(seq: int, articles: Sequence[Article], rejected: Sequence[Rejected] = ()) -> str:
    """``part-000042-<hash of the article ids and rejected sources>``: same inputs, same name."""
    h = hashlib.sha256()
    for a in articles:
        h.update(a.id.encode("utf-8") + b"\n")
    for r in rejected:
        h.update(b"!" + r.source.encode("utf-8") + b"\n")
    return f"part-{seq:06d}-{h.hexdigest()[:12]}"


def _plugin() -> CoderPlugin:
    from distributed import get_worker

    worker = get_worker()
    plugin = worker.plugins.get(PLUGIN_NAME)
    if not isinstance(plugin, CoderPlugin) or plugin.coder is None or plugin.rules is None:
        raise ClusterError(
            f"worker {worker.address} has no eventwire coder; register CoderPlugin before submitting "
            "partitions (eventwire.scale does this)"
        )
    return plugin


def code_partition(part: Partition) -> BatchResult:
    """Code one partition on this worker; write its shards when asked; return the tables or counts."""
    plugin = _plugin()
    assert plugin.rules is not None  # checked by _plugin
    if part.articles:
        result = code_batch(plugin.coder, list(part.articles), plugin.rules)
    else:
        result = BatchResult(empty_tables(), [], dict(plugin.coder.versions), 0)
    if part.output_dir is not None:
        write_shard(part.output_dir, part.name, result.tables, [*part.rejected, *result.failed])
    if not part.return_tables:
        # The rows stay in the shards; the event ids tell the client how many were coded.
        events = result.tables["events"].select(["event_id"])
        result = BatchResult({"events": events}, result.failed, result.versions, result.articles)
    return result
