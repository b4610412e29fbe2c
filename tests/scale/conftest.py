from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.bench import write_jsonl

ARTICLES = 240


def write_corpus(path: Path, n: int, extra: list[str] = ()) -> Path:  # type: ignore[assignment]
    """``n`` synthetic articles as JSONL, then a malformed line and an empty text, then ``extra`` texts."""
    write_jsonl(path, n, seed=3)
    with path.open("a", encoding="utf-8") as fh:
        fh.write('{"text": "an unfinished line\n')
        fh.write(json.dumps({"text": "   "}) + "\n")
        for i, text in enumerate(extra):
            fh.write(json.dumps({"text": text, "outlet": "Test Wire", "published": f"2025-03-{i + 1:02d}"}))
            fh.write("\n")
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("scale") / "corpus.jsonl", ARTICLES)


@pytest.fixture(scope="session")
def single_snapshot(corpus: Path, coder: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The store a single-process ingest builds from ``corpus``, as sorted rows."""
    from eventwire.corpus import ingest
    from eventwire.store import Store, snapshot

    with Store.open(tmp_path_factory.mktemp("single") / "s.duckdb") as store:
        ingest(store, [corpus], coder=coder)
        return snapshot(store)


@pytest.fixture(scope="module")
def dask2() -> Iterator[Any]:
    """A LocalCluster of 2 worker processes, shared by a test module."""
    from eventwire.scale import connect

    with connect("local:2") as conn:
        yield conn
