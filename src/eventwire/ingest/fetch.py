"""Fetching URLs over HTTP(S) with httpx: a timeout, a size limit, a polite user agent.

:func:`fetch` never raises for network trouble: a timeout, an HTTP error status, a refused
connection or a body over the size limit become a :class:`Rejected` with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from ..options import Options
from ..records import Rejected
from .checks import too_large

__all__ = ["Fetched", "fetch", "format_of"]

#: Content types read as corpora or feeds (limited by max_file_bytes, not max_article_bytes).
_MANY_ARTICLES = ("feed", "jsonl", "csv")
_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "text",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json-lines": "jsonl",
    "text/csv": "csv",
}


@dataclass(frozen=True)
class Fetched:
    """A fetched response body with what the server said about it."""

    url: str  # the final URL, after redirects
    content_type: str  # media type, lower case, without parameters ("" if none)
    charset: str | None
    data: bytes


def format_of(content_type: str, data: bytes) -> str:
    """The input format of a fetched body: from its content type, else from its first bytes."""
    if content_type in _TYPES:
        return _TYPES[content_type]
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed")):
        return "html" if b"<html" in head else "feed"
    return "text"


def fetch(url: str, options: Options, input_format: str | None = None) -> Fetched | Rejected:
    """GET ``url``, streaming and stopping past the size limit; a Rejected on any failure."""
    headers = {
        "User-Agent": options.user_agent,
        "Accept": "text/html, text/plain, application/xml;q=0.9, */*;q=0.5",
    }
    try:
        with (
            httpx.Client(timeout=options.fetch_timeout, headers=headers, follow_redirects=True) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                return Rejected(
                    url,
                    "http-error",
                    f"the server answered HTTP {response.status_code} {response.reason_phrase}; "
                    "check the URL or try again later",
                )
            content_type = response.headers.get("content-type", "")
            media = content_type.split(";")[0].strip().lower()
            charset = response.charset_encoding
            kind = input_format or _TYPES.get(media)
            if kind in _MANY_ARTICLES:
                limit, setting = options.max_file_bytes, "max_file_bytes"
            else:
                limit, setting = options.max_article_bytes, "max_article_bytes"
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                return too_large(url, int(declared), limit, setting, "page")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    return too_large(url, size, limit, setting, "page (at least)")
                chunks.append(chunk)
            return Fetched(str(response.url), media, charset, b"".join(chunks))
    except httpx.TimeoutException:
        return Rejected(
            url,
            "timeout",
            f"no answer within {options.fetch_timeout} s (setting fetch_timeout); try again or raise it",
        )
    except httpx.InvalidURL as exc:
        return Rejected(url, "bad-url", f"the URL is not valid ({exc}); give an http(s) URL")
    except httpx.HTTPError as exc:
        return Rejected(url, "unreachable", f"the URL could not be fetched ({type(exc).__name__}: {exc})")
