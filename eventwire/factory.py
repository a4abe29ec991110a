"""Build the default pipeline: the one place that knows the stage order."""

from __future__ import annotations

from .pipeline import Pipeline


def build_pipeline(batch_size: int = 32) -> Pipeline:
    from .stages.actors import ActorsStage
    from .stages.coref import CorefStage
    from .stages.dates import DatesStage
    from .stages.dedupe import DedupeStage
    from .stages.events import EventsStage
    from .stages.nlp import NlpStage
    from .stages.places import PlacesStage
    from .stages.quotes import QuotesStage

    return Pipeline(
        [
            NlpStage(batch_size=batch_size),
            ActorsStage(),
            CorefStage(),
            QuotesStage(),
            EventsStage(),
            DatesStage(),
            PlacesStage(),
            DedupeStage(),
        ],
        batch_size=batch_size,
    )
