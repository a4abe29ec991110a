"""The bundled example corpus checked against its golden expectations.

``python -m eventwire.evaluate.examples`` prints what each article meets;
``--update`` rewrites ``tests/examples_gaps.json``, the ratchet the tests hold it to.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from ..model import Article
from .expectations import ExpectationReport, check_expectations

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GAPS_FILE = ROOT / "tests" / "examples_gaps.json"


def read_examples(root: Path = EXAMPLES) -> list[dict]:
    lines = (root / "articles.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def example_reports(pipeline, root: Path = EXAMPLES) -> dict[str, ExpectationReport]:
    examples = read_examples(root)
    articles = [Article.create(e["text"], title=e.get("title"), published=e.get("published"),
                               source=e.get("source")) for e in examples]
    reports = {}
    for example, doc in zip(examples, pipeline.pipe(articles)):
        expected = json.loads((root / "expected" / f"{example['id']}.json").read_text("utf-8"))
        reports[example["id"]] = check_expectations([r.to_dict() for r in doc.records()], expected)
    return reports


def must_rate(reports: dict[str, ExpectationReport]) -> float:
    met = sum(len(r.met("must")) for r in reports.values())
    total = met + sum(len(r.unmet("must")) for r in reports.values())
    return met / total if total else 1.0


def gaps(reports: dict[str, ExpectationReport]) -> dict:
    return {
        "about": "Known unmet must items of the example corpus; regenerate with "
                 "`python -m eventwire.evaluate.examples --update` and review the diff.",
        "must_rate_floor": math.floor(must_rate(reports) * 1000) / 1000,
        "unmet_must": {k: r.unmet("must") for k, r in sorted(reports.items()) if r.unmet("must")},
        "violations": {k: r.violations for k, r in sorted(reports.items()) if r.violations},
    }


def main(argv: list[str] | None = None) -> int:
    from ..factory import build_pipeline

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="rewrite tests/examples_gaps.json")
    args = parser.parse_args(argv)
    reports = example_reports(build_pipeline())
    for name, report in reports.items():
        print(f"{name:34} must {len(report.met('must'))}/{len(report.met('must')) + len(report.unmet('must'))}"
              f"  should {len(report.met('should'))}/{len(report.met('should')) + len(report.unmet('should'))}")
    print(f"must rate {must_rate(reports):.3f}")
    if args.update:
        GAPS_FILE.write_text(json.dumps(gaps(reports), indent=1) + "\n", "utf-8")
        print(f"wrote {GAPS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
