"""Read-only queries over the store's tables for the API: filters, pages, series, graphs.

Pure library code: each function takes a DuckDB cursor and typed arguments and returns
plain dicts. SQL is built only from fixed fragments; every value travels as a parameter.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, fields

# Joins a list's elements for substring search; no name contains it.
_SEPARATOR = "\x1f"
_CODE = re.compile(r"[A-Z]{3}")
QUAD_CLASSES = (1, 2, 3, 4)
INTERVALS = ("day", "week", "month")

# Sort keys a client may name, and the SQL each stands for.
EVENT_SORTS = {
    "date": "date_start",
    "type": "event_type",
    "score": "score",
    "quad_class": "quad_class",
    "confidence": "confidence",
    "actor": "array_to_string(actor_countries, ',')",
    "recipient": "array_to_string(recipient_countries, ',')",
    "place": "location_name",
}


@dataclass(frozen=True)
class EventFilter:
    """Every event filter the API offers; None means 'any'."""

    actor: str | None = None
    recipient: str | None = None
    undirected: bool = False  # actor/recipient may match either way round
    event_type: str | None = None
    mode: str | None = None
    context: str | None = None
    aux_mode: str | None = None  # one of the aux modes, or "none" for plain fact
    claimed_by: str | None = None
    denied_by: str | None = None
    claimed: bool | None = None
    denied: bool | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    place: str | None = None
    text: str | None = None
    article_id: str | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, False) for f in fields(self))


@dataclass(frozen=True)
class Page:
    limit: int = 50
    offset: int = 0


def is_country_code(value: str) -> bool:
    """Three capital letters name a country (ISO 3166 alpha-3); anything else is part of a name."""
    return bool(_CODE.fullmatch(value))


def _entity_match(role: str, value: str) -> tuple[str, list]:
    """An actor/recipient matching a country code exactly, or else a name in part.

    Deciding up front, rather than trying both, keeps a code filter a cheap list lookup:
    on a million events a name search costs several times more.
    """
    if is_country_code(value):
        return f"list_contains({role}_countries, ?)", [value]
    return f"contains(lower(array_to_string({role}_names, ?)), lower(?))", [_SEPARATOR, value]


def _json_entity_match(field: str, value: str) -> tuple[str, list]:
    """Like ``_entity_match`` for lists kept only in the record JSON (claimed_by, denied_by)."""
    if is_country_code(value):
        return f"list_contains(CAST(json_extract_string(record, '$.{field}[*].country') AS VARCHAR[]), ?)", [value]
    names = f"CAST(json_extract_string(record, '$.{field}[*].name') AS VARCHAR[])"
    return f"contains(lower(array_to_string({names}, ?)), lower(?))", [_SEPARATOR, value]


def _dyad_clause(flt: EventFilter) -> tuple[list[str], list]:
    """The actor/recipient conditions, either way round when the filter is undirected."""
    one_way, params = [], []
    for role, value in (("actor", flt.actor), ("recipient", flt.recipient)):
        if value:
            sql, values = _entity_match(role, value)
            one_way.append(sql)
            params += values
    if not one_way:
        return [], []
    if not flt.undirected:
        return one_way, params
    other_way, other_params = [], []
    for role, value in (("actor", flt.recipient), ("recipient", flt.actor)):
        if value:
            sql, values = _entity_match(role, value)
            other_way.append(sql)
            other_params += values
    both = f"(({' AND '.join(one_way)}) OR ({' AND '.join(other_way)}))"
    return [both], params + other_params


def where_clause(flt: EventFilter) -> tuple[str, list]:
    """``WHERE ...`` (or an empty string) and its parameters."""
    where, params = _dyad_clause(flt)
    simple = (
        ("event_type = ?", flt.event_type and flt.event_type.upper()),
        ("mode = ?", flt.mode),
        ("article_id = ?", flt.article_id),
        ("date_end >= ?", flt.date_from),
        ("date_start <= ?", flt.date_to),
        ("claimed = ?", flt.claimed),
        ("denied = ?", flt.denied),
    )
    for sql, value in simple:
        if value is not None and value != "":
            where.append(sql)
            params.append(value)
    if flt.aux_mode:
        if flt.aux_mode == "none":
            where.append("aux_mode IS NULL")
        else:
            where.append("aux_mode = ?")
            params.append(flt.aux_mode)
    if flt.context:
        where.append("list_contains(CAST(json_extract_string(record, '$.context[*]') AS VARCHAR[]), ?)")
        params.append(flt.context)
    for field, value in (("claimed_by", flt.claimed_by), ("denied_by", flt.denied_by)):
        if value:
            sql, values = _json_entity_match(field, value)
            where.append(sql)
            params += values
    if flt.place and is_country_code(flt.place):
        where.append("location_country = ?")
        params.append(flt.place)
    elif flt.place:
        where.append("contains(lower(location_name), lower(?))")
        params.append(flt.place)
    if flt.text:
        where.append("contains(lower(json_extract_string(record, '$.evidence.sentence')), lower(?))")
        params.append(flt.text)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _order_by(sort: str, descending: bool) -> str:
    direction = "DESC" if descending else "ASC"
    return (f" ORDER BY {EVENT_SORTS[sort]} {direction} NULLS LAST, "
            "article_id, evidence_start, event_id")


def _page_body(items: list, total: int, page: Page) -> dict:
    following = page.offset + len(items)
    return {"items": items, "total": total, "limit": page.limit, "offset": page.offset,
            "next_offset": following if following < total else None}


def _count(cur, table: str, where: str, params: list) -> int:
    return cur.execute(f"SELECT count(*) FROM {table}{where}", params).fetchone()[0]


def _sorted_records(where: str, order: str) -> str:
    """Sort row ids first and fetch only the page's records: carrying every record's JSON
    through the sort made deep pages of a million events take seconds."""
    return (f"SELECT record FROM events WHERE rowid IN "
            f"(SELECT rowid FROM events{where}{order} LIMIT ? OFFSET ?){order}")


def events_page(cur, flt: EventFilter, page: Page, sort: str = "date",
                descending: bool = False) -> dict:
    where, params = where_clause(flt)
    sql = _sorted_records(where, _order_by(sort, descending))
    rows = cur.execute(sql, [*params, page.limit, page.offset]).fetchall()
    return _page_body([json.loads(r[0]) for r in rows], _count(cur, "events", where, params), page)


def events_for_export(cur, flt: EventFilter, limit: int, sort: str = "date",
                      descending: bool = False) -> list[dict]:
    where, params = where_clause(flt)
    sql = _sorted_records(where, _order_by(sort, descending))
    return [json.loads(r[0]) for r in cur.execute(sql, [*params, limit, 0]).fetchall()]


def event_by_id(cur, event_id: str) -> dict | None:
    row = cur.execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchone()
    return json.loads(row[0]) if row else None


def article_by_id(cur, article_id: str) -> dict | None:
    row = cur.execute("SELECT record FROM articles WHERE article_id = ?", [article_id]).fetchone()
    return json.loads(row[0]) if row else None


# --- articles: text search ranked by relevance ------------------------------------------------

MAX_SEARCH_TERMS = 8


def search_terms(query: str | None) -> list[str]:
    words = [w.lower() for w in (query or "").split() if w.strip()]
    return list(dict.fromkeys(words))[:MAX_SEARCH_TERMS]


def _occurrences(column: str) -> str:
    """How many times the parameter occurs in a lower-cased column."""
    return f"((length({column}) - length(replace({column}, ?, ''))) // length(?))"


def articles_page(cur, query: str | None, page: Page) -> dict:
    """Articles; with ``query``, those containing any term, most relevant first.

    Relevance counts term occurrences, a title hit weighing three times a text hit
    (DuckDB's full-text extension would need a download, which eventwire never does).
    """
    terms = search_terms(query)
    base = """SELECT article_id, title, published, source, url,
                     lower(coalesce(title, '')) AS t, lower(record->>'$.text') AS x,
                     left(record->>'$.text', 240) AS snippet
              FROM articles"""
    if terms:
        parts, params = [], []
        for term in terms:
            parts.append(f"3 * {_occurrences('t')} + {_occurrences('x')}")
            params += [term, term, term, term]
        relevance = " + ".join(parts)
        sql = (f"SELECT * FROM (SELECT *, ({relevance}) AS relevance FROM ({base})) "
               "WHERE relevance > 0")
    else:
        sql, params = f"SELECT *, NULL AS relevance FROM ({base})", []
    counted = f"""SELECT a.*, (SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS n_events,
                         (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) AS n_quotes
                  FROM ({sql}) a
                  ORDER BY relevance DESC NULLS LAST, published DESC NULLS LAST, article_id
                  LIMIT ? OFFSET ?"""
    rows = cur.execute(counted, [*params, page.limit, page.offset]).fetchall()
    total = cur.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    items = [_article_summary(row) for row in rows]
    return _page_body(items, total, page)


def _article_summary(row: tuple) -> dict:
    article_id, title, published, source, url, _t, _x, snippet, relevance, n_events, n_quotes = row
    return {"article_id": article_id, "title": title, "published": published, "source": source,
            "url": url, "snippet": snippet, "relevance": relevance, "events": n_events,
            "quotes": n_quotes}


# --- quotes ----------------------------------------------------------------------------------

def quotes_page(cur, page: Page, speaker: str | None = None, country: str | None = None,
                text: str | None = None, article_id: str | None = None) -> dict:
    where, params = [], []
    for sql, value in (
        ("contains(lower(speaker_name), lower(?))", speaker),
        ("speaker_country = ?", country and country.upper()),
        ("contains(lower(text), lower(?))", text),
        ("article_id = ?", article_id),
    ):
        if value:
            where.append(sql)
            params.append(value)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    rows = cur.execute(
        f"SELECT record FROM quotes{clause} ORDER BY article_id, start_offset, quote_id LIMIT ? OFFSET ?",
        [*params, page.limit, page.offset]).fetchall()
    return _page_body([json.loads(r[0]) for r in rows], _count(cur, "quotes", clause, params), page)


# --- dyad series, network, map, actors, stats -----------------------------------------------

def _quad_columns() -> str:
    return ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS q{q}" for q in QUAD_CLASSES)


def _quad_counts(values) -> dict:
    return {str(q): int(v) for q, v in zip(QUAD_CLASSES, values)}


def _period_end(start: dt.date, interval: str) -> dt.date:
    if interval == "day":
        return start
    if interval == "week":
        return start + dt.timedelta(days=6)
    following = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def dyad_series(cur, flt: EventFilter, interval: str, page: Page) -> dict:
    """Counts by quad class and mean score per period for the events between two actors."""
    where, params = where_clause(flt)
    dated = f"{where} AND date_start IS NOT NULL" if where else " WHERE date_start IS NOT NULL"
    grouped = f"""SELECT CAST(date_trunc('{interval}', date_start) AS DATE) AS period, count(*) AS n,
                         {_quad_columns()}, avg(score) AS mean_score
                  FROM events{dated} GROUP BY period"""
    rows = cur.execute(f"{grouped} ORDER BY period LIMIT ? OFFSET ?",
                       [*params, page.limit, page.offset]).fetchall()
    total = cur.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone()[0]
    points = [{
        "period": row[0].isoformat(), "period_end": _period_end(row[0], interval).isoformat(),
        "events": row[1], "quad_classes": _quad_counts(row[2:6]),
        "mean_score": round(row[6], 3) if row[6] is not None else None,
    } for row in rows]
    return _page_body(points, total, page)


def network(cur, flt: EventFilter, page: Page) -> dict:
    """Country-to-country edges weighted by event count, split by quad class; busiest first."""
    where, params = where_clause(flt)
    pairs = f"""SELECT a, r, quad_class, score FROM (
                  SELECT unnest(actor_countries) AS a, recipient_countries, quad_class, score
                  FROM events{where}) s, unnest(s.recipient_countries) AS t(r)"""
    grouped = f"""SELECT a, r, count(*) AS n, {_quad_columns()}, avg(score) AS mean_score
                  FROM ({pairs}) GROUP BY a, r"""
    rows = cur.execute(f"{grouped} ORDER BY n DESC, a, r LIMIT ? OFFSET ?",
                       [*params, page.limit, page.offset]).fetchall()
    total = cur.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone()[0]
    edges = [{"source": row[0], "target": row[1], "events": row[2],
              "quad_classes": _quad_counts(row[3:7]), "mean_score": round(row[7], 3)}
             for row in rows]
    body = _page_body(edges, total, page)
    body["nodes"] = _nodes_of(edges)
    return body


def _nodes_of(edges: list[dict]) -> list[dict]:
    weights: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            weights[end] = weights.get(end, 0) + edge["events"]
    return [{"id": node, "events": n} for node, n in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))]


def places(cur, flt: EventFilter, page: Page) -> dict:
    """Event locations with counts by quad class (the map's points), busiest first."""
    where, params = where_clause(flt)
    located = f"{where} AND lat IS NOT NULL" if where else " WHERE lat IS NOT NULL"
    grouped = f"""SELECT location_name, location_country, lat, lon, count(*) AS n,
                         {_quad_columns()}, avg(score) AS mean_score
                  FROM events{located} GROUP BY location_name, location_country, lat, lon"""
    rows = cur.execute(f"{grouped} ORDER BY n DESC, location_name LIMIT ? OFFSET ?",
                       [*params, page.limit, page.offset]).fetchall()
    total = cur.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone()[0]
    items = [{"name": row[0], "country": row[1], "lat": row[2], "lon": row[3], "events": row[4],
              "quad_classes": _quad_counts(row[5:9]), "mean_score": round(row[9], 3)}
             for row in rows]
    return _page_body(items, total, page)


def actors(cur, query: str | None, page: Page) -> dict:
    """Country codes seen as actor or recipient, with event counts; for pickers."""
    where, params = "", []
    if query:
        where, params = " WHERE contains(lower(code), lower(?))", [query]
    grouped = f"""SELECT code, count(*) AS n FROM (
                    SELECT unnest(list_distinct(list_concat(actor_countries, recipient_countries))) AS code
                    FROM events) {where} GROUP BY code"""
    rows = cur.execute(f"{grouped} ORDER BY n DESC, code LIMIT ? OFFSET ?",
                       [*params, page.limit, page.offset]).fetchall()
    total = cur.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone()[0]
    return _page_body([{"code": code, "events": n} for code, n in rows], total, page)


def stats(cur) -> dict:
    counts = {table: cur.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("articles", "events", "quotes", "failures")}
    by_type = cur.execute(
        "SELECT event_type, count(*) AS n FROM events GROUP BY event_type ORDER BY n DESC, event_type"
    ).fetchall()
    by_quad = cur.execute(
        "SELECT quad_class, count(*) FROM events GROUP BY quad_class ORDER BY quad_class").fetchall()
    first, last = cur.execute("SELECT min(date_start), max(date_end) FROM events").fetchone()
    return {
        "counts": counts,
        "event_types": [{"event_type": t, "events": n} for t, n in by_type],
        "quad_classes": {str(q): n for q, n in by_quad if q is not None},
        "date_range": {"first": first.isoformat() if first else None,
                       "last": last.isoformat() if last else None},
    }


