"""``POST /api/documents``: ingest a text, an HTML page or JSONL lines through the library's ingest core.

In: the request body (``format`` from the query or the Content-Type), an optional ``name`` (the
document's source becomes ``api:NAME``) and ``published`` date, and ``Authorization: Bearer TOKEN``.
Out: the ingest totals and the ids stored, or a JSON error. The token is checked before the body is
read, so a missing or wrong token (401) stores nothing; a server with no token is read-only (403).
The body is read by the same readers as ``tidings ingest`` and stored by ``tidings.service``, one
transaction per batch.
"""

from __future__ import annotations

import dataclasses
import hmac
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from tidings.errors import IngestError
from tidings.explore import FilterError

__all__ = ["writes"]

writes = APIRouter(prefix="/api", tags=["write"])

MAX_BODY_BYTES = 64 * 1024 * 1024  # the readers' own file limit
_SUFFIX = {"text": ".txt", "html": ".html", "jsonl": ".jsonl"}
_MEDIA = {"text/plain": "text", "text/html": "html", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
          "application/json-lines": "jsonl", "application/jsonlines": "jsonl"}
_NAME = re.compile(r"^[\w.\-]{1,100}$")


def check_token(request: Request, authorization: str | None) -> None:
    """401 unless the request bears the server's token; 403 when the server has none."""
    token: str | None = request.app.state.token
    if not token:
        raise HTTPException(403, "this server is read-only: start it with TIDINGS_TOKEN set to accept writes")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "missing token: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise HTTPException(401, "wrong token", headers={"WWW-Authenticate": "Bearer"})


def _format(explicit: str | None, content_type: str | None) -> str:
    if explicit:
        return explicit
    media = (content_type or "").split(";")[0].strip().lower()
    if media in _MEDIA:
        return _MEDIA[media]
    raise FilterError(f"format: give ?format=text|html|jsonl or a Content-Type of text/plain, text/html or "
                      f"application/x-ndjson (got {media or 'none'!r})")


@writes.post("/documents", status_code=201, summary="Ingest text, HTML or JSONL (needs the Bearer token)",
             responses={200: {"description": "Nothing new: every document was already stored"},
                        401: {"description": "Missing or wrong token; nothing stored"},
                        403: {"description": "The server is read-only"},
                        422: {"description": "Bad parameters, or nothing in the body could be read"}})
async def post_documents(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
    format: Annotated[Literal["text", "html", "jsonl"] | None, Query(description="Body format.")] = None,
    name: Annotated[str | None, Query(description="Name for the source (letters, digits, . - _).")] = None,
    published: Annotated[date | None, Query(description="Publication date for every document.")] = None,
) -> JSONResponse:
    check_token(request, authorization)
    fmt = _format(format, request.headers.get("content-type"))
    if name is not None and not _NAME.match(name):
        raise FilterError(f"name: letters, digits, '.', '-' and '_' only (1-100), got {name!r}")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise HTTPException(413, f"body is {int(declared):,} bytes, over the {MAX_BODY_BYTES:,}-byte limit")
    body = await request.body()
    if not body.strip():
        raise FilterError("body: empty; send the document's text, HTML or JSONL lines")
    from starlette.concurrency import run_in_threadpool

    result = await run_in_threadpool(_ingest_body, request, body, fmt, name or f"upload{_SUFFIX[fmt]}", published)
    status = 201 if result["new"] else 200
    if result["new"] + result["known"] + result["duplicates"] == 0:
        status = 422  # nothing in the body could be read or stored
        result["error"] = "; ".join(result["errors"]) or "nothing could be ingested"
    return JSONResponse(result, status_code=status)


def _ingest_body(request: Request, body: bytes, fmt: str, name: str, published: date | None) -> dict[str, Any]:
    from tidings.ingest import iter_path
    from tidings.service import IngestOptions, ingest_stream

    explorer = request.app.state.explorer
    source = f"api:{name}"
    errors: list[str] = []
    ids: list[str] = []
    with tempfile.TemporaryDirectory(prefix="tidings-post-") as folder:
        path = Path(folder) / (Path(name).stem + _SUFFIX[fmt])
        path.write_bytes(body)

        def items() -> Any:
            try:
                for item in iter_path(path, published):
                    if isinstance(item, IngestError):
                        yield IngestError(source, item.problem, item.line)
                    else:
                        ids.append(item.id)
                        yield dataclasses.replace(item, source=source)
            except IngestError as exc:
                yield IngestError(source, exc.problem, exc.line)

        options = IngestOptions(published=published, actor_files=request.app.state.actor_files)
        with request.app.state.write_lock:  # one ingest at a time: they share the coder's memory and the store
            totals = ingest_stream(items(), explorer.store, options, on_error=lambda e: errors.append(str(e)))
    return {"read": totals.read, "new": totals.new, "known": totals.known, "duplicates": totals.duplicates,
            "failed": totals.failed, "errors": errors, "ids": list(dict.fromkeys(ids))}
