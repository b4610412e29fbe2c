"""Readable and anchored gold files, and gold files that name a story of a JSONL corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import DataError
from eventwire.eval.anchor import anchor, resolve
from eventwire.eval.gold import Stories, load_gold
from eventwire.eval.split import split_of

TEXT = (
    "The foreign minister of Chile met her Peruvian counterpart in Lima on Monday. "
    '"We agreed to reopen the border crossing," she told reporters.'
)

READABLE = {
    "schema": "eventwire.gold/1",
    "article": {"corpus": "corpus.jsonl", "id": "s1", "published": "2024-05-06"},
    "actors": [
        {"name": "Chile", "country": "CHL", "type": "country", "in_text": ["Chile"]},
        {"name": "Peru", "country": "PER", "type": "country"},
    ],
    "events": [
        {"id": "g1", "type": "CONSULT", "actor": ["Chile", "Peru"], "symmetric": True,
         "sentence_contains": "met her Peruvian counterpart", "trigger": "met"},
        {"id": "g2", "type": "AGREE", "actor": ["Chile"], "recipient": ["Peru"],
         "sentence_contains": "We agreed to reopen", "trigger": "agreed"},
    ],
    "statements": [{"id": "s1", "speaker": "Chile", "content_contains": "reopen the border crossing"}],
}


def test_anchor_replaces_snippets_by_offsets_and_resolve_restores_them() -> None:
    anchored, problems = anchor(READABLE, TEXT)
    assert problems == []
    dumped = json.dumps(anchored)
    for snippet in ("met her Peruvian", "We agreed", "border crossing"):
        assert snippet not in dumped
    assert "in_text" not in dumped
    g1 = anchored["events"][0]
    assert TEXT[slice(*g1["trigger_at"])] == "met"
    assert TEXT[slice(*g1["sentence_at"])] == "met her Peruvian counterpart"
    back = resolve(anchored, TEXT)
    assert back["events"][0]["trigger_at"] == g1["trigger_at"]
    assert back["events"][1]["sentence_contains"] == "We agreed to reopen"
    assert back["statements"][0]["content_contains"] == "reopen the border crossing"


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ({"sentence_contains": "er", "trigger": "er"}, "occurs more than once"),
        ({"sentence_contains": "met in Santiago", "trigger": "met"}, "is not in the article"),
        ({"sentence_contains": "met her Peruvian", "trigger": "agreed"}, "not inside"),
    ],
)
def test_anchor_reports_snippets_it_cannot_place(event: dict[str, str], message: str) -> None:
    data = {"events": [{"id": "g9", "type": "CONSULT", **event}]}
    _, problems = anchor(data, TEXT)
    assert len(problems) == 1 and message in problems[0] and "g9" in problems[0]


def test_resolve_refuses_offsets_outside_the_text() -> None:
    with pytest.raises(ValueError, match="outside the article"):
        resolve({"events": [{"id": "g1", "sentence_at": [10, 10_000]}]}, TEXT)


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "s1", "text": TEXT, "published": "2024-05-06"}) + "\n", "utf-8")
    return path


def test_a_gold_file_naming_a_corpus_story_loads_in_readable_form(tmp_path: Path) -> None:
    _corpus(tmp_path)
    anchored, _ = anchor(READABLE, TEXT)
    gold_path = tmp_path / "s1.gold.json"
    gold_path.write_text(json.dumps(anchored), "utf-8")
    gold = load_gold(gold_path, stories=Stories())
    assert gold.story_id == "s1"
    assert gold.data["events"][0]["sentence_contains"] == "met her Peruvian counterpart"
    assert gold.article_path == (tmp_path / "corpus.jsonl").resolve()


def test_a_missing_story_is_a_data_error_saying_what_to_do(tmp_path: Path) -> None:
    _corpus(tmp_path)
    data = dict(READABLE, article={"corpus": "corpus.jsonl", "id": "nope"})
    gold_path = tmp_path / "x.gold.json"
    gold_path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(DataError, match=r"is not in the corpus.*--corpus"):
        load_gold(gold_path)


def test_the_split_depends_on_the_id_alone_and_keeps_about_a_third_for_test() -> None:
    ids = [str(7_000_000 + k) for k in range(3000)]
    splits = [split_of(i) for i in ids]
    assert splits == [split_of(i) for i in ids]
    share = splits.count("test") / len(splits)
    assert 0.30 < share < 0.38
    assert split_of("8011115", salt="another-split/1") in ("dev", "test")
