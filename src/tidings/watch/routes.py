"""HTTP faces of the watches: ``/feeds/NAME.atom`` and ``/api/watches``.

In: a watch name (feeds) or the request. Out: the Atom document (``application/atom+xml``), the list of
watches as JSON, or a JSON 404 for an unknown watch.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from tidings.explore import NotFound
from tidings.watch.feed import atom_feed, load_watch, watch_summary

__all__ = ["feeds"]

feeds = APIRouter(tags=["watch"])


@feeds.get("/feeds/{name}.atom", summary="A watch's Atom feed of its newest matching events",
           response_class=Response)
def get_feed(name: str, request: Request) -> Response:
    explorer = request.app.state.explorer
    watch = load_watch(explorer.store, name)
    if watch is None:
        raise NotFound(f"no watch {name!r} (`tidings watch add {name} ...` makes one)")
    base = str(request.base_url).rstrip("/")
    return Response(atom_feed(explorer, watch, base), media_type="application/atom+xml; charset=utf-8")


@feeds.get("/api/watches", summary="Saved watches and their feeds")
def list_watches(request: Request) -> list[dict[str, Any]]:
    store = request.app.state.explorer.store
    return [watch_summary(w) for w in (load_watch(store, r["name"]) for r in store.watches()) if w is not None]
