"""The evaluation gate: pinned floors over the PLOVER gold records.

``tests/test_eval_gate.py`` fails when a pinned metric drops below its floor in
``tests/eval_baseline.json``. After a deliberate improvement, re-pin with::

    python -m eventwire.evaluate.gate --update

Without ``--update`` the command prints the report and the gate verdict. This is a
development tool: it reads the gold file from ``../shared`` next to the repository,
never from inside the installed package.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from .gold import read_plover_gsr
from .scoring import evaluate, format_report

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = REPO_ROOT.parent / "shared" / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"
DEFAULT_BASELINE = REPO_ROOT / "tests" / "eval_baseline.json"
PINNED_METRICS = ("type_accuracy", "actor_country_accuracy", "triple_f1", "macro_f1")
EPSILON = 1e-9


def run_gold(gold_path: Path = DEFAULT_GOLD, pipeline=None) -> dict:
    """Scores of ``pipeline`` (default: the default pipeline) over the PLOVER gold file."""
    if pipeline is None:
        from ..factory import build_pipeline

        pipeline = build_pipeline()
    return evaluate(pipeline, read_plover_gsr(gold_path))


def pinned_values(scores: dict) -> dict:
    """The numbers the gate pins: headline metrics and type accuracy per gold type."""
    return {
        "metrics": {name: scores[name] or 0.0 for name in PINNED_METRICS},
        "per_type_accuracy": {
            t: row["type_accuracy"]
            for t, row in scores["per_type"].items()
            if row["type_accuracy"] is not None
        },
    }


def floors(scores: dict) -> dict:
    """Pinned values rounded down to 3 decimals, so a re-run never falls below them."""
    values = pinned_values(scores)
    return {
        group: {name: _round_down(v) for name, v in numbers.items()}
        for group, numbers in values.items()
    }


def regressions(scores: dict, baseline: dict, epsilon: float = EPSILON) -> list[str]:
    """One line per pinned number below its floor; empty when the gate passes."""
    current = pinned_values(scores)
    found = []
    for group in ("metrics", "per_type_accuracy"):
        for name, floor in baseline.get(group, {}).items():
            value = current[group].get(name, 0.0)
            if value < floor - epsilon:
                found.append(f"{group}.{name}: {value:.4f} < floor {floor:.3f}")
    return found


def read_baseline(path: Path = DEFAULT_BASELINE) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def write_baseline(scores: dict, path: Path = DEFAULT_BASELINE) -> dict:
    baseline = {
        "gold": "data/plover/PLOVER_GSR_CAMEO.txt",
        "note": "floors, rounded down; re-pin with: python -m eventwire.evaluate.gate --update",
        **floors(scores),
    }
    Path(path).write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
    return baseline


def _round_down(value: float, places: int = 3) -> float:
    # the small nudge keeps 0.5 (stored as 0.4999999...) at 0.5
    scale = 10**places
    return math.floor(value * scale + 1e-9) / scale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.evaluate.gate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="re-pin the floors to current numbers")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="PLOVER gold file")
    parser.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)

    scores = run_gold(args.gold)
    print(json.dumps(scores, indent=2) if args.json else format_report(scores))
    if args.update:
        write_baseline(scores, args.baseline)
        print(f"\npinned floors written to {args.baseline}")
        return 0
    failed = regressions(scores, read_baseline(args.baseline)) if args.baseline.exists() else []
    print("\ngate: " + ("FAILED\n  " + "\n  ".join(failed) if failed else "passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
