"""A fast stand-in for the NLP pipeline, for ingest mechanics tests (and subprocesses).

Every sentence that names two known countries and a known verb becomes one event of that
verb's type between them, dated by the article's publication date: deterministic records
from text, thousands of articles a second.
"""

from __future__ import annotations

import os
import re
import time

from eventwire.model import DateRef, Entity, Event, Evidence, content_hash
from eventwire.pipeline import Failure

COUNTRIES = {"Russia": "RUS", "Korea": "PRK", "China": "CHN", "America": "USA", "France": "FRA",
             "Japan": "JPN", "India": "IND", "Brazil": "BRA"}
VERBS = {"visited": ("CONSULT", "042"), "accused": ("ACCUSE", "112"), "aided": ("AID", "070"),
         "threatened": ("THREATEN", "130"), "met": ("CONSULT", "043")}
_SENTENCE = re.compile(r"[^.!?]+[.!?]")


class FakeDoc:
    def __init__(self, records):
        self._records = records

    def records(self):
        return list(self._records)


class FakePipeline:
    """'CRASH' in a text fails the document; ``delay_s`` slows each article down."""

    def __init__(self, delay_s: float = 0.0, marker: str | None = None):
        self.delay_s = delay_s
        self.marker = marker  # a file that gets one line per article processed
        self.batch_size = 4

    def pipe(self, articles, on_failure=None):
        for article in articles:
            if self.delay_s:
                time.sleep(self.delay_s)
            if "CRASH" in article.text:
                on_failure(Failure(article.origin or article.article_id, "events", "ValueError: boom"))
                continue
            if self.marker:
                with open(self.marker, "a") as handle:
                    handle.write(article.article_id + "\n")
                    handle.flush()
                    os.fsync(handle.fileno())
            yield FakeDoc([article, *fake_events(article)])


def _entity(name: str, start: int) -> Entity:
    return Entity(text=name, name=name, country=COUNTRIES[name], sector="GOV",
                  code=COUNTRIES[name] + "GOV", start=start, end=start + len(name))


def fake_events(article) -> list[Event]:
    events = []
    for match in _SENTENCE.finditer(article.text):
        sentence = match.group(0)
        names = [(m.start(), m.group(0)) for m in re.finditer("|".join(COUNTRIES), sentence)]
        verbs = [v for v in VERBS if f" {v} " in sentence]
        if len(names) < 2 or not verbs:
            continue
        event_type, cameo = VERBS[verbs[0]]
        offset = match.start()
        date = (DateRef(value=article.published, precision="day", source="published")
                if article.published else None)
        events.append(Event(
            event_id=content_hash("event", article.article_id, event_type, offset),
            article_id=article.article_id, event_type=event_type, mode=None, context=[],
            aux_mode=None, cameo_code=cameo, quad_class=1, score=1.0,
            actor=[_entity(names[0][1], offset + names[0][0])],
            recipient=[_entity(names[1][1], offset + names[1][0])],
            claimed_by=[], denied_by=[], date=date, location=None,
            evidence=Evidence(sentence=sentence.strip(), start=offset, end=match.end(),
                              text=sentence.strip()),
            confidence=0.5, trigger=verbs[0]))
    return events
