"""From text and what the input says to an :class:`Article`: the steps every reader shares.

Checks (empty, size), metadata precedence (the user's over the input's), date normalization,
title detection, translation notes and credit lines (excluded from coding), and the id.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..options import Options
from ..records import Article, Rejected
from .checks import check_article_size, is_empty, reject_empty
from .credits import CreditFinder
from .meta import Fields, Metadata, merge, normalize_date
from .title import detect_title
from .translation import NoteFinder, translation_for

__all__ = ["Context", "article_id", "make_article"]

DEFAULT_LANGUAGE = "en"


def article_id(text: str) -> str:
    """sha256 (hex) of the text with all whitespace runs collapsed to one space and ends trimmed."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Context:
    """What one ``read_articles`` call reads under: settings, the user's metadata, compiled finders."""

    options: Options = field(default_factory=Options)
    metadata: Metadata = field(default_factory=Metadata)
    notes: NoteFinder = field(default_factory=NoteFinder)
    credits: CreditFinder = field(default_factory=CreditFinder)
    fetch_links: bool = False


def make_article(
    text: str, source: str, found: Fields, ctx: Context, find_title: bool = True
) -> Article | Rejected:
    """An Article of ``text`` (already the body: offsets index it), or why it cannot be one."""
    if is_empty(text):
        return reject_empty(source, "article text")
    too_big = check_article_size(text, source, ctx.options.max_article_bytes)
    if too_big is not None:
        return too_big
    fields = merge(found, ctx.metadata)
    title = fields.title or (detect_title(text) if find_title else None)
    language = _language(fields.language, ctx)
    notes = ctx.notes.match(text)
    translation = translation_for(text, notes, language, fields.translated_from, fields.translator)
    ranges = [(n.start, n.end) for n in notes] + [(s, e) for s, e, _ in ctx.credits.match(text)]
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        outlet=fields.outlet,
        url=fields.url,
        published=normalize_date(fields.published),
        language=language,
        translation=translation,
        source=source,
        excluded=_merge_ranges(ranges),
    )


def _language(value: str | None, ctx: Context) -> str:
    """A language code: "EN" and "en-GB" -> "en", "Russian" -> "ru"; the default when not given."""
    if not value:
        return DEFAULT_LANGUAGE
    code = value.strip().lower().replace("_", "-").split("-")[0]
    if len(code) in (2, 3):
        return code
    return ctx.notes.language_code(value.strip()) or code


def _merge_ranges(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)
