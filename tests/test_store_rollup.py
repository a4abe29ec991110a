"""The dyad-by-week rollup stays equal to a fresh aggregation through writes and rewrites."""

from __future__ import annotations

from eventwire.evaluate.examples import read_examples
from eventwire.model import Article
from eventwire.store import Store
from eventwire.store.duckdb_store import DYAD_WEEK_ROWS


def _fresh(store: Store) -> list[tuple]:
    rows = store.connection.execute(DYAD_WEEK_ROWS.format(where="TRUE")).fetchall()
    return sorted(rows)


def _rollup(store: Store) -> list[tuple]:
    return sorted(store.connection.execute("SELECT * FROM dyad_weeks").fetchall())


def test_rollup_follows_writes_and_rewrites(pipeline, tmp_path):
    examples = read_examples()[:8]
    articles = [Article.create(e["text"], published=e["published"]) for e in examples]
    docs = list(pipeline.pipe(articles))
    with Store.open(tmp_path / "r.duckdb") as store:
        store.write([d.records() for d in docs[:5]])
        assert _rollup(store) == _fresh(store) and _rollup(store)
        store.write([d.records() for d in docs[3:]])  # two articles again, three new
        assert _rollup(store) == _fresh(store)
        store.write([docs[0].records()])  # the same article once more: nothing doubles
        assert _rollup(store) == _fresh(store)
        series = store.dyad_weeks()
        assert all(row["events"] > 0 and 0.0 <= row["conflict_share"] <= 1.0 for row in series)


def test_rebuild_matches_the_maintained_rollup(pipeline, tmp_path):
    examples = read_examples()[:4]
    docs = list(pipeline.pipe([Article.create(e["text"], published=e["published"]) for e in examples]))
    with Store.open(tmp_path / "r.duckdb") as store:
        store.write([d.records() for d in docs])
        maintained = _rollup(store)
        store.rebuild_dyad_weeks()
        assert _rollup(store) == maintained
