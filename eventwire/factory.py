"""Build the default pipeline: the one place that knows the stage order."""

from __future__ import annotations

from .pipeline import Pipeline


def build_pipeline(batch_size: int = 32, learned_triggers: float | None = None) -> Pipeline:
    """The default pipeline; ``learned_triggers`` (a probability threshold) also lets the learned
    typer add events for verbs the lexicon lacks."""
    from .stages.actors import ActorsStage
    from .stages.confidence import ConfidenceStage
    from .stages.coref import CorefStage
    from .stages.dates import DatesStage
    from .stages.dedupe import DedupeStage
    from .stages.events import EventsStage, ModesStage
    from .stages.nlp import NlpStage
    from .stages.places import PlacesStage
    from .stages.quotes import QuotesStage

    return Pipeline(
        [
            NlpStage(batch_size=batch_size),
            ActorsStage(),
            CorefStage(),
            QuotesStage(),
            EventsStage(learned_triggers=learned_triggers is not None, learned_threshold=learned_triggers),
            ConfidenceStage(),
            DatesStage(),
            PlacesStage(),
            DedupeStage(),
            ModesStage(),
        ],
        batch_size=batch_size,
    )
