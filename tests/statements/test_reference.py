"""Statement accuracy on the reference article, with the real Coder (actor layer included).

Scored as ``eventwire eval`` scores it: a predicted statement matches a gold one when the
speaker matches and the gold ``content_contains`` is inside the predicted content;
outlet claims are not counted against precision.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.eval.scoring import score_statements
from eventwire.ingest import Metadata, read_articles
from eventwire.records import Article

GOLD = "izvestia-2025-02-13-putin-trump-call.gold.json"
RECALL_FLOOR = 0.8
PRECISION_FLOOR = 0.7


@pytest.fixture(scope="module")
def coded(coder: Any, seed_path: Path) -> dict[str, Any]:
    (article,) = read_articles([seed_path], metadata=Metadata(published="2025-02-13"))
    assert isinstance(article, Article)
    return dict(coder.code(article).to_dict())


@pytest.fixture(scope="module")
def gold(seed_path: Path) -> dict[str, Any]:
    return dict(json.loads((seed_path.parent.parent / "gold" / GOLD).read_text(encoding="utf-8")))


@pytest.mark.slow
def test_statement_recall_and_precision(coded: dict[str, Any], gold: dict[str, Any]) -> None:
    score = score_statements(gold, coded).levels["name"]
    counts = score.counts
    recall = counts.gold_matched / counts.gold
    precision = counts.predicted_matched / counts.predicted
    assert recall >= RECALL_FLOOR, f"recall {recall:.2f}; missed: {score.missed}"
    assert precision >= PRECISION_FLOOR, f"precision {precision:.2f}; spurious: {score.spurious}"


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
