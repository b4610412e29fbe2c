"""The gold set in tests/data/events meets its own specification (no model needed)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from eventwire.eval import check_gold, find_gold_files, load_gold, normalize_text
from eventwire.eval.gold import plover_types

EVENTS_DIR = Path(__file__).resolve().parents[1] / "data" / "events"
GOLD_FILES = find_gold_files([EVENTS_DIR])
# A sentence ends at . ! or ? followed by a space and a capital, except after initials/abbreviations.
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bJr)(?<!\bU\.S)[.!?]\s+(?=[A-Z])")


def body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    header, _, rest = text.partition("\n\n")
    assert re.match(r"DATE: \d{4}-\d{2}-\d{2}\nOUTLET: .+", header), f"{path}: needs DATE and OUTLET headers"
    return rest


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_is_valid_and_anchored(gold_path: Path) -> None:
    gold = load_gold(gold_path)
    assert check_gold(gold.data) == []
    text = normalize_text(body(gold.article_path))
    assert gold.published and gold.published in gold.article_path.read_text(encoding="utf-8")
    for item in gold.data["events"]:
        assert text.count(normalize_text(item["sentence_contains"])) == 1, item
    for item in gold.data["statements"]:
        assert text.count(normalize_text(item["content_contains"])) == 1, item
    ids = [e["id"] for e in gold.data["events"]] + [s["id"] for s in gold.data["statements"]]
    assert len(ids) == len(set(ids))


def test_gold_set_size_and_coverage() -> None:
    sentences = 0
    per_type: Counter[str] = Counter()
    for path in GOLD_FILES:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = body(path.parent / gold["article"]["path"])
        sentences += sum(len(SENTENCE_END.split(p.strip())) for p in text.split("\n\n") if p.strip())
        per_type.update(e["type"] for e in gold["events"] if not e.get("optional"))
    assert sentences >= 150
    thin = {t: per_type[t] for t in plover_types() if per_type[t] < 8}
    assert not thin, f"PLOVER types with fewer than 8 required gold events: {thin}"


def test_gold_set_has_the_hard_cases() -> None:
    events = [e for p in GOLD_FILES for e in json.loads(p.read_text(encoding="utf-8"))["events"]]
    assert sum(1 for e in events if e.get("negated")) >= 5
    assert sum(1 for e in events if e.get("symmetric")) >= 5
    assert sum(1 for e in events if e.get("also_types")) >= 30
    assert sum(1 for e in events if e.get("date")) >= 30
    assert sum(1 for e in events if len(e["actor"]) >= 3) >= 5  # compound actors
