"""Claim and camp queries: claims (and events) with their document's outlet and camp, filtered in SQL.

In: a ``Store`` and filters (speaker or target actor ids, topic, camp, stance, dates). Out:
``StoredClaim`` rows (the ``Claim`` plus outlet, camp, published, source), by date then document and
position; ``CampEvent`` rows (an ``Event`` plus its document's outlet and camp), for the comparison.
Part of the store (all SQL lives in ``tidings.store``), kept apart from ``store.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_, select

from tidings.records import Claim, Event
from tidings.store import schema as t
from tidings.store.store import _CLAIM_FIELDS, _EVENT_FIELDS, Store

__all__ = ["CampEvent", "StoredClaim", "claims", "events_with_camp"]


@dataclass
class StoredClaim:
    claim: Claim
    outlet: str | None
    camp: str | None
    published: date | None
    source: str


def claims(
    store: Store,
    *,
    actor_ids: Sequence[str] | None = None,
    topic: str | None = None,
    camps: Sequence[str] | None = None,
    stance: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[StoredClaim]:
    """Claims matching every filter given. ``actor_ids``: the speaker or the target among them.
    ``camps``: the document's camp among them ("unclassified" also finds documents with none)."""
    c, d = t.claims, t.documents
    query = select(c, d.c.outlet, d.c.camp, d.c.published, d.c.source).join(d, d.c.id == c.c.doc_id)
    conds = []
    if actor_ids is not None:
        ids = list(actor_ids)
        conds.append(or_(c.c.speaker_id.in_(ids), c.c.target_id.in_(ids)))
    if topic:
        conds.append(c.c.topic == topic)
    if stance:
        conds.append(c.c.stance == stance)
    if camps:
        wanted = list(camps)
        camp_cond = d.c.camp.in_(wanted)
        conds.append(or_(camp_cond, d.c.camp.is_(None)) if "unclassified" in wanted else camp_cond)
    if since is not None:
        conds.append(d.c.published >= since)
    if until is not None:
        conds.append(d.c.published <= until)
    if conds:
        query = query.where(and_(*conds))
    query = query.order_by(d.c.published.asc().nulls_last(), c.c.doc_id, c.c.id)
    with store._read() as conn:
        rows = conn.execute(query).all()
    return [StoredClaim(Claim(**{n: r._mapping[n] for n in _CLAIM_FIELDS}), r.outlet, r.camp, r.published, r.source)
            for r in rows]


@dataclass
class CampEvent:
    event: Event
    outlet: str | None
    camp: str | None


def events_with_camp(
    store: Store,
    *,
    actor_ids: Sequence[str] | None = None,
    since: date | None = None,
    until: date | None = None,
    sentences: Sequence[tuple[str, int]] | None = None,
) -> list[CampEvent]:
    """Events with their document's outlet and camp. ``actor_ids``: source or target among them;
    ``since``/``until``: the event's date, else its document's publication date; ``sentences``: only
    events of these (document, sentence) pairs."""
    e, d = t.events, t.documents
    query = select(e, d.c.outlet, d.c.camp).join(d, d.c.id == e.c.doc_id)
    conds = []
    if actor_ids is not None:
        conds.append(or_(e.c.source_id.in_(list(actor_ids)), e.c.target_id.in_(list(actor_ids))))
    when = func.coalesce(e.c.date, d.c.published)
    if since is not None:
        conds.append(when >= since)
    if until is not None:
        conds.append(when <= until)
    if sentences is not None:
        docs = sorted({doc for doc, _ in sentences})
        if not docs:
            return []
        conds.append(e.c.doc_id.in_(docs))
    if conds:
        query = query.where(and_(*conds))
    with store._read() as conn:
        rows = conn.execute(query.order_by(e.c.id)).all()
    wanted = set(sentences) if sentences is not None else None
    out = []
    for r in rows:
        if wanted is not None and (r.doc_id, r.sentence) not in wanted:
            continue
        out.append(CampEvent(Event(**{n: r._mapping[n] for n in _EVENT_FIELDS}), r.outlet, r.camp))
    return out
