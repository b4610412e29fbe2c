"""Issue 4's bad-input corpus through `ingest`: each bad item rejected with a reason, each good one stored."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.corpus import ingest
from eventwire.options import Options
from eventwire.store import Store

GOOD = "TITLE: Ports reopen\n\nThe transport ministers of Greece and Cyprus reopened two ferry ports.\n"
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Island Wire</title><link>https://wire.example/</link>
<item><title>Malta and Tunisia agree on patrols</title><link>https://wire.example/1</link>
<pubDate>Tue, 07 Mar 2023 09:00:00 GMT</pubDate>
<description>The interior ministers of Malta and Tunisia agreed on joint sea patrols.</description></item>
<item><title>Broken entry</title><link>https://wire.example/2</link></item>
</channel></rss>
"""


class _Slow(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(1.0)
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"The ministers met.")
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def slow_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/slow"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_bad_input_corpus_is_rejected_item_by_item(tmp_path: Path, slow_url: str, coder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "01-good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "02-empty.txt").write_bytes(b"")
    (corpus / "03-binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50)
    with (corpus / "04-huge.txt").open("wb") as handle:  # 50 MB, sparse
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
    (corpus / "09-feed.rss").write_text(FEED, encoding="utf-8")
    options = Options(fetch_timeout=0.2)
    with Store.open(tmp_path / "s.duckdb") as store:
        result = ingest(store, [corpus, slow_url], options=options, coder=coder, batch_size=2)
        stored = sorted(Path(r[0]).name for r in store.execute("SELECT source FROM articles"))
        rejected = {
            (Path(src).name if not src.startswith("http") else "url", reason)
            for src, reason, detail in store.execute("SELECT source, reason, detail FROM rejected")
            if detail
        }
    assert stored == ["01-good.txt", "06-corpus.jsonl:1", "07-corpus.csv:2", "09-feed.rss#1"]
    assert rejected == {
        ("02-empty.txt", "empty"),
        ("03-binary.txt", "binary"),
        ("04-huge.txt", "too-large"),
        ("05-latin1.txt", "encoding"),
        ("06-corpus.jsonl:2", "malformed"),
        ("07-corpus.csv:3", "malformed"),
        ("08-script.html", "no-text"),
        ("09-feed.rss#2", "empty"),
        ("url", "timeout"),
    }
    assert result.rejected == 9 and result.stored == 4
    assert result.rejected_by_reason["malformed"] == 2
