"""Coding batches of articles, in this process or in N worker processes.

:func:`code_batch` is the unit of work: a list of Articles in, Arrow tables
(see :mod:`eventwire.store.rows`) and the items that failed out. Pools keep at
most ``2 * workers`` batches in flight and yield results in input order, so
memory stays bounded whatever the corpus size and the store is written in a
deterministic order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

import pyarrow as pa

from ..errors import EventwireError
from ..linking.keys import LinkRules
from ..options import Options
from ..records import Article, CodedArticle, Rejected
from ..store.rows import batch_tables

__all__ = ["BatchResult", "CodingPool", "InProcess", "ProcessPool", "code_batch", "make_pool"]


@dataclass
class BatchResult:
    tables: dict[str, pa.Table]
    failed: list[Rejected] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)
    articles: int = 0


def code_batch(coder: Any, articles: list[Article], rules: LinkRules) -> BatchResult:
    """Code one batch; an article the coder fails on is rejected with the reason, the rest are kept."""
    coded: list[CodedArticle] = []
    failed: list[Rejected] = []
    try:
        coded = list(coder.code_many(articles))
    except Exception:
        coded = []
        for article in articles:
            try:
                coded.append(coder.code(article))
            except Exception as exc:
                failed.append(
                    Rejected(
                        source=article.source or article.id,
                        reason="coding-error",
                        detail=f"the coder failed on this article ({type(exc).__name__}: {exc}); "
                        "report it with the article",
                    )
                )
    return BatchResult(batch_tables(coded, rules), failed, dict(coder.versions), len(articles))


class CodingPool(Protocol):
    """What the corpus runner needs of a pool: in-order results per batch, warm-up and close.

    Implemented by :class:`InProcess`, :class:`ProcessPool` and ``eventwire.scale.DaskPool``.
    """

    def warm_up(self) -> None:
        """Get ready to code (start workers, build coders); a no-op where there is nothing to start."""
        ...

    def map(self, batches: Iterable[list[Article] | None]) -> Iterator[BatchResult | None]:
        """One result per batch, in input order; an empty batch (``None`` or ``[]``) gives ``None``."""
        ...

    def close(self) -> None:
        """Release the workers (idempotent)."""
        ...


class InProcess:
    """Codes batches in this process with one Coder."""

    def __init__(self, options: Options, rules: LinkRules, coder: Any = None) -> None:
        from ..pipeline import Coder

        self.coder = coder if coder is not None else Coder(options)
        self.rules = rules

    def map(self, batches: Iterable[list[Article] | None]) -> Iterator[BatchResult | None]:
        for batch in batches:
            yield code_batch(self.coder, batch, self.rules) if batch else None

    def warm_up(self) -> None:
        """Nothing to start: the Coder is built in ``__init__``."""

    def close(self) -> None:
        pass


# Per-process state of a pool worker: the Coder its initializer builds once.
# It lives only in worker processes (set by _init_worker), never in the parent.
_WORKER: dict[str, Any] = {}


def _init_worker(options: Options, day_window: int) -> None:
    from ..pipeline import Coder

    _WORKER["coder"] = Coder(options)
    _WORKER["rules"] = LinkRules.load(day_window)


def _safe_init(init: Callable[..., None], *args: Any) -> None:
    """Run a worker initializer; keep its error to report it, instead of killing the pool."""
    try:
        init(*args)
    except Exception as exc:
        _WORKER["error"] = (
            exc
            if isinstance(exc, EventwireError)
            else EventwireError(f"a worker process could not start: {type(exc).__name__}: {exc}")
        )


def _checked() -> None:
    if "error" in _WORKER:
        raise _WORKER["error"]


def _work(batch: list[Article]) -> BatchResult:
    _checked()
    return code_batch(_WORKER["coder"], batch, _WORKER["rules"])


def _ready() -> bool:
    _checked()
    return True


def _call(work: Callable[[Any], Any], batch: Any) -> Any:
    _checked()
    return work(batch)


class ProcessPool:
    """Runs batches in N processes (spawn or forkserver), each set up once by ``initializer``.

    By default each worker builds one Coder and codes batches (:func:`code_batch`);
    the benchmark passes its own ``initializer``/``work`` (e.g. bare spaCy parsing).
    """

    def __init__(
        self,
        options: Options,
        rules: LinkRules,
        workers: int,
        start_method: str = "spawn",
        *,
        initializer: Callable[..., None] | None = None,
        initargs: tuple[Any, ...] | None = None,
        work: Callable[[Any], Any] | None = None,
    ) -> None:
        self.workers = workers
        self.work = work or _work
        ctx = multiprocessing.get_context(start_method)
        self.executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=ctx,
            initializer=_safe_init,
            initargs=(
                initializer or _init_worker,
                *(initargs if initargs is not None else (options, rules.day_window)),
            ),
        )

    def warm_up(self) -> None:
        """Start every worker and wait until each has built its Coder."""
        for f in [self.executor.submit(_ready) for _ in range(self.workers * 2)]:
            f.result()

    def map(self, batches: Iterable[Any]) -> Iterator[Any]:
        window: deque[Future[Any] | None] = deque()
        limit = self.workers * 2
        for batch in batches:
            window.append(self.executor.submit(_call, self.work, batch) if batch else None)
            while len(window) > limit or (window and window[0] is None):
                head = window.popleft()
                yield head.result() if head is not None else None
        while window:
            head = window.popleft()
            yield head.result() if head is not None else None

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def make_pool(options: Options, rules: LinkRules, workers: int, coder: Any = None) -> InProcess | ProcessPool:
    """In-process coding for one worker (reusing ``coder`` if given), else a process pool."""
    return InProcess(options, rules, coder) if workers <= 1 else ProcessPool(options, rules, workers)
