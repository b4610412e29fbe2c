"""The ingest stage's data files are well formed, and its public names do not drift."""

from __future__ import annotations

import re

import eventwire.ingest as ingest
from eventwire.ingest._data import read_tsv, spaces_to_whitespace


def test_public_names() -> None:
    assert set(ingest.__all__) == {
        "EXTENSIONS",
        "INPUT_FORMATS",
        "Metadata",
        "article_id",
        "normalize_date",
        "read_articles",
        "story_article",
    }
    for name in ingest.__all__:
        assert hasattr(ingest, name)


def test_spaces_become_whitespace_outside_classes() -> None:
    assert spaces_to_whitespace("a b ?c[ d]") == r"a\s+b\s*c[ d]"
    assert re.fullmatch(spaces_to_whitespace("by ?: ?x"), "by:\n x")


def test_translation_data_is_consistent() -> None:
    services = read_tsv("translation_services.tsv")
    languages = read_tsv("languages.tsv")
    notes = read_tsv("translation_notes.tsv")
    codes = [row["code"] for row in languages]
    assert len(codes) == len(set(codes)) and all(re.fullmatch(r"[a-z]{2}", c) for c in codes)
    names = [row["service"] for row in services]
    assert len(names) == len(set(names))
    for row in services + languages:
        re.compile(spaces_to_whitespace(row["names"]))
    for row in notes:
        assert re.fullmatch(r"[a-z]{2}", row["note_language"])
        assert (
            "{service}" in row["pattern"] or "{language}" in row["pattern"] or "translated" in row["pattern"]
        )


def test_credit_data_modes() -> None:
    rows = read_tsv("credit_lines.tsv")
    assert {row["mode"] for row in rows} <= {"line", "prefix"}
    assert {row["kind"] for row in rows} <= {"byline", "credit", "dateline"}
