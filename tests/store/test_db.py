from __future__ import annotations

import pytest

from eventwire.errors import StoreError
from eventwire.store import MIGRATIONS, Store


def test_open_creates_and_records_migrations(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as store:
        assert store.migrations() == [m.number for m in MIGRATIONS]
        tables = {r[0] for r in store.execute("SELECT table_name FROM information_schema.tables")}
    assert {
        "articles",
        "actors",
        "actor_mentions",
        "events",
        "statements",
        "rejected",
        "runs",
        "linked_events",
        "event_links",
        "migrations",
    } <= tables
    with Store.open(path) as store:  # reopening applies nothing twice
        assert store.count("migrations") == len(MIGRATIONS)


def test_close_is_idempotent_and_closed_store_says_so():
    store = Store.open(":memory:")
    store.close()
    store.close()
    assert store.closed
    with pytest.raises(StoreError, match="closed"):
        store.execute("SELECT 1")


def test_transaction_rolls_back_on_error():
    with Store.open(":memory:") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.execute("INSERT INTO rejected VALUES ('x', 'empty', 'd', 1)")
            raise RuntimeError("boom")
        assert store.count("rejected") == 0
        with store.transaction(), store.transaction():  # nested joins the outer one
            store.execute("INSERT INTO rejected VALUES ('x', 'empty', 'd', 1)")
        assert store.count("rejected") == 1


def test_read_only_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    Store.open(tmp_path / "s.duckdb").close()
    with Store.open(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.count("articles") == 0


def test_bad_query_is_a_store_error():
    with Store.open(":memory:") as store, pytest.raises(StoreError) as caught:
        store.execute("SELECT * FROM nowhere")
    message = str(caught.value)
    assert message.startswith("SELECT on nowhere in store :memory: failed (")
    assert "nowhere" in message.split("failed", 1)[1] and "Store.open()" in message


def test_a_failed_write_names_the_table_and_what_to_do():
    with Store.open(":memory:") as store:
        store.execute("INSERT INTO runs (id, command) VALUES (1, 'x')")
        with pytest.raises(StoreError, match=r"^INSERT on runs in store :memory: failed \(.*skip existing"):
            store.query("INSERT INTO runs (id, command) VALUES (1, 'y')")


def test_arrow_schemas_match_the_migrated_tables():
    from eventwire.store import ARROW_SCHEMAS

    with Store.open(":memory:") as store:
        for table, schema in ARROW_SCHEMAS.items():
            cols = [
                r[0]
                for r in store.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                    "ORDER BY ordinal_position",
                    [table],
                )
            ]
            assert cols == schema.names, table


def test_the_table_lists_name_every_table_of_a_store() -> None:
    from eventwire.store.rows import STORE_TABLES

    with Store.open(":memory:") as store:
        tables = {r[0] for r in store.execute("SELECT table_name FROM information_schema.tables")}
    assert tables - {"migrations"} == set(STORE_TABLES) and len(STORE_TABLES) == len(set(STORE_TABLES))
