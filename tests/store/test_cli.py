from __future__ import annotations

import json

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.cli.corpus import render_table
from eventwire.store import Store, batch_tables, write_tables

from .conftest import build


def test_query_commands_print_tables_and_json(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        write_tables(
            store,
            batch_tables(
                [
                    build(
                        "Putin spoke with Trump by phone, the Kremlin said.",
                        "Alpha",
                        "2025-02-12",
                        (("CONSULT", "Putin", "Trump", "spoke"),),
                    ),
                    build(
                        "Trump held a call with Putin.",
                        "Beta",
                        "2025-02-12",
                        (("CONSULT", "Trump", "Putin", "call"),),
                    ),
                ]
            ),
        )
    runner = CliRunner()
    table = runner.invoke(main, ["events", "--db", str(db)])
    assert table.exit_code == 0 and "CONSULT" in table.output and "num_mentions" in table.output
    rows = json.loads(runner.invoke(main, ["events", "--db", str(db), "--json", "--actor", "trump"]).output)
    assert len(rows) == 1 and rows[0]["num_mentions"] == 2
    explained = runner.invoke(main, ["events", "--db", str(db), "--explain", rows[0]["id"]])
    assert "either direction" in explained.output and "within 2 day(s)" in explained.output
    assert "Donald Trump <-> Vladimir Putin" in explained.output
    assert explained.output.count("- Alpha") + explained.output.count("- Beta") == 2
    missing = runner.invoke(main, ["events", "--db", str(db), "--explain", "le-nope"])
    assert missing.exit_code == 1 and "no linked event" in missing.output
    actors = json.loads(runner.invoke(main, ["actors", "--db", str(db), "--json"]).output)
    assert {a["name"] for a in actors} == {"Vladimir Putin", "Donald Trump"}
    said = runner.invoke(main, ["statements", "--db", str(db), "--speaker", "putin"])
    assert "said" in said.output
    out = tmp_path / "x"
    exported = runner.invoke(main, ["export", "--db", str(db), "--format", "gdelt", "-o", str(out)])
    assert exported.exit_code == 0 and (out / "events.tsv").exists()


def test_render_table_aligns_and_truncates():
    text = render_table([{"a": "x" * 200, "b": 1}, {"a": "y", "b": [1, 2]}], ["a", "b"], max_width=40)
    lines = text.splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert lines[2].endswith("1") and "…" in lines[2] and lines[3].split()[-2:] == ["1,", "2"]
    assert render_table([], ["a"]) == "(none)"
