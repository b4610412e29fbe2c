"""HTML pages: main text with trafilatura (never its fetcher), metadata from the page.

The Article's text is the extracted text: offsets index it. :func:`html_to_text` is a
plain extractor for HTML fragments (feed entries), where there is no page to analyse.
"""

from __future__ import annotations

import re

import lxml.etree  # type: ignore[import-untyped]  # lxml ships no type information
import lxml.html  # type: ignore[import-untyped]  # lxml ships no type information
import trafilatura

from ..records import Article, Rejected
from .build import Context, make_article
from .meta import Fields

__all__ = ["html_to_text", "read_html"]

_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "aside",
        "main",
        "dd",
        "dt",
        "dl",
        "hr",
    ]
)
_DROP = "//script|//style|//noscript|//template|//head"
_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def read_html(html: str, source: str, ctx: Context, url: str | None = None) -> Article | Rejected:
    """An Article from an HTML page: trafilatura's main text, the page's title, date, URL and site."""
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:
        return Rejected(
            source, "unreadable", f"the HTML page could not be parsed ({type(exc).__name__}: {exc})"
        )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        text = html_to_text(html)
    if not text.strip():
        return Rejected(
            source,
            "no-text",
            "the HTML page has no extractable text (only scripts, styles or markup); "
            "pass the page as rendered, or its text",
        )
    lang = _LANG.search(html[:4096])
    found = Fields(
        title=getattr(doc, "title", None),
        outlet=getattr(doc, "sitename", None),
        url=getattr(doc, "url", None) or url,
        published=getattr(doc, "date", None),
        language=lang.group(1).lower() if lang else None,
    )
    return make_article(text, source, found, ctx, find_title=False)


def html_to_text(html: str) -> str:
    """Visible text of an HTML document or fragment: one line per block, scripts and styles dropped."""
    if not html.strip():
        return ""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    if not isinstance(root, lxml.html.HtmlElement):  # pragma: no cover - fromstring returns elements
        return ""
    for bad in root.xpath(_DROP):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
