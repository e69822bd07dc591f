"""Many seeds at the price of one: G seeds of a model trained as one network in one process.

A tiny run is bound by per-step overhead (kernel launches on a GPU, small ops on a CPU), not arithmetic, so G
seeds are trained as one network of G channel groups: every conv a grouped conv (`groups=G`), batch norm over
G*C channels (each seed's statistics stay its own), the head giving [N, G, 10]. The loss is the sum of the G
seeds' own losses, so each seed's parameters get exactly their own gradients; SGD, momentum, weight decay,
Adam and the EMA are elementwise, so one step is G independent steps.

Every per-seed source of randomness is drawn as `train --seed S` draws it: initial weights after
`torch.manual_seed(S)`, data order and augmentation from the seed's own generator (on CUDA, its own generator on
the device: the draws of a single CUDA run of the seed, not of its CPU run), dropout masks from a copy
of the global generator's state at the start of the seed's training (on CPU; on CUDA a generator seeded with
S, whose masks differ from a single CUDA run's fused dropout kernel). Only the float rounding of grouped
convolutions differs, so the first steps match a single run within float tolerance (tests) and whole runs are
distributed alike.

How the stacked convs run is a way (`WAYS`, $TINYDIGITS_STACK_WAY; the same weights and the same seeds' maths in
each, other float rounding): "grouped", one grouped conv in channels_last (a CPU's default); "nchw", the same
grouped conv in NCHW, cuDNN picking its algorithm by timing during a GPU run's warm-up, before the capture; "nchw1",
the same with only the first plan of cuDNN's heuristics timed (`convs.cudnn_timing`; a GPU's default); "nchw0", the
same with none timed; "bmm", unfold and one batched matmul for all seeds; "streams", one conv a seed, each seed's on
a CUDA stream of its own on a GPU. Which is fastest is a GPU's to say (`scripts/gpu_check.py` times them side by
side).

What stacks: chains of layers (registered models, specs, an `nn.Sequential`) made of convs, batch norm,
ReLU, dropout, pooling, a centre crop and the GAP + 1x1 head. A model with its own `forward()` or other
layers is refused in one line (`check` without `--stack` still trains it). Whatever couples the seeds is
refused too: the plateau scheduler (one schedule reading one loss).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import Any

import torch
from torch import nn

from tinydigits import models
from tinydigits.constants import BUDGET, Budget
from tinydigits.data import mnist
from tinydigits.errors import TinyDigitsError
from tinydigits.models.spec import CenterCrop, Chain
from tinydigits.training.arithmetic import ensure_arithmetic
from tinydigits.training.bookkeeping import DIGITS_SHOWN, RunRecord, RunResult
from tinydigits.training.config import TrainConfig, require_resolved
from tinydigits.training.convs import WAYS, Lanes, StreamConv, UnfoldConv, cudnn_timing, stack_way
from tinydigits.training.device import model_layout, pick_device
from tinydigits.training.events import OneTrace
from tinydigits.training.factories import training_model
from tinydigits.training.train import Data, Setup, fit, load_splits

SAME_ON_EVERY_CHANNEL = (nn.ReLU, nn.MaxPool2d, nn.AvgPool2d, nn.AdaptiveAvgPool2d, CenterCrop)


def leaves(model: nn.Module) -> list[nn.Module]:
    """The layers a chain runs, in order, with nested `nn.Sequential`s opened."""
    out: list[nn.Module] = []
    for child in model.children():
        out += leaves(child) if isinstance(child, nn.Sequential) else [child]
    return out


def why_not_stackable(model: nn.Module) -> str | None:
    """None when the model stacks, else the reason in a few words."""
    if type(model).forward not in (Chain.forward, nn.Sequential.forward):
        return (f"{type(model).__name__} has its own forward(); only chains of layers (registered models, specs, "
                "nn.Sequential) stack")
    layers = leaves(model)
    for i, layer in enumerate(layers):
        if isinstance(layer, nn.Conv2d):
            if layer.groups != 1 or layer.padding_mode != "zeros":
                return "a grouped or non-zero-padded conv has no stacked form here"
        elif isinstance(layer, nn.Flatten):
            if i != len(layers) - 1:
                return "a Flatten before the last layer has no stacked form (GAP + 1x1 conv heads stack)"
        elif not (isinstance(layer, (nn.BatchNorm2d, *SAME_ON_EVERY_CHANNEL)) or type(layer) is nn.Dropout):
            return f"its {type(layer).__name__} layer has no stacked form"
    return None


class _Shared:
    """The seeds' dropout generators, shared by the network and its copies (an EMA deep-copies the network)."""

    def __init__(self, generators: list[torch.Generator]) -> None:
        self.generators = generators

    def __deepcopy__(self, memo: dict) -> _Shared:
        return self


class SeedDropout(nn.Module):
    """Dropout whose mask for seed g's channels comes from seed g's generator, drawn as `F.dropout` draws it
    on CPU (`bernoulli_(1 - p)`, divided by 1 - p, in the input's dtype)."""

    def __init__(self, p: float, shared: _Shared) -> None:
        super().__init__()
        self.p, self.shared = p, shared

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p == 0:
            return x
        gens = self.shared.generators
        width = x.shape[1] // len(gens)
        # Drawn in a single run's layout (channels_last), so each seed's mask takes its numbers in the order its single
        # run's does, whatever layout this stack's way keeps its activations in.
        mask = torch.empty_like(x, memory_format=torch.channels_last if x.dim() == 4 else torch.preserve_format)
        for g, gen in enumerate(gens):
            mask[:, g * width : (g + 1) * width].bernoulli_(1 - self.p, generator=gen)
        return x * mask.div_(1 - self.p)


def _grouped_conv(convs: list[nn.Conv2d], way: str = WAYS[0], lanes: Lanes | None = None) -> nn.Conv2d:
    c = convs[0]
    kind, extra = nn.Conv2d, {}
    if way == "bmm" and not isinstance(c.padding, str):  # unfold takes numbers; a padding by name stays a conv
        kind = UnfoldConv
    elif way == "streams":
        kind, extra = StreamConv, {"lanes": lanes or Lanes()}
    out = kind(len(convs) * c.in_channels, len(convs) * c.out_channels, c.kernel_size, c.stride, c.padding,
               c.dilation, groups=len(convs), bias=c.bias is not None, **extra)
    with torch.no_grad():
        out.weight.copy_(torch.cat([m.weight for m in convs]))
        if c.bias is not None:
            out.bias.copy_(torch.cat([m.bias for m in convs]))
    return out


def _wide_bn(norms: list[nn.BatchNorm2d]) -> nn.BatchNorm2d:
    b = norms[0]
    out = nn.BatchNorm2d(len(norms) * b.num_features, b.eps, b.momentum, b.affine, b.track_running_stats)
    with torch.no_grad():
        for name, tensor in [*out.named_parameters(), *out.named_buffers()]:
            if name == "num_batches_tracked":
                tensor.copy_(b.num_batches_tracked)
            else:
                tensor.copy_(torch.cat([getattr(m, name) for m in norms]))
    return out


class StackedNet(nn.Module):
    """G copies of one chain of layers as one network: input [N, G * C_in, H, W] (seed g's images in its own
    channels), output [N, G, classes]; its convs run the `way` named (`WAYS`), its weights and inputs kept in that
    way's layout (`memory_format`, which `device.input_layout` and `device.model_layout` read)."""

    def __init__(self, nets: list[nn.Module], generators: list[torch.Generator], way: str = WAYS[0]) -> None:
        super().__init__()
        if way not in WAYS:
            raise TinyDigitsError(f"a stack's convs run one of {', '.join(WAYS)}, not {way!r}")
        shared, layers, lanes = _Shared(generators), [], Lanes()
        self.way = way
        self.memory_format = torch.channels_last if way == "grouped" else torch.contiguous_format
        for column in zip(*(leaves(n) for n in nets), strict=True):
            first = column[0]
            if isinstance(first, nn.Conv2d):
                layers.append(_grouped_conv(list(column), way, lanes))
            elif isinstance(first, nn.BatchNorm2d):
                layers.append(_wide_bn(list(column)))
            elif isinstance(first, nn.Dropout):
                layers.append(SeedDropout(first.p, shared))
            elif not isinstance(first, nn.Flatten):  # the head's flatten is the reshape in forward
                layers.append(first)
        self.layers = nn.Sequential(*layers)
        self.seeds = len(nets)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.layers(x)
        return out.reshape(out.shape[0], self.seeds, -1)

    @torch.no_grad()
    def copy_to(self, g: int, net: nn.Module) -> nn.Module:
        """Seed g's weights and batch-norm statistics into `net` (a model of the stacked kind); returns it."""
        mine = [m for m in self.layers if isinstance(m, (nn.Conv2d, nn.BatchNorm2d))]
        theirs = [m for m in leaves(net) if isinstance(m, (nn.Conv2d, nn.BatchNorm2d))]
        for stacked, single in zip(mine, theirs, strict=True):
            for name, tensor in [*single.named_parameters(), *single.named_buffers()]:
                source = getattr(stacked, name)
                tensor.copy_(source if name == "num_batches_tracked" else source[g * len(tensor) : (g + 1) * len(tensor)])
        return net


def refusal(cfg: TrainConfig, model: nn.Module | None = None) -> str | None:
    """Why this config cannot train stacked (None: it can)."""
    if cfg.scheduler == "plateau":
        return "the plateau scheduler reads one loss and would couple the seeds"
    reason = why_not_stackable(model if model is not None else models.create(cfg.model))
    return f"model {cfg.model!r} cannot stack: {reason}" if reason else None


def ensure_stackable(cfg: TrainConfig, model: nn.Module | None = None) -> None:
    """One line, before any folder is made, when `--stack` cannot train this (resolved) config."""
    reason = refusal(cfg, model)
    if reason:
        raise TinyDigitsError(f"--stack: {reason}; run check without --stack")


def stacked_setup(cfg: TrainConfig, seeds: list[int], source: models.Source, full_train: mnist.Split,
                  test: mnist.Split, budget: Budget = BUDGET) -> tuple[Setup, Data, list[nn.Module]]:
    """The stacked network of `seeds`, its optimiser and data, each seed set up as `train --seed S` sets it up, in the
    same order of draws; also each seed's own network (its initial weights; its final ones are copied back into it)."""
    device = full_train.images.device
    nets, gens, dropout_gens, train_splits, val_splits = [], [], [], [], []
    for seed in seeds:
        torch.manual_seed(seed)
        split, val = mnist.train_val_split(full_train, cfg.val_split, seed)
        train_splits.append(split)
        val_splits.append(val)
        nets.append(training_model(source, device))
        dropout = torch.Generator(device=device)
        if device.type == "cpu":
            dropout.set_state(torch.get_rng_state())
        else:
            dropout.manual_seed(seed)
        dropout_gens.append(dropout)
        gens.append(torch.Generator().manual_seed(seed))
    ensure_stackable(cfg, nets[0])
    way = stack_way(device_type=device.type)
    model = model_layout(StackedNet(nets, dropout_gens, way), device)
    for name, value in (cudnn_timing(way) if device.type == "cuda" else {}).items():
        setattr(torch.backends.cudnn, name, value)
    setup = Setup.of(cfg, model, len(train_splits[0]), probe=nets[0], budget=budget)
    data = Data(train_splits, gens, val_splits, test, stacked=True, digits=full_train.images[:DIGITS_SHOWN].cpu())
    return setup, data, nets


def stack_record(seeds: list[int], group: int, model: nn.Module) -> dict:
    """config.json's "stack": the seeds and this seed's group, and the way its convs ran where it is not "grouped" (a
    CPU's default; a GPU's stack records its way)."""
    way = getattr(model, "way", WAYS[0])
    return {"seeds": seeds, "group": group} | ({"way": way} if way != WAYS[0] else {})


def train_stacked(cfg: TrainConfig, seeds: list[int], quiet: bool = True, log=print, budget: Budget = BUDGET,
                  source: models.Source | None = None, beside: Callable[..., Any] | None = None) -> list[RunResult]:
    """Train `seeds` of one resolved config as one stacked network: one run folder per seed, exactly what `train`
    writes (config.json says `"stack"`); returns the runs' results in the order of `seeds`. `beside(fn, args)`: a job
    elsewhere (the seeds' one graph traced there)."""
    began = time.perf_counter()
    require_resolved(cfg)
    device = pick_device(cfg.device)
    ensure_arithmetic(cfg)
    full_train, test = load_splits(cfg, device, quiet)
    source = source or models.resolve(cfg.model)
    setup, data, nets = stacked_setup(cfg, seeds, source, full_train, test, budget)
    params = models.count_params(nets[0])
    records: list[RunRecord] = []
    graph = OneTrace(beside)  # every seed's network is the same graph: traced once, from a CPU copy as a single run's is
    try:
        for i, s in enumerate(seeds):
            records.append(RunRecord(dataclasses.replace(cfg, seed=s), source, params, device, len(data.train[0]),
                                     nets[i], budget, beside=graph, stack=stack_record(seeds, i, setup.model)))
    except BaseException as err:  # the seeds already opened are closed, not left RUNNING
        for record in records:
            record.stop(err)
        raise
    log(f"stacked {len(seeds)} seeds of {source.name} ({params:,} params each) on {device}; each epoch's line gives "
        f"their accuracies in the order of the seeds, {', '.join(map(str, seeds))}")
    fit(cfg, setup, data, records, lambda g: setup.evaluated.copy_to(g, nets[g]), log=log, began=began)
    return [record.finish(net.eval(), test, data.digits) for record, net in zip(records, nets, strict=True)]
