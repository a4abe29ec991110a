"""Ordered, named stages over one owned document object.

Each stage is a callable ``Doc -> Doc`` with ``name``, ``requires`` and ``assigns``.
``Pipeline`` checks at construction that every requirement is assigned by an earlier
stage, and ``pipe`` processes documents in batches, stage by stage: a stage may also have
``prepare_batch(docs)``, which readies shared work (the learned typer encodes a whole batch's
phrases at once). A document that fails is recorded with its reason and the batch goes on.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Protocol

from .errors import PipelineConfigError, StageError
from .model import Article, DateRef, Entity, Event, Evidence, Location, Quote, content_hash
from . import ontology

log = logging.getLogger(__name__)


@dataclass
class Mention:
    """A span of tokens that names (or, after coref, stands for) coded entities."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    entities: list[Entity]
    kind: str  # country | capital | person | org | group | pronoun | nominal
    sentence: int = 0
    antecedent: "Mention | None" = None  # set by coref for pronouns and nominals

    @property
    def resolved(self) -> list[Entity]:
        return self.entities


@dataclass
class Frame:
    """An event under construction: token-level anchors plus the record's fields.

    Stages after ``events`` (dates, places, dedupe) refine frames; ``Doc.events``
    turns them into ``Event`` records.
    """

    trigger: int  # token index of the trigger word
    event_type: str
    mode: str | None
    cameo_code: str
    context: list[str] = field(default_factory=list)
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    claimed_by: list[Entity] = field(default_factory=list)
    denied_by: list[Entity] = field(default_factory=list)
    aux_mode: str | None = None
    tense: str = "past"  # past | present | future: guides date resolution
    date: DateRef | None = None
    location: Location | None = None
    place_tokens: list[int] = field(default_factory=list)  # where the text says it happened
    date_tokens: list[int] = field(default_factory=list)  # time expressions tied to it
    evidence_start: int = 0  # character offsets of the evidence span
    evidence_end: int = 0
    sentence: int = 0
    confidence: float = 0.5
    lemma: str | None = None
    nominal: bool = False
    conditional: bool = False  # "... unless Baghdad accepts": the event hangs on a condition
    reciprocal: bool = False  # "clashed with the army": both sides act, neither is the target
    # the actor's own country, for an act aimed at no one named in a sentence that names no other
    # country: its recipient once places are read, unless the place it targets is abroad
    home_if_unplaced: str | None = None
    explain: dict = field(default_factory=dict)  # stage -> why it chose what it chose


@dataclass
class Failure:
    origin: str
    stage: str
    reason: str


class Doc:
    """One article and everything the stages learn about it."""

    def __init__(self, article: Article):
        self.article = article
        self.spacy = None  # spacy.tokens.Doc, set by the nlp stage
        self.mentions: list[Mention] = []
        self.frames: list[Frame] = []
        self.quotes: list[Quote] = []
        self.done: set[str] = set()
        self._sentence_starts: list[int] | None = None

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_of(self, token_index: int):
        return self.spacy[token_index].sent

    def sentence_index(self, token_index: int) -> int:
        """The ordinal of the sentence holding a token (cached per document)."""
        if self._sentence_starts is None:
            self._sentence_starts = [s.start for s in self.spacy.sents]
        return bisect.bisect_right(self._sentence_starts, token_index) - 1

    def mention_at(self, token_index: int) -> Mention | None:
        for mention in self.mentions:
            if mention.start <= token_index < mention.end:
                return mention
        return None

    def events(self) -> list[Event]:
        return [self._event(frame) for frame in self.frames]

    def _event(self, frame: Frame) -> Event:
        sent = self.spacy[frame.trigger].sent
        evidence = Evidence(
            sentence=sent.text,
            start=frame.evidence_start,
            end=frame.evidence_end,
            text=self.text[frame.evidence_start:frame.evidence_end],
        )
        trigger_char = self.spacy[frame.trigger].idx
        return Event(
            event_id=content_hash("event", self.article.article_id, frame.event_type, trigger_char),
            article_id=self.article.article_id,
            event_type=frame.event_type,
            mode=frame.mode,
            context=list(frame.context),
            aux_mode=frame.aux_mode,
            cameo_code=frame.cameo_code,
            quad_class=ontology.quad_class(frame.event_type),
            score=ontology.score(frame.event_type, frame.mode),
            actor=frame.actor,
            recipient=frame.recipient,
            claimed_by=frame.claimed_by,
            denied_by=frame.denied_by,
            date=frame.date,
            location=frame.location,
            evidence=evidence,
            confidence=round(frame.confidence, 3),
            trigger=frame.lemma,
        )

    def records(self) -> list:
        """The article, its events and its quotes, in that order."""
        return [self.article, *self.events(), *self.quotes]


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


class Pipeline:
    def __init__(self, stages: list[Stage], batch_size: int = 32):
        self.stages = list(stages)
        self.batch_size = batch_size
        self._check_wiring()

    def _check_wiring(self) -> None:
        available: set[str] = {"article"}
        for stage in self.stages:
            missing = set(stage.requires) - available
            if missing:
                raise PipelineConfigError(
                    f"stage '{stage.name}' requires {sorted(missing)}, which no earlier stage assigns"
                )
            available |= set(stage.assigns)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: Article) -> Doc:
        return next(iter(self.pipe([article], on_failure=_raise)))

    def pipe(
        self,
        articles: Iterable[Article],
        on_failure: Callable[[Failure], None] | None = None,
    ) -> Iterator[Doc]:
        """Process articles in batches; failures go to ``on_failure`` and are skipped."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch, on_failure)
                batch = []
        if batch:
            yield from self._run_batch(batch, on_failure)

    def _run_batch(self, articles: list[Article], on_failure) -> Iterator[Doc]:
        docs = [Doc(a) for a in articles]
        first = self.stages[0] if self.stages else None
        if first is not None and hasattr(first, "pipe"):
            docs = list(first.pipe(docs))  # the nlp stage parses the whole batch at once
            rest = self.stages[1:]
        else:
            rest = self.stages
        # Stage by stage over the batch, so a stage can prepare work for all its documents at once.
        for stage in rest:
            _prepare(stage, docs)
            docs = [done for done in (_apply(stage, doc, on_failure) for doc in docs) if done is not None]
        yield from docs


def _prepare(stage: Stage, docs: list[Doc]) -> None:
    """A stage's batch preparation only saves work: if it fails, each document is done alone."""
    prepare = getattr(stage, "prepare_batch", None)
    if prepare is None or not docs:
        return
    try:
        prepare(docs)
    except Exception as exc:
        log.warning("stage %s could not prepare its batch (%s: %s); going document by document",
                    stage.name, type(exc).__name__, exc)


def _apply(stage: Stage, doc: Doc, on_failure) -> Doc | None:
    """One stage on one document; a failure is reported and the document leaves the batch."""
    try:
        doc = stage(doc)
    except Exception as exc:  # one bad document must not end the batch
        failure = Failure(doc.article.origin or doc.article.article_id,
                          getattr(stage, "name", "?"), f"{type(exc).__name__}: {exc}")
        log.warning("skipped %s in stage %s: %s", failure.origin, failure.stage, failure.reason)
        if on_failure is not None:
            on_failure(failure)
        return None
    doc.done.add(stage.name)
    return doc


def _raise(failure: Failure) -> None:
    raise StageError(f"{failure.origin}: stage '{failure.stage}' failed: {failure.reason}")
