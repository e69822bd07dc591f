"""`tinydigits search`: budgeted architecture + recipe search on Optuna, on one machine or many.

Objectives (a Pareto front, not one winner): the budget margin - min over seeds of min(test
accuracy over the last `--last` epochs) - and the cost of a run: measured training seconds, or
MACs with `--objective macs` (machine-independent). Hard constraints (`--max-params`, `--max-macs`)
are checked on the spec before anything is trained; a rejected trial is recorded as pruned with
the reason, never trained.

Multi-fidelity, two levels: every trial trains one seed first and only trials whose first seed
holds `--promote` (default: the budget's accuracy) get the other seeds; and during the first seed
a median rule stops a trial whose test accuracy at an epoch is below the median of the finished
trials at that epoch. The median rule is ours because Optuna's `Trial.report` / pruners refuse
multi-objective studies; it reads the curves the trials store in the study, so it works across
machines as well.

Many machines: the same command with one `--study` and one `--storage postgresql://...` on N
machines shares the work - Optuna's own distributed mode; `--trials` is the study's total.
"""

from __future__ import annotations

import dataclasses
import math
import os
import statistics
import time
import uuid
from pathlib import Path
from typing import Any

from tinydigits import files
from tinydigits.errors import TinyDigitsError
from tinydigits.errors import describe as describe_error
from tinydigits.models.spec import NetSpec
from tinydigits.search.config import OBJECTIVES, SearchConfig
from tinydigits.search.outputs import write_outputs
from tinydigits.search.space import lower_figure, rejection, start_from, suggest
from tinydigits.search.storage import open_study
from tinydigits.training import tracking


def _epoch_watch(trial, epochs: int, prune_after: int | None, last: int, seed: int | None = None):
    """on_epoch callback: fail on a NaN loss at once; with `prune_after`, raise TrialPruned when the
    accuracy is below the median of the finished trials (same epoch count) at the same epoch - but not
    in the judged last `last` epochs: the few epochs left cost little, and the median of finished trials is
    a survivor's (a study pruned a 5,790-param net at 99.49 % in its epoch 13 of 15). With `seed` (the mean
    objective), the median is over the same seed's curves of finished trials: paired, seed by seed."""
    import optuna

    finished = trial.study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.COMPLETE,))
    curves = [t.user_attrs.get("curves", {}).get(str(seed)) if seed is not None else t.user_attrs.get("curve")
              for t in finished]
    done = [c for c in curves if c is not None and len(c) == epochs]
    label = "" if seed is None else f"seed {seed} "

    def check(row: dict[str, Any]) -> None:
        e = row["epoch"]
        if math.isnan(row["train_loss"]):
            raise FloatingPointError(f"the training loss became NaN in epoch {e}")
        if prune_after is None or e < prune_after or e > epochs - last or len(done) < 3:
            return
        median = statistics.median(c[e - 1] for c in done)
        if row["test_acc"] < median:
            reason = f"{label}epoch {e}: {row['test_acc']:.2f}% below the median {median:.2f}% of {len(done)} trials"
            trial.set_user_attr("pruned", reason)
            raise optuna.TrialPruned(reason)

    return check


def objective(trial, cfg: SearchConfig) -> tuple[float, float]:
    import optuna

    try:
        spec = suggest(trial, cfg)
    except TinyDigitsError as err:  # a geometry the family allows but 28x28 does not (maps below 1x1)
        trial.set_user_attr("rejected", str(err))
        trial.set_constraint("geometry", 1.0)
        raise optuna.TrialPruned(f"rejected before training: {err}") from None
    for key, value in {"spec": spec.to_dict(), "compact": spec.compact(), "params": spec.params(), "macs": spec.macs(),
                       "worker": os.getpid()}.items():
        trial.set_user_attr(key, value)
    # > 0 breaks a constraint; TPE reads these and learns to avoid the region.
    trial.set_constraint("params", (spec.params() + 1) / cfg.max_params - 1)
    trial.set_constraint("macs", spec.macs() / cfg.max_macs - 1 if cfg.max_macs else -1.0)
    reason = rejection(spec, cfg)
    if reason:
        trial.set_user_attr("rejected", reason)
        raise optuna.TrialPruned(f"rejected before training: {reason}")
    try:
        return _train_seeds(trial, spec, cfg)
    except optuna.TrialPruned:
        raise
    except Exception as err:  # recorded in the study (Optuna marks the trial FAIL and the search goes on)
        trial.set_user_attr("error", f"{type(err).__name__}: {err}")
        raise


def _best_lower(study) -> float | None:
    """The risk study's best finished trial so far (its lower figure), or None."""
    import optuna

    done = study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.COMPLETE,))
    return max((t.values[0] for t in done), default=None)


def _train_seeds(trial, spec: NetSpec, cfg: SearchConfig) -> tuple[float, float]:
    """One seed first; the others only if the first holds `--promote`. With `--objective risk`, seeds are spent
    where they decide: a trial whose seeds' mean after two or more is below the best trial's lower figure is
    clearly behind and stops there (sequential testing on seeds). With `--objective mean`, every trial trains
    every one of the study's seeds (no first-seed gate: one seed's luck must not choose), each watched against the
    same seed of the finished trials. Returns (margin, lower figure or mean; cost)."""
    from tinydigits.lifecycle import make
    from tinydigits.training.train import train

    spec_path = cfg.out_dir() / "trials" / f"trial{trial.number}.json"
    spec_path.parent.mkdir(parents=True, exist_ok=True)
    files.write_json(spec_path, spec.to_dict())
    epochs, paired = spec.recipe["epochs"], cfg.objective == "mean"
    minima, seconds, folders, curves = [], [], [], {}
    best = _best_lower(trial.study) if cfg.objective == "risk" else None
    seeds = cfg.trial_seeds()
    for i, seed in enumerate(seeds):
        plan = make(cfg.train_config(model=str(spec_path), seed=seed, out=str(cfg.out_dir() / "runs")))
        watch = _epoch_watch(trial, epochs, cfg.prune_after if paired or i == 0 else None, cfg.last,
                             seed=seed if paired else None)
        result = train(plan.config, quiet=True, log=lambda _: None, on_epoch=watch, source=plan.source)
        result.close()  # a trial's run keeps its figures, not pictures: its writers close here
        curves[str(seed)] = curve = result.run.test()
        trial.set_user_attr("curves", curves)  # as each seed finishes: a later trial's median reads them
        minima.append(min(curve[-cfg.last :]))
        seconds.append(sum(e.seconds for e in result.run.epochs))
        folders.append(str(result.run_dir))
        if i == 0:
            trial.set_user_attr("curve", curve)
        if _enough(trial, cfg, minima, best, last_seed=i == len(seeds) - 1):
            break
    return _record(trial, spec, cfg, seeds[: len(minima)], minima, seconds, folders)


def _enough(trial, cfg: SearchConfig, minima: list[float], best: float | None, last_seed: bool) -> bool:
    """Whether a trial stops training seeds here: its first seed missed `--promote` (objectives other than mean),
    or, with `--objective risk`, its mean so far is below the best trial's lower figure (said in the trial)."""
    if len(minima) == 1:
        return cfg.objective != "mean" and minima[0] < (cfg.promote if cfg.promote is not None else cfg.min_acc)
    if best is not None and not last_seed and statistics.mean(minima) < best:
        trial.set_user_attr("stopped", f"after {len(minima)} seeds: mean {statistics.mean(minima):.3f} below the best "
                                       f"{best:.3f}")
        return True
    return False


def _record(trial, spec: NetSpec, cfg: SearchConfig, seeds: list[int], minima: list[float], seconds: list[float],
            folders: list[str]) -> tuple[float, float]:
    """The trial's figures in its user attributes, and its two objective values (`OBJECTIVES`)."""
    mean_seconds = statistics.mean(seconds)
    figures = {"seeds": len(minima), "seed_list": seeds, "seed_minima": minima, "held": sum(m >= cfg.min_acc for m in minima),
               "seconds": mean_seconds, "margin": min(minima) - cfg.min_acc, "runs": folders,
               "lower": lower_figure(minima), "mean": statistics.mean(minima), "min": min(minima)}
    for key, value in figures.items():
        trial.set_user_attr(key, value)
    trial.set_constraint("seconds", mean_seconds / cfg.max_seconds - 1 if cfg.max_seconds else -1.0)
    objective = OBJECTIVES[cfg.objective]
    cost = float(spec.macs()) if objective.cost == "macs" else mean_seconds
    return figures[objective.value], cost


def describe(t) -> str:
    """One progress line per finished trial."""
    attrs = t.user_attrs
    head = f"trial {t.number:>3}  {attrs.get('params', 0):>6,} params  {attrs.get('compact', '?')}"
    what = ("mean of min last" if "mean" in attrs else "lower figure (mean - 2.33 sd)" if "lower" in attrs
            else "min last")
    if t.state.name == "COMPLETE":
        return (f"{head}  ->  {what} {t.values[0]:.2f}% on {attrs.get('seeds')} seed(s) ({attrs.get('held', '?')} held), "
                f"{attrs.get('seconds', 0):.0f} s/run, {attrs.get('macs', 0):,} MACs")
    if "rejected" in attrs:
        return f"{head}  ->  rejected before training: {attrs['rejected']}"
    if t.state.name == "PRUNED":
        return f"{head}  ->  pruned ({attrs.get('pruned', 'below the median')})"
    state = {"FAIL": "failed"}.get(t.state.name, t.state.name.lower())
    return f"{head}  ->  {state}: {attrs.get('error', '')}".rstrip(": ")


def _worker(cfg: SearchConfig, index: int) -> int:
    """One study worker: trials until the study holds `cfg.trials` finished ones (or the timeout)."""
    import torch

    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    study = open_study(cfg, worker=index)
    done = []

    def report(study, trial) -> None:
        done.append(trial.number)
        print(f"[w{index}] {describe(trial)}", flush=True)
        if _trained(study) >= cfg.trials or len(study.trials) >= MAX_DRAWS * cfg.trials:
            study.stop()

    if _trained(study) < cfg.trials:
        study.optimize(lambda t: objective(t, cfg), timeout=cfg.timeout, catch=(Exception,), callbacks=[report],
                       gc_after_trial=True)
    return len(done)


def _task_worker(cfg: SearchConfig, index: int) -> int:
    """A study worker as a Dask task: torch threads as asked, else as the worker was started with (`tinydigits
    worker`; one on this machine's worker processes)."""
    from tinydigits.cluster.engine import seed_threads

    return _worker(dataclasses.replace(cfg, threads=seed_threads(cfg.threads)), index)


def _on_workers(cfg: SearchConfig, log=print) -> None:
    """One study worker per Dask worker, each a task that runs trials against the shared storage until the study
    holds its trials: on `cfg.cluster`'s workers, or (`--jobs N`) on the N worker processes `check --jobs N` trains
    its seeds on (`engine.local_client`: pinned to the portable arithmetic, each knowing its share of the cores). A
    SQLite path is made absolute, so workers on this machine find the same file; other machines need a database they
    can reach (PostgreSQL)."""
    from distributed import as_completed

    from tinydigits.cluster import engine

    if cfg.storage.startswith("sqlite:///") and not cfg.storage.startswith("sqlite:////"):
        cfg = dataclasses.replace(cfg, storage="sqlite:///" + str(Path(cfg.storage[len("sqlite:///"):]).resolve()))
    workers_here = engine.client_for(cfg.cluster, cfg.jobs) if cfg.cluster else engine.local_client(cfg.jobs)
    with workers_here as client:
        engine.checked_workers(client)
        workers = max(1, len(engine.workers_now(client))) if cfg.cluster else cfg.jobs
        if cfg.cluster:
            log(f"on the cluster {cfg.cluster}: {workers} study worker(s)")
        tag = uuid.uuid4().hex[:8]
        futures = [client.submit(_task_worker, cfg, i, pure=False, key=f"tinydigits-search-{cfg.study}-{i}-{tag}")
                   for i in range(workers)]
        for future in as_completed(futures):
            try:
                future.result()
            except Exception as err:  # that worker's trials are in the study; the others go on
                log(f"a study worker failed: {describe_error(err)}")


MAX_DRAWS = 20  # give up if the sampler keeps drawing specs the constraints reject


def _trained(study) -> int:
    """Trials that count towards --trials: finished, pruned and running ones (running included, so workers on
    other machines do not overshoot); not those rejected before training, nor crashed ones (they measured
    nothing; MAX_DRAWS still stops a space that keeps failing), nor queued ones not started yet (`--start-from`
    queues its points as WAITING trials: counted, they stopped a study of as many trials before it began)."""
    return sum(1 for t in study.get_trials(deepcopy=False)
               if "rejected" not in t.user_attrs and t.state.name not in ("FAIL", "WAITING"))


def run(cfg: SearchConfig, log=print) -> Any:
    """Run the search (this machine's share of it) and write the table and picture; returns the study."""
    cfg.validate()
    cfg.out_dir().mkdir(parents=True, exist_ok=True)
    study = open_study(cfg)  # create it (and check its settings) once, before the workers race to
    start_from(study, cfg.start_from, cfg.epochs, augments=cfg.objective in ("risk", "mean"), family=cfg.family)
    if cfg.jobs > 1 and cfg.threads is None:
        from tinydigits.training.cores import cores_per_job

        cfg = dataclasses.replace(cfg, threads=cores_per_job(cfg.jobs))
    with tracking.parent_run(cfg.mlflow, f"search-{cfg.study}", dataclasses.asdict(cfg)) as parent:
        cfg = dataclasses.replace(cfg, mlflow_parent=parent)
        start = time.perf_counter()
        log(f"study {cfg.study!r} in {cfg.storage}: up to {cfg.trials} trials, {cfg.jobs} worker(s), "
            + {"risk": "objectives: lower figure of min(last N) (mean - 2.33 sd) vs seconds",
               "mean": f"objectives: mean of min(last N) over seeds {cfg.trial_seeds()} vs seconds"}.get(
                cfg.objective, f"objectives: margin vs {cfg.objective}"))
        try:
            if cfg.cluster or cfg.jobs > 1:
                _on_workers(cfg, log)
            else:
                _worker(cfg, 0)
        except KeyboardInterrupt:
            raise KeyboardInterrupt(f"interrupted; the study's finished trials are in {cfg.storage}: the same "
                                    "command goes on with it") from None
        study = open_study(cfg, create=False)
        write_outputs(study, cfg)
        log(f"search wall time {time.perf_counter() - start:.0f}s; table and picture in {cfg.out_dir()}")
        if parent:
            tracking.log_metrics(cfg.mlflow, parent, {"trained_trials": _trained(study),
                                                      "wall_seconds": time.perf_counter() - start})
            tracking.log_files(cfg.mlflow, parent, [cfg.out_dir() / "pareto.md", cfg.out_dir() / "pareto.png"])
    return study
