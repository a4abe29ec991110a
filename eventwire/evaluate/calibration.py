"""Fit and report event confidence calibration on our own labelled sentences.

``python -m eventwire.evaluate.calibration`` fits on half of ``tests/gold/eventwire-labelled.jsonl``
(even lines), reports reliability (precision per confidence bin, expected calibration error)
on the other half, raw and calibrated; ``--write`` stores the fit in
``eventwire/resources/calibration.json``.
"""

from __future__ import annotations

import argparse
import bisect
import json
from pathlib import Path

from ..calibration import IDENTITY, Calibration, isotonic_fit
from ..model import Article
from .gold import GoldSentence, read_jsonl_gold
from .scoring import comparable

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "eventwire-labelled.jsonl"
OUTPUT = ROOT / "eventwire" / "resources" / "calibration.json"
BINS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def scored_events(pipeline, sentences: list[GoldSentence]) -> list[tuple[float, bool]]:
    """(raw confidence, correct) for every predicted event; correct = a gold event of the
    same type in the sentence shares an actor country (or both name none)."""
    docs = pipeline.pipe([Article.create(s.text, published=s.published) for s in sentences])
    points = []
    for sentence, doc in zip(sentences, docs):
        for frame, event in zip(doc.frames, doc.events()):
            predicted = comparable(event)
            correct = any(g.event_type == predicted.event_type and (
                g.actor_countries & predicted.actor_countries or not (g.actor_countries or predicted.actor_countries))
                for g in sentence.events)
            points.append((frame.explain.get("raw_confidence", event.confidence), correct))
    return points


def ranking(points: list[tuple[float, bool]]) -> float:
    """Area under the ROC curve: how often a right event outscores a wrong one (0.5 = no ranking)."""
    right = sorted(s for s, c in points if c)
    wrong = sorted(s for s, c in points if not c)
    if not right or not wrong:
        return 0.5
    wins = sum(bisect.bisect_left(wrong, s) + 0.5 * (bisect.bisect_right(wrong, s) - bisect.bisect_left(wrong, s))
               for s in right)
    return round(wins / (len(right) * len(wrong)), 3)


def reliability(points: list[tuple[float, bool]], calibration: Calibration = IDENTITY) -> dict:
    rows = []
    total = len(points)
    error = 0.0
    for low, high in zip(BINS, BINS[1:]):
        inside = [(calibration.apply(s), c) for s, c in points if low <= calibration.apply(s) < high]
        if not inside:
            continue
        mean_confidence = sum(s for s, _ in inside) / len(inside)
        precision = sum(c for _, c in inside) / len(inside)
        error += len(inside) / total * abs(mean_confidence - precision)
        rows.append({"bin": f"{low:.1f}-{min(high, 1.0):.1f}", "events": len(inside),
                     "mean_confidence": round(mean_confidence, 3), "precision": round(precision, 3)})
    return {"bins": rows, "ece": round(error, 3), "events": total, "auroc": ranking(points)}


def main(argv: list[str] | None = None) -> int:
    from ..factory import build_pipeline

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="store the fit in resources/calibration.json")
    args = parser.parse_args(argv)
    sentences = read_jsonl_gold(GOLD)
    pipeline = build_pipeline()
    fit_half, held_out = sentences[0::2], sentences[1::2]
    calibration = isotonic_fit(scored_events(pipeline, fit_half))
    test_points = scored_events(pipeline, held_out)
    report = {"fit": calibration.to_dict(), "held_out_raw": reliability(test_points),
              "held_out_calibrated": reliability(test_points, calibration)}
    print(json.dumps(report, indent=2))
    if args.write:
        OUTPUT.write_text(json.dumps(calibration.to_dict(), indent=1) + "\n", "utf-8")
        print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
