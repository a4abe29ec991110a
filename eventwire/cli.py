"""The ``eventwire`` command line.

Commands stay thin: they read options, call the library (readers, pipeline, store,
writers) and translate ``EventwireError`` into ``Error: ...`` on stderr with exit code 1.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .errors import EventwireError, StrictModeError
from .io.readers import normalise_date, read_sources
from .io.writers import EVENT_COLUMNS, QUOTE_COLUMNS, event_row, quote_row, render_table, write_csv, write_jsonl
from .run import DEFAULT_BATCH_SIZE, RunSummary, run

Summary = RunSummary  # the name this module used before the loop moved to eventwire.run
from .batch.dataset import DEFAULT_SHARD_SIZE

DEMO_DB = "eventwire-demo.duckdb"
# The columns a person reads in a terminal; CSV and JSONL carry everything.
EVENT_TABLE_COLUMNS = ("date", "event_type", "mode", "aux_mode", "actor", "recipient",
                       "claimed_by", "denied_by", "cameo_code", "evidence")
QUOTE_TABLE_COLUMNS = ("speaker", "cue", "direct", "text")
FORMATS = click.Choice(["jsonl", "table", "csv"])


class _Group(click.Group):
    """A command group that turns eventwire's typed errors into ``Error: <message>``."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except EventwireError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group)
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: evidence-linked political event data (PLOVER + CAMEO) from news text."""


# --- process -----------------------------------------------------------------------------------

def _validate_published(ctx, param, value: str | None) -> str | None:
    if value is None:
        return None
    date = normalise_date(value)
    if date is None:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD")
    return date


def _scale_options(command):
    options = [
        click.option("--workers", type=click.IntRange(min=0), metavar="N",
                     help="Worker processes (local) or Ray actors, each loading the pipeline once; "
                          "0: one per CPU core. Default: 1 locally, every CPU of the Ray cluster."),
        click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
                     show_default=True,
                     help="local: this machine; ray: Ray Data, writing a Parquet dataset (--dataset)."),
        click.option("--address", metavar="ADDR",
                     help="With --engine ray: the cluster to join (default: start a local one)."),
        click.option("--dataset", type=click.Path(file_okay=False), metavar="DIR",
                     help="With --engine ray: the date-partitioned Parquet dataset to write; "
                          "a rerun skips its completed shards."),
        click.option("--shard-size", type=click.IntRange(min=1), default=DEFAULT_SHARD_SIZE,
                     show_default=True,
                     help="With --engine ray: input documents per shard (keep it for reruns)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_validate_published, metavar="YYYY-MM-DD",
              help="Publication date for articles that carry none (text files, stdin).")
@click.option("--db", type=click.Path(dir_okay=False), help="Store the records in this DuckDB file.")
@click.option("--format", "fmt", type=FORMATS,
              help="Write records to stdout: jsonl (all records), table or csv (events). "
                   "Default: jsonl without --db, nothing but the summary with --db.")
@click.option("--strict", is_flag=True,
              help="Exit with status 1 if any document was skipped (the good ones are still stored).")
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE, show_default=True,
              help="Articles parsed and stored together.")
@_scale_options
@click.pass_context
def process(ctx, paths, published, db, fmt, strict, batch_size, workers, engine, address, dataset,
            shard_size) -> None:
    """Extract events and quotes from PATHS (files, folders, or - for stdin).

    Reads .jsonl/.ndjson (one article a line), .html/.htm, .warc/.warc.gz and plain
    text. Each skipped document is reported on stderr as 'skipped FILE[:LINE]: reason';
    a summary line ends the run.
    """
    if engine == "ray":
        summary = _run_on_ray(paths, published, db, fmt, batch_size, workers, address, dataset,
                              shard_size)
    else:
        _check_local_options(address, dataset)
        if fmt is None and db is None:
            fmt = "jsonl"
        summary = _run(lambda: _local_pipeline(ctx, batch_size, workers), paths, published, db, fmt,
                       batch_size)
    if strict and summary.skipped:
        raise StrictModeError(f"{summary.skipped} document(s) skipped and --strict was given")


def _run(make_pipeline, paths, published, db, fmt, batch_size) -> RunSummary:
    """Read, process, store and write; the store is opened first so a locked file fails fast."""
    from .store import Store

    summary = RunSummary()
    store = Store.open(db) if db else None
    sink = _RecordSink(fmt)
    try:
        run(read_sources(paths, published), make_pipeline(), store, on_records=sink,
            batch_size=batch_size, on_skip=_echo_skip, summary=summary)
        sink.close()
    finally:
        if store is not None:
            store.close()
        click.echo(summary.line(), err=True)
    return summary


def _echo_skip(where: str, stage: str, reason: str) -> None:
    click.echo(f"skipped {where}: {reason}", err=True)


class _RecordSink:
    """Writes each article's records to stdout as they are committed, in the chosen format."""

    def __init__(self, fmt: str | None):
        self.fmt = fmt
        self.event_rows: list[dict] = []
        self.csv_header_written = False

    def __call__(self, records: list) -> None:
        if self.fmt == "jsonl":
            write_jsonl(records, sys.stdout)
            sys.stdout.flush()
            return
        rows = [event_row(r.to_dict()) for r in records if r.kind == "event"]
        if self.fmt == "csv":
            self._write_csv(rows)
        elif self.fmt == "table":
            self.event_rows += rows

    def _write_csv(self, rows: list[dict]) -> None:
        if not self.csv_header_written:
            write_csv([], sys.stdout, EVENT_COLUMNS)
            self.csv_header_written = True
        write_csv(rows, sys.stdout, EVENT_COLUMNS, header=False)

    def close(self) -> None:
        if self.fmt == "csv" and not self.csv_header_written:
            write_csv([], sys.stdout, EVENT_COLUMNS)
        elif self.fmt == "table":
            _print_table(render_table(self.event_rows, EVENT_TABLE_COLUMNS, title="events"))


# --- scaling out: --workers, --engine ray, import ------------------------------------------------

def _resolved_workers(workers: int | None) -> int | None:
    return (os.cpu_count() or 1) if workers == 0 else workers


def _check_local_options(address: str | None, dataset: str | None) -> None:
    if address or dataset:
        raise click.UsageError("--address and --dataset go with --engine ray")


def _local_pipeline(ctx: click.Context, batch_size: int, workers: int | None):
    """The in-process pipeline, or a pool of worker processes that each load one."""
    workers = _resolved_workers(workers)
    if workers is None or workers <= 1:
        return _pipeline(ctx, batch_size)
    from .batch.pool import PoolPipeline

    return PoolPipeline(workers, batch_size)


def _run_on_ray(paths, published, db, fmt, batch_size, workers, address, dataset,
                shard_size) -> RunSummary:
    """Process on Ray into ``dataset``, then import it into ``db`` when one is given."""
    from .batch.dataset import import_dataset
    from .batch.ray_engine import process_to_dataset

    if dataset is None:
        raise click.UsageError("--engine ray writes a Parquet dataset: give --dataset DIR")
    if fmt is not None:
        raise click.UsageError("--format does not go with --engine ray; records go to --dataset "
                               "(load them with 'eventwire import DATASET --db FILE')")
    summary = RunSummary()
    try:
        done = process_to_dataset(read_sources(paths, published), dataset, address=address,
                                  workers=_resolved_workers(workers), batch_size=batch_size,
                                  shard_size=shard_size,
                                  on_shard=lambda result: _count_shard(summary, result))
        click.echo(done.line(), err=True)
        if db:
            click.echo(import_dataset(dataset, db).line(), err=True)
    finally:
        click.echo(summary.line(), err=True)
    return summary


def _count_shard(summary: RunSummary, result) -> None:
    for failure in result.failures:
        _echo_skip(failure["origin"], failure["stage"], failure["reason"])
        summary.count_skip(failure["reason"])
    summary.processed += result.processed
    summary.events += result.events
    summary.quotes += result.quotes
    summary.no_events += result.no_events


def _pipeline(ctx: click.Context, batch_size: int):
    """The pipeline given by a caller (tests pass one in ``obj``) or the default one."""
    given = (ctx.obj or {}).get("pipeline") if isinstance(ctx.obj, dict) else None
    if given is not None:
        return given
    from .factory import build_pipeline

    return build_pipeline(batch_size=batch_size)


def _print_table(table) -> None:
    from rich.console import Console

    Console(file=sys.stdout, width=_table_width()).print(table)


def _table_width() -> int | None:
    """Wide enough to read when stdout is not a terminal (rich would assume 80 columns)."""
    return None if sys.stdout.isatty() else 200


# --- queries -------------------------------------------------------------------------------------

def _db_option(default: str | None = None):
    return click.option("--db", type=click.Path(dir_okay=False), required=default is None,
                        default=default, show_default=default is not None,
                        help="The DuckDB file written by 'eventwire process --db'.")


@main.command()
@_db_option()
@click.option("--actor", help="Country code (e.g. RUS) or part of a name.")
@click.option("--recipient", help="Country code (e.g. PRK) or part of a name.")
@click.option("--type", "event_type", help="PLOVER event type, e.g. CONSULT.")
@click.option("--aux-mode", help="historical, future, hypothetical, negated, or none (plain fact).")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Events dated on or after this day.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Events dated on or before this day.")
@click.option("--disputed", is_flag=True, help="Only events that someone claims or denies.")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many events.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def events(db, actor, recipient, event_type, aux_mode, date_from, date_to, disputed, limit, fmt) -> None:
    """Query the events stored in a database."""
    from .store import Store

    with Store.open(db, read_only=True) as store:
        found = store.events(actor=actor, recipient=recipient, event_type=event_type,
                             aux_mode=aux_mode, date_from=date_from, date_to=date_to,
                             limit=None if disputed else limit)
    if disputed:
        found = [r for r in found if r.get("claimed_by") or r.get("denied_by")][:limit]
    _write_query(found, fmt, event_row, EVENT_COLUMNS, EVENT_TABLE_COLUMNS, "events")


@main.command()
@_db_option()
@click.option("--by", help="Claimed by: country code (e.g. USA) or part of a name.")
@click.option("--denied-by", help="Denied by: country code (e.g. PRK) or part of a name.")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many events.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def claims(db, by, denied_by, limit, fmt) -> None:
    """Query stored events that someone claims or denies."""
    from .store import Store

    with Store.open(db, read_only=True) as store:
        found = store.claims(by=by, denied_by=denied_by, limit=limit)
    _write_query(found, fmt, event_row, EVENT_COLUMNS, EVENT_TABLE_COLUMNS, "claimed or denied events")


@main.command()
@_db_option()
@click.option("--speaker", help="Part of the speaker's name (case-insensitive).")
@click.option("--country", metavar="ISO3", help="Speaker's country code, e.g. USA.")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many quotes.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def quotes(db, speaker, country, limit, fmt) -> None:
    """Query the quotes stored in a database."""
    from .store import Store

    with Store.open(db, read_only=True) as store:
        found = store.quotes(speaker=speaker, country=country, limit=limit)
    _write_query(found, fmt, quote_row, QUOTE_COLUMNS, QUOTE_TABLE_COLUMNS, "quotes")


def _write_query(records: list[dict], fmt: str, to_row, columns, table_columns, title: str) -> None:
    stdout = sys.stdout
    if fmt == "jsonl":
        write_jsonl(records, stdout)
    elif fmt == "csv":
        write_csv((to_row(r) for r in records), stdout, columns)
    else:
        _print_table(render_table([to_row(r) for r in records], table_columns,
                                  title=f"{len(records)} {title}"))


# --- serve -------------------------------------------------------------------------------------

@main.command()
@_db_option()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--ingest", is_flag=True,
              help="Accept POST /api/articles; the server then holds the file for writing.")
@click.option("--query-timeout", type=click.FloatRange(min=0.1), default=5.0, show_default=True,
              help="Seconds after which a request's queries are stopped (503).")
@click.option("--max-body", type=click.IntRange(min=1024), default=1_000_000, show_default=True,
              help="Largest request body accepted, in bytes (413 beyond).")
def serve(db, host, port, ingest, query_timeout, max_body) -> None:
    """Serve the dashboard (/) and the HTTP API (/api, spec at /openapi.json) over a database."""
    from .api.server import serve as run_server

    run_server(db, host=host, port=port, ingest=ingest, query_timeout=query_timeout,
               max_body_bytes=max_body)


@main.command("import")
@click.argument("dataset", type=click.Path(file_okay=False))
@_db_option()
def import_command(dataset, db) -> None:
    """Load DATASET, written by 'process --engine ray', into a database.

    Only completed shards are loaded; importing again replaces, never duplicates.
    """
    from .batch.dataset import import_dataset

    click.echo(import_dataset(dataset, db).line(), err=True)


# --- demo --------------------------------------------------------------------------------------

def examples_dir() -> Path:
    """The bundled example corpus (the repository's ``examples/`` folder)."""
    return Path(__file__).resolve().parent.parent / "examples"


@main.command()
@_db_option(default=DEMO_DB)
@click.pass_context
def demo(ctx, db) -> None:
    """Process the bundled example corpus into a database and summarise it."""
    from .store import Store

    folder = examples_dir()
    if not folder.is_dir() or not any(p for p in folder.rglob("*") if p.is_file()):
        raise click.ClickException(
            f"the example corpus is not installed (looked in {folder}); "
            "run 'eventwire process' on your own files instead"
        )
    corpus = folder / "articles.jsonl"  # not the whole folder: it also holds README.md and expected/*.json
    source = corpus if corpus.is_file() else folder
    _run(lambda: _pipeline(ctx, DEFAULT_BATCH_SIZE), [str(source)], None, db, None, DEFAULT_BATCH_SIZE)
    with Store.open(db, read_only=True) as store:
        type_rows = [{"event_type": t, "events": n} for t, n in store.event_type_counts()]
        dyad_rows = [{"actor": a, "recipient": r, "events": n} for a, r, n in store.top_dyads()]
    _print_table(render_table(type_rows, ("event_type", "events"), title="events per type"))
    _print_table(render_table(dyad_rows, ("actor", "recipient", "events"), title="top dyads"))
    click.echo(f"Stored in {db}; try: eventwire events --db {db} --actor RUS, "
               f"or the dashboard: eventwire serve --db {db}", err=True)


# --- ingest and export -------------------------------------------------------------------------

@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", type=click.Path(dir_okay=False), required=True,
              help="The DuckDB file to ingest into (created when missing).")
@click.option("--published", callback=_validate_published, metavar="YYYY-MM-DD",
              help="Publication date for articles that carry none (text files, stdin).")
@click.option("--follow-links", is_flag=True,
              help="Fetch each feed entry's page instead of using the feed's own text.")
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE, show_default=True,
              help="Articles parsed and committed together (one transaction a batch).")
@click.option("--workers", type=click.IntRange(min=0), metavar="N",
              help="Worker processes, each loading the pipeline once (0: one per CPU core; "
                   "default 1).")
@click.pass_context
def ingest(ctx, sources, db, published, follow_links, batch_size, workers) -> None:
    """Ingest SOURCES (files, folders, URLs, .urls lists, feeds, - for stdin) into a database.

    Incremental and resumable: documents already ingested are passed over, near-duplicates
    are linked to their original instead of processed, and every batch is committed whole,
    so an interrupted run is completed by running it again.
    """
    from .corpus.ingest import ingest as ingest_items
    from .io.readers import estimate_documents
    from .store import Store

    summary = RunSummary()
    with Store.open(db) as store:
        pipeline = _local_pipeline(ctx, batch_size, workers)
        progress = _progress_reporter(estimate_documents(sources))
        try:
            items = read_sources(sources, published, follow_links=follow_links)
            ingest_items(items, pipeline, store, batch_size=batch_size, on_skip=_echo_skip,
                         on_progress=progress, summary=summary)
        finally:
            progress.close()
            for line in _ingest_summary_lines(summary, store):
                click.echo(line, err=True)


def _ingest_summary_lines(summary: RunSummary, store) -> list[str]:
    lines = [f"processed {summary.processed}, duplicates {summary.duplicates}, "
             f"already ingested {summary.already_ingested}, skipped {summary.skipped}, "
             f"events {summary.events}, quotes {summary.quotes}"]
    lines += [f"  skipped {count}: {reason}" for reason, count in summary.skip_reasons.most_common()]
    totals = store.corpus_counts()
    lines.append(f"database {store.path}: {totals['articles']} articles, "
                 f"{totals['article_duplicates']} duplicates, {totals['events']} events in "
                 f"{totals['event_clusters']} clusters, {totals['stories']} stories")
    return lines


def _progress_reporter(total: int | None):
    from .corpus.progress import PlainProgress, RichProgress

    if sys.stderr.isatty():
        return RichProgress(total)
    return PlainProgress(total, lambda line: click.echo(line, err=True))


@main.command()
@_db_option()
@click.option("--format", "fmt", type=click.Choice(["plover-jsonl", "parquet", "gdelt", "csv"]),
              required=True, help="plover-jsonl (all records), parquet (a folder), gdelt (TSV), csv.")
@click.option("--output", type=click.Path(), help="Write here instead of stdout (a folder for parquet).")
def export(db, fmt, output) -> None:
    """Export a database: PLOVER JSONL, Parquet, a GDELT 2.0-style event table, or CSV."""
    from .corpus.exports import export as export_store
    from .store import Store

    with Store.open(db, read_only=True) as store:
        count = export_store(store, fmt, stream=sys.stdout, output=output)
    click.echo(f"exported {count} {'records' if fmt == 'plover-jsonl' else 'rows'}"
               + (f" to {output}" if output else ""), err=True)


def _add_tool_commands() -> None:
    from .cli_tools import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_add_tool_commands()
