"""``GET /api/compare``: each camp's version of an actor's or a topic's news, side by side.

In: ``actor`` (any spelling or script) or ``topic`` (an id of ``data/topics.yaml``), ``since``,
``until``, ``camps`` (comma-separated). Out: the JSON of ``tidings compare --format json``, built by
:func:`tidings.compare.compare` over the app's store.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["read"])


@router.get("/compare", summary="Per camp: events by type, claims by topic and stance, stories told differently")
def get_compare(
    request: Request,
    actor: Annotated[str | None, Query(description="An actor in any spelling or script.")] = None,
    topic: Annotated[str | None, Query(description="A topic id (data/topics.yaml).")] = None,
    since: Annotated[date | None, Query()] = None,
    until: Annotated[date | None, Query()] = None,
    camps: Annotated[str | None, Query(description="Camps to set side by side, comma-separated.")] = None,
) -> dict[str, Any]:
    from tidings.claims.topics import TopicBook
    from tidings.compare import compare, subject_ids
    from tidings.ingest.outlets import UNCLASSIFIED, OutletBook

    if (actor is None) == (topic is None):
        raise HTTPException(422, "give actor or topic (one of them)")
    if topic is not None and TopicBook.load().get(topic) is None:
        raise HTTPException(422, f"no topic {topic!r}")
    wanted = [c.strip() for c in camps.split(",") if c.strip()] if camps else None
    known = set(OutletBook.load().camps) | {UNCLASSIFIED}
    if wanted and any(c not in known for c in wanted):
        raise HTTPException(422, f"unknown camp in {camps!r} (known: {', '.join(sorted(known))})")
    explorer = request.app.state.explorer
    actor_ids = None
    if actor is not None:
        actor_ids = subject_ids(explorer.store, explorer.actor_ids(actor))  # NotFound: 404
    result = compare(explorer.store, actor_ids=actor_ids, topic=topic, subject=actor or topic or "",
                     since=since, until=until, camps=wanted)
    return result.to_dict()
