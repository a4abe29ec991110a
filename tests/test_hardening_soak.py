"""Issue 9, case 15: a soak, reduced for CI.

The full soak is ``bench/soak.py`` (10,000 articles through ``eventwire serve --ingest`` with
the real pipeline while queries run). Here the same driver runs **reduced**: 300 short
articles, and the server runs the app with the fast stand-in pipeline of
``tests/corpus_fakes.py`` injected (the NLP is not what a soak tests; the server, queue,
single writer, store and concurrent readers are). Loopback only, bounded in count and time.
"""

from __future__ import annotations

import importlib.util

import pytest

from hardening_support import ROOT


def _soak_module():
    spec = importlib.util.spec_from_file_location("bench_soak", ROOT / "bench" / "soak.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_case15_soak_reduced_300_articles_through_the_api_while_queries_run(tmp_path):
    """Case 15 (reduced; fake fast pipeline injected): 300 articles POSTed from 4 threads
    while 2 threads query without pause: no errors, counts exact, memory flat."""
    soak = _soak_module()
    result = soak.run_soak(tmp_path / "soak.duckdb", articles=300, fake=True, writers=4, readers=2,
                           deadline_s=120, max_growth_mb=48)
    assert result["post_errors"] == [] and result["query_errors"] == []
    assert result["queries"] > 50
    assert result["checks"] == {"no_errors": True, "counts_exact": True, "memory_flat": True}, {
        k: result[k] for k in ("posted", "stored_articles", "stored_events", "events_reported",
                               "rss_after_warmup_mb", "rss_end_mb")}
