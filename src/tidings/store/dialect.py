"""Every SQLite/PostgreSQL difference in one place: URL handling and connection setup.

In: what a user passes as a database (a file path, ``:memory:``, or a SQLAlchemy URL).
Out: an ``Engine`` (SQLite: foreign keys ON, WAL journal, a busy timeout, and ``BEGIN IMMEDIATE``
for a connection marked ``WRITE`` so that a writer takes the lock before it reads and two processes
never deadlock on a lock upgrade; PostgreSQL: the psycopg 3 driver), ``insert_ignore`` (an INSERT
that skips rows whose key is already stored, in either dialect), ``lock_for_schema`` (serialises
table creation between processes) and ``display_url`` for error messages (password hidden).
The JSON/JSONB column variant lives in :mod:`tidings.store.schema`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from tidings.errors import StoreError

__all__ = ["WRITE", "display_url", "insert_ignore", "insert_many_ignore", "lock_for_schema", "make_engine",
           "normalise_url"]

SQLITE_BUSY_TIMEOUT_MS = 60_000
WRITE = "tidings_write"  # execution option: this connection's transactions write
_SCHEMA_LOCK = 7_413_001  # PostgreSQL advisory lock key held while tables are created


def normalise_url(target: str) -> URL:
    """A path becomes a ``sqlite:///`` URL; ``postgres(ql)://`` gets the psycopg 3 driver."""
    if target == ":memory:":
        return make_url("sqlite://")
    if "://" not in target:
        return make_url("sqlite:///" + str(Path(target).expanduser().resolve()))
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise StoreError(f"{target}: not a database URL ({exc})") from exc
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def display_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # the driver's own BEGIN is replaced by _sqlite_begin
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")  # an in-memory database answers "memory": fine
    finally:
        cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


def insert_ignore(conn: Connection, table: Table, row: dict[str, Any]) -> bool:
    """Insert one row unless its primary key is stored already; True when it was inserted."""
    key = list(table.primary_key.columns)[0]
    if conn.dialect.name == "postgresql":
        stmt: Any = pg_insert(table).values(row).on_conflict_do_nothing()
    elif conn.dialect.name == "sqlite":
        stmt = sqlite_insert(table).values(row).on_conflict_do_nothing()
    else:
        stmt = insert(table).values(row)
    # RETURNING, not rowcount: psycopg reports a row count for a skipped single-row insert
    return conn.execute(stmt.returning(key)).first() is not None


def insert_many_ignore(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows, skipping those whose primary key is stored already."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(pg_insert(table).on_conflict_do_nothing(), rows)
    elif conn.dialect.name == "sqlite":
        conn.execute(sqlite_insert(table).on_conflict_do_nothing(), rows)
    else:
        conn.execute(insert(table), rows)


def lock_for_schema(conn: Connection) -> None:
    """Serialise table creation: on PostgreSQL an advisory lock held to the end of the transaction
    (SQLite's ``BEGIN IMMEDIATE`` already does it for a ``WRITE`` connection)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK})")


def make_engine(url: URL) -> Engine:
    """An engine for ``url`` with the per-dialect connection settings applied."""
    backend = url.get_backend_name()
    if backend == "sqlite":
        database = url.database
        if database and database != ":memory:" and not database.startswith("file:"):
            parent = Path(database).parent
            if not parent.is_dir():
                raise StoreError(f"{display_url(url)}: folder {parent} does not exist")
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:  # e.g. psycopg not installed
        raise StoreError(f"{display_url(url)}: database driver missing ({exc.name})") from exc
    except ArgumentError as exc:
        raise StoreError(f"{display_url(url)}: {exc}") from exc
