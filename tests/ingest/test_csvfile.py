from __future__ import annotations

import csv
from pathlib import Path

from eventwire.options import Options
from eventwire.records import Article, Rejected

from .conftest import one_rejected, read


def test_csv_rows_and_malformed_rows_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "text", "published", "outlet"])
        writer.writerow(
            ["1", "Talks", "Peru and Bolivia met.\nThey agreed on trade.", "2021-05-04", "Andes Daily"]
        )
        writer.writerow(["2", "Too many", "text", "2021-05-04", "x", "extra"])
        writer.writerow(["3", "No text", "", "", ""])
        writer.writerow(["4", "Fine", "Chile and Argentina met.", "", ""])
    items = read(path)
    summary = [
        (item.source.rsplit(":", 1)[1], item.reason if isinstance(item, Rejected) else "ok") for item in items
    ]
    # the first row spans lines 2-3 (a newline inside the quoted text)
    assert summary == [("2", "ok"), ("4", "malformed"), ("5", "empty"), ("6", "ok")]
    first = items[0]
    assert isinstance(first, Article)
    assert first.text == "Peru and Bolivia met.\nThey agreed on trade."
    assert (first.title, first.published, first.outlet) == ("Talks", "2021-05-04", "Andes Daily")


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    rejected = one_rejected(path)
    assert rejected.reason == "malformed" and "'text'" in rejected.detail


def test_csv_bad_quoting_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('text,title\n"Chad and Niger met.",ok\n"broken "quote" here,x\n', encoding="utf-8")
    items = read(path)
    assert isinstance(items[0], Article)
    assert isinstance(items[1], Rejected) and items[1].reason == "malformed"
    assert items[1].source.endswith(":3")


def test_csv_long_cells_up_to_the_article_limit(tmp_path: Path) -> None:
    long_text = "The ministers met. " * 10_000  # 190,000 characters: over csv's default cell limit
    path = tmp_path / "long.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["text"], [long_text]])
    (item,) = read(path, options=Options(max_article_bytes=400_000))
    assert isinstance(item, Article) and len(item.text) == len(long_text)
