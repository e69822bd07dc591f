"""What a run's layers do, read without touching them: the ReLU outputs on test images (zeros, channels never active,
mean and spread) of the finished model (in a CPU run's last test pass, else a pass of their own), and each layer's
gradient norm sampled while training. Pure reads - no weight, no
random generator and no batch-norm statistic moves - so a run's curve and bits are the same with them."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from tinydigits.data import mnist
from tinydigits.models.registry import eval_mode
from tinydigits.training.device import infer, input_layout
from tinydigits.training.evaluate import TEST_BATCH, evaluate
from tinydigits.training.runfolder import Run

STATS_IMAGES = 2000  # test images the layer statistics are measured on (a fraction of a second on a CPU)
STATS_GROUP = 500  # images whose outputs are summed at once: the sums' rounding, the same however the images come
GRAD_EVERY = 50  # a gradient norm sampled every this many steps (not every step: its cost stays out of the epoch)


def layer_stats(model: nn.Module, split: mnist.Split, images: int = STATS_IMAGES) -> list[dict[str, Any]]:
    """Per ReLU (in execution order): the share of its outputs at zero, the channels never active on any of
    `images` test images (dead units), and the mean and spread of its outputs: a pass of their own, forwarded as the
    test pass forwards (batches of TEST_BATCH through `infer`), so that a CPU run that measured them in its last test
    pass (`training.train`) has the same bits."""
    sub = split.subset(torch.arange(min(images, len(split))))
    with eval_mode(model), ReluWatch(model, images) as watch:
        for x, _ in mnist.batches(sub, TEST_BATCH):
            infer(model, input_layout(x))
    return watch.rows()


def evaluate_and_measure(model: nn.Module, split: mnist.Split, runs: list[Run], keep: list[torch.Tensor] | None,
                         stacked: bool) -> list[tuple[float, float]]:
    """Every seed's test pass (`evaluate`, one split per seed); the last one (`keep`, which gets the logits) of a plain
    CPU run measures its ReLUs too, into its run's `layer_stats`: the same bits as `layer_stats`' own pass, which its
    finish then does without. A GPU forwards whole batches, whose kernels may differ with their size, and a stack's
    seeds share one network: theirs are measured after, in passes of their own."""
    if keep is None or stacked or split.images.device.type != "cpu":
        return evaluate(model, [split] * len(runs), keep=keep)
    with ReluWatch(model) as watch:
        tests = evaluate(model, [split], keep=keep)
    runs[0].layer_stats = watch.rows()
    return tests


class ReluWatch:
    """Every ReLU's outputs on the first `images` images forwarded while the block is open, in whatever pieces they
    come (`infer`'s pieces on a CPU, a whole batch on a GPU): `layer_stats`' own pass, or a CPU run's last test pass,
    which then needs no pass of its own. Each call site's outputs are summed STATS_GROUP images at a time, however
    they came, so the pieces change no bit of the figures."""

    def __init__(self, model: nn.Module, images: int = STATS_IMAGES) -> None:
        self.model, self.images, self.seen, self.taking = model, images, 0, 0
        self.names = {m: n for n, m in model.named_modules()}
        self.relus = [m for m in model.modules() if isinstance(m, nn.ReLU | nn.ReLU6 | nn.LeakyReLU)]
        self.measured: dict[nn.Module, dict[str, Any]] = {}
        self.calls: dict[nn.Module, int] = {}  # each ReLU's calls in the forward under way (a ReLU used twice)
        self.held: dict[tuple[nn.Module, int], list[torch.Tensor]] = {}  # a call site's outputs short of a group
        self.handles: list[Any] = []

    def __enter__(self) -> ReluWatch:
        self.handles = [self.model.register_forward_pre_hook(self._forward),
                        *(m.register_forward_hook(self._output) for m in self.relus)]
        return self

    def __exit__(self, *_exc: object) -> None:
        for h in self.handles:
            h.remove()
        for (module, _), pieces in self.held.items():  # the last group, short of STATS_GROUP
            if pieces:
                self._reduce(module, torch.cat(pieces) if len(pieces) > 1 else pieces[0])
        self.held = {}

    def _forward(self, _module, inputs) -> None:
        self.calls = {}
        self.taking = min(len(inputs[0]), self.images - self.seen)  # images of this forward measured (0: done)
        self.seen += self.taking

    def _output(self, module, _inputs, out) -> None:
        if not self.taking:
            return
        call = self.calls[module] = self.calls.get(module, -1) + 1
        if module not in self.measured:  # rows in the order the ReLUs first run
            self.measured[module] = {"layer": self.names[module], "zeros": 0, "values": 0, "sum": 0.0, "sq": 0.0,
                                     "active": torch.zeros(out.shape[1], dtype=torch.bool)}
        pieces = self.held.setdefault((module, call), [])
        pieces.append(out.detach()[:self.taking])
        have = sum(len(p) for p in pieces)
        if have < STATS_GROUP:  # kept past this call: a copy, as a later layer may write into its input
            pieces[-1] = pieces[-1].clone()
            return
        whole = torch.cat(pieces) if len(pieces) > 1 else pieces[0]
        full = have - have % STATS_GROUP
        for start in range(0, full, STATS_GROUP):
            self._reduce(module, whole[start:start + STATS_GROUP])
        pieces[:] = [whole[full:].clone()] if full < have else []

    def _reduce(self, module: nn.Module, out: torch.Tensor) -> None:
        out, row = out.float(), self.measured[module]
        row["zeros"] += out.numel() - int(torch.count_nonzero(out))  # NaN counts as not zero, as `out == 0` says
        row["values"] += out.numel()
        row["sum"] += float(out.sum())
        row["sq"] += float((out * out).sum())
        row["active"] |= _active(out).cpu()

    def rows(self) -> list[dict[str, Any]]:
        """The figures per ReLU, once the block is closed."""
        return [_finish(row, self.seen) for row in self.measured.values()]


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
