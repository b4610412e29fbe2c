"""PLOVER JSONL and TSV output, on a coded article built by hand (no model needed)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from eventwire.errors import ConfigError, LexiconError
from eventwire.formats import FORMATS, TSV_COLUMNS, Writer
from eventwire.formats.plover import PloverTables
from eventwire.records import Actor, Article, CodedArticle, Event, Mention, Span

TEXT = (
    "German Foreign Minister Annalena Baerbock met her Polish counterpart in Warsaw on Tuesday.\n"
    'Russia\'s army shelled Kharkiv, Ukrainian officials said, calling it\ta "terror" attack.'
)


def span(text: str, sub: str) -> Span:
    start = text.index(sub)
    return Span(sub, start, start + len(sub))


def sentence(i: int) -> Span:
    lines = TEXT.split("\n")
    start = sum(len(x) + 1 for x in lines[:i])
    return Span(lines[i], start, start + len(lines[i]))


def mention(sub: str) -> Mention:
    s = span(TEXT, sub)
    return Mention(s.text, s.start, s.end)


@pytest.fixture
def coded() -> CodedArticle:
    article = Article(id="f" * 64, text=TEXT, title="Two events", outlet="Test Wire", published="2024-05-07")
    actors = [
        Actor(
            "a1",
            "Annalena Baerbock",
            "person",
            "DEU",
            "GOV",
            "Minister of Foreign Affairs of Germany",
            "Q15391841",
            mentions=[mention("Annalena Baerbock")],
        ),
        Actor("a2", "Poland", "country", "POL", None, mentions=[mention("Polish")]),
        Actor("a3", "Russia", "country", "RUS", "MIL", mentions=[mention("Russia's army")]),
        Actor("a4", "Ukraine", "country", "UKR", "GOV", mentions=[mention("Ukrainian officials")]),
        Actor("a5", "NATO", "organization", "IGO", None),
    ]
    events = [
        Event(
            "e1",
            "CONSULT",
            "visit",
            ["diplomatic"],
            "042",
            ["a1"],
            ["a2"],
            sentence(0),
            span(TEXT, "met"),
            date="2024-05-07",
            date_precision="day",
            location={
                "name": "Warsaw",
                "country": "POL",
                "lat": 52.23,
                "lon": 21.01,
                "span": {"text": "Warsaw", "start": 72, "end": 78},
            },
            confidence=0.8,
        ),
        Event(
            "e2",
            "ASSAULT",
            "heavy-weapons",
            [],
            "195",
            ["a3"],
            ["a4", "a5"],
            sentence(1),
            span(TEXT, "shelled"),
            source="a4",
            negated=False,
            hypothetical=True,
            confidence=0.61234,
        ),
    ]
    return CodedArticle(
        article, actors, events, [], {"eventwire": "0.1.0", "lexicon": "1", "kb": "1", "model": "m"}
    )


def write(coded: CodedArticle, fmt: str) -> str:
    out = io.StringIO()
    writer = Writer(out, fmt)
    writer.write(coded)
    writer.write(coded)
    writer.close()
    return out.getvalue()


def test_plover_lines_parse_and_carry_the_codebook_fields(coded: CodedArticle) -> None:
    lines = write(coded, "plover").splitlines()
    assert len(lines) == 4  # one record per event, two articles written
    records = [json.loads(line) for line in lines]
    first = records[0]
    for key in (
        "id",
        "date",
        "actor",
        "recipient",
        "event",
        "mode",
        "context",
        "event_text",
        "text_info",
        "cite_info",
        "quad_code",
        "event_scale",
        "cameo",
    ):
        assert key in first, key
    assert first["event"] == ["CONSULT"] and first["mode"] == ["visit"] and first["context"] == ["diplomatic"]
    assert first["date"] == "2024-05-07" and first["cameo"] == "042"
    actor = first["actor"][0]
    assert actor["raw_text"] == "Annalena Baerbock"
    assert actor["entity_name"] == "Annalena Baerbock"
    assert actor["wikidata_id"] == "Q15391841"
    assert actor["wiki_description"] == "Minister of Foreign Affairs of Germany"
    assert actor["country_name"] == "Germany" and actor["country_code"] == "DEU"
    assert actor["sector_code"] == "GOV" and actor["other_sector_codes"] == ""
    assert first["recipient"][0]["raw_text"] == "Polish"
    assert first["recipient"][0]["sector_code"] == ""
    assert first["event_loc"]["resolved_place"] == "Warsaw" and first["event_loc"]["country"] == "Poland"
    info = first["text_info"]
    assert TEXT[info["start"] : info["end"]] == first["text"]
    assert first["cite_info"]["publication"] == "Test Wire"
    assert len({r["id"] for r in records[:2]}) == 2


def test_plover_entities_for_non_state_codes_and_sources(coded: CodedArticle) -> None:
    second = json.loads(write(coded, "plover").splitlines()[1])
    nato = second["recipient"][1]
    assert nato["country_name"] == "International Governmental Organization"
    assert nato["raw_text"] == "NATO"  # no mention: falls back to the name
    assert second["source_actor"]["entity_name"] == "Ukraine"
    assert second["hypothetical"] is True and second["negated"] is False
    assert second["date"] == "2024-05-07"  # no event date: the publication date
    assert second["confidence"] == 0.612


def test_country_names_are_short_names() -> None:
    tables = PloverTables.load()
    assert tables.country_name("DEU") == "Germany"
    assert tables.country_name("UNO") == "United Nations"
    assert tables.country_name("KOS") == "Kosovo"
    assert tables.country_name("XXX") is None and tables.country_name(None) is None


def test_plover_scale_and_quad_come_from_the_ontology() -> None:
    tables = PloverTables.load()
    assert tables.quads["ASSAULT"] == 4 and tables.quads["AGREE"] == 1
    assert tables.scores["ASSAULT"] < 0 < tables.scores["AID"]


def test_plover_tables_fail_when_the_ontology_cannot_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # Point the ontology loader at a package that holds no plover.json: the load must fail, not null fields.
    monkeypatch.setattr("eventwire.events.ontology.DATA", "eventwire.formats")
    with pytest.raises(LexiconError, match="PLOVER ontology cannot be read"):
        PloverTables.load()


def test_tsv_round_trips_through_csv(coded: CodedArticle) -> None:
    text = write(coded, "tsv")
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t"))
    assert text.splitlines()[0].split("\t") == list(TSV_COLUMNS)
    assert len(rows) == 4
    first, second = rows[0], rows[1]
    assert first["type"] == "CONSULT" and first["cameo"] == "042" and first["date"] == "2024-05-07"
    assert first["actor_names"] == "Annalena Baerbock" and first["actor_countries"] == "DEU"
    assert first["recipient_countries"] == "POL" and first["location"] == "Warsaw"
    assert second["recipient_names"] == "Ukraine;NATO" and second["recipient_countries"] == "UKR;IGO"
    assert second["recipient_sectors"] == "GOV;"
    assert second["hypothetical"] == "true" and second["negated"] == "false"
    assert second["source"] == "Ukraine" and second["date"] == ""
    assert int(second["sentence_start"]) == TEXT.index("Russia")
    assert TEXT[int(first["sentence_start"]) : int(first["sentence_end"])].startswith("German Foreign")
    assert all(len(line.split("\t")) == len(TSV_COLUMNS) for line in text.splitlines())


def test_tsv_empty_output_has_a_header() -> None:
    out = io.StringIO()
    Writer(out, "tsv").close()
    assert out.getvalue() == "\t".join(TSV_COLUMNS) + "\n"


def test_json_formats_and_unknown_format(coded: CodedArticle) -> None:
    assert set(FORMATS) == {"json", "jsonl", "plover", "tsv"}
    lines = write(coded, "jsonl").splitlines()
    assert [json.loads(x)["schema"] for x in lines] == ["eventwire.article/1"] * 2
    with pytest.raises(ConfigError, match="unknown output format"):
        Writer(io.StringIO(), "xml")


def test_summary_names_modes_flags_and_sources(coded: CodedArticle) -> None:
    from eventwire.formats.summary import summarize

    text = summarize(coded)
    assert "2024-05-07 CONSULT/visit: Annalena Baerbock -> Poland «met»" in text
    assert (
        "ASSAULT/heavy-weapons: Russia -> Ukraine, NATO «shelled» (hypothetical, according to Ukraine)"
        in text
    )
