from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.ingest import Metadata, article_id, read_articles
from eventwire.records import Article, Rejected

from .conftest import read


def write_lines(tmp_path: Path, lines: list[str], name: str = "corpus.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_good_and_malformed_lines(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path,
        [
            json.dumps(
                {
                    "id": "a1",
                    "text": "Peru and Bolivia met.",
                    "title": "Talks",
                    "published": "2021-05-04",
                    "outlet": "Andes Daily",
                    "url": "https://x.example/1",
                    "language": "en",
                }
            ),
            "{not json",
            json.dumps({"id": "a3", "title": "No text"}),
            json.dumps({"id": "a4", "text": ["a", "list"]}),
            "",
            json.dumps({"id": "a6", "text": "   "}),
            json.dumps(["an", "array"]),
            json.dumps({"id": "a8", "text": "Chile and Argentina met.", "published": 2021}),
            json.dumps(
                {
                    "id": "a9",
                    "text": "Chile and Argentina met again.",
                    "translated_from": "es",
                    "translator": "DeepL",
                }
            ),
        ],
    )
    items = read(path)
    summary = [
        (item.source.rsplit(":", 1)[1], item.reason if isinstance(item, Rejected) else "ok") for item in items
    ]
    assert summary == [
        ("1", "ok"),
        ("2", "malformed"),
        ("3", "malformed"),
        ("4", "malformed"),
        ("6", "empty"),
        ("7", "malformed"),
        ("8", "malformed"),
        ("9", "ok"),
    ]
    first = items[0]
    assert isinstance(first, Article)
    assert (first.title, first.published, first.outlet, first.url) == (
        "Talks",
        "2021-05-04",
        "Andes Daily",
        "https://x.example/1",
    )
    assert first.id == article_id("Peru and Bolivia met.")
    assert "text" in items[2].detail  # type: ignore[union-attr]
    last = items[-1]
    assert isinstance(last, Article) and last.translation is not None
    assert (last.translation.source_language, last.translation.service) == ("es", "DeepL")


def test_jsonl_invalid_utf8_line_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "c.ndjson"
    path.write_bytes(b'{"text": "Caf\xe9 talks"}\n{"text": "Peru and Bolivia met."}\n')
    items = read(path)
    assert isinstance(items[0], Rejected) and items[0].reason == "encoding"
    assert items[0].source.endswith(":1")
    assert isinstance(items[1], Article)


def test_jsonl_empty_corpus(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (item,) = read(path)
    assert isinstance(item, Rejected) and item.reason == "empty"


record = st.fixed_dictionaries(
    {"text": st.text(min_size=1, max_size=80).filter(str.strip)},
    optional={
        "title": st.text(max_size=30).filter(str.strip),
        "outlet": st.text(max_size=30).filter(str.strip),
        "language": st.sampled_from(["en", "ru", "fr"]),
    },
)


@settings(deadline=None, max_examples=50)
@given(records=st.lists(record, min_size=1, max_size=5))
def test_jsonl_round_trip(records: list[dict[str, str]], tmp_path_factory: object) -> None:
    path = tmp_path_factory.mktemp("rt") / "r.jsonl"  # type: ignore[attr-defined]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    items = list(read_articles([path], metadata=Metadata()))
    assert len(items) == len(records)
    for item, rec in zip(items, records, strict=True):
        assert isinstance(item, Article)
        assert item.text == rec["text"]
        assert item.outlet == (rec["outlet"].strip() if "outlet" in rec else None)
        assert item.language == rec.get("language", "en")
        if "title" in rec:
            assert item.title == rec["title"].strip()
