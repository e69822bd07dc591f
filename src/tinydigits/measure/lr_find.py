"""`tinydigits lr-find`: a learning-rate range test through the project's own training step (Smith 2015; fastai's
`lr_find`, torch-lr-finder): the model's recipe (augmentation, batch size, optimiser, momentum, weight decay) and the
arithmetic a `train` of it would use, the rate raised exponentially each step until the loss diverges. It suggests a
peak `--lr` by two named rules - steepest descent of the smoothed loss, and fastai's "valley" - beside the recipe's.
Seeded and repeatable; the model's weights are thrown away.

Hand-written rather than torch-lr-finder: the test must run the project's own step (its augmentation per batch on
tensors, the portable pins, bf16 autocast where the run would use it), which that library's DataLoader loop does not.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from tinydigits import files, models
from tinydigits.constants import BUDGET
from tinydigits.data import mnist
from tinydigits.lifecycle import make
from tinydigits.training.config import TrainConfig

SMOOTH = 0.9  # the loss's moving average (bias-corrected): ~10 steps, a quarter decade at 200 (fastai's 0.98 lags 50)
DIVERGE = 4.0  # stop once the smoothed loss is this many times its lowest
RETURN = 0.8  # ... or, once it had halved, climbs back above this share of where it started
ABOVE = 1.2  # ... or rises this far above where it started
FELL = 0.9  # no suggestion unless the smoothed loss fell below this share of where it started: the net learned
SKIP_START, SKIP_END = 10, 5  # the steepest-descent rule ignores the noisy first and the diverging last steps


@dataclass
class RangeTest:
    lrs: list[float] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    smoothed: list[float] = field(default_factory=list)
    stopped: str = "the last step"


def run_range(cfg: TrainConfig, steps: int, start: float, end: float, source=None) -> RangeTest:
    """The range test itself on a planned (resolved) config: one seeded model, its recipe's batches, the rate
    start * (end/start)^(i/steps) at step i, stopping when the smoothed loss diverges or is not finite."""
    from tinydigits.training.device import pick_device
    from tinydigits.training.train import seed_setup, train_step

    _, setup, data = seed_setup(cfg, pick_device(cfg.device), BUDGET, source=source)
    augment, out, best, avg = cfg.augment(), RangeTest(), math.inf, 0.0
    stream = _forever(data.train[0], cfg.batch_size, data.generators[0], augment)
    for i in range(steps):
        lr = start * (end / start) ** (i / max(steps - 1, 1))
        for group in setup.opt.param_groups:
            group["lr"] = lr
        x, y = next(stream)
        loss = float(train_step(setup.model, setup.opt, x, y, cfg)[0].detach())
        avg = SMOOTH * avg + (1 - SMOOTH) * loss
        smooth = avg / (1 - SMOOTH ** (i + 1))
        out.lrs.append(lr), out.losses.append(loss), out.smoothed.append(smooth)
        best, first = min(best, smooth), out.smoothed[0]
        # Diverged: not finite, DIVERGE times its lowest, or once it had halved back above RETURN of where it started
        # (a net with batch norm does not explode at a rate too high, it falls back towards chance: ln 10 = 2.30).
        if not math.isfinite(loss) or smooth > min(DIVERGE * best, ABOVE * first) or (best < first / 2 and
                                                                                     smooth > RETURN * first):
            out.stopped = f"diverged at lr {lr:.3g} (smoothed loss {smooth:.3g}, its lowest {best:.3g})"
            break
    return out


def _forever(split: mnist.Split, batch: int, generator: torch.Generator, augment):
    while True:  # epoch after epoch, as training draws them
        yield from mnist.batches(split, batch, generator, augment)


def steepest(test: RangeTest) -> float | None:
    """The rate where the smoothed loss falls fastest against log(rate), within its longest falling stretch (`valley`'s)
    and the noisy first steps left out: a second drop after a bump at a rate already too high never wins."""
    start, end = _longest_fall(test.smoothed)
    lo, hi = max(SKIP_START, start), min(end + 1, len(test.smoothed) - SKIP_END)
    if hi - lo < 3:
        return None
    slopes = [(test.smoothed[i + 1] - test.smoothed[i - 1]) / math.log(test.lrs[i + 1] / test.lrs[i - 1])
              for i in range(lo, hi - 1)]
    return test.lrs[lo + min(range(len(slopes)), key=slopes.__getitem__)]


def valley(test: RangeTest) -> float | None:
    """fastai's "valley" (its default since 2021): the longest run of falling loss, and a rate two thirds of the way
    down it - less eager than the steepest point, which a noisy curve throws about."""
    if len(test.smoothed) < 3:
        return None
    start, end = _longest_fall(test.smoothed)
    third = (end - start) / 3
    return test.lrs[start + int(third) + int(third / 2)]


def _longest_fall(losses: list[float]) -> tuple[int, int]:
    """fastai's valley search: (start, end) of the longest decreasing subsequence of the smoothed loss."""
    n = len(losses)
    longest, max_start, max_end = [1] * n, 0, 0
    for i in range(1, n):
        for j in range(i):
            if losses[i] < losses[j] and longest[i] < longest[j] + 1:
                longest[i] = longest[j] + 1
            if longest[max_end] < longest[i]:
                max_end, max_start = i, i - longest[i]
    return max_start, max_end


def lr_find(model: str, steps: int = 200, start: float = 1e-4, end: float = 10.0, out: str | None = None,
            **settings: Any) -> dict[str, Any]:
    """The range test of `model` (any `--model` reference) with its recipe; writes lr_find.png and lr_find.json into a
    new folder under `out` (default runs/) and returns the figures."""
    began = time.perf_counter()
    plan = make(TrainConfig(model=model, **settings), one_run=True)
    if plan.unpinned:
        from tinydigits.errors import TinyDigitsError

        raise TinyDigitsError(f"a portable range test cannot run here: {plan.unpinned} (give --no-portable)")
    test = run_range(plan.config, steps, start, end, plan.source)
    learned = bool(test.smoothed) and min(test.smoothed) < FELL * test.smoothed[0]
    recipe = models.recipe(settings["recipe"]) if settings.get("recipe") else plan.source.recipe
    rate_from = ("the given --lr" if settings.get("lr") is not None else "the recipe's --lr" if "lr" in recipe
                 else f"the default --lr for {plan.config.optimizer} (the model has no recipe)")
    result = {"model": model, "recipe_lr": plan.config.lr, "rate_from": rate_from,
              "steepest": steepest(test) if learned else None,
              "valley": valley(test) if learned else None, "learned": learned,
              "stopped": test.stopped, "steps": len(test.lrs), "start": start, "end": end, "seed": plan.config.seed,
              "arithmetic": plan.why, "lrs": test.lrs, "losses": test.losses, "smoothed": test.smoothed}
    folder = files.new_dir(out or plan.config.out, f"lr-find-{plan.source.name}")
    plot(test, result, folder / "lr_find.png")
    result["seconds"] = time.perf_counter() - began
    files.write_json(folder / "lr_find.json", result)
    result["folder"] = str(folder)
    return result


def plot(test: RangeTest, result: dict[str, Any], path: Path) -> None:
    from tinydigits.results.figures import plt, save_figure

    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    ax.plot(test.lrs, test.losses, color="0.75", lw=0.8, label="loss per step")
    ax.plot(test.lrs, test.smoothed, color="C0", label=f"smoothed (EMA {SMOOTH})")
    marks = (("valley", "C2", "valley (fastai's rule): the suggested peak"), ("steepest", "C1", "steepest descent"),
             ("recipe_lr", "C3", "the recipe's rate"))
    for key, colour, label in marks:
        if result.get(key):
            ax.axvline(result[key], color=colour, ls="--", lw=1, label=f"{label}: {result[key]:.3g}")
    low = min(test.smoothed)
    ax.set(xscale="log", xlabel="learning rate (log)", ylabel="training loss", ylim=(low * 0.9, max(test.smoothed[0], low) * 1.3),
           title=f"learning-rate range test: {result['model']} ({result['stopped']})")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    save_figure(fig, path)


def format_line(result: dict[str, Any]) -> str:
    how = f"  [{result['steps']} steps, {result['stopped']}, {result['seconds']:.1f} s]"
    if not result["learned"]:
        return (f"no suggestion: the loss never fell below {FELL:.0%} of where it started at any rate tried (the net "
                f"does not learn in these steps; {_rate(result)})" + how)
    show = lambda v: f"{v:.3g}" if v else "none (too few steps)"
    return (f"suggested peak --lr {show(result['valley'])} (valley); steepest descent at {show(result['steepest'])}; "
            f"{_rate(result)}" + how)


def _rate(result: dict[str, Any]) -> str:
    """Where the rate the range test is set against came from: given, the recipe's, or the optimiser's default."""
    told = result.get("rate_from") or "the recipe's --lr"  # a test written before the source was recorded
    return f"{told} {result['recipe_lr']:.3g}"
