"""A stand-in pipeline the batch tests can send to worker processes (it must be importable there)."""

from __future__ import annotations

from eventwire.model import Article, Event, Evidence, content_hash
from eventwire.pipeline import Failure


class FakeDoc:
    def __init__(self, article: Article, records: list):
        self.article = article
        self._records = records

    def records(self) -> list:
        return list(self._records)


class FakePipeline:
    """'visit' makes one CONSULT event; 'CRASH' fails in stage 'events'."""

    def __init__(self, batch_size: int = 32):
        self.batch_size = batch_size

    def pipe(self, articles, on_failure=None):
        for article in articles:
            if "CRASH" in article.text:
                on_failure(Failure(article.origin or article.article_id, "events", "ValueError: boom"))
                continue
            records = [article]
            if "visit" in article.text:
                records.append(visit_event(article))
            yield FakeDoc(article, records)


def make_fake_pipeline(batch_size: int = 32) -> FakePipeline:
    return FakePipeline(batch_size)


def visit_event(article: Article) -> Event:
    start = article.text.index("visit")
    return Event(
        event_id=content_hash("event", article.article_id, "CONSULT", start),
        article_id=article.article_id, event_type="CONSULT", mode="visit", context=[],
        aux_mode=None, cameo_code="042", quad_class=1, score=1.0, actor=[], recipient=[],
        claimed_by=[], denied_by=[], date=None, location=None,
        evidence=Evidence(sentence=article.text, start=start, end=start + 5, text="visit"),
        confidence=0.5, trigger="visit",
    )


def articles(texts: list[str], published: str | None = "2024-06-17") -> list[Article]:
    out = []
    for number, text in enumerate(texts, start=1):
        article = Article.create(text, published=published)
        article.origin = f"fake.jsonl:{number}"
        out.append(article)
    return out
