"""Run the app under uvicorn with bounded connections (``eventwire serve``)."""

from __future__ import annotations

import sys

from .limits import DEFAULT_MAX_BODY_BYTES, DEFAULT_QUERY_TIMEOUT_S

MAX_CONNECTIONS = 64  # beyond this uvicorn answers 503 rather than queueing without end
KEEP_ALIVE_S = 5


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000, ingest: bool = False,
          query_timeout: float = DEFAULT_QUERY_TIMEOUT_S,
          max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> None:
    import uvicorn

    from .app import create_app

    app = create_app(db_path, ingest=ingest, query_timeout=query_timeout, max_body_bytes=max_body_bytes)
    shown = f"[{host}]" if ":" in host else host
    mode = "ingesting (POST /api/articles)" if ingest else "read-only"
    print(f"eventwire: serving {db_path} ({mode}); open http://{shown}:{port}/ "
          f"(API under /api, spec at /openapi.json); Ctrl+C stops", file=sys.stderr, flush=True)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning",
                            limit_concurrency=MAX_CONNECTIONS, timeout_keep_alive=KEEP_ALIVE_S,
                            proxy_headers=False, server_header=False)
    uvicorn.Server(config).run()
