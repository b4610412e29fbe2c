"""Coders and shard writers that fail on purpose, for the failure tests (pickled by value to workers)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

BAD = "<<this article breaks the coder>>"
CRASH = "<<the worker dies the first time it codes this>>"


class FlakyCoder:
    """The real Coder, except that it raises on articles holding BAD and kills its worker
    process the first time (per ``marks`` directory) it meets CRASH."""

    def __init__(self, options: Any, marks: str) -> None:
        from eventwire.pipeline import Coder

        self.inner = Coder(options)
        self.versions = self.inner.versions
        self.marks = Path(marks)

    def _check(self, article: Any) -> None:
        if BAD in article.text:
            raise RuntimeError("a deliberate failure on one article")
        if CRASH in article.text:
            try:
                fd = os.open(self.marks / "crashed", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                return
            os.close(fd)
            os._exit(17)  # the worker process dies mid-partition, as a preempted machine would

    def code_many(self, articles: Iterable[Any]) -> Iterator[Any]:
        batch = list(articles)
        for a in batch:
            self._check(a)
        return self.inner.code_many(batch)

    def code(self, article: Any) -> Any:
        self._check(article)
        return self.inner.code(article)


def fail_first_write(marks: str, prefix: str) -> None:
    """On a worker: the first write of the shard named ``prefix...`` raises OSError; later ones work."""
    from eventwire.scale import partition

    original = getattr(partition, "_original_write_shard", partition.write_shard)

    def flaky(output_dir: Any, name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith(prefix):
            n = len(list(Path(marks).glob("attempt-*")))
            Path(marks, f"attempt-{n + 1}-{os.getpid()}").touch()
            if n == 0:
                raise OSError(f"a deliberate write failure of shard {name}")
        return original(output_dir, name, *args, **kwargs)

    partition._original_write_shard = original  # type: ignore[attr-defined]
    partition.write_shard = flaky  # type: ignore[assignment]


def restore_write() -> None:
    from eventwire.scale import partition

    original = getattr(partition, "_original_write_shard", None)
    if original is not None:
        partition.write_shard = original
