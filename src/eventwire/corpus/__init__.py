"""Corpus ingest: read many sources, code them in batches (optionally in N processes), store them.

See :func:`ingest` and ``docs/store.md``.
"""

from __future__ import annotations

from .estimate import estimate_items
from .runner import INGEST_MEMORY_LIMIT, IngestResult, Progress, ingest
from .workers import BatchResult, code_batch

__all__ = [
    "INGEST_MEMORY_LIMIT",
    "BatchResult",
    "IngestResult",
    "Progress",
    "code_batch",
    "estimate_items",
    "ingest",
]
