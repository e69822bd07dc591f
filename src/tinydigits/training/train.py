"""The training loop: data as tensors on the device, augmentation per batch, one run folder per run."""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.swa_utils import AveragedModel

from tinydigits import models
from tinydigits.data import mnist
from tinydigits.errors import TinyDigitsError
from tinydigits.models.registry import eval_mode
from tinydigits.training import runs, tracking
from tinydigits.training.config import TrainConfig
from tinydigits.training.device import input_layout, model_layout, pick_device
from tinydigits.training.events import RunEvents


def make_optimizer(cfg: TrainConfig, params) -> torch.optim.Optimizer:
    if cfg.optimizer == "sgd":
        return torch.optim.SGD(params, lr=cfg.lr, momentum=cfg.momentum, nesterov=cfg.momentum > 0, weight_decay=cfg.weight_decay)
    cls = torch.optim.Adam if cfg.optimizer == "adam" else torch.optim.AdamW
    return cls(params, lr=cfg.lr, weight_decay=cfg.weight_decay)


def make_scheduler(cfg: TrainConfig, opt: torch.optim.Optimizer, total_steps: int):
    """Returns (scheduler, per_batch): one-cycle steps every batch (`total_steps` in the run), the others once an epoch."""
    if cfg.scheduler == "onecycle":
        total = total_steps
        if total < 4:  # too few steps for a warm-up and an annealing phase: constant rate
            return None, False
        return torch.optim.lr_scheduler.OneCycleLR(  # warm-up >= 2 steps: OneCycleLR divides by its length
            opt, max_lr=cfg.lr, total_steps=total, pct_start=max(0.25, 2.0 / total), div_factor=10.0, final_div_factor=100.0,
        ), True
    if cfg.scheduler == "step":
        return torch.optim.lr_scheduler.StepLR(opt, step_size=max(1, cfg.epochs // 3), gamma=0.1), False
    if cfg.scheduler == "plateau":
        return torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.1, patience=2), False
    return None, False


def evaluate(model: nn.Module, split: mnist.Split | list[mnist.Split], batch_size: int = 1000):
    """(mean cross-entropy, accuracy %) over a split, in eval mode: the one accuracy loop of training. A stack of G
    seeds (`training.stack`: logits [B, G, 10]) takes a list of G splits and gives a list of G pairs, in one pass."""
    splits = split if isinstance(split, list) else [split]
    loss_sum = correct = 0
    with eval_mode(model):
        for group in zip(*(mnist.batches(s, batch_size) for s in splits), strict=True):
            logits = model(input_layout(torch.cat([x for x, _ in group], 1)))
            if logits.dim() == 2:
                logits = logits[:, None]  # one model: a stack of one
            y = torch.stack([y for _, y in group], 1)
            loss_sum = loss_sum + F.cross_entropy(logits.permute(0, 2, 1), y, reduction="none").sum(0)
            correct = correct + (logits.argmax(2) == y).sum(0)
    n = len(splits[0])
    pairs = [(float(loss) / n, 100.0 * int(c) / n) for loss, c in zip(loss_sum.tolist(), correct.tolist(), strict=True)]
    return pairs if isinstance(split, list) else pairs[0]


@torch.no_grad()
def recompute_bn(model: nn.Module, split: mnist.Split | list[mnist.Split], images: int, batch_size: int = 1000) -> None:
    """Batch-norm statistics measured for the weights as they are (`torch.optim.swa_utils.update_bn`) over the
    first `images` un-augmented training images. An EMA of the weights averages the running statistics too,
    and those belong to weights the EMA no longer holds; a few thousand images fix them for a fraction of an
    epoch's cost. A list of splits feeds a stack of seeds (`training.stack`), each seed its own images."""
    if images <= 0 or not any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in model.modules()):
        return
    splits = split if isinstance(split, list) else [split]
    subsets = [s.subset(torch.arange(min(images, len(s)))) for s in splits]
    loader = zip(*(mnist.batches(s, batch_size) for s in subsets), strict=True)
    torch.optim.swa_utils.update_bn((input_layout(torch.cat([x for x, _ in group], 1)) for group in loader), model)


def check_size(model: nn.Module, size: int, ref: str) -> None:
    """A size schedule needs a net that runs at `size` x `size` (fully convolutional, global pooling): say so in one line."""
    try:
        with eval_mode(model):
            out = model(input_layout(torch.zeros(2, 1, size, size, device=next(model.parameters()).device)))
        ok = tuple(out.shape) == (2, 10)
    except Exception:
        ok = False
    if not ok:
        raise TinyDigitsError(f"--size-schedule: model {ref!r} cannot run on {size}x{size} inputs "
                              "(it needs to be fully convolutional, with global pooling before the classifier)")


def training_model(ref: str | models.Source, device: str | torch.device = "cpu") -> nn.Module:
    """A fresh model (any `--model` reference, or one already resolved) in the layout training feeds it."""
    source = models.resolve(ref) if isinstance(ref, str) else ref
    return model_layout(source.create(), device)


EMA_WARMUP_POWER = 0.75  # timm's ModelEmaV3 warm-up (gamma 1, power 3/4: its advice for runs under a million steps)


def ema_decay(decay: float, updates: int) -> float:
    """The EMA's decay at its `updates`-th update: 1 - (1 + updates)^-3/4, capped at `decay`.

    Without a warm-up an EMA of decay 0.999 started from the initial weights still holds e^-1 of them after
    1,000 steps, so a 1-epoch run evaluated mostly untrained weights (83.7 %). The ramp reaches 0.99 after
    463 updates and 0.999 after 10,000 (epoch 11 of a 15-epoch run at batch 64), so the judged epochs of a
    full run average as before."""
    return min(decay, 1.0 - (1.0 + updates) ** -EMA_WARMUP_POWER)


def make_ema(model: nn.Module, decay: float) -> AveragedModel | None:
    """An EMA of the weights and buffers (batch-norm statistics) with timm's warm-up; None when `decay` is 0."""
    if not decay:
        return None

    @torch.no_grad()
    def update(averaged: list[torch.Tensor], current: list[torch.Tensor], updates: torch.Tensor) -> None:
        # `updates` counts the updates already averaged (AveragedModel copies the first one as it is).
        weight = 1.0 - ema_decay(decay, int(updates))
        if torch.is_floating_point(averaged[0]):
            torch._foreach_lerp_(averaged, current, weight)
        else:  # batch norm's integer step counters, as torch's own EMA treats them
            for a, c in zip(averaged, current, strict=True):
                a.copy_(a * (1 - weight) + c * weight)

    return AveragedModel(model, multi_avg_fn=update, use_buffers=True)


def seed_losses(logits: torch.Tensor, y: torch.Tensor, label_smoothing: float = 0.0) -> torch.Tensor:
    """Mean cross-entropy: logits [B, 10] and labels [B] give one number; a stack of G seeds' logits [B, G, 10]
    and labels [B, G] give [G], each seed's own mean, whose sum gives every seed exactly its own gradients."""
    if logits.dim() == 3:  # one call per seed, the very op `train` runs: a stack of one is bit-identical to it
        return torch.stack([F.cross_entropy(logits[:, g], y[:, g], label_smoothing=label_smoothing)
                            for g in range(logits.shape[1])])
    return F.cross_entropy(logits, y, label_smoothing=label_smoothing)


def train_step(model: nn.Module, opt: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor, cfg: TrainConfig,
               lr_scale: float = 1.0):
    """Forward (bf16 autocast when configured), backward, optimiser step at `lr_scale` times the scheduler's
    rate (a batch-size schedule's linear scaling); returns (loss, logits) - per seed for a stack of seeds."""
    with torch.autocast(x.device.type, dtype=torch.bfloat16, enabled=cfg.precision == "bf16"):
        logits = model(input_layout(x))
        loss = seed_losses(logits, y, cfg.label_smoothing)
    opt.zero_grad(set_to_none=True)
    loss.sum().backward()
    if lr_scale != 1.0:
        rates = [g["lr"] for g in opt.param_groups]
        for g in opt.param_groups:
            g["lr"] *= lr_scale
        opt.step()
        for g, rate in zip(opt.param_groups, rates, strict=True):
            g["lr"] = rate  # the scheduler's own rate, as it left it
    else:
        opt.step()
    return loss, logits


def scheduled_step(model, opt, scheduler, per_batch: bool, ema, x: torch.Tensor, y: torch.Tensor, cfg: TrainConfig,
                   size: int, batch_size: int):
    """One batch of an epoch: inputs at `size` (downscaled after augmentation), the step at the batch's learning-rate
    scale, the per-batch scheduler and the EMA; returns (loss, logits) as `train_step` does."""
    if size != x.shape[-1]:
        x = F.interpolate(x, size=(size, size), mode="bilinear", antialias=True, align_corners=False)
    with torch.profiler.record_function("step"):  # labels for `bench --profile`; next to nothing when not profiling
        loss, logits = train_step(model, opt, x, y, cfg, batch_size / cfg.batch_size)
        if per_batch:
            scheduler.step()
    if ema is not None:
        with torch.profiler.record_function("ema"):
            ema.update_parameters(model)
    return loss, logits


@dataclass
class Setup:
    """What a run trains with besides the model: optimiser, scheduler, EMA and the per-epoch plan. `train` and a stack
    of seeds (`training.stack`) set up alike through `Setup.of`."""

    model: nn.Module
    opt: torch.optim.Optimizer
    scheduler: Any
    per_batch: bool
    ema: AveragedModel | None
    plan: list[tuple[int, int]]

    @property
    def evaluated(self) -> nn.Module:
        """The weights that are evaluated and saved: the EMA's when there is one."""
        return self.ema.module if self.ema is not None else self.model

    @classmethod
    def of(cls, cfg: TrainConfig, model: nn.Module, images: int, probe: nn.Module | None = None) -> Setup:
        """`images` per epoch set the one-cycle's length; `probe` (default `model`) is the net a size schedule is
        tried on (a stack's first seed)."""
        plan = cfg.plan()
        for size in sorted({size for size, _ in plan if size != 28}):
            check_size(probe or model, size, cfg.model)
        ema = make_ema(model, cfg.ema)
        opt = make_optimizer(cfg, model.parameters())
        scheduler, per_batch = make_scheduler(cfg, opt, sum(math.ceil(images / batch) for _, batch in plan))
        return cls(model, opt, scheduler, per_batch, ema, plan)


@dataclass
class EpochStats:
    loss: float
    acc: float
    images: int
    seconds: float


def train_epoch(model, opt, scheduler, per_batch, split, cfg, generator, ema=None, progress=None,
                size: int = 28, batch_size: int | None = None) -> EpochStats:
    """One pass over the (shuffled, augmented) training split, at `size` x `size` inputs (downscaled after
    augmentation) and `batch_size` (default the config's; the learning rate scales with it)."""
    model.train()
    augment = cfg.augment()
    batch_size = batch_size or cfg.batch_size
    loss_sum, correct, seen = 0.0, 0, 0
    start = time.perf_counter()
    for x, y in mnist.batches(split, batch_size, generator, augment):
        loss, logits = scheduled_step(model, opt, scheduler, per_batch, ema, x, y, cfg, size, batch_size)
        loss_sum += loss.item() * len(y)
        correct += int((logits.argmax(1) == y).sum())
        seen += len(y)
        if progress is not None:
            elapsed = time.perf_counter() - start
            progress.update(len(y))
            progress.set_postfix(loss=f"{loss_sum / seen:.4f}", acc=f"{100 * correct / seen:.2f}", ips=f"{seen / elapsed:.0f}",
                                 refresh=False)  # the bar redraws on its own schedule, not every batch
    return EpochStats(loss_sum / seen, 100.0 * correct / seen, seen, time.perf_counter() - start)


def load_splits(cfg: TrainConfig, device: torch.device, quiet: bool = True) -> tuple[mnist.Split, mnist.Split]:
    """(train, test) on the device; train cut to `--train-limit` (the validation split is the seed's to draw)."""
    train_split = mnist.load_split("train", cfg.data_dir, device, quiet)
    test_split = mnist.load_split("test", cfg.data_dir, device, quiet)
    if cfg.train_limit:
        train_split = train_split.subset(torch.arange(min(cfg.train_limit, len(train_split))))
    return train_split, test_split


def write_config(run_dir: Path, config: dict[str, Any], source: models.Source, params: int, device: torch.device,
                 train_images: int, mlflow_run: str | None = None, **extra: Any) -> None:
    """config.json: every setting, where the model came from, the machine and versions."""
    record = {**config, "origin": source.origin, "params": params, "device": str(device), "threads": torch.get_num_threads(),
              "train_images": train_images, "environment": runs.environment(), **extra}
    if mlflow_run:  # config.json records the MLflow run's id for the pictures that come later
        record["mlflow_run_id"] = mlflow_run
    runs.write_json(run_dir / "config.json", record)


def epoch_row(epoch: int, stats: EpochStats, test: tuple[float, float], lr: float, start: float, size: int,
              batch: int) -> dict[str, Any]:
    """One epoch's line of metrics.json."""
    return {"epoch": epoch, "train_loss": stats.loss, "train_acc": stats.acc, "test_loss": test[0], "test_acc": test[1],
            "lr": lr, "seconds": time.perf_counter() - start, "train_images_per_s": stats.images / stats.seconds,
            "input_size": size, "batch_size": batch}


@dataclass
class RunResult:
    run_dir: Path
    metrics: dict[str, Any]
    model: nn.Module  # the evaluated weights (the EMA when there is one)
    config: TrainConfig
    test: mnist.Split


def epoch_line(row: dict[str, Any], epochs: int) -> str:
    val = f"  val {row['val_acc']:.2f}%" if "val_acc" in row else ""
    return (
        f"epoch {row['epoch']:>2}/{epochs}  train loss {row['train_loss']:.4f} acc {row['train_acc']:.2f}%  "
        f"test loss {row['test_loss']:.4f} acc {row['test_acc']:.2f}%{val}  lr {row['lr']:.4g}  {row['seconds']:.1f}s"
    )


def train(cfg: TrainConfig, quiet: bool = False, log=print,
          on_epoch: Callable[[dict[str, Any]], None] | None = None) -> RunResult:
    """Train one model end to end: a run folder with config, metrics and checkpoint, and the
    results (pictures and report.md are the caller's: `report.write_artifacts(result)`).
    `on_epoch(row)` sees every epoch's metrics after they are saved (search stops hopeless trials
    from there by raising)."""
    from tqdm import tqdm

    cfg = cfg.resolved()
    device = pick_device(cfg.device)
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    full_train, test_split = load_splits(cfg, device, quiet)
    train_split, val_split = mnist.train_val_split(full_train, cfg.val_split, cfg.seed)

    source = models.resolve(cfg.model)  # once: the model and its recorded origin come from the same read
    model = training_model(source, device)
    params = models.count_params(model)
    setup = Setup.of(cfg, model, len(train_split))
    opt, scheduler, per_batch, ema, plan = setup.opt, setup.scheduler, setup.per_batch, setup.ema, setup.plan

    record = RunRecord(cfg, source, params, device, len(train_split), model)
    generator = torch.Generator().manual_seed(cfg.seed)
    evaluated = setup.evaluated
    try:
        for epoch in range(1, cfg.epochs + 1):
            start, lr = time.perf_counter(), opt.param_groups[0]["lr"]
            bar = None if quiet else tqdm(total=len(train_split), unit="img", desc=f"epoch {epoch}/{cfg.epochs}", leave=False)
            size, batch = plan[epoch - 1]
            stats = train_epoch(model, opt, scheduler, per_batch, train_split, cfg, generator, ema, bar, size, batch)
            if bar is not None:
                bar.close()
            recompute_bn(evaluated, train_split, cfg.bn_recompute)
            row = epoch_row(epoch, stats, evaluate(evaluated, test_split), lr, start, size, batch)
            if val_split is not None:
                row["val_loss"], row["val_acc"] = evaluate(evaluated, val_split)
            if scheduler is not None and not per_batch:
                scheduler.step(row.get("val_loss", row["test_loss"])) if cfg.scheduler == "plateau" else scheduler.step()
            record.epoch(row, evaluated)
            log(epoch_line(row, cfg.epochs))
            if on_epoch is not None:
                on_epoch(row)
    except BaseException as err:  # Ctrl-C or an error: the folder is left consistent, the MLflow run says so too
        record.stop(err)
        if isinstance(err, KeyboardInterrupt):
            raise KeyboardInterruptInRun(record.run_dir, len(record.metrics["epochs"])) from None
        raise
    return record.finish(evaluated, test_split)


class RunRecord:
    """What one run keeps while it trains: its folder (config.json, metrics.json and model.pt after every epoch),
    its TensorBoard events and its MLflow run. `train` keeps one; a stack of seeds (`training.stack`) one per seed."""

    def __init__(self, cfg: TrainConfig, source: models.Source, params: int, device: torch.device, images: int,
                 model: nn.Module, **extra: Any) -> None:
        self.cfg, self.source = cfg, source
        self.config = dataclasses.asdict(cfg)
        # MLflow first: an unreachable server is one line before any folder is made or any epoch trained.
        self.mlflow_run = tracking.start_run(cfg.mlflow, f"{source.name}-s{cfg.seed}", self.config, cfg.mlflow_parent) \
            if cfg.mlflow else None
        self.run_dir = runs.new_run_dir(cfg.out, source.name, cfg.seed)
        write_config(self.run_dir, self.config, source, params, device, images, self.mlflow_run, **extra)
        self.metrics: dict[str, Any] = {"model": source.name, "params": params, "seed": cfg.seed, "epochs": [],
                                        "complete": False}
        self.events = RunEvents(self.run_dir)  # TensorBoard: `tensorboard --logdir runs`
        self.events.graph(model, input_layout(torch.zeros(1, 1, 28, 28, device=device)))

    def epoch(self, row: dict[str, Any], evaluated: nn.Module) -> None:
        """An epoch's metrics everywhere they go, and the evaluated weights as model.pt (atomically)."""
        with tracking.shielded():  # Ctrl-C waits until the epoch is recorded everywhere
            self.metrics["epochs"].append(row)
            self.events.epoch(row)
            if self.mlflow_run:
                tracking.log_epoch(self.cfg.mlflow, self.mlflow_run, row)
            runs.save_checkpoint(self.run_dir / "model.pt", evaluated, self.source.name, self.config, self.source.origin)
            runs.write_json(self.run_dir / "metrics.json", self.metrics)

    def stop(self, err: BaseException) -> None:
        """Ctrl-C or an error: the MLflow run says so, an interrupted folder says so too, the events are closed."""
        with tracking.shielded():  # a second Ctrl-C waits for this too
            if self.mlflow_run:
                tracking.end_run(self.cfg.mlflow, self.mlflow_run, tracking.status_for(err))
            if isinstance(err, KeyboardInterrupt):
                self.metrics["interrupted"] = True
                runs.write_json(self.run_dir / "metrics.json", self.metrics)
            self.events.close(self.config, self.metrics)

    def finish(self, model: nn.Module, test: mnist.Split) -> RunResult:
        self.events.close(self.config, self.metrics)
        self.metrics["complete"] = True
        self.metrics["event_seconds"] = self.events.seconds  # what TensorBoard logging cost, next to the epochs' seconds
        runs.write_json(self.run_dir / "metrics.json", self.metrics)
        if self.mlflow_run:
            files = [self.run_dir / n for n in ("model.pt", "metrics.json", "config.json")]
            tracking.log_files(self.cfg.mlflow, self.mlflow_run, files)
            tracking.end_run(self.cfg.mlflow, self.mlflow_run)
        return RunResult(self.run_dir, self.metrics, model, self.cfg, test)


class KeyboardInterruptInRun(KeyboardInterrupt):
    """Ctrl-C during training, after the run folder was left consistent."""

    def __init__(self, run_dir: Path, epochs_done: int) -> None:
        super().__init__(f"interrupted after {epochs_done} complete epoch(s); run folder {run_dir} is consistent")
        self.run_dir, self.epochs_done = run_dir, epochs_done
