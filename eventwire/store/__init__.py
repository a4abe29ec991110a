"""The DuckDB store of articles, events, quotes and failures."""

from .duckdb_store import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
