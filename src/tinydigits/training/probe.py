"""What a run's layers do, read without touching them: the ReLU outputs on test images (zeros, channels never active,
mean and spread) once finished, and each layer's gradient norm sampled while training. Pure reads - no weight, no
random generator and no batch-norm statistic moves - so a run's curve and bits are the same with them."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from tinydigits.data import mnist
from tinydigits.models.registry import eval_mode
from tinydigits.training.device import input_layout

STATS_IMAGES = 2000  # test images the layer statistics are measured on (a fraction of a second on a CPU)
GRAD_EVERY = 50  # a gradient norm sampled every this many steps (not every step: its cost stays out of the epoch)


def layer_stats(model: nn.Module, split: mnist.Split, images: int = STATS_IMAGES) -> list[dict[str, Any]]:
    """Per ReLU (in execution order): the share of its outputs at zero, the channels never active on any of
    `images` test images (dead units), and the mean and spread of its outputs."""
    rows: dict[nn.Module, dict[str, Any]] = {}
    names = {m: n for n, m in model.named_modules()}

    def hook(module, _inputs, out):
        out = out.detach().float()
        row = rows.setdefault(module, {"layer": names[module], "zeros": 0, "values": 0, "sum": 0.0, "sq": 0.0,
                                       "active": torch.zeros(out.shape[1], dtype=torch.bool)})
        row["zeros"] += out.numel() - int(torch.count_nonzero(out))  # NaN counts as not zero, as `out == 0` says
        row["values"] += out.numel()
        row["sum"] += float(out.sum())
        row["sq"] += float((out * out).sum())
        row["active"] |= _active(out).cpu()

    relus = [m for m in model.modules() if isinstance(m, nn.ReLU | nn.ReLU6 | nn.LeakyReLU)]
    handles = [m.register_forward_hook(hook) for m in relus]
    try:
        with eval_mode(model), torch.no_grad():
            sub = split.subset(torch.arange(min(images, len(split))))
            for x, _ in mnist.batches(sub, 500):
                model(input_layout(x))
    finally:
        for h in handles:
            h.remove()
    return [_finish(row, len(sub)) for row in rows.values()]


def _active(out: torch.Tensor) -> torch.Tensor:
    """Per channel (dimension 1), whether any output is above zero: reduced over the batch first, without the
    channel-major copy of every output a transpose would make."""
    positive = (out > 0).any(0)
    return positive.flatten(1).any(1) if positive.dim() > 1 else positive


def _finish(row: dict[str, Any], images: int) -> dict[str, Any]:
    mean = row["sum"] / row["values"]
    dead = [int(i) for i in torch.nonzero(~row["active"]).flatten()]
    return {"layer": row["layer"], "zero_share": row["zeros"] / row["values"], "channels": len(row["active"]),
            "dead_channels": dead, "mean": mean, "std": max(row["sq"] / row["values"] - mean * mean, 0.0) ** 0.5,
            "images": images}




class GradProbe:
    """Each weighted layer's gradient norm, sampled at an epoch's first step and every GRAD_EVERY steps after it, once
    the optimiser has stepped (the gradients stay until the next step's zero_grad), averaged per epoch. The norms stay
    on the device until the epoch ends (read then, in the order taken): a sample never makes a GPU's host wait."""

    def __init__(self, model: nn.Module) -> None:
        self.layers = [(n, m.weight) for n, m in model.named_modules()
                       if isinstance(getattr(m, "weight", None), torch.Tensor) and not list(m.children())]
        self.steps, self.taken, self.epochs = 0, [], []

    def step(self) -> None:
        self.steps += 1  # within the epoch: its first step and every GRAD_EVERY-th after it
        if (self.steps - 1) % GRAD_EVERY:
            return
        self.taken += [(name, weight.grad.detach().norm()) for name, weight in self.layers if weight.grad is not None]

    def end_epoch(self) -> dict[str, float]:
        sums: dict[str, tuple[float, int]] = {}
        for name, norm in self.taken:
            total, count = sums.get(name, (0.0, 0))
            sums[name] = (total + float(norm), count + 1)
        means = {name: total / count for name, (total, count) in sums.items()}
        self.epochs.append(means)
        self.taken, self.steps = [], 0
        return means
