"""Ingest benchmark: generated HTML pages end to end through ``eventwire ingest``'s library call.

    .venv/bin/python bench/ingest.py [--pages 1000] [--batch-size 32] [--keep DIR]

Generates ``--pages`` distinct HTML news pages (headline, byline, date, navigation
boilerplate, 6-10 sentences between named governments), then times one ingest into a
fresh DuckDB file: reading (trafilatura), language check, near-duplicate gate, the NLP
pipeline, the batched store writes, and the event-cluster and story rebuild at the end.
Time spent inside the pipeline is measured by wrapping ``pipeline.pipe`` and subtracting
the time its input iterator (the readers and the gate) takes, so the split is exact.
Prints a table and writes bench/results/ingest.json. The model is loaded before the clock
starts. Not run by the tests (it takes minutes).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from eventwire.corpus.ingest import ingest  # noqa: E402
from eventwire.factory import build_pipeline  # noqa: E402
from eventwire.io.readers import read_sources  # noqa: E402
from eventwire.store import Store  # noqa: E402

RESULTS = REPO_ROOT / "bench" / "results" / "ingest.json"

ACTORS = ["Russia", "China", "the United States", "North Korea", "South Korea", "Japan", "France",
          "Germany", "India", "Iran", "Israel", "Turkey", "Ukraine", "Brazil", "Egypt", "Vietnam"]
LEADERS = ["Vladimir Putin", "Xi Jinping", "Kim Jong Un", "Emmanuel Macron", "Narendra Modi",
           "Recep Tayyip Erdogan", "Volodymyr Zelensky"]
PLACES = ["Pyongyang", "Beijing", "Moscow", "Paris", "New Delhi", "Ankara", "Kyiv", "Hanoi", "Cairo"]
TEMPLATES = [
    "{a} accused {b} of supplying weapons to rebels near the border on {day}.",
    "{leader} will visit {place} next week for talks on trade and security, officials said.",
    "{a} and {b} signed an agreement to expand energy cooperation in {place}.",
    "{a} denied the accusation and called it baseless, the foreign ministry said.",
    "{a} threatened to impose new sanctions on {b} if the tests continue.",
    "Protesters gathered outside the embassy of {b} in {place} on {day}.",
    "{leader} met the foreign minister of {b} in {place} to discuss the ceasefire.",
    "{a} sent humanitarian aid to {b} after the floods, the agency reported.",
    "Officials in {place} said the talks with {b} had made progress on {day}.",
    "{a} rejected a proposal from {b} to reopen the negotiations in {place}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def page(number: int, rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(6, 10)):
        a, b = rng.sample(ACTORS, 2)
        sentences.append(rng.choice(TEMPLATES).format(
            a=a, b=b, leader=rng.choice(LEADERS), place=rng.choice(PLACES), day=rng.choice(DAYS)))
    sentences.append(f"The report, number {number}, cited {rng.randint(2, 40)} officials "
                     f"and {rng.randint(2, 90)} documents.")
    day = 1 + number % 28
    headline = sentences[0][:70]
    paragraphs = "".join(f"<p>{' '.join(sentences[i:i + 3])}</p>" for i in range(0, len(sentences), 3))
    return (f"<html><head><title>{headline}</title>"
            f"<meta property='article:published_time' content='2024-06-{day:02d}T08:00:00Z'>"
            f"<meta name='author' content='Desk {number % 12}'></head><body>"
            "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/politics'>Politics</a></nav>"
            f"<article><h1>{headline}</h1>{paragraphs}</article>"
            "<footer>Copyright 2024 Example Wire. All rights reserved.</footer></body></html>")


def write_pages(folder: Path, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    for number in range(count):
        (folder / f"page-{number:05d}.html").write_text(page(number, rng), encoding="utf-8")


class TimedPipeline:
    """Wraps a pipeline; ``seconds`` is time inside it, not counting its input iterator."""

    def __init__(self, inner):
        self.inner = inner
        self.seconds = 0.0
        self._input_seconds = 0.0

    def _timed_input(self, articles):
        iterator = iter(articles)
        while True:
            started = time.perf_counter()
            try:
                article = next(iterator)
            except StopIteration:
                self._input_seconds += time.perf_counter() - started
                return
            self._input_seconds += time.perf_counter() - started
            yield article

    def pipe(self, articles, on_failure=None):
        docs = self.inner.pipe(self._timed_input(articles), on_failure=on_failure)
        while True:
            input_before = self._input_seconds
            started = time.perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                self.seconds += time.perf_counter() - started - (self._input_seconds - input_before)
                return
            self.seconds += time.perf_counter() - started - (self._input_seconds - input_before)
            yield doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--keep", type=Path, help="generate the pages into this folder and keep them")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "pages"
        folder.mkdir(parents=True, exist_ok=True)
        write_pages(folder, args.pages)
        pipeline = TimedPipeline(build_pipeline(batch_size=args.batch_size))
        list(pipeline.inner.pipe(read_sources([str(folder / "page-00000.html")])))  # warm up
        with Store.open(Path(tmp) / "bench.duckdb") as store:
            started = time.perf_counter()
            summary = ingest(read_sources([str(folder)]), pipeline, store, batch_size=args.batch_size)
            total = time.perf_counter() - started
            counts = store.corpus_counts()

    outside = total - pipeline.seconds
    result = {
        "pages": args.pages, "batch_size": args.batch_size,
        "processed": summary.processed, "duplicates": summary.duplicates, "skipped": summary.skipped,
        "events": summary.events, "quotes": summary.quotes, "clusters": counts["event_clusters"],
        "stories": counts["stories"],
        "total_seconds": round(total, 2), "pipeline_seconds": round(pipeline.seconds, 2),
        "outside_pipeline_seconds": round(outside, 2),
        "articles_per_s": round(summary.processed / total, 2) if total else None,
        "share_outside_pipeline": round(outside / total, 4) if total else None,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine()},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    rows = [("pages", args.pages), ("processed", summary.processed),
            ("duplicates", summary.duplicates), ("skipped", summary.skipped),
            ("events", summary.events), ("total s", f"{total:.1f}"),
            ("inside pipeline s", f"{pipeline.seconds:.1f}"), ("outside pipeline s", f"{outside:.1f}"),
            ("articles/s", result["articles_per_s"]),
            ("share outside pipeline", f"{result['share_outside_pipeline']:.1%}")]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        sys.stdout.write(f"{name:<{width}}  {value}\n")
    sys.stdout.write(f"written {RESULTS.relative_to(REPO_ROOT)}\n")


if __name__ == "__main__":
    main()
