"""A check's progress while it trains: at its start how many seeds, how and about how long; then a line per seed per
epoch with the time so far and an estimate of the end - from this process's runs or the Dask workers' own events."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from typing import Any

EPOCH_SECONDS = 15.0  # a guess until the first epochs land: the default's epoch on one core of a 2-core CPU, 60,000 images


def clock(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m" if seconds >= 3600 else f"{seconds // 60}m{seconds % 60:02d}s"


class Progress:
    """Counts the epochs of every seed as they land (any thread: Dask calls `event` from its own) and says each, with
    one estimate of the check's end: the median epoch measured so far (each seed's time since its previous line),
    times the epochs left, spread over the seeds that train side by side - the same figure whichever seed speaks."""

    def __init__(self, seeds: int, epochs: int, parallel: int, log: Callable[[str], None], images: int = 60_000,
                 measured: float | None = None) -> None:
        self.total, self.epochs, self.parallel, self.log = seeds * epochs, epochs, max(1, min(parallel, seeds)), log
        self.measured = measured  # an epoch of this model on this machine, from its earlier runs (None: none found)
        self.guess = measured or EPOCH_SECONDS * images / 60_000
        self.done, self.start = 0, time.perf_counter()
        self.last: dict[int, float] = {}
        self.durations: list[float] = []

    def first_line(self, seeds: list[int], how: str) -> str:
        rounds = math.ceil(len(seeds) / self.parallel)
        basis = ("an epoch as this model's earlier runs here took" if self.measured else
                 "the default's epoch on one core of a 2-core CPU, for this many images: a guess")
        return (f"{len(seeds)} seed(s), {self.epochs} epochs each, {how}: about {clock(rounds * self.epochs * self.guess)} "
                f"at ~{self.guess:.1f} s an epoch ({basis}; re-estimated as epochs finish); "
                "a line per seed per epoch follows (--quiet: only the seeds as they finish)")

    def left(self) -> float:
        """Seconds to the check's end: the median measured epoch times the epochs left per side-by-side slot."""
        per_epoch = statistics.median(self.durations) if self.durations else self.guess
        return (self.total - self.done) // self.parallel * per_epoch  # whole rounds: the same while a round lands

    def epoch(self, seed: int, row: dict[str, Any]) -> None:
        now = time.perf_counter()
        self.done += 1
        self.durations.append(now - self.last.get(seed, self.start))
        self.last[seed] = now
        self.log(f"seed {seed}: epoch {row['epoch']:>2}/{self.epochs}  test {row['test_acc']:.2f}%  "
                 f"{clock(now - self.start)} so far, ~{clock(self.left())} to go")

    def event(self, event: tuple[float, dict[str, Any]]) -> None:
        """A worker's event (Dask's (time, message)), as `subscribe_topic` hands it over."""
        message = event[1]
        self.epoch(int(message["seed"]), message["row"])


def measured_epoch(out: str, model: str, images: int) -> float | None:
    """The median epoch of this model's finished runs under `out` (and its checks' folders) on as many training
    images: what an epoch costs on this machine, or None when none is there."""
    from pathlib import Path

    from tinydigits.errors import TinyDigitsError
    from tinydigits.results.records import Run

    seconds = []
    root = Path(out)
    for config in sorted([*root.glob("*/config.json"), *root.glob("check-*/*/config.json")])[-40:]:
        try:
            run = Run.load(config.parent)
        except TinyDigitsError:
            continue
        if run.settings.model == model and run.train_images == images and run.complete:
            seconds += [e.seconds for e in run.epochs]
    return statistics.median(seconds) if seconds else None
