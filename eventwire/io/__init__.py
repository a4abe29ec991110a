"""Readers (files, folders, stdin → Article) and writers (records → JSONL, CSV, tables)."""

from .readers import MAX_DOCUMENT_BYTES, read_sources
from .writers import event_row, quote_row, render_table, write_csv, write_jsonl

__all__ = [
    "MAX_DOCUMENT_BYTES", "read_sources",
    "event_row", "quote_row", "render_table", "write_csv", "write_jsonl",
]
