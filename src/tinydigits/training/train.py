"""The training loop, top to bottom: data as tensors on the device, augmentation per batch, one optimiser step
per batch, an evaluation per epoch. One loop serves a single run and a stack of seeds trained as one network
(`training.stack`); the run's files, events and MLflow run are `training.bookkeeping`'s."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from tinydigits import models
from tinydigits.constants import BUDGET, Budget
from tinydigits.data import mnist
from tinydigits.training import clock, graphs
from tinydigits.training.arithmetic import ensure_arithmetic
from tinydigits.training.bookkeeping import (
    DIGITS_SHOWN,
    HISTOGRAM_IMAGES,
    EpochStats,
    EpochWrites,
    KeyboardInterruptInRun,
    RunRecord,
    RunResult,
    epoch_row,
    said_epoch,
    started,
)
from tinydigits.training.config import TrainConfig, require_resolved
from tinydigits.training.device import cuda_context, input_layout, pick_device
from tinydigits.training.evaluate import evaluate, recompute_bn
from tinydigits.training.factories import (
    Ema,
    check_size,
    held_by,
    last_decay,
    make_ema,
    make_optimizer,
    make_scheduler,
    schedule_batches,
    seed_losses,
    training_model,
)
from tinydigits.training.feed import Data, load_splits, step_batches
from tinydigits.training.probe import GradProbe, evaluate_and_measure
from tinydigits.training.runs import snapshot


def train_step(model: nn.Module, opt: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor, cfg: TrainConfig, *,
               lr_scale: float = 1.0, fused: bool = False, on_grads: Callable[[], None] | None = None):
    """Forward (bf16 autocast when configured), backward, optimiser step at `lr_scale` times the scheduler's
    rate (a batch-size schedule's linear scaling); returns (loss, logits) - per seed for a stack of seeds.
    `on_grads`: called between backward and the optimiser's step, while `.grad` is the gradient itself (torch's
    foreach SGD with Nesterov momentum and no weight decay adds the momentum into `.grad` in place)."""
    with torch.autocast(x.device.type, dtype=torch.bfloat16, enabled=cfg.precision == "bf16"):
        logits = model(input_layout(x, model))
        loss = seed_losses(logits, y, cfg.label_smoothing, fused)
    opt.zero_grad(set_to_none=True)
    loss.sum().backward()
    if on_grads is not None:
        on_grads()
    optimizer_step(opt, lr_scale)
    return loss, logits


def optimizer_step(opt: torch.optim.Optimizer, lr_scale: float = 1.0) -> None:
    """The optimiser's step at `lr_scale` times the scheduler's rate, the rate put back after."""
    if lr_scale != 1.0:
        rates = [g["lr"] for g in opt.param_groups]
        for g in opt.param_groups:
            g["lr"] *= lr_scale
        opt.step()
        for g, rate in zip(opt.param_groups, rates, strict=True):
            g["lr"] = rate  # the scheduler's own rate, as it left it
    else:
        opt.step()


@dataclass
class Setup:
    """What a run trains with besides the data: the model, optimiser, scheduler, EMA and the per-epoch plan of
    (input size, batch size). `train` and a stack of seeds (`training.stack`) set up alike through `Setup.of`."""

    model: nn.Module
    opt: torch.optim.Optimizer
    scheduler: Any = None
    per_batch: bool = False  # the scheduler steps every batch (one-cycle), else once an epoch
    ema: Ema | None = None
    plan: list[tuple[int, int]] | None = None
    schedule_steps: int | None = None  # per-batch: the scheduler's steps (fewer than the batches with a rate floor)
    graphed: graphs.GraphedStep | None = None  # a GPU's step, optimiser and EMA on device tensors (`training.graphs`)
    first_step_s: float | None = None  # the first step's host seconds, set by `train_epoch` (`Timing.first_step_s`)
    tally: graphs.Tally = field(default_factory=graphs.Tally)  # the epoch's sums of the steps not graphed

    @property
    def evaluated(self) -> nn.Module:
        """The weights that are evaluated and saved: the EMA's when there is one."""
        return self.ema.module if self.ema is not None else self.model

    @classmethod
    def of(cls, cfg: TrainConfig, model: nn.Module, images: int, probe: nn.Module | None = None,
           budget: Budget = BUDGET) -> Setup:
        """`images` per epoch set the one-cycle's length; `probe` (default `model`) is the net a size schedule is
        tried on (a stack's first seed); schedules keep clear of the budget's judged epochs."""
        plan = cfg.plan(keep_last=budget.last)
        for size in sorted({size for size, _ in plan if size != 28}):
            check_size(probe or model, size, cfg.model)
        ema = make_ema(model, cfg.ema)
        opt = make_optimizer(cfg, model.parameters())
        # With a floor the cycle spans the epochs before it, and stops at its last step: its lowest rate, held.
        _, cycle = schedule_batches(cfg, images, budget.last)
        scheduler, per_batch = make_scheduler(cfg, opt, cycle)
        return cls(model, opt, scheduler, per_batch, ema, plan, cycle - 1 if cfg.lr_floor_last else cycle)

    def step_schedule(self) -> None:
        """After a batch: the per-batch scheduler's next rate, until its `schedule_steps` are taken."""
        if self.per_batch and self.scheduler.last_epoch < self.schedule_steps:
            self.scheduler.step()


def scheduled_step(setup: Setup, x: torch.Tensor, y: torch.Tensor, cfg: TrainConfig, size: int, batch_size: int,
                   fused: bool = False, probe: GradProbe | None = None):
    """One batch: inputs at `size` (downscaled after augmentation), the step at the batch's rate scale (a batch
    schedule scales it linearly), the per-batch scheduler, the EMA and the epoch's sums (`Setup.tally`, a graphed step's
    own); returns (loss, logits). `probe` reads the gradients before the optimiser moves anything (no bit of the run)."""
    resize = lambda t: t if size == t.shape[-1] else F.interpolate(t, size=(size, size), mode="bilinear",
                                                                   antialias=True, align_corners=False)
    if setup.graphed is not None:  # the optimiser, its schedule, the EMA and the epoch's sums are in the graphed step
        out = setup.graphed.step(x, y)
        if probe is not None:  # the graphed update leaves `.grad` as backward made it
            probe.step()
        return out
    with torch.profiler.record_function("step"):  # labels for `bench --profile`; next to nothing when not profiling
        out = train_step(setup.model, setup.opt, resize(x), y, cfg, lr_scale=batch_size / cfg.batch_size, fused=fused,
                         on_grads=None if probe is None else probe.step)
        setup.step_schedule()
    setup.tally.add(*out, y)
    if setup.ema is not None:
        with torch.profiler.record_function("ema"):
            setup.ema.update_parameters(setup.model)
    return out


def train_epoch(setup: Setup, data: Data, cfg: TrainConfig, *, size: int = 28, batch_size: int | None = None,
                progress=None, prefetch: bool = True, augmented: bool = True, probe: GradProbe | None = None
                ) -> list[EpochStats]:
    """One pass of every seed over its own shuffled, augmented split at `size` x `size` and `batch_size` (default
    the config's): one optimiser step per batch for all seeds. Loss and accuracy stay on the device (no sync per
    step) unless a progress bar shows them. `prefetch`: the next batches made in a thread of their own (`ahead`; off
    for `bench --profile`, whose profiler sees this thread). `augmented` False: the images as they are
    (`--augment-off-last`). Returns each seed's figures."""
    setup.model.train()
    augment = cfg.augment() if augmented else None
    batch_size = batch_size or cfg.batch_size
    tally = (setup.graphed.tally if setup.graphed is not None else setup.tally).reset()  # what `scheduled_step` adds to
    seen, start = 0, time.perf_counter()
    for x, y in step_batches(data, batch_size, augment, prefetch):
        with clock.first_step(setup):
            scheduled_step(setup, x, y, cfg, size, batch_size, fused=data.device_path, probe=probe)
        seen += len(y)
        if progress is not None:
            elapsed = time.perf_counter() - start
            progress.update(len(y))
            progress.set_postfix(loss=f"{float(tally.loss_sum.sum()) / seen:.4f}", ips=f"{seen / elapsed:.0f}",
                                 acc=f"{100 * int(tally.correct.sum()) / seen:.2f}", refresh=False)  # redraws itself
    seconds = time.perf_counter() - start
    return [EpochStats(loss / seen, 100.0 * c / seen, seen, seconds)
            for loss, c in zip(tally.loss_sum.reshape(-1).tolist(), tally.correct.reshape(-1).tolist(), strict=True)]


def _bar(off: bool, total: int, desc: str):
    """An epoch's progress bar, only where a person watches it: sent to a file, its redraws are megabytes of carriage
    returns (the epoch lines and train.log say the same, once an epoch)."""
    if off or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="img", leave=False, desc=desc)


def graph_step(setup: Setup, cfg: TrainConfig, data: Data, capture: bool, log=print) -> graphs.GraphedStep | None:
    """The run's step as `training.graphs` makes it (captured as one CUDA graph when `capture`, else its functions
    eager), or None with why in one line."""
    return graphs.graphed(cfg, setup.model, setup.ema.module if setup.ema is not None else None, setup.plan,
                          len(data.train[0]), setup.schedule_steps, data.stacked, capture=capture, fused=True, log=log,
                          groups=setup.opt.param_groups)


def _graph_if_wanted(setup: Setup, cfg: TrainConfig, data: Data, log) -> None:
    """A GPU run's step as one CUDA graph where it is asked for and can be (`training.graphs`)."""
    if data.device_path and setup.graphed is None and graphs.wanted(data.train[0].images.device, cfg.cuda_graphs):
        setup.graphed = graph_step(setup, cfg, data, capture=True, log=log)


def _watched_epoch(setup: Setup, data: Data, cfg: TrainConfig, epoch: int, quiet: bool, probe: GradProbe | None
                   ) -> list[EpochStats]:
    """One epoch's training with its progress bar where a person watches it (cleared before any error line too)."""
    size, batch = setup.plan[epoch - 1]
    bar = _bar(quiet or data.stacked, len(data.train[0]), f"epoch {epoch}/{cfg.epochs}")
    try:
        return train_epoch(setup, data, cfg, size=size, batch_size=batch, progress=bar,
                           augmented=epoch <= cfg.epochs - cfg.augment_off_last, probe=probe)
    finally:
        if bar is not None:
            bar.close()


def fit(cfg: TrainConfig, setup: Setup, data: Data, records: list[RunRecord], weights_of: Callable[[int], nn.Module], *,
        log=print, quiet: bool = True, on_epoch: Callable[[dict[str, Any]], None] | None = None,
        began: float | None = None, parts: dict[str, float] | None = None) -> None:
    """The epochs of a run (one record) or a stack (one record per seed): train, recompute batch norm, evaluate,
    step an epoch-wise scheduler (the plateau one on the validation loss, never the test loss), then hand each
    seed's row and weights (`weights_of(g)`) to its record; `began` (`time.perf_counter()` as the run was asked for)
    times its start-up, `parts` are its parts (`Timing`'s). Ctrl-C or an error leaves every folder consistent."""
    evaluated, seeds, _ = setup.evaluated, len(records), _graph_if_wanted(setup, cfg, data, log)
    probe = None if data.stacked else GradProbe(setup.model)
    sample = None if data.stacked else input_layout(next(mnist.batches(data.test, HISTOGRAM_IMAGES))[0])
    (startup, process_s), writes = started(began), EpochWrites(background=data.device_path)
    try:
        for epoch in range(1, cfg.epochs + 1):
            start, lr, held = time.perf_counter(), setup.opt.param_groups[0]["lr"], held_by(setup.opt)
            stats = _watched_epoch(setup, data, cfg, epoch, quiet, probe)
            # Lists of one split per seed: a plain model is a stack of one to `recompute_bn` and `evaluate`.
            recompute_bn(evaluated, data.train, cfg.bn_recompute)
            last = [] if epoch == cfg.epochs else None
            tests = evaluate_and_measure(evaluated, data.test, [r.run for r in records], last, data.stacked)
            vals = evaluate(evaluated, data.val) if data.val[0] is not None else [None] * seeds
            decay = None if setup.ema is None else last_decay(cfg.ema, (setup.graphed or setup.ema).taken)
            rows = [epoch_row(epoch, stats[g], tests[g], lr, start, *setup.plan[epoch - 1], vals[g], ema_decay=decay, **held)
                    for g in range(seeds)]
            writes.wait()  # the epoch before's records are written (long since, on a GPU) before this one's
            if probe is not None:  # the instruments: they read, they never move a bit of the run
                records[0].instruments(probe, evaluated, sample, epoch, cfg.epochs, data.device_path)
            states = [snapshot(weights_of(g)) for g in range(seeds)]  # the weights as they are now, on the host
            writes.submit(lambda rows=rows, states=states: [r.epoch(row, state) for r, row, state
                                                           in zip(records, rows, states, strict=True)])
            if setup.scheduler is not None and not setup.per_batch:
                # validate() refuses plateau without a validation split, and a stack refuses plateau altogether
                setup.scheduler.step(rows[0].val_loss) if cfg.scheduler == "plateau" else setup.scheduler.step()
            log(said_epoch(rows, cfg.epochs, time.perf_counter() - start, data.stacked))
            if on_epoch is not None:
                on_epoch(rows[0].row())  # metrics.json's row: what callers outside the loop read
            for g, record in enumerate(records if last else []):  # each seed's last test logits: its pictures, report
                record.test_logits = torch.cat([b[:, g] if b.dim() == 3 else b for b in last])
        writes.close()
        for record in records:  # each its own: its finish's seconds are added to it
            record.run.timing = clock.run_timing(setup, data, startup, process_s, record.checkpoint_s, parts)
    except BaseException as err:  # Ctrl-C or an error: the folders are left consistent, the MLflow runs say so too
        with contextlib.suppress(BaseException):  # an epoch's writes in flight land first (their own error is `err`)
            writes.close()
        for record in records:
            record.stop(err)
        if isinstance(err, KeyboardInterrupt):
            raise KeyboardInterruptInRun(records[0].run_dir, len(records[0].run.epochs)) from None
        raise


def train(cfg: TrainConfig, quiet: bool = False, log=print, on_epoch: Callable[[dict[str, Any]], None] | None = None,
          budget: Budget = BUDGET, source: models.Source | None = None, beside: Callable | None = None) -> RunResult:
    """Train one model end to end: a run folder with config, metrics and checkpoint (pictures and report.md are
    the caller's: `report.write_artifacts`). `cfg` is resolved (a plan's: `lifecycle.make`), `source` its model
    where the caller has read it already. `on_epoch(row)` sees every epoch's metrics (on a CPU after they are
    saved; on a GPU while they are written beside the next epoch; search stops hopeless trials from there by raising,
    and the writes land first). `budget`: what it will be judged by (recorded); `beside(fn, args)`: a job elsewhere."""
    began, watch = time.perf_counter(), clock.Stopwatch()
    require_resolved(cfg)
    device = pick_device(cfg.device)
    source, setup, data = seed_setup(cfg, device, budget, quiet, source, watch)
    record = RunRecord(cfg, source, models.count_params(setup.model), device, len(data.train[0]), setup.model, budget,
                       beside=beside)
    fit(cfg, setup, data, [record], lambda g: setup.evaluated, log=log, quiet=quiet, on_epoch=on_epoch, began=began,
        parts={**clock.take(), **watch.lap("records_s").seconds})
    return record.finish(setup.evaluated, data.test, data.digits)


def seed_setup(cfg: TrainConfig, device: torch.device, budget: Budget, quiet: bool = True,
               source: models.Source | None = None, watch: clock.Stopwatch | None = None
               ) -> tuple[models.Source, Setup, Data]:
    """One seed's model, optimiser and data, every draw in the order a run makes them (the arithmetic pinned first);
    `watch` laps its parts (`Timing`'s `cuda_s`, `data_s`, `model_s`)."""
    ensure_arithmetic(cfg)
    torch.manual_seed(cfg.seed)
    if cuda_context(device):
        clock.lap(watch, "cuda_s")
    full_train, test_split = load_splits(cfg, device, quiet)
    train_split, val_split = mnist.train_val_split(full_train, cfg.val_split, cfg.seed)
    clock.lap(watch, "data_s")
    source = source or models.resolve(cfg.model)  # once: the model and its recorded origin come from the same read
    model = training_model(source, device)
    setup = Setup.of(cfg, model, len(train_split), budget=budget)
    clock.lap(watch, "model_s")
    return source, setup, Data([train_split], [torch.Generator().manual_seed(cfg.seed)], [val_split], test_split,
                               digits=full_train.images[:DIGITS_SHOWN].cpu())
