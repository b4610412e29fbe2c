"""The benchmark's Dask figures: summarised against the local ingest with the same worker count."""

from __future__ import annotations

from eventwire.bench.run import format_report, summarize


def _row(phase: str, workers: int, words_per_s: float) -> dict[str, object]:
    return {
        "phase": phase,
        "size": 1000,
        "workers": workers,
        "words_per_s": words_per_s,
        "peak_rss_mb": 900.0,
    }


def test_dask_throughput_is_compared_with_local_processes_of_the_same_count():
    rows = [_row("ingest", 1, 1000.0), _row("ingest", 2, 1900.0), _row("dask", 2, 1710.0)]
    summary = summarize(rows)
    assert summary["dask_over_processes"] == [{"size": 1000, "workers": 2, "ratio": 0.9, "ok": True}]
    slow = summarize([*rows[:2], _row("dask", 2, 1500.0)])["dask_over_processes"][0]
    assert slow["ratio"] < 0.85 and not slow["ok"]
    report = {
        "results": [
            {**r, "articles_per_s": 10.0, "seconds": 1.0, "startup_seconds": 1.0, "words_per_cpu_s": None}
            for r in rows
        ],
        "summary": summary,
        "machine": {"cpus": 2, "load_average_before": [0, 0, 0], "load_average_after": [0, 0, 0]},
    }
    assert "dask/processes ingest size   1000 workers 2: 0.90  ok" in format_report(report)
