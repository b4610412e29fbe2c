from __future__ import annotations

from eventwire.ingest.fetch import fetch
from eventwire.options import Options
from eventwire.records import Article, Rejected

from .conftest import LocalServer, one_article, one_rejected, read
from .test_feed import ATOM

PAGE = (
    "<html><head><title>Senegal and Mali talk</title></head><body><article>"
    "<p>The foreign ministers of Senegal and Mali met in Dakar on Monday to discuss trade routes.</p>"
    "<p>They agreed to meet again in Bamako next month.</p></article></body></html>"
)


def test_fetch_html_ok_with_user_agent(server: LocalServer) -> None:
    url = server.add("/page", PAGE)
    options = Options(user_agent="eventwire-test/1.0")
    article = one_article(url, options=options)
    assert "Senegal and Mali met in Dakar" in article.text
    assert article.title == "Senegal and Mali talk"
    assert article.source == url and article.url == url
    assert server.user_agents == ["eventwire-test/1.0"]


def test_fetch_plain_text_and_feed_by_content_type(server: LocalServer) -> None:
    text_url = server.add(
        "/t", "TITLE: Plain\n\nThe leaders of Chad and Niger met.\n", content_type="text/plain; charset=utf-8"
    )
    feed_url = server.add("/f", ATOM, content_type="application/atom+xml")
    article = one_article(text_url)
    assert (article.title, article.text, article.url) == (
        "Plain",
        "The leaders of Chad and Niger met.\n",
        text_url,
    )
    (entry,) = read(feed_url)
    assert isinstance(entry, Article) and "Astana" in entry.text


def test_fetch_declared_charset(server: LocalServer) -> None:
    url = server.add(
        "/w",
        "Президенты встретились в Минске.".encode("cp1251"),
        content_type="text/plain; charset=windows-1251",
    )
    assert one_article(url).text == "Президенты встретились в Минске."


def test_fetch_404(server: LocalServer) -> None:
    rejected = one_rejected(server.url("/nothing-here"))
    assert rejected.reason == "http-error"
    assert "404" in rejected.detail


def test_fetch_timeout(server: LocalServer) -> None:
    url = server.add("/slow", PAGE, delay=1.0)
    rejected = one_rejected(url, options=Options(fetch_timeout=0.1))
    assert rejected.reason == "timeout"
    assert "fetch_timeout" in rejected.detail


def test_fetch_too_large(server: LocalServer) -> None:
    url = server.add("/big", "The ministers met. " * 1000, content_type="text/plain")
    rejected = one_rejected(url, options=Options(max_article_bytes=2000))
    assert rejected.reason == "too-large"
    assert "max_article_bytes" in rejected.detail


def test_fetch_too_large_without_content_length(server: LocalServer) -> None:
    # a body without Content-Length: the stream itself must be cut off
    url = server.add("/big2", "x" * 50_000, content_type="text/plain", send_length=False)
    got = fetch(url, Options(max_article_bytes=2000))
    assert isinstance(got, Rejected) and got.reason == "too-large"


def test_unreachable(server: LocalServer) -> None:
    rejected = one_rejected("http://127.0.0.1:9/closed")
    assert rejected.reason in {"unreachable", "timeout"}
