from __future__ import annotations

import json

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
