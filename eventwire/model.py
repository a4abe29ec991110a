"""The records eventwire produces, as small typed classes.

Field names follow the fixed record schema in DESIGN.md; ``to_dict`` gives exactly
that shape and ``from_dict`` reads it back. Offsets are Python code points into the
article text.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any

AUX_MODES = ("historical", "future", "hypothetical", "negated")


def content_hash(*parts: Any, length: int = 16) -> str:
    """A stable id from content: the same inputs always give the same id."""
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:length]


def _shallow_dict(record) -> dict:
    """Field name -> value of a flat dataclass (``asdict`` deep-copies, which costs more than
    the whole store write)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


class _Record:
    """Shared dict conversion for the flat record classes."""

    def to_dict(self) -> dict:
        return _shallow_dict(self)

    @classmethod
    def from_dict(cls, data: dict | None):
        if data is None:
            return None
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Entity(_Record):
    """One actor mention resolved to a coded entity."""

    text: str
    name: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    qid: str | None = None
    start: int = 0
    end: int = 0

    @property
    def key(self) -> tuple:
        """Identity for de-duplicating lists: the same coded entity."""
        return (self.name, self.country, self.sector)


@dataclass
class DateRef(_Record):
    value: str
    precision: str  # "year" | "month" | "day"
    text: str | None = None
    start: int | None = None
    end: int | None = None
    source: str = "text"  # "text": from words in the article; "published": fallback


@dataclass
class Location(_Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    admin1: str | None = None


@dataclass
class Evidence(_Record):
    sentence: str
    start: int
    end: int
    text: str


def _entities(items) -> list[Entity]:
    return [e if isinstance(e, Entity) else Entity.from_dict(e) for e in items or []]


@dataclass
class Event:
    event_id: str
    article_id: str
    event_type: str
    mode: str | None
    context: list[str]
    aux_mode: str | None
    cameo_code: str
    quad_class: int
    score: float
    actor: list[Entity]
    recipient: list[Entity]
    claimed_by: list[Entity]
    denied_by: list[Entity]
    date: DateRef | None
    location: Location | None
    evidence: Evidence
    confidence: float
    trigger: str | None = None  # the lemma that triggered the event (for explain/eval)

    kind = "event"

    def to_dict(self) -> dict:
        data = {"kind": self.kind}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, list):
                value = [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
            elif hasattr(value, "to_dict"):
                value = value.to_dict()
            data[f.name] = value
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Event":
        return cls(
            event_id=data["event_id"],
            article_id=data["article_id"],
            event_type=data["event_type"],
            mode=data.get("mode"),
            context=list(data.get("context") or []),
            aux_mode=data.get("aux_mode"),
            cameo_code=str(data["cameo_code"]),
            quad_class=int(data["quad_class"]),
            score=float(data["score"]),
            actor=_entities(data.get("actor")),
            recipient=_entities(data.get("recipient")),
            claimed_by=_entities(data.get("claimed_by")),
            denied_by=_entities(data.get("denied_by")),
            date=DateRef.from_dict(data.get("date")),
            location=Location.from_dict(data.get("location")),
            evidence=Evidence.from_dict(data["evidence"]),
            confidence=float(data.get("confidence", 0.0)),
            trigger=data.get("trigger"),
        )


@dataclass
class Quote:
    quote_id: str
    article_id: str
    speaker: Entity | None
    cue: str | None
    text: str
    start: int
    end: int
    direct: bool

    kind = "quote"

    def to_dict(self) -> dict:
        data = {"kind": self.kind, **_shallow_dict(self)}
        data["speaker"] = self.speaker.to_dict() if self.speaker else None
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Quote":
        return cls(
            quote_id=data["quote_id"],
            article_id=data["article_id"],
            speaker=Entity.from_dict(data.get("speaker")),
            cue=data.get("cue"),
            text=data["text"],
            start=int(data["start"]),
            end=int(data["end"]),
            direct=bool(data["direct"]),
        )


@dataclass
class Article:
    article_id: str
    text: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None  # "YYYY-MM-DD"
    language: str = "en"
    author: str | None = None  # optional: only in the record when known
    origin: str | None = field(default=None, compare=False)  # file[:line] it was read from

    kind = "article"

    @classmethod
    def create(cls, text: str, **meta) -> "Article":
        """An article whose id is the hash of its text, so re-reading it gives the same id."""
        return cls(article_id=content_hash("article", text), text=text, **meta)

    def to_dict(self) -> dict:
        data = {"kind": self.kind, **_shallow_dict(self)}
        data.pop("origin")
        if data["author"] is None:  # records without an author keep the schema's exact shape
            data.pop("author")
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Article":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


RECORD_CLASSES = {"event": Event, "quote": Quote, "article": Article}


def record_from_dict(data: dict):
    """Read any record by its ``kind``."""
    return RECORD_CLASSES[data["kind"]].from_dict(data)
