from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main

from .conftest import write_corpus


def test_ingest_command_is_quiet_when_piped_and_summarizes(tmp_path):
    corpus = write_corpus(tmp_path / "c", 3)
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "\r" not in result.stderr  # no progress bar when stderr is not a terminal
    assert "stored 3 new article(s)" in result.stderr and "2 rejected" in result.stderr
    assert "rejected by reason:" in result.stderr
    listed = CliRunner().invoke(main, ["rejected", "--db", str(db), "--json"])
    assert {r["source"].rsplit("/", 1)[-1] for r in json.loads(listed.output)} == {"empty.txt", "blob.txt"}


@pytest.mark.parametrize("command", ["ingest", "code"])
def test_a_bad_published_date_is_a_usage_error(tmp_path, command):
    source = tmp_path / "a.txt"
    source.write_text("Officials met in Vienna on Monday.\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    args = [command, str(source), "--published", "the day after"]
    result = CliRunner().invoke(main, args + (["--db", str(db)] if command == "ingest" else []))
    assert result.exit_code == 2
    assert "'the day after' is not a date" in result.output and "YYYY-MM-DD" in result.output
    assert not db.exists()


def test_a_published_date_is_normalized_for_every_ingested_article(tmp_path):
    from eventwire.store import Store

    source = tmp_path / "a.txt"
    source.write_text("Officials met in Vienna on Monday.\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    args = ["ingest", str(source), "--db", str(db), "--published", "13 February 2025"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    with Store.open(db, read_only=True) as store:
        assert [str(r[0]) for r in store.execute("SELECT published FROM articles")] == ["2025-02-13"]
