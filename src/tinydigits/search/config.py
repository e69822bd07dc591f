"""`SearchConfig`: a study's settings, declared once (each field is also a `search` flag). Loads without torch."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from tinydigits.constants import BUDGET, Budget
from tinydigits.errors import TinyDigitsError
from tinydigits.settings import positive_int, same_as, seed_list, setting
from tinydigits.training.config import TrainConfig


@dataclass(frozen=True)
class Objective:
    """What a study optimises: the trial figure maximised first (`value`: min, lower or mean of the seeds' min(last N)),
    what the table and the dashboard call it (`label`, with N), and the cost minimised second (seconds or MACs)."""

    value: str
    label: str
    cost: str = "seconds"

    def labels(self, last: int) -> list[str]:
        return [self.label.format(last=last), "MACs" if self.cost == "macs" else "seconds per run"]


OBJECTIVES = {
    "seconds": Objective("min", "min last {last} %"),
    "macs": Objective("min", "min last {last} %", cost="macs"),
    "risk": Objective("lower", "lower figure of min last {last} %"),
    "mean": Objective("mean", "mean of min last {last} %"),
}
FAMILIES = ("chain", "golf")
SETTINGS = ("epochs", "seeds_per_trial", "max_params", "max_macs", "objective", "min_acc", "last", "family",
            "seeds")  # fixed per study
LATER_SETTINGS = {"family": "chain", "seeds": []}  # settings added after studies were stored: what those studies had


# The registered nets as points of the family: a study can start from them (`--start-from`) instead of from
# TPE's random draws alone. The tests rebuild each from these with its exact parameter count.
REGISTERED_POINTS = {
    "model3": {"stem": "c3c3M", "w_stem": 8, "w_stem2": 12, "n_mid": 2, "w_mid0": 16, "w_mid1": 16, "w_last": 16,
               "pad_first": 0, "dropout": 0.05},
    "robust": {"stem": "c3c3M", "w_stem": 8, "w_stem2": 12, "n_mid": 2, "w_mid0": 16, "w_mid1": 16, "w_last": 16,
               "pad_first": 0, "dropout": 0.05},
    "fast": {"stem": "s2k3", "w_stem": 6, "n_mid": 3, "w_mid0": 12, "w_mid1": 16, "w_mid2": 16, "w_last": 16,
             "pad_first": 1, "dropout": 0.0},
}


# Points of the golf family (`--family golf`): three stages of 3x3 convs, each `n` convs of one width (stage 1's
# last conv its own width), padding none / first / all, a max-pool after stage 1 and optionally after stage 2.
# public3762: a public 3,762-param net (4-4-4 / 8-8-8 / 8-8-8, two pools, 1 % dropout, batch 32, SGD without
# momentum) as this family writes it (3,692 params: its exact paddings are not published); golfA: this project's
# best earlier attempt, `c6 c8 M c10p1 c10 c10 c8` (docs/research-record.md); golfA-poolbn: the same in poolbn's
# conv -> pool -> BN order; golf: the registered golf net's layout (the study's trial 55 widened: separable stages at
# 26 channels), its recipe taken from the registry when it is queued (`space.golf_point`), so the two cannot differ.
_GOLF_RECIPE = {"sep": 0, "t1": 0, "w_t1": 8, "pool_bn": 0, "epochs": 15, "batch_size": 64, "momentum": 0.9, "lr": 0.1,
                "augment_degrees": 7.0, "augment_translate": 0.0, "augment_scale": 0.0, "label_smoothing": 0.1,
                "ema": 0.999, "dropout": 0.0}
GOLF_POINTS = {
    "public3762": {**_GOLF_RECIPE, "n1": 3, "w1": 4, "w1_last": 4, "pad1": 2, "n2": 3, "w2": 8, "pad2": 2, "pool2": 1,
                   "n3": 3, "w3": 8, "pad3": 2, "dropout": 0.01, "batch_size": 32, "momentum": 0.0, "lr": 0.1,
                   "augment_degrees": 10.0, "augment_translate": 0.1, "augment_scale": 0.1, "label_smoothing": 0.0,
                   "ema": 0.0},
    "golfA": {**_GOLF_RECIPE, "n1": 2, "w1": 6, "w1_last": 8, "pad1": 0, "n2": 3, "w2": 10, "pad2": 1, "pool2": 0,
              "n3": 1, "w3": 8, "pad3": 0},
    "golfA-poolbn": {**_GOLF_RECIPE, "n1": 2, "w1": 6, "w1_last": 8, "pad1": 0, "n2": 3, "w2": 10, "pad2": 1, "pool2": 0,
                     "n3": 1, "w3": 8, "pad3": 0, "pool_bn": 1},
    "golf": {**_GOLF_RECIPE, "n1": 2, "w1": 8, "w1_last": 12, "pad1": 0, "pool_bn": 1, "sep": 1, "n2": 1, "w2_sep": 26,
             "pad2": 1, "pool2": 0, "n3": 2, "w3_sep": 26, "pad3": 0},
}

# Golf's untried levers as points of its own: golf with one change each, queued with `--start-from` so a
# study chosen on seeds measures each against golf on the same seeds. "augments_of" takes a registered net's rotation
# and elastic / stroke / blur / noise from the registry (the default's heavier augmentation).
GOLF_LEVERS = {
    "golf-aug": {"augments_of": "poolbn"},
    "golf-b64": {"batch_size": 64},
    "golf-ls": {"label_smoothing": 0.1},
    "golf-wide": {"w3_sep": 28},  # 3,970 params: the 240 left spent on the last two pairs (28 on all three: 4,076)
    "golf-deep": {"n3": 3, "w2_sep": 22, "w3_sep": 22},  # 3,946: a fourth separable pair, narrower
}


def _names(text: str) -> list[str]:
    return [n for n in text.split(",") if n]


@dataclass
class SearchConfig:
    study: str = setting("tinydigits", "study name; the same name and --storage on N machines share the work")
    storage: str = setting("sqlite:///search.db", "SQLAlchemy URL, e.g. postgresql://user@host/db")
    trials: int = setting(20, "trials the study should hold in all (a rerun continues)", type=positive_int)
    timeout: float | None = setting(help="stop starting trials after this many seconds")  # per worker
    epochs: int = setting(BUDGET.max_epochs, "epoch budget: trials choose up to this many", type=positive_int)
    seeds_per_trial: int = setting(2, "seeds a trial trains: 0, 1, ... (or name them with --seeds)", type=positive_int)
    seeds: list[int] = setting(help="the seeds every trial trains, e.g. 3-5 (default 0 to --seeds-per-trial - 1); judge "
                                    "the chosen net on others (`check`)", type=seed_list, metavar="SEEDS",
                               default_factory=list)
    jobs: int = setting(1, "study workers on this machine: the Dask worker processes `check --jobs` uses (cores are "
                           "split)", type=positive_int)
    cluster: str | None = setting(help="run the study's workers as tasks on a Dask cluster (its scheduler's address or "
                                       "file), one per worker there, against --storage (docs/many-machines.md)")
    max_params: int = same_as(Budget, "max_params", help="specs must have fewer parameters (checked before training)")
    max_macs: int | None = setting(help="specs may have at most this many MACs per image")
    family: str = setting("chain", "the networks searched: chain (a stem, 2-4 convs, one resolution drop: model3, fast, "
                          "lean) or golf (three stages of 3x3 convs, one or two pools, depthwise-separable and 1x1 "
                          "transitions, batch 32 and plain SGD in reach: the <= 4,000-param tier)", choices=FAMILIES)
    objective: str = setting("seconds", "margin vs measured training seconds per run, or vs MACs (machine-independent); "
                             "risk: the seeds' lower figure mean - 2.33 sd of min(last N) vs seconds, with --max-seconds "
                             "as a limit; mean: the mean of min(last N) over the same seeds for every trial (all of them "
                             "trained, paired across trials; the median rule compares each seed with the same seed of "
                             "finished trials) vs seconds", choices=OBJECTIVES)
    max_seconds: float | None = setting(help="a run's training seconds at most (e.g. 1.2x model3's); more is infeasible")
    min_acc: float = same_as(Budget, "min_acc")
    last: int = same_as(Budget, "last")
    promote: float | None = setting(help="first-seed margin that earns the other seeds (default --min-acc)")
    prune_after: int | None = setting(5, "epochs before the median rule may stop a trial (0: never)")  # an EMA lags early
    sampler_seed: int | None = setting(help="seed of the TPE sampler (default: random per worker)")
    train_limit: int | None = same_as(TrainConfig, "train_limit", help="train on the first N images only (quick looks, tests)")
    threads: int | None = same_as(TrainConfig, "threads", help="CPU threads per worker")  # default: cores split between workers
    out: str | None = setting(help="table, pareto.png and exported specs (default search/<study>/)")
    start_from: list[str] = setting(help="queue known nets with their recipes as the first trials (TPE starts near): "
                                         "model3, robust, fast in the chain family; public3762, golfA, golfA-poolbn, "
                                         "golf and golf's levers (golf-aug, golf-b64, golf-ls, golf-wide, golf-deep) "
                                         "in the golf family", type=_names, metavar="NAME,...", default_factory=list)
    mlflow: str | None = same_as(TrainConfig, "mlflow")
    data_dir: str | None = same_as(TrainConfig, "data_dir")
    mlflow_parent: str | None = same_as(TrainConfig, "mlflow_parent")

    def __post_init__(self) -> None:
        if self.prune_after == 0:  # "0: never", wherever the config comes from (the command line or Python)
            self.prune_after = None
        if self.seeds:  # named seeds decide the count, so the stored settings cannot disagree
            self.seeds_per_trial = len(self.seeds)

    def train_config(self, **changes) -> TrainConfig:
        """A trial's run: the settings this study shares with `train` (the fields both declare, but the study's own
        `epochs` budget and `out`), then `changes` (model, seed, out)."""
        shared = {f.name for f in dataclasses.fields(TrainConfig)} & {f.name for f in dataclasses.fields(self)}
        return dataclasses.replace(TrainConfig(), **{k: getattr(self, k) for k in shared - {"epochs", "out"}}, **changes)

    def trial_seeds(self) -> list[int]:
        """The seeds every trial trains, in order."""
        return list(self.seeds) or list(range(self.seeds_per_trial))

    def out_dir(self) -> Path:
        return Path(self.out or Path("search") / self.study)

    def points(self) -> dict[str, dict]:
        """The named points `--start-from` may queue in this study's family."""
        return {**GOLF_POINTS, **GOLF_LEVERS} if self.family == "golf" else REGISTERED_POINTS

    def validate(self) -> None:
        checks = [
            (self.objective in OBJECTIVES, f"--objective must be one of {', '.join(OBJECTIVES)}"),
            (min(self.trials, self.jobs, self.seeds_per_trial) >= 1, "--trials, --jobs, --seeds-per-trial must be >= 1"),
            (1 <= self.last <= self.epochs, f"--last {self.last} must be between 1 and --epochs {self.epochs}"),
            (self.family in FAMILIES, f"--family must be one of {', '.join(FAMILIES)}"),
            (set(self.start_from) <= set(self.points()), f"--start-from: choose from {', '.join(self.points())}"),
        ]
        for ok, message in checks:
            if not ok:
                raise TinyDigitsError(message)
