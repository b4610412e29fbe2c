from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.ingest import INPUT_FORMATS, read_articles
from eventwire.records import Article, Rejected

from .conftest import one_article, one_rejected, read

TEXT = "Kenya and Tanzania agree on border posts\n\nThe presidents of Kenya and Tanzania met in Arusha.\n"


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_input_formats() -> None:
    assert set(INPUT_FORMATS) == {"text", "html", "jsonl", "csv", "feed"}


def test_unknown_input_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="pdf"):
        list(read_articles(["x.txt"], input_format="pdf"))


def test_stdin_defaults_to_text(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, ("TITLE: From stdin\n\n" + TEXT).encode("utf-8"))
    article = one_article("-")
    assert article.source == "<stdin>"
    assert article.title == "From stdin"
    assert article.text == TEXT


def test_stdin_as_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b'{"text": "The leaders of Chad and Niger met."}\n{"text": 5}\n')
    items = read("-", input_format="jsonl")
    assert isinstance(items[0], Article)
    assert isinstance(items[1], Rejected) and items[1].source == "<stdin>:2"


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b"")
    assert one_rejected("-").reason == "empty"


def test_directory_recursive_sorted_known_extensions_no_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.md").write_text(TEXT.replace("Arusha", "Nairobi"), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "Chad and Niger met."}\n', encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(TEXT, encoding="utf-8")
    items = read(tmp_path)
    assert [item.source for item in items] == [
        str(tmp_path / "a.md"),
        str(tmp_path / "b" / "two.txt"),
        f"{tmp_path / 'c.jsonl'}:1",
    ]


def test_directory_without_known_files_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "x.docx").write_bytes(b"PK")
    rejected = one_rejected(tmp_path)
    assert rejected.reason == "empty"
    assert ".jsonl" in rejected.detail


def test_input_format_overrides_extension(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "<html><body><article><p>The presidents of Kenya and Tanzania met.</p></article>"
        "<script>var x = 1;</script></body></html>",
        encoding="utf-8",
    )
    assert "<p>" in one_article(path).text
    html = one_article(path, input_format="html")
    assert "<p>" not in html.text and "Kenya" in html.text and "var x" not in html.text


def test_unknown_extension_reads_as_text(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text(TEXT, encoding="utf-8")
    assert one_article(path).text == TEXT
