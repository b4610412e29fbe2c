"""A thin wrapper around one DuckDB file: open, migrate, transactions, close.

    with Store.open("eventwire.duckdb") as store:
        with store.transaction():
            store.execute("...")

Closing is idempotent; a store opened ``read_only`` is never migrated (it must
already be current), so readers such as the web UI can share a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from ..errors import StoreError
from .migrations import MIGRATIONS, apply_migrations

__all__ = ["DEFAULT_DB", "Store"]

DEFAULT_DB = "eventwire.duckdb"


class Store:
    """One open DuckDB store. Use :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self._conn: duckdb.DuckDBPyConnection | None = conn
        self.path = path
        self.read_only = read_only
        self._depth = 0

    @classmethod
    def open(
        cls, path: str | Path = DEFAULT_DB, *, read_only: bool = False, memory_limit: str | None = None
    ) -> Store:
        """Open (creating if needed) and migrate the store at ``path`` (":memory:" for a scratch one).

        ``memory_limit`` (e.g. "128MB") caps DuckDB's buffer pool; long ingests use it to keep
        memory flat (DuckDB otherwise caches the growing file up to most of the RAM).
        """
        name = str(path)
        if read_only and name != ":memory:" and not Path(name).exists():
            raise StoreError(f"no store at {name}; create one with `eventwire ingest --db {name} SOURCE...`")
        try:
            conn = duckdb.connect(name, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open the store {name}: {exc}; check the path, and that no other process "
                "is writing to it"
            ) from exc
        store = cls(conn, name, read_only)
        try:
            if memory_limit:
                conn.execute(f"SET memory_limit = '{_size(memory_limit)}'")
                if not read_only:
                    conn.execute("SET checkpoint_threshold = '4MB'")
            if read_only:
                have = (
                    {r[0] for r in conn.execute("SELECT number FROM migrations").fetchall()}
                    if _has_migrations(conn)
                    else set()
                )
                missing = [m.number for m in MIGRATIONS if m.number not in have]
                if missing:
                    raise StoreError(
                        f"the store {name} lacks migration(s) {missing}; open it once for writing "
                        "(e.g. `eventwire ingest --db FILE`) to upgrade it"
                    )
            else:
                apply_migrations(conn)
        except BaseException:
            store.close()
            raise
        return store

    @property
    def conn(self) -> duckdb.DuckDBPyConnection:
        if self._conn is None:
            raise StoreError(f"the store {self.path} is closed; open it again with Store.open()")
        return self._conn

    def close(self) -> None:
        """Close the connection; calling it again does nothing."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Run a block in one transaction (nested blocks join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN TRANSACTION")
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run one statement and return all rows."""
        try:
            return self.conn.execute(sql, params or []).fetchall()
        except duckdb.Error as exc:
            raise self._failed(sql, exc) from exc

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Run one query and return rows as dicts keyed by column name."""
        try:
            cursor = self.conn.execute(sql, params or [])
            names = [d[0] for d in cursor.description or []]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except duckdb.Error as exc:
            raise self._failed(sql, exc) from exc

    def _failed(self, sql: str, exc: duckdb.Error) -> StoreError:
        """A StoreError naming the statement's operation and tables, the store, the cause and a remedy."""
        words = sql.split()
        operation = words[0].upper() if words else "statement"
        tables = sorted(set(_TABLE.findall(sql)))
        target = f" on {', '.join(tables)}" if tables else ""
        if isinstance(exc, duckdb.CatalogException):
            remedy = (
                "the store lacks a table or column this eventwire version expects; open it with "
                "Store.open() (which applies migrations) or check that it is an eventwire store"
            )
        elif isinstance(exc, duckdb.IOException | duckdb.TransactionException):
            remedy = "another process may hold the store; close it (or wait) and retry"
        elif isinstance(exc, duckdb.ConstraintException):
            remedy = "a row is already stored under the same key; skip existing ids before writing"
        else:
            remedy = "check the statement and its parameters; if the store is damaged, rebuild it with ingest"
        cause = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return StoreError(f"{operation}{target} in store {self.path} failed ({cause}); {remedy}")

    def count(self, table: str) -> int:
        row = self.conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        return int(row[0]) if row else 0

    def migrations(self) -> list[int]:
        return [r[0] for r in self.execute("SELECT number FROM migrations ORDER BY number")]


#: Table names after FROM/JOIN/INTO/UPDATE/TABLE in a statement (for error messages only).
_TABLE = re.compile(r'\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([A-Za-z_][\w]*)', re.IGNORECASE)


def _has_migrations(conn: duckdb.DuckDBPyConnection) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrations'"
    ).fetchone()
    return bool(row and row[0])


def _size(value: str) -> str:

    if not re.fullmatch(r"\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*", value, re.IGNORECASE):
        raise StoreError(f"memory limit {value!r} is not a size; write it like 128MB or 2GB")
    return value.strip()
