"""Response and request bodies, as pydantic models: they are the OpenAPI spec.

Record models mirror the fixed record schema (DESIGN.md) and allow extra fields, so a field
a later store version adds passes through unchanged.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..ontology import EVENT_TYPES

EventType = Literal[tuple(EVENT_TYPES)]  # type: ignore[valid-type]
AuxModeFilter = Literal["historical", "future", "hypothetical", "negated", "none"]
Interval = Literal["day", "week", "month"]
EventSort = Literal["date", "type", "score", "quad_class", "confidence", "actor", "recipient", "place"]
ExportFormat = Literal["csv", "jsonl"]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Entity(_Open):
    text: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    qid: str | None = None
    start: int | None = None
    end: int | None = None


class DateRef(_Open):
    value: str
    precision: str
    text: str | None = None
    start: int | None = None
    end: int | None = None


class Location(_Open):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


class Evidence(_Open):
    sentence: str
    start: int
    end: int
    text: str


class EventRecord(_Open):
    kind: Literal["event"] = "event"
    event_id: str
    article_id: str
    event_type: str
    mode: str | None = None
    context: list[str] = []
    aux_mode: str | None = None
    cameo_code: str
    quad_class: int
    score: float
    actor: list[Entity] = []
    recipient: list[Entity] = []
    claimed_by: list[Entity] = []
    denied_by: list[Entity] = []
    date: DateRef | None = None
    location: Location | None = None
    evidence: Evidence
    confidence: float


class QuoteRecord(_Open):
    kind: Literal["quote"] = "quote"
    quote_id: str
    article_id: str
    speaker: Entity | None = None
    cue: str | None = None
    text: str
    start: int
    end: int
    direct: bool


class ArticleRecord(_Open):
    kind: Literal["article"] = "article"
    article_id: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    text: str


class _Page(BaseModel):
    total: int = Field(description="How many items match, over all pages.")
    limit: int
    offset: int
    next_offset: int | None = Field(description="The offset of the next page; null on the last.")


class EventPage(_Page):
    items: list[EventRecord]


class QuotePage(_Page):
    items: list[QuoteRecord]


class ArticleSummary(BaseModel):
    article_id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    snippet: str | None
    relevance: float | None = Field(description="Term occurrences, title hits counting 3; null without q.")
    events: int
    quotes: int


class ArticlePage(_Page):
    items: list[ArticleSummary]


class QuadCounts(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    q1: int = Field(alias="1", description="verbal cooperation")
    q2: int = Field(alias="2", description="material cooperation")
    q3: int = Field(alias="3", description="verbal conflict")
    q4: int = Field(alias="4", description="material conflict")


class DyadPoint(BaseModel):
    period: dt.date
    period_end: dt.date
    events: int
    quad_classes: QuadCounts
    mean_score: float | None


class DyadSeries(_Page):
    actor: str
    recipient: str
    interval: Interval
    items: list[DyadPoint]


class Edge(BaseModel):
    source: str
    target: str
    events: int
    quad_classes: QuadCounts
    mean_score: float


class Node(BaseModel):
    id: str
    events: int


class Network(_Page):
    items: list[Edge]
    nodes: list[Node]


class Place(BaseModel):
    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int
    quad_classes: QuadCounts
    mean_score: float


class PlacePage(_Page):
    items: list[Place]


class ActorCount(BaseModel):
    code: str
    events: int


class ActorPage(_Page):
    items: list[ActorCount]


class TypeCount(BaseModel):
    event_type: str | None
    events: int


class DateRange(BaseModel):
    first: dt.date | None
    last: dt.date | None


class Stats(BaseModel):
    counts: dict[str, int]
    event_types: list[TypeCount]
    quad_classes: dict[str, int]
    date_range: DateRange


class Health(BaseModel):
    status: Literal["ok"]
    ingest: bool
    limits: dict[str, float]


class NewArticle(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="The article text.")
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None


class Ingested(BaseModel):
    article_id: str
    status: Literal["stored", "queued"]
    events: int | None = None
    quotes: int | None = None


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status, repeated.")
    code: str = Field(description="eventwire's error code (E001...) or an API code such as not_found.")
    message: str
    details: list[dict] = Field(default_factory=list, description="Per-field problems, when any.")


class ErrorBody(BaseModel):
    """The one shape of every error response."""

    error: ErrorDetail
