"""What a run folder holds, as a typed record: `Run` (with its `Epoch`s, `ClassRow`s and `Confusion`s) is what
`training.bookkeeping.RunRecord` builds and saves as a run trains, and what every reader loads (`Run.load`), so no
layer turns dicts back into types. config.json and metrics.json keep their fields' names and meaning (users' scripts
read them): the record adds, it never renames, and a file it loads is written back as it was read (its keys in their
order, the entries no field names kept). Torch-free: the ledger and the pages read runs without the training loop.
"""

from __future__ import annotations

import csv
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydigits import files
from tinydigits.constants import BUDGET, Budget
from tinydigits.errors import TinyDigitsError
from tinydigits.training.clock import Timing
from tinydigits.training.config import TrainConfig

if TYPE_CHECKING:
    from tinydigits.models.summary import LayerRow

CONFIG, METRICS, PER_CLASS, PLAN, CHECK = "config.json", "metrics.json", "per_class.csv", "plan.json", "check.json"
MNIST_TRAIN = 60_000
# config.json's entries a field of `Run` holds (beside the settings); any other is kept as read, in `extra`
_TYPED = ("budget", "origin", "model_sha256", "params", "train_images", "environment", "architecture", "code",
          "mlflow_run_id")


def kind_of(folder: str | Path) -> str:
    """"run", "check", or one line saying what the path is not."""
    path = Path(folder)
    if not path.exists():
        raise TinyDigitsError(f"{folder}: no such file or folder")
    if not path.is_dir():
        raise TinyDigitsError(f"{folder}: a file, not a run or check folder")
    if (path / PLAN).is_file():
        return "check"
    if (path / CONFIG).is_file():
        return "run"
    raise TinyDigitsError(f"{folder}: neither a run folder ({CONFIG}) nor a check folder ({PLAN})")


def known_fields(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The entries of a file's dict that are fields of `cls`: a newer file's extra keys are left, not a traceback."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in data.items() if k in names}


@dataclass(frozen=True)
class Epoch:
    """One epoch's row of metrics.json: train figures are a running average over the epoch, test after it, the rate
    and the optimiser's momentum (SGD's) or betas (Adam's, AdamW's) at its start, and the decay an EMA's last update of
    the epoch took (its ramp's, capped at the decay set). The fields are in the order the row is written."""

    epoch: int
    train_loss: float
    train_acc: float
    test_loss: float
    test_acc: float
    lr: float
    seconds: float
    train_images_per_s: float | None = None
    input_size: int | None = None
    batch_size: int | None = None
    val_loss: float | None = None
    val_acc: float | None = None
    momentum: float | None = None
    ema_decay: float | None = None
    betas: list[float] | None = None  # Adam's and AdamW's, in place of a momentum they do not have

    @classmethod
    def of(cls, row: dict[str, Any]) -> Epoch:
        return cls(**known_fields(cls, row))

    def row(self) -> dict[str, Any]:
        """The epoch as metrics.json's row (the figures it has)."""
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}


@dataclass(frozen=True)
class ClassRow:
    """One digit's line of per_class.csv (the last test pass)."""

    digit: int
    accuracy: float  # as per_class.csv rounds it (3 decimals): `exact` for a figure rounded again
    errors: int
    support: int | None = None  # the digit's test images (None in a file that did not say)

    @property
    def exact(self) -> float:
        """The accuracy from the counts where the file has them: rounding the file's 3 decimals to 2 rounds twice
        (98.515 -> 98.52 for 995 of 1,010, which is 98.51 %)."""
        return 100 * (self.support - self.errors) / self.support if self.support else self.accuracy


@dataclass(frozen=True)
class Confusion:
    true: int
    predicted: int
    count: int


@dataclass
class Run:
    """One run folder: its settings and budget, where the model came from (origin, code hash, code), the machine and
    arithmetic, the epochs, the per-class figures and confusions, the ReLU statistics and gradient norms, and the layer
    table with each module's settings as they were when it trained. `settings.threads` and `settings.device` are what
    the run trained with (config.json records those, not the flags)."""

    folder: Path
    settings: TrainConfig
    budget: Budget
    name: str
    seed: int
    params: int
    train_images: int
    epochs: list[Epoch]
    complete: bool
    origin: dict[str, Any]
    model_sha256: str | None
    environment: dict[str, Any]
    per_class: list[ClassRow] = field(default_factory=list)
    confusions: list[Confusion] | None = None  # None until the run finished (its last test pass ranks them)
    layer_stats: list[dict[str, Any]] = field(default_factory=list)
    architecture: dict[str, Any] = field(default_factory=dict)  # `models.summary.architecture`: layers, modules, init
    code: str | None = None  # the model's code as it was when it trained
    missing: list[str] = field(default_factory=list)  # what this run's files do not record (written by an older version)
    mlflow_run_id: str | None = None
    grad_norms: list[dict[str, float]] | None = None  # sampled per layer, an epoch a row (a plain run's instrument)
    interrupted: bool = False
    event_seconds: float | None = None  # what TensorBoard logging cost
    timing: Timing | None = None  # the seconds outside the epochs and the step's way (metrics.json's "timing")
    extra: dict[str, Any] = field(default_factory=dict)  # config.json's entries no field names, as read (a stack's)
    unrecorded: frozenset[str] = frozenset()  # settings config.json does not hold (written before they existed)
    order: tuple[str, ...] = ()  # config.json's keys as read: written back in that order

    @classmethod
    def load(cls, folder: str | Path) -> Run:
        folder = Path(folder)
        if kind_of(folder) != "run":
            raise TinyDigitsError(f"{folder}: a check folder, not a run folder")
        config = files.read_json(folder / CONFIG)
        metrics = files.read_json(folder / METRICS) if (folder / METRICS).is_file() else None
        if not isinstance(metrics, dict) or not metrics.get("epochs"):
            raise TinyDigitsError(f"{folder}: no finished epoch ({METRICS} missing or empty)")
        return cls.from_files(folder, config, metrics, read_per_class(folder / PER_CLASS))

    @classmethod
    def from_files(cls, folder: Path, config: dict[str, Any], metrics: dict[str, Any],
                   per_class: list[ClassRow] | None = None) -> Run:
        """A record from the two JSON files' contents (a run in memory, or one made to order in a test)."""
        missing = [what for key, what in (("architecture", "the layer table and module settings"),
                                          ("code", "the model's code"), ("target", "the step's target"))
                   if key not in config]
        names = {f.name for f in dataclasses.fields(TrainConfig)}
        confused = metrics.get("confused")
        return cls(
            folder=folder, settings=TrainConfig.from_record(config),
            budget=Budget(**{**vars(BUDGET), **config.get("budget", {})}),
            name=metrics.get("model") or config.get("model", "?"), seed=int(config.get("seed", metrics.get("seed", 0))),
            params=int(metrics.get("params") or config.get("params") or 0),
            train_images=int(config.get("train_images") or config.get("train_limit") or MNIST_TRAIN),
            epochs=[Epoch.of(e) for e in metrics["epochs"]], complete=bool(metrics.get("complete")),
            origin=config.get("origin") or {}, model_sha256=config.get("model_sha256"),
            environment=config.get("environment") or {}, per_class=per_class or [],
            confusions=None if confused is None else [Confusion(**c) for c in confused],
            layer_stats=metrics.get("layers") or [], architecture=config.get("architecture") or {},
            code=config.get("code"), missing=missing, mlflow_run_id=config.get("mlflow_run_id"),
            grad_norms=metrics.get("grad_norms"), interrupted=bool(metrics.get("interrupted")),
            event_seconds=metrics.get("event_seconds"), timing=Timing.of(metrics.get("timing")),
            extra={k: v for k, v in config.items() if k not in names and k not in _TYPED},
            unrecorded=frozenset(names - set(config)), order=tuple(config))

    # ---- the files, as written
    def recorded_settings(self) -> dict[str, Any]:
        """The settings as config.json records them: a setting it does not hold is absent, not its default."""
        return {k: v for k, v in dataclasses.asdict(self.settings).items() if k not in self.unrecorded}

    def config_json(self) -> dict[str, Any]:
        """config.json: every setting, the budget the run is judged by, where the model came from, the machine and
        versions, the layer table, the code; a loaded file's keys in the order it had them."""
        data = {**self.recorded_settings(), "budget": dataclasses.asdict(self.budget), "origin": self.origin,
                "model_sha256": self.model_sha256, "params": self.params, "train_images": self.train_images,
                "environment": self.environment, "architecture": self.architecture, "code": self.code, **self.extra}
        if self.mlflow_run_id is not None:
            data["mlflow_run_id"] = self.mlflow_run_id
        if not self.order:
            return data
        return {k: data[k] for k in self.order if k in data} | {k: v for k, v in data.items() if k not in self.order}

    def metrics_json(self) -> dict[str, Any]:
        """metrics.json: the model, the epochs' rows as they land, whether it finished; once finished, what it
        confuses, its ReLUs on test images and what TensorBoard logging cost."""
        data: dict[str, Any] = {"model": self.name, "params": self.params, "seed": self.seed,
                                "epochs": [e.row() for e in self.epochs], "complete": self.complete}
        if self.grad_norms is not None:
            data["grad_norms"] = self.grad_norms
        if self.interrupted:
            data["interrupted"] = True
        if self.confusions is not None:  # finished: its last test pass ranked them, its ReLUs were measured
            data |= {"confused": [dataclasses.asdict(c) for c in self.confusions], "layers": self.layer_stats}
        if self.timing is not None:
            data["timing"] = self.timing.row()
        return data if self.event_seconds is None else data | {"event_seconds": self.event_seconds}

    def save_config(self) -> None:
        files.write_json(self.folder / CONFIG, self.config_json())

    def save_metrics(self) -> None:
        files.write_json(self.folder / METRICS, self.metrics_json())

    def save(self, folder: str | Path) -> Path:
        """config.json, metrics.json and per_class.csv into `folder` (made if missing): the record's round trip."""
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.save_config()
        self.save_metrics()
        if self.per_class:
            with (self.folder / PER_CLASS).open("w", newline="") as f:
                writer = csv.writer(f)
                counted = all(r.support is not None for r in self.per_class)
                writer.writerow(["digit", *(["support"] if counted else []), "accuracy", "errors"])
                writer.writerows([r.digit, *([r.support] if counted else []), r.accuracy, r.errors] for r in self.per_class)
        return self.folder

    # ---- what the figures are
    def test(self) -> list[float]:
        return [e.test_acc for e in self.epochs]

    def train(self) -> list[float]:
        return [e.train_acc for e in self.epochs]

    @property
    def planned_epochs(self) -> int:
        return int(self.settings.epochs or len(self.epochs))

    @property
    def target(self) -> str | None:
        return self.settings.target

    @property
    def ref(self) -> str:
        """The --model reference that trains this model again (a registered name, a file's path:Name)."""
        return self.origin.get("ref") or self.origin.get("name") or self.settings.model

    @property
    def layers(self) -> list[LayerRow]:
        """The layer table as `tinydigits summary` prints it, recorded at train time."""
        from tinydigits.models.summary import LayerRow  # torch: only where the table is asked for

        return [LayerRow(**r) for r in self.architecture.get("layers", [])]

    @property
    def modules(self) -> dict[str, dict[str, Any]]:
        """Each leaf module's settings (its type included) as it trained."""
        return self.architecture.get("modules", {})

    @property
    def init_sha256(self) -> str | None:
        """The digest of the initial parameters: two runs with the same started from the same weights."""
        return self.architecture.get("init_sha256")


def read_per_class(path: Path) -> list[ClassRow]:
    if not path.is_file():
        return []
    with path.open(newline="") as f:
        return [ClassRow(int(r["digit"]), float(r["accuracy"]), int(r["errors"]),
                         int(r["support"]) if r.get("support") else None) for r in csv.DictReader(f)]
