"""A run's bookkeeping while it trains: its record (`training.runfolder.Run`, saved as config.json and metrics.json),
its checkpoint (model.pt), its TensorBoard events and its MLflow run. The loop (`training.train`) hands each epoch's
row here and never touches a file itself; the result carries the typed record, which every reader takes."""

from __future__ import annotations

import dataclasses
import shutil
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from tinydigits import files, models
from tinydigits.constants import BUDGET, Budget
from tinydigits.data import mnist
from tinydigits.models import summary
from tinydigits.training import runs, tracking
from tinydigits.training.clock import process_age
from tinydigits.training.config import TrainConfig
from tinydigits.training.device import input_layout
from tinydigits.training.evaluate import confused_pairs
from tinydigits.training.events import RunEvents
from tinydigits.training.factories import built_with, schedule_batches
from tinydigits.training.loggers import FINISHED, Loggers, MLflow, TensorBoard, finished_files
from tinydigits.training.probe import GradProbe
from tinydigits.training.runfolder import Confusion, Epoch, Run

LOG = "train.log"  # in every run folder
DIGITS_SHOWN = 8  # the first training digits a finished run keeps in memory: augment.png draws them


@dataclass
class EpochStats:
    loss: float
    acc: float
    images: int
    seconds: float


@dataclass
class RunResult:
    run_dir: Path
    run: Run  # the run's record as saved: no need to read it back
    model: nn.Module  # the evaluated weights (the EMA when there is one)
    config: TrainConfig
    test: mnist.Split
    test_logits: torch.Tensor | None = None  # the last epoch's, from its test pass: the pictures need no other
    warning: str | None = None  # what failed to publish once finished (`lifecycle.finish`), in one line
    digits: torch.Tensor | None = None  # the first training digits as the run held them (augment.png draws them)
    writers: RunRecord | None = dataclasses.field(default=None, repr=False)  # open until `close`
    trained_at: float | None = None  # `time.perf_counter()` when its training ended: its finish's seconds count from it

    def close(self, classes: list[dict[str, Any]] | None = None, pictures: dict[str, bytes] | None = None) -> str | None:
        """The run's writers closed once, after its results (`RunRecord.close`); a second call does nothing.
        Returns what failed to publish, in one line, or None."""
        writers, self.writers = self.writers, None
        return writers.close(classes or [], pictures or {}) if writers else None

    @property
    def metrics(self) -> dict[str, Any]:
        """metrics.json as written (from the record)."""
        return self.run.metrics_json()

    @property
    def record(self) -> dict[str, Any]:
        """config.json as written (from the record)."""
        return self.run.config_json()

    def summary(self) -> list[str]:
        """The run in three lines, what a notebook cell shows for it (`__repr__`, `_repr_markdown_`; the whole
        dataclass would print the model and the test set): its model, seed, epochs, images and parameters, its test
        accuracy, and where it wrote."""
        run, test = self.run, self.run.test()
        epochs = f"{len(test)} epochs" + (f" of {run.planned_epochs} planned" if len(test) < run.planned_epochs else "")
        head = f"{run.name}, seed {run.seed}: {epochs} on {run.train_images:,} training images, {run.params:,} parameters"
        if test:
            last, best = test[-run.budget.last:], max(range(len(test)), key=test.__getitem__)
            figures = (f"test accuracy {test[-1]:.2f} % after the last epoch, best {test[best]:.2f} % (epoch {best + 1}), "
                       f"lowest of the last {len(last)} {min(last):.2f} % (the budget asks >= {run.budget.min_acc} % "
                       f"in each of the last {run.budget.last})")
        else:
            figures = "no epoch finished"
        return [head, figures, f"{self.run_dir}: report.md and the pictures; `.run` is the record, `.model` the weights"]

    def __repr__(self) -> str:
        return "RunResult: " + "\n  ".join(self.summary())

    def _repr_markdown_(self) -> str:
        head, *rest = self.summary()
        return "\n".join([f"**{head}**", "", *(f"- {line}" for line in rest)])


def epoch_row(epoch: int, stats: EpochStats, test: tuple[float, float], lr: float, start: float, size: int,
              batch: int, val: tuple[float, float] | None = None, momentum: float | None = None,
              ema_decay: float | None = None, betas: list[float] | None = None) -> Epoch:
    """One epoch's line of metrics.json (`val`: the validation split's loss and accuracy, where there is one;
    SGD's `momentum` or Adam's `betas` at the epoch's start and the EMA's last `ema_decay`, where the run has them)."""
    row = Epoch(epoch, stats.loss, stats.acc, test[0], test[1], lr, time.perf_counter() - start,
                stats.images / stats.seconds, size, batch, momentum=momentum, ema_decay=ema_decay, betas=betas)
    return row if val is None else dataclasses.replace(row, val_loss=val[0], val_acc=val[1])


def epoch_line(row: Epoch, epochs: int) -> str:
    val = f"  val {row.val_acc:.2f}%" if row.val_acc is not None else ""
    return (
        f"epoch {row.epoch:>2}/{epochs}  train loss {row.train_loss:.4f} acc {row.train_acc:.2f}%  "
        f"test loss {row.test_loss:.4f} acc {row.test_acc:.2f}%{val}  lr at start {row.lr:.4g}  {row.seconds:.1f}s"
    )


def said_epoch(rows: list[Epoch], epochs: int, seconds: float, stacked: bool) -> str:
    """An epoch as the console says it: a run's own line (`epoch_line`), or a stack's, each seed's train accuracy and
    then its test accuracy in the stack's order (the gap between them is the fit, seed by seed)."""
    if not stacked:
        return epoch_line(rows[0], epochs)
    return (f"epoch {rows[0].epoch:>2}/{epochs}  train acc " + " ".join(f"{r.train_acc:.2f}" for r in rows)
            + "  test acc " + " ".join(f"{r.test_acc:.2f}" for r in rows) + f"  {seconds:.1f}s")


HISTOGRAM_IMAGES = 256  # test images whose activations TensorBoard's histograms show each epoch


def histogram_epoch(epoch: int, epochs: int, on_device: bool) -> bool:
    """Whether TensorBoard's weight and activation histograms are drawn after `epoch`: every epoch on a CPU (1.6 s of
    a 5-minute run), the last only on a GPU, where the same host seconds would be a sixth of a run of 10 s."""
    return not on_device or epoch == epochs


class RunRecord:
    """What one run keeps while it trains. `train` keeps one; a stack of seeds one per seed.

    The folder comes first, then the MLflow run, then config.json (with the run's id): a run that cannot be opened
    on the server removes the folder it just made (still empty) and is one line; once open, the MLflow run is closed
    on every path out."""

    def __init__(self, cfg: TrainConfig, source: models.Source, params: int, device: torch.device, images: int,
                 model: nn.Module, budget: Budget = BUDGET, beside: Callable[..., Any] | None = None,
                 **extra: Any) -> None:
        self.cfg, self.source = cfg, source
        self.checkpoint_s = 0.0  # every model.pt written (`Timing.checkpoint_s`)
        self.config = dataclasses.asdict(cfg)  # the settings as given: the checkpoint's, MLflow's and the hparams'
        self.run_dir = files.new_run_dir(cfg.out, source.name, cfg.seed)
        self.test_logits: torch.Tensor | None = None
        # the record says what the run trained with: the device it took and the threads torch used
        settings = dataclasses.replace(cfg, device=str(device), threads=torch.get_num_threads())
        self.run = Run(self.run_dir, settings, budget, source.name, cfg.seed, params, images, [], False, source.origin,
                       source.digest(), runs.environment(device), architecture=summary.architecture(model),
                       code=source.code(), extra={**built_with(cfg, schedule_batches(cfg, images, budget.last)[1]), **extra})
        mlflow = None
        try:
            if cfg.mlflow:  # its id goes into config.json, where `eval`'s pictures find the run later
                mlflow = MLflow.start(cfg.mlflow, f"{source.name}-s{cfg.seed}", self.config, cfg.mlflow_parent,
                                      self.run_dir)
                self.run.mlflow_run_id = mlflow.run_id
            self.run.save_config()
        except BaseException:
            if mlflow:
                mlflow.close("FAILED", [])
            shutil.rmtree(self.run_dir, ignore_errors=True)  # nothing trained yet: no run folder left behind
            raise
        self.log(f"{source.name}, seed {cfg.seed}, {cfg.epochs} epochs, {params:,} parameters; {cfg.precision}"
                 f"{', portable' if cfg.portable else ''}, {cfg.threads or 'all'} thread(s), {device}")
        self.events = RunEvents(self.run_dir)  # TensorBoard: `tensorboard --logdir runs`
        self.events.graph(model, input_layout(torch.zeros(1, 1, 28, 28, device=device)), beside)  # traced beside
        self.loggers = Loggers(TensorBoard(self.events, lambda: (self.config, self.run.test(), self.run.budget.last)),
                               mlflow)

    def epoch(self, row: Epoch, evaluated: nn.Module | dict[str, torch.Tensor]) -> None:
        """An epoch's metrics everywhere they go, and the evaluated weights (a module, or its weights as
        `runs.snapshot` copied them) as model.pt (atomically)."""
        with tracking.shielded():  # Ctrl-C waits until the epoch is recorded everywhere
            self.run.epochs.append(row)
            self.loggers.epoch(row.row())
            began = time.perf_counter()
            runs.save_checkpoint(self.run_dir / "model.pt", evaluated, self.source.name, self.config, self.source.origin)
            self.checkpoint_s += time.perf_counter() - began
            self.run.save_metrics()
            self.log(epoch_line(row, self.cfg.epochs))

    def instruments(self, probe: GradProbe, evaluated: nn.Module, sample: torch.Tensor, epoch: int, epochs: int,
                    on_device: bool) -> None:
        """After an epoch of a plain run: its sampled gradient norms into metrics.json, the histograms where drawn."""
        self.grad_norms(probe.end_epoch())
        if histogram_epoch(epoch, epochs, on_device):
            self.events.histograms(evaluated, sample, epoch)

    def grad_norms(self, norms: dict[str, float]) -> None:
        """An epoch's sampled gradient norms per layer (saved with the epoch's row that follows)."""
        self.run.grad_norms = [*(self.run.grad_norms or []), norms]

    def log(self, line: str) -> None:
        """A line of the run's clean log (train.log: its epoch lines as printed, no progress-bar redraws)."""
        with (self.run_dir / LOG).open("a") as f:
            f.write(line + "\n")

    def stop(self, err: BaseException) -> None:
        """Ctrl-C or an error: the MLflow run says so, an interrupted folder says so too, the events are closed.
        Nothing here may replace `err`: a failure to close the MLflow run is swallowed (the server shows it RUNNING)."""
        with tracking.shielded():  # a second Ctrl-C waits for this too
            if isinstance(err, KeyboardInterrupt):
                self.run.interrupted = True
                self.run.save_metrics()
            self.loggers.close(tracking.status_for(err))

    def finish(self, model: nn.Module, test: mnist.Split, digits: torch.Tensor | None = None) -> RunResult:
        """The trained run's last figures into metrics.json, which now says complete: what it confuses (from its last
        test pass). Its ReLUs on test images are measured as its pictures are drawn (`results.report.write_artifacts`,
        beside them). Its TensorBoard file and MLflow run stay open for the pictures: `RunResult.close` closes them
        (`lifecycle.finish` after drawing them)."""
        trained_at = time.perf_counter()
        self.run.complete = True
        if self.test_logits is not None:  # what the model confuses, from its last test pass (no second pass)
            preds = self.test_logits.argmax(1)
            self.run.confusions = [Confusion(**c) for c in confused_pairs(test.labels.cpu(), preds)]
        self.run.event_seconds = self.events.seconds  # what TensorBoard logging cost, next to the epochs' seconds
        self.run.save_metrics()
        return RunResult(self.run_dir, self.run, model, self.cfg, test, self.test_logits, digits=digits, writers=self,
                         trained_at=trained_at)

    def close(self, classes: list[dict[str, Any]], pictures: dict[str, bytes]) -> str | None:
        """The last writes of a finished run, each once: per-class accuracy and the pictures (PNG bytes by name, as
        drawn) to its loggers, which close (`loggers.Loggers`): the TensorBoard file with the settings and final
        figures as hparams, the MLflow run with every file of the folder. Returns what failed to publish, in one line:
        the folder already holds everything, and a server that is away must not undo a finished run or check."""
        self.loggers.results(classes, pictures, len(self.run.epochs))
        return self.loggers.close(FINISHED, finished_files(self.run_dir, pictures))


class EpochWrites:
    """An epoch's records (checkpoints, metrics.json, TensorBoard, MLflow: `RunRecord.epoch`, a stack's 30 seeds' at
    once) written in a thread of their own while the next epoch trains, where a GPU waits for nothing else
    (`background`); else here, as they are handed over. One epoch's writes land before the next one's begin."""

    def __init__(self, background: bool) -> None:
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="tinydigits-records") if background else None
        self.pending: Future | None = None

    def submit(self, write: Callable[[], Any]) -> None:
        self.wait()
        if self.pool is None:
            write()
        else:
            self.pending = self.pool.submit(write)

    def wait(self) -> None:
        """Until the writes handed over have landed; their error, if any, raised here."""
        pending, self.pending = self.pending, None
        if pending is not None:
            pending.result()

    def close(self) -> None:
        try:
            self.wait()
        finally:
            if self.pool is not None:
                self.pool.shutdown(wait=True)


def started(began: float | None) -> tuple[float | None, float | None]:
    """(seconds since `began`, the process's age when it began): a run's start-up and what came before it."""
    if began is None:
        return None, None
    startup, age = time.perf_counter() - began, process_age()
    return startup, None if age is None else max(0.0, age - startup)


class KeyboardInterruptInRun(KeyboardInterrupt):
    """Ctrl-C during training, after the run folder was left consistent."""

    def __init__(self, run_dir: Path, epochs_done: int) -> None:
        super().__init__(f"interrupted after {epochs_done} complete epoch(s); run folder {run_dir} is consistent")
        self.run_dir, self.epochs_done = run_dir, epochs_done
