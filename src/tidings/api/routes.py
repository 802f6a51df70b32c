"""Read endpoints under ``/api``: documents, events, actors, one actor, network, timeline, export.

In: query parameters (the CLI's filters, ``limit``/``offset``). Out: JSON built by
:mod:`tidings.explore.views`; lists come as ``{"total", "limit", "offset", "items"}``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from tidings.explore import (
    EventFilters,
    Explorer,
    NotFound,
    actor_profile,
    document_view,
    event_view,
    network,
    timeline,
)
from tidings.records import Document

__all__ = ["EventQuery", "Page", "router"]

router = APIRouter(prefix="/api", tags=["read"])

MAX_LIMIT = 1000


def explorer_of(request: Request) -> Explorer:
    return request.app.state.explorer


@dataclass
class Page:
    limit: int
    offset: int

    def of(self, items: list[Any]) -> dict[str, Any]:
        return {"total": len(items), "limit": self.limit, "offset": self.offset,
                "items": items[self.offset:self.offset + self.limit]}


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 100,
    offset: Annotated[int, Query(ge=0, description="Items to skip.")] = 0,
) -> Page:
    return Page(limit, offset)


def event_filters(
    actor: Annotated[str | None, Query(description="Actor in any spelling or script.")] = None,
    actor_id: Annotated[str | None, Query(description="Exactly this actor id, as source or target.")] = None,
    code: Annotated[str | None, Query(description="CAMEO code or prefix (04 = consult).")] = None,
    plover: Annotated[str | None, Query(description="PLOVER type (CONSULT, ACCUSE...).")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="Quad class 1-4.")] = None,
    since: Annotated[str | None, Query(description="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Events on or before YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, Query(description="Only documents from this outlet.")] = None,
    camp: Annotated[str | None, Query(description="Only outlets of this camp, where recorded.")] = None,
    topic: Annotated[str | None, Query(description="Words that must all occur in the event's sentence.")] = None,
    doc: Annotated[str | None, Query(description="Only events of this document id.")] = None,
) -> EventFilters:
    return EventFilters.parse(actor=actor, actor_id=actor_id, code=code, plover=plover, quad=quad, since=since,
                              until=until, outlet=outlet, camp=camp, topic=topic, doc_id=doc)


EventQuery = Annotated[EventFilters, Depends(event_filters)]
PageQuery = Annotated[Page, Depends(page)]
ExplorerDep = Annotated[Explorer, Depends(explorer_of)]


def _document_summary(d: Document) -> dict[str, Any]:
    return {"id": d.id, "title": d.title, "source": d.source, "outlet": d.outlet, "author": d.author,
            "published": d.published.isoformat() if d.published else None, "url": d.url,
            "language": d.language, "carried_by": list(d.carried_by), "camp": getattr(d, "camp", None),
            "chars": len(d.text)}


@router.get("/documents", summary="Documents (metadata), by publication date")
def list_documents(explorer: ExplorerDep, paging: PageQuery,
                   outlet: Annotated[str | None, Query(description="Only this outlet.")] = None) -> dict[str, Any]:
    docs = explorer.store.documents()
    if outlet:
        wanted = outlet.strip().casefold()
        docs = [d for d in docs if (d.outlet or "").strip().casefold() == wanted]
    return paging.of([_document_summary(d) for d in docs])


@router.get("/documents/{ref}", summary="One document: text, sentences, mentions and events with offsets")
def get_document(ref: str, explorer: ExplorerDep) -> dict[str, Any]:
    doc = explorer.store.document(ref)
    if doc is None:
        raise NotFound(f"no document {ref!r}")
    store = explorer.store
    return document_view(doc, store.sentences(doc.id), store.mentions(doc_id=doc.id), store.events(doc_id=doc.id))


@router.get("/events", summary="Events matching the filters, paginated")
def list_events(explorer: ExplorerDep, filters: EventQuery, paging: PageQuery) -> dict[str, Any]:
    events = explorer.events(filters)
    shown = paging.of(events)
    docs = {d.id: d for d in explorer.store.documents()} if shown["items"] else {}
    shown["items"] = [event_view(e, docs) for e in shown["items"]]
    return shown


@router.get("/actors", summary="Stored actors, or those a spelling may mean")
def list_actors(explorer: ExplorerDep, paging: PageQuery,
                q: Annotated[str | None, Query(description="Any spelling or script.")] = None) -> dict[str, Any]:
    stored = {a.id: a for a in explorer.store.actors()}
    if q and q.strip():
        ids = [a.id for a in explorer.kb().search(q.strip())]
        actors = [stored[i] for i in ids if i in stored]
    else:
        actors = list(stored.values())
    items = [{"id": a.id, "name": a.name, "type": a.type, "code": a.code, "country": a.country,
              "learned": a.learned} for a in actors]
    return paging.of(items)


@router.get("/actors/{ref}", summary="One actor: spellings seen, roles over time, events by outlet")
def get_actor(ref: str, explorer: ExplorerDep) -> dict[str, Any]:
    actor = explorer.find_actor(ref)
    store = explorer.store
    docs = {d.id: d for d in store.documents()}
    return actor_profile(actor, store.mentions(actor_id=actor.id), store.events(actor_ids=[actor.id]), docs)


@router.get("/network", summary="Actor network: edges weighted by event count and mean Goldstein")
def get_network(explorer: ExplorerDep, filters: EventQuery,
                by: Annotated[Literal["root", "quad"], Query(description="Edge per CAMEO root or quad class.")]
                = "root") -> dict[str, Any]:
    return network(explorer.events(filters), by=by)


@router.get("/timeline", summary="Events per day or week per PLOVER type or quad class")
def get_timeline(explorer: ExplorerDep, filters: EventQuery,
                 interval: Annotated[Literal["day", "week"], Query()] = "day",
                 by: Annotated[Literal["plover", "quad"], Query()] = "plover") -> dict[str, Any]:
    return timeline(explorer.events(filters), interval=interval, by=by)


@router.get("/export", summary="The matching events as a CSV, JSONL, Parquet or GDELT 2.0 file",
            response_class=Response)
def get_export(explorer: ExplorerDep, filters: EventQuery,
               format: Annotated[Literal["csv", "jsonl", "parquet", "gdelt"], Query()] = "csv") -> Response:
    from tidings.export import MEDIA_TYPES, SUFFIXES, collect, write_events

    buffer = io.BytesIO()
    write_events(collect(explorer, filters), format, buffer)
    name = f"tidings-events{SUFFIXES[format]}"
    return Response(buffer.getvalue(), media_type=MEDIA_TYPES[format],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
