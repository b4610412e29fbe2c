"""Statements of the reference article, with the real Coder (actor layer included).

The accuracy floors (recall and precision as ``eventwire eval`` scores them) are gated in
``tests/eval/test_accuracy_gate.py``; here we check what the floors cannot see: that
particular speakers are resolved, each reached by a different route (a body named as
subject, a subject garbled into a phrase by machine translation, a pronoun, a title,
"according to"), and that the statement records are consistent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.ingest import Metadata, read_articles
from eventwire.records import Article

GOLD = "izvestia-2025-02-13-putin-trump-call.gold.json"


@pytest.fixture(scope="module")
def coded(coder: Any, seed_path: Path) -> dict[str, Any]:
    (article,) = read_articles([seed_path], metadata=Metadata(published="2025-02-13"))
    assert isinstance(article, Article)
    return dict(coder.code(article).to_dict())


@pytest.fixture(scope="module")
def gold(seed_path: Path) -> dict[str, Any]:
    return dict(json.loads((seed_path.parent.parent / "gold" / GOLD).read_text(encoding="utf-8")))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("content", "speaker"),
    [
        ("it intends to immediately start negotiations", "White House"),  # "The White House said"
        ("the presidents discussed the settlement in Ukraine", "Kremlin"),  # "in the Kremlin reported"
        ("Ukraine's return to the 2014 borders is unrealistic", "Pete Hegseth"),  # "He stated"
        ("the Old World should assume part of the U.S. obligations", "Pete Hegseth"),  # "He pointed out"
        ("Europe should spend more on its own defense", "Pete Hegseth"),  # "The head of the Pentagon"
        ("Ukraine will have to hold elections", "Donald Trump"),  # "The US President also said"
        ("US aid to Kiev will continue", "Donald Trump"),  # "According to Trump"
    ],
)
def test_speaker_resolved(coded: dict[str, Any], gold: dict[str, Any], content: str, speaker: str) -> None:
    names = {a["id"]: a["name"] for a in coded["actors"]}
    (entry,) = [a for a in gold["actors"] if a["name"] == speaker]
    accepted = {n.casefold() for n in [entry["name"], *entry.get("also", [])]}
    holding = [s for s in coded["statements"] if s["kind"] != "outlet" and content in s["content"]]
    assert holding, f"no attributed statement holds {content!r}"
    said_by = [names.get(s["speaker"]) for s in holding]
    assert any(str(n).casefold() in accepted for n in said_by), f"{content!r} attributed to {said_by}"


@pytest.mark.slow
def test_statement_records_are_consistent(coded: dict[str, Any]) -> None:
    text = coded["article"]["text"]
    actor_ids = {a["id"] for a in coded["actors"]}
    statements = coded["statements"]
    assert [s["id"] for s in statements] == [f"s{i}" for i in range(1, len(statements) + 1)]
    for st in statements:
        assert text[st["start"] : st["end"]] == st["content"]
        assert st["speaker"] is None or st["speaker"] in actor_ids
        assert st["kind"] in ("direct", "indirect", "outlet")
    assert any(s["kind"] == "outlet" for s in statements)
    # The translation note at the end is excluded by ingest: no statement comes from it.
    note_start = text.rindex("\n") + 1
    assert all(s["start"] < note_start for s in statements)
