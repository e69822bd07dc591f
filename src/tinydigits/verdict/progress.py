"""A check's progress while it trains: at its start how many seeds, how and about how long; then a line per seed per
epoch with the time so far and an estimate of the end - from this process's runs or the Dask workers' own events."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def clock(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m" if seconds >= 3600 else f"{seconds // 60}m{seconds % 60:02d}s"


class Progress:
    """Counts the epochs of every seed as they land (any thread: Dask calls `event` from its own) and says each, with
    one estimate of the check's end - the same figure whichever seed speaks.

    The seeds train in rounds of `parallel` side by side (seed i in round i // parallel, in the order given); a round's
    seeds move in step, so its epochs left are those its leading seed has yet to train. A seed's first line carries
    its start-up (the workers', the data's) besides its epoch; the row's `seconds` (the epoch's own time, where it
    trained) tells the two apart. The time left is the start-ups of the rounds not begun plus the epochs left, summed
    over the rounds, times the median epoch: a start-up is paid once a round, never once an epoch. A last round that
    is not full takes a whole round's epochs: 3 seeds on 2 jobs are two rounds, not one and a half."""

    def __init__(self, seeds: list[int], epochs: int, parallel: int, log: Callable[[str], None],
                 measured: float | None = None) -> None:
        self.epochs, self.parallel, self.log = epochs, max(1, min(parallel, len(seeds))), log
        self.round_of = {seed: i // self.parallel for i, seed in enumerate(seeds)}
        self.measured = measured  # an epoch of this model on this machine, from its earlier runs (None: none found)
        self.start = time.perf_counter()
        self.trained: dict[int, int] = {}  # seed -> epochs landed
        self.last: dict[int, float] = {}
        self.durations: list[float] = []  # each seed's epochs after its first, line to line
        self.own_first: list[float] = []  # each seed's first epoch, its own time (the row's `seconds`)
        self.first: list[float] = []  # a first line whose row has no `seconds`: its start-up in it
        self.startups: list[float] = []  # the first round's: the check's start to its seeds' first epochs
        self.changeovers: list[float] = []  # a later round's: the round before's end to its seeds' first epochs
        self.ended: dict[int, float] = {}  # round -> when its first seed landed its last epoch (a slot freed)

    def first_line(self, how: str) -> str:
        seeds, rounds = len(self.round_of), max(self.round_of.values(), default=-1) + 1
        head = f"{seeds} seed(s), {self.epochs} epochs each, {how} ({self.order(seeds, rounds)})"
        tail = "a line per seed per epoch follows (--quiet: only the seeds as they finish)"
        if self.measured is None:  # no figure rather than a guess that may be off by 3x on another machine
            return f"{head}: the time it takes is estimated when the first epoch lands; {tail}"
        return (f"{head}: about {clock(rounds * self.epochs * self.measured)} at ~{self.measured:.1f} s an epoch "
                f"(an epoch as this model's earlier seeds here took; re-estimated as epochs finish); {tail}")

    def order(self, seeds: int, rounds: int) -> str:
        """How the seeds follow each other as they train: one at a time on one job, else in rounds side by side (a
        last round that is not full: "up to")."""
        if self.parallel == 1:
            return "one seed at a time" if seeds == 1 else f"one seed at a time, {seeds} in turn"
        if rounds == 1:
            return f"{seeds} seeds side by side"
        full = seeds == rounds * self.parallel
        return f"{rounds} rounds of {'' if full else 'up to '}{self.parallel} seeds side by side"

    def left(self) -> float:
        """Seconds to the check's end: a start-up for each round not begun, plus each round's epochs left (its leading
        seed's) times the median epoch - of the epochs after each seed's first once there are some, else the first
        epochs' own times, else the earlier seeds' measured epoch, else the first lines (a worker that sends no time).
        A round's start-up is the later rounds' measured one once there is one, else the first round's (its workers'
        start in it: more, not less, than a later round pays)."""
        per_epoch = (statistics.median(self.durations) if self.durations
                     else statistics.median(self.own_first) if self.own_first else self.measured if self.measured
                     else statistics.median(self.first) if self.first else 0.0)
        startup = (statistics.median(self.changeovers) if self.changeovers
                   else statistics.median(self.startups) if self.startups else 0.0)
        lead: dict[int, int] = {}
        for seed, r in self.round_of.items():
            lead[r] = max(lead.get(r, 0), self.trained.get(seed, 0))
        return sum(self.epochs - n for n in lead.values()) * per_epoch + sum(n == 0 for n in lead.values()) * startup

    def epoch(self, seed: int, row: dict[str, Any]) -> None:
        now = time.perf_counter()
        self.trained[seed] = self.trained.get(seed, 0) + 1
        if seed in self.last:
            self.durations.append(now - self.last[seed])
        else:
            r = self.round_of.get(seed, 0)
            since = self.ended.get(r - 1, self.start)  # a later round's seed begins as a slot frees
            line = now - since
            own = row.get("seconds")  # None: a row from a worker that does not send it (an older version)
            if own is None:
                self.first.append(line)
            else:
                own = min(float(own), line)
                self.own_first.append(own)
                if r == 0:
                    self.startups.append(line - own)
                elif r - 1 in self.ended:  # else the round before never finished: no start to measure from
                    self.changeovers.append(line - own)
        if self.trained[seed] == self.epochs:
            self.ended.setdefault(self.round_of.get(seed, 0), now)
        self.last[seed] = now
        # train beside test, as a run's own epoch line has them: the gap between the two is the fit a student reads
        train = f"train {row['train_acc']:.2f}%  " if row.get("train_acc") is not None else ""
        self.log(f"seed {seed}: epoch {row['epoch']:>2}/{self.epochs}  {train}test {row['test_acc']:.2f}%  "
                 f"{clock(now - self.start)} so far, ~{clock(self.left())} to go")

    def event(self, event: tuple[float, dict[str, Any]]) -> None:
        """A worker's event (Dask's (time, message)), as `subscribe_topic` hands it over."""
        message = event[1]
        self.epoch(int(message["seed"]), message["row"])


def measured_epoch(out: str, model: str, images: int, threads: int) -> float | None:
    """The median epoch of this model's finished seeds in the checks under `out`, on as many training images with
    as many torch threads each: what an epoch of a check costs on this machine, or None when none is there. (A
    plain run's epoch is not one: it has the machine to itself.)"""
    from pathlib import Path

    from tinydigits.errors import TinyDigitsError
    from tinydigits.results.records import Run

    seconds = []
    root = Path(out)
    for config in sorted(root.glob("check-*/*/config.json"))[-40:]:
        try:
            run = Run.load(config.parent)
        except TinyDigitsError:
            continue
        if (run.settings.model, run.train_images, run.settings.threads, run.complete) == (model, images, threads, True):
            seconds += [e.seconds for e in run.epochs]
    return statistics.median(seconds) if seconds else None
