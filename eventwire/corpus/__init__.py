"""A corpus, not an article: ingest (ledger, near-duplicates), event clusters, stories, exports."""
