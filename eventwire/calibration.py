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


MIN_BIN = 12  # events per fitted point: fewer make a step of chance


def isotonic_fit(points: list[tuple[float, bool]]) -> Calibration:
    """Pool-adjacent-violators over bins of at least MIN_BIN events in raw-score order; each
    bin's precision is smoothed towards one half ((hits + 1) / (n + 2)) so that a small,
    all-right bin does not claim certainty."""
    ordered = sorted((round(score, 3), int(correct)) for score, correct in points)
    blocks: list[list] = []
    for start in range(0, len(ordered), MIN_BIN):
        chunk = ordered[start:start + MIN_BIN]
        if blocks and len(chunk) < MIN_BIN:  # a short tail joins the bin before it
            blocks[-1] = _pool(blocks[-1], [sum(s for s, _ in chunk) / len(chunk), sum(c for _, c in chunk), len(chunk)])
            continue
        blocks.append([sum(s for s, _ in chunk) / len(chunk), sum(c for _, c in chunk), len(chunk)])
    merged: list[list] = []
    for block in blocks:
        merged.append(block)
        while len(merged) > 1 and _rate(merged[-2]) > _rate(merged[-1]):
            last = merged.pop()
            merged[-1] = _pool(merged[-1], last)
    return Calibration(tuple(round(b[0], 4) for b in merged), tuple(round(_rate(b), 3) for b in merged))


def _rate(block: list) -> float:
    return (block[1] + 1) / (block[2] + 2)


def _pool(a: list, b: list) -> list:
    n = a[2] + b[2]
    return [(a[0] * a[2] + b[0] * b[2]) / n, a[1] + b[1], n]
