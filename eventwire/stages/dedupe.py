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


def _same_mode(frame: Frame, other: Frame) -> bool:
    """Two coercions told with different modes (a curfew and arrests, martial law and censorship)
    are two acts; of the other types, two modes are most often one act read twice."""
    return frame.event_type != "COERCE" or None in (frame.mode, other.mode) or frame.mode == other.mode


class DedupeStage:
    name = "dedupe"
    requires = ("frames",)
    assigns = ("unique_frames",)

    def __call__(self, doc: Doc) -> Doc:
        kept: dict[tuple, Frame] = {}
        for frame in doc.frames:
            key = _signature(frame)
            other = kept.get(key)
            if other is not None and not _same_mode(frame, other):  # "declared martial law, ordering channels off the air"
                key = key + (frame.mode,)
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
        doc.frames = _absorb_elaborations(sorted(kept.values(), key=lambda f: f.trigger))
        return doc


def _absorb_elaborations(frames: list[Frame]) -> list[Frame]:
    """'stormed a hotel, killing 21 people': the second frame of the same type and actors in
    the sentence, naming no one the first does not, elaborates the first."""
    kept: list[Frame] = []
    for frame in frames:
        host = next((k for k in kept if k.sentence == frame.sentence and k.event_type == frame.event_type
                     and {e.key for e in k.actor} == {e.key for e in frame.actor}
                     and {e.key for e in frame.recipient} <= {e.key for e in k.recipient}
                     and k.aux_mode == frame.aux_mode and (_same_mode(k, frame) or not frame.recipient)), None)
        if host is None:
            kept.append(frame)
            continue
        host.location = host.location or frame.location
        host.evidence_end = max(host.evidence_end, frame.evidence_end)
    return kept
