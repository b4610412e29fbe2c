"""Where inputs come from: files, directories (recursive, by extension), ``-`` for stdin, URLs.

Each source is read in the format its extension (or content type) says unless a format is
given; the readers of each format do the rest. Every input yields Articles or Rejected
values: never an exception, never silence.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from ..records import Article, Rejected
from .build import Context
from .checks import decode, is_empty, reject_empty, too_large
from .csvfile import read_csv
from .feed import read_feed
from .fetch import fetch, format_of
from .html import read_html
from .jsonl import read_jsonl
from .meta import Fields, normalize_date
from .text import read_text

__all__ = ["EXTENSIONS", "INPUT_FORMATS", "format_for_path", "read_source"]

INPUT_FORMATS = ("text", "html", "jsonl", "csv", "feed")
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
STDIN = "-"
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)
_SINGLE = ("text", "html")


def format_for_path(path: Path) -> str:
    """The input format a file's extension says (text when it says nothing we know)."""
    return EXTENSIONS.get(path.suffix.lower(), "text")


def read_source(source: str | Path, input_format: str | None, ctx: Context) -> Iterator[Article | Rejected]:
    """Articles and Rejected values of one source, in order."""
    name = str(source)
    if name == STDIN:
        yield from _read_stdin(input_format or "text", ctx)
    elif name.lower().startswith(("http://", "https://")):
        yield from read_url(name, input_format, ctx)
    else:
        yield from _read_path(Path(name), input_format, ctx)


def read_url(url: str, input_format: str | None, ctx: Context) -> Iterator[Article | Rejected]:
    """Fetch ``url`` and read it in the format given, or the one its content type says."""
    got = fetch(url, ctx.options, input_format)
    if isinstance(got, Rejected):
        yield got
        return
    fmt = input_format or format_of(got.content_type, got.data)
    if fmt == "feed":
        yield from read_feed(got.data, url, ctx, _read_link)
        return
    yield from _read_data(got.data, url, fmt, ctx, got.url, got.charset)


def _read_link(url: str, ctx: Context, entry: Fields) -> Article | Rejected:
    """A feed entry's link, fetched and read as one article; the entry fills the page's gaps."""
    items = list(read_url(url, None, ctx))
    if len(items) != 1:
        return Rejected(url, "malformed", f"the entry's link gave {len(items)} items, expected one article")
    item = items[0]
    if isinstance(item, Rejected):
        return item
    return _fill(item, entry)


def _read_path(path: Path, input_format: str | None, ctx: Context) -> Iterator[Article | Rejected]:
    source = str(path)
    try:
        if path.is_dir():
            yield from _read_dir(path, input_format, ctx)
            return
        size = path.stat().st_size
    except FileNotFoundError:
        yield Rejected(source, "not-found", "no such file or directory; check the path")
        return
    except OSError as exc:
        yield Rejected(source, "unreadable", f"the file cannot be read ({exc.strerror or exc})")
        return
    fmt = input_format or format_for_path(path)
    limits = [(ctx.options.max_file_bytes, "max_file_bytes", "file")]
    if fmt == "text":
        limits.insert(0, (ctx.options.max_article_bytes, "max_article_bytes", "article"))
    for limit, setting, what in limits:
        if size > limit:
            yield too_large(source, size, limit, setting, what)
            return
    try:
        if fmt == "jsonl":
            with path.open("rb") as handle:
                yield from _nonempty_corpus(read_jsonl(handle, source, ctx), source)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejected(source, "unreadable", f"the file cannot be read ({exc.strerror or exc})")
        return
    yield from _read_data(data, source, fmt, ctx)


def _read_dir(path: Path, input_format: str | None, ctx: Context) -> Iterator[Article | Rejected]:
    files = sorted(
        p
        for p in path.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
        and (p.suffix.lower() in EXTENSIONS)
    )
    if not files:
        known = " ".join(sorted(EXTENSIONS))
        yield Rejected(str(path), "empty", f"the directory has no files with a known extension ({known})")
        return
    for file in files:
        yield from _read_path(file, input_format, ctx)


def _read_stdin(fmt: str, ctx: Context) -> Iterator[Article | Rejected]:
    limit = ctx.options.max_file_bytes if fmt not in _SINGLE else ctx.options.max_article_bytes
    buffer = getattr(sys.stdin, "buffer", None)
    data = buffer.read(limit + 1) if buffer is not None else sys.stdin.read(limit + 1).encode("utf-8")
    if len(data) > limit:
        setting = "max_file_bytes" if fmt not in _SINGLE else "max_article_bytes"
        yield too_large("<stdin>", len(data), limit, setting, "input (at least)")
        return
    yield from _read_data(data, "<stdin>", fmt, ctx)


def _read_data(
    data: bytes,
    source: str,
    fmt: str,
    ctx: Context,
    url: str | None = None,
    charset: str | None = None,
) -> Iterator[Article | Rejected]:
    if fmt == "feed":
        yield from read_feed(data, source, ctx, _read_link)
        return
    if fmt == "jsonl":
        yield from _nonempty_corpus(read_jsonl(data.splitlines(), source, ctx), source)
        return
    text = _decode(data, source, charset or (_meta_charset(data) if fmt == "html" else None))
    if isinstance(text, Rejected):
        yield text
        return
    if is_empty(text):
        yield reject_empty(source)
        return
    if fmt == "html":
        yield read_html(text, source, ctx, url)
    elif fmt == "csv":
        yield from read_csv(text, source, ctx)
    else:
        item = read_text(text, source, ctx)
        yield _fill(item, Fields(url=url)) if isinstance(item, Article) else item


def _nonempty_corpus(items: Iterator[Article | Rejected], source: str) -> Iterator[Article | Rejected]:
    count = 0
    for item in items:
        count += 1
        yield item
    if count == 0:
        yield reject_empty(source, "corpus (no non-blank lines)")


def _meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag, if any."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def _decode(data: bytes, source: str, charset: str | None) -> str | Rejected:
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii", "ascii"):
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, source)


def _fill(item: Article, fields: Fields) -> Article:
    """``item`` with its missing title, outlet, url and date taken from ``fields``."""
    return dataclasses.replace(
        item,
        title=item.title or fields.title,
        outlet=item.outlet or fields.outlet,
        url=item.url or fields.url,
        published=item.published or normalize_date(fields.published),
    )
