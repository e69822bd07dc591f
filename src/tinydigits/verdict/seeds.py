"""`tinydigits check`: train once per seed and judge the budget on every seed, not on a lucky one."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydigits import files
from tinydigits.cluster.outcome import SeedOutcome, failed
from tinydigits.errors import TinyDigitsError
from tinydigits.lifecycle import Plan, make
from tinydigits.lifecycle.finish import Painters, finish_all, picture_workers
from tinydigits.lifecycle.plan import say_fresh
from tinydigits.lifecycle.run import train_run
from tinydigits.results import records
from tinydigits.results.budget import format_verdict, judge
from tinydigits.results.ledger import describe_arithmetic
from tinydigits.training import runs, tracking
from tinydigits.training.config import TrainConfig, settings_of
from tinydigits.training.runs import INLINE
from tinydigits.verdict.progress import Progress, measured_epoch

if TYPE_CHECKING:
    from tinydigits.models import Source

WAIT_WORKERS = 60.0  # seconds a cluster check waits for a worker that can take its seeds


def landed(result, warning: str | None = None) -> SeedOutcome:
    """A finished seed as the check counts it."""
    return SeedOutcome(result.run.seed, str(result.run_dir), result.run.test(), result.run.params, warning)


def _stacked(plan: Plan, seeds: list[int], log=print) -> Iterator[SeedOutcome]:
    """All seeds as one stacked network in this process (`training.stack`), then each seed's pictures; one network,
    so a raise fails the seeds not yet written together (their writers closed all the same). `log` takes its line an
    epoch, every seed's train and test accuracy in it."""
    from tinydigits.training.device import pick_device
    from tinydigits.training.stack import train_stacked

    workers = picture_workers(pick_device(plan.config.device).type, len(seeds))
    painters = Painters.start(workers) if workers > 1 else None  # started now: their imports done while it trains
    written, results = set(), []
    try:
        results = train_stacked(plan.config, seeds, quiet=True, log=log, budget=plan.budget,
                                source=plan.source, beside=painters.run if painters else None)
        for result, warning in zip(results, finish_all(results, painters), strict=False):
            done = landed(result, warning)  # a seed counts as written once its pictures are: else it fails with the rest
            written.add(result.config.seed)
            yield done
    except Exception as err:
        for result in results:  # closing twice does nothing: the seeds already written are closed
            with contextlib.suppress(Exception):  # the error that failed the seeds is the one to say
                result.close()
        yield from (failed(s, err) for s in seeds if s not in written)
    finally:
        if painters is not None:
            painters.close()


def _one_by_one(plan: Plan, seeds: list[int], progress: Progress | None = None) -> Iterator[SeedOutcome]:
    for seed in seeds:
        try:
            on_epoch = (lambda row, seed=seed: progress.epoch(seed, row)) if progress else None
            result = train_run(plan.seed(seed), plan.budget, plan.source, log=lambda _: None, on_epoch=on_epoch)
            yield landed(result, result.warning)
        except Exception as err:
            yield failed(seed, err)


def _on_workers(plan: Plan, seeds: list[int], wait: float, log, progress: Progress | None = None) -> Iterator[SeedOutcome]:
    """Each seed a Dask task (`cluster.engine`, handed out by `cluster.dispatch`): on a `LocalCluster` of `jobs`
    processes, or on the plan's cluster's workers. Yields each seed as it lands, unpacked into the runs' folder."""
    from tinydigits.cluster import engine
    from tinydigits.cluster.dispatch import Dispatcher

    base = plan.config
    with engine.client_for(plan.cluster, plan.jobs, base.portable) as client:
        if plan.cluster:
            _wait_for_a_worker(client, plan.cluster, wait)
        if progress is not None:  # the workers' own epochs, as they land there
            client.subscribe_topic(engine.EVENT, progress.event)
        resources = engine.task_resources(base, engine.worker_resources(client))
        model = engine.model_content(base.model)
        yield from Dispatcher(client, base, plan.budget, Path(base.out), model, wait, log).run(
            [plan.seed(s) for s in seeds], resources)


def _wait_for_a_worker(client, cluster: str, wait: float) -> None:
    """Before any seed: a worker connected within `wait` seconds, or one line (which ports to open)."""
    from tinydigits.cluster.dispatch import no_worker_line

    try:
        client.wait_for_workers(1, timeout=wait)
    except Exception:  # Dask's TimeoutError
        raise TinyDigitsError(no_worker_line(cluster, wait, {})) from None


def run_seeds(plan: Plan, seeds: list[int], log=print, wait: float = WAIT_WORKERS,
              progress: Progress | None = None, quiet: bool = False) -> dict[int, SeedOutcome]:
    """Train one run per seed into the plan's `out`, the way the plan says (`lifecycle.plan`): one after another or
    stacked in this process, or as Dask tasks. Every seed comes back as a `SeedOutcome`: landed, failed by the model,
    or not run. Ctrl-C stops the check. `quiet`: a stack's line an epoch left out, as `progress` is."""
    start = time.perf_counter()
    if plan.unpinned:
        say_fresh(log)
    if plan.on_workers:
        stream = _on_workers(plan, seeds, wait, log, progress)
    elif plan.stacked:
        stream = _stacked(plan, seeds, (lambda _: None) if quiet else log)
    else:
        stream = _one_by_one(plan, seeds, progress)
    outcomes: dict[int, SeedOutcome] = {}
    for got in stream:
        outcomes[got.seed] = got
        if got.not_run:
            log(f"seed {got.seed}: NOT RUN  {got.not_run}")
        elif got.error:
            log(f"seed {got.seed}: FAILED  {got.error}")
        else:
            log(f"seed {got.seed}: final {got.curve[-1]:.2f}%  ({time.perf_counter() - start:.0f}s)  {got.folder}")
            if got.warning:
                log(f"warning: {got.warning}")
    return outcomes


PLAN = "plan.json"  # in a check's folder from its start: what it was asked to do (`--resume` reads it)


@dataclass
class Checking:
    """One check under way: what `_judge_seeds` needs, whether it started now or resumes a folder."""

    plan: Plan
    seeds: list[int]
    folder: Path
    command: str
    wait: float = WAIT_WORKERS
    landed: dict[int, tuple[list[float], int]] = field(default_factory=dict)
    resume_hint: str = ""
    quiet: bool = False  # no line per seed per epoch


def resume_hint(cfg: TrainConfig, folder: Path) -> str:
    """How to go on with a check: the CLI's `--resume`, or from Python for a notebook's class (a new process would
    not know it)."""
    if INLINE in cfg.model:
        return f"tinydigits.check(YourClass, resume={str(folder)!r}) in the same notebook"
    return f"tinydigits check --resume {folder}"


def check_command(plan: Plan, seeds: list[int]) -> str:
    """The command a check started from Python writes into plan.json and check.md: the same seeds with every setting in
    effect (`training.config.in_effect`, a hand-in's rule too: the recipe's settings as they trained, so no recipe needs
    to be read), the arithmetic where it is not portable and the budget where it is not the project's. For a model a
    new process loads, the command line; for a notebook's class, which only its notebook knows (a new process answers
    `unknown model`), the notebook's own `tinydigits.check(...)` call."""
    import shlex

    from tinydigits.constants import BUDGET
    from tinydigits.settings import as_flags
    from tinydigits.training.config import in_effect

    cfg, budget = plan.config, plan.budget
    settings = {"epochs": cfg.epochs, **in_effect(cfg), **({} if cfg.portable else
                                                          {"portable": False, "precision": cfg.precision})}
    limits = {f.name: getattr(budget, f.name) for f in dataclasses.fields(budget)
              if getattr(budget, f.name) != getattr(BUDGET, f.name)}
    if INLINE in cfg.model:
        how = ([f"stack={plan.stacked}"] if plan.stacked else [f"cluster={plan.cluster!r}"] if plan.cluster else
               [f"jobs={plan.jobs}"] if plan.jobs > 1 else [])
        args = [cfg.model.split(INLINE)[0], f"seeds={list(seeds)}", *(f"{k}={v!r}" for k, v in settings.items())]
        if limits:
            args.append(f"budget=tinydigits.Budget({', '.join(f'{k}={v!r}' for k, v in limits.items())})")
        return f"tinydigits.check({', '.join(args + how)})"
    args = ["tinydigits", "check", "--model", cfg.model, "--seeds", ",".join(map(str, seeds)),
            *as_flags({**settings, **limits})]
    how = ["--stack"] if plan.stacked else ["--cluster", plan.cluster] if plan.cluster else ["--jobs", str(plan.jobs)]
    return shlex.join(args + how)


def check(plan: Plan, seeds: list[int], log=print, command: str = "", wait: float = WAIT_WORKERS,
          quiet: bool = False) -> records.Verdict:
    """Train every seed of a plan (`lifecycle.make`: the config resolved, the way decided) and judge it: the one
    path behind `tinydigits check` and `tinydigits.check`. A fresh `check-<model>-<time>` folder under the config's
    `out` is made first, with plan.json (config, seeds, budget, code and model hashes); each seed's run folder lands
    in it as it finishes; check.md/.png/.json follow. Prints the per-seed lines and the verdict table; returns the
    verdict (its `folder` set)."""
    from tinydigits.cluster.engine import code_version

    cfg, budget = plan.config, plan.budget
    if budget.last > cfg.epochs:
        raise TinyDigitsError(f"--last {budget.last} is more than --epochs {cfg.epochs}")
    cfg.plan(keep_last=budget.last)  # schedules never reach into the judged epochs: one line before any folder
    command = command or check_command(plan, seeds)
    folder = files.new_dir(cfg.out, f"check-{plan.source.name}")
    files.write_json(folder / PLAN, {"config": dataclasses.asdict(cfg), "seeds": seeds, "budget": dataclasses.asdict(budget),
                                    "stack": plan.stacked, "way": plan.way, "command": command,
                                    "environment": runs.environment(), "code": code_version(),
                                    "model_sha256": plan.source.digest()})
    log(f"checking {cfg.model} on seeds {','.join(map(str, seeds))} ({cfg.epochs} epochs, {plan.describe()}) into {folder}")
    for line in plan.notes:
        log(line)
    for line in plan.breaches():  # before the first seed's minutes, not after the last
        log(f"over the budget: {line}; every seed trains, and the verdict will be FAIL")
    try:
        return _judge_seeds(Checking(plan, seeds, folder, command, wait, resume_hint=resume_hint(cfg, folder),
                                     quiet=quiet), log)
    except TinyDigitsError:
        if [p.name for p in folder.iterdir()] == [PLAN]:  # refused before any seed: no folder left to wonder about
            shutil.rmtree(folder, ignore_errors=True)
        raise


def _interrupted(err: KeyboardInterrupt, hint: str) -> KeyboardInterrupt:
    """Ctrl-C's one line, with how to go on: the seeds that landed are kept in the check's folder."""
    return KeyboardInterrupt(f"{str(err) or 'interrupted'}; the seeds that finished are kept - go on with: {hint}")


def landed_seeds(folder: Path, cfg: TrainConfig) -> dict[int, tuple[list[float], int]]:
    """The seeds of a check folder that finished (`records.finished_runs`, the ledger's rule too): seed -> (curve,
    params). An interrupted seed's folder is left where it is and does not count."""
    return {seed: (run.test(), run.params) for seed, run in records.finished_runs(folder).items()
            if run.planned_epochs == cfg.epochs}


def refuse_contradictions(folder: str | os.PathLike, given: dict[str, Any], cli: bool = True) -> None:
    """A resumed check goes on with its plan: a setting, budget field or seed list in `given` that says otherwise is
    refused in one line, not silently replaced by the plan's. One rule for `check --resume` (`given`: the flags a user
    set) and `tinydigits.check(..., resume=)` (its seeds, budget and settings); `cli` words the message for each.
    What the resuming machine lends (the machine-role settings: threads, device, its copy of MNIST) is its own, never
    a contradiction: `resume` takes it."""
    folder = Path(folder)
    plan = records.CheckPlan.load(folder)
    planned = {**dataclasses.asdict(plan.settings), **dataclasses.asdict(plan.budget), "seeds": plan.seeds}
    for key, value in given.items():
        if key not in planned or key in settings_of("machine"):
            continue
        if key == "seeds":
            same = sorted(int(s) for s in value) == sorted(planned[key])
        else:
            same = value == planned[key] or (isinstance(value, tuple) and list(value) == planned[key])
        if not same:
            name, how = (f"--{key.replace('_', '-')}", f"--resume {folder}") if cli else (f"{key}=", f"resume={str(folder)!r}")
            raise TinyDigitsError(f"{how} goes on with its plan's {name} {planned[key]}, not {value}: leave it out, "
                                  "or start a new check")


def _refuse_another_model(plan: records.CheckPlan, source: Source, folder: Path) -> None:
    """`--resume` goes on only with the code and model that trained the landed seeds."""
    from tinydigits.cluster.engine import code_version, version_difference

    if plan.code is not None and (differ := version_difference(code_version(), plan.code)):
        raise TinyDigitsError(f"{folder} was started with other code ({differ.replace('there', 'in the plan')}): "
                              "its seeds would not be one check's seeds; start a new check")
    if plan.model_sha256 is not None and (now := source.digest()) != plan.model_sha256:
        raise TinyDigitsError(f"{folder}: the model {source.ref} has changed since the check began "
                              f"({now} now, {plan.model_sha256} in the plan); start a new check")


def resume(folder: str | os.PathLike, jobs: int = 1, log=print, cluster: str | None = None,
           wait: float = WAIT_WORKERS, quiet: bool = False, machine: dict[str, Any] | None = None) -> records.Verdict:
    """`tinydigits check --resume FOLDER`: train only the seeds of an interrupted or incomplete check without a
    complete run folder, into the same folder, then write the verdict one uninterrupted check would have written.
    The plan is the folder's (its config, seeds and budget; stacked or not), trained here on `jobs` or on `cluster`,
    with `machine`'s settings where given (machine-role: threads, device, data_dir; the others are the plan's).
    Refused in one line when the code or the model differ from the plan's (what else a caller asks of it:
    `refuse_contradictions`, before)."""
    folder = Path(folder)
    written = records.CheckPlan.load(folder)
    own = {k: v for k, v in (machine or {}).items() if k in settings_of("machine") and v is not None}
    cfg, planned = dataclasses.replace(written.settings, **own), written.seeds
    plan = make(cfg, written.budget, jobs=jobs, stack=written.stack, cluster=cluster)
    _refuse_another_model(written, plan.source, folder)
    landed = {s: v for s, v in landed_seeds(folder, plan.config).items() if s in planned}
    todo = [s for s in planned if s not in landed]
    log(f"resuming {folder}: seeds {','.join(map(str, sorted(landed))) or 'none'} already trained; "
        f"training {','.join(map(str, todo)) or 'none'}")
    return _judge_seeds(Checking(plan, planned, folder, written.command, wait, landed, resume_hint(cfg, folder), quiet),
                        log)


def arithmetics(folder: Path, seeds: list[int]) -> dict[str, list[int]]:
    """How the landed seeds of a check folder were computed: each arithmetic (`describe_arithmetic`) and its seeds.
    More than one: the verdict says so (their curves are not comparable digit for digit)."""
    found: dict[str, list[int]] = {}
    for config_file in sorted(folder.glob("*/config.json")):
        try:
            run = records.Run.load(config_file.parent)
        except TinyDigitsError:
            continue
        if run.seed in seeds and (config_file.parent / "model.pt").exists():
            # one arithmetic, one curve: a portable seed's on any x86 CPU, another's on its CPU kind
            found.setdefault(describe_arithmetic(run, cpu=not run.settings.portable), []).append(run.seed)
    return {k: sorted(v) for k, v in found.items()}


def _progress(c: Checking, todo: list[int], log) -> Progress | None:
    """The check's progress lines (none with --quiet, or stacked: one network prints one line an epoch), its first
    line said now: how many seeds, how, about how long."""
    if c.quiet or c.plan.stacked:
        return None
    parallel = len(todo) if c.plan.cluster else c.plan.jobs
    cfg = c.plan.config
    images = min(cfg.train_limit or 60_000, 60_000 - cfg.val_split)
    threads = cfg.threads or 1  # a seed's worker has one torch thread unless --threads says otherwise
    progress = Progress(todo, cfg.epochs, parallel, log, measured_epoch(cfg.out, cfg.model, images, threads))
    log(progress.first_line(c.plan.describe()))
    return progress


def _judge_seeds(c: Checking, log) -> records.Verdict:
    """Train the seeds not yet landed into the check's folder, judge them all, write check.md/.png/.json there."""
    from tinydigits.verdict.check_report import write_check

    start = time.perf_counter()
    name, budget = c.plan.source.name, c.plan.budget
    todo = [s for s in c.seeds if s not in c.landed]
    params = {**dataclasses.asdict(c.plan.config), "seeds": ",".join(map(str, c.seeds)), **dataclasses.asdict(budget)}
    with tracking.parent_run(c.plan.config.mlflow, f"check-{name}", params) as parent:  # the check is its seeds' parent run
        plan = c.plan.with_config(mlflow_parent=parent, out=str(c.folder))
        cfg = plan.config
        try:
            outcomes = run_seeds(plan, todo, log, c.wait, _progress(c, todo, log), c.quiet) if todo else {}
        except KeyboardInterrupt as err:
            raise _interrupted(err, c.resume_hint) from None
        curves = {s: o.curve for s, o in outcomes.items() if not o.not_run}
        errors = {s: o.error for s, o in outcomes.items() if o.error}
        missing = {s: o.not_run for s, o in outcomes.items() if o.not_run}
        missing.update({s: "not handed back" for s in todo if s not in outcomes})
        n_params = next((o.params for o in outcomes.values() if o.params), 0)
        for seed, (curve, p) in c.landed.items():
            curves[seed], n_params = curve, n_params or p
        verdict = judge({s: curves[s] for s in c.seeds if s in curves}, n_params, cfg.epochs, budget, errors, missing)
        verdict.arithmetic = arithmetics(c.folder, c.seeds)
        verdict.wall_seconds = time.perf_counter() - start
        verdict.command, verdict.folder = c.command, c.folder
        write_check(verdict, budget, name, c.folder)
        log(f"check.md and check.png in {c.folder}")
        log(format_verdict(verdict, budget))  # the verdict stays the last thing printed, or how to go on after it
        if missing:
            log(f"go on with: {c.resume_hint}")
        if parent:
            tracking.log_metrics(cfg.mlflow, parent, _figures(verdict))
            tracking.log_files(cfg.mlflow, parent, [c.folder / n for n in ("check.md", "check.png", "check.json")])
    return verdict


def _figures(verdict: records.Verdict) -> dict[str, float]:
    """A check's figures for its MLflow parent run: the verdict, the mean, how many held, the lowest min, the odds."""
    odds = verdict.odds
    bounds = {"probability": odds.probability, "probability_lower": odds.probability_lower,
              "rate_lower": odds.rate_lower}
    return {"pass": float(bool(verdict.passed)), "mean_final_acc": verdict.mean_final_acc, "seeds_held": odds.passed,
            "min_last": verdict.constraints["accuracy"].value, "wall_seconds": verdict.wall_seconds or 0.0,
            **{k: v for k, v in bounds.items() if v is not None}}
