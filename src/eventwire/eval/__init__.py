"""Evaluation: score coded articles against gold annotations (``eventwire.gold/1``).

Pure scoring on plain data (parsed gold JSON and ``CodedArticle.to_dict()``)::

    from eventwire.eval import score_events, score_statements, score_actors
    score_events(gold, coded).levels["country"].counts.f1

and the runner behind ``eventwire eval``::

    from eventwire.eval import evaluate
    report = evaluate(["tests/data/events"], coder=Coder())
    report.totals.events["name"].f1

The matching rules (DESIGN.md, "Gold files and scoring") are documented in
:mod:`eventwire.eval.scoring`.
"""

from __future__ import annotations

from .gold import GOLD_SCHEMA, GoldFile, check_gold, find_gold_files, load_gold, plover_types
from .report import render_report
from .run import EvalReport, FileScore, Totals, evaluate, read_coded, score_file
from .scoring import (
    LEVELS,
    ActorScore,
    Counts,
    EventScore,
    LevelScore,
    StatementScore,
    event_matches,
    normalize_text,
    score_actors,
    score_events,
    score_statements,
)

__all__ = [
    "GOLD_SCHEMA",
    "LEVELS",
    "ActorScore",
    "Counts",
    "EvalReport",
    "EventScore",
    "FileScore",
    "GoldFile",
    "LevelScore",
    "StatementScore",
    "Totals",
    "check_gold",
    "evaluate",
    "event_matches",
    "find_gold_files",
    "load_gold",
    "normalize_text",
    "plover_types",
    "read_coded",
    "render_report",
    "score_actors",
    "score_events",
    "score_file",
    "score_statements",
]
