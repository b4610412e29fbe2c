from __future__ import annotations

from pathlib import Path

from eventwire.ingest import Metadata
from eventwire.ingest.html import html_to_text

from .conftest import one_article, one_rejected

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Ghana and Togo open a bridge | West Coast Herald</title>
<meta property="og:title" content="Ghana and Togo open a bridge">
<meta property="og:site_name" content="West Coast Herald">
<meta property="og:url" content="https://herald.example/ghana-togo-bridge">
<meta property="article:published_time" content="2022-06-09T07:00:00Z">
<script>window.tracking = {"a": 1};</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Ghana and Togo open a bridge</h1>
<p>The presidents of Ghana and Togo opened a new bridge over the border river on Thursday.</p>
<p>The Ghanaian president said the bridge would double trade between the two countries.</p>
<p>Engineers from both countries worked on the project for four years.</p>
</article>
<footer>Copyright West Coast Herald. All rights reserved.</footer>
</body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = one_article(path)
    assert "opened a new bridge" in article.text
    assert "Engineers from both countries" in article.text
    assert "window.tracking" not in article.text
    assert "Sport" not in article.text
    assert article.title == "Ghana and Togo open a bridge"
    assert article.published == "2022-06-09"
    assert article.url == "https://herald.example/ghana-togo-bridge"
    assert article.outlet == "West Coast Herald"
    assert article.language == "en"
    start = article.text.index("Ghanaian")
    assert article.text[start : start + 8] == "Ghanaian"


def test_html_metadata_overridden_by_user(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    article = one_article(path, metadata=Metadata(published="2022-06-10", outlet="Other"))
    assert (article.published, article.outlet) == ("2022-06-10", "Other")


def test_all_script_page_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "app.html"
    path.write_text(
        "<html><head><script src='a.js'></script><style>body{}</style></head>"
        "<body><script>document.body.innerHTML = '<p>late</p>';</script><noscript></noscript></body></html>",
        encoding="utf-8",
    )
    rejected = one_rejected(path)
    assert rejected.reason == "no-text"


def test_html_to_text_blocks_and_entities() -> None:
    text = html_to_text(
        "<p>Chad &amp; Niger</p><p>met <b>today</b></p><script>x()</script><ul><li>a</li></ul>"
    )
    assert text == "Chad & Niger\nmet today\na"
    assert html_to_text("") == ""
    assert html_to_text("plain words") == "plain words"


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>Встреча</title></head><body><article>'
        "<p>Президенты двух стран встретились в Минске и обсудили торговлю и энергетику.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    article = one_article(path)
    assert "Президенты двух стран" in article.text
