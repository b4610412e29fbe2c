from __future__ import annotations

import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.records import Rejected
from eventwire.store import Store, batch_tables, merge_parquet, write_tables
from eventwire.store.load import iter_coded, load_coded

from .conftest import build


def _dump(store: Store) -> dict[str, list[tuple]]:
    out = {}
    for table in (
        "articles",
        "actors",
        "actor_mentions",
        "events",
        "statements",
        "linked_events",
        "event_links",
        "rejected",
    ):
        cols = [
            r[0]
            for r in store.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = ? AND column_name <> 'run_id'",
                [table],
            )
        ]
        out[table] = store.execute(
            f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}" ORDER BY ALL'
        )
    return out


def test_write_is_idempotent(sample):
    with Store.open(":memory:") as store:
        first = write_tables(store, batch_tables(sample), [Rejected("x.bin", "binary", "not text")])
        assert (first.stored, first.existing, first.events, first.rejected) == (3, 0, 3, 1)
        before = _dump(store)
        again = write_tables(store, batch_tables(sample), [Rejected("x.bin", "binary", "not text")])
        assert (again.stored, again.existing) == (0, 3)
        assert _dump(store) == before


def test_duplicate_within_a_batch_is_stored_once(sample):
    with Store.open(":memory:") as store:
        result = write_tables(store, batch_tables([sample[0], sample[0], sample[1]]))
        assert result.stored == 2
        assert store.count("articles") == 2


def test_round_trip_through_the_store_gives_the_contract_back(sample):
    with Store.open(":memory:") as store:
        write_tables(store, batch_tables(sample))
        loaded = {c.article.id: c for c in iter_coded(store, chunk=2)}
    assert set(loaded) == {c.article.id for c in sample}
    for coded in sample:
        assert loaded[coded.article.id].to_dict() == coded.to_dict()


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=200).filter(lambda t: t.strip()))
def test_any_text_round_trips(text):
    coded = build(text)
    with Store.open(":memory:") as store:
        write_tables(store, batch_tables([coded]))
        back = load_coded(store, coded.article.id)
    assert back is not None and back.article.text == text and back.to_dict() == coded.to_dict()


def test_merge_parquet_shards_equals_direct_writes(sample, tmp_path):
    for i, coded in enumerate(sample):
        for name, table in batch_tables([coded]).items():
            (tmp_path / name).mkdir(exist_ok=True)
            pq.write_table(table, tmp_path / name / f"part-{i}.parquet")
    with Store.open(":memory:") as merged, Store.open(":memory:") as direct:
        merge_parquet(merged, str(tmp_path))
        write_tables(direct, batch_tables(sample))
        assert _dump(merged) == _dump(direct)
