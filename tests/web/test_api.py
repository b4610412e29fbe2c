"""The JSON API on a store made from the reference article and tests/web/data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import article_ids

ERROR_KEYS = {"status", "title", "detail"}


def assert_error(response: Any, status: int, fragment: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert fragment in body["error"]["detail"]
    assert response.headers["cache-control"] == "no-store"


def test_articles_list_and_pagination(client: Any) -> None:
    everything = client.get("/api/articles").json()
    assert everything["next_offset"] is None and len(everything["items"]) == 5
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert first["next_offset"] == 2 and len(first["items"]) == 2
    assert {a["id"] for a in first["items"]}.isdisjoint(a["id"] for a in second["items"])
    # newest first; the reference article has no date and comes last
    dates = [a["published"] for a in everything["items"]]
    assert dates[:4] == sorted(dates[:4], reverse=True) and dates[-1] is None
    ledger = client.get("/api/articles", params={"outlet": "northern"}).json()["items"]
    assert [a["outlet"] for a in ledger] == ["Northern Ledger"]


def test_article_detail_offsets_index_the_text(client: Any) -> None:
    ids = article_ids(client)
    detail = client.get(f"/api/articles/{ids['Pashinyan and Aliyev agree to resume border talks']}").json()
    text = detail["article"]["text"]
    names = {a["name"] for a in detail["actors"]}
    assert {"Nikol Pashinyan", "Ilham Aliyev"} <= names
    for actor in detail["actors"]:
        for m in actor["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    assert detail["events"], "the coder found no event in a plain news article"
    for e in detail["events"]:
        assert text[e["trigger_start"] : e["trigger_end"]] == e["trigger"]
    for s in detail["statements"]:
        assert text[s["content_start"] : s["content_end"]] == s["content"]


def test_missing_things_are_404_in_the_pinned_shape(client: Any) -> None:
    assert_error(client.get("/api/articles/nope"), 404, "no article with id 'nope'")
    assert_error(client.get("/api/events/le-nope"), 404, "no event with id 'le-nope'")
    assert_error(client.get("/api/events/le-nope/mentions"), 404, "le-nope")
    assert_error(client.get("/api/actors/kb:nobody"), 404, "kb:nobody")
    assert_error(client.get("/api/no-such-endpoint"), 404, "Not Found")


@pytest.mark.parametrize(
    ("params", "status", "fragment"),
    [
        ({"since": "yesterday"}, 400, "since must be a date"),
        ({"until": "2025-13"}, 400, "until must be a date"),
        ({"type": "HUG"}, 400, "unknown event type 'HUG'"),
        ({"country": "Armenia"}, 400, "3-letter code"),
        ({"limit": 0}, 422, "limit"),
        ({"limit": 5000}, 422, "limit"),
        ({"offset": -1}, 422, "offset"),
    ],
)
def test_bad_event_filters_say_what_is_wrong(
    client: Any, params: dict[str, Any], status: int, fragment: str
) -> None:
    assert_error(client.get("/api/events", params=params), status, fragment)


def _events(client: Any, **params: Any) -> list[dict[str, Any]]:
    body = client.get("/api/events", params={"limit": 1000, **params}).json()
    return list(body["items"])


def test_event_filters(client: Any) -> None:
    every = _events(client)
    assert len({e["id"] for e in every}) == len(every) > 10
    accuse = _events(client, type="accuse")
    assert accuse and all(e["type"] == "ACCUSE" for e in accuse)
    march = _events(client, since="2025-03-11", until="2025-03-12")
    assert march and all("2025-03-11" <= e["date"] <= "2025-03-12" for e in march)
    pashinyan = _events(client, actor="Pashinyan")
    assert pashinyan
    for e in pashinyan:  # some report of each event names Pashinyan as actor or recipient
        mentions = client.get(f"/api/events/{e['id']}/mentions").json()["items"]
        names = {n for m in mentions for n in (m["actor_names"] or []) + (m["recipient_names"] or [])}
        assert "Nikol Pashinyan" in names, e
    armenia = {e["id"] for e in _events(client, country="arm")}
    assert {e["id"] for e in pashinyan} <= armenia
    ledger = _events(client, outlet="Northern Ledger")
    assert ledger
    for e in ledger:
        outlets = {m["outlet"] for m in client.get(f"/api/events/{e['id']}/mentions").json()["items"]}
        assert "Northern Ledger" in outlets
    assert _events(client, text="constitution")
    assert _events(client, text="no sentence says this") == []


def test_events_page_through_without_overlap(client: Any) -> None:
    every = [e["id"] for e in _events(client)]
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        body = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        seen.extend(e["id"] for e in body["items"])
        offset = body["next_offset"]
    assert seen == every


def test_an_event_reported_by_two_outlets_lists_every_mention(client: Any) -> None:
    shared = [e for e in _events(client) if e["num_sources"] >= 2]
    assert shared, "no event is linked across outlets in the test articles"
    body = client.get(f"/api/events/{shared[0]['id']}").json()
    assert body["event"]["id"] == shared[0]["id"]
    outlets = {m["outlet"] for m in body["mentions"]}
    assert len(outlets) >= 2
    for m in body["mentions"]:
        assert m["trigger"] in m["sentence"]
    assert body["event"]["actors"] and all(a["canonical"] for a in body["event"]["actors"])


def test_actors_and_actor_detail(client: Any) -> None:
    actors = client.get("/api/actors", params={"name": "pashinyan"}).json()["items"]
    assert [a["name"] for a in actors] == ["Nikol Pashinyan"]
    key = actors[0]["canonical"]
    assert actors[0]["articles"] >= 3
    detail = client.get(f"/api/actors/{key}").json()
    assert detail["name"] == "Nikol Pashinyan" and detail["country"] == "ARM"
    assert {a["outlet"] for a in detail["appearances"]} >= {"Caucasus Daily", "Example Wire"}
    assert detail["statements"], "Pashinyan speaks in two of the test articles"
    assert detail["events_as_actor"] or detail["events_as_recipient"]
    page = client.get("/api/actors", params={"limit": 3}).json()
    mentions = [a["mentions"] for a in page["items"]]
    assert mentions == sorted(mentions, reverse=True) and page["next_offset"] == 3


def test_statements_and_outlet_claims(client: Any) -> None:
    outlet = client.get("/api/statements", params={"kind": "outlet", "limit": 1000}).json()["items"]
    assert outlet and all(s["kind"] == "outlet" and s["speaker"] is None for s in outlet)
    direct = client.get("/api/statements", params={"kind": "direct", "limit": 1000}).json()["items"]
    assert any("closer to peace" in s["content"] for s in direct)
    assert_error(client.get("/api/statements", params={"kind": "rumour"}), 400, "kind must be")


def test_dyads_and_search(client: Any) -> None:
    pairs = client.get("/api/dyads").json()["items"]
    assert pairs and all(p["events"] >= 1 and p["source"] != p["target"] for p in pairs)
    counts = [p["events"] for p in pairs]
    assert counts == sorted(counts, reverse=True)
    found = client.get("/api/search", params={"q": "Aliyev"}).json()
    assert found["actors"][0]["name"] == "Ilham Aliyev"
    assert (
        found["articles"] and found["events"] and set(found) == {"articles", "actors", "statements", "events"}
    )
    assert_error(client.get("/api/search"), 422, "q")


def test_openapi_describes_the_api(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/{linked_id}"} <= paths
    assert {"/api/events/{linked_id}/mentions", "/api/actors", "/api/statements", "/api/search"} <= paths
    assert "post" in spec["paths"]["/api/articles"]
    assert not any(p.startswith("/articles") for p in paths), "HTML pages are not part of the API"
    assert client.get("/docs").status_code == 200


def test_security_and_cache_headers(client: Any) -> None:
    page = client.get("/")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["cache-control"].startswith("private, max-age=")
    assert client.get("/api/events").headers["cache-control"] == "no-cache"
    css = page.text.split('href="/static/', 1)[1].split('"', 1)[0]
    static = client.get("/static/" + css)
    assert static.status_code == 200 and "immutable" in static.headers["cache-control"]
    assert static.headers["content-type"].startswith("text/css")
    stale = client.get("/static/0000/" + css.split("/", 1)[1])
    assert stale.status_code == 200 and stale.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize(
    "name", ["../app.py", "..%2Fapp.py", "%2e%2e/%2e%2e/errors.py", "/etc/passwd", "style.css/x"]
)
def test_no_file_paths_from_requests(client: Any, name: str) -> None:
    response = client.get("/static/v/" + name)
    assert response.status_code == 404
    assert "import" not in response.text and "root:" not in response.text


def test_store_is_read_only_by_default(client: Any, web_db: Path) -> None:
    assert client.app.state.web.store.read_only
    assert_error(client.post("/api/articles", json={"text": "Anything."}), 403, "--enable-writes")


def test_unexpected_errors_keep_the_pinned_shape(web_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.store import query as store_query
    from eventwire.web import create_app

    from .conftest import LOOPBACK, TestClient

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(store_query, "articles", broken)
    c = TestClient(create_app(web_db), client=LOOPBACK, raise_server_exceptions=False)
    response = c.get("/api/articles")
    assert_error(response, 500, "an internal error occurred (RuntimeError)")
    assert "secret" not in response.text
    page = c.get("/articles")
    assert page.status_code == 500 and "secret" not in page.text and "internal error" in page.text


def test_apps_share_no_state(web_db: Path, writable_db: Path) -> None:
    from eventwire.store import Store
    from eventwire.web import create_app

    from .conftest import LOOPBACK, TestClient

    with Store.open(writable_db) as store:
        store.execute("DELETE FROM articles WHERE outlet = 'Northern Ledger'")
    one = TestClient(create_app(web_db), client=LOOPBACK)
    two = TestClient(create_app(writable_db), client=LOOPBACK)
    assert len(one.get("/api/articles").json()["items"]) == 5
    assert len(two.get("/api/articles").json()["items"]) == 4
