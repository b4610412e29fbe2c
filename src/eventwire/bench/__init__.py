"""The benchmark: a synthetic news corpus, and bare spaCy vs the full pipeline vs ingest.

See :func:`run_bench` and ``docs/bench.md``.
"""

from __future__ import annotations

from .phases import PHASES
from .run import format_report, run_bench, summarize
from .synth import synthetic_articles, write_jsonl

__all__ = ["PHASES", "format_report", "run_bench", "summarize", "synthetic_articles", "write_jsonl"]
