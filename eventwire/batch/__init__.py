"""Running the same ``Pipeline`` on more than one core: a local process pool or Ray Data.

- ``pool``: worker processes on this machine, each loading the pipeline once
  (``eventwire process --workers N``).
- ``ray_engine``: Ray Data ``map_batches`` over shards of articles with an actor pool,
  each actor loading the pipeline once and writing its shard into a date-partitioned
  Parquet dataset (``eventwire process --engine ray``).
- ``dataset``: that dataset's layout, resuming by completed shards, and
  ``import_dataset`` (``eventwire import DATASET --db FILE``).

The batch layer holds no NLP logic of its own: every engine calls ``process_articles``
with the pipeline from ``eventwire.factory.build_pipeline``. Nothing here imports
spaCy, pyarrow or Ray until it is used.
"""
