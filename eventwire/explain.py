"""Explain an article's events: the words behind each field and why each candidate won."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .errors import InputError
from .factory import build_pipeline
from .io.readers import read_sources


def _entities(entities) -> str:
    return "; ".join(f"{e.name} [{e.country or '-'} {e.sector or '-'}] from '{e.text}'" for e in entities) or "-"


def explain_article(path: Path, number: int | None = None, published: str | None = None) -> Iterator[str]:
    """Lines describing each event of the first article in ``path`` (or only event ``number``)."""
    article = next(iter(read_sources([str(path)], published=published)), None)
    if article is None or isinstance(article, InputError):
        raise article if isinstance(article, InputError) else InputError(str(path), "no article found")
    doc = build_pipeline()(article)
    frames = doc.frames
    if number is not None and number > len(frames):
        raise InputError(str(path), f"the article has {len(frames)} events; there is no event {number}")
    for n, (frame, event) in enumerate(zip(frames, doc.events()), start=1):
        if number is not None and n != number:
            continue
        yield from _explain_event(n, frame, event)


def _explain_event(n: int, frame, event) -> Iterator[str]:
    yield f"event {n}: {event.event_type}{'/' + event.mode if event.mode else ''} (CAMEO {event.cameo_code}), " \
          f"aux mode {event.aux_mode or 'none (reported fact)'}, confidence {event.confidence}"
    yield f"  evidence [{event.evidence.start}:{event.evidence.end}]: {event.evidence.text!r}"
    yield f"  trigger: {frame.explain.get('trigger', '-')}"
    if "typer" in frame.explain:
        yield f"    {frame.explain['typer']}"
    yield f"  actor: {_entities(event.actor)}"
    yield f"  recipient: {_entities(event.recipient)}"
    if event.claimed_by:
        yield f"  claimed by: {_entities(event.claimed_by)}"
    if event.denied_by:
        yield f"  denied by: {_entities(event.denied_by)}"
    date = event.date
    date_text = f"{date.value} ({date.precision}, from {date.text!r})" if date and date.text else (
        f"{date.value} (publication date: no time expression)" if date else "-")
    yield f"  date: {date_text}"
    yield f"    why: {frame.explain.get('date', '-')}"
    place = event.location
    yield f"  place: {place.name + ' [' + (place.country or '-') + ']' if place else '-'}"
    yield f"    why: {frame.explain.get('place', '-')}"
    for sentence in frame.explain.get("merged", []):
        yield f"  also refers to it: {sentence.strip()!r}"
