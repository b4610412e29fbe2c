"""Every kind of bad input becomes a Rejected with its reason; the good inputs around it still come."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.ingest.checks import decode
from eventwire.options import Options
from eventwire.records import Article, Rejected

from .conftest import one_rejected, read

GOOD = "The mayors of Turin and Lyon met on Friday.\n"


def test_empty_and_whitespace_only(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    assert one_rejected(tmp_path / "empty.txt").reason == "empty"
    assert one_rejected(tmp_path / "blank.txt").reason == "empty"


def test_header_only_text_is_empty(tmp_path: Path) -> None:
    (tmp_path / "h.txt").write_text("TITLE: Nothing here\n\n   \n", encoding="utf-8")
    assert one_rejected(tmp_path / "h.txt").reason == "empty"


def test_binary_with_nul_bytes(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    rejected = one_rejected(tmp_path / "image.txt")
    assert rejected.reason == "binary"
    assert "NUL" in rejected.detail


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    (tmp_path / "noise.txt").write_bytes(bytes([0x01, 0x02, 0x03, 0xFF, 0xFE, 0x80]) * 200)
    assert one_rejected(tmp_path / "noise.txt").reason == "binary"


def test_invalid_utf8_says_where_and_what_to_do(tmp_path: Path) -> None:
    data = "Le ministre a déclaré que la réunion aura lieu à Genève.".encode("cp1252")
    (tmp_path / "latin.txt").write_bytes(data)
    rejected = one_rejected(tmp_path / "latin.txt")
    assert rejected.reason == "encoding"
    offset = data.index(b"\xe9")
    assert f"byte offset {offset}" in rejected.detail
    assert "UTF-8" in rejected.detail and "convert" in rejected.detail


def test_utf8_bom_is_dropped() -> None:
    assert decode(b"\xef\xbb\xbfHello", "x") == "Hello"


def test_too_large_article_names_size_limit_and_setting(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(GOOD * 100, encoding="utf-8")
    options = Options(max_article_bytes=1000)
    rejected = one_rejected(tmp_path / "big.txt", options=options)
    assert rejected.reason == "too-large"
    assert (
        "4,400" in rejected.detail and "1,000" in rejected.detail and "max_article_bytes" in rejected.detail
    )


def test_too_large_file_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "corpus.jsonl").write_text('{"text": "x"}\n' * 100, encoding="utf-8")
    rejected = one_rejected(tmp_path / "corpus.jsonl", options=Options(max_file_bytes=500))
    assert rejected.reason == "too-large"
    assert "max_file_bytes" in rejected.detail


def test_extracted_html_over_the_article_limit(tmp_path: Path) -> None:
    page = (
        "<html><body><article>" + "<p>The mayors of Turin and Lyon met.</p>" * 60 + "</article></body></html>"
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    rejected = one_rejected(tmp_path / "p.html", options=Options(max_article_bytes=500))
    assert rejected.reason == "too-large"


def test_missing_file(tmp_path: Path) -> None:
    rejected = one_rejected(tmp_path / "nope.txt")
    assert rejected.reason == "not-found"
    assert rejected.source == str(tmp_path / "nope.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    try:
        assert one_rejected(path).reason == "unreadable"
    finally:
        path.chmod(0o644)


def test_unreadable_file_any_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    rejected = one_rejected(path)
    assert rejected.reason == "unreadable"
    assert "Permission denied" in rejected.detail


def test_bad_inputs_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01")
    (tmp_path / "d.txt").write_text("The prime ministers of Spain and Portugal met.", encoding="utf-8")
    items = read(
        tmp_path / "a.txt",
        tmp_path / "b.txt",
        tmp_path / "missing.txt",
        tmp_path / "c.txt",
        tmp_path / "d.txt",
    )
    kinds = [item.reason if isinstance(item, Rejected) else "article" for item in items]
    assert kinds == ["article", "empty", "not-found", "binary", "article"]
    assert all(isinstance(items[i], Article) for i in (0, 4))
