from __future__ import annotations

import random

import pytest

from eventwire.linking import LinkRules, Report, group_reports
from eventwire.linking.evaluate import score_links
from eventwire.store import Store, batch_tables, write_tables
from eventwire.store import query as q
from eventwire.store.compare import snapshot as dump


def _store(coded, batch=4, rules=None):
    store = Store.open(":memory:")
    for i in range(0, len(coded), batch):
        write_tables(store, batch_tables(coded[i : i + batch], rules), rules=rules)
    return store


def test_oracle_linking_scores_on_the_written_set(oracle, gold):
    with _store(oracle) as store:
        score = score_links(store, gold)
    assert score.matched_mentions == score.gold_mentions == len(gold["mentions"])
    # one known miss: a weekly round-up dated four days after the call ("this week", no date)
    assert score.precision == 1.0
    assert score.recall >= 0.8
    assert (score.correct_pairs, score.gold_pairs) == (21, 26)


def test_counts_per_linked_event(oracle):
    with _store(oracle) as store:
        rows = q.events(store, q.EventFilter(type="CONSULT", since="2025-02-12", until="2025-02-12"))
        assert len(rows) == 1
        call = rows[0]
        assert (call["num_mentions"], call["num_articles"], call["num_sources"]) == (5, 4, 4)
        riyadh = q.events(store, q.EventFilter(actor="rubio", type="CONSULT"))
        assert [(r["num_mentions"], r["num_sources"]) for r in riyadh] == [(3, 3)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_linking_does_not_depend_on_ingest_order(oracle, seed):
    shuffled = list(oracle)
    random.Random(seed).shuffle(shuffled)
    with _store(oracle, batch=5) as a, _store(shuffled, batch=seed + 1) as b:
        assert dump(a)["linked_events"] == dump(b)["linked_events"]
        assert dump(a)["event_links"] == dump(b)["event_links"]


def test_wider_window_joins_the_weekly_roundup(oracle, gold):
    with _store(oracle, rules=LinkRules.load(day_window=4)) as store:
        score = score_links(store, gold)
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_negated_and_reversed_events_stay_apart(oracle):
    with _store(oracle) as store:
        keys = [r[0] for r in store.execute("SELECT link_key FROM linked_events WHERE type = 'ACCUSE'")]
        assert len(keys) == 2  # Zelensky -> Russia and Russia -> Ukraine are different events
        negated = store.execute("SELECT num_mentions FROM linked_events WHERE link_key LIKE '%|neg'")
        assert negated == [(1,)]


def test_group_reports_windows():
    rules = LinkRules(frozenset(), day_window=2)
    reports = [
        Report("a", "e1", "2025-02-12", "day", "A"),
        Report("b", "e1", "2025-02-14", "day", "B"),
        Report("c", "e1", "2025-02-15", "day", "C"),  # three days after the first: a new event
        Report("d", "e1", "2025-02", "month", "D"),
        Report("e", "e1", "2025", "year", "E"),
        Report("f", "e1", None, None, "F"),
    ]
    groups = group_reports("K", reversed(reports), rules)
    assert [[r.article_id for r in g.reports] for g in groups] == [["a", "b", "d", "e"], ["c"], ["f"]]
    assert groups[0].id == group_reports("K", reports, rules)[0].id
    assert "within 2 day(s)" in groups[0].reasons[1] and "month-precision" in groups[0].reasons[2]


def test_deferred_linking_equals_per_batch_linking(oracle):
    from eventwire.linking import pending_keys, relink_pending

    with _store(oracle) as eager, Store.open(":memory:") as lazy:
        for i in range(0, len(oracle), 3):
            write_tables(lazy, batch_tables(oracle[i : i + 3]), link=False)
        assert pending_keys(lazy.conn) and lazy.count("linked_events") == 0
        relink_pending(lazy, LinkRules.load(), chunk=3)
        assert pending_keys(lazy.conn) == []
        assert dump(lazy)["linked_events"] == dump(eager)["linked_events"]
        assert dump(lazy)["event_links"] == dump(eager)["event_links"]


def test_relink_all_applies_new_rules_to_a_stored_corpus(oracle):
    from eventwire.linking import relink_all

    narrow, wide = LinkRules.load(), LinkRules.load(day_window=4)
    with _store(oracle) as store, _store(oracle, rules=wide) as built_wide, _store(oracle) as built_narrow:
        assert dump(store)["linked_events"] != dump(built_wide)["linked_events"]
        with store.transaction():
            groups = relink_all(store.conn, wide)
        assert groups == len(dump(built_wide)["linked_events"])
        for table in ("linked_events", "event_links"):
            assert dump(store)[table] == dump(built_wide)[table]
        with store.transaction():
            relink_all(store.conn, narrow)
        for table in ("linked_events", "event_links"):
            assert dump(store)[table] == dump(built_narrow)[table]
