"""`tinydigits check`: train once per seed and judge the budget on every seed, not on a lucky one."""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from typing import Any

from tinydigits.constants import Budget
from tinydigits.errors import TinyDigitsError, describe
from tinydigits.results.budget import format_verdict, judge
from tinydigits.results.report import write_artifacts
from tinydigits.training import tracking
from tinydigits.training.config import TrainConfig
from tinydigits.training.device import pick_device
from tinydigits.training.stack import ensure_stackable
from tinydigits.training.train import train


def exit_with_parent(parent: int) -> None:
    """Worker side: end this process when the parent (`check`, `search`) is gone (killed, not Ctrl-C'd), rather
    than train on as an orphan."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def write_results(result) -> str | None:
    """A finished run's pictures and report.md written, then published to TensorBoard and MLflow: what `train`,
    `tinydigits.train` and every seed of a check leave. Returns what failed to publish (one line), or None."""
    write_artifacts(result.run_dir, result.model, result.test)
    return tracking.publish(result.run_dir)


def outcome(result) -> tuple[int, str, list[float], int, str | None]:
    """(seed, folder, curve, params, what failed to publish) of a trained seed, its results written: what travels
    back to the check."""
    warning = write_results(result)
    return result.config.seed, str(result.run_dir), [e["test_acc"] for e in result.metrics["epochs"]], \
        result.metrics["params"], warning


def _train_quietly(cfg: TrainConfig, budget: Budget) -> tuple[int, str, list[float], int, str | None]:
    return outcome(train(cfg, quiet=True, log=lambda _: None, budget=budget))


def _train_stacked(base: TrainConfig, seeds: list[int], budget: Budget):
    """All seeds as one stacked network in this process (`training.stack`), then each seed's pictures."""
    from tinydigits.training.stack import train_stacked

    for result in train_stacked(base, seeds, quiet=True, log=lambda _: None, budget=budget):
        yield outcome(result)


def run_seeds(base: TrainConfig, seeds: list[int], jobs: int, budget: Budget, log=print,
              stack: bool = False) -> tuple[dict[int, list[float]], int, dict[int, str]]:
    """Train one run per seed: stacked as one network in this process, or one run per seed - with jobs > 1 in
    spawned processes that split the cores between them. A seed that raises is a failed seed with its error in
    one line (returned in the third item); every other seed is kept. Ctrl-C still stops the check."""
    configs = [dataclasses.replace(base, seed=s) for s in seeds]
    if jobs > 1 and base.threads is None:
        configs = [dataclasses.replace(c, threads=max(1, (os.cpu_count() or 1) // jobs)) for c in configs]
    curves: dict[int, list[float]] = {}
    errors: dict[int, str] = {}
    params = 0
    start = time.perf_counter()

    def failed(seed: int, err: Exception) -> None:
        curves[seed], errors[seed] = [], describe(err)[:200]  # one line in the seed's row and check.json
        log(f"seed {seed}: FAILED  {errors[seed]}")

    def done(seed, run_dir, accs, p, warning):
        nonlocal params
        curves[seed], params = accs, p
        log(f"seed {seed}: final {accs[-1]:.2f}%  ({time.perf_counter() - start:.0f}s)  {run_dir}")
        if warning:
            log(f"warning: {warning}")

    if stack:
        try:
            for result in _train_stacked(base, seeds, budget):
                done(*result)
        except Exception as err:  # one network: the seeds not yet written fail together
            for seed in seeds:
                if seed not in curves:
                    failed(seed, err)
    elif jobs <= 1:
        for cfg in configs:
            try:
                done(*_train_quietly(cfg, budget))
            except Exception as err:
                failed(cfg.seed, err)
    else:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"), initializer=exit_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            futures = {pool.submit(_train_quietly, cfg, budget): cfg.seed for cfg in configs}
            for future in as_completed(futures):
                try:
                    done(*future.result())
                except Exception as err:
                    failed(futures[future], err)
    return curves, params, errors


def stack_by_default(cfg: TrainConfig) -> bool:
    """`--stack` unless told otherwise where it is the faster way: on CUDA (launch-bound tiny runs), not on a CPU,
    where a stack measured no faster per seed than `--jobs 2` (README, Speed)."""
    return pick_device(cfg.device).type == "cuda"


def check(cfg: TrainConfig, seeds: list[int], jobs: int, budget: Budget, log=print, command: str = "",
          stack: bool | None = None) -> dict[str, Any]:
    """Train every seed of a resolved config and judge it: the one path behind `tinydigits check`
    and `tinydigits.check`. Prints the per-seed lines and the verdict table, writes check.md/.png/.json
    into a fresh `check-<model>-<time>` folder under `cfg.out`; returns the verdict (with `folder`).
    `stack`: all seeds as one stacked network (None: `stack_by_default`)."""
    from tinydigits.models import display_name
    from tinydigits.verdict.check_report import write_check

    if budget.last > cfg.epochs:
        raise TinyDigitsError(f"--last {budget.last} is more than --epochs {cfg.epochs}")
    cfg.plan(keep_last=budget.last)  # schedules never reach into the judged epochs: one line before any folder
    stack = stack_by_default(cfg) if stack is None else stack
    if stack:
        ensure_stackable(cfg)  # one line before any folder is made
    start = time.perf_counter()
    name = display_name(cfg.model)
    how = "stacked as one network" if stack else f"{jobs} job(s)"
    log(f"checking {cfg.model} on seeds {','.join(map(str, seeds))} ({cfg.epochs} epochs, {how})")
    params = {**dataclasses.asdict(cfg), "seeds": ",".join(map(str, seeds)), **dataclasses.asdict(budget)}
    with tracking.parent_run(cfg.mlflow, f"check-{name}", params) as parent:  # the check is its seeds' parent run
        cfg = dataclasses.replace(cfg, mlflow_parent=parent)
        curves, params, errors = run_seeds(cfg, seeds, jobs, budget, log, stack)
        result = judge(curves, params, cfg.epochs, budget, errors)
        result["wall_seconds"] = time.perf_counter() - start
        command = command or (f"tinydigits check --model {cfg.model} --seeds {','.join(map(str, seeds))} "
                              + ("--stack" if stack else f"--jobs {jobs}"))
        folder = write_check(result, budget, name, cfg.out, command)
        result["folder"] = str(folder)
        log(f"check.md and check.png in {result['folder']}")
        log(format_verdict(result, budget))  # the verdict stays the last thing printed
        if parent:
            odds = result["odds"]
            figures = {"pass": float(result["pass"]), "mean_final_acc": result["mean_final_acc"],
                       "seeds_held": odds["passed"], "min_last": result["constraints"]["accuracy"]["value"],
                       "wall_seconds": result["wall_seconds"],
                       **{k: odds[k] for k in ("probability", "probability_lower", "rate_lower") if k in odds}}
            tracking.log_metrics(cfg.mlflow, parent, figures)
            tracking.log_files(cfg.mlflow, parent, [folder / n for n in ("check.md", "check.png", "check.json")])
    return result
