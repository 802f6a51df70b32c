"""The REST API (FastAPI): the store's documents, events, actors, network, timeline and exports over HTTP.

In: a database URL, the write token (``TIDINGS_TOKEN`` or ``token`` in ``./tidings.toml``; none: the
server is read-only) and HTTP requests. Out: JSON (paginated lists, records with character offsets),
export files, Atom watch feeds at ``/feeds/NAME.atom``, the web UI at ``/`` and OpenAPI docs at
``/docs``. ``POST /api/documents`` ingests text, HTML or JSONL through ``tidings.service``, the same
transactional path as ``tidings ingest``. Errors are JSON ``{"error": message}``: 401 for a missing
or wrong token, 403 when the server is read-only, 404 for unknown ids, 422 for bad parameters.
"""

from __future__ import annotations

from tidings.api.app import create_app, token_from_config

__all__ = ["create_app", "token_from_config"]
