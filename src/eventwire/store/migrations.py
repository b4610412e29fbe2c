"""Numbered schema migrations, recorded in the ``migrations`` table of the store.

A migration is never edited once released: a schema change is a new entry at
the end of :data:`MIGRATIONS`. Opening a store applies the ones it lacks, in
order, each in its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..errors import StoreError

if TYPE_CHECKING:
    import duckdb

__all__ = ["MIGRATIONS", "Migration", "applied_migrations", "apply_migrations"]


# Only ``articles`` (and the small bookkeeping tables) carry a primary key: the
# writer adds an article's rows together with the article, in one transaction,
# and skips stored article ids, so child rows cannot repeat. DuckDB keeps ART
# indexes in memory; leaving them off the child tables keeps a long ingest's
# memory flat.


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str


_INITIAL = """
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    title VARCHAR,
    text VARCHAR NOT NULL,
    outlet VARCHAR,
    url VARCHAR,
    published VARCHAR,
    language VARCHAR,
    translation_source VARCHAR,
    translation_service VARCHAR,
    translation_note_start INTEGER,
    translation_note_end INTEGER,
    source VARCHAR,
    excluded VARCHAR,
    words INTEGER,
    version_eventwire VARCHAR,
    version_lexicon VARCHAR,
    version_kb VARCHAR,
    version_model VARCHAR,
    run_id INTEGER
);
CREATE TABLE actors (
    article_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    role VARCHAR,
    kb_id VARCHAR,
    entry VARCHAR,
    canonical VARCHAR NOT NULL
);
CREATE TABLE actor_mentions (
    article_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text VARCHAR,
    how VARCHAR
);
CREATE TABLE events (
    article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    context VARCHAR[],
    cameo VARCHAR,
    actor VARCHAR[],
    recipient VARCHAR[],
    date VARCHAR,
    date_precision VARCHAR,
    location VARCHAR,
    negated BOOLEAN,
    hypothetical BOOLEAN,
    historical BOOLEAN,
    source VARCHAR,
    sentence VARCHAR,
    sentence_start INTEGER,
    sentence_end INTEGER,
    trigger VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    confidence DOUBLE,
    link_key VARCHAR,
    link_date VARCHAR,
    link_precision VARCHAR
);
CREATE TABLE statements (
    article_id VARCHAR NOT NULL,
    statement_id VARCHAR NOT NULL,
    speaker VARCHAR,
    cue VARCHAR,
    cue_start INTEGER,
    cue_end INTEGER,
    content VARCHAR,
    content_start INTEGER,
    content_end INTEGER,
    kind VARCHAR,
    events VARCHAR[]
);
CREATE TABLE rejected (
    source VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR,
    run_id INTEGER,
    PRIMARY KEY (source, reason)
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started VARCHAR,
    finished VARCHAR,
    status VARCHAR,
    command VARCHAR,
    version_eventwire VARCHAR,
    version_lexicon VARCHAR,
    version_kb VARCHAR,
    version_model VARCHAR,
    workers INTEGER,
    articles_read BIGINT,
    articles_stored BIGINT,
    articles_existing BIGINT,
    rejected BIGINT,
    events BIGINT,
    seconds DOUBLE
);
CREATE TABLE linked_events (
    id VARCHAR NOT NULL,
    link_key VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    actor VARCHAR[],
    recipient VARCHAR[],
    reciprocal BOOLEAN,
    date VARCHAR,
    date_precision VARCHAR,
    first_article_id VARCHAR,
    first_event_id VARCHAR,
    num_mentions INTEGER,
    num_articles INTEGER,
    num_sources INTEGER
);
CREATE TABLE event_links (
    article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    linked_id VARCHAR NOT NULL,
    reason VARCHAR
);
"""

MIGRATIONS: tuple[Migration, ...] = (Migration(1, "initial schema", _INITIAL),)


def applied_migrations(conn: duckdb.DuckDBPyConnection) -> list[int]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (number INTEGER PRIMARY KEY, name VARCHAR, applied VARCHAR)"
    )
    return [row[0] for row in conn.execute("SELECT number FROM migrations ORDER BY number").fetchall()]


def apply_migrations(conn: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations the database lacks; return the numbers applied."""
    done = set(applied_migrations(conn))
    known = {m.number for m in MIGRATIONS}
    newer = sorted(done - known)
    if newer:
        raise StoreError(
            f"the store has migration(s) {newer} that this eventwire does not know; "
            "upgrade eventwire to open it"
        )
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.number in done:
            continue
        try:
            conn.execute("BEGIN TRANSACTION")
            conn.execute(migration.sql)
            conn.execute(
                "INSERT INTO migrations VALUES (?, ?, ?)",
                [migration.number, migration.name, datetime.now(UTC).isoformat(timespec="seconds")],
            )
            conn.execute("COMMIT")
        except Exception as exc:
            conn.execute("ROLLBACK")
            raise StoreError(
                f"migration {migration.number} ({migration.name}) failed: {exc}; "
                "the store is unchanged, report this with the store's eventwire version"
            ) from exc
        applied.append(migration.number)
    return applied
