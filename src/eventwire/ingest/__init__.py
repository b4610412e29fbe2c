"""The ingest stage: files, directories, stdin, URLs; text, HTML, JSONL, CSV and feeds in;
Articles or Rejected values out.

    read_articles(["a.txt", "corpus.jsonl", "feed.xml", "https://...", "-"],
                  metadata=Metadata(published="2025-02-13"))

Every input item yields an :class:`~eventwire.records.Article` or a
:class:`~eventwire.records.Rejected` (with a reason: empty, binary, encoding, too-large,
malformed, not-found, unreadable, no-text, timeout, http-error, unreachable, bad-url), in input
order: bad inputs never raise and are never dropped. One module per reader: ``text``,
``html``, ``jsonl``, ``csvfile``, ``feed``, ``fetch``; ``sources`` dispatches;
``checks`` holds the byte-level checks; ``translation`` and ``credits`` find the stretches
(machine-translation notes, bylines, photo credits, datelines) that are not coded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..options import Options
from ..records import Article, Rejected
from .build import Context, article_id
from .credits import CreditFinder
from .jsonl import record_to_article
from .meta import Metadata, normalize_date
from .sources import EXTENSIONS, INPUT_FORMATS, read_source
from .translation import NoteFinder

__all__ = [
    "EXTENSIONS",
    "INPUT_FORMATS",
    "Metadata",
    "article_id",
    "normalize_date",
    "read_articles",
    "story_article",
]


def read_articles(
    sources: Iterable[str | Path],
    input_format: str | None = None,
    metadata: Metadata | None = None,
    options: Options | None = None,
    fetch_links: bool = False,
) -> Iterator[Article | Rejected]:
    """Read every source; yield an Article or a Rejected for each input item, in order.

    ``sources``: file paths, directories (read recursively, files with a known extension,
    hidden files skipped), ``-`` for stdin, http(s) URLs. ``input_format``: one of
    :data:`INPUT_FORMATS`, else by extension (or content type for URLs; text for stdin).
    ``metadata``: the user's values, which override what the inputs say. ``fetch_links``:
    for feeds, fetch each entry's link and read the page instead of the entry's summary.
    """
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise ConfigError(f"unknown input format {input_format!r}; use one of {', '.join(INPUT_FORMATS)}")
    ctx = Context(
        options=options or Options(),
        metadata=metadata or Metadata(),
        notes=NoteFinder(),
        credits=CreditFinder(),
        fetch_links=fetch_links,
    )
    for source in sources:
        yield from read_source(source, input_format, ctx)


def story_article(
    record: Mapping[str, Any], source: str, metadata: Metadata | None = None, options: Options | None = None
) -> Article | Rejected:
    """An Article from one corpus record (``text`` and optional metadata), as a JSONL line is read."""
    ctx = Context(options=options or Options(), metadata=metadata or Metadata())
    return record_to_article(record, source, ctx)
