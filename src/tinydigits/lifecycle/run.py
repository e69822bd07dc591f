"""One run's way, start to end, on this machine: planned (`plan`), trained (`training.train`), finished (`finish`),
judged (`results.budget.run_verdict`). `train`, the API, a check's seeds here and a seed on a Dask worker
(`cluster.engine.remote_seed`) all take it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tinydigits.constants import BUDGET, Budget
from tinydigits.lifecycle.finish import Painters, finish
from tinydigits.lifecycle.plan import images_line
from tinydigits.results.budget import run_verdict
from tinydigits.results.records import Verdict
from tinydigits.training.bookkeeping import RunResult
from tinydigits.training.config import TrainConfig
from tinydigits.training.train import train

if TYPE_CHECKING:
    from tinydigits.models import Source


def train_run(cfg: TrainConfig, budget: Budget = BUDGET, source: Source | None = None, *, quiet: bool = True,
              log: Callable[[str], None] = print, warn: Callable[[str], None] | None = None,
              on_epoch: Callable[[dict[str, Any]], None] | None = None, beside: bool = False) -> RunResult:
    """Train a plan's config here (`cfg`, `budget`, `source`: `plan.config`, `plan.budget`, `plan.source`), then
    write and publish its results from memory; what failed to publish goes to `warn` (default: nowhere but the
    result's `warning`) in one line. `beside`: its pictures drawn (and its graph traced) by processes started with
    it (`finish.Painters`), every file in the folder when this returns. Returns the run's result (its verdict:
    `verdict(result)`). Its first line to `log` says the images it trains on, where its plan's notes have not (a
    validation split's note says them)."""
    if not cfg.val_split:
        log(f"tinydigits: {images_line(cfg)}")
    painters = Painters.start() if beside else None
    try:
        result = train(cfg, quiet=quiet, log=log, budget=budget, source=source, on_epoch=on_epoch,
                       beside=None if painters is None else painters.run)
        result.warning = finish(result, painters)
    finally:
        if painters is not None:
            painters.close()
    if result.warning and warn is not None:
        warn(f"warning: {result.warning}")
    return result


def verdict(result: RunResult) -> Verdict:
    """The run judged as `report` and `check` judge it: the planned epochs, the budget it was trained under."""
    return run_verdict(result.run)
