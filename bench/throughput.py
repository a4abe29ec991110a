"""Throughput: spaCy alone vs eventwire end to end, on the MEANTIME Wikinews articles.

    .venv/bin/python bench/throughput.py [--limit N] [--repeats R] [--batch-size B] [--no-store]

Both are measured warm (model loaded and one article processed before timing) in the
same process, on the same texts, with the same batch size. Prints a table and writes
bench/results/throughput.json. See bench/README.md for how to read it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from eventwire.factory import build_pipeline  # noqa: E402
from eventwire.model import Article  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.stages.nlp import MODEL_PACKAGE, load_model  # noqa: E402

MEANTIME_ROOT = REPO_ROOT.parent / "shared" / "data" / "meantime"
CORPUS_GLOB = "intra-doc_annotation/corpus_*/*.xml"
RESULTS = REPO_ROOT / "bench" / "results" / "throughput.json"


# --- corpus --------------------------------------------------------------------------

NO_SPACE_BEFORE = re.compile(r"^([.,;:!?%)\]}]+|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.IGNORECASE)
NO_SPACE_AFTER = {"(", "[", "{", "$"}


def meantime_text(path: Path) -> str:
    """Article text rebuilt from MEANTIME <token> elements, one sentence a line."""
    sentences: dict[str, list[str]] = defaultdict(list)
    for token in ET.parse(path).getroot().iter("token"):
        sentences[token.get("sentence")].append(token.text or "")
    return "\n".join(_join_tokens(tokens) for tokens in sentences.values())


def _join_tokens(tokens: list[str]) -> str:
    out = ""
    for token in tokens:
        glue = not out or NO_SPACE_BEFORE.match(token) or out[-1] in NO_SPACE_AFTER
        out += token if glue else " " + token
    return out


def load_articles(root: Path, limit: int | None) -> tuple[list[Article], str]:
    """MEANTIME articles, through the project's loader (text + DCT) when it exists, else ours."""
    try:
        from eventwire.evaluate.meantime import load_meantime
    except ImportError:
        load_meantime = None
    if load_meantime is not None:
        docs = load_meantime(root / "intra-doc_annotation")
        articles = [Article.create(d.text, published=d.dct, title=d.name) for d in docs]
        source = "eventwire.evaluate.meantime.load_meantime"
    else:
        articles = [Article.create(meantime_text(p)) for p in sorted(root.glob(CORPUS_GLOB))]
        source = "bench/throughput.py token loader (no DCT)"
    return articles[:limit] if limit else articles, source


# --- timing --------------------------------------------------------------------------


class TimedStage:
    """A stage wrapper that adds the time spent in it to ``totals[name]``."""

    def __init__(self, stage, totals: dict[str, float]):
        self.stage, self.totals = stage, totals
        self.name, self.requires, self.assigns = stage.name, stage.requires, stage.assigns

    def _timed(self, work, *args):
        start = time.perf_counter()
        try:
            return work(*args)
        finally:
            self.totals[self.name] += time.perf_counter() - start

    def __call__(self, doc):
        return self._timed(self.stage, doc)


class TimedBatchStage(TimedStage):
    """The same for a stage that parses a whole batch (the nlp stage's ``pipe``)."""

    def pipe(self, docs):
        return self._timed(lambda batch: list(self.stage.pipe(batch)), docs)


class TimedPreparingStage(TimedStage):
    """The same for a stage that prepares a whole batch first (the confidence stage)."""

    def prepare_batch(self, docs):
        return self._timed(self.stage.prepare_batch, docs)


def _timed_stage(stage, totals: dict[str, float]) -> TimedStage:
    if hasattr(stage, "pipe"):
        return TimedBatchStage(stage, totals)
    if hasattr(stage, "prepare_batch"):
        return TimedPreparingStage(stage, totals)
    return TimedStage(stage, totals)


def timed_pipeline(batch_size: int, totals: dict[str, float]) -> Pipeline:
    stages = build_pipeline(batch_size=batch_size).stages
    return Pipeline([_timed_stage(s, totals) for s in stages], batch_size=batch_size)


def store_class():
    try:
        from eventwire.store import Store
    except ImportError:
        return None
    return Store


def run_spacy(texts: list[str], batch_size: int) -> dict:
    nlp = load_model()
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "sentences": sum(len(list(d.sents)) for d in docs)}


def forget_cached_work() -> None:
    """Each run starts cold on the typer's phrase cache, as a first pass over new news would."""
    from eventwire.learned.typer import clear_cache

    clear_cache()


def run_eventwire(articles: list[Article], batch_size: int, store_dir: Path | None, run: int) -> dict:
    forget_cached_work()
    totals: dict[str, float] = defaultdict(float)
    pipeline = timed_pipeline(batch_size, totals)
    failures: list = []
    start = time.perf_counter()
    records, sentences, events = [], 0, 0
    for doc in pipeline.pipe(articles, on_failure=failures.append):
        t = time.perf_counter()
        doc_records = doc.records()
        totals["records"] += time.perf_counter() - t
        records.append(doc_records)
        sentences += sum(1 for _ in doc.spacy.sents)
        events += sum(1 for r in doc_records if r.kind == "event")
    if store_dir is not None:
        t = time.perf_counter()
        with store_class().open(store_dir / f"run{run}.duckdb") as store:
            store.write(records)
        totals["store"] += time.perf_counter() - t
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "sentences": sentences, "events": events,
            "failures": len(failures), "stages": dict(totals)}


def warm_up(articles: list[Article], batch_size: int) -> None:
    """Load the model and touch every stage once, so no run pays for loading."""
    load_model()
    list(build_pipeline(batch_size=batch_size).pipe(articles[:1]))


# --- report --------------------------------------------------------------------------


def summarise(runs: list[dict], articles: int) -> dict:
    seconds = [r["seconds"] for r in runs]
    median = statistics.median(seconds)
    summary = {
        "runs_seconds": seconds,
        "median_seconds": median,
        "articles_per_s": articles / median,
        "sentences_per_s": runs[0]["sentences"] / median,
        "sentences": runs[0]["sentences"],
    }
    if "stages" in runs[0]:
        names = list(runs[0]["stages"])
        summary["stage_seconds"] = {n: statistics.median(r["stages"].get(n, 0.0) for r in runs)
                                    for n in names}
        summary["events"] = runs[0]["events"]
        summary["failures"] = runs[0]["failures"]
    return summary


def format_table(result: dict) -> str:
    spacy, ew = result["spacy"], result["eventwire"]
    lines = [
        f"corpus: {result['corpus']['articles']} MEANTIME articles, "
        f"{result['corpus']['characters']:,} chars, {spacy['sentences']} sentences "
        f"(batch size {result['batch_size']}, {result['repeats']} runs, median)",
        f"{'':<22}{'seconds':>9}{'articles/s':>12}{'sentences/s':>13}",
    ]
    for label, s in (("spaCy nlp.pipe", spacy), ("eventwire end to end", ew)):
        lines.append(f"{label:<22}{s['median_seconds']:>9.2f}{s['articles_per_s']:>12.1f}"
                     f"{s['sentences_per_s']:>13.1f}")
    lines.append(f"eventwire / spaCy time ratio: {result['ratio_eventwire_to_spacy']:.2f}x")
    lines.append(f"events: {ew['events']}   failures: {ew['failures']}   store: {result['store']}")
    lines.append("per stage (median seconds, share of end-to-end):")
    for name, sec in ew["stage_seconds"].items():
        lines.append(f"  {name:<12}{sec:>8.3f}  {100 * sec / ew['median_seconds']:5.1f}%")
    return "\n".join(lines)


def environment() -> dict:
    import spacy

    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "spacy": spacy.__version__, "model": MODEL_PACKAGE}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--no-store", action="store_true", help="skip the DuckDB write")
    parser.add_argument("--meantime", type=Path, default=MEANTIME_ROOT)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    articles, loader = load_articles(args.meantime, args.limit)
    texts = [a.text for a in articles]
    if not texts:
        print(f"no MEANTIME articles under {args.meantime}", file=sys.stderr)
        return 2
    with_store = not args.no_store and store_class() is not None
    store_note = ("DuckDB (eventwire.store.Store), fresh file per run" if with_store
                  else "skipped (" + ("--no-store" if args.no_store
                                      else "eventwire.store.Store not available") + ")")
    warm_up(articles, args.batch_size)
    spacy_runs, ew_runs = [], []
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        for run in range(args.repeats):
            spacy_runs.append(run_spacy(texts, args.batch_size))
            ew_runs.append(run_eventwire(articles, args.batch_size, Path(tmp) if with_store else None, run))
    spacy_summary = summarise(spacy_runs, len(texts))
    ew_summary = summarise(ew_runs, len(texts))
    result = {
        "corpus": {"name": "MEANTIME intra-doc", "articles": len(texts),
                   "characters": sum(map(len, texts)), "loader": loader},
        "batch_size": args.batch_size,
        "repeats": args.repeats,
        "store": store_note,
        "spacy": spacy_summary,
        "eventwire": ew_summary,
        "ratio_eventwire_to_spacy": ew_summary["median_seconds"] / spacy_summary["median_seconds"],
        "environment": environment(),
    }
    print(format_table(result))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
