"""Write records: JSONL for tools, CSV for spreadsheets, rich tables for people.

Records may be model objects (anything with ``to_dict``) or the dicts they give.
``event_row`` and ``quote_row`` flatten a record dict into one row of scalar columns.
"""

from __future__ import annotations

import csv
import json
from typing import Any, Iterable, Sequence, TextIO

EVENT_COLUMNS = (
    "event_id", "date", "event_type", "mode", "aux_mode", "actor", "recipient",
    "claimed_by", "denied_by", "cameo_code", "quad_class", "score", "location", "evidence",
)
QUOTE_COLUMNS = ("quote_id", "article_id", "speaker", "cue", "direct", "text")


def as_dict(record: Any) -> dict:
    return record if isinstance(record, dict) else record.to_dict()


def write_jsonl(records: Iterable[Any], stream: TextIO) -> int:
    """One JSON object a line, non-ASCII kept as is. Returns how many were written."""
    count = 0
    for record in records:
        stream.write(json.dumps(as_dict(record), ensure_ascii=False))
        stream.write("\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict], stream: TextIO, columns: Sequence[str], header: bool = True) -> int:
    """A header (unless ``header`` is false) and one line a row; other columns are left out."""
    writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    if header:
        writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
        count += 1
    return count


def render_table(rows: Iterable[dict], columns: Sequence[str], title: str | None = None):
    """A ``rich.table.Table`` of the rows (for a terminal, not for machines)."""
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    return table


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def entities_text(entities: Iterable[dict] | None) -> str:
    """``"Vladimir Putin (RUS); Kim Jong Un (PRK)"``: names with their countries."""
    parts = []
    for entity in entities or []:
        name = entity.get("name") or entity.get("text") or "?"
        country = entity.get("country")
        parts.append(f"{name} ({country})" if country else name)
    return "; ".join(parts)


def event_row(event: dict) -> dict:
    """An event record flattened to scalar columns (``EVENT_COLUMNS``)."""
    event = as_dict(event)
    date = event.get("date") or {}
    location = event.get("location") or {}
    evidence = event.get("evidence") or {}
    return {
        "event_id": event.get("event_id"),
        "article_id": event.get("article_id"),
        "date": date.get("value"),
        "event_type": event.get("event_type"),
        "mode": event.get("mode"),
        "aux_mode": event.get("aux_mode"),
        "actor": entities_text(event.get("actor")),
        "recipient": entities_text(event.get("recipient")),
        "claimed_by": entities_text(event.get("claimed_by")),
        "denied_by": entities_text(event.get("denied_by")),
        "cameo_code": event.get("cameo_code"),
        "quad_class": event.get("quad_class"),
        "score": event.get("score"),
        "location": _location_text(location),
        "evidence": evidence.get("text"),
    }


def _location_text(location: dict) -> str | None:
    if not location.get("name"):
        return None
    country = location.get("country")
    return f"{location['name']} ({country})" if country else location["name"]


def quote_row(quote: dict) -> dict:
    """A quote record flattened to scalar columns (``QUOTE_COLUMNS``)."""
    quote = as_dict(quote)
    speaker = quote.get("speaker")
    return {
        "quote_id": quote.get("quote_id"),
        "article_id": quote.get("article_id"),
        "speaker": entities_text([speaker]) if speaker else None,
        "cue": quote.get("cue"),
        "direct": quote.get("direct"),
        "text": quote.get("text"),
    }
