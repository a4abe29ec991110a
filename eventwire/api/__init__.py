"""The HTTP API (FastAPI): ``create_app(db_path)``; ``eventwire serve`` runs it with uvicorn."""


def create_app(*args, **kwargs):
    """See ``eventwire.api.app.create_app`` (imported on call: FastAPI loads only when serving)."""
    from .app import create_app as _create_app

    return _create_app(*args, **kwargs)


__all__ = ["create_app"]
