"""Scoring cross-article linking against a gold file (``eventwire.linking-gold/1``).

A gold file lists mentions (article file name, a substring of the sentence,
type, participants, date) and names the real-world event each belongs to.
Stored events are matched to gold mentions by article file, sentence and type;
then every pair of matched mentions is checked: predicted together (same
linked event) versus gold together (same gold event). Pairwise precision and
recall are the usual clustering scores; coverage says how many gold mentions
the coder produced at all (extraction misses are not linking errors).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..store.db import Store

__all__ = ["LinkScore", "load_gold", "score_links"]


@dataclass(frozen=True)
class LinkScore:
    precision: float
    recall: float
    f1: float
    predicted_pairs: int
    gold_pairs: int
    correct_pairs: int
    matched_mentions: int
    gold_mentions: int

    def to_dict(self) -> dict[str, Any]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in self.__dict__.items()}


def load_gold(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"cannot read the linking gold file {p}: {exc}") from exc
    if data.get("schema") != "eventwire.linking-gold/1":
        raise DataError(f"{p} is not an eventwire.linking-gold/1 file (schema {data.get('schema')!r})")
    return data


def score_links(store: Store, gold: dict[str, Any]) -> LinkScore:
    """Pairwise precision/recall of the store's linked events against the gold events."""
    rows = store.query(
        """SELECT a.source, e.article_id, e.event_id, e.type, e.sentence, l.linked_id
           FROM events e JOIN articles a ON a.id = e.article_id
           LEFT JOIN event_links l USING (article_id, event_id)
           ORDER BY a.source, e.sentence_start, e.event_id"""
    )
    taken: set[str] = set()
    predicted: dict[str, str] = {}  # gold mention id -> linked id
    for row in rows:
        name = Path(row["source"] or "").name
        for m in gold["mentions"]:
            if m["id"] in taken or m["article"] != name or m["type"] != row["type"]:
                continue
            if m["sentence_contains"] in (row["sentence"] or ""):
                taken.add(m["id"])
                predicted[m["id"]] = row["linked_id"] or f"{row['article_id']}/{row['event_id']}"
                break
    truth = {m["id"]: m["event"] for m in gold["mentions"]}
    ids = sorted(predicted)
    pred_pairs = {(a, b) for a, b in combinations(ids, 2) if predicted[a] == predicted[b]}
    gold_pairs = {(a, b) for a, b in combinations(ids, 2) if truth[a] == truth[b]}
    correct = len(pred_pairs & gold_pairs)
    precision = correct / len(pred_pairs) if pred_pairs else 1.0
    recall = correct / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return LinkScore(precision, recall, f1, len(pred_pairs), len(gold_pairs), correct, len(ids), len(truth))
