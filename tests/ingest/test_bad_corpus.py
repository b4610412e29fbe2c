"""The bad-input corpus of issue 4: every bad item rejected with its reason, every good item read."""

from __future__ import annotations

from pathlib import Path

from eventwire.options import Options
from eventwire.records import Article, Rejected

from .conftest import LocalServer, read
from .test_feed import RSS

GOOD = "TITLE: Ports reopen\n\nThe transport ministers of Greece and Cyprus reopened two ferry ports.\n"


def test_bad_input_corpus(tmp_path: Path, server: LocalServer) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "01-good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "02-empty.txt").write_bytes(b"")
    (corpus / "03-binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50)
    with (corpus / "04-huge.txt").open("wb") as handle:  # 50 MB, sparse: never read
        handle.truncate(50 * 1024 * 1024)
    (corpus / "05-latin1.txt").write_bytes("Les ministres se sont réunis à Nicosie.".encode("latin-1"))
    (corpus / "06-corpus.jsonl").write_text(
        '{"text": "Greece and Cyprus signed a ferry accord."}\n{"text": \n', encoding="utf-8"
    )
    (corpus / "07-corpus.csv").write_text(
        'text,title\n"Malta and Italy met.",Talks\nonly,two,too,many\n', encoding="utf-8"
    )
    (corpus / "08-script.html").write_text(
        "<html><body><script>render()</script></body></html>", encoding="utf-8"
    )
    (corpus / "09-feed.rss").write_text(
        RSS.format(link1="https://a.example/1", link2="https://a.example/2", link3="https://a.example/3"),
        encoding="utf-8",
    )
    slow = server.add("/slow", "The ministers met.", content_type="text/plain", delay=1.0)
    items = read(corpus, slow, options=Options(fetch_timeout=0.1))
    got = [
        (Path(item.source).name, item.reason if isinstance(item, Rejected) else "ok")
        if not item.source.startswith("http")
        else ("url", item.reason if isinstance(item, Rejected) else "ok")
        for item in items
        if item.source is not None
    ]
    assert got == [
        ("01-good.txt", "ok"),
        ("02-empty.txt", "empty"),
        ("03-binary.txt", "binary"),
        ("04-huge.txt", "too-large"),
        ("05-latin1.txt", "encoding"),
        ("06-corpus.jsonl:1", "ok"),
        ("06-corpus.jsonl:2", "malformed"),
        ("07-corpus.csv:2", "ok"),
        ("07-corpus.csv:3", "malformed"),
        ("08-script.html", "no-text"),
        ("09-feed.rss#1", "ok"),
        ("09-feed.rss#2", "empty"),
        ("09-feed.rss#3", "ok"),
        ("url", "timeout"),
    ]
    assert sum(isinstance(item, Article) for item in items) == 5
    assert all(item.detail for item in items if isinstance(item, Rejected))
