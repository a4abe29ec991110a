"""Progress of a long run: a live bar with rate and ETA on a terminal, log lines elsewhere.

Both are called with the run's ``RunSummary`` after every document (``on_progress``).
"""

from __future__ import annotations

import time
from typing import Callable

LOG_EVERY_S = 10.0


def _rate_and_eta(done: int, total: int | None, elapsed: float) -> tuple[float, float | None]:
    rate = done / elapsed if elapsed > 0 else 0.0
    if not total or rate <= 0 or done >= total:
        return rate, None
    return rate, (total - done) / rate


def describe(done: int, total: int | None, elapsed: float) -> str:
    """'120/1000 documents, 4.8/s, ETA 3m03s' (no total, no ETA)."""
    rate, eta = _rate_and_eta(done, total, elapsed)
    count = f"{done}/{total}" if total else f"{done}"
    line = f"{count} documents, {rate:.1f}/s"
    if eta is not None:
        minutes, seconds = divmod(int(eta), 60)
        line += f", ETA {minutes}m{seconds:02d}s"
    return line


class PlainProgress:
    """A log line every ``every_s`` seconds (and one at the end), for logs and pipes."""

    def __init__(self, total: int | None, emit: Callable[[str], None], every_s: float = LOG_EVERY_S,
                 clock: Callable[[], float] = time.monotonic):
        self.total = total
        self.emit = emit
        self.every_s = every_s
        self.clock = clock
        self.started = clock()
        self.last = self.started
        self.done = 0

    def __call__(self, summary) -> None:
        self.done = summary.seen
        now = self.clock()
        if now - self.last >= self.every_s:
            self.last = now
            self.emit("progress: " + describe(self.done, self.total, now - self.started))

    def close(self) -> None:
        if self.done:
            self.emit("progress: " + describe(self.done, self.total, self.clock() - self.started))


class RichProgress:
    """A rich progress bar on stderr with rate and time remaining."""

    def __init__(self, total: int | None):
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn,
                                   TextColumn, TimeElapsedColumn, TimeRemainingColumn)

        self._progress = Progress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False,
        )
        self._task = self._progress.add_task("ingest", total=total, rate="")
        self._started = time.monotonic()
        self._progress.start()

    def __call__(self, summary) -> None:
        elapsed = time.monotonic() - self._started
        rate = summary.seen / elapsed if elapsed > 0 else 0.0
        self._progress.update(self._task, completed=summary.seen, rate=f"{rate:.1f} docs/s")

    def close(self) -> None:
        self._progress.stop()
