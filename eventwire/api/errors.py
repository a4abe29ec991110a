"""One JSON shape for every error the API answers: ``{"error": {status, code, message, details}}``.

eventwire's typed errors keep their codes (``E001``...); errors of the HTTP layer get a
word code (``not_found``, ``invalid_request``...). Nothing else reaches a client.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import EventwireError, InputError, StageError, StoreError
from .ingest import QueueFull
from .limits import QueryTimeout

log = logging.getLogger(__name__)

HTTP_CODES = {
    400: "bad_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    406: "not_acceptable", 413: "payload_too_large", 415: "unsupported_media_type",
    422: "invalid_request", 429: "too_many_requests", 500: "internal_error",
    503: "unavailable",
}
# Status for each of eventwire's own errors that can happen while serving a request.
EVENTWIRE_STATUS = {InputError: 400, StageError: 422, StoreError: 503}


class ApiError(Exception):
    """An error a route raises on purpose, with its status and code."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_response(status: int, code: str, message: str, details: list | None = None,
                   headers: dict | None = None) -> JSONResponse:
    body = {"error": {"status": status, "code": code, "message": message, "details": details or []}}
    return JSONResponse(body, status_code=status, headers=headers)


def too_large(limit: int) -> JSONResponse:
    return error_response(413, "payload_too_large", f"the request body is larger than {limit} bytes")


def _validation_details(exc: RequestValidationError) -> list[dict]:
    return [{"location": [str(part) for part in error.get("loc", ())],
             "message": str(error.get("msg", "")), "type": str(error.get("type", ""))}
            for error in exc.errors()]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return error_response(exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        details = _validation_details(exc)
        first = details[0] if details else {"location": [], "message": "invalid request"}
        where = ".".join(first["location"][1:]) or "request"
        return error_response(422, "invalid_request", f"{where}: {first['message']}", details)

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, exc: QueryTimeout):
        return error_response(503, "query_timeout", str(exc))

    @app.exception_handler(QueueFull)
    async def busy(request: Request, exc: QueueFull):
        return error_response(503, "ingest_queue_full", str(exc), headers={"Retry-After": "5"})

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, exc: EventwireError):
        status = next((s for cls, s in EVENTWIRE_STATUS.items() if isinstance(exc, cls)), 500)
        return error_response(status, exc.code, exc.reason)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", "an unexpected error happened; see the server log")
