"""One event per happening within an article.

Two frames in the same sentence with the same type, actors and recipients are one event
seen twice (a verb and its nominalisation, or two triggers of one clause): keep the more
confident and fill what it lacks from the other.
"""

from __future__ import annotations

from ..pipeline import Doc, Frame


def _signature(frame: Frame) -> tuple:
    return (
        frame.sentence,
        frame.event_type,
        frozenset(e.key for e in frame.actor),
        frozenset(e.key for e in frame.recipient),
    )


class DedupeStage:
    name = "dedupe"
    requires = ("frames",)
    assigns = ("unique_frames",)

    def __call__(self, doc: Doc) -> Doc:
        kept: dict[tuple, Frame] = {}
        for frame in doc.frames:
            key = _signature(frame)
            other = kept.get(key)
            if other is None:
                kept[key] = frame
                continue
            best, rest = (frame, other) if frame.confidence > other.confidence else (other, frame)
            best.date = best.date if best.date and best.date.source == "text" else rest.date or best.date
            best.location = best.location or rest.location
            best.claimed_by = best.claimed_by or rest.claimed_by
            best.denied_by = best.denied_by or rest.denied_by
            best.evidence_start = min(best.evidence_start, rest.evidence_start)
            best.evidence_end = max(best.evidence_end, rest.evidence_end)
            kept[key] = best
        doc.frames = sorted(kept.values(), key=lambda f: f.trigger)
        return doc
