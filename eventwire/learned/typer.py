"""The learned event typer: which PLOVER type an unlisted verb phrase expresses, if any.

The lexicon knows a few hundred triggers; news uses many more ("pummelled", "handed in their
weapons"). For a verb the lexicon lacks, the typer embeds a short predicate phrase (verb, particle,
object, first preposition) with MiniLM and scores it with a softmax regression trained on our own
labelled sentences (``training/typer.jsonl``; ``python -m eventwire.learned.train``). A type is
taken only above the model's threshold, so the rules keep their precision and the typer adds recall.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from eventwire.errors import ResourceError

NONE = "NONE"
MODEL_RESOURCE = "typer.npz"
# Entity words name who is involved, not what happened: a placeholder keeps the phrase's shape.
PLACEHOLDERS = {"GPE": "country", "NORP": "people", "PERSON": "official", "ORG": "organisation",
                "LOC": "region", "FAC": "building"}
CACHE_SIZE = 50_000  # phrases repeat across news; their class probabilities are kept (one model per process)
_PHRASE_CACHE: dict[str, tuple[float, ...]] = {}
OBJECT_DEPS = ("dobj", "dative", "nsubjpass", "attr", "oprd")


def _words(head) -> list[str]:
    """A noun with the modifiers that say what it is ('three-phase truce proposal' -> 'truce proposal')."""
    if head.ent_type_ in PLACEHOLDERS:
        return [PLACEHOLDERS[head.ent_type_]]
    modifiers = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i and c.is_alpha]
    return [m.lower_ for m in modifiers[-2:]] + [head.lemma_.lower()]


def predicate_phrase(verb) -> str:
    """'Hamas accepted a three-phase truce proposal put forward by ...' -> 'accept truce proposal'."""
    words = [verb.lemma_.lower()]
    children = sorted(verb.children, key=lambda c: c.i)
    words += [c.lower_ for c in children if c.dep_ == "prt"]
    objects = [c for c in children if c.dep_ in OBJECT_DEPS]
    for obj in objects[:1]:
        words += _words(obj)
    for prep in (c for c in children if c.dep_ == "prep"):
        objects_of_prep = [g for g in prep.children if g.dep_ == "pobj"]
        if objects_of_prep and objects_of_prep[0].ent_type_ not in ("DATE", "TIME"):
            words += [prep.lower_, *_words(objects_of_prep[0])]
            break
    return " ".join(words)


def trigger_phrase(token) -> str:
    """The phrase the typer reads for a trigger: an event noun is read through the verb it is the object of."""
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ == "VERB":
        return predicate_phrase(token.head)
    if token.pos_ in ("NOUN", "PROPN"):
        return token.lemma_.lower()
    return predicate_phrase(token)


@dataclass(frozen=True)
class TypeGuess:
    event_type: str
    probability: float


class EventTyper:
    def __init__(self, classes: list[str], weights: np.ndarray, bias: np.ndarray, threshold: float):
        self.classes = classes
        self.weights = weights
        self.bias = bias
        self.threshold = threshold

    @classmethod
    def from_arrays(cls, arrays) -> "EventTyper":
        return cls([str(c) for c in arrays["classes"]], arrays["weights"], arrays["bias"], float(arrays["threshold"]))

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        logits = embeddings @ self.weights + self.bias
        logits -= logits.max(1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(1, keepdims=True)

    def probability_of(self, phrase: str, event_type: str) -> float:
        """How strongly the typer reads a phrase as ``event_type``."""
        return self.probabilities_of([phrase], [event_type])[0]

    def probabilities_of(self, phrases: list[str], event_types: list[str]) -> list[float]:
        """``probability_of`` for many phrases, encoding the ones not seen before in one batch."""
        return [row[self.classes.index(t)] for row, t in zip(self._rows(phrases), event_types)]

    def warm(self, phrases: list[str]) -> None:
        """Encode the phrases not seen before in one batch, so later calls find them cached."""
        self._rows(phrases)

    def _rows(self, phrases: list[str]) -> list[tuple[float, ...]]:
        """Class probabilities per phrase, from the cache or one batch through the encoder."""
        unseen = sorted({p for p in phrases if p not in _PHRASE_CACHE})
        if unseen:
            from .encoder import load_encoder

            if len(_PHRASE_CACHE) + len(unseen) > CACHE_SIZE:
                _PHRASE_CACHE.clear()
            for phrase, row in zip(unseen, self.probabilities(load_encoder().encode(unseen))):
                _PHRASE_CACHE[phrase] = tuple(float(p) for p in row)
        return [_PHRASE_CACHE[p] for p in phrases]

    def guess(self, phrase: str, threshold: float | None = None) -> TypeGuess | None:
        """The event type a phrase expresses, or None when NONE wins or no type is sure enough
        (``threshold``, by default the one training chose)."""
        row = self._rows([phrase])[0]
        best = max(range(len(row)), key=row.__getitem__)
        event_type, probability = self.classes[best], row[best]
        if event_type == NONE or probability < (self.threshold if threshold is None else threshold):
            return None
        return TypeGuess(event_type, probability)


def clear_cache() -> None:
    _PHRASE_CACHE.clear()


@lru_cache(maxsize=1)
def load_typer() -> EventTyper:
    try:
        with resources.files("eventwire.resources").joinpath(MODEL_RESOURCE).open("rb") as handle:
            arrays = dict(np.load(handle, allow_pickle=False))
    except FileNotFoundError as exc:
        raise ResourceError(f"the event typer model {MODEL_RESOURCE} is missing; "
                            "run python -m eventwire.learned.train") from exc
    return EventTyper.from_arrays(arrays)
