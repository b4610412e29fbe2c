"""The measured phases of the benchmark, each run in a fresh process by :mod:`.run`.

- ``bare``: spaCy alone, ``nlp.pipe`` with the coder's model, components and batch size;
- ``code``: the full coding pipeline (``Coder.code_many``) including the JSON output contract;
- ``ingest``: read the corpus file, code it, write it to a new DuckDB store (``eventwire ingest``).

With ``workers`` > 1 the same work is spread over that many spawned processes
(the pool of :mod:`eventwire.corpus.workers`). Startup (loading models,
starting processes) is timed apart from the work. Texts stream through in
bounded batches; nothing holds the corpus.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..linking.keys import LinkRules
from ..options import Options
from ..records import Article
from .synth import synthetic_articles

__all__ = ["PHASES", "run_phase"]

PHASES = ("bare", "code", "ingest")

# Per-process state of a benchmark pool worker (its spaCy pipeline or Coder),
# set once by the pool initializer in that worker process only.
_STATE: dict[str, Any] = {}


def _load_bare(options: Options) -> Any:
    import spacy

    from ..nlp import UNUSED
    from ..pipeline import WARM_UP_TEXT

    nlp = spacy.load(options.model, exclude=list(UNUSED))
    nlp(WARM_UP_TEXT)  # the same warm-up the Coder does, so neither side pays a first call in the work
    return nlp


def _init_bare(options: Options) -> None:
    _STATE["nlp"] = _load_bare(options)
    _STATE["batch_size"] = options.batch_size


def _work_bare(texts: list[str]) -> int:
    return sum(1 for _ in _STATE["nlp"].pipe(texts, batch_size=_STATE["batch_size"]))


def _init_code(options: Options) -> None:
    from ..pipeline import Coder

    _STATE["coder"] = Coder(options)


def _work_code(articles: list[Article]) -> int:
    return sum(len(json.dumps(c.to_dict(), ensure_ascii=False)) for c in _STATE["coder"].code_many(articles))


def _cpu_tree() -> float:
    """CPU seconds (user + system) used so far by this process and its live children."""
    import psutil

    me = psutil.Process()
    total = sum(me.cpu_times()[:2])
    for child in me.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            total += sum(child.cpu_times()[:2])
    return float(total)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _counted(articles: Iterable[Article], tally: list[int]) -> Iterator[Article]:
    for a in articles:
        tally[0] += 1
        tally[1] += len(a.text.split())
        yield a


def run_phase(
    phase: str,
    size: int,
    workers: int,
    seed: int,
    options: Options,
    corpus: Path | None,
    db: Path | None,
    cluster: str | None = None,
) -> dict[str, Any]:
    """Run one phase; return articles, words, work seconds and startup seconds.

    Phase ``dask`` (with ``cluster``) is the ingest phase coded on Dask (:mod:`eventwire.scale.bench`).
    """
    from ..corpus.workers import ProcessPool

    tally = [0, 0]
    t0 = time.perf_counter()
    if phase == "ingest":
        return _ingest(size, workers, options, corpus, db, t0)
    if phase == "dask" and cluster and corpus and db:
        from ..scale.bench import dask_ingest

        return dask_ingest(cluster, options, corpus, db, t0)
    articles = _counted(synthetic_articles(size, seed), tally)
    per_task = max(options.batch_size, 8)
    if workers <= 1:
        if phase == "bare":
            nlp = _load_bare(options)
            startup = time.perf_counter() - t0
            t1, c1 = time.perf_counter(), _cpu_tree()
            for _ in nlp.pipe((a.text for a in articles), batch_size=options.batch_size):
                pass
        else:
            from ..pipeline import Coder

            coder = Coder(options)
            startup = time.perf_counter() - t0
            t1, c1 = time.perf_counter(), _cpu_tree()
            for coded in coder.code_many(articles):
                json.dumps(coded.to_dict(), ensure_ascii=False)
    else:
        init, work = (_init_bare, _work_bare) if phase == "bare" else (_init_code, _work_code)
        pool = ProcessPool(
            options, LinkRules.load(), workers, initializer=init, initargs=(options,), work=work
        )
        try:
            pool.warm_up()
            startup = time.perf_counter() - t0
            t1, c1 = time.perf_counter(), _cpu_tree()
            batches: Iterable[Any] = _batches(articles, per_task)
            if phase == "bare":
                batches = ([a.text for a in b] for b in batches)
            for _ in pool.map(batches):
                pass
            cpu = _cpu_tree() - c1
        finally:
            pool.close()
    seconds = time.perf_counter() - t1
    if workers <= 1:
        cpu = _cpu_tree() - c1
    return {
        "articles": tally[0],
        "words": tally[1],
        "seconds": seconds,
        "startup": startup,
        "cpu_seconds": cpu,
    }


def _ingest(
    size: int, workers: int, options: Options, corpus: Path | None, db: Path | None, t0: float
) -> dict[str, Any]:
    from ..corpus import INGEST_MEMORY_LIMIT, ingest
    from ..corpus.workers import make_pool
    from ..store import Store

    if corpus is None or db is None:
        raise ConfigError(
            f"the ingest phase needs a corpus file and a store path, got corpus={corpus!r}, db={db!r}; "
            "pass both (the benchmark runner writes a synthetic JSONL corpus and a temporary store path)"
        )
    for stale in (db, db.with_suffix(db.suffix + ".wal")):
        stale.unlink(missing_ok=True)
    rules = LinkRules.load()
    pool = make_pool(options, rules, workers)
    try:
        pool.warm_up()
        startup = time.perf_counter() - t0
        t1, c1 = time.perf_counter(), _cpu_tree()
        with Store.open(db, memory_limit=INGEST_MEMORY_LIMIT) as store:
            result = ingest(store, [corpus], options=options, workers=workers, pool=pool, command="bench")
            words = store.execute("SELECT coalesce(sum(words), 0) FROM articles")[0][0]
        seconds = time.perf_counter() - t1
        cpu = _cpu_tree() - c1
    finally:
        pool.close()
    return {
        "articles": result.stored,
        "words": int(words),
        "seconds": seconds,
        "startup": startup,
        "cpu_seconds": cpu,
        "rejected": result.rejected,
    }
