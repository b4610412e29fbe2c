"""An ingest killed with SIGKILL part-way and run again ends with the uninterrupted database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from eventwire.corpus import ingest
from eventwire.store import Store
from eventwire.store.compare import snapshot as dump

from .conftest import write_corpus

CHILD = textwrap.dedent(
    """
    import sys
    from eventwire.corpus import ingest
    from eventwire.store import Store

    with Store.open(sys.argv[1]) as store:
        ingest(store, [sys.argv[2]], batch_size=4,
               progress=lambda p: print(p.done, flush=True))
    """
)


@pytest.mark.slow
def test_sigkill_then_rerun_equals_uninterrupted(tmp_path, coder):
    corpus = write_corpus(tmp_path / "corpus", 40)
    killed_db = tmp_path / "killed.duckdb"
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(killed_db), str(corpus)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    reported = [proc.stdout.readline() for _ in range(3)]  # three batches committed
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    assert all(line.strip() for line in reported)

    with Store.open(killed_db) as store:
        partial = store.count("articles")
        assert 0 < partial < 40, "the kill must land part-way"
        status = store.execute("SELECT status FROM runs")
        assert status == [("running",)]
        ingest(store, [corpus], coder=coder, batch_size=4)
        resumed = dump(store)
    with Store.open(tmp_path / "clean.duckdb") as store:
        ingest(store, [corpus], coder=coder, batch_size=7)
        clean = dump(store)
    assert resumed == clean
    assert len(clean["articles"]) == 40 and len(clean["rejected"]) == 2


@pytest.mark.slow
def test_two_workers_build_the_same_store(tmp_path, coder):
    corpus = write_corpus(tmp_path / "corpus", 30)
    with Store.open(tmp_path / "one.duckdb") as store:
        ingest(store, [corpus], coder=coder, batch_size=4)
        one = dump(store)
    with Store.open(tmp_path / "two.duckdb") as store:
        result = ingest(store, [corpus], workers=2, batch_size=4)
        two = dump(store)
    assert result.stored == 30 and result.versions
    assert one == two
