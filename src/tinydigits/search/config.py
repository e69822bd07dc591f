"""`SearchConfig`: a study's settings, declared once (each field is also a `search` flag). Loads without torch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tinydigits.constants import BUDGET
from tinydigits.errors import TinyDigitsError
from tinydigits.settings import DATA_DIR_HELP, positive_int, setting

OBJECTIVES = ("seconds", "macs", "risk")
SETTINGS = ("epochs", "seeds_per_trial", "max_params", "max_macs", "objective", "min_acc", "last")  # fixed per study


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


def _names(text: str) -> list[str]:
    return [n for n in text.split(",") if n]


@dataclass
class SearchConfig:
    study: str = setting("tinydigits", "study name; the same name and --storage on N machines share the work")
    storage: str = setting("sqlite:///search.db", "SQLAlchemy URL, e.g. postgresql://user@host/db")
    trials: int = setting(20, "trials the study should hold in all (a rerun continues)", type=positive_int)
    timeout: float | None = setting(help="stop starting trials after this many seconds")  # per worker
    epochs: int = setting(BUDGET.max_epochs, "epoch budget: trials choose up to this many", type=positive_int)
    seeds_per_trial: int = setting(2, type=positive_int)
    jobs: int = setting(1, "local worker processes (cores are split)", type=positive_int)
    cluster: str | None = setting(help="run the study's workers as tasks on a Dask cluster (its scheduler's address or "
                                       "file), one per worker there, against --storage (docs/many-machines.md)")
    max_params: int = setting(BUDGET.max_params, "specs must have fewer parameters (checked before training)")
    max_macs: int | None = setting(help="specs may have at most this many MACs per image")
    objective: str = setting("seconds", "margin vs measured training seconds per run, or vs MACs (machine-independent); "
                             "risk: the seeds' lower figure mean - 2.33 sd of min(last N) vs seconds, with --max-seconds "
                             "as a limit", choices=OBJECTIVES)
    max_seconds: float | None = setting(help="a run's training seconds at most (e.g. 1.2x model3's); more is infeasible")
    min_acc: float = setting(BUDGET.min_acc)
    last: int = setting(BUDGET.last, type=positive_int)
    promote: float | None = setting(help="first-seed margin that earns the other seeds (default --min-acc)")
    prune_after: int | None = setting(5, "epochs before the median rule may stop a trial (0: never)")  # an EMA lags early
    sampler_seed: int | None = setting(help="seed of the TPE sampler (default: random per worker)")
    train_limit: int | None = setting(help="train on the first N images only (quick looks, tests)", type=positive_int)
    threads: int | None = setting(help="CPU threads per worker", type=positive_int)  # default: cores split between workers
    out: str | None = setting(help="table, pareto.png and exported specs (default search/<study>/)")
    start_from: list[str] = setting(help="queue registered nets (robust, model3, fast) with their recipes as the first "
                                         "trials (TPE starts near)", type=_names, metavar="NAME,...", default_factory=list)
    mlflow: str | None = setting(help="also log to this MLflow tracking server or URI (pip install 'tinydigits[mlflow]'); "
                                      "a check or search is the parent run", metavar="URI")
    data_dir: str | None = setting(help=DATA_DIR_HELP)
    mlflow_parent: str | None = setting(cli=False)

    def __post_init__(self) -> None:
        if self.prune_after == 0:  # "0: never", wherever the config comes from (the command line or Python)
            self.prune_after = None

    def out_dir(self) -> Path:
        return Path(self.out or Path("search") / self.study)

    def validate(self) -> None:
        checks = [
            (self.objective in OBJECTIVES, f"--objective must be one of {', '.join(OBJECTIVES)}"),
            (min(self.trials, self.jobs, self.seeds_per_trial) >= 1, "--trials, --jobs, --seeds-per-trial must be >= 1"),
            (1 <= self.last <= self.epochs, f"--last {self.last} must be between 1 and --epochs {self.epochs}"),
            (set(self.start_from) <= set(REGISTERED_POINTS), f"--start-from: choose from {', '.join(REGISTERED_POINTS)}"),
        ]
        for ok, message in checks:
            if not ok:
                raise TinyDigitsError(message)
