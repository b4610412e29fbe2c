"""The ingest runner: read -> code -> store, in bounded batches, resumable.

    with Store.open(db) as store:
        result = ingest(store, ["corpus/"], options=Options(), workers=2, progress=callback)

Articles already in the store are skipped before coding (that is how a killed
run resumes: start it again with the same sources). Each batch is written in
one transaction together with the inputs rejected since the previous batch.
Cross-article linking runs at the end of the run for every key with unlinked
events (so a killed run's events are linked by the next run).
Library code: it reports progress through the callback and never prints.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ingest import Metadata, read_articles
from ..linking.keys import LinkRules
from ..linking.link import relink_pending
from ..options import Options
from ..records import Article, Rejected
from ..store.db import Store
from ..store.rows import empty_tables
from ..store.write import existing_ids, finish_run, start_run, write_tables
from .estimate import estimate_items
from .workers import CodingPool, make_pool

__all__ = ["INGEST_MEMORY_LIMIT", "IngestResult", "Progress", "ingest"]

#: DuckDB buffer-pool cap used by `eventwire ingest` and the benchmark (see Store.open).
INGEST_MEMORY_LIMIT = "128MB"
#: Rejected items an IngestResult keeps as examples (all of them are counted by reason).
REJECTED_EXAMPLES = 1000


@dataclass(frozen=True)
class Progress:
    done: int  # input items handled (articles + rejected)
    total: int | None  # estimated input items, None when unknown
    stored: int
    existing: int
    rejected: int
    elapsed: float


@dataclass
class IngestResult:
    run_id: int
    read: int = 0
    stored: int = 0
    existing: int = 0
    events: int = 0
    rejected: int = 0
    rejected_by_reason: Counter[str] = field(default_factory=Counter)
    rejected_examples: list[Rejected] = field(default_factory=list)
    seconds: float = 0.0
    versions: dict[str, str] = field(default_factory=dict)

    def add_rejected(self, items: Iterable[Rejected]) -> None:
        """Count rejected items by reason, keeping the first ``REJECTED_EXAMPLES`` as examples."""
        for r in items:
            self.rejected += 1
            self.rejected_by_reason[r.reason] += 1
            if len(self.rejected_examples) < REJECTED_EXAMPLES:
                self.rejected_examples.append(r)

    def progress(self, total: int | None, started: float) -> Progress:
        """Where the run stands: ``total`` estimated input items, ``started`` a perf_counter time."""
        return Progress(
            done=self.read,
            total=max(total, self.read) if total is not None else None,
            stored=self.stored,
            existing=self.existing,
            rejected=self.rejected,
            elapsed=time.perf_counter() - started,
        )

    def close_run(self, store: Store | None, run_id: int, status: str, started: float) -> None:
        """Time the run and record its end (status, counts, versions) in the store, if still open."""
        self.seconds = time.perf_counter() - started
        if store is not None and not store.closed:
            finish_run(
                store,
                run_id,
                status=status,
                versions=self.versions,
                counts=self.counts(),
                seconds=self.seconds,
            )

    def counts(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "stored": self.stored,
            "existing": self.existing,
            "rejected": self.rejected,
            "events": self.events,
        }


@dataclass
class _Pending:
    rejected: list[Rejected]
    items: int
    existing: int


def _read(
    sources: Iterable[str | Path],
    input_format: str | None,
    metadata: Metadata | None,
    options: Options,
    fetch_links: bool,
) -> Iterator[Article | Rejected]:
    return read_articles(
        list(sources),
        input_format=input_format,
        metadata=metadata,
        options=options,
        fetch_links=fetch_links,
    )


def ingest(
    store: Store,
    sources: Iterable[str | Path],
    *,
    options: Options | None = None,
    workers: int = 1,
    input_format: str | None = None,
    metadata: Metadata | None = None,
    fetch_links: bool = False,
    batch_size: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    command: str = "ingest",
    day_window: int | None = None,
    coder: Any = None,
    pool: CodingPool | None = None,
) -> IngestResult:
    """Read, code and store every source; return the counts. Re-running resumes.

    ``coder``: an already built Coder to use in this process (``workers`` 1 only);
    ``pool``: an already started pool (the caller closes it), e.g. warmed up by the benchmark.
    """
    options = options or Options()
    sources = list(sources)
    size = batch_size or max(options.batch_size, 8)
    rules = LinkRules.load(day_window)
    started = time.perf_counter()
    run_id = start_run(store, command, workers)
    result = IngestResult(run_id=run_id)
    total = estimate_items(sources)
    pending: deque[_Pending] = deque()

    def batches() -> Iterator[list[Article] | None]:
        articles: list[Article] = []
        rejected: list[Rejected] = []
        items = 0
        for item in _read(sources, input_format, metadata, options, fetch_links):
            items += 1
            if isinstance(item, Rejected):
                rejected.append(item)
            else:
                articles.append(item)
            if len(articles) >= size:
                yield _submit(articles, rejected, items)
                articles, rejected, items = [], [], 0
        if articles or rejected:
            yield _submit(articles, rejected, items)

    def _submit(articles: list[Article], rejected: list[Rejected], items: int) -> list[Article] | None:
        old = existing_ids(store, [a.id for a in articles])
        fresh = [a for a in articles if a.id not in old]
        pending.append(_Pending(rejected, items, len(articles) - len(fresh)))
        return fresh or None

    own_pool = pool is None
    runner = pool if pool is not None else make_pool(options, rules, workers, coder)
    status = "failed"
    try:
        for coded in runner.map(batches()):
            meta = pending.popleft()
            rejected = list(meta.rejected)
            tables = empty_tables()
            if coded is not None:
                tables = coded.tables
                rejected.extend(coded.failed)
                result.versions = result.versions or coded.versions
            written = write_tables(store, tables, rejected, run_id=run_id, rules=rules, link=False)
            result.read += meta.items
            result.stored += written.stored
            result.existing += written.existing + meta.existing
            result.events += written.events
            result.add_rejected(rejected)
            if progress:
                progress(result.progress(total, started))
        relink_pending(store, rules)
        status = "done"
    finally:
        if own_pool:
            runner.close()
        result.close_run(store, run_id, status, started)
    return result
