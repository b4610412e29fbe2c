"""The HTML pages, rendered by the TestClient: content, links, empty states, error pages, escaping."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest

from .conftest import article_ids

XSS_TITLE = "<script>document.title='pwned'; window.__xss = 'title'</script> Border <b>talks</b> & more"


def links(html: str) -> list[str]:
    return re.findall(r'href="(/[^"]*)"', html)


@pytest.mark.parametrize(
    "url", ["/", "/events", "/articles", "/actors", "/statements", "/dyads", "/search?q=Aliyev"]
)
def test_pages_render(client: Any, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<nav>" in response.text and "eventwire" in response.text


def test_every_internal_link_on_the_main_pages_works(client: Any) -> None:
    seen: set[str] = set()
    for url in ["/", "/events", "/articles", "/actors", "/statements", "/dyads"]:
        for link in links(client.get(url).text):
            target = link.replace("&amp;", "&")
            if target in seen or target.startswith(("/docs", "/openapi")):
                continue
            seen.add(target)
            assert client.get(target).status_code == 200, target
    assert any(s.startswith("/events/le-") for s in seen)
    assert any(s.startswith("/actors/kb%3A") for s in seen)
    assert any(s.startswith("/articles/") for s in seen)


def test_story_timeline_draws_bars_and_filters(client: Any) -> None:
    html = client.get("/").text
    assert html.count('<g class="bar">') >= 4  # 10, 11, 12, 13/14 March 2025
    assert "2025-03-10" in html and "without a date" in html  # the reference article is undated
    only = client.get("/", params={"actor": "Rubio"}).text
    assert "Marco Rubio" in only and "Vladimir Putin" not in only
    none = client.get("/", params={"since": "2030-01-01"}).text
    assert "No events match these filters." in none


def test_article_page_highlights_from_offsets(client: Any) -> None:
    ids = article_ids(client)
    html = client.get(f"/articles/{ids['Armenia, Azerbaijan leaders hold talks in the Gulf']}").text
    assert re.search(r'<a class="act act-person" href="/actors/kb%3A[^"]+" title="Ilham Aliyev', html)
    assert re.search(r'<a class="trig t-[a-z]+" href="/events/le-[0-9a-f]+"', html)
    assert '<span class="st st-direct"' in html and "closer to peace" in html
    assert "Outlet&#39;s own claim" in html or "Outlet's own claim" in html  # legend
    reference = next(i for t, i in ids.items() if t.startswith("Putin and Trump"))
    seed = client.get(f"/articles/{reference}").text
    assert '<span class="st st-outlet"' in seed and '<span class="st st-indirect"' in seed
    assert '<span class="uncoded"' in seed  # the machine-translation note
    assert "machine-translated from ru" in seed


def test_event_page_lists_mentions_with_sentences(client: Any) -> None:
    shared = [
        e for e in client.get("/api/events", params={"limit": 1000}).json()["items"] if e["num_sources"] > 1
    ]
    html = client.get(f"/events/{shared[0]['id']}").text
    assert html.count("<blockquote>") == shared[0]["num_mentions"]
    assert '<span class="trig">' in html
    assert "2 outlets" in html


def test_actor_page(client: Any) -> None:
    html = client.get("/actors/" + quote("kb:nikol-pashinyan", safe="")).text
    assert "<h1>Nikol Pashinyan</h1>" in html
    assert "Role at the time of each article" in html and "Prime Minister" in html
    assert "Events as actor" in html and "Events as recipient" in html


def test_empty_states_and_pagination(client: Any) -> None:
    assert "No more events: this page is past the end." in client.get("/events", params={"page": 99}).text
    assert "No articles match." in client.get("/articles", params={"text": "zebra crossing"}).text
    assert "Nothing matches" in client.get("/search", params={"q": "zebra crossing"}).text
    app = client.app.state.web
    size = app.settings.page_size
    total = len(client.get("/api/events", params={"limit": 1000}).json()["items"])
    html = client.get("/events").text
    assert ('rel="next"' in html) == (total > size)


def test_error_pages_say_what_went_wrong(client: Any) -> None:
    missing = client.get("/events/le-0000")
    assert missing.status_code == 404 and "There is no event with id “le-0000”" in missing.text
    assert "<h1>404 · Not Found</h1>" in missing.text
    bad = client.get("/", params={"type": "HUG"})
    assert bad.status_code == 400 and "unknown event type &#39;HUG&#39;" in bad.text
    assert client.get("/no/such/page").status_code == 404
    assert client.get("/events", params={"page": "x"}).status_code == 422


def test_article_text_title_and_outlet_are_escaped(client: Any) -> None:
    ids = article_ids(client)
    xss = ids[XSS_TITLE]
    for url in [f"/articles/{xss}", "/articles", "/", "/events", "/search?q=Abu"]:
        html = client.get(url).text
        assert "<script>window" not in html and "<script>document" not in html, url
        assert "<img src=x" not in html and "<b onmouseover" not in html and "<svg onload" not in html, url
        assert 'href="javascript:' not in html, url
    page = client.get(f"/articles/{xss}").text
    assert "&lt;script&gt;window.__xss = &#39;text&#39;" in page
    assert "&lt;img src=x onerror=&#34;window.__xss=&#39;outlet&#39;&#34;&gt;Evil Outlet" in page
    assert "<title>&lt;script&gt;document.title=" in page
    assert page.count("<script") == 1  # only our own app.js
    assert "javascript:window.__xss=&#39;url&#39;" in page  # the URL as text, not a link


def test_statements_page_keeps_outlet_claims_apart(client: Any) -> None:
    outlet = client.get("/statements", params={"kind": "outlet"}).text
    assert outlet.count('<li class="stmt-outlet">') == outlet.count("<blockquote>") > 0
    assert "stmt-direct" not in outlet and "stmt-indirect" not in outlet
    one = client.get("/statements", params={"speaker": "Mirzoyan", "outlet": "ledger"}).text
    assert one.count("<blockquote>") == 1 and "the constitution was a matter for Armenian voters" in one
    bad = client.get("/statements", params={"kind": "rumour"})
    assert bad.status_code == 400 and "kind must be one of" in bad.text
