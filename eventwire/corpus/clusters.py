"""Event clusters: the same event reported by many articles, counted once (GDELT's
NumArticles / NumSources).

Events fall in one cluster when they share type, aux mode, actors, recipients, place and
date. Actors compare by CAMEO code (``RUSGOV``), else country, else name; places by name
and country; an event without a date stays in a cluster of its own article. An article's
near-duplicates (``article_duplicates``) count as reports of every event of their
original. A source is the article's ``source``, else its URL's host, else ``unknown``.
"""

from __future__ import annotations

# Key parts of one event; the cluster id is a hash of them (stable across rebuilds).
_KEYED_EVENTS = """
    SELECT event_id, article_id, event_type, aux_mode, confidence, date_value, record,
           array_to_string(list_sort(list_distinct(list_transform(
               CAST(record->'$.actor' AS JSON[]),
               lambda x: coalesce(x->>'code', x->>'country', x->>'name')))), '+') AS actor_key,
           array_to_string(list_sort(list_distinct(list_transform(
               CAST(record->'$.recipient' AS JSON[]),
               lambda x: coalesce(x->>'code', x->>'country', x->>'name')))), '+') AS recipient_key,
           coalesce(lower(location_name) || '/' || coalesce(location_country, ''), '') AS location_key
    FROM events
"""

SOURCE_KEY = ("coalesce(nullif({t}.source, ''), "
              "nullif(regexp_extract({t}.url, '^[A-Za-z]+://([^/:?#]+)', 1), ''), 'unknown')")

REBUILD_SQL = f"""
    CREATE OR REPLACE TEMP TABLE keyed_events AS
    SELECT *, substr(md5(concat_ws('|', event_type, coalesce(aux_mode, 'fact'), actor_key,
                                   recipient_key, location_key,
                                   coalesce(date_value, 'article:' || article_id))), 1, 16) AS cluster_id
    FROM ({_KEYED_EVENTS});

    DELETE FROM event_cluster_members;
    DELETE FROM event_clusters;

    INSERT INTO event_cluster_members (event_id, cluster_id)
    SELECT event_id, cluster_id FROM keyed_events;

    INSERT INTO event_clusters
    WITH reports AS (
        SELECT a.article_id AS original_id, a.article_id AS report_id,
               {SOURCE_KEY.format(t='a')} AS source_key
        FROM articles a
        UNION ALL
        SELECT d.original_id, d.article_id, {SOURCE_KEY.format(t='d')}
        FROM article_duplicates d
    ),
    counts AS (
        SELECT m.cluster_id, count(DISTINCT r.report_id) AS num_articles,
               count(DISTINCT r.source_key) AS num_sources
        FROM (SELECT DISTINCT cluster_id, article_id FROM keyed_events) m
        JOIN reports r ON r.original_id = m.article_id
        GROUP BY m.cluster_id
    ),
    grouped AS (
        SELECT cluster_id, any_value(event_type) AS event_type, any_value(aux_mode) AS aux_mode,
               any_value(actor_key) AS actor_key, any_value(recipient_key) AS recipient_key,
               any_value(location_key) AS location_key, any_value(date_value) AS date_value,
               count(*) AS num_events,
               first(event_id ORDER BY confidence DESC, event_id) AS representative_event_id
        FROM keyed_events GROUP BY cluster_id
    )
    SELECT g.cluster_id, g.event_type, g.aux_mode, g.actor_key, g.recipient_key, g.location_key,
           g.date_value, g.num_events, coalesce(c.num_articles, 0), coalesce(c.num_sources, 0),
           g.representative_event_id, NULL
    FROM grouped g LEFT JOIN counts c USING (cluster_id);

    UPDATE event_clusters SET label = (
        SELECT concat_ws(', ',
                   concat_ws(' ', nullif(names(e.record, 'actor'), ''), e.event_type,
                             '→ ' || nullif(names(e.record, 'recipient'), '')),
                   e.location_name, e.date_value)
        FROM events e WHERE e.event_id = event_clusters.representative_event_id);

    DROP TABLE keyed_events;
"""

NAMES_MACRO = """
    CREATE OR REPLACE TEMP MACRO names(record, role) AS
    array_to_string(list_distinct(list_transform(
        CAST(json_extract(record, '$.' || role) AS JSON[]), lambda x: coalesce(x->>'name', x->>'text'))), ', ')
"""


def rebuild_event_clusters(store) -> int:
    """Recompute ``event_clusters`` and ``event_cluster_members`` from the stored events;
    returns the number of clusters."""
    with store.transaction() as con:
        con.execute(NAMES_MACRO)
        for statement in _statements(REBUILD_SQL):
            con.execute(statement)
        return con.execute("SELECT count(*) FROM event_clusters").fetchone()[0]


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";\n") if part.strip()]
