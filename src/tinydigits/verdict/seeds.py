"""`tinydigits check`: train once per seed and judge the budget on every seed, not on a lucky one."""

from __future__ import annotations

import dataclasses
import os
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from tinydigits.constants import Budget
from tinydigits.errors import TinyDigitsError, describe
from tinydigits.results.budget import format_verdict, judge
from tinydigits.training import runs, tracking
from tinydigits.training.config import TrainConfig
from tinydigits.training.device import pick_device
from tinydigits.training.stack import ensure_stackable
from tinydigits.training.train import train
from tinydigits.verdict.engine import write_results


def exit_with_parent(parent: int) -> None:
    """Worker side: end this process when the parent (`check`, `search`) is gone (killed, not Ctrl-C'd), rather
    than train on as an orphan."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def outcome(result) -> tuple[int, str, list[float], int, str | None]:
    """(seed, folder, curve, params, what failed to publish) of a trained seed, its results written: what travels
    back to the check."""
    warning = write_results(result)
    return result.config.seed, str(result.run_dir), [e["test_acc"] for e in result.metrics["epochs"]], \
        result.metrics["params"], warning


def _train_here(cfg: TrainConfig, budget: Budget) -> tuple[int, str, list[float], int, str | None]:
    return outcome(train(cfg, quiet=True, log=lambda _: None, budget=budget))


def _train_stacked(base: TrainConfig, seeds: list[int], budget: Budget):
    """All seeds as one stacked network in this process (`training.stack`), then each seed's pictures."""
    from tinydigits.training.stack import train_stacked

    for result in train_stacked(base, seeds, quiet=True, log=lambda _: None, budget=budget):
        yield outcome(result)


def _train_on_workers(configs: list[TrainConfig], budget: Budget, folder: Path, jobs: int, cluster: str | None):
    """Each seed a Dask task (`verdict.engine`): on a `LocalCluster` of `jobs` processes, or on `cluster`'s workers.
    Yields each seed as it lands - unpacked into `folder`, logged to MLflow from here - or the error it raised."""
    from distributed import as_completed

    from tinydigits.verdict import engine

    base = configs[0]
    with engine.client_for(cluster, jobs) as client:
        here = engine.checked_workers(client)
        resources = engine.task_resources(base, engine.worker_resources(client))
        inline = engine.inline_model(base.model)
        futures = {client.submit(engine.remote_seed, cfg, budget, inline, here, pure=False, resources=resources,
                                 key=f"tinydigits-seed-{cfg.seed}-{uuid.uuid4().hex[:8]}"): cfg.seed for cfg in configs}
        for future in as_completed(futures):
            seed = futures[future]
            try:
                run_dir = engine.unpack(future.result(), folder)
                metrics = runs.read_metrics(run_dir)
            except Exception as err:
                yield seed, err
                continue
            warning = tracking.log_landed(base.mlflow, base.mlflow_parent, run_dir) if base.mlflow else None
            yield seed, (seed, str(run_dir), [e["test_acc"] for e in metrics["epochs"]], metrics["params"], warning)


def run_seeds(base: TrainConfig, seeds: list[int], jobs: int, budget: Budget, log=print, stack: bool = False,
              cluster: str | None = None) -> tuple[dict[int, list[float]], int, dict[int, str]]:
    """Train one run per seed into `base.out`: stacked as one network in this process, one after another in this
    process (`jobs` 1, no cluster), or as Dask tasks (`jobs` > 1 on this machine's cores, or `cluster`). A seed that
    raises is a failed seed with its error in one line (returned in the third item); every other seed is kept.
    Ctrl-C still stops the check."""
    configs = [dataclasses.replace(base, seed=s) for s in seeds]
    if jobs > 1 and base.threads is None and not cluster:
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
    elif jobs <= 1 and not cluster:
        for cfg in configs:
            try:
                done(*_train_here(cfg, budget))
            except Exception as err:
                failed(cfg.seed, err)
    else:
        for seed, got in _train_on_workers(configs, budget, Path(base.out), jobs, cluster):
            if isinstance(got, BaseException):
                failed(seed, got)
            else:
                done(*got)
    return curves, params, errors


def stack_by_default(cfg: TrainConfig) -> bool:
    """`--stack` unless told otherwise where it is the faster way: on CUDA (launch-bound tiny runs), not on a CPU,
    where a stack measured no faster per seed than `--jobs 2` (README, Speed)."""
    return pick_device(cfg.device).type == "cuda"


PLAN = "plan.json"  # in a check's folder from its start: what it was asked to do (`--resume` reads it)


def check(cfg: TrainConfig, seeds: list[int], jobs: int, budget: Budget, log=print, command: str = "",
          stack: bool | None = None, cluster: str | None = None) -> dict[str, Any]:
    """Train every seed of a resolved config and judge it: the one path behind `tinydigits check`
    and `tinydigits.check`. A fresh `check-<model>-<time>` folder under `cfg.out` is made first, with plan.json
    (config, seeds, budget); each seed's run folder lands in it as it finishes; check.md/.png/.json follow. Prints
    the per-seed lines and the verdict table; returns the verdict (with `folder`). `stack`: all seeds as one stacked
    network (None: `stack_by_default`); `cluster`: a Dask scheduler's address or file (`verdict.engine`)."""
    from tinydigits.models import display_name

    if budget.last > cfg.epochs:
        raise TinyDigitsError(f"--last {budget.last} is more than --epochs {cfg.epochs}")
    cfg.plan(keep_last=budget.last)  # schedules never reach into the judged epochs: one line before any folder
    stack = stack_by_default(cfg) if stack is None else stack
    if stack:
        ensure_stackable(cfg)  # one line before any folder is made
    name = display_name(cfg.model)
    command = command or (f"tinydigits check --model {cfg.model} --seeds {','.join(map(str, seeds))} "
                          + ("--stack" if stack else f"--jobs {jobs}"))
    folder = runs.new_dir(cfg.out, f"check-{name}")
    runs.write_json(folder / PLAN, {"config": dataclasses.asdict(cfg), "seeds": seeds, "budget": dataclasses.asdict(budget),
                                    "stack": stack, "command": command, "environment": runs.environment()})
    how = "stacked as one network" if stack else (f"on the cluster {cluster}" if cluster else f"{jobs} job(s)")
    log(f"checking {cfg.model} on seeds {','.join(map(str, seeds))} ({cfg.epochs} epochs, {how}) into {folder}")
    return _judge_seeds(cfg, seeds, jobs, budget, folder, command, {}, log, stack, cluster)


def _interrupted(err: KeyboardInterrupt, folder: Path) -> KeyboardInterrupt:
    """Ctrl-C's one line, with how to go on: the seeds that landed are kept in the check's folder."""
    return KeyboardInterrupt(f"{err or 'interrupted'}; the seeds that finished are kept - go on with: "
                             f"tinydigits check --resume {folder}")


def landed_seeds(folder: Path, cfg: TrainConfig) -> dict[int, tuple[list[float], int]]:
    """The seeds of a check folder whose run folder is complete (every planned epoch, model saved): seed ->
    (curve, params). An interrupted seed's folder is left where it is and does not count."""
    found: dict[int, tuple[list[float], int]] = {}
    for metrics_file in sorted(folder.glob("*/metrics.json")):
        try:
            metrics = runs.read_json(metrics_file)
        except TinyDigitsError:
            continue
        curve = [e["test_acc"] for e in metrics.get("epochs", [])]
        if metrics.get("complete") and len(curve) == cfg.epochs and (metrics_file.parent / "model.pt").exists():
            found[int(metrics["seed"])] = (curve, int(metrics["params"]))
    return found


def resume(folder: str | os.PathLike, jobs: int = 1, log=print, cluster: str | None = None) -> dict[str, Any]:
    """`tinydigits check --resume FOLDER`: train only the seeds of an interrupted check without a complete run folder,
    into the same folder, then write the verdict one uninterrupted check would have written."""
    from tinydigits.constants import Budget as BudgetType

    folder = Path(folder)
    if not (folder / PLAN).is_file():
        raise TinyDigitsError(f"{folder} is not a check folder (no {PLAN}): pass the check-<model>-<time> folder")
    plan = runs.read_json(folder / PLAN)
    cfg, budget = TrainConfig(**plan["config"]), BudgetType(**plan["budget"])
    seeds = [int(s) for s in plan["seeds"]]
    landed = {s: v for s, v in landed_seeds(folder, cfg).items() if s in seeds}
    todo = [s for s in seeds if s not in landed]
    log(f"resuming {folder}: seeds {','.join(map(str, sorted(landed))) or 'none'} already trained; "
        f"training {','.join(map(str, todo)) or 'none'}")
    return _judge_seeds(cfg, seeds, jobs, budget, folder, plan["command"], landed, log, plan["stack"], cluster)


def _judge_seeds(cfg: TrainConfig, seeds: list[int], jobs: int, budget: Budget, folder: Path, command: str,
                 landed: dict[int, tuple[list[float], int]], log, stack: bool, cluster: str | None) -> dict[str, Any]:
    """Train the seeds not yet `landed` into `folder`, judge them all, write check.md/.png/.json there."""
    from tinydigits.models import display_name
    from tinydigits.verdict.check_report import write_check

    start = time.perf_counter()
    name = display_name(cfg.model)
    todo = [s for s in seeds if s not in landed]
    params = {**dataclasses.asdict(cfg), "seeds": ",".join(map(str, seeds)), **dataclasses.asdict(budget)}
    with tracking.parent_run(cfg.mlflow, f"check-{name}", params) as parent:  # the check is its seeds' parent run
        cfg = dataclasses.replace(cfg, mlflow_parent=parent, out=str(folder))
        try:
            curves, n_params, errors = run_seeds(cfg, todo, jobs, budget, log, stack, cluster) if todo else ({}, 0, {})
        except KeyboardInterrupt as err:
            raise _interrupted(err, folder) from None
        for seed, (curve, p) in landed.items():
            curves[seed], n_params = curve, n_params or p
        curves = {s: curves[s] for s in seeds}  # the plan's order, whichever seed landed first
        result = judge(curves, n_params, cfg.epochs, budget, errors)
        result["wall_seconds"] = time.perf_counter() - start
        write_check(result, budget, name, folder, command)
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
