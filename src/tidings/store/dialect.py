"""Every SQLite/PostgreSQL difference in one place: URL handling and connection setup.

In: what a user passes as a database (a file path, ``:memory:``, or a SQLAlchemy URL).
Out: an ``Engine`` (SQLite: foreign keys ON, WAL journal, a busy timeout; PostgreSQL: the psycopg 3
driver), and ``display_url`` for error messages (password hidden). The JSON/JSONB column variant
lives in :mod:`tidings.store.schema`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from tidings.errors import StoreError

__all__ = ["display_url", "make_engine", "normalise_url"]

SQLITE_BUSY_TIMEOUT_MS = 10_000


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
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")  # an in-memory database answers "memory": fine
    finally:
        cursor.close()


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
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:  # e.g. psycopg not installed
        raise StoreError(f"{display_url(url)}: database driver missing ({exc.name})") from exc
    except ArgumentError as exc:
        raise StoreError(f"{display_url(url)}: {exc}") from exc
