"""The VOA gold: every file sits in the split its story id hashes to, and resolves against the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.eval.gold import Stories, find_gold_files, load_gold
from eventwire.eval.split import split_of

VOA = Path(__file__).resolve().parents[1] / "data" / "voa"
FILES = sorted(VOA.rglob("*.gold.json"))


def test_the_split_is_the_hash_rule_and_large_enough() -> None:
    by_split: dict[str, list[str]] = {"dev": [], "test": []}
    for path in FILES:
        story = json.loads(path.read_text("utf-8"))["article"]["id"]
        assert path.parent.name == split_of(story), f"{path.name} is in {path.parent.name}/"
        by_split[path.parent.name].append(story)
    assert len(by_split["test"]) >= 25 and len(by_split["dev"]) >= 45
    assert not set(by_split["test"]) & set(by_split["dev"])


def test_no_story_text_is_in_the_gold_files() -> None:
    for path in FILES:
        data = json.loads(path.read_text("utf-8"))
        for item in [*data["events"], *data["statements"]]:
            assert not {"sentence_contains", "trigger", "content_contains"} & set(item), path.name


def test_every_file_resolves_against_the_corpus_and_was_read_twice() -> None:
    stories = Stories()
    for path in find_gold_files([VOA]):
        gold = load_gold(path, stories=stories)
        article = gold.data["article"]
        assert article.get("annotator") and article.get("reviewer"), path.name
        assert article["annotator"] != article["reviewer"], path.name
        for ev in gold.data["events"]:
            assert ev["sentence_contains"].strip(), f"{path.name} {ev['id']}"


@pytest.mark.parametrize("split", ["dev", "test"])
def test_each_split_has_events_and_statements(split: str) -> None:
    files = (VOA / split).glob("*.gold.json")
    events = [e for p in files for e in json.loads(p.read_text("utf-8"))["events"]]
    assert len([e for e in events if not e.get("optional")]) > 300
