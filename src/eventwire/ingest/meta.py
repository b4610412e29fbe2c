"""Article metadata: what the user says (:class:`Metadata`), what the input says (:class:`Fields`).

The user's metadata (CLI flags) overrides what the input says; :func:`merge` applies
that precedence. Dates are normalized to ISO ``YYYY-MM-DD`` by :func:`normalize_date`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime
from email.utils import parsedate_to_datetime

__all__ = ["Fields", "Metadata", "merge", "normalize_date"]


@dataclass(frozen=True)
class Metadata:
    """Metadata given by the user (CLI flags); it overrides what the input says."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    title: str | None = None
    #: ISO 639-1 code of the language the article was translated from.
    translated_from: str | None = None
    #: The translation service or translator, e.g. "DeepL".
    translator: str | None = None


@dataclass(frozen=True)
class Fields:
    """Metadata the input itself gives (a text header, a JSONL object, an HTML page, a feed entry)."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    translated_from: str | None = None
    translator: str | None = None


def merge(found: Fields, metadata: Metadata) -> Fields:
    """The input's fields with every field the user set replaced by the user's value."""
    values = {}
    for f in fields(Fields):
        given = getattr(metadata, f.name)
        values[f.name] = given if given not in (None, "") else _clean(getattr(found, f.name))
    return Fields(**values)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A %d %B %Y",
    "%A %B %d %Y",
    "%Y%m%d",
)


def normalize_date(value: str | None) -> str | None:
    """``value`` as ``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when it names only a month or a year;
    None when it is empty or not a date we can read.

    Accepts ISO dates and timestamps, RFC 2822 (feeds, HTTP), ``13.02.2025``,
    ``13/02/2025`` (day first), ``2025/02/13``, ``13 February 2025``, ``February 13, 2025``,
    and, keeping their precision, ``2025-02``, ``February 2025``, ``Feb 2025``, ``2025``.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    coarse = _month_or_year(text)
    if coarse is not None:
        return coarse
    iso = re.match(
        r"^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$", text
    )
    if iso:
        return _valid(iso.group(1), "%Y-%m-%d")
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    simple = re.sub(r"[,\s]+", " ", text).strip()
    simple = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", simple)
    for fmt in _FORMATS:
        found = _valid(simple, fmt)
        if found:
            return found
    return None


def _month_or_year(text: str) -> str | None:
    """``YYYY-MM`` or ``YYYY`` for a date that names only a month or a year, else None."""
    m = re.match(r"^((?:1[89]|20)\d{2})(?:[-/.](\d{1,2}))?$", text)
    if m:
        year, month = int(m.group(1)), m.group(2)
        if month is None:
            return f"{year:04d}"
        return f"{year:04d}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    for fmt in ("%B %Y", "%b %Y"):
        try:
            parsed = datetime.strptime(re.sub(r"[,\s]+", " ", text).strip(), fmt)
        except ValueError:
            continue
        return f"{parsed.year:04d}-{parsed.month:02d}"
    return None


def _valid(text: str, fmt: str) -> str | None:
    try:
        parsed = datetime.strptime(text, fmt)
    except ValueError:
        return None
    day = date(parsed.year, parsed.month, parsed.day)
    return day.isoformat()
