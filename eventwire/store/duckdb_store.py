"""The DuckDB store: one writer, schema migrations, bulk inserts through Arrow.

Each record is stored twice over: scalar columns for the fields people filter on,
and ``record`` (JSON) holding the full record dict, which is what queries return.
Re-processing an article replaces its rows (ids are content hashes), never duplicates them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path
from contextlib import contextmanager
from typing import Any, Iterable, Iterator, Mapping, Sequence

from ..errors import StoreError

# Each migration is a list of SQL statements; migration N brings the schema to version N.
# One row per (actor country, recipient country, week) of the events selected by {where};
# events without a date or without a recipient have no dyad-week.
DYAD_WEEK_ROWS = """
    SELECT a.actor, r.recipient, CAST(date_trunc('week', e.date_start) AS DATE) AS week,
           count(*) AS events, sum(e.score) AS score,
           sum(CASE WHEN e.quad_class >= 3 THEN 1 ELSE 0 END) AS conflict_events
    FROM events AS e, unnest(e.actor_countries) AS a(actor), unnest(e.recipient_countries) AS r(recipient)
    WHERE e.date_start IS NOT NULL AND {where}
    GROUP BY ALL"""

MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE articles (
            article_id VARCHAR PRIMARY KEY,
            url VARCHAR, source VARCHAR, title VARCHAR, published VARCHAR,
            language VARCHAR, origin VARCHAR, processed_at TIMESTAMP,
            record JSON)""",
        """CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            event_type VARCHAR, mode VARCHAR, aux_mode VARCHAR,
            cameo_code VARCHAR, quad_class INTEGER, score DOUBLE,
            date_value VARCHAR, date_precision VARCHAR, date_start DATE, date_end DATE,
            location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
            confidence DOUBLE, evidence_text VARCHAR, evidence_start INTEGER,
            actor_countries VARCHAR[], recipient_countries VARCHAR[],
            actor_names VARCHAR[], recipient_names VARCHAR[],
            claimed BOOLEAN, denied BOOLEAN,
            record JSON)""",
        "CREATE INDEX events_article ON events (article_id)",
        """CREATE TABLE quotes (
            quote_id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            speaker_name VARCHAR, speaker_country VARCHAR,
            cue VARCHAR, text VARCHAR, direct BOOLEAN, start_offset INTEGER,
            record JSON)""",
        "CREATE INDEX quotes_article ON quotes (article_id)",
        """CREATE TABLE failures (
            origin VARCHAR, stage VARCHAR, reason VARCHAR, seen_at TIMESTAMP)""",
    ],
    [  # 2: corpus ingest (ledger, near-duplicates) and the tables derived from the corpus
        """CREATE TABLE ingest_ledger (
            article_id VARCHAR PRIMARY KEY,
            url VARCHAR, origin VARCHAR, status VARCHAR, reason VARCHAR,
            original_id VARCHAR, similarity DOUBLE, ingested_at TIMESTAMP)""",
        """CREATE TABLE article_minhash (
            article_id VARCHAR PRIMARY KEY, signature BLOB)""",
        """CREATE TABLE article_duplicates (
            article_id VARCHAR PRIMARY KEY,
            original_id VARCHAR NOT NULL, similarity DOUBLE,
            url VARCHAR, source VARCHAR, title VARCHAR, published VARCHAR, origin VARCHAR,
            record JSON)""",
        "CREATE INDEX article_duplicates_original ON article_duplicates (original_id)",
        """CREATE TABLE event_clusters (
            cluster_id VARCHAR PRIMARY KEY,
            event_type VARCHAR, aux_mode VARCHAR, actor_key VARCHAR, recipient_key VARCHAR,
            location_key VARCHAR, date_value VARCHAR,
            num_events INTEGER, num_articles INTEGER, num_sources INTEGER,
            representative_event_id VARCHAR, label VARCHAR)""",
        """CREATE TABLE event_cluster_members (
            event_id VARCHAR PRIMARY KEY, cluster_id VARCHAR NOT NULL)""",
        """CREATE TABLE stories (
            story_id VARCHAR PRIMARY KEY, label VARCHAR,
            num_articles INTEGER, num_sources INTEGER, num_events INTEGER,
            first_published VARCHAR, last_published VARCHAR)""",
        """CREATE TABLE story_articles (
            article_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL)""",
    ],
    [  # 3: dyad-by-week counts kept up to date on every write (the analyst's time series)
        """CREATE TABLE dyad_weeks (
            actor VARCHAR, recipient VARCHAR, week DATE,
            events BIGINT, score DOUBLE, conflict_events BIGINT,
            PRIMARY KEY (actor, recipient, week))""",
        "INSERT INTO dyad_weeks " + DYAD_WEEK_ROWS.format(where="TRUE"),
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)

ARTICLE_COLUMNS = ("article_id", "url", "source", "title", "published", "language",
                   "origin", "processed_at", "record")
EVENT_COLUMNS = (
    "event_id", "article_id", "event_type", "mode", "aux_mode", "cameo_code", "quad_class",
    "score", "date_value", "date_precision", "date_start", "date_end", "location_name",
    "location_country", "lat", "lon", "confidence", "evidence_text", "evidence_start",
    "actor_countries", "recipient_countries", "actor_names", "recipient_names",
    "claimed", "denied", "record",
)
QUOTE_COLUMNS = ("quote_id", "article_id", "speaker_name", "speaker_country", "cue", "text",
                 "direct", "start_offset", "record")
# Tables a batch may carry rows for besides its records (committed in the same transaction).
EXTRA_TABLE_COLUMNS = {
    "ingest_ledger": ("article_id", "url", "origin", "status", "reason", "original_id",
                      "similarity", "ingested_at"),
    "article_minhash": ("article_id", "signature"),
    "article_duplicates": ("article_id", "original_id", "similarity", "url", "source", "title",
                           "published", "origin", "record"),
    "failures": ("origin", "stage", "reason", "seen_at"),
}
# Tables recomputed whole from the others (``replace_rows``).
DERIVED_TABLE_COLUMNS = {
    "stories": ("story_id", "label", "num_articles", "num_sources", "num_events",
                "first_published", "last_published"),
    "story_articles": ("article_id", "story_id"),
}

# The separator joins list elements for substring search: no name contains it.
_NAME_SEPARATOR = "\x1f"


class Store:
    """A DuckDB database of articles, events, quotes and failures.

    Use ``Store.open(path)`` as a context manager; only one process may hold a file for writing.
    """

    def __init__(self, connection, path: str, read_only: bool = False):
        self._con = connection
        self.path = path
        self.read_only = read_only

    # --- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> "Store":
        """Open (and if writable, create or migrate) the database at ``path``."""
        import duckdb

        path = str(path)
        if read_only and path != ":memory:" and not Path(path).exists():
            raise StoreError(f"no database at {path}; create one with 'eventwire process --db {path}'")
        try:
            connection = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            raise _open_error(path, exc) from exc
        store = cls(connection, path, read_only)
        try:
            store._migrate()
        except BaseException:
            connection.close()
            raise
        return store

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def connection(self):
        if self._con is None:
            raise StoreError(f"the store {self.path} is closed")
        return self._con

    # --- schema ----------------------------------------------------------------------------

    def schema_version(self) -> int:
        con = self.connection
        exists = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()[0]
        if not exists:
            return 0
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
        return row[0] or 0

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this eventwire "
                f"knows ({SCHEMA_VERSION}); upgrade eventwire"
            )
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise StoreError(
                f"{self.path} has schema version {version}, older than {SCHEMA_VERSION}; "
                "open it once for writing (eventwire process --db) to upgrade it"
            )
        self._apply_migrations(version)

    def _apply_migrations(self, current: int) -> None:
        con = self.connection
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
            for number, steps in enumerate(MIGRATIONS[current:], start=current + 1):
                for sql in steps:
                    con.execute(sql)
                con.execute("INSERT INTO schema_version VALUES (?, ?)", [number, _now()])
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"cannot migrate {self.path} to schema {SCHEMA_VERSION}: {exc}") from exc

    # --- writing ---------------------------------------------------------------------------

    def write(self, docs_records: Iterable[Sequence[Any]],
              extra: Mapping[str, list[dict]] | None = None) -> dict:
        """Store the records of many articles in one transaction; returns counts written.

        Each item is one article's records (``Doc.records()``: the Article, its events and
        quotes), as model objects or dicts. Rows of those articles already stored are
        replaced. ``extra`` holds rows for the tables in ``EXTRA_TABLE_COLUMNS`` (the ingest
        ledger, near-duplicates, failures) that must be committed with the same batch.
        """
        self._require_writable()
        rows = _collect_rows(docs_records)
        extra = {table: list(items) for table, items in (extra or {}).items() if items}
        if not rows["articles"] and not extra:
            return {"articles": 0, "events": 0, "quotes": 0}
        con = self.connection
        con.execute("BEGIN TRANSACTION")
        try:
            self._replace_records(rows)
            for table, items in extra.items():
                self._insert_extra(table, items)
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        return {name: len(items) for name, items in rows.items()}

    def _replace_records(self, rows: dict[str, list[dict]]) -> None:
        if not rows["articles"]:
            return
        article_ids = [row["article_id"] for row in rows["articles"]]
        # A batch's ids as a table: the deletes and the rollup join it instead of testing a
        # list against every stored row.
        self.connection.execute("CREATE OR REPLACE TEMP TABLE _batch_ids AS SELECT unnest(?::VARCHAR[]) AS article_id",
                                [article_ids])
        self._update_dyad_weeks(sign=-1)  # what these articles counted before
        for table in ("events", "quotes", "articles"):
            self.connection.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _batch_ids)")
        self._insert("articles", ARTICLE_COLUMNS, rows["articles"])
        self._insert("events", EVENT_COLUMNS, rows["events"])
        self._insert("quotes", QUOTE_COLUMNS, rows["quotes"])
        self._update_dyad_weeks(sign=+1)
        self.connection.execute("DROP TABLE _batch_ids")

    def _update_dyad_weeks(self, sign: int) -> None:
        """Add (or take away) the dyad-week counts of the batch's events (``_batch_ids``)."""
        con = self.connection
        con.execute("CREATE OR REPLACE TEMP TABLE _dyad_delta AS "
                    + DYAD_WEEK_ROWS.format(where="e.article_id IN (SELECT article_id FROM _batch_ids)"))
        con.execute(f"""
            INSERT INTO dyad_weeks
            SELECT actor, recipient, week, {sign} * events, {sign} * score, {sign} * conflict_events
            FROM _dyad_delta
            ON CONFLICT (actor, recipient, week) DO UPDATE SET
                events = dyad_weeks.events + EXCLUDED.events,
                score = dyad_weeks.score + EXCLUDED.score,
                conflict_events = dyad_weeks.conflict_events + EXCLUDED.conflict_events""")
        if sign < 0:
            con.execute("DELETE FROM dyad_weeks WHERE events <= 0")
        con.execute("DROP TABLE _dyad_delta")

    def dyad_weeks(self, actor: str | None = None, recipient: str | None = None) -> list[dict]:
        """Events, summed PLOVER score and conflict share per dyad and week, from the rollup."""
        clauses, params = [], []
        if actor:
            clauses.append("actor = ?")
            params.append(actor)
        if recipient:
            clauses.append("recipient = ?")
            params.append(recipient)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        cursor = self.connection.execute(
            f"SELECT actor, recipient, week, events, score / events AS mean_score, "
            f"conflict_events / events AS conflict_share FROM dyad_weeks {where} "
            f"ORDER BY actor, recipient, week", params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def rebuild_dyad_weeks(self) -> None:
        """Recompute the rollup from all events (after a bulk load that bypassed ``write``)."""
        self._require_writable()
        con = self.connection
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM dyad_weeks")
        con.execute("INSERT INTO dyad_weeks " + DYAD_WEEK_ROWS.format(where="TRUE"))
        con.execute("COMMIT")

    def _insert_extra(self, table: str, rows: list[dict]) -> None:
        if table not in EXTRA_TABLE_COLUMNS:
            raise StoreError(f"cannot write rows to table {table!r}")
        columns = EXTRA_TABLE_COLUMNS[table]
        if table == "failures":
            now = _now()
            rows = [{**row, "seen_at": row.get("seen_at") or now} for row in rows]
            self._insert(table, columns, rows,
                         unless_exists=("origin", "stage", "reason"))
        else:
            self._insert(table, columns, rows, replace=True)

    def _insert(self, table: str, columns: Sequence[str], rows: list[dict], replace: bool = False,
                unless_exists: Sequence[str] = ()) -> None:
        """Bulk insert through an Arrow table (one statement, not one per row).

        ``replace`` overwrites rows with the same primary key; ``unless_exists`` names the
        columns whose values, when already present in the table, leave a row out.
        """
        if not rows:
            return
        arrow_table = _arrow_table(columns, rows)
        view = f"incoming_{table}"
        con = self.connection
        con.register(view, arrow_table)
        try:
            column_list = ", ".join(columns)
            verb = "INSERT OR REPLACE" if replace else "INSERT"
            distinct = "DISTINCT " if unless_exists else ""
            sql = f"{verb} INTO {table} ({column_list}) SELECT {distinct}{column_list} FROM {view} AS new"
            if unless_exists:
                same = " AND ".join(f"old.{c} IS NOT DISTINCT FROM new.{c}" for c in unless_exists)
                sql += f" WHERE NOT EXISTS (SELECT 1 FROM {table} AS old WHERE {same})"
            con.execute(sql)
        finally:
            con.unregister(view)

    def record_failure(self, origin: str, stage: str, reason: str) -> None:
        """Note a document that was skipped (unreadable input or a failing stage)."""
        self._require_writable()
        try:
            self.connection.execute("INSERT INTO failures VALUES (?, ?, ?, ?)",
                                    [origin, stage, reason, _now()])
        except Exception as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc

    @contextmanager
    def transaction(self):
        """One transaction for several statements (rolled back when one fails)."""
        self._require_writable()
        con = self.connection
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc

    def replace_rows(self, table: str, rows: list[dict]) -> None:
        """Replace every row of a derived table (call inside ``transaction()``)."""
        if table not in DERIVED_TABLE_COLUMNS:
            raise StoreError(f"cannot replace the rows of table {table!r}")
        self.connection.execute(f"DELETE FROM {table}")
        self._insert(table, DERIVED_TABLE_COLUMNS[table], rows)

    # --- the ingest ledger -------------------------------------------------------------------

    def ledger_entries(self) -> dict[str, tuple[str | None, str | None]]:
        """article_id → (URL, original_id) of every document the ingest ledger holds
        (whatever became of it; original_id is set for near-duplicates)."""
        rows = self.connection.execute("SELECT article_id, url, original_id FROM ingest_ledger").fetchall()
        return {article_id: (url, original_id) for article_id, url, original_id in rows}

    def duplicate_ids(self) -> set[str]:
        rows = self.connection.execute("SELECT article_id FROM article_duplicates").fetchall()
        return {row[0] for row in rows}

    def minhash_signatures(self) -> Iterator[tuple[str, bytes]]:
        """(article_id, signature) of every original the ingest has indexed."""
        cursor = self.connection.execute("SELECT article_id, signature FROM article_minhash")
        while rows := cursor.fetchmany(10_000):
            yield from rows

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")

    # --- reading ---------------------------------------------------------------------------

    def events(self, actor: str | None = None, recipient: str | None = None,
               event_type: str | None = None, aux_mode: str | None = None,
               date_from: str | None = None, date_to: str | None = None,
               limit: int | None = None) -> list[dict]:
        """Event records matching every filter given.

        ``actor``/``recipient`` match a country code exactly or a name case-insensitively
        as a substring; ``date_from``/``date_to`` keep events whose date range overlaps them.
        """
        where, params = [], []
        for role, value in (("actor", actor), ("recipient", recipient)):
            if value:
                where.append(
                    f"(list_contains({role}_countries, ?) OR "
                    f"contains(lower(array_to_string({role}_names, ?)), lower(?)))"
                )
                params += [value.upper(), _NAME_SEPARATOR, value]
        if event_type:
            where.append("event_type = ?")
            params.append(event_type.upper())
        if aux_mode:
            if aux_mode.lower() in ("none", "fact"):
                where.append("aux_mode IS NULL")
            else:
                where.append("aux_mode = ?")
                params.append(aux_mode.lower())
        if date_from:
            where.append("date_end >= CAST(? AS DATE)")
            params.append(_query_date(date_from, "date_from"))
        if date_to:
            where.append("date_start <= CAST(? AS DATE)")
            params.append(_query_date(date_to, "date_to"))
        sql = "SELECT record FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date_start NULLS LAST, article_id, evidence_start, event_id"
        return self._records(sql, params, limit)

    def quotes(self, speaker: str | None = None, country: str | None = None,
               limit: int | None = None) -> list[dict]:
        """Quote records; ``speaker`` is a case-insensitive name substring, ``country`` a code."""
        where, params = [], []
        if speaker:
            where.append("contains(lower(speaker_name), lower(?))")
            params.append(speaker)
        if country:
            where.append("speaker_country = ?")
            params.append(country.upper())
        sql = "SELECT record FROM quotes"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY article_id, start_offset, quote_id"
        return self._records(sql, params, limit)

    def claims(self, by: str | None = None, denied_by: str | None = None,
               limit: int | None = None) -> list[dict]:
        """Events that someone claims or denies; ``by``/``denied_by`` match a claimant's or
        denier's country code exactly or name case-insensitively as a substring."""
        sql = ("SELECT record FROM events WHERE claimed OR denied "
               "ORDER BY date_start NULLS LAST, article_id, evidence_start, event_id")
        found = [r for r in self._records(sql, [], None)
                 if _involves(r.get("claimed_by"), by) and _involves(r.get("denied_by"), denied_by)]
        return found[:limit] if limit is not None else found

    def articles(self, limit: int | None = None) -> list[dict]:
        return self._records("SELECT record FROM articles ORDER BY published NULLS LAST, article_id",
                             [], limit)

    def failures(self) -> list[dict]:
        rows = self.connection.execute(
            "SELECT origin, stage, reason, seen_at FROM failures ORDER BY seen_at").fetchall()
        return [dict(zip(("origin", "stage", "reason", "seen_at"), row)) for row in rows]

    def counts(self) -> dict:
        con = self.connection
        return {
            table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "events", "quotes", "failures")
        }

    def corpus_counts(self) -> dict:
        """Rows in the corpus tables (articles, duplicates, events, clusters, stories)."""
        con = self.connection
        return {
            table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "article_duplicates", "events", "event_clusters", "stories")
        }

    def event_type_counts(self) -> list[tuple[str, int]]:
        """(event_type, count), most frequent first."""
        return self.connection.execute(
            "SELECT event_type, count(*) AS n FROM events GROUP BY event_type ORDER BY n DESC, event_type"
        ).fetchall()

    def top_dyads(self, limit: int = 10) -> list[tuple[str, str, int]]:
        """(actor countries, recipient countries, count) of the most frequent country pairs."""
        return self.connection.execute(
            """SELECT array_to_string(list_sort(list_distinct(actor_countries)), '+') AS actors,
                      array_to_string(list_sort(list_distinct(recipient_countries)), '+') AS recipients,
                      count(*) AS n
               FROM events
               WHERE len(actor_countries) > 0 AND len(recipient_countries) > 0
               GROUP BY actors, recipients ORDER BY n DESC, actors, recipients LIMIT ?""",
            [limit],
        ).fetchall()

    def _records(self, sql: str, params: list, limit: int | None) -> list[dict]:
        if limit is not None:
            if limit < 0:
                raise StoreError(f"limit must be zero or more, not {limit}")
            sql += " LIMIT ?"
            params = [*params, limit]
        rows = self.connection.execute(sql, params).fetchall()
        return [json.loads(row[0]) for row in rows]


# --- helpers ---------------------------------------------------------------------------------

def _involves(entities: list[dict] | None, who: str | None) -> bool:
    """No filter, or some entity whose country is ``who`` or whose name contains it."""
    if not who:
        return True
    return any(e.get("country") == who.upper() or who.lower() in (e.get("name") or "").lower()
               for e in entities or [])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _open_error(path: str, exc: Exception) -> StoreError:
    message = str(exc)
    if "lock" in message.lower():
        pid = re.search(r"PID (\d+)", message)
        holder = f" (pid {pid.group(1)})" if pid else ""
        return StoreError(
            f"{path} is open for writing by another process{holder}; "
            "close it or use --db another file"
        )
    if "not a valid duckdb" in message.lower() or "database file" in message.lower():
        return StoreError(f"{path} is not an eventwire (DuckDB) database")
    return StoreError(f"cannot open {path}: {message}")


def _query_date(value: str, label: str) -> str:
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise StoreError(f"{label} must be a date YYYY-MM-DD, not {value!r}") from None


def _as_dict(record: Any) -> dict:
    return record if isinstance(record, dict) else record.to_dict()


def _collect_rows(docs_records: Iterable[Sequence[Any]]) -> dict[str, list[dict]]:
    """Rows for each table, keyed by primary key so that a repeated record keeps its last copy."""
    articles: dict[str, dict] = {}
    events: dict[str, dict] = {}
    quotes: dict[str, dict] = {}
    processed_at = _now()
    for records in docs_records:
        for record in records:
            data = _as_dict(record)
            kind = data.get("kind")
            if kind == "article":
                articles[data["article_id"]] = article_row(data, getattr(record, "origin", None),
                                                           processed_at)
            elif kind == "event":
                events[data["event_id"]] = event_row(data)
            elif kind == "quote":
                quotes[data["quote_id"]] = quote_row(data)
            else:
                raise StoreError(f"cannot store a record of kind {kind!r}")
    return {"articles": list(articles.values()), "events": list(events.values()),
            "quotes": list(quotes.values())}


def _record_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)


def article_row(article: dict, origin: str | None, processed_at: dt.datetime) -> dict:
    return {
        "article_id": article["article_id"], "url": article.get("url"),
        "source": article.get("source"), "title": article.get("title"),
        "published": article.get("published"), "language": article.get("language"),
        "origin": origin, "processed_at": processed_at, "record": _record_json(article),
    }


def event_row(event: dict) -> dict:
    date = event.get("date") or {}
    location = event.get("location") or {}
    evidence = event.get("evidence") or {}
    date_start, date_end = date_range(date.get("value"))
    actors, recipients = event.get("actor") or [], event.get("recipient") or []
    return {
        "event_id": event["event_id"], "article_id": event["article_id"],
        "event_type": event.get("event_type"), "mode": event.get("mode"),
        "aux_mode": event.get("aux_mode"),
        "cameo_code": None if event.get("cameo_code") is None else str(event["cameo_code"]),
        "quad_class": event.get("quad_class"), "score": event.get("score"),
        "date_value": date.get("value"), "date_precision": date.get("precision"),
        "date_start": date_start, "date_end": date_end,
        "location_name": location.get("name"), "location_country": location.get("country"),
        "lat": location.get("lat"), "lon": location.get("lon"),
        "confidence": event.get("confidence"),
        "evidence_text": evidence.get("text"), "evidence_start": evidence.get("start"),
        "actor_countries": _countries(actors), "recipient_countries": _countries(recipients),
        "actor_names": _names(actors), "recipient_names": _names(recipients),
        "claimed": bool(event.get("claimed_by")), "denied": bool(event.get("denied_by")),
        "record": _record_json(event),
    }


def quote_row(quote: dict) -> dict:
    speaker = quote.get("speaker") or {}
    return {
        "quote_id": quote["quote_id"], "article_id": quote["article_id"],
        "speaker_name": speaker.get("name"), "speaker_country": speaker.get("country"),
        "cue": quote.get("cue"), "text": quote.get("text"), "direct": quote.get("direct"),
        "start_offset": quote.get("start"), "record": _record_json(quote),
    }


def _countries(entities: list[dict]) -> list[str]:
    return sorted({e["country"] for e in entities if e.get("country")})


def _names(entities: list[dict]) -> list[str]:
    return [e.get("name") or e.get("text") or "" for e in entities]


def date_range(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day a ``YYYY[-MM[-DD]]`` value covers; (None, None) if unreadable."""
    if not value:
        return None, None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            start = dt.date(parts[0], parts[1], 1)
            following = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return start, following - dt.timedelta(days=1)
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day
    except (ValueError, IndexError):
        return None, None


def _arrow_table(columns: Sequence[str], rows: list[dict]):
    import pyarrow as pa

    types = arrow_types()
    arrays = [pa.array([row.get(name) for row in rows], type=types[name]) for name in columns]
    return pa.Table.from_arrays(arrays, names=list(columns))


@lru_cache(maxsize=1)
def arrow_types() -> dict:
    """Arrow type of every stored column (built on first use: pyarrow loads lazily)."""
    import pyarrow as pa

    string_list = pa.list_(pa.string())
    extra_columns = [c for tables in (EXTRA_TABLE_COLUMNS, DERIVED_TABLE_COLUMNS)
                     for columns in tables.values() for c in columns]
    types = {name: pa.string() for name in (*ARTICLE_COLUMNS, *EVENT_COLUMNS, *QUOTE_COLUMNS,
                                              *extra_columns)}
    types.update({
        "processed_at": pa.timestamp("us"), "quad_class": pa.int32(), "score": pa.float64(),
        "date_start": pa.date32(), "date_end": pa.date32(), "lat": pa.float64(),
        "lon": pa.float64(), "confidence": pa.float64(), "evidence_start": pa.int32(),
        "start_offset": pa.int32(), "claimed": pa.bool_(), "denied": pa.bool_(),
        "direct": pa.bool_(), "actor_countries": string_list,
        "recipient_countries": string_list, "actor_names": string_list,
        "recipient_names": string_list, "similarity": pa.float64(),
        "ingested_at": pa.timestamp("us"), "seen_at": pa.timestamp("us"),
        "signature": pa.binary(), "num_articles": pa.int32(), "num_sources": pa.int32(),
        "num_events": pa.int32(),
    })
    return types
