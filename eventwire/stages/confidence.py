"""Each event's confidence: its evidence score weighed by the learned typer, then calibrated.

The typer reads the words of every event; encoding them is cheap per phrase but costly per call,
so ``prepare_batch`` encodes the phrases of a whole batch of documents at once and the per-document
call finds them cached.
"""

from __future__ import annotations

from ..calibration import load_calibration
from ..pipeline import Doc


class ConfidenceStage:
    name = "confidence"
    requires = ("frames",)
    assigns = ("confidence",)

    def prepare_batch(self, docs: list[Doc]) -> None:
        from ..learned.typer import load_typer

        load_typer().warm([phrase for doc in docs for phrase in _phrases(doc)])

    def __call__(self, doc: Doc) -> Doc:
        """Where the learned model agrees with the lexicon, an event is likelier right."""
        from ..learned.typer import load_typer

        phrases = _phrases(doc)
        agreements = load_typer().probabilities_of(phrases, [f.event_type for f in doc.frames])
        calibration = load_calibration()
        for frame, phrase, agreement in zip(doc.frames, phrases, agreements):
            raw = frame.explain["raw_confidence"] * (0.5 + 0.5 * agreement)
            frame.explain["raw_confidence"] = raw
            frame.confidence = calibration.apply(raw)
            frame.explain["typer"] = f"typer reads '{phrase}' as {frame.event_type} with p={agreement:.2f}"
        return doc


def _phrases(doc: Doc) -> list[str]:
    from ..learned.typer import trigger_phrase

    return [f.explain.get("typer_phrase") or trigger_phrase(doc.spacy[f.trigger]) for f in doc.frames]
