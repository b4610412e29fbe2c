"""Plain text: optional ``KEY: value`` header lines, a blank line, then the body.

Header keys (case-insensitive): TITLE, OUTLET, DATE (or PUBLISHED), URL, LANGUAGE, and
TRANSLATED_FROM, TRANSLATOR. The article text is the body: offsets index the text after the
header. Without a header, a first short line with no final full stop followed by a blank line is
the title; it stays in the text.
"""

from __future__ import annotations

import re

from ..records import Article, Rejected
from .build import Context, make_article
from .meta import Fields
from .title import detect_title

__all__ = ["HEADER_KEYS", "detect_title", "format_header", "parse_header", "read_text"]

#: Header key (lower case, ``-``/space as ``_``) -> Fields attribute.
HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "source": "outlet",
    "date": "published",
    "published": "published",
    "url": "url",
    "link": "url",
    "language": "language",
    "lang": "language",
    "translated_from": "translated_from",
    "translator": "translator",
}
_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z_ -]{0,30}?)[ \t]*:[ \t]*(.*?)[ \t]*")


def parse_header(text: str) -> tuple[Fields, int]:
    """The header's fields and the offset where the body starts (0 and empty Fields: no header).

    A header is one or more ``KEY: value`` lines with known keys at the very start, ended by a
    blank line or the end of the text. Anything else at the start means there is no header.
    """
    values: dict[str, str] = {}
    position = 0
    while True:
        newline = text.find("\n", position)
        end = len(text) if newline < 0 else newline
        line = text[position:end].rstrip("\r")
        after = len(text) if newline < 0 else newline + 1
        if not line.strip():
            if not values:
                return Fields(), 0
            return Fields(**values), after
        found = _HEADER_LINE.fullmatch(line)
        if found is None:
            return Fields(), 0
        key = re.sub(r"[ -]+", "_", found.group(1).strip().lower())
        if key not in HEADER_KEYS:
            return Fields(), 0
        values[HEADER_KEYS[key]] = found.group(2)
        if newline < 0:
            return Fields(**values), after
        position = after


def format_header(fields: Fields) -> str:
    """Header lines (and the blank line) that :func:`parse_header` reads back as ``fields``."""
    names = {"title": "TITLE", "outlet": "OUTLET", "published": "DATE", "url": "URL", "language": "LANGUAGE"}
    names |= {"translated_from": "TRANSLATED_FROM", "translator": "TRANSLATOR"}
    lines = [f"{key}: {getattr(fields, attr)}" for attr, key in names.items() if getattr(fields, attr)]
    return "\n".join(lines) + "\n\n" if lines else ""


def read_text(text: str, source: str, ctx: Context) -> Article | Rejected:
    """An Article from plain text (with or without a header)."""
    fields, offset = parse_header(text)
    return make_article(text[offset:], source, fields, ctx)
