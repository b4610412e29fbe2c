"""RSS and Atom feeds (feedparser, from bytes we read: feedparser never fetches).

Each entry becomes an Article from its content or summary (HTML stripped), with its title,
link (as url) and date; a broken entry is rejected on its own (source ``FEED#N``, N from 1).
With ``fetch_links`` each entry's link is fetched and read as a page instead, the entry's
title and date filling what the page does not say.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import feedparser

from ..records import Article, Rejected
from .build import Context, make_article
from .html import html_to_text
from .meta import Fields

__all__ = ["read_feed"]

#: Fetches one URL and reads it: (url, ctx, entry fields) -> Article or Rejected.
LinkReader = Callable[[str, Context, Fields], Article | Rejected]


def read_feed(
    data: bytes, source: str, ctx: Context, link_reader: LinkReader | None = None
) -> Iterator[Article | Rejected]:
    """An Article or Rejected per entry of an RSS/Atom feed given as bytes."""
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:
        yield Rejected(source, "malformed", f"the feed cannot be parsed ({type(exc).__name__}: {exc})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            yield Rejected(source, "malformed", f"not a readable RSS/Atom feed ({problem}); check the file")
        else:
            yield Rejected(source, "empty", "the feed has no entries")
        return
    outlet = (parsed.get("feed") or {}).get("title")
    language = (parsed.get("feed") or {}).get("language")
    for number, entry in enumerate(entries, start=1):
        where = f"{source}#{number}"
        try:
            yield _entry(entry, where, ctx, outlet, language, link_reader)
        except Exception as exc:
            yield Rejected(where, "malformed", f"the feed entry cannot be read ({type(exc).__name__}: {exc})")


def _entry(
    entry: Any,
    where: str,
    ctx: Context,
    outlet: str | None,
    language: str | None,
    link_reader: LinkReader | None,
) -> Article | Rejected:
    link = entry.get("link")
    found = Fields(
        title=_plain(entry.get("title")),
        outlet=outlet,
        url=link,
        published=entry.get("published") or entry.get("updated"),
        language=(language or "")[:2] or None,
    )
    if link_reader is not None and ctx.fetch_links:
        if not link:
            return Rejected(where, "malformed", "the feed entry has no link to fetch")
        item = link_reader(link, ctx, found)
        if isinstance(item, Rejected):
            return Rejected(where, item.reason, f"fetching the entry's link {link}: {item.detail}")
        return dataclasses.replace(item, source=where)
    body = _body(entry)
    if not body.strip():
        return Rejected(
            where, "empty", f"the feed entry {found.title or link or ''!r} has no content or summary text"
        )
    return make_article(body, where, found, ctx, find_title=False)


def _body(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        text = value if content.get("type") == "text/plain" else html_to_text(value)
        if text.strip():
            return text
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return summary if detail.get("type") == "text/plain" else html_to_text(summary)


def _plain(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(value.split()) or None
