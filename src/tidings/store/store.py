"""The ``Store``: records in, records out, all SQL behind it.

In: ``DocResult`` batches from the pipeline (``save``, with each new document's near-duplicate band
keys and the outlets to add to stored documents' carriers), outlet names for near-duplicates
(``add_carrier``) and query filters. Out: the same dataclasses (``Document``, ``Sentence``,
``Mention``, ``Actor``, ``Event``, ``Claim``), equal to what was saved, row counts, and the look-ups
the streaming ingest needs (``known_ids``, ``band_candidates``, ``texts``, ``learned_actors``).

Rules:
- ``Store(url)`` creates the tables when they are missing, safely when two processes do it at once;
  ``Store(url, create=False)`` (the read commands) never creates a database: a SQLite file that does
  not exist is a ``StoreError``.
- ``save`` runs one transaction per batch: all of it is written or none (any failure rolls back and
  raises ``StoreError``), carriers included. A document whose id is already stored (or seen earlier
  in the batch, or stored meanwhile by another process) is skipped with its sentences, mentions,
  events and claims; ``save`` returns the number of new documents.
- Actors of every result in the batch are upserted before the rows that reference them: a new id
  is inserted (an id another process inserted meanwhile is kept); a stored actor that differs is
  replaced (row and roles), except that a *learned* actor never replaces a stored base-KB
  (non-learned) one. Within one batch the last copy of an actor wins.
- Concurrency: SQLite runs in WAL mode with a busy timeout, and a write transaction starts with
  ``BEGIN IMMEDIATE``, so writers queue instead of failing; PostgreSQL relies on row locks and
  ``ON CONFLICT DO NOTHING``.
- List order is kept: mentions, events and claims come back in the order they were saved
  (``events()`` sorts as documented there).
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, and_, delete, func, insert, inspect, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from tidings.errors import StoreError
from tidings.records import Actor, Claim, DocResult, Document, Event, Mention, Role, Sentence
from tidings.store import schema as t
from tidings.store.dialect import (
    WRITE,
    display_url,
    insert_ignore,
    insert_many_ignore,
    lock_for_schema,
    make_engine,
    normalise_url,
)
from tidings.store.migrate import add_missing_columns

__all__ = ["Store"]

R = TypeVar("R")

_HEX = re.compile(r"^[0-9a-fA-F]+$")
MIN_PREFIX = 6


def _field_names(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]


_DOC_FIELDS = _field_names(Document)
_SENTENCE_FIELDS = _field_names(Sentence)
_MENTION_FIELDS = _field_names(Mention)
_EVENT_FIELDS = _field_names(Event)
_CLAIM_FIELDS = _field_names(Claim)
_ROLE_FIELDS = _field_names(Role)
_ACTOR_FIELDS = [n for n in _field_names(Actor) if n != "roles"]


def _shallow(obj: Any, names: list[str]) -> dict[str, Any]:
    return {n: getattr(obj, n) for n in names}


def _record(cls: type[R], row: Row[Any], names: list[str]) -> R:
    m = row._mapping
    return cls(**{n: m[n] for n in names})


# -- Document <-> row (the only record with a non-trivial mapping) ---------------------------------


def _document_row(doc: Document) -> dict[str, Any]:
    row = _shallow(doc, _DOC_FIELDS)
    row["boilerplate"] = list(doc.boilerplate)
    row["carried_by"] = list(doc.carried_by)
    at = doc.distributed_at
    row["distributed_at_offset"] = None
    if at is not None and at.utcoffset() is not None:
        offset = at.utcoffset()
        assert offset is not None
        row["distributed_at"] = at.astimezone(UTC).replace(tzinfo=None)
        row["distributed_at_offset"] = int(offset.total_seconds())
    return row


def _document(row: Row[Any]) -> Document:
    m = row._mapping
    values = {n: m[n] for n in _DOC_FIELDS}
    values["boilerplate"] = list(m["boilerplate"] or [])
    values["carried_by"] = list(m["carried_by"] or [])
    at: datetime | None = m["distributed_at"]
    offset = m["distributed_at_offset"]
    if at is not None:
        at = at.replace(tzinfo=None)
        if offset is not None:
            tz = timezone(timedelta(seconds=offset))
            at = (at + timedelta(seconds=offset)).replace(tzinfo=tz)
    values["distributed_at"] = at
    return Document(**values)


def _basename(source: str) -> str:
    return re.split(r"[/\\]", source.rstrip("/\\"))[-1]


class Store:
    """A database of coded documents: SQLite file by default, any SQLAlchemy URL otherwise."""

    def __init__(self, url: str = "tidings.db", create: bool = True) -> None:
        self.url = normalise_url(str(url))
        database = self.url.database
        if (not create and self.url.get_backend_name() == "sqlite" and database and database != ":memory:"
                and not database.startswith("file:") and not Path(database).is_file()):
            raise StoreError(f"{display_url(self.url)}: no such database (`tidings ingest` creates one)")
        self.engine = make_engine(self.url)
        if create:
            self._create_tables()

    def _create_tables(self, attempts: int = 6) -> None:
        """Create missing tables; another process creating them at the same moment is no error."""
        for attempt in range(attempts):
            try:
                with self.engine.connect() as conn:
                    conn.execution_options(**{WRITE: True})
                    with conn.begin():
                        lock_for_schema(conn)
                        t.metadata.create_all(conn)
                        add_missing_columns(conn, t.metadata)  # a database made by an older tidings
                return
            except SQLAlchemyError as exc:
                text = str(exc).lower()
                raced = any(w in text for w in ("already exists", "locked", "busy", "duplicate key"))
                if not raced or attempt == attempts - 1:
                    self.engine.dispose()
                    raise StoreError(f"{display_url(self.url)}: cannot open database: {exc}") from exc
                time.sleep(0.1 * (attempt + 1))

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- plumbing ----------------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{WRITE: True})
                with conn.begin():
                    yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"{display_url(self.url)}: write failed, nothing saved: {exc}") from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"{display_url(self.url)}: read failed: {exc}") from exc

    # -- writing -----------------------------------------------------------------------------------

    def save(
        self,
        results: Iterable[DocResult],
        bands: Mapping[str, Sequence[int]] | None = None,
        carriers: Mapping[str, Sequence[str]] | None = None,
    ) -> int:
        """Write a batch in one transaction; returns the number of new documents.

        ``bands``: near-duplicate band keys by document id, stored with each new document.
        ``carriers``: outlets to add to already stored documents (by id), in the same transaction.
        """
        batch = list(results)
        if not batch and not carriers:
            return 0
        with self._write() as conn:
            actors: dict[str, Actor] = {}
            for result in batch:
                for actor in result.actors:
                    actors[actor.id] = actor
            self._upsert_actors(conn, [actors[i] for i in sorted(actors)])
            new = 0
            seen: set[str] = set()
            for result in batch:
                doc_id = result.document.id
                if doc_id in seen:
                    continue
                seen.add(doc_id)
                if self._insert_result(conn, result):
                    new += 1
                    keys = sorted(set((bands or {}).get(doc_id, ())))
                    insert_many_ignore(conn, t.doc_bands, [{"key": k, "doc_id": doc_id} for k in keys])
            for doc_id, outlets in sorted((carriers or {}).items()):
                self._add_carriers(conn, doc_id, outlets)
            return new

    def _upsert_actors(self, conn: Connection, actors: list[Actor]) -> None:
        if not actors:
            return
        existing: dict[str, Actor] = {}
        for chunk in _chunks([a.id for a in actors], 500):
            existing.update({a.id: a for a in self._load_actors(conn, chunk)})
        for actor in actors:
            old = existing.get(actor.id)
            if old is not None and (old == actor or (actor.learned and not old.learned)):
                continue
            row = _shallow(actor, _ACTOR_FIELDS)
            row["native"] = dict(actor.native)
            row["aliases"] = list(actor.aliases)
            if old is None:
                if not insert_ignore(conn, t.actors, row):
                    continue  # another process stored this actor meanwhile: its copy stands
            else:
                conn.execute(update(t.actors).where(t.actors.c.id == actor.id).values(row))
                conn.execute(delete(t.actor_roles).where(t.actor_roles.c.actor_id == actor.id))
            if actor.roles:
                conn.execute(
                    insert(t.actor_roles),
                    [
                        {"actor_id": actor.id, "position": i, **_shallow(role, _ROLE_FIELDS)}
                        for i, role in enumerate(actor.roles)
                    ],
                )

    def _insert_result(self, conn: Connection, result: DocResult) -> bool:
        """Insert a document and its rows; False (nothing written) when its id is stored already."""
        if not insert_ignore(conn, t.documents, _document_row(result.document)):
            return False
        doc_id = result.document.id
        for table, rows, names in (
            (t.sentences, result.sentences, _SENTENCE_FIELDS),
            (t.mentions, result.mentions, _MENTION_FIELDS),
            (t.events, result.events, _EVENT_FIELDS),
            (t.claims, result.claims, _CLAIM_FIELDS),
        ):
            if not rows:
                continue
            values = [_shallow(r, names) for r in rows]
            for v in values:
                if v["doc_id"] != doc_id:
                    raise StoreError(
                        f"{display_url(self.url)}: a {table.name[:-1]} of document {doc_id[:12]} "
                        f"names document {str(v['doc_id'])[:12]}; nothing saved"
                    )
            conn.execute(insert(table), values)
        return True

    def _add_carriers(self, conn: Connection, doc_id: str, outlets: Sequence[str]) -> None:
        current = conn.execute(
            select(t.documents.c.carried_by).where(t.documents.c.id == doc_id).with_for_update()
        ).first()
        if current is None:
            raise StoreError(f"{display_url(self.url)}: no document {doc_id}")
        carried = list(current[0] or [])
        added = False
        for outlet in outlets:
            if outlet and not any(o.casefold() == outlet.casefold() for o in carried):
                carried.append(outlet)
                added = True
        if added:
            conn.execute(update(t.documents).where(t.documents.c.id == doc_id).values(carried_by=carried))

    def add_carrier(self, doc_id: str, outlet: str) -> None:
        """Record that ``outlet`` also carried the stored document ``doc_id`` (no duplicates)."""
        with self._write() as conn:
            self._add_carriers(conn, doc_id, [outlet])

    def add_bands(self, bands: Mapping[str, Sequence[int]]) -> None:
        """Store near-duplicate band keys of documents already stored (an older store's index)."""
        with self._write() as conn:
            rows = [{"key": k, "doc_id": d} for d, keys in bands.items() for k in sorted(set(keys))]
            insert_many_ignore(conn, t.doc_bands, rows)

    # -- look-ups for the streaming ingest -----------------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored documents."""
        found: set[str] = set()
        with self._read() as conn:
            for chunk in _chunks(sorted(set(ids)), 500):
                found.update(conn.scalars(select(t.documents.c.id).where(t.documents.c.id.in_(chunk))))
        return found

    def band_candidates(self, keys: Iterable[int]) -> dict[int, list[str]]:
        """Stored documents by band key, for the keys given (an index look-up, no text loaded)."""
        found: dict[int, list[str]] = {}
        b = t.doc_bands
        with self._read() as conn:
            for chunk in _chunks(sorted(set(keys)), 500):
                for key, doc_id in conn.execute(select(b.c.key, b.c.doc_id).where(b.c.key.in_(chunk))):
                    found.setdefault(key, []).append(doc_id)
        return found

    def texts(self, ids: Iterable[str]) -> dict[str, str]:
        """The texts of the stored documents among ``ids`` (to confirm a near-duplicate candidate)."""
        d = t.documents
        found: dict[str, str] = {}
        with self._read() as conn:
            for chunk in _chunks(sorted(set(ids)), 200):
                found.update({i: text for i, text in conn.execute(select(d.c.id, d.c.text).where(d.c.id.in_(chunk)))})
        return found

    def unindexed_documents(self, limit: int = 200) -> list[tuple[str, str]]:
        """(id, text) of up to ``limit`` stored documents with no band keys (stored by an older tidings)."""
        d, b = t.documents, t.doc_bands
        query = select(d.c.id, d.c.text).where(~select(b.c.key).where(b.c.doc_id == d.c.id).exists())
        with self._read() as conn:
            return [(i, text) for i, text in conn.execute(query.order_by(d.c.id).limit(limit))]

    def learned_actors(self) -> list[Actor]:
        """The actors tidings learned from text, by id, with their roles."""
        with self._read() as conn:
            ids = list(conn.scalars(select(t.actors.c.id).where(t.actors.c.learned.is_(True)).order_by(t.actors.c.id)))
            out: list[Actor] = []
            for chunk in _chunks(ids, 500):
                out.extend(self._load_actors(conn, chunk))
        return out

    # -- reading -----------------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self._read() as conn:
            return conn.scalar(select(t.documents.c.id).where(t.documents.c.id == doc_id)) is not None

    def document(self, ref: str) -> Document | None:
        """By id, by source path or file name, or by an id prefix of at least 6 hex digits.

        Raises ``StoreError`` when a prefix or a file name fits more than one document.
        """
        ref = ref.strip()
        if not ref:
            return None
        d = t.documents
        with self._read() as conn:
            row = conn.execute(select(d).where(d.c.id == ref)).first()
            if row is not None:
                return _document(row)
            rows = conn.execute(
                select(d).where(or_(d.c.source == ref, d.c.source.endswith(ref, autoescape=True)))
            ).all()
            rows = [r for r in rows if r.source == ref or _basename(r.source) == _basename(ref)]
            if len(rows) == 1:
                return _document(rows[0])
            if len(rows) > 1:
                raise StoreError(f"{ref}: {len(rows)} documents have this source; give an id")
            if len(ref) >= MIN_PREFIX and _HEX.match(ref):
                rows = conn.execute(
                    select(d).where(d.c.id.startswith(ref.lower(), autoescape=True)).limit(2)
                ).all()
                if len(rows) == 1:
                    return _document(rows[0])
                if len(rows) > 1:
                    raise StoreError(f"{ref}: id prefix fits more than one document; give more digits")
        return None

    def documents(self) -> list[Document]:
        """All documents, by publication date (undated last), then source."""
        d = t.documents
        with self._read() as conn:
            rows = conn.execute(
                select(d).order_by(d.c.published.asc().nulls_last(), d.c.source, d.c.id)
            ).all()
        return [_document(r) for r in rows]

    def sentences(self, doc_id: str) -> list[Sentence]:
        s = t.sentences
        with self._read() as conn:
            rows = conn.execute(select(s).where(s.c.doc_id == doc_id).order_by(s.c.index)).all()
        return [_record(Sentence, r, _SENTENCE_FIELDS) for r in rows]

    def mentions(self, doc_id: str | None = None, actor_id: str | None = None) -> list[Mention]:
        """Mentions in saved order, optionally of one document and/or one actor."""
        m = t.mentions
        query = select(m).order_by(m.c.id)
        if doc_id is not None:
            query = query.where(m.c.doc_id == doc_id)
        if actor_id is not None:
            query = query.where(m.c.actor_id == actor_id)
        with self._read() as conn:
            rows = conn.execute(query).all()
        return [_record(Mention, r, _MENTION_FIELDS) for r in rows]

    def events(
        self,
        *,
        actor_ids: Sequence[str] | None = None,
        code: str | None = None,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        doc_id: str | None = None,
    ) -> list[Event]:
        """Events matching every filter given, ordered by date (undated last), document, sentence,
        evidence start, then saved order.

        ``actor_ids``: source or target among them. ``code``: CAMEO prefix ("04" gives 040, 042, ...).
        ``since``/``until``: inclusive bounds on the event date (undated events are left out when
        either is given). ``outlet``: the document's outlet, case-insensitively (Unicode casefold).
        """
        e = t.events
        query = select(e)
        conds = []
        if actor_ids is not None:
            ids = list(actor_ids)
            conds.append(or_(e.c.source_id.in_(ids), e.c.target_id.in_(ids)))
        if code:
            conds.append(e.c.cameo.startswith(code, autoescape=True))
        if since is not None:
            conds.append(e.c.date >= since)
        if until is not None:
            conds.append(e.c.date <= until)
        if doc_id is not None:
            conds.append(e.c.doc_id == doc_id)
        with self._read() as conn:
            if outlet is not None:
                wanted = outlet.strip().casefold()
                names = [
                    o
                    for o in conn.scalars(select(t.documents.c.outlet).distinct())
                    if o is not None and o.strip().casefold() == wanted
                ]
                doc_ids = select(t.documents.c.id).where(t.documents.c.outlet.in_(names))
                conds.append(e.c.doc_id.in_(doc_ids))
            if conds:
                query = query.where(and_(*conds))
            query = query.order_by(
                e.c.date.asc().nulls_last(), e.c.doc_id, e.c.sentence, e.c.evidence_start, e.c.id
            )
            rows = conn.execute(query).all()
        return [_record(Event, r, _EVENT_FIELDS) for r in rows]

    def claims(self, doc_id: str | None = None) -> list[Claim]:
        """Claims in saved order, optionally of one document."""
        c = t.claims
        query = select(c).order_by(c.c.id)
        if doc_id is not None:
            query = query.where(c.c.doc_id == doc_id)
        with self._read() as conn:
            rows = conn.execute(query).all()
        return [_record(Claim, r, _CLAIM_FIELDS) for r in rows]

    def _load_actors(self, conn: Connection, ids: Sequence[str] | None = None) -> list[Actor]:
        a, r = t.actors, t.actor_roles
        query = select(a).order_by(a.c.id)
        roles_query = select(r).order_by(r.c.actor_id, r.c.position)
        if ids is not None:
            query = query.where(a.c.id.in_(list(ids)))
            roles_query = roles_query.where(r.c.actor_id.in_(list(ids)))
        roles: dict[str, list[Role]] = {}
        for row in conn.execute(roles_query):
            roles.setdefault(row.actor_id, []).append(_record(Role, row, _ROLE_FIELDS))
        out = []
        for row in conn.execute(query):
            actor = _record(Actor, row, _ACTOR_FIELDS)
            actor.native = dict(actor.native or {})
            actor.aliases = list(actor.aliases or [])
            actor.roles = roles.get(actor.id, [])
            out.append(actor)
        return out

    def actors(self) -> list[Actor]:
        """All actors, by id, with their roles."""
        with self._read() as conn:
            return self._load_actors(conn)

    def actor(self, actor_id: str) -> Actor | None:
        with self._read() as conn:
            found = self._load_actors(conn, [actor_id])
        return found[0] if found else None

    def counts(self) -> dict[str, int]:
        """Rows per table: documents, sentences, mentions, actors, events, claims."""
        tables = {
            "documents": t.documents,
            "sentences": t.sentences,
            "mentions": t.mentions,
            "actors": t.actors,
            "events": t.events,
            "claims": t.claims,
        }
        with self._read() as conn:
            return {
                name: int(conn.scalar(select(func.count()).select_from(table)) or 0)
                for name, table in tables.items()
            }

    # -- watches (saved searches, see tidings.watch) -------------------------------------------------

    def save_watch(self, name: str, filters: Mapping[str, Any], created: datetime) -> None:
        """Store a watch, replacing one of the same name."""
        with self._write() as conn:
            conn.execute(delete(t.watches).where(t.watches.c.name == name))
            conn.execute(insert(t.watches).values(name=name, filters=dict(filters), created=created))

    def watches(self) -> list[dict[str, Any]]:
        """Saved watches by name, as ``{"name", "filters", "created"}`` (none in an older database)."""
        w = t.watches
        with self._read() as conn:
            if not inspect(conn).has_table(w.name):
                return []
            return [dict(r._mapping) for r in conn.execute(select(w).order_by(w.c.name))]

    def close(self) -> None:
        self.engine.dispose()


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
