"""The training loop, top to bottom: data as tensors on the device, augmentation per batch, one optimiser step
per batch, an evaluation per epoch. One loop serves a single run and a stack of seeds trained as one network
(`training.stack`); the run's files, events and MLflow run are `training.record`'s."""

from __future__ import annotations

import contextlib
import math
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.swa_utils import AveragedModel

from tinydigits import models
from tinydigits.constants import BUDGET, Budget
from tinydigits.data import mnist
from tinydigits.errors import TinyDigitsError
from tinydigits.models.registry import eval_mode
from tinydigits.training.config import TrainConfig
from tinydigits.training.device import infer, input_layout, model_layout, pick_device
from tinydigits.training.ranks import Ranks
from tinydigits.training.record import EpochStats, KeyboardInterruptInRun, RunRecord, RunResult, epoch_line, epoch_row


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
            cycle_momentum=cfg.optimizer != "sgd" or cfg.momentum > 0,  # else it would cycle plain SGD's 0 to 0.85-0.95
        ), True
    if cfg.scheduler == "step":
        return torch.optim.lr_scheduler.StepLR(opt, step_size=max(1, cfg.epochs // 3), gamma=0.1), False
    if cfg.scheduler == "plateau":
        return torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.1, patience=2), False
    return None, False


def evaluate(model: nn.Module, split: mnist.Split | list[mnist.Split], batch_size: int = 1000,
             keep: list[torch.Tensor] | None = None):
    """(mean cross-entropy, accuracy %) over a split, in eval mode: the one accuracy loop of training. A stack of G
    seeds (`training.stack`: logits [B, G, 10]) takes a list of G splits and gives a list of G pairs, in one pass.
    `keep`: a list that gets each batch's logits ([B, 10], or [B, G, 10]) - the last epoch's feed the pictures and
    report (`results.predictions.from_logits`), so a finished run needs no second pass over the test set."""
    splits = split if isinstance(split, list) else [split]
    loss_sum = correct = 0
    with eval_mode(model):
        for group in zip(*(mnist.batches(s, batch_size) for s in splits), strict=True):
            logits = infer(model, input_layout(torch.cat([x for x, _ in group], 1)))
            if keep is not None:
                keep.append(logits.detach().cpu())
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


def train_step(model: nn.Module, opt: torch.optim.Optimizer, x: torch.Tensor, y: torch.Tensor, cfg: TrainConfig, *,
               lr_scale: float = 1.0):
    """Forward (bf16 autocast when configured), backward, optimiser step at `lr_scale` times the scheduler's
    rate (a batch-size schedule's linear scaling); returns (loss, logits) - per seed for a stack of seeds."""
    with torch.autocast(x.device.type, dtype=torch.bfloat16, enabled=cfg.precision == "bf16"):
        logits = model(input_layout(x))
        loss = seed_losses(logits, y, cfg.label_smoothing)
    opt.zero_grad(set_to_none=True)
    loss.sum().backward()
    optimizer_step(opt, lr_scale)
    return loss, logits


def ranked_step(model: nn.Module, opt: torch.optim.Optimizer, shares: list[tuple[torch.Tensor, torch.Tensor]],
                cfg: TrainConfig, ranks: Ranks, *, lr_scale: float = 1.0) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """One step of a seed's ranks (`training.ranks`): each share of this process forward and backward (a later one
    keeps rank 0's batch-norm statistics), the gradients averaged over every rank, one optimiser step; returns each
    share's (loss, logits)."""
    opt.zero_grad(set_to_none=True)
    out = []
    for i, (x, y) in enumerate(shares):
        if i:
            ranks.keep_buffers(model)
        with torch.autocast(x.device.type, dtype=torch.bfloat16, enabled=cfg.precision == "bf16"):
            logits = model(input_layout(x))
            loss = seed_losses(logits, y, cfg.label_smoothing)
        loss.backward()
        if i:
            ranks.restore_buffers(model)
        out.append((loss, logits))
    ranks.average(model)
    optimizer_step(opt, lr_scale)
    return out


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
    ema: AveragedModel | None = None
    plan: list[tuple[int, int]] | None = None

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
        scheduler, per_batch = make_scheduler(cfg, opt, sum(math.ceil(images / batch) for _, batch in plan))
        return cls(model, opt, scheduler, per_batch, ema, plan)


@dataclass
class Data:
    """What the seeds train on: per seed a training split, its generator (order and augmentation) and its
    validation split (None without `--val-split`); one test split. `stacked`: the seeds are one stacked network
    (inputs side by side in channels, logits [B, G, 10]); else there is one seed and a plain model."""

    train: list[mnist.Split]
    generators: list[torch.Generator]
    val: list[mnist.Split | None]
    test: mnist.Split
    stacked: bool = False
    ranks: Ranks | None = None  # the seed's data-parallel ranks this process computes (`training.ranks`), if R > 1


def scheduled_step(setup: Setup, x, y: torch.Tensor | None, cfg: TrainConfig, size: int, batch_size: int,
                   ranks: Ranks | None = None):
    """One batch: inputs at `size` (downscaled after augmentation), the step at the batch's learning-rate scale
    (a batch schedule scales it linearly), the per-batch scheduler and the EMA; returns (loss, logits), or with
    `ranks` a list of them, one per share of this process (`x` then the shares)."""
    resize = lambda t: t if size == t.shape[-1] else F.interpolate(t, size=(size, size), mode="bilinear",
                                                                   antialias=True, align_corners=False)
    with torch.profiler.record_function("step"):  # labels for `bench --profile`; next to nothing when not profiling
        if ranks is not None:  # x: this process's shares of the batch
            out = ranked_step(setup.model, setup.opt, [(resize(a), b) for a, b in x], cfg, ranks,
                              lr_scale=batch_size / cfg.batch_size)
        else:
            out = train_step(setup.model, setup.opt, resize(x), y, cfg, lr_scale=batch_size / cfg.batch_size)
        if setup.per_batch:
            setup.scheduler.step()
    if setup.ema is not None:
        with torch.profiler.record_function("ema"):
            setup.ema.update_parameters(setup.model)
    return out


def train_epoch(setup: Setup, data: Data, cfg: TrainConfig, *, size: int = 28, batch_size: int | None = None,
                progress=None, prefetch: bool = True) -> list[EpochStats]:
    """One pass of every seed over its own shuffled, augmented split at `size` x `size` and `batch_size` (default
    the config's): one optimiser step per batch for all seeds. Loss and accuracy stay on the device (no sync per
    step) unless a progress bar shows them. `prefetch`: the next batches made in a thread of their own (`ahead`; off
    for `bench --profile`, whose profiler sees this thread). Returns each seed's figures."""
    setup.model.train()
    augment = cfg.augment()
    batch_size = batch_size or cfg.batch_size
    if data.ranks is not None:
        return _ranked_epoch(setup, data, cfg, augment, size, batch_size, progress, prefetch)
    loss_sum = correct = 0
    seen, start = 0, time.perf_counter()
    streams = [mnist.batches(s, batch_size, g, augment) for s, g in zip(data.train, data.generators, strict=True)]
    groups = zip(*streams, strict=True)
    for group in (ahead(groups) if prefetch and data.train[0].images.device.type == "cpu" else groups):
        if data.stacked:  # seed g's images in its own channels, its labels in column g
            x, y = torch.cat([x for x, _ in group], 1), torch.stack([y for _, y in group], 1)
        else:
            x, y = group[0]
        loss, logits = scheduled_step(setup, x, y, cfg, size, batch_size)
        loss_sum = loss_sum + loss.detach().float() * len(y)
        correct = correct + (logits.argmax(-1) == y).sum(0)
        seen += len(y)
        if progress is not None:
            elapsed = time.perf_counter() - start
            progress.update(len(y))
            progress.set_postfix(loss=f"{float(loss_sum.sum()) / seen:.4f}", ips=f"{seen / elapsed:.0f}",
                                 acc=f"{100 * int(correct.sum()) / seen:.2f}", refresh=False)  # redraws on its own
    seconds = time.perf_counter() - start
    return [EpochStats(loss / seen, 100.0 * c / seen, seen, seconds)
            for loss, c in zip(loss_sum.reshape(-1).tolist(), correct.reshape(-1).tolist(), strict=True)]


def _ranked_epoch(setup: Setup, data: Data, cfg: TrainConfig, augment, size: int, batch_size: int, progress,
                  prefetch: bool) -> list[EpochStats]:
    """`train_epoch` for a seed's ranks: this process's shares of every batch, one step each; the epoch's loss and
    accuracy summed per rank, then over all ranks (the same sum whether the ranks are here or in processes)."""
    ranks = data.ranks
    sums = [torch.zeros(3, dtype=torch.float64) for _ in ranks.mine]  # loss x images, correct, images
    start = time.perf_counter()
    batches = ranks.batches(data.train[0], batch_size, data.generators[0], augment)
    for shares in (ahead(batches) if prefetch and data.train[0].images.device.type == "cpu" else batches):
        out = scheduled_step(setup, shares, None, cfg, size, batch_size, ranks=ranks)
        for i, ((loss, logits), (_, y)) in enumerate(zip(out, shares, strict=True)):
            sums[i] += torch.stack([loss.detach().double() * len(y), (logits.argmax(-1) == y).sum().double(),
                                    torch.tensor(float(len(y)), dtype=torch.float64)])
        if progress is not None:
            progress.update(sum(len(y) for _, y in shares))
    loss_sum, correct, seen = ranks.total(sums).tolist()
    return [EpochStats(loss_sum / seen, 100.0 * correct / seen, int(seen), time.perf_counter() - start)]


def ahead(batches: Iterator, depth: int = 2) -> Iterator:
    """The batches made one or two ahead in a thread of their own while the step runs, so a one-thread seed on a
    2-core CPU augments on the other core (a whole default run 1.1x cheaper, docs/speed.md). The same bits in the
    same order: augmentation draws only from the seed's own generator, and only this thread draws from it.
    Hand-written rather than a DataLoader: the batches are already tensors, and its worker processes would copy them."""
    import queue
    import threading

    done, stop = object(), threading.Event()
    made: queue.Queue = queue.Queue(maxsize=depth)

    def offer(item) -> bool:
        """Put `item` in the queue unless the loop has stopped taking them (then False)."""
        while not stop.is_set():
            try:
                made.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in batches:
                if not offer(item):
                    return
            offer(done)
        except BaseException as err:  # handed to the loop, which raises it there
            offer(err)

    thread = threading.Thread(target=produce, daemon=True, name="tinydigits-batches")
    thread.start()
    try:
        while (item := made.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:  # the loop ended early (an error, Ctrl-C, a pruned trial): the thread stops at its next batch
        stop.set()
        thread.join()


def load_splits(cfg: TrainConfig, device: torch.device, quiet: bool = True) -> tuple[mnist.Split, mnist.Split]:
    """(train, test) on the device; train cut to `--train-limit` (the validation split is the seed's to draw)."""
    train_split = mnist.load_split("train", cfg.data_dir, device, quiet)
    test_split = mnist.load_split("test", cfg.data_dir, device, quiet)
    if cfg.train_limit:
        train_split = train_split.subset(torch.arange(min(cfg.train_limit, len(train_split))))
    return train_split, test_split


def fit(cfg: TrainConfig, setup: Setup, data: Data, records: list[RunRecord], weights_of: Callable[[int], nn.Module], *,
        log=print, quiet: bool = True, on_epoch: Callable[[dict[str, Any]], None] | None = None) -> None:
    """The epochs of a run (one record) or a stack (one record per seed): train, recompute batch norm, evaluate,
    step an epoch-wise scheduler (the plateau one on the validation loss, never the test loss), then hand each
    seed's row and weights (`weights_of(g)`) to its record. Ctrl-C or an error leaves every folder consistent."""
    from tqdm import tqdm

    evaluated, seeds = setup.evaluated, len(records)
    try:
        for epoch in range(1, cfg.epochs + 1):
            start, lr = time.perf_counter(), setup.opt.param_groups[0]["lr"]
            size, batch = setup.plan[epoch - 1]
            bar = None if quiet or data.stacked else tqdm(total=len(data.train[0]), unit="img", leave=False,
                                                          desc=f"epoch {epoch}/{cfg.epochs}")
            try:
                stats = train_epoch(setup, data, cfg, size=size, batch_size=batch, progress=bar)
            finally:  # cleared before any error line too
                if bar is not None:
                    bar.close()
            # Lists of one split per seed: a plain model is a stack of one to `recompute_bn` and `evaluate`.
            recompute_bn(evaluated, data.train, cfg.bn_recompute)
            last = [] if epoch == cfg.epochs else None
            tests = evaluate(evaluated, [data.test] * seeds, keep=last)
            vals = evaluate(evaluated, data.val) if data.val[0] is not None else None
            rows = [epoch_row(epoch, stats[g], tests[g], lr, start, size, batch) for g in range(seeds)]
            for g, row in enumerate(rows):
                if vals is not None:
                    row["val_loss"], row["val_acc"] = vals[g]
                records[g].epoch(row, weights_of(g))
            if setup.scheduler is not None and not setup.per_batch:
                # validate() refuses plateau without a validation split, and a stack refuses plateau altogether
                setup.scheduler.step(rows[0]["val_loss"]) if cfg.scheduler == "plateau" else setup.scheduler.step()
            if data.stacked:
                log(f"epoch {epoch:>2}/{cfg.epochs}  test acc " + " ".join(f"{t[1]:.2f}" for t in tests)
                    + f"  {time.perf_counter() - start:.1f}s")
            else:
                log(epoch_line(rows[0], cfg.epochs))
            if on_epoch is not None:
                on_epoch(rows[0])
            if last:  # each seed's test logits, for its pictures and report
                for g, record in enumerate(records):
                    record.test_logits = torch.cat([b[:, g] if b.dim() == 3 else b for b in last])
    except BaseException as err:  # Ctrl-C or an error: the folders are left consistent, the MLflow runs say so too
        for record in records:
            record.stop(err)
        if isinstance(err, KeyboardInterrupt):
            raise KeyboardInterruptInRun(records[0].run_dir, len(records[0].metrics["epochs"])) from None
        raise


def ensure_arithmetic(cfg: TrainConfig) -> None:
    """A seed never trains silently in another arithmetic than its config records: a portable one pins this process
    to AVX2 (or refuses in one line where torch already runs other kernels: `tinydigits.train` then trains it in a
    fresh process), and its threads are set."""
    if cfg.portable:
        from tinydigits.training.device import pin_portable

        if why := pin_portable():
            raise PortableUnavailable(f"a portable seed cannot train here: {why}")
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    if cfg.deterministic and pick_device(cfg.device).type == "cuda":
        from tinydigits.training.device import deterministic_cuda

        deterministic_cuda()


def require_resolved(cfg: TrainConfig) -> None:
    """Training takes a config whose recipe is filled in: one resolved by its plan, never re-resolved below it."""
    if cfg.epochs is None or cfg.lr is None or cfg.precision not in ("fp32", "bf16") or cfg.batch_size is None:
        raise TypeError("training takes a resolved TrainConfig: tinydigits.cluster.plan.make(cfg).config")


class PortableUnavailable(TinyDigitsError):
    """This process cannot train a portable seed (its kernels are fixed in another instruction set)."""


def train(cfg: TrainConfig, quiet: bool = False, log=print, on_epoch: Callable[[dict[str, Any]], None] | None = None,
          budget: Budget = BUDGET, source: models.Source | None = None) -> RunResult:
    """Train one model end to end: a run folder with config, metrics and checkpoint (pictures and report.md are
    the caller's: `report.write_artifacts`). `cfg` is resolved (a plan's: `cluster.plan.make`), `source` its model
    where the caller has read it already. `on_epoch(row)` sees every epoch's metrics after they are saved
    (search stops hopeless trials from there by raising). `budget`: what the run will be judged by (recorded)."""
    require_resolved(cfg)
    device = pick_device(cfg.device)
    source, setup, data = seed_setup(cfg, device, budget, quiet, source)
    model = setup.model
    with seed_ranks(cfg, budget) as ranks:
        record = RunRecord(cfg, source, models.count_params(model), device, len(data.train[0]), model, budget)
        data.ranks = ranks
        fit(cfg, setup, data, [record], lambda g: setup.evaluated, log=log, quiet=quiet, on_epoch=on_epoch)
    return record.finish(setup.evaluated, data.test)


def seed_setup(cfg: TrainConfig, device: torch.device, budget: Budget, quiet: bool = True,
               source: models.Source | None = None) -> tuple[models.Source, Setup, Data]:
    """One seed's model, optimiser and data, every draw in the order a run makes them: what rank 0 (`train`) and
    the other ranks (`follow`) share, so their weights start and stay the same."""
    ensure_arithmetic(cfg)
    torch.manual_seed(cfg.seed)
    full_train, test_split = load_splits(cfg, device, quiet)
    train_split, val_split = mnist.train_val_split(full_train, cfg.val_split, cfg.seed)
    source = source or models.resolve(cfg.model)  # once: the model and its recorded origin come from the same read
    model = training_model(source, device)
    setup = Setup.of(cfg, model, len(train_split), budget=budget)
    return source, setup, Data([train_split], [torch.Generator().manual_seed(cfg.seed)], [val_split], test_split)


@contextlib.contextmanager
def seed_ranks(cfg: TrainConfig, budget: Budget) -> Iterator[Ranks | None]:
    """A seed's ranks for this process: None for one rank; all of them here where the seed has fewer cores than
    ranks (a slot of `check --jobs 2`) or its model lives only in this process; else rank 0 here and the others in
    processes of their own (`follow`), joined over gloo on 127.0.0.1. The same bits either way (`training.ranks`)."""
    import multiprocessing
    import socket

    from tinydigits.training.ranks import cores_for_a_seed
    from tinydigits.training.runs import INLINE

    if cfg.ranks == 1:
        yield None
        return
    if cores_for_a_seed() < cfg.ranks or INLINE in cfg.model:
        yield Ranks.in_one_process(cfg.ranks, cfg.seed)
        return
    with socket.socket() as probe:  # a free port on loopback for the ranks' rendezvous
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Event()  # set by each follower once set up: a follower gone before it joins is seen, not waited for
    others = [ctx.Process(target=follow, args=(cfg, r, port, budget, os.getpid(), ready), daemon=True,
                          name=f"tinydigits-rank{r}") for r in range(1, cfg.ranks)]
    for p in others:
        p.start()
    ranks = None
    try:
        wait_until_ready(ready, others)
        ranks = Ranks.one_of(cfg.ranks, 0, cfg.seed, port)
        yield ranks
    finally:
        if ranks is not None:
            ranks.close()
        for p in others:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()


def wait_until_ready(ready, others: list) -> None:
    """Until the followers are set up (and about to join): RankLost at once where one has stopped instead of a wait
    for it as long as gloo's timeout."""
    from tinydigits.training.ranks import RankLost

    while not ready.wait(0.2):
        for p in others:
            if not p.is_alive():
                raise RankLost(f"{p.name} of this seed stopped before it joined (exit code {p.exitcode})")


def follow(cfg: TrainConfig, rank: int, port: int, budget: Budget, parent: int, ready=None) -> None:
    """Rank `rank` of a seed, in its own process: the same model, data order and optimiser as rank 0 (the same
    draws in the same order), its own share of every batch; no evaluation, no EMA, no files. Ends when rank 0's
    process does."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
    _, setup, data = seed_setup(cfg, pick_device(cfg.device), budget)
    setup.ema = None
    if ready is not None:
        ready.set()
    data.ranks = ranks = Ranks.one_of(cfg.ranks, rank, cfg.seed, port)
    try:
        for epoch in range(cfg.epochs):
            size, batch = setup.plan[epoch]
            train_epoch(setup, data, cfg, size=size, batch_size=batch)
            if setup.scheduler is not None and not setup.per_batch:
                setup.scheduler.step()  # plateau is refused with ranks: it reads rank 0's validation loss
    finally:
        ranks.close()
