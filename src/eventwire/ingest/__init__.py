"""The ingest stage: files, directories, stdin, HTML and JSONL corpora in; Articles or Rejected out.

STUB: replaced by the ingest work (issue 2). Reads plain text only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..options import Options
from ..records import Article, Rejected

__all__ = ["Metadata", "read_articles", "article_id"]


@dataclass(frozen=True)
class Metadata:
    """Metadata given by the user (CLI flags); it overrides what the input says."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    title: str | None = None


def article_id(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def read_articles(
    sources: Iterable[str | Path],
    input_format: str | None = None,
    metadata: Metadata | None = None,
    options: Options | None = None,
) -> Iterator[Article | Rejected]:
    """Read every source; yield an Article or a Rejected for each input item, in order."""
    meta = metadata or Metadata()
    for source in sources:
        text = Path(source).read_text(encoding="utf-8")
        yield Article(
            id=article_id(text),
            text=text,
            published=meta.published,
            outlet=meta.outlet,
            url=meta.url,
            language=meta.language or "en",
            source=str(source),
        )
INPUT_FORMATS = ("text", "html", "jsonl")
