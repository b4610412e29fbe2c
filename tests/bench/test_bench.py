"""The benchmark's structure on a tiny corpus (no timing assertions)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.bench import format_report, run_bench, summarize, synthetic_articles, write_jsonl
from eventwire.cli import main


def test_synthetic_corpus_is_deterministic_and_prefix_stable(tmp_path):
    small = [a.id for a in synthetic_articles(30, seed=7)]
    large = [a.id for a in synthetic_articles(60, seed=7)]
    assert small == large[:30] and len(set(large)) == 60
    assert [a.id for a in synthetic_articles(30, seed=8)] != small
    a = next(synthetic_articles(1))
    assert a.outlet and a.published and 40 < len(a.text.split()) < 250
    n, words = write_jsonl(tmp_path / "c.jsonl", 5)
    lines = (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == 5 and words == sum(len(json.loads(x)["text"].split()) for x in lines)


@pytest.mark.slow
def test_bench_report_structure(tmp_path):
    report = run_bench([4, 8], [1], seed=1, workdir=tmp_path)
    assert report["schema"] == "eventwire.bench/1"
    rows = report["results"]
    assert {(r["phase"], r["size"], r["workers"]) for r in rows} == {
        (p, s, 1) for p in ("bare", "code", "ingest") for s in (4, 8)
    }
    for r in rows:
        assert r["articles"] == r["size"] and r["words"] > 0 and r["peak_rss_mb"] > 0
        assert r["cpu_seconds"] > 0 and r["words_per_cpu_s"] > 0
    words = {(r["phase"], r["size"]): r["words"] for r in rows}
    assert words[("bare", 8)] == words[("code", 8)] == words[("ingest", 8)]  # the same texts
    summary = report["summary"]
    assert len(summary["full_over_bare"]) == 2 and len(summary["memory_growth"]) == 3
    text = format_report(report)
    assert "full/bare" in text and "peak memory 8 / 4" in text


def test_summary_flags_the_acceptance_figures():
    def row(phase, size, workers, wps, mb):
        return {"phase": phase, "size": size, "workers": workers, "words_per_s": wps, "peak_rss_mb": mb}

    results = [
        row("bare", 10, 1, 100, 200),
        row("code", 10, 1, 85, 300),
        row("ingest", 10, 1, 80, 320),
        row("bare", 10, 2, 190, 400),
        row("code", 10, 2, 120, 600),
        row("ingest", 10, 2, 150, 640),
        row("bare", 100, 1, 100, 205),
        row("code", 100, 1, 70, 360),
        row("ingest", 100, 1, 80, 330),
    ]
    s = summarize(results)
    fb = {(x["size"], x["workers"]): x["ok"] for x in s["full_over_bare"]}
    assert fb == {(10, 1): True, (10, 2): False, (100, 1): False}
    speed = {x["phase"]: x["ok"] for x in s["speedup"]}
    assert speed == {"bare": True, "code": False, "ingest": True}
    growth = {(x["phase"], x["workers"]): x["ok"] for x in s["memory_growth"]}
    assert growth == {("bare", 1): True, ("code", 1): False, ("ingest", 1): True}


def test_bench_cli_rejects_bad_sizes():
    result = CliRunner().invoke(main, ["bench", "--sizes", "ten"])
    assert result.exit_code == 2 and "whole numbers" in result.output


def test_ingest_phase_without_a_store_path_is_a_config_error(tmp_path):
    from eventwire.bench.phases import run_phase
    from eventwire.errors import ConfigError
    from eventwire.options import Options

    with pytest.raises(ConfigError, match=r"needs a corpus file and a store path.*db=None.*pass both"):
        run_phase("ingest", 4, 1, 1, Options(), tmp_path / "c.jsonl", None)


def test_bench_cli_unwritable_output_is_a_clear_error(tmp_path, monkeypatch):
    import eventwire.bench

    calls = []
    monkeypatch.setattr(eventwire.bench, "run_bench", lambda *a, **k: calls.append(a) or {"results": []})
    monkeypatch.setattr(eventwire.bench, "format_report", lambda report: "the table")
    target = tmp_path / "missing-dir" / "report.json"
    result = CliRunner().invoke(main, ["bench", "--sizes", "4", "--workers", "1", "-o", str(target)])
    assert calls and result.exit_code == 1 and result.exception is not None
    assert isinstance(result.exception, SystemExit), "a ClickException, not a traceback"
    assert f"cannot write the report to {target}" in result.output and "--output" in result.output
    assert "the table" in result.output and not target.exists()
