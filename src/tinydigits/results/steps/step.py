"""A step and its records, read once: `Step` (the run it shows and, for a check folder, the check and why that
seed is the one shown), the `Facts` and `Fit` a step holds once they are counted (`known`), and finding and reading
the steps' folders (`read_step`, `read_steps`, `newest_run`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tinydigits.constants import Budget
from tinydigits.errors import TinyDigitsError
from tinydigits.results import records
from tinydigits.results.budget import run_verdict
from tinydigits.results.records import Check, CheckPlan, Run
from tinydigits.training.runs import INLINE

MNIST_TRAIN = records.MNIST_TRAIN


@dataclass
class Step:
    """One step: the run it shows, and for a check folder the check and why that seed is the one shown."""

    run: Run
    check: Check | None = None
    why_shown: str = ""
    known: Facts | None = field(default=None, init=False, repr=False, compare=False)  # `facts`, counted once

    @property
    def folder(self) -> Path:
        return self.run.folder

    @property
    def check_folder(self) -> Path | None:
        return self.check.folder if self.check else None

    @property
    def budget(self) -> Budget:
        return self.run.budget

    @property
    def last(self) -> int:
        return self.budget.last

    @property
    def name(self) -> str:
        """The model's name as its author wrote it (a notebook class without the suffix that keeps versions apart)."""
        return self.run.name.split(INLINE)[0]

    @property
    def seed(self) -> int:
        return self.run.seed

    @property
    def config(self) -> dict[str, Any]:
        """The settings as config.json records them (one not recorded is absent): what the steps compare."""
        return self.run.recorded_settings()

    @property
    def train_images(self) -> int:
        return self.run.train_images

    @property
    def on_a_share(self) -> bool:
        """Trained on fewer of MNIST's training images than a validation split leaves it."""
        return self.train_images < MNIST_TRAIN - self.run.settings.val_split

    @property
    def shortened(self) -> list[str]:
        """How the run is shorter than the budget's: fewer epochs, fewer training images (empty: a whole run)."""
        out, ran = [], len(self.run.epochs)
        if ran < self.budget.max_epochs:
            out.append(f"{ran} of the budget's {self.budget.max_epochs} epochs")
        if self.on_a_share:
            out.append(f"{self.train_images:,} of {MNIST_TRAIN:,} training images")
        return out

    def dropout(self) -> float:
        """The largest dropout probability among the model's modules as recorded (0: none)."""
        return max((m.get("p", 0.0) for m in self.run.modules.values() if m["type"].startswith("Dropout")), default=0.0)

    def has(self, kind: str) -> bool:
        return any(m["type"].startswith(kind) for m in self.run.modules.values())


def read_step(folder: str | Path, prefer_seed: int | None = None) -> Step:
    """A run folder, or a check folder: then the check, and the seed it shows in detail (`Check.shown`: the step
    before's seed when the check trained it, else the median of three or more seeds, else the lower)."""
    if records.kind_of(folder) == "check":
        check = Check.load(folder)
        seed, why = check.shown(prefer_seed)
        return Step(_read_run(check.runs[seed]), check, why)
    return Step(_read_run(Path(folder)))


def _read_run(folder: Path) -> Run:
    run = Run.load(folder)
    if "the step's target" in run.missing:
        raise TinyDigitsError(f"{folder}: made by an earlier tinydigits (its config.json has no `target`): train it "
                              "again with this version to write it up")
    return run


def read_steps(folders: list[Path]) -> list[Step]:
    """The steps in order; a check step shows the seed the step before it trained, where it trained that seed too."""
    out: list[Step] = []
    for folder in folders:
        out.append(read_step(folder, out[-1].seed if out else None))
    return out


def newest_run(ref: str, runs_dir: str | Path) -> tuple[Path, int]:
    """The newest run or check folder under `runs_dir` of the model `ref` (as given to --model, or its name), and how
    many there were."""
    found = []
    for meta in [*Path(runs_dir).glob("*/config.json"), *Path(runs_dir).glob("*/plan.json")]:
        try:
            model = (CheckPlan.load(meta.parent) if meta.name == "plan.json" else Run.load(meta.parent)).settings.model
        except TinyDigitsError:
            continue
        if model == ref or (model and model.rpartition(":")[2] == ref.rpartition(":")[2] and ":" in ref) \
                or meta.parent.name.startswith(f"{ref}-") or meta.parent.name.startswith(f"check-{ref}-"):
            found.append(meta.parent)
    if not found:
        raise TinyDigitsError(f"{ref}: not a run or check folder, and no run or check of a model so named under "
                              f"{runs_dir} (train it, or name its folder)")
    return max(found, key=lambda p: (p.stat().st_mtime, p.name)), len(found)


def verdict_of(step: Step) -> records.Verdict:
    """The run judged by its own plan and budget (`run_verdict`)."""
    return run_verdict(step.run)


@dataclass(frozen=True)
class Fit:
    """Exactly one of over-fitting, under-fitting, neither, cannot tell - and why, in words with their numbers."""

    diagnosis: str
    why: str
    label: str = ""  # what the Analysis calls it, where that says more than the diagnosis (else the diagnosis)


@dataclass
class Facts:
    """What is true of one step, computed once: every sentence about the step is said from these."""

    params: int
    epochs: int
    n: int  # judged epochs this run has (the budget's last N, or fewer)
    best_train: float
    best_test: float
    best_epoch: int
    min_last: float
    moved: float  # max - min of test accuracy over the judged epochs
    gap: float  # train minus test, mean of the judged epochs
    rise: float  # test accuracy's trend an epoch over the judged epochs: a least-squares slope (one epoch: its gain)
    seconds: float
    rf: int
    band: float  # the test set's sampling error at the final accuracy (two standard errors, `noise_band`)
    gap_band: float  # the sampling error of train minus test: both scores' (`gap_noise`), what a gap is read against
    start: list[int]  # epochs at chance
    fit: Fit
    hinders: list[str]  # what lowers the train figure in the judged epochs (augmentation, dropout)
    drop: tuple[int, float] | None  # the largest fall of test accuracy from one epoch to the next, when beyond the noise
    stall: str
    rate: str  # the learning rate's course: constant, its step events, the one-cycle's peak and end
    margin: float  # the lowest judged epoch against the line (negative: below it)
    thin: bool  # held, by less than the noise a margin is judged by (`margin_noise`)
    on_line: bool  # within ON_LINE points of the line, either side
    target: list[tuple[str, bool | None, str]] = field(default_factory=list)  # (the Target's part, met, the figure)


def value_text(v: Any) -> str:
    return "-".join(f"{x:g}" for x in v) if isinstance(v, tuple | list) else f"{v:g}" if isinstance(v, float) else str(v)
