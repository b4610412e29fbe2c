from __future__ import annotations

import csv
import json

import duckdb
import pytest

from eventwire.store import Store, batch_tables, write_tables
from eventwire.store.export import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, export, gdelt_event_id

REFERENCE = "/work/shared/reference/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"


@pytest.fixture
def store(sample):
    with Store.open(":memory:") as s:
        write_tables(s, batch_tables(sample))
        yield s


def test_jsonl_export_is_the_article_contract(store, sample, tmp_path):
    (path,) = export(store, "jsonl", tmp_path / "out.jsonl")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert {d["schema"] for d in lines} == {"eventwire.article/1"}
    assert sorted(d["article"]["id"] for d in lines) == sorted(c.article.id for c in sample)


def test_plover_export_parses_line_by_line(store, tmp_path):
    (path,) = export(store, "plover", tmp_path / "plover.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines
    for line in lines:
        assert isinstance(json.loads(line), dict)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_parquet_and_csv_round_trip_through_duckdb(store, tmp_path, fmt):
    paths = export(store, fmt, tmp_path / fmt)
    reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
    with duckdb.connect() as con:  # a private connection: the default one is shared process-wide
        for path in paths:
            table = path.stem
            got = con.sql(f"SELECT count(*) FROM {reader}('{path}')").fetchall()[0][0]
            assert got == store.count(table), table
        articles = con.sql(
            f"SELECT id, text FROM {reader}('{tmp_path / fmt / ('articles.' + fmt)}') ORDER BY id"
        ).fetchall()
    assert articles == store.execute("SELECT id, text FROM articles ORDER BY id")


def test_gdelt_export_has_the_gdelt_columns(store, tmp_path):
    events_path, mentions_path = export(store, "gdelt", tmp_path / "gdelt")
    with open(REFERENCE, encoding="utf-8") as fh:
        reference = [row[0] for row in csv.reader(fh)][1:]
    assert reference == GDELT_EVENT_COLUMNS
    with events_path.open(encoding="utf-8") as ef, mentions_path.open(encoding="utf-8") as mf:
        events = list(csv.DictReader(ef, delimiter="\t", quoting=csv.QUOTE_NONE))
        mentions = list(csv.DictReader(mf, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert list(events[0]) == GDELT_EVENT_COLUMNS and list(mentions[0]) == GDELT_MENTION_COLUMNS
    consult = next(e for e in events if e["QuadClass"] == "1")
    assert (consult["NumMentions"], consult["NumArticles"], consult["NumSources"]) == ("2", "2", "2")
    assert consult["SQLDATE"] == "20250212" and consult["EventCode"] == "040"
    assert consult["Actor1CountryCode"] in {"RUS", "USA"} and consult["Actor1Type1Code"] == "GOV"
    ids = {e["GLOBALEVENTID"] for e in events}
    assert {m["GLOBALEVENTID"] for m in mentions} == ids and len(mentions) == 3
    translated = [m for m in mentions if m["MentionDocTranslationInfo"]]
    assert [m["MentionDocTranslationInfo"] for m in translated] == ["srclc:ukr;eng:Example Translate"]
    assert all(int(m["SentenceID"]) >= 1 for m in mentions)
    extras = [json.loads(m["Extras"]) for m in mentions]  # raw JSON: no TSV quoting
    assert {e["type"] for e in extras} == {"CONSULT", "ACCUSE"}
    # DuckDB reads the TSV back with the same shape
    sql = f"SELECT count(*) FROM read_csv('{events_path}', delim='\t', header=true, quote='')"
    with duckdb.connect() as con:
        assert con.sql(sql).fetchall()[0][0] == len(events)


def test_gdelt_ids_are_stable_integers():
    assert gdelt_event_id("le-abc") == gdelt_event_id("le-abc")
    assert 0 < gdelt_event_id("le-abc") < 2**60


def test_unknown_format_is_a_config_error(store, tmp_path):
    from eventwire.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown export format"):
        export(store, "xml", tmp_path / "x")
