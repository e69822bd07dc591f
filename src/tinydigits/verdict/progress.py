"""A check's progress while it trains: at its start how many seeds, how and about how long; then a line per seed per
epoch with the time so far and an estimate of the end - from this process's runs or the Dask workers' own events."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

EPOCH_SECONDS = 15.0  # a guess until the first epochs land: the default's epoch on one core of a 2-core CPU, 60,000 images


def clock(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m" if seconds >= 3600 else f"{seconds // 60}m{seconds % 60:02d}s"


class Progress:
    """Counts the epochs of every seed as they land (any thread: Dask calls `event` from its own) and says each."""

    def __init__(self, seeds: int, epochs: int, parallel: int, log: Callable[[str], None], images: int = 60_000) -> None:
        self.total, self.epochs, self.parallel, self.log = seeds * epochs, epochs, max(1, min(parallel, seeds)), log
        self.guess = EPOCH_SECONDS * images / 60_000
        self.done, self.start = 0, time.perf_counter()

    def first_line(self, seeds: list[int], how: str) -> str:
        rounds = math.ceil(len(seeds) / self.parallel)
        return (f"{len(seeds)} seed(s), {self.epochs} epochs each, {how}: about {clock(rounds * self.epochs * self.guess)} "
                f"if an epoch takes ~{self.guess:.1f} s (the default's on one core of a 2-core CPU, for this many "
                "images; re-estimated from the first epochs); "
                "a line per seed per epoch follows (--quiet: only the seeds as they finish)")

    def epoch(self, seed: int, row: dict[str, Any]) -> None:
        self.done += 1
        elapsed = time.perf_counter() - self.start
        left = (self.total - self.done) * elapsed / self.done
        self.log(f"seed {seed}: epoch {row['epoch']:>2}/{self.epochs}  test {row['test_acc']:.2f}%  "
                 f"{clock(elapsed)} so far, ~{clock(left)} to go")

    def event(self, event: tuple[float, dict[str, Any]]) -> None:
        """A worker's event (Dask's (time, message)), as `subscribe_topic` hands it over."""
        message = event[1]
        self.epoch(int(message["seed"]), message["row"])
