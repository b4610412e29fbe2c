from __future__ import annotations

import pytest

from eventwire.store import Store, batch_tables, write_tables
from eventwire.store import query as q


@pytest.fixture
def store(sample):
    with Store.open(":memory:") as s:
        write_tables(s, batch_tables(sample))
        yield s


def test_events_are_linked_with_counts(store):
    rows = q.events(store)
    assert len(rows) == 2
    consult = next(r for r in rows if r["type"] == "CONSULT")
    assert (consult["num_mentions"], consult["num_articles"], consult["num_sources"]) == (2, 2, 2)
    assert rows[0]["date"] >= rows[1]["date"]  # newest first


@pytest.mark.parametrize(
    ("flt", "types"),
    [
        ({"type": "accuse"}, {"ACCUSE"}),
        ({"actor": "zelensky"}, {"ACCUSE"}),
        ({"actor": "trump"}, {"CONSULT"}),
        ({"country": "usa"}, {"CONSULT"}),
        ({"country": "rus"}, {"CONSULT", "ACCUSE"}),
        ({"outlet": "beta"}, {"CONSULT"}),
        ({"text": "stalling"}, {"ACCUSE"}),
        ({"since": "2025-02-13"}, {"ACCUSE"}),
        ({"until": "2025-02-12"}, {"CONSULT"}),
        ({"outlet": "nobody"}, set()),
        ({"text": "100%_"}, set()),
    ],
)
def test_event_filters(store, flt, types):
    assert {r["type"] for r in q.events(store, q.EventFilter(**flt))} == types


def test_explain_lists_every_mention_with_its_reason(store):
    linked = next(r for r in q.events(store) if r["type"] == "CONSULT")
    found = q.explain(store, linked["id"])
    assert found is not None
    assert found["key"]["reciprocal"] is True
    assert found["key"]["participants"] == ["kb:putin", "kb:trump"]
    reasons = [m["reason"] for m in found["mentions"]]
    assert reasons[0] == "first report" and "within 2 day(s)" in reasons[1]
    assert {m["outlet"] for m in found["mentions"]} == {"Alpha News", "Beta Wire"}
    assert q.explain(store, "le-missing") is None


def test_actors_aggregate_across_articles(store):
    rows = {r["name"]: r for r in q.actors(store)}
    assert rows["Vladimir Putin"]["articles"] == 3
    assert rows["Donald Trump"]["articles"] == 2
    assert [r["name"] for r in q.actors(store, country="UKR")] == ["Volodymyr Zelensky"]


def test_statements_by_speaker(store):
    rows = q.statements(store, speaker="putin")
    assert len(rows) == 1 and rows[0]["cue"] == "said" and rows[0]["outlet"] == "Alpha News"
    assert q.statements(store, speaker="nobody") == []


def test_articles_listing_and_filters(store):
    rows = q.articles(store)
    assert [r["outlet"] for r in rows] == ["Alpha News", "Beta Wire", "Alpha News"]  # newest first
    assert rows[0]["events"] == 1 and "text" not in rows[0]
    assert len(q.articles(store, outlet="alpha")) == 2
    assert len(q.articles(store, text="stalling")) == 1
    assert len(q.articles(store, since="2025-02-13", until="2025-02-13")) == 1
    assert len(q.articles(store, limit=1, offset=2)) == 1


def test_actor_page_data(store):
    page = q.actor(store, "kb:putin")
    assert page is not None and page["name"] == "Vladimir Putin" and len(page["appearances"]) == 3
    assert {e["type"] for e in page["events_as_actor"]} == {"CONSULT"}
    assert {e["type"] for e in page["events_as_recipient"]} == {"CONSULT", "ACCUSE"}
    assert len(page["statements"]) == 1
    assert q.actor(store, "kb:nobody") is None


def test_article_page_data(store):
    listed = q.articles(store, text="stalling")[0]
    page = q.article(store, listed["id"])
    assert page is not None and page["article"]["outlet"] == listed["outlet"]
    assert len(page["events"]) == listed["events"] and len(page["actors"]) == listed["actors"]
    text = page["article"]["text"]
    for a in page["actors"]:
        assert all(text[m["start"] : m["end"]] == m["text"] for m in a["mentions"])
    assert q.article(store, "no-such-id") is None


def test_dyads_count_linked_events(store):
    rows = q.dyads(store)
    keys = ("source_name", "target_name", "types", "mutual", "events")
    assert {tuple(str(r[k]) for k in keys) for r in rows} == {
        ("Vladimir Putin", "Donald Trump", "['CONSULT']", "True", "1"),  # reciprocal: once, in key order
        ("Volodymyr Zelensky", "Vladimir Putin", "['ACCUSE']", "False", "1"),
    }
    for flt in (q.EventFilter(type="ACCUSE"), q.EventFilter(actor="zelensky")):
        assert [r["source_name"] for r in q.dyads(store, flt)] == ["Volodymyr Zelensky"]
    assert q.dyads(store, q.EventFilter(outlet="nobody")) == []
