"""What a run trains with, made from its config: the model in the training layout, the optimiser, the learning-rate
schedule and the EMA of the weights (timm's warm-up). Kept apart from the loop so `bench` builds the very same parts."""

from __future__ import annotations

import copy
import itertools
import json
import math
import warnings
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from tinydigits import models
from tinydigits.constants import ONECYCLE_DIV, ONECYCLE_FINAL_DIV, ONECYCLE_WARMUP
from tinydigits.errors import TinyDigitsError
from tinydigits.models.registry import eval_mode
from tinydigits.training import optimizers
from tinydigits.training.config import TrainConfig
from tinydigits.training.device import input_layout, model_layout


def seed_losses(logits: torch.Tensor, y: torch.Tensor, label_smoothing: float = 0.0, fused: bool = False) -> torch.Tensor:
    """Mean cross-entropy: logits [B, 10] and labels [B] give one number; a stack of G seeds' logits [B, G, 10]
    and labels [B, G] give [G], each seed's own mean, whose sum gives every seed exactly its own gradients. `fused`:
    the G means from one call (a GPU's way: one kernel whatever G), else one call per seed, the very op `train`
    runs, so a CPU's stack of one is bit-identical to it."""
    if logits.dim() == 3:
        if fused:
            return F.cross_entropy(logits.permute(0, 2, 1), y, label_smoothing=label_smoothing, reduction="none").mean(0)
        return torch.stack([F.cross_entropy(logits[:, g], y[:, g], label_smoothing=label_smoothing)
                            for g in range(logits.shape[1])])
    return F.cross_entropy(logits, y, label_smoothing=label_smoothing)


ADAM_BETAS, ADAM_EPS = (0.9, 0.999), 1e-8  # PyTorch's defaults, given by name so that the record can say them


def optimizer_args(cfg: TrainConfig) -> tuple[type[torch.optim.Optimizer], dict[str, Any]]:
    """The optimiser's class and every argument it is built with: what `make_optimizer` builds and what config.json
    records (`built_with`), from one place - SGD's momentum and Nesterov, Adam's and AdamW's betas and eps. The
    classes are torch's, taken without its compiler (`training.optimizers`)."""
    if cfg.optimizer == "sgd":
        return optimizers.SGD, {"lr": cfg.lr, "momentum": cfg.momentum, "nesterov": cfg.momentum > 0,
                                "weight_decay": cfg.weight_decay}
    cls = optimizers.Adam if cfg.optimizer == "adam" else optimizers.AdamW
    return cls, {"lr": cfg.lr, "betas": ADAM_BETAS, "eps": ADAM_EPS, "weight_decay": cfg.weight_decay}


def make_optimizer(cfg: TrainConfig, params) -> torch.optim.Optimizer:
    cls, kwargs = optimizer_args(cfg)
    return cls(params, **kwargs)


ONECYCLE_MOMENTUM = (0.85, 0.95)  # OneCycleLR's own range: momentum falls to 0.85 as the rate peaks, back to 0.95


def cycled_momentum(cfg) -> tuple[float, float] | None:
    """The momentum range (SGD's momentum, Adam's first beta) a one-cycle schedule cycles against the rate, in place
    of the one set, or None where it stays as set: another schedule, or plain SGD (cycling would give its 0 a
    momentum)."""
    if cfg.scheduler != "onecycle" or (cfg.optimizer == "sgd" and not cfg.momentum):
        return None
    return ONECYCLE_MOMENTUM


def scheduler_args(cfg: TrainConfig, total_steps: int) -> tuple[type | None, dict[str, Any], bool]:
    """The schedule's class, every argument it is built with (beside the optimiser) and whether it steps every batch:
    what `make_scheduler` builds and what config.json records (`built_with`), from one place. One-cycle steps every
    batch (`total_steps` in the run), the others once an epoch; None where the rate stays as set."""
    if cfg.scheduler == "onecycle":
        total = total_steps
        if total < 4:  # too few steps for a warm-up and an annealing phase: constant rate
            return None, {}, False
        cycled = cycled_momentum(cfg)
        return torch.optim.lr_scheduler.OneCycleLR, {  # warm-up >= 2 steps: OneCycleLR divides by its length
            "max_lr": cfg.lr, "total_steps": total, "pct_start": max(ONECYCLE_WARMUP, 2.0 / total),
            "div_factor": ONECYCLE_DIV, "final_div_factor": ONECYCLE_FINAL_DIV, "cycle_momentum": cycled is not None,
            **({"base_momentum": cycled[0], "max_momentum": cycled[1]} if cycled else {}),
        }, True
    if cfg.scheduler == "step":
        return torch.optim.lr_scheduler.StepLR, {"step_size": cfg.step_every(), "gamma": cfg.step_gamma}, False
    if cfg.scheduler == "plateau":
        return torch.optim.lr_scheduler.ReduceLROnPlateau, {"factor": cfg.plateau_factor,
                                                            "patience": cfg.plateau_patience}, False
    return None, {}, False


def make_scheduler(cfg: TrainConfig, opt: torch.optim.Optimizer, total_steps: int):
    """Returns (scheduler, per_batch): one-cycle steps every batch (`total_steps` in the run), the others once an epoch."""
    cls, kwargs, per_batch = scheduler_args(cfg, total_steps)
    return (None, False) if cls is None else (cls(opt, **kwargs), per_batch)


def built_with(cfg: TrainConfig, total_steps: int) -> dict[str, Any]:
    """What config.json records of the optimiser and schedule as PyTorch built them (`optimizer_args`,
    `scheduler_args`): each class and its arguments, so that a run says what it used - Adam's betas, not a momentum it
    never had; a one-cycle's div factors with the rates it starts and ends at."""
    cls, kwargs = optimizer_args(cfg)
    optimizer = {"class": f"torch.optim.{cls.__name__}", **{k: v for k, v in kwargs.items() if k != "lr"}}
    schedule, args, _ = scheduler_args(cfg, total_steps)
    scheduler = None if schedule is None else {"class": f"torch.optim.lr_scheduler.{schedule.__name__}", **args}
    if schedule is torch.optim.lr_scheduler.OneCycleLR:
        start = args["max_lr"] / args["div_factor"]
        scheduler |= {"start_lr": start, "end_lr": start / args["final_div_factor"]}
    return json.loads(json.dumps({"optimizer_args": optimizer, "scheduler_args": scheduler}))


def schedule_batches(cfg: TrainConfig, images: int, keep_last: int) -> tuple[list[int], int]:
    """Each planned epoch's batches (`images` at that epoch's batch size) and the per-batch schedule's length: with a
    rate floor the cycle spans the epochs before it (`keep_last`: the budget's judged epochs, which schedules keep
    clear of)."""
    steps = [math.ceil(images / batch) for _, batch in cfg.plan(keep_last=keep_last)]
    return steps, sum(steps[:len(steps) - cfg.lr_floor_last])


REPLAY_LIMIT = 200_000  # batches: a longer one-cycle run is not replayed (seconds of scheduler steps for a picture)


def replay_rates(cfg: TrainConfig, images: int, keep_last: int) -> list[list[float]] | None:
    """The rate each batch of each planned epoch starts with, as a per-batch schedule (one-cycle) sets it: the run's
    optimiser and scheduler built again on a throwaway parameter and stepped as `train.Setup.step_schedule` steps
    them (a batch schedule's smaller batches then scale it for their step). None where no schedule steps every batch,
    or the run had more than REPLAY_LIMIT batches."""
    steps, cycle = schedule_batches(cfg, images, keep_last)
    if sum(steps) > REPLAY_LIMIT:
        return None
    opt = make_optimizer(cfg, [nn.Parameter(torch.zeros(1))])
    scheduler, per_batch = make_scheduler(cfg, opt, cycle)
    if not per_batch:
        return None
    last = cycle - 1 if cfg.lr_floor_last else cycle
    rates = []
    with warnings.catch_warnings():  # stepped without optimiser steps: nothing here is trained
        warnings.simplefilter("ignore", UserWarning)
        for batches in steps:
            epoch = []
            for _ in range(batches):
                epoch.append(opt.param_groups[0]["lr"])
                if scheduler.last_epoch < last:
                    scheduler.step()
            rates.append(epoch)
    return rates


def training_model(ref: str | models.Source, device: str | torch.device = "cpu") -> nn.Module:
    """A fresh model (any `--model` reference, or one already resolved) in the layout training feeds it."""
    source = models.resolve(ref) if isinstance(ref, str) else ref
    return model_layout(source.create(), device)


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


EMA_WARMUP_POWER = 0.75  # timm's ModelEmaV3 warm-up (gamma 1, power 3/4: its advice for runs under a million steps)


def ema_decay(decay: float, updates: int) -> float:
    """The EMA's decay at its `updates`-th update: 1 - (1 + updates)^-3/4, capped at `decay`.

    Without a warm-up an EMA of decay 0.999 started from the initial weights still holds e^-1 of them after
    1,000 steps, so a 1-epoch run evaluated mostly untrained weights (83.7 %). The ramp reaches 0.99 after
    463 updates and 0.999 after 10,000 (epoch 11 of a 15-epoch run at batch 64), so the judged epochs of a
    full run average as before."""
    return min(decay, 1.0 - (1.0 + updates) ** -EMA_WARMUP_POWER)


def last_decay(decay: float, updates: int) -> float:
    """The decay the last of an EMA's `updates` took (the first copies the weights: 0)."""
    return ema_decay(decay, updates - 1) if updates > 1 else 0.0


def held_by(opt: torch.optim.Optimizer) -> dict[str, Any]:
    """What the optimiser's next step takes beside its rate, as metrics.json records it each epoch: SGD's momentum (a
    one-cycle cycles it), or Adam's and AdamW's betas (a one-cycle cycles the first) - never a momentum Adam lacks."""
    group = opt.param_groups[0]
    if "betas" in group:
        return {"betas": [float(b) for b in group["betas"]]}
    return {"momentum": group["momentum"]} if "momentum" in group else {}


def make_ema(model: nn.Module, decay: float) -> Ema | None:
    """An EMA of the weights and buffers (batch-norm statistics) with timm's warm-up; None when `decay` is 0."""
    return Ema(model, decay) if decay else None


class Ema:
    """An exponential moving average of a model's parameters and buffers, `module` the averaged copy: the first
    update copies the weights, the n-th (n >= 1) moves each float towards the model's by 1 - `ema_decay(decay, n)`.

    Written here rather than torch's `AveragedModel` because that one keeps its count on the device and reads it
    back every update (a wait for a GPU each step) and averages integer buffers one tensor at a time; here the count
    is a host integer and every tensor moves in a few foreach operations. The same numbers as `AveragedModel` with
    this rule, to the bit, on a CPU (tests)."""

    def __init__(self, model: nn.Module, decay: float) -> None:
        self.module, self.decay, self.updates = copy.deepcopy(model), decay, 0

    @property
    def taken(self) -> int:
        """The updates it has had (as a GPU's graphed step counts its steps, each one update)."""
        return self.updates

    @staticmethod
    def tensors_of(model: nn.Module) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
        """(float tensors, integer tensors): parameters then buffers, detached, in the module's order."""
        tensors = [t.detach() for t in itertools.chain(model.parameters(), model.buffers())]
        return ([t for t in tensors if torch.is_floating_point(t)], [t for t in tensors if not torch.is_floating_point(t)])

    @torch.no_grad()
    def update_parameters(self, model: nn.Module) -> None:
        (mine, my_ints), (theirs, their_ints) = self.tensors_of(self.module), self.tensors_of(model)
        if self.updates == 0:
            torch._foreach_copy_(mine + my_ints, theirs + their_ints)
        else:
            weight = 1.0 - ema_decay(self.decay, self.updates)
            torch._foreach_lerp_(mine, theirs, weight)
            if my_ints:  # batch norm's integer step counters, averaged as torch's own EMA treats them
                blend = torch._foreach_add(torch._foreach_mul(my_ints, 1 - weight), torch._foreach_mul(their_ints, weight))
                torch._foreach_copy_(my_ints, blend)
        self.updates += 1
