"""The API's two guards: a request-body size limit and a per-query time limit."""

from __future__ import annotations

import contextlib
import threading
from typing import Callable, Iterator

DEFAULT_MAX_BODY_BYTES = 1_000_000
DEFAULT_QUERY_TIMEOUT_S = 5.0


class QueryTimeout(Exception):
    """A query ran past the time limit and was interrupted."""

    def __init__(self, seconds: float):
        super().__init__(f"the query ran longer than {seconds:g} s and was stopped; narrow the filters")
        self.seconds = seconds


@contextlib.contextmanager
def time_limit(cursor, seconds: float) -> Iterator[None]:
    """Interrupt ``cursor``'s running query after ``seconds`` and raise ``QueryTimeout``."""
    import duckdb

    fired = threading.Event()

    def stop() -> None:
        fired.set()
        cursor.interrupt()

    timer = threading.Timer(seconds, stop)
    timer.daemon = True
    timer.start()
    try:
        yield
    except duckdb.InterruptException as exc:
        raise QueryTimeout(seconds) from exc
    except duckdb.Error as exc:
        if fired.is_set():  # an interrupt can surface as another DuckDB error
            raise QueryTimeout(seconds) from exc
        raise
    finally:
        timer.cancel()


class BodySizeLimit:
    """ASGI middleware: a body over ``max_bytes`` gets 413 before the app reads it.

    A declared Content-Length is checked first; a body sent without one (chunked) is read up
    to the limit and then replayed to the app.
    """

    def __init__(self, app, max_bytes: int, reject: Callable[[int], object]):
        self.app = app
        self.max_bytes = max_bytes
        self.reject = reject  # builds the ASGI response for an oversized body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await self.reject(self.max_bytes)(scope, receive, send)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return await self.reject(self.max_bytes)(scope, receive, send)
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        return await self.app(scope, _replay(b"".join(chunks), receive), send)


def _replay(body: bytes, receive):
    sent = False

    async def replayed():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
