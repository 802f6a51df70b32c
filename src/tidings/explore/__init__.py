"""Read-side views over the store, shared by the CLI exports, the REST API, watch feeds and the web UI.

In: a ``Store`` and ``EventFilters`` (actor in any spelling or script, CAMEO prefix, PLOVER type, quad
class, since/until, outlet, document, topic words). Out: the matching ``Event`` records in the store's
order, each with a stable ``event_key``; and plain JSON-ready views built from them: an actor network,
a timeline, an actor profile and a document with its sentences, mentions and events.
"""

from __future__ import annotations

from tidings.explore.filters import EventFilters, Explorer, FilterError, NotFound, event_key
from tidings.explore.views import actor_profile, document_view, event_view, network, timeline

__all__ = [
    "EventFilters",
    "Explorer",
    "FilterError",
    "NotFound",
    "actor_profile",
    "document_view",
    "event_key",
    "event_view",
    "network",
    "timeline",
]
