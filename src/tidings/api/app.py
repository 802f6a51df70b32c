"""The FastAPI application: one ``Explorer`` over the store, JSON errors, the routers mounted.

In: the database URL, the write token and actor files. Out: an ASGI app (``create_app``) whose
state holds the ``Explorer``; every error becomes ``{"error": "..."}`` with its status, never a
traceback.
"""

from __future__ import annotations

import logging
import os
import threading
import tomllib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings.errors import TidingsError
from tidings.explore import Explorer, FilterError, NotFound
from tidings.store import Store

__all__ = ["create_app", "token_from_config"]

log = logging.getLogger("tidings.api")

CONFIG_FILE = "tidings.toml"


def token_from_config(config: Path = Path(CONFIG_FILE)) -> str | None:
    """The write token: ``TIDINGS_TOKEN``, else ``token = "..."`` in ``./tidings.toml``, else none."""
    token = os.environ.get("TIDINGS_TOKEN", "").strip()
    if token:
        return token
    if config.is_file():
        try:
            value = tomllib.loads(config.read_text("utf-8")).get("token")
        except tomllib.TOMLDecodeError as exc:
            raise TidingsError(f"{config}: not valid TOML ({exc})") from exc
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, _validation_message(exc))

    @app.exception_handler(FilterError)
    async def bad_filter(_request: Request, exc: FilterError) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(NotFound)
    async def not_found(_request: Request, exc: NotFound) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = _error(exc.status_code, str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(TidingsError)
    async def tidings_error(_request: Request, exc: TidingsError) -> JSONResponse:
        return _error(503, str(exc).splitlines()[0])  # the store could not be read or written

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)  # the traceback goes to the log only
        return _error(500, f"internal error ({type(exc).__name__})")


def create_app(db: str = "tidings.db", token: str | None = None, actor_files: tuple[Path, ...] = ()) -> FastAPI:
    """The API, feeds and web UI over the store at ``db``; writes need ``token`` (none: read-only).

    A read-only server never creates a database; one that takes writes creates it when missing."""
    store = Store(db, create=token is not None)
    explorer = Explorer(store, actor_files)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="tidings", version="0.1.0", lifespan=lifespan,
                  description="Source-aware political events: documents, events, actors, networks, timelines.")
    app.state.explorer = explorer
    app.state.token = token
    app.state.write_lock = threading.Lock()
    app.state.actor_files = actor_files
    _install_error_handlers(app)

    from tidings.api.compare import router as compare_router
    from tidings.api.routes import router
    from tidings.api.writes import writes
    from tidings.watch.routes import feeds

    app.include_router(router)
    app.include_router(compare_router)
    app.include_router(writes)
    app.include_router(feeds)
    from tidings.web import mount_web

    mount_web(app)
    return app
