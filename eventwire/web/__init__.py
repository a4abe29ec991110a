"""The dashboard: static ES modules and CSS served by the API process, no CDN, no JS packages.

``mount_dashboard(app)`` serves ``/`` (the page), ``/static/*`` and ``/outline.json`` (the world
outline, made at setup by ``python -m eventwire.web.outline`` and, if that step was skipped,
on first request).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"


def mount_dashboard(app) -> None:
    from fastapi.responses import FileResponse, Response
    from fastapi.staticfiles import StaticFiles

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/outline.json", include_in_schema=False)
    def outline():
        return Response(_outline_bytes(), media_type="application/json",
                        headers={"Cache-Control": "max-age=86400"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")


@lru_cache(maxsize=1)
def _outline_bytes() -> bytes:
    from .outline import OUTLINE_FILE, outline_json

    if OUTLINE_FILE.exists():
        return OUTLINE_FILE.read_bytes()
    return outline_json()
