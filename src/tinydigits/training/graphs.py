"""A GPU's training step as one CUDA graph: forward, backward, the SGD step, the EMA and the epoch's sums replayed
in one launch.

A tiny network's step on a GPU is bound by launching its ~100 kernels, not by computing them, so the whole step is
captured once (`torch.cuda.CUDAGraph`) and replayed: the host copies the batch into the graph's input buffers and
launches it. Chosen over `torch.compile(mode="reduce-overhead")`, which also replays CUDA graphs, because the step
here is backward and optimiser too (a graph break at `backward()` in dynamo) and because a cold compile costs tens of
seconds, a whole run's worth. Everything that changes from step to step lives on the device: a step counter, and the
one-cycle schedule's rates and momenta and the EMA's weights, computed on the host for every step before the run
(the very values the host's scheduler and `ema_decay` give) and indexed by the counter inside the graph.

The maths is `torch.optim.SGD`'s (weight decay, momentum, Nesterov) and `factories.Ema`'s written as foreach
operations with device-tensor rates: the same rule, not the same bits (a product before the update, where torch's
SGD fuses it). A step that cannot be captured (a short last batch, a shape the graph was not captured for) runs the
same functions eagerly, so the run is one arithmetic throughout. The default on a GPU (`wanted`); a CPU never uses it.

A step hands back its loss and logits detached from their autograd graph: a graph kept alive past its step keeps its
parameters' gradient accumulators, and the next backward, on another stream (the warm-up's, the capture's), would
find them on the old one (torch warns of the mismatch, and it can break the capture).
"""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Callable

import torch
from torch import nn

from tinydigits.training.config import TrainConfig
from tinydigits.training.device import input_layout
from tinydigits.training.factories import Ema, ema_decay, make_optimizer, make_scheduler, seed_losses

ENV = "TINYDIGITS_CUDA_GRAPHS"  # "0": never capture a GPU's step (as --no-cuda-graphs), whatever the config says
WARMUP_STEPS = 3  # eager steps on a side stream before the capture, as torch's CUDA-graph recipe asks


def wanted(device: torch.device, asked: bool = True, env: dict[str, str] | None = None) -> bool:
    """Whether a run on `device` captures its step: on a GPU, unless the run asks otherwise (`--no-cuda-graphs`:
    `asked` False) or $TINYDIGITS_CUDA_GRAPHS is 0. A CPU never does: its step is bound by arithmetic, not launches."""
    env = os.environ if env is None else env
    return device.type == "cuda" and asked and env.get(ENV, "1") != "0"


def refusal(cfg: TrainConfig, model: nn.Module, plan: list[tuple[int, int]], stacked: bool) -> str | None:
    """Why this run's step cannot be one graph (None: it can), in a few words."""
    if cfg.optimizer != "sgd":
        return f"the {cfg.optimizer} optimiser is not written for a graph here (SGD is)"
    if cfg.scheduler not in (None, "none", "onecycle"):
        return f"the {cfg.scheduler} scheduler moves the rate between epochs from the host"
    if len(set(plan)) != 1 or plan[0] != (28, cfg.batch_size):
        return "a size or batch-size schedule changes the step's shapes"
    if stacked and own_generators(model) and not hasattr(torch.cuda.CUDAGraph, "register_generator_state"):
        return "a stack's dropout draws from each seed's own generator, which this torch cannot register with a graph"
    return None


def own_generators(model: nn.Module) -> list[torch.Generator]:
    """The generators a stack's dropout draws from (one a seed, `stack.SeedDropout`): a graph replays their draws only
    where they are registered with it, each replay then taking the next numbers, as an eager step would."""
    found: dict[int, torch.Generator] = {}
    for m in model.modules():
        for gen in getattr(getattr(m, "shared", None), "generators", []):
            found.setdefault(id(gen), gen)
    return list(found.values())


def schedule(cfg: TrainConfig, steps: int, cycle: int, limit: int) -> tuple[list[float], list[float]]:
    """The rate and momentum of each of a run's `steps` optimiser steps, as the run's scheduler sets them: a copy of it
    (a cycle of `cycle` steps) on a one-element optimiser, stepped by `train.Setup.step_schedule`'s rule (until
    `limit` steps)."""
    probe = make_optimizer(cfg, [torch.zeros(1, requires_grad=True)])
    scheduler, per_batch = make_scheduler(cfg, probe, cycle)
    rates, momenta = [], []
    with warnings.catch_warnings():  # the probe's optimiser never steps, which the scheduler would warn of
        warnings.simplefilter("ignore", UserWarning)
        for _ in range(steps):
            group = probe.param_groups[0]
            rates.append(group["lr"])
            momenta.append(group["momentum"])
            if per_batch and scheduler.last_epoch < limit:
                scheduler.step()
    return rates, momenta


class Tally:
    """An epoch's summed train loss (each batch's mean times its size) and correct predictions, per seed, on the
    device until the epoch ends: `train.scheduled_step` adds each step that is not graphed (`train.Setup.tally`), a
    GPU's graphed step adds its own inside the graph (no launches of their own). Summed in place from zeros, which
    gives the bits of summing from 0."""

    def __init__(self) -> None:
        self.loss_sum: torch.Tensor | None = None
        self.correct: torch.Tensor | None = None

    def add(self, loss: torch.Tensor, logits: torch.Tensor, y: torch.Tensor) -> None:
        loss_sum, correct = loss.detach().float() * len(y), (logits.argmax(-1) == y).sum(0)
        if self.loss_sum is None or self.correct is None:  # made by the first step (a graph's: before its capture)
            self.loss_sum, self.correct = torch.zeros_like(loss_sum), torch.zeros_like(correct)
        self.loss_sum.add_(loss_sum)
        self.correct.add_(correct)

    def reset(self) -> Tally:
        """Zeros for a new epoch, in place (a captured graph adds to these very tensors)."""
        for total in (self.loss_sum, self.correct):
            if total is not None:
                total.zero_()
        return self


class GraphedStep:
    """A run's optimiser step and EMA as foreach operations on device tensors, replayed as one CUDA graph once warm
    (`capture`); eager on a CPU, for the short last batch, or where capture failed. `step(x, y)` returns (loss,
    logits) as `train.train_step` does; the EMA (`ema_module`) is updated in the same step."""

    def __init__(self, model: nn.Module, ema_module: nn.Module | None, cfg: TrainConfig, rates: list[float],
                 momenta: list[float], fused: bool, capture: bool, log: Callable[[str], None] = print,
                 groups: list[dict] | None = None) -> None:
        device = next(model.parameters()).device
        self.groups, self.host_rates, self.host_momenta = groups or [], rates, momenta
        self.model, self.ema, self.cfg, self.fused, self.capture, self.log = model, ema_module, cfg, fused, capture, log
        self.params = [p for p in model.parameters() if p.requires_grad]
        self.buffers = [torch.zeros_like(p) for p in self.params]  # momentum: 0 * m + d is torch's first buffer, d
        # Made on the host and sent once each (`copy`: a copy even on a CPU, where the census counts it).
        self.rates = torch.tensor(rates, dtype=torch.float32).to(device, copy=True)
        self.momenta = torch.tensor(momenta, dtype=torch.float32).to(device, copy=True)
        weights = [1.0 - ema_decay(cfg.ema or 0.0, k) for k in range(len(rates) + 1)]
        self.ema_weights = torch.tensor(weights, dtype=torch.float32).to(device, copy=True)
        self.counter = torch.zeros((), dtype=torch.long, device=device)
        self.taken = 0  # host's count of the steps taken: the EMA's first is a copy, and warm-up ends at a count
        self.graph: torch.cuda.CUDAGraph | None = None
        self.side: torch.cuda.Stream | None = None
        self.capture_s: float | None = None
        self.warmup_s: float | None = None  # the warm-up steps' host seconds (`Timing.warmup_s`)
        self.eager_s: float | None = None  # host seconds of steps on shapes not captured (`Timing.eager_s`)
        self.static: tuple[torch.Tensor, torch.Tensor] | None = None
        self.out: tuple[torch.Tensor, torch.Tensor] | None = None
        self.tally = Tally()  # the epoch's train loss and accuracy, summed by the step itself

    def _forward_backward(self, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        with torch.autocast(x.device.type, dtype=torch.bfloat16, enabled=self.cfg.precision == "bf16",
                            cache_enabled=False):  # a graph keeps no cast copies between replays
            logits = self.model(input_layout(x, self.model))
            loss = seed_losses(logits, y, self.cfg.label_smoothing, self.fused)
        self.tally.add(loss, logits, y)  # in the graph where the step is captured
        for p in self.params:
            p.grad = None
        loss.sum().backward()
        return loss, logits

    def _at(self, values: torch.Tensor) -> torch.Tensor:
        """values[counter] as a 0-dim device tensor (plain indexing by a 0-dim tensor reads it on the host)."""
        return torch.index_select(values, 0, self.counter.view(1)).view(())

    @torch.no_grad()
    def _update(self, first_ema: bool) -> None:
        lr, momentum = self._at(self.rates), self._at(self.momenta)
        grads = [p.grad for p in self.params]
        d = torch._foreach_add(grads, self.params, alpha=self.cfg.weight_decay) if self.cfg.weight_decay else grads
        if self.cfg.momentum:
            torch._foreach_mul_(self.buffers, momentum)
            torch._foreach_add_(self.buffers, d)
            d = torch._foreach_add(d, torch._foreach_mul(self.buffers, momentum))  # Nesterov, as SGD's momentum > 0 is
        torch._foreach_sub_(self.params, torch._foreach_mul(d, lr))
        if self.ema is not None:
            self._average(first_ema)
        self.counter += 1

    def _average(self, first: bool) -> None:
        (mine, my_ints), (theirs, their_ints) = Ema.tensors_of(self.ema), Ema.tensors_of(self.model)
        if first:
            torch._foreach_copy_(mine + my_ints, theirs + their_ints)
            return
        weight = self._at(self.ema_weights)
        moved = torch._foreach_sub(theirs, mine)
        torch._foreach_mul_(moved, weight)
        torch._foreach_add_(mine, moved)
        if my_ints:  # batch norm's integer counters, as the EMA averages them
            torch._foreach_copy_(my_ints, torch._foreach_add(torch._foreach_mul(my_ints, 1 - weight),
                                                             torch._foreach_mul(their_ints, weight)))

    def _eager(self, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        loss, logits = self._forward_backward(x, y)
        self._update(first_ema=self.taken == 0)
        return loss.detach(), logits.detach()

    def step(self, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """One training step on (x, y): replayed where a graph of this shape is captured, else eager (and captured
        once the warm-up steps are taken)."""
        try:
            if self.graph is not None and self.static is not None and self.static[0].shape == x.shape:
                self.static[0].copy_(x)
                self.static[1].copy_(y)
                self.graph.replay()
                return self.out
            if self.capture and self.graph is None and self.taken >= WARMUP_STEPS and self.static is None:
                return self._capture(x, y)
            if self.capture and self.taken < WARMUP_STEPS:
                return self._warm(x, y)
            if self.graph is None:
                return self._eager(x, y)
            began = time.perf_counter()  # a shape not captured (an epoch's short last batch): timed apart, since
            # its kernels' first use on a GPU may make plans the captured shape made in the warm-up
            out = self._eager(x, y)
            self.eager_s = (self.eager_s or 0.0) + time.perf_counter() - began
            return out
        finally:
            self.taken += 1
            k = min(self.taken, len(self.host_rates) - 1)
            for group in self.groups:  # the optimiser's groups show the next step's rate, as a scheduler leaves them
                group["lr"], group["momentum"] = self.host_rates[k], self.host_momenta[k]

    def _warm(self, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        began = time.perf_counter()
        if self.side is None:  # one side stream for every warm-up step
            self.side = torch.cuda.Stream()
        side = self.side
        side.wait_stream(torch.cuda.current_stream())
        with torch.cuda.stream(side):
            out = self._eager(x, y)
        torch.cuda.current_stream().wait_stream(side)
        self.warmup_s = (self.warmup_s or 0.0) + time.perf_counter() - began
        return out

    def _capture(self, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        began = time.perf_counter()
        self.static = (x.clone(), y.clone())
        graph = torch.cuda.CUDAGraph()
        try:
            for gen in own_generators(self.model):
                graph.register_generator_state(gen)
            with torch.cuda.graph(graph):
                loss, logits = self._forward_backward(*self.static)
                self._update(first_ema=False)
        except Exception as err:  # the model has what a graph cannot hold: the same step, eager, from here on
            self.capture = False
            self.log(f"this model's step cannot be captured as a CUDA graph ({str(err).splitlines()[0][:120]}); "
                     "it trains eagerly")
            return self._eager(x, y)
        self.graph, self.out = graph, (loss.detach(), logits.detach())
        # The graph holds the plans cuDNN picked for this shape, timed where a stack's way asked it to
        # (`convs.cudnn_timing`). A shape run eagerly from here on (the short last batch, the evaluation passes)
        # takes the plan cuDNN's heuristics put first, untimed: its pick depends on no timing, and torch builds that
        # plan alone, not every candidate plan of each new shape to time some of them.
        torch.backends.cudnn.benchmark = False
        self.capture_s = time.perf_counter() - began  # the host's recording (the replay below is a step's work)
        graph.replay()  # capturing records the step without running it: this batch's step runs now
        return self.out


def graphed(cfg: TrainConfig, model: nn.Module, ema_module: nn.Module | None, plan: list[tuple[int, int]],
            images: int, schedule_steps: int | None, stacked: bool, *, capture: bool, fused: bool,
            log: Callable[[str], None] = print, groups: list[dict] | None = None) -> GraphedStep | None:
    """The run's `GraphedStep` (`schedule_steps`: `train.Setup`'s; `groups`: the optimiser's parameter groups, which
    it keeps showing each step's rate), or None with its reason said once in one line."""
    why = refusal(cfg, model, plan, stacked)
    if why:
        log(f"this run's step trains eagerly on the GPU: {why}")
        return None
    steps = cfg.epochs * -(-images // plan[0][1])
    limit = steps if schedule_steps is None else schedule_steps
    rates, momenta = schedule(cfg, steps, limit + 1 if cfg.lr_floor_last else limit, limit)
    return GraphedStep(model, ema_module, cfg, rates, momenta, fused, capture, log, groups)
