from __future__ import annotations

from eventwire.corpus import Progress, estimate_items, ingest
from eventwire.corpus.progress import format_progress
from eventwire.store import Store
from eventwire.store.compare import snapshot as dump

from .conftest import write_corpus


def test_ingest_stores_articles_and_rejects_bad_inputs(corpus_dir, coder, tmp_path):
    seen: list[Progress] = []
    with Store.open(tmp_path / "s.duckdb") as store:
        result = ingest(store, [corpus_dir], coder=coder, batch_size=5, progress=seen.append)
        assert (result.read, result.stored, result.rejected) == (14, 12, 2)
        assert store.count("articles") == 12
        reasons = dict(store.execute("SELECT source, reason FROM rejected"))
        assert {k.rsplit("/", 1)[-1] for k in reasons} == {"empty.txt", "blob.txt"}
        run = store.query("SELECT * FROM runs")[0]
        assert run["status"] == "done" and run["articles_stored"] == 12 and run["version_model"]
    assert [p.done for p in seen] == sorted(p.done for p in seen) and seen[-1].done == 14
    assert seen[-1].total == 14


def test_second_run_changes_nothing(corpus_dir, coder, tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, [corpus_dir], coder=coder)
        before = dump(store)
        again = ingest(store, [corpus_dir], coder=coder)
        assert (again.stored, again.existing, again.rejected) == (0, 12, 2)
        assert dump(store) == before
        assert store.count("runs") == 2


def test_reference_article_ingested_twice_leaves_one_article(seed_path, coder, tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, [seed_path], coder=coder)
        ingest(store, [seed_path, seed_path], coder=coder)
        assert store.count("articles") == 1


def test_estimate_counts_files_and_corpus_lines(tmp_path):
    write_corpus(tmp_path / "d", 4, bad=False)
    (tmp_path / "c.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}', encoding="utf-8")
    (tmp_path / "c.csv").write_text("text\na\nb\n", encoding="utf-8")
    assert estimate_items([tmp_path / "d", tmp_path / "c.jsonl", tmp_path / "c.csv"]) == 4 + 3 + 2
    assert estimate_items(["https://example.org/feed"]) is None


def test_progress_line_has_rate_and_eta():
    line = format_progress(Progress(done=50, total=200, stored=45, existing=3, rejected=2, elapsed=10.0))
    assert "25%" in line and "5.0 items/s" in line and "ETA 00:30" in line and "rejected 2" in line
    assert "elapsed 00:10" in format_progress(Progress(50, None, 50, 0, 0, 10.0))
