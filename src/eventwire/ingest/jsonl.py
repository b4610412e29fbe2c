"""JSONL corpora: one JSON object per line with ``text`` and optional metadata.

Fields: ``id``, ``text`` (required, a non-empty string), ``title``, ``published``, ``outlet``,
``url``, ``language``, ``translated_from``, ``translator``. A malformed line becomes a Rejected
whose source is ``path:LINENO``; the other lines go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..records import Article, Rejected
from .build import Context, make_article
from .checks import decode
from .meta import Fields

__all__ = ["CORPUS_FIELDS", "read_jsonl", "record_to_article"]

#: Optional corpus fields (JSONL keys, CSV columns) -> Fields attribute.
CORPUS_FIELDS = {
    "title": "title",
    "published": "published",
    "date": "published",
    "outlet": "outlet",
    "url": "url",
    "language": "language",
    "translated_from": "translated_from",
    "translator": "translator",
}


def read_jsonl(lines: Iterable[bytes], source: str, ctx: Context) -> Iterator[Article | Rejected]:
    """An Article or Rejected per non-blank line; ``lines`` are raw bytes (a binary file works)."""
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        line = decode(raw, where, "line")
        if isinstance(line, Rejected):
            yield line
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(
                where, "malformed", f"the line is not valid JSON ({exc.msg} at column {exc.colno})"
            )
            continue
        yield record_to_article(value, where, ctx)


def record_to_article(value: Any, where: str, ctx: Context) -> Article | Rejected:
    """An Article from one corpus record (a JSON object or a CSV row), or why not."""
    if not isinstance(value, Mapping):
        return Rejected(where, "malformed", f"expected a JSON object, got {type(value).__name__}")
    text = value.get("text")
    if text is None:
        keys = ", ".join(sorted(map(str, value))) or "none"
        return Rejected(where, "malformed", f"the record has no 'text' field (fields: {keys}); add the text")
    if not isinstance(text, str):
        return Rejected(where, "malformed", f"'text' must be a string, got {type(text).__name__}")
    values: dict[str, str | None] = {}
    for key, attr in CORPUS_FIELDS.items():
        item = value.get(key)
        if item is None or values.get(attr):
            continue
        if not isinstance(item, str):
            return Rejected(where, "malformed", f"'{key}' must be a string or null, got {item!r}")
        values[attr] = item
    return make_article(text, where, Fields(**values), ctx)
