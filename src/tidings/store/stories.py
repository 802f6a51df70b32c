"""Story fusion's SQL: fuse the events not yet in a story, and read stories back.

In: a ``Store``. Out: ``fuse_pending`` puts every stored event that is in no story yet into one (an
existing story its report fits, found through the ``story_keys`` index, or a new one), a chunk per
transaction, and returns how many it placed; ``stories`` lists story events with their reports.
Part of the store (all SQL lives in ``tidings.store``); the matching rules are in
:mod:`tidings.stories.fusion`.

Incremental and stable: only events above the highest fused event id (less a window that catches
events a slower writer committed late) are read, each looks up its candidates by key, so the cost per
new document does not grow with the store; a story keeps the id its first report gave it, and
re-ingesting (no new events) changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, exists, func, insert, or_, select, text, update

from tidings.records import Event
from tidings.store import schema as t
from tidings.store.dialect import insert_ignore, insert_many_ignore
from tidings.store.store import _EVENT_FIELDS, Store
from tidings.stories.fusion import Report, StorySummary, fits, lookup_keys, report_keys, story_id

__all__ = ["StoredReport", "StoryEvent", "fuse_pending", "fuse_reporting", "stories"]

WINDOW = 2000  # event ids below the highest fused one still checked for late commits
CHUNK = 500


@dataclass
class StoredReport:
    event: Event
    outlet: str | None
    camp: str | None
    published: date | None


@dataclass
class StoryEvent:
    id: str
    family: str
    date: date | None
    date_precision: str | None
    location: str | None
    sides: list[str]
    outlets: list[str]
    camps: list[str]
    reports: list[StoredReport] = field(default_factory=list)


def fuse_pending(store: Store, chunk: int = CHUNK) -> int:
    """Place every event that is in no story yet; returns how many were placed."""
    placed = 0
    while True:
        with store._write() as conn:
            reports = _pending(conn, chunk)
            for report in reports:
                _place(conn, report)
        placed += len(reports)
        if len(reports) < chunk:
            return placed


def _pending(conn: Connection, limit: int) -> list[Report]:
    e, d, r = t.events, t.documents, t.story_reports
    if conn.dialect.name == "postgresql":  # one fuser at a time (SQLite's BEGIN IMMEDIATE already queues)
        conn.execute(text("SELECT pg_advisory_xact_lock(7301)"))
    high = conn.scalar(select(func.max(r.c.event_id)))
    query = (select(e, d.c.outlet, d.c.camp, d.c.published).join(d, d.c.id == e.c.doc_id)
             .where(~exists().where(r.c.event_id == e.c.id)))
    if high is not None:
        query = query.where(e.c.id > high - WINDOW)
    rows = conn.execute(query.order_by(e.c.id).limit(limit)).all()
    ids = {i for row in rows for i in (row.source_id, row.target_id) if i}
    a = t.actors
    found = conn.execute(select(a.c.id, a.c.type, a.c.country).where(a.c.id.in_(ids))).all() if ids else []
    kinds = {i: kind for i, kind, _ in found if kind != "state"}
    countries = {i: country for i, _, country in found if country}
    return [_report(row, kinds, countries) for row in rows]


def _report(row: Any, kinds: dict[str, str], countries: dict[str, str]) -> Report:
    when, precision = row.date, row.date_precision
    if when is None and row.published is not None:
        when, precision = row.published, "day"  # an undated report happened about when it was published
    # a target the coder guessed from context (confidence below 1) is no evidence that two reports tell
    # the same act: the report is fused as one whose target is not told
    told = row.confidence >= 1.0
    target_id, target_name = (row.target_id, row.target_name) if told else (None, None)
    target_code = row.target_code or countries.get(row.target_id) if told else None
    roles = {role: (f"{kinds[i]}:{i}",) for role, i in (("source", row.source_id), ("target", target_id))
             if i in kinds}
    return Report(
        event_id=row.id, doc_id=row.doc_id, sentence=row.sentence, evidence_start=row.evidence_start,
        cameo=row.cameo, source_id=row.source_id, source_name=row.source_name,
        # an actor with no code on the day (a role whose dates are unknown) still has its country
        source_code=row.source_code or countries.get(row.source_id), target_id=target_id,
        target_name=target_name, target_code=target_code, date=when,
        date_precision=precision, location=row.location,
        fusable=bool(row.core) and not row.negated and not row.hypothetical, symmetric=bool(row.symmetric),
        date_origin=row.date_origin if row.date is not None else "published",
        people=roles, outlet=row.outlet, camp=row.camp,
    )


def _place(conn: Connection, report: Report) -> None:
    story = _best(conn, report)
    if story is None:
        new = story_id(report)
        created = insert_ignore(conn, t.stories, {
            "id": new, "family": report.family, "date": report.date, "date_precision": report.date_precision,
            "date_origin": report.date_origin, "location": report.location, "sides": list(report.sides or ("", "")),
            "people": {k: list(v) for k, v in report.named().items()}, "reports": 1,
            "outlets": [report.outlet] if report.outlet else [], "camps": [report.camp] if report.camp else []})
        if not created:  # the same content again (a copy of an event): it joins the story it made
            _join(conn, new, report)
            return
        conn.execute(insert(t.story_reports).values(event_id=report.event_id, story_id=new, doc_id=report.doc_id))
        insert_many_ignore(conn, t.story_keys, [{"key": k, "story_id": new} for k in report_keys(report)])
        return
    _join(conn, story.id, report)


def _best(conn: Connection, report: Report) -> StorySummary | None:
    keys = lookup_keys(report)
    if not keys:
        return None
    ids = sorted(set(conn.scalars(select(t.story_keys.c.story_id).where(t.story_keys.c.key.in_(keys)))))
    if not ids:
        return None
    s = t.stories
    candidates = [StorySummary(row.id, row.family, row.date, row.date_precision, row.location,
                               tuple(row.sides), dict(row.people or {}), row.reports, row.date_origin)
                  for row in conn.execute(select(s).where(s.c.id.in_(ids)))]
    fitting = [c for c in candidates if fits(c, report, _same_country(c.location, report.location))]
    if not fitting:
        return None
    return min(fitting, key=lambda c: (abs((c.date - report.date).days) if c.date and report.date else 99,
                                       -c.reports, c.id))


def _same_country(a: str | None, b: str | None) -> bool:
    from tidings.events.places import place_country

    ca, cb = place_country(a), place_country(b)
    return ca is not None and ca == cb


def _join(conn: Connection, sid: str, report: Report) -> None:
    s = t.stories
    row = conn.execute(select(s).where(s.c.id == sid)).first()
    assert row is not None
    outlets, camps = list(row.outlets or []), list(row.camps or [])
    if report.outlet and report.outlet not in outlets:
        outlets.append(report.outlet)
    if report.camp and report.camp not in camps:
        camps.append(report.camp)
    people = {k: list(v) for k, v in (row.people or {}).items()}
    for role, ids in report.named().items():
        people[role] = sorted(set(people.get(role, [])) | set(ids))
    values = {"reports": row.reports + 1, "outlets": outlets, "camps": camps, "people": people}
    if list(row.sides or []) == ["", ""] and report.sides is not None:
        values["sides"] = list(report.sides)  # a story begun by a report that knew one side learns both
    if report.date_origin == "text" and row.date_origin != "text" and report.date_precision in (None, "day"):
        # a day the words give outranks a day taken from publication: later reports are held to it
        values.update(date=report.date, date_precision=report.date_precision, date_origin="text")
    conn.execute(update(s).where(s.c.id == sid).values(**values))
    conn.execute(insert(t.story_reports).values(event_id=report.event_id, story_id=sid, doc_id=report.doc_id))
    insert_many_ignore(conn, t.story_keys, [{"key": k, "story_id": sid} for k in report_keys(report)])


# -- reading ---------------------------------------------------------------------------------------


def stories(
    store: Store,
    *,
    actor_ids: Sequence[str] | None = None,
    code: str | None = None,
    since: date | None = None,
    until: date | None = None,
    camps: Sequence[str] | None = None,
    min_reports: int = 1,
    story_ids: Sequence[str] | None = None,
) -> list[StoryEvent]:
    """Story events matching every filter, by date, each with all its reports (event, outlet, camp).

    ``actor_ids``: a report's source or target among them. ``code``: a report's CAMEO code starts with
    it. ``camps``: some report comes from one of them. ``min_reports``: at least that many reports.
    """
    s, r, e, d = t.stories, t.story_reports, t.events, t.documents
    conds = [s.c.reports >= min_reports]
    if since is not None:
        conds.append(s.c.date >= since)
    if until is not None:
        conds.append(s.c.date <= until)
    if story_ids is not None:
        conds.append(s.c.id.in_(list(story_ids)))
    report_conds = []
    if actor_ids is not None:
        report_conds.append(or_(e.c.source_id.in_(list(actor_ids)), e.c.target_id.in_(list(actor_ids))))
    if code:
        report_conds.append(e.c.cameo.startswith(code, autoescape=True))
    if camps:
        report_conds.append(d.c.camp.in_(list(camps)))
    if report_conds:
        wanted = select(r.c.story_id).join(e, e.c.id == r.c.event_id).join(d, d.c.id == e.c.doc_id) \
            .where(and_(*report_conds))
        conds.append(s.c.id.in_(wanted))
    with store._read() as conn:
        rows = conn.execute(select(s).where(and_(*conds)).order_by(s.c.date.asc().nulls_last(), s.c.id)).all()
        found = {row.id: StoryEvent(row.id, row.family, row.date, row.date_precision, row.location,
                                    list(row.sides), list(row.outlets or []), list(row.camps or []))
                 for row in rows}
        ids = list(found)
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            query = (select(r.c.story_id, e, d.c.outlet, d.c.camp, d.c.published)
                     .join(e, e.c.id == r.c.event_id).join(d, d.c.id == e.c.doc_id)
                     .where(r.c.story_id.in_(part)).order_by(r.c.story_id, e.c.id))
            for row in conn.execute(query):
                event = Event(**{n: row._mapping[n] for n in _EVENT_FIELDS})
                found[row.story_id].reports.append(StoredReport(event, row.outlet, row.camp, row.published))
    return list(found.values())


def fuse_reporting(store: Store) -> list[str]:
    """``fuse_pending`` for the ingest core: a failure is a one-line problem to report, not a stop
    (the events stay stored and the next run places them)."""
    from tidings.errors import StoreError

    try:
        fuse_pending(store)
    except StoreError as exc:
        return [f"story fusion deferred to the next run ({str(exc).splitlines()[0]})"]
    return []
