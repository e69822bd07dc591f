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
import json
import math
import os
import random
import statistics
import time
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from tinydigits import runs, tracking
from tinydigits.errors import TinyDigitsError
from tinydigits.odds import pass_odds
from tinydigits.spec import NetSpec

OBJECTIVES = ("seconds", "macs")
HEARTBEAT_S = 60
SETTINGS = ("epochs", "seeds_per_trial", "max_params", "max_macs", "objective", "min_acc", "last")  # fixed per study


@dataclass
class SearchConfig:
    study: str = "tinydigits"
    storage: str = "sqlite:///search.db"
    trials: int = 20  # finished trials the study should hold (a rerun continues up to it)
    timeout: float | None = None  # seconds per worker
    epochs: int = 15  # the budget: trials choose up to this many
    seeds_per_trial: int = 2
    jobs: int = 1
    max_params: int = 8000  # strictly fewer, as in `check`
    max_macs: int | None = None
    objective: str = "seconds"
    min_acc: float = 99.4
    last: int = 3
    promote: float | None = None  # first-seed margin that earns the other seeds (default min_acc)
    prune_after: int = 5  # epochs before the median rule may stop a trial (an EMA of the weights lags early on)
    sampler_seed: int | None = None  # None: a fresh random seed per worker (machines never repeat each other)
    train_limit: int | None = None
    data_dir: str | None = None
    out: str | None = None  # default search/<study>/
    threads: int | None = None  # per worker; default: cores split between workers
    mlflow: str | None = None  # MLflow tracking URI: this search is a parent run, each trained seed a child run
    mlflow_parent: str | None = None
    start_from: list[str] = dataclasses.field(default_factory=list)  # registered nets queued as the first trials

    def out_dir(self) -> Path:
        return Path(self.out or Path("search") / self.study)

    def validate(self) -> None:
        checks = [
            (self.objective in OBJECTIVES, f"--objective must be one of {', '.join(OBJECTIVES)}"),
            (min(self.trials, self.jobs, self.seeds_per_trial) >= 1, "--trials, --jobs, --seeds-per-trial must be >= 1"),
            (1 <= self.last <= self.epochs, f"--last {self.last} must be between 1 and --epochs {self.epochs}"),
            (set(self.start_from) <= set(KNOWN_LAYERS), f"--start-from: choose from {', '.join(KNOWN_LAYERS)}"),
        ]
        for ok, message in checks:
            if not ok:
                raise TinyDigitsError(message)


# ---------------------------------------------------------------- the search space


def epoch_choices(budget: int) -> list[int]:
    return sorted({max(1, budget - 5), max(1, budget - 3), budget})


def suggest(trial, cfg: SearchConfig) -> NetSpec:
    """One network + recipe from the family: optionally the central 24x24 crop, a stem that leaves
    the full resolution early (one or two convs and a max-pool, or a strided conv), `n_mid` 3x3
    convs, a last conv, GAP + 1x1 head. Every conv has its own width, so model3
    (`c8d5 c12d5 M c16d5 c16d5 c16`) and fast (`c8 M c12p1 c16 c16 c16`) are points of the family; the
    training schedules (progressive resolution, large batches first, batch-norm recompute) are in it too."""
    stem = trial.suggest_categorical("stem", ["c3M", "c3c3M", "s2k3", "s2k4", "s2k5"])
    n_mid = trial.suggest_int("n_mid", 2, 4)
    pad_first = trial.suggest_categorical("pad_first", [0, 1])
    dropout = trial.suggest_categorical("dropout", [0.0, 0.05])
    d = f"d{round(dropout * 100)}" if dropout else ""
    crop = trial.suggest_categorical("crop", [28, 24])  # 24: drop the (nearly always empty) border
    width = lambda name: trial.suggest_int(name, 6, 20, step=2)
    tokens = ["C24"] if crop == 24 else []
    if stem == "c3M":
        tokens += [f"c{width('w_stem')}{d}", "M"]
    elif stem == "c3c3M":
        tokens += [f"c{width('w_stem')}{d}", f"c{width('w_stem2')}{d}", "M"]
    else:
        k = int(stem[-1])
        tokens += [f"c{width('w_stem')}k{k}s2p{(k - 1) // 2}{d}"]
    tokens += [f"c{width(f'w_mid{i}')}" + ("p1" if i == 0 and pad_first else "") + d for i in range(n_mid)]
    tokens.append(f"c{width('w_last')}")
    scale = trial.suggest_float("augment_scale", 0.0, 0.12)
    epochs = trial.suggest_categorical("epochs", epoch_choices(cfg.epochs))

    def schedule(name: str, choices: list[str]) -> str | None:
        """A schedule only where the run is long enough to keep the judged last epochs plain."""
        from tinydigits.train import parse_schedule

        text = trial.suggest_categorical(name, choices)
        return text if text and len(parse_schedule(text)) <= epochs - max(cfg.last, 3) else None

    recipe = {
        "epochs": epochs,
        "batch_size": trial.suggest_categorical("batch_size", [32, 64, 128]),
        "optimizer": "sgd",
        "scheduler": "onecycle",
        "lr": trial.suggest_float("lr", 0.02, 0.3, log=True),
        "augment_degrees": trial.suggest_float("augment_degrees", 0.0, 12.0),
        "augment_translate": trial.suggest_float("augment_translate", 0.0, 0.12),
        "augment_scale": [round(1 - scale, 4), round(1 + scale, 4)],
        "label_smoothing": trial.suggest_float("label_smoothing", 0.0, 0.15),
        "ema": trial.suggest_categorical("ema", [0.0, 0.99, 0.999]),
        "bn_recompute": trial.suggest_categorical("bn_recompute", [0, 10000]),
        "size_schedule": schedule("size_schedule", ["", "20:3,24:3", "22:4"]),
        "batch_schedule": schedule("batch_schedule", ["", "256:3", "512:2,256:2"]),
        "precision": trial.suggest_categorical("precision", ["auto", "fp32"]),
    }
    return NetSpec.parse(" ".join(tokens), f"trial{trial.number}", recipe)


# The registered nets as points of the family: a study can start from them (`--start-from`) instead of from
# TPE's random draws alone. The tests rebuild each from these with its exact parameter count.
KNOWN_LAYERS = {
    "model3": {"stem": "c3c3M", "w_stem": 8, "w_stem2": 12, "n_mid": 2, "w_mid0": 16, "w_mid1": 16, "w_last": 16,
               "pad_first": 0, "dropout": 0.05},
    "fast": {"stem": "c3M", "w_stem": 8, "n_mid": 3, "w_mid0": 12, "w_mid1": 16, "w_mid2": 16, "w_last": 16,
             "pad_first": 1, "dropout": 0.0},
}


def known_point(name: str, epochs: int = 15) -> dict[str, Any]:
    """A registered net and its recipe as the search's parameters (no crop: the registered nets take 28 px)."""
    from tinydigits import models

    recipe = models.recipe(name)  # a name outside KNOWN_LAYERS is refused by SearchConfig.validate
    zoom_low = (recipe.get("augment_scale") or (1.0, 1.0))[0]
    return {**KNOWN_LAYERS[name], "crop": 28, "augment_scale": round(1.0 - zoom_low, 6),
            "epochs": min(recipe.get("epochs", 15), epochs), "batch_size": recipe.get("batch_size", 128),
            "lr": recipe.get("lr", 0.1), "augment_degrees": recipe.get("augment_degrees", 0.0),
            "augment_translate": recipe.get("augment_translate", 0.0), "label_smoothing": recipe.get("label_smoothing", 0.0),
            "ema": recipe.get("ema", 0.0), "bn_recompute": recipe.get("bn_recompute", 0),
            "size_schedule": recipe.get("size_schedule") or "", "batch_schedule": recipe.get("batch_schedule") or "",
            "precision": "auto"}


def start_from(study, names: list[str], epochs: int) -> None:
    """Queue the named registered nets as the study's next trials (once: a continued study skips them)."""
    for name in names:
        study.enqueue_trial(known_point(name, epochs), skip_if_exists=True)


def rejection(spec: NetSpec, cfg: SearchConfig) -> str | None:
    """Why a spec may not be trained under the constraints (None: it may)."""
    if spec.params() >= cfg.max_params:
        return f"{spec.params():,} params, limit < {cfg.max_params:,}"
    if cfg.max_macs is not None and spec.macs() > cfg.max_macs:
        return f"{spec.macs():,} MACs, limit {cfg.max_macs:,}"
    if spec.recipe.get("size_schedule"):
        # A crop to 24 px or a deep unpadded stack cannot take 20 px inputs: reject the pair before training
        # (a first study spent 87 of its 100 trials failing on this at the start of training).
        from tinydigits.train import check_size, parse_schedule

        model = spec.build()
        for size in sorted(set(parse_schedule(spec.recipe["size_schedule"], "--size-schedule"))):
            try:
                check_size(model, size, spec.name)
            except TinyDigitsError:
                return f"cannot run on the size schedule's {size}x{size} inputs"
    return None


# ---------------------------------------------------------------- one trial


def _epoch_watch(trial, epochs: int, prune_after: int | None, last: int):
    """on_epoch callback: fail on a NaN loss at once; with `prune_after`, raise TrialPruned when the
    accuracy is below the median of the finished trials (same epoch count) at the same epoch - but not
    in the judged last `last` epochs: the few epochs left cost little, and the median of finished trials is
    a survivor's (a study pruned a 5,790-param net at 99.49 % in its epoch 13 of 15)."""
    import optuna

    done = [t.user_attrs["curve"] for t in trial.study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.COMPLETE,))
            if len(t.user_attrs.get("curve", [])) == epochs]

    def check(row: dict[str, Any]) -> None:
        e = row["epoch"]
        if math.isnan(row["train_loss"]):
            raise FloatingPointError(f"the training loss became NaN in epoch {e}")
        if prune_after is None or e < prune_after or e > epochs - last or len(done) < 3:
            return
        median = statistics.median(c[e - 1] for c in done)
        if row["test_acc"] < median:
            reason = f"epoch {e}: {row['test_acc']:.2f}% below the median {median:.2f}% of {len(done)} trials"
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


def _train_seeds(trial, spec: NetSpec, cfg: SearchConfig) -> tuple[float, float]:
    """One seed first; the others only if the first holds `--promote`. Returns (margin, cost)."""
    from tinydigits.train import TrainConfig, train

    spec_path = cfg.out_dir() / "trials" / f"trial{trial.number}.json"
    spec_path.parent.mkdir(parents=True, exist_ok=True)
    runs.write_json(spec_path, spec.to_dict())
    epochs = spec.recipe["epochs"]
    minima, seconds, folders = [], [], []
    for i in range(cfg.seeds_per_trial):
        tcfg = TrainConfig(model=str(spec_path), seed=i, data_dir=cfg.data_dir, out=str(cfg.out_dir() / "runs"),
                           threads=cfg.threads, train_limit=cfg.train_limit, mlflow=cfg.mlflow, mlflow_parent=cfg.mlflow_parent)
        watch = _epoch_watch(trial, epochs, cfg.prune_after if i == 0 else None, cfg.last)
        result = train(tcfg, quiet=True, log=lambda _: None, on_epoch=watch)
        curve = [e["test_acc"] for e in result.metrics["epochs"]]
        minima.append(min(curve[-cfg.last :]))
        seconds.append(sum(e["seconds"] for e in result.metrics["epochs"]))
        folders.append(str(result.run_dir))
        if i == 0:
            trial.set_user_attr("curve", curve)
            if minima[0] < (cfg.promote if cfg.promote is not None else cfg.min_acc):
                break
    trial.set_user_attr("seeds", len(minima))
    trial.set_user_attr("seed_minima", minima)
    trial.set_user_attr("seconds", statistics.mean(seconds))
    trial.set_user_attr("margin", min(minima) - cfg.min_acc)  # what the dashboard's trial table shows as is
    trial.set_user_attr("runs", folders)
    cost = statistics.mean(seconds) if cfg.objective == "seconds" else float(spec.macs())
    return min(minima), cost


# ---------------------------------------------------------------- study, workers, progress


def open_study(cfg: SearchConfig, create: bool = True, worker: int = 0):
    """The study in its storage (SQLite waits for locks instead of failing when workers share it);
    a resumed study must have been created with the same budget settings."""
    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    if cfg.storage.startswith("sqlite:///"):
        db = Path(cfg.storage.removeprefix("sqlite:///"))
        if db.parent != Path(""):
            try:
                db.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise TinyDigitsError(f"storage {cfg.storage}: cannot create folder {db.parent}: {err.strerror}") from None
    try:
        study = _connect(cfg, create, worker)
    except KeyError:
        raise TinyDigitsError(f"no study {cfg.study!r} in {cfg.storage}") from None
    except ImportError as err:
        raise TinyDigitsError(f"storage {cfg.storage}: driver missing ({err}); pip install 'tinydigits[search]'") from None
    except Exception as err:  # SQLAlchemy's many connection errors
        raise TinyDigitsError(f"storage {cfg.storage}: {type(err).__name__}: {str(err).splitlines()[0]}") from None
    if create:
        settings = {key: getattr(cfg, key) for key in SETTINGS}
        stored = study.user_attrs.get("settings")
        if stored is None:
            study.set_user_attr("settings", settings)
        elif stored != settings:
            diff = ", ".join(f"{k} {stored.get(k)} (now {v})" for k, v in settings.items() if stored.get(k) != v)
            raise TinyDigitsError(f"study {cfg.study!r} was created with other settings: {diff}; use another --study")
    return study


def _connect(cfg: SearchConfig, create: bool, worker: int, attempts: int = 5):
    """Storage + study. Workers started together (on several machines, or in several terminals on one new
    SQLite file) race to create the schema and the study; the loser's error - IntegrityError, a duplicate
    table (ProgrammingError on PostgreSQL, OperationalError "already exists" on SQLite) or a duplicated
    study - goes away on a retry, which then finds both. Other storage errors are real and raise at once."""
    import warnings

    import optuna
    from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)  # heartbeats: stable enough here

    for attempt in range(attempts):
        try:
            # Heartbeats: a trial whose worker died (machine lost, process killed) is marked FAIL after
            # the grace period instead of staying RUNNING - and counting towards --trials - forever.
            storage = optuna.storages.RDBStorage(cfg.storage, engine_kwargs=_engine_kwargs(cfg.storage),
                                                 heartbeat_interval=HEARTBEAT_S, grace_period=3 * HEARTBEAT_S)
            if not create:
                return optuna.load_study(study_name=cfg.study, storage=storage)
            seed = None if cfg.sampler_seed is None else cfg.sampler_seed * 1000 + worker
            return optuna.create_study(study_name=cfg.study, storage=storage, directions=["maximize", "minimize"],
                                       sampler=optuna.samplers.TPESampler(seed=seed, n_startup_trials=8), load_if_exists=True)
        except (IntegrityError, ProgrammingError, OperationalError, optuna.exceptions.DuplicatedStudyError) as err:
            lost_race = not isinstance(err, OperationalError) or "already exists" in str(err)
            if not lost_race or attempt == attempts - 1:
                raise
            time.sleep(0.2 + 0.3 * attempt + random.random() * 0.5)  # jittered: the losers do not collide again


def _engine_kwargs(url: str) -> dict[str, Any]:
    return {"connect_args": {"timeout": 120}} if url.startswith("sqlite") else {"pool_pre_ping": True}


def describe(t) -> str:
    """One progress line per finished trial."""
    attrs = t.user_attrs
    head = f"trial {t.number:>3}  {attrs.get('params', 0):>6,} params  {attrs.get('compact', '?')}"
    if t.state.name == "COMPLETE":
        return (f"{head}  ->  min last {t.values[0]:.2f}% on {attrs.get('seeds')} seed(s), "
                f"{attrs.get('seconds', 0):.0f} s/run, {attrs.get('macs', 0):,} MACs")
    if "rejected" in attrs:
        return f"{head}  ->  rejected before training: {attrs['rejected']}"
    if t.state.name == "PRUNED":
        return f"{head}  ->  pruned ({attrs.get('pruned', 'below the median')})"
    state = {"FAIL": "failed"}.get(t.state.name, t.state.name.lower())
    return f"{head}  ->  {state}: {attrs.get('error', '')}".rstrip(": ")


def _worker(cfg: SearchConfig, index: int, parent: int | None = None) -> int:
    """One worker process: trials until the study holds `cfg.trials` finished ones (or the timeout)."""
    import torch

    if parent is not None:  # a local worker process: do not outlive the search that started it
        from tinydigits.seeds import exit_with_parent

        exit_with_parent(parent)

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


MAX_DRAWS = 20  # give up if the sampler keeps drawing specs the constraints reject


def _trained(study) -> int:
    """Trials that count towards --trials: finished, pruned and running ones (running included, so workers on
    other machines do not overshoot); not those rejected before training, nor crashed ones (they measured
    nothing; MAX_DRAWS still stops a space that keeps failing)."""
    return sum(1 for t in study.get_trials(deepcopy=False) if "rejected" not in t.user_attrs and t.state.name != "FAIL")


def run(cfg: SearchConfig, log=print) -> Any:
    """Run the search (this machine's share of it) and write the table and picture; returns the study."""
    cfg.validate()
    cfg.out_dir().mkdir(parents=True, exist_ok=True)
    study = open_study(cfg)  # create it (and check its settings) once, before the workers race to
    start_from(study, cfg.start_from, cfg.epochs)
    if cfg.jobs > 1 and cfg.threads is None:
        cfg = dataclasses.replace(cfg, threads=max(1, (os.cpu_count() or 1) // cfg.jobs))
    if cfg.mlflow:
        parent = tracking.start_run(cfg.mlflow, f"search-{cfg.study}", dataclasses.asdict(cfg))
        cfg = dataclasses.replace(cfg, mlflow_parent=parent)
    start = time.perf_counter()
    log(f"study {cfg.study!r} in {cfg.storage}: up to {cfg.trials} trials, {cfg.jobs} worker(s), "
        f"objectives: margin vs {cfg.objective}")
    if cfg.jobs == 1:
        _worker(cfg, 0)
    else:
        ctx = get_context("spawn")
        workers = [ctx.Process(target=_worker, args=(cfg, i, os.getpid())) for i in range(cfg.jobs)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
    study = open_study(cfg, create=False)
    write_outputs(study, cfg)
    log(f"search wall time {time.perf_counter() - start:.0f}s; table and picture in {cfg.out_dir()}")
    if cfg.mlflow:
        tracking.log_metrics(cfg.mlflow, cfg.mlflow_parent, {"trained_trials": _trained(study),
                                                             "wall_seconds": time.perf_counter() - start})
        tracking.log_files(cfg.mlflow, cfg.mlflow_parent, [cfg.out_dir() / "pareto.md", cfg.out_dir() / "pareto.png"])
        tracking.end_run(cfg.mlflow, cfg.mlflow_parent)
    return study


# ---------------------------------------------------------------- results


def completed(study) -> list:
    import optuna

    return [t for t in study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.COMPLETE,))]


def front(study) -> list:
    """Pareto-optimal trials (Optuna's own dominance), best margin first."""
    return sorted(study.best_trials if completed(study) else [], key=lambda t: (-t.values[0], t.values[1]))


def pareto_table(study, cfg: SearchConfig) -> str:
    trials = front(study)
    unit = "s/run" if cfg.objective == "seconds" else "MACs (obj.)"
    lines = [f"| trial | params | MACs | s/run | seeds | min last {cfg.last} % | margin | P(new seed) (95% low) | spec |",
             "|---" * 9 + "|"]
    for t in trials:
        a = t.user_attrs
        lines.append(f"| {t.number} | {a['params']:,} | {a['macs']:,} | {a['seconds']:.0f} | {a['seeds']} | "
                     f"{t.values[0]:.2f} | {t.values[0] - cfg.min_acc:+.2f} | {_odds_cell(a, cfg)} | `{a['compact']}` |")
    counts = {s: sum(1 for t in study.trials if t.state.name == s) for s in ("COMPLETE", "PRUNED", "FAIL", "RUNNING")}
    rejected = sum(1 for t in study.trials if "rejected" in t.user_attrs)
    lines += ["", f"Pareto front of {len(completed(study))} finished trials ({cfg.objective} objective: {unit}); "
              f"{counts['PRUNED'] - rejected} pruned, {rejected} rejected before training, {counts['FAIL']} failed, "
              f"{counts['RUNNING']} running."]
    return "\n".join(lines)


def _odds_cell(attrs: dict[str, Any], cfg: SearchConfig) -> str:
    """A trial's pass probability for a new seed, from its seeds' minima (3 or more seeds, else a dash)."""
    odds = pass_odds(attrs.get("seed_minima", []), cfg.min_acc)
    if "probability" not in odds:
        return "-"
    return f"{100 * odds['probability']:.1f}% ({100 * odds['probability_lower']:.1f}%)"


def plot_front(study, cfg: SearchConfig, path: Path) -> None:
    from tinydigits.report import plt  # matplotlib with the project's headless backend

    fig, ax = plt.subplots(figsize=(7, 4.5))
    all_done, best = completed(study), {t.number for t in front(study)}
    for group, colour, label in (([t for t in all_done if t.number not in best]), "0.7", "trial"), \
                                (([t for t in all_done if t.number in best]), "C3", "Pareto front"):
        if group:
            ax.scatter([t.user_attrs["seconds"] if cfg.objective == "seconds" else t.user_attrs["macs"] for t in group],
                       [t.values[0] for t in group], s=[t.user_attrs["params"] / 40 for t in group], c=colour, label=label,
                       alpha=0.8, edgecolors="k", linewidths=0.4)
            for t in group:
                x = t.user_attrs["seconds"] if cfg.objective == "seconds" else t.user_attrs["macs"]
                ax.annotate(str(t.number), (x, t.values[0]), fontsize=7, xytext=(3, 3), textcoords="offset points")
    ax.axhline(cfg.min_acc, color="C2", ls="--", lw=1, label=f"budget {cfg.min_acc}%")
    ax.set_xlabel("training seconds per run" if cfg.objective == "seconds" else "MACs per image")
    ax.set_ylabel(f"min over seeds of min(last {cfg.last} epochs) %")
    ax.set_title(f"study {cfg.study}: margin vs cost (marker size = parameters)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    runs.atomic_write(path, lambda tmp: fig.savefig(tmp, format="png", dpi=110))
    plt.close(fig)


def write_outputs(study, cfg: SearchConfig) -> None:
    out = cfg.out_dir()
    runs.write_text(out / "pareto.md", pareto_table(study, cfg) + "\n")
    plot_front(study, cfg, out / "pareto.png")


def dashboard(cfg: SearchConfig, host: str, port: int, log=print) -> None:
    """Serve the study in optuna-dashboard (its own WSGI server) until Ctrl-C."""
    import socket

    try:
        import optuna_dashboard
    except ImportError:
        raise TinyDigitsError("--dashboard needs optuna-dashboard: pip install 'tinydigits[search]'") from None
    study = open_study(cfg, create=False)
    with socket.socket() as probe:  # a taken port is one line, not the server's traceback
        try:
            probe.bind((host, port))
        except OSError as err:
            raise TinyDigitsError(f"--port {port}: cannot listen on {host}:{port} ({err.strerror})") from None
    if study.metric_names is None:
        study.set_metric_names([f"min last {cfg.last} %", "seconds per run" if cfg.objective == "seconds" else "MACs"])
    log(f"study {cfg.study!r} ({len(study.trials)} trials) at http://{host}:{port}/dashboard/ - Ctrl-C stops")
    optuna_dashboard.run_server(study._storage, host=host, port=port)


def save_trials(study, path: Path) -> int:
    """Every finished trial (complete, pruned, failed, rejected) with its parameters, objective values and
    attributes, plus the study's settings, as JSON: a study carried to a machine or session that does not
    share its database (`--load-trials` there). Returns the number of trials written."""
    from optuna.distributions import distribution_to_json

    done = [t for t in study.get_trials(deepcopy=False) if t.state.is_finished()]
    runs.write_json(path, {"study": study.study_name, "settings": study.user_attrs.get("settings"), "trials": [
        {"state": t.state.name, "values": t.values, "params": t.params, "user_attrs": t.user_attrs,
         "distributions": {k: distribution_to_json(d) for k, d in t.distributions.items()},
         "intermediate_values": {str(k): v for k, v in t.intermediate_values.items()}} for t in done]})
    return len(done)


def load_trials(study, path: str | Path) -> int:
    """Add the trials of a `save_trials` file that the study does not hold yet (same parameters, values and
    state: the same trial), so loading twice adds nothing. Refused in one line when the file's study had
    other settings (budget, objective...). Returns the number added."""
    import optuna
    from optuna.distributions import json_to_distribution

    saved = runs.read_json(Path(path))
    try:
        if saved["settings"] != study.user_attrs.get("settings"):
            raise TinyDigitsError(f"--load-trials {path}: its study had other settings ({saved['settings']}) than "
                                  f"{study.study_name!r} ({study.user_attrs.get('settings')})")
        key = lambda state, params, values: json.dumps([state, params, values], sort_keys=True)
        held = {key(t.state.name, t.params, t.values) for t in study.get_trials(deepcopy=False)}
        new = [optuna.trial.create_trial(
            state=optuna.trial.TrialState[r["state"]], values=r["values"], params=r["params"], user_attrs=r["user_attrs"],
            distributions={k: json_to_distribution(d) for k, d in r["distributions"].items()},
            intermediate_values={int(k): v for k, v in r["intermediate_values"].items()})
            for r in saved["trials"] if key(r["state"], r["params"], r["values"]) not in held]
    except (KeyError, TypeError, ValueError) as err:
        raise TinyDigitsError(f"--load-trials {path}: not a file of `tinydigits search --save-trials` ({err})") from None
    study.add_trials(new)
    return len(new)


def pick(study, which: str):
    """A finished trial by number, or `best`: highest margin among the trials with the most seeds, then fastest."""
    done = completed(study)
    if not done:
        raise TinyDigitsError(f"study {study.study_name!r} has no finished trial yet")
    if which == "best":
        most = max(t.user_attrs.get("seeds", 1) for t in done)
        return min((t for t in done if t.user_attrs.get("seeds", 1) == most), key=lambda t: (-t.values[0], t.values[1]))
    try:
        number = int(which)
    except ValueError:
        raise TinyDigitsError(f"--export takes a trial number or 'best', not {which!r}") from None
    for t in done:
        if t.number == number:
            return t
    raise TinyDigitsError(f"trial {number} is not a finished trial of study {study.study_name!r}")


def export(study, which: str, name: str, out_dir: Path) -> Path:
    """Write a trial's spec (with its recipe) as JSON that `train --model` and `check --model` accept."""
    t = pick(study, which)
    spec = NetSpec.from_dict(t.user_attrs["spec"])
    spec.name = name
    path = out_dir / f"{name}.json"
    out_dir.mkdir(parents=True, exist_ok=True)
    runs.write_json(path, spec.to_dict())
    return path
