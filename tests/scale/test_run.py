"""Ingest on a LocalCluster of 2 workers gives the store a single process builds; shards; failures."""

from __future__ import annotations

import cloudpickle
import duckdb
import pytest

from eventwire.corpus import Progress
from eventwire.scale import RETRIES, ingest_cluster, ingest_parquet
from eventwire.store import Store, snapshot

from . import flaky
from .conftest import ARTICLES, write_corpus

pytestmark = pytest.mark.slow

# The workers cannot import the test package: ship the failing helpers by value.
cloudpickle.register_pickle_by_value(flaky)


def _builds(conn):
    return conn.client.run(lambda dask_worker: dask_worker.plugins["eventwire-coder"].builds)


def test_cluster_store_equals_single_process_store(dask2, corpus, single_snapshot, tmp_path):
    seen: list[Progress] = []
    with Store.open(tmp_path / "dask.duckdb") as store:
        result = ingest_cluster(store, [corpus], dask2, partition_size=32, progress=seen.append)
        assert (result.stored, result.rejected) == (ARTICLES, 2)
        assert snapshot(store) == single_snapshot
        assert store.query("SELECT status, workers FROM runs") == [{"status": "done", "workers": 2}]
        again = ingest_cluster(store, [corpus], dask2)
        assert (again.stored, again.existing) == (0, ARTICLES)
    assert single_snapshot["linked_events"] and single_snapshot["event_links"]
    assert seen[-1].done == ARTICLES + 2 and [p.done for p in seen] == sorted(p.done for p in seen)
    assert set(_builds(dask2).values()) == {1}  # one Coder per worker, whatever the partitions


def test_output_dir_leaves_parquet_that_duckdb_reads_and_merges_into_the_same_store(
    dask2, corpus, single_snapshot, tmp_path
):
    out = tmp_path / "shards"
    result = ingest_parquet([corpus], out, dask2, partition_size=50)
    assert (result.stored, result.rejected, result.read) == (ARTICLES, 2, ARTICLES + 2)
    assert len(list((out / "articles").glob("*.parquet"))) == 5
    con = duckdb.connect()
    for table in ("articles", "actors", "actor_mentions", "events", "statements", "rejected"):
        (n,) = con.execute(f"SELECT count(*) FROM read_parquet('{out}/{table}/*.parquet')").fetchone()
        assert n == len(single_snapshot[table]), table
    assert result.events == len(single_snapshot["events"])

    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    resumed = ingest_parquet([corpus], out, dask2, partition_size=50)
    assert resumed.stored == 0 and resumed.read == ARTICLES + 2
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == before

    with Store.open(tmp_path / "merged.duckdb") as store:
        ingest_parquet([corpus], out, dask2, store=store, partition_size=50)
        assert snapshot(store) == single_snapshot


def test_a_failed_partition_is_retried(dask2, tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 40)
    marks = tmp_path / "marks"
    marks.mkdir()
    dask2.client.run(flaky.fail_first_write, str(marks), "part-000002-")
    try:
        result = ingest_parquet([corpus], tmp_path / "out", dask2, partition_size=10)
    finally:
        dask2.client.run(flaky.restore_write)
    attempts = sorted(p.name for p in marks.iterdir())
    assert 2 <= len(attempts) <= RETRIES + 1, attempts
    assert (result.stored, result.rejected) == (40, 2)
    with duckdb.connect() as con:  # a private connection: the default one is shared process-wide
        (n,) = con.execute(
            f"SELECT count(*) FROM read_parquet('{tmp_path}/out/articles/*.parquet')"
        ).fetchall()[0]
    assert n == 40


def test_a_bad_item_is_rejected_and_a_dead_worker_is_replaced(dask2, tmp_path):
    marks = tmp_path / "marks"
    marks.mkdir()
    texts = [
        f"Officials in Oslo said on Monday that the talks would resume. {flaky.BAD}",
        f"The foreign minister of Chile visited Peru on Tuesday. {flaky.CRASH}",
    ]
    corpus = write_corpus(tmp_path / "c.jsonl", 30, extra=texts)

    def factory(options):  # a local function: pickled by value, with the helpers it uses
        return flaky.FlakyCoder(options, str(marks))

    with Store.open(tmp_path / "s.duckdb") as store:
        result = ingest_cluster(store, [corpus], dask2, partition_size=8, factory=factory)
        assert (marks / "crashed").exists()  # a worker died coding the CRASH article ...
        assert store.count("articles") == 31  # ... and its partition was coded again
        rows = store.query("SELECT source, reason, detail FROM rejected WHERE reason = 'coding-error'")
        assert len(rows) == 1 and "deliberate failure" in rows[0]["detail"]
        assert result.rejected == 3 and result.stored == 31
    dask2.client.wait_for_workers(2, timeout=60)  # the nanny started a new worker in its place


def test_cli_output_dir_alone_writes_shards_and_no_store(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from eventwire.cli import main

    monkeypatch.chdir(tmp_path)
    corpus = write_corpus(tmp_path / "c.jsonl", 12)
    out = tmp_path / "shards"
    result = CliRunner().invoke(
        main, ["ingest", str(corpus), "--cluster", "local:2", "--output-dir", str(out), "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    assert "Dask: 2 worker(s) on a local cluster" in result.output
    assert "stored 12 new article(s)" in result.output and "2 rejected" in result.output
    assert not (tmp_path / "eventwire.duckdb").exists()
    with duckdb.connect() as con:
        (n,) = con.execute(f"SELECT count(*) FROM read_parquet('{out}/articles/*.parquet')").fetchall()[0]
    assert n == 12


def test_joining_a_running_scheduler_leaves_it_running(dask2, tmp_path):
    from eventwire.scale import connect

    corpus = write_corpus(tmp_path / "c.jsonl", 10)
    address = dask2.client.scheduler.address
    with connect(address) as conn, Store.open(tmp_path / "s.duckdb") as store:
        assert (conn.spec.address, conn.workers) == (address, 2)
        result = ingest_cluster(store, [corpus], conn)
        assert (result.stored, result.rejected) == (10, 2)
    assert len(dask2.client.scheduler_info(n_workers=-1)["workers"]) == 2
