"""The HTTP routes: each reads its parameters, calls ``queries`` and returns the result.

Sync routes run in the server's thread pool, each with a cursor of its own.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
from typing import Annotated, Iterator

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from ..io.writers import EVENT_COLUMNS, event_row
from ..model import Article
from . import queries, schemas
from .errors import ApiError

ERRORS = {status: {"model": schemas.ErrorBody, "description": description} for status, description in (
    (400, "Bad request"), (403, "Not allowed on this server"), (404, "Not found"),
    (413, "Request body too large"), (422, "Invalid parameters or body"),
    (500, "Unexpected error"), (503, "Query timed out, store or ingest queue unavailable"),
)}
router = APIRouter(prefix="/api", responses=ERRORS)

MAX_PAGE = 500
MAX_EXPORT_ROWS = 100_000
Text = Annotated[str | None, Query(max_length=200)]
Code = Annotated[str | None, Query(max_length=200, description=(
    "A country code (three capitals: RUS) or else part of a name, in any case (putin)."))]
IdPath = Annotated[str, Path(max_length=64, pattern=r"^[0-9A-Za-z_-]+$")]


def page(limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
         offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> queries.Page:
    return queries.Page(limit=limit, offset=offset)


def event_filter(
    actor: Code = None,
    recipient: Code = None,
    undirected: Annotated[bool, Query(description="Match actor and recipient either way round.")] = False,
    event_type: Annotated[schemas.EventType | None, Query(alias="type")] = None,
    mode: Text = None,
    context: Text = None,
    aux_mode: Annotated[schemas.AuxModeFilter | None, Query(
        description="An auxiliary mode, or none for plain reported fact.")] = None,
    claimed_by: Code = None,
    denied_by: Code = None,
    claimed: bool | None = None,
    denied: bool | None = None,
    date_from: Annotated[dt.date | None, Query(alias="from")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to")] = None,
    place: Annotated[str | None, Query(max_length=200, description="A country code (UKR) or part of a place name.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the evidence sentence.")] = None,
    article_id: Annotated[str | None, Query(max_length=64)] = None,
) -> queries.EventFilter:
    return queries.EventFilter(
        actor=actor, recipient=recipient, undirected=undirected, event_type=event_type, mode=mode,
        context=context, aux_mode=aux_mode, claimed_by=claimed_by, denied_by=denied_by,
        claimed=claimed, denied=denied, date_from=date_from, date_to=date_to, place=place,
        text=q, article_id=article_id)


Filter = Annotated[queries.EventFilter, Depends(event_filter)]
PageOf = Annotated[queries.Page, Depends(page)]
Sort = Annotated[schemas.EventSort, Query()]


def _desk(request: Request):
    return request.app.state.desk


@router.get("/health", response_model=schemas.Health, summary="Liveness, mode and limits")
def health(request: Request):
    desk = _desk(request)
    return {"status": "ok", "ingest": desk.writer is not None,
            "limits": {"query_timeout_s": desk.query_timeout}}


@router.get("/stats", response_model=schemas.Stats, summary="Counts, event types, quad classes, dates")
def stats(request: Request):
    with _desk(request).reading() as cur:
        return queries.stats(cur)


@router.get("/events", response_model=schemas.EventPage, summary="Events matching the filters")
def list_events(request: Request, flt: Filter, pg: PageOf, sort: Sort = "date", desc: bool = False):
    with _desk(request).reading() as cur:
        return queries.events_page(cur, flt, pg, sort, desc)


@router.get("/events/export", summary="Every event matching the filters, as CSV or JSONL",
            response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}},
                             "description": "The file."}})
def export_events(request: Request, flt: Filter, sort: Sort = "date", desc: bool = False,
                  format: schemas.ExportFormat = "csv",
                  limit: Annotated[int, Query(ge=1, le=MAX_EXPORT_ROWS)] = MAX_EXPORT_ROWS):
    with _desk(request).reading() as cur:
        records = queries.events_for_export(cur, flt, limit, sort, desc)
    media = "text/csv" if format == "csv" else "application/x-ndjson"
    body = _csv(records) if format == "csv" else _jsonl(records)
    disposition = f'attachment; filename="events.{format}"'
    return StreamingResponse(body, media_type=media, headers={"Content-Disposition": disposition})


def _csv(records: list[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["article_id", *EVENT_COLUMNS], extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({"article_id": record["article_id"], **event_row(record)})
        if buffer.tell() > 65536:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _jsonl(records: list[dict]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"


@router.get("/events/{event_id}", response_model=schemas.EventRecord, summary="One event")
def get_event(request: Request, event_id: IdPath):
    with _desk(request).reading() as cur:
        record = queries.event_by_id(cur, event_id)
    if record is None:
        raise ApiError(404, "not_found", f"no event {event_id}")
    return record


@router.get("/quotes", response_model=schemas.QuotePage, summary="Quotes by speaker, country, words")
def list_quotes(request: Request, pg: PageOf, speaker: Text = None,
                country: Annotated[str | None, Query(max_length=3)] = None,
                q: Text = None, article_id: Annotated[str | None, Query(max_length=64)] = None):
    with _desk(request).reading() as cur:
        return queries.quotes_page(cur, pg, speaker, country, q, article_id)


@router.get("/articles", response_model=schemas.ArticlePage,
            summary="Articles, or those containing the words of q, most relevant first")
def list_articles(request: Request, pg: PageOf, q: Text = None):
    with _desk(request).reading() as cur:
        return queries.articles_page(cur, q, pg)


@router.get("/articles/{article_id}", response_model=schemas.ArticleRecord,
            summary="One article with its text (its events and quotes: /events, /quotes?article_id=)")
def get_article(request: Request, article_id: IdPath):
    with _desk(request).reading() as cur:
        record = queries.article_by_id(cur, article_id)
    if record is None:
        raise ApiError(404, "not_found", f"no article {article_id}")
    return record


@router.post("/articles", response_model=schemas.Ingested, status_code=201,
             summary="Process and store one article (only when the server ingests)",
             responses={202: {"model": schemas.Ingested, "description": "Queued, not yet stored"}})
async def ingest_article(request: Request, body: schemas.NewArticle):
    desk = _desk(request)
    if desk.writer is None:
        raise ApiError(403, "read_only", "this server is read-only; start it with --ingest to add articles")
    _check_new_article(body)
    article = Article.create(body.text, title=body.title, source=body.source, url=body.url,
                             published=body.published.isoformat() if body.published else None)
    future = desk.writer.submit(article)
    try:
        counts = await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), desk.ingest_wait)
    except asyncio.TimeoutError:
        return JSONResponse({"article_id": article.article_id, "status": "queued"}, status_code=202)
    return {"article_id": article.article_id, "status": "stored",
            "events": counts.get("events", 0), "quotes": counts.get("quotes", 0)}


def _check_new_article(body: schemas.NewArticle) -> None:
    """What the readers refuse in a file is refused here too: blank or binary text, NUL
    characters, lone surrogates, a text longer than the pipeline takes."""
    from ..errors import InputError
    from ..io.readers import text_problem
    from ..run import MAX_TEXT_CHARS

    if not body.text.strip():
        raise InputError("POST /api/articles", "empty document")
    if len(body.text) > MAX_TEXT_CHARS:
        raise InputError("POST /api/articles", f"text too long for the pipeline ({len(body.text):,} "
                                               f"characters; the limit is {MAX_TEXT_CHARS:,})")
    for name in ("text", "title", "source", "url"):
        value = getattr(body, name)
        problem = value and text_problem(value)
        if problem:
            raise InputError("POST /api/articles", f"'{name}': {problem}")


@router.get("/dyad", response_model=schemas.DyadSeries,
            summary="Counts by quad class and mean score per period between two actors")
def dyad(request: Request, actor: Annotated[str, Query(min_length=1, max_length=200)],
         recipient: Annotated[str, Query(min_length=1, max_length=200)], flt: Filter, pg: PageOf,
         interval: schemas.Interval = "month",
         directed: Annotated[bool, Query(description="Only events from actor to recipient.")] = False):
    pair = queries.EventFilter(**{**flt.__dict__, "actor": actor, "recipient": recipient,
                                  "undirected": not directed})
    with _desk(request).reading() as cur:
        series = queries.dyad_series(cur, pair, interval, pg)
    return {**series, "actor": actor, "recipient": recipient, "interval": interval}


@router.get("/network", response_model=schemas.Network,
            summary="Country-to-country edges for the filtered events, weighted, by quad class")
def network(request: Request, flt: Filter, pg: PageOf):
    with _desk(request).reading() as cur:
        return queries.network(cur, flt, pg)


@router.get("/places", response_model=schemas.PlacePage,
            summary="Event locations with counts by quad class (the map)")
def places(request: Request, flt: Filter, pg: PageOf):
    with _desk(request).reading() as cur:
        return queries.places(cur, flt, pg)


@router.get("/actors", response_model=schemas.ActorPage, summary="Country codes with event counts")
def actors(request: Request, pg: PageOf, q: Text = None):
    with _desk(request).reading() as cur:
        return queries.actors(cur, q, pg)
