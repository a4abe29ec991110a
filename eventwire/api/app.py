"""The FastAPI application: ``create_app(db_path)`` serves the API under ``/api`` and the dashboard at ``/``.

The process holds the DuckDB file for as long as it serves: read-only by default (other
read-only processes may open it too, no process may write it); with ``ingest=True`` it holds
the write lock and a single writer thread owns the write connection.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Callable, Iterator

from fastapi import FastAPI

from ..store import Store
from .errors import install_error_handlers, too_large
from .ingest import DEFAULT_QUEUE_SIZE, Writer
from .limits import DEFAULT_MAX_BODY_BYTES, DEFAULT_QUERY_TIMEOUT_S, BodySizeLimit, time_limit

DEFAULT_INGEST_WAIT_S = 30.0
# The dashboard loads nothing from elsewhere, so the browser may refuse everything else.
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
     b"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class Desk:
    """What the routes share: the store, time-limited read cursors and the optional writer."""

    def __init__(self, store: Store, query_timeout: float, writer: Writer | None = None,
                 ingest_wait: float = DEFAULT_INGEST_WAIT_S):
        self.store = store
        self.query_timeout = query_timeout
        self.writer = writer
        self.ingest_wait = ingest_wait
        self._root = store.connection.cursor()
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def reading(self) -> Iterator:
        """A cursor of its own for one request, interrupted after ``query_timeout`` seconds."""
        with self._lock:  # cursor() on a shared connection is not safe from many threads at once
            cursor = self._root.cursor()
        try:
            with time_limit(cursor, self.query_timeout):
                yield cursor
        finally:
            cursor.close()

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self._root.close()
        self.store.close()


def create_app(db_path: str | Path, ingest: bool = False,
               query_timeout: float = DEFAULT_QUERY_TIMEOUT_S,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
               pipeline: object | Callable[[], object] | None = None,
               ingest_wait: float = DEFAULT_INGEST_WAIT_S,
               ingest_queue_size: int = DEFAULT_QUEUE_SIZE) -> FastAPI:
    """The API and dashboard over the store at ``db_path``.

    ``pipeline`` (an object with ``__call__(article)``, or a function making one) stands in
    for the default pipeline when ingesting; tests pass a small one.
    """
    from . import routes
    from ..web import mount_dashboard

    store = Store.open(db_path, read_only=not ingest)
    writer = Writer(store, _pipeline_maker(pipeline), ingest_queue_size) if ingest else None
    desk = Desk(store, query_timeout, writer, ingest_wait)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        desk.close()

    app = FastAPI(
        title="eventwire",
        version=_version(),
        summary="Evidence-linked political event data (PLOVER + CAMEO) from news text.",
        description=_DESCRIPTION.format(timeout=query_timeout, body=max_body_bytes),
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; the spec is at /openapi.json
        lifespan=lifespan,
    )
    app.state.desk = desk
    install_error_handlers(app)
    app.include_router(routes.router)
    mount_dashboard(app)
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes, reject=too_large)
    app.add_middleware(SecurityHeaders)
    return app


_DESCRIPTION = """\
Read-only unless the server was started with ingestion (`eventwire serve --ingest`).
Every list is paginated (`limit`, `offset`; answers carry `total` and `next_offset`).
Every error has one shape: `{{"error": {{"status", "code", "message", "details"}}}}`.
Limits: a request's queries are stopped after {timeout:g} s (503 `query_timeout`);
a request body over {body} bytes is refused (413 `payload_too_large`)."""


def _pipeline_maker(pipeline) -> Callable[[], object]:
    if pipeline is None:
        from ..factory import build_pipeline

        return build_pipeline
    if hasattr(pipeline, "pipe"):  # a pipeline itself, not a function that makes one
        return lambda: pipeline
    return pipeline


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("eventwire")
    except PackageNotFoundError:
        return "0"


class SecurityHeaders:
    """ASGI middleware adding ``SECURITY_HEADERS`` to every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)
