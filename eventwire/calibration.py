"""Confidence that means something: raw evidence scores mapped to observed precision.

The events stage scores each event from how it was found (a verb or a noun, a resolved
actor, a recipient, an actor reached through a pronoun). ``resources/calibration.json``
maps those raw scores to the share of events that were right at that score on our own
labelled sentences (a monotone, isotonic fit); ``python -m eventwire.evaluate.calibration``
refits it and reports the reliability on sentences held out of the fit.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Calibration:
    raw: tuple[float, ...]  # ascending raw scores
    calibrated: tuple[float, ...]  # precision observed at each, non-decreasing

    def apply(self, score: float) -> float:
        """Piecewise-linear between fitted points, flat beyond them."""
        if not self.raw:
            return score
        i = bisect.bisect_left(self.raw, score)
        if i == 0:
            return self.calibrated[0]
        if i >= len(self.raw):
            return self.calibrated[-1]
        x0, x1 = self.raw[i - 1], self.raw[i]
        y0, y1 = self.calibrated[i - 1], self.calibrated[i]
        return y0 + (y1 - y0) * (score - x0) / (x1 - x0) if x1 > x0 else y1

    def to_dict(self) -> dict:
        return {"raw": list(self.raw), "calibrated": list(self.calibrated)}


IDENTITY = Calibration((), ())


@lru_cache(maxsize=1)
def load_calibration() -> Calibration:
    try:
        text = resources.files("eventwire.resources").joinpath("calibration.json").read_text("utf-8")
    except FileNotFoundError:
        return IDENTITY
    data = json.loads(text)
    return Calibration(tuple(data["raw"]), tuple(data["calibrated"]))


def isotonic_fit(points: list[tuple[float, bool]]) -> Calibration:
    """Pool-adjacent-violators over (raw score, correct) pairs, one point per distinct score."""
    by_score: dict[float, list[int]] = {}
    for score, correct in points:
        by_score.setdefault(round(score, 3), []).append(int(correct))
    blocks = [[score, sum(v), len(v)] for score, v in sorted(by_score.items())]
    merged: list[list] = []
    for block in blocks:
        merged.append(block)
        while len(merged) > 1 and merged[-2][1] / merged[-2][2] > merged[-1][1] / merged[-1][2]:
            score, hits, n = merged.pop()
            merged[-1] = [score, merged[-1][1] + hits, merged[-1][2] + n]
    return Calibration(tuple(b[0] for b in merged), tuple(round(b[1] / b[2], 3) for b in merged))
