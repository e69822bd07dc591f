"""The exercise's write-up: a Target / Result / Analysis block per step (`tinydigits report RUN1 RUN2 RUN3 --steps`).

Students hand in Model_1, Model_2, Model_3 with these blocks, written by hand from tqdm logs. Every number a block
needs is in the run folders: the Target the student recorded (`train --target`), the Result measured (parameters,
receptive field, best accuracies, the budget's verdict), and an Analysis of measured statements only, each with its
numbers — the train/test gap, where test accuracy stopped improving, how much it moved at the end, and what changed
from the previous step (layers by type and position, parameters, recipe) with the effect on those figures.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tinydigits import files
from tinydigits.errors import TinyDigitsError
from tinydigits.models import summary
from tinydigits.results.budget import mark, run_verdict
from tinydigits.results.report import plt, save_figure
from tinydigits.training import runs
from tinydigits.training.metrics import curve

GAP_POINTS = 0.5  # train above test by more than this (mean of the last N epochs): over-fitting; test above train: under
CHANCE_POINTS = 20.0  # best test accuracy below this: the network did not learn (chance is 10 %)
STALL_POINTS = 0.05  # a later epoch must beat the best so far by more than this to count as still improving
RECIPE_FIELDS = ("optimizer", "lr", "scheduler", "batch_size", "epochs", "weight_decay", "label_smoothing", "ema",
                 "augment_degrees", "augment_translate", "augment_scale", "augment_elastic", "augment_stroke",
                 "augment_blur", "augment_noise", "size_schedule", "batch_schedule", "train_limit")


@dataclass
class Step:
    """One run read back for the write-up: its config, metrics, layers (type labels in order) and figures."""

    folder: Path
    config: dict[str, Any]
    metrics: dict[str, Any]
    layers: list[str] = field(default_factory=list)
    rf: int = 0

    @property
    def last(self) -> int:
        """The budget's last N epochs, or fewer where the run is shorter (a quick look)."""
        return min(self.config.get("budget", {}).get("last", 3), len(self.metrics["epochs"]))

    @functools.cached_property
    def figures(self) -> dict[str, Any]:
        e = self.metrics["epochs"]
        test, train = curve(e), curve(e, "train_acc")
        tail = slice(-min(self.last, len(e)), None)
        best = max(range(len(test)), key=lambda i: (test[i], -i))
        return {"params": self.metrics["params"], "epochs": len(e), "best_train": max(train), "best_test": test[best],
                "best_epoch": best + 1, "min_last": min(test[tail]), "moved": max(test[tail]) - min(test[tail]),
                "gap": sum(a - b for a, b in zip(train[tail], test[tail], strict=True)) / len(test[tail]),
                "stalled": _stalled(test), "seconds": sum(x["seconds"] for x in e)}


def _stalled(test: list[float]) -> int | None:
    """The epoch from which test accuracy stopped improving (no later epoch beat the best so far by more than
    STALL_POINTS); None when the last epoch still did."""
    best, since = test[0], 1
    for i, acc in enumerate(test[1:], 2):
        if acc > best + STALL_POINTS:
            best, since = acc, i
    return None if since == len(test) else since


def read_step(folder: str | Path) -> Step:
    """A run folder of this version (its config.json records `target`), with its model's layers."""
    folder = Path(folder)
    config = files.read_json(folder / "config.json")
    if "target" not in config:
        raise TinyDigitsError(f"{folder}: made by an earlier tinydigits (its config.json has no `target`): train it "
                              "again with this version to write it up")
    metrics = runs.read_metrics(folder)
    model, _ = runs.load_model(runs.checkpoint_path(folder))
    rf = max((r.rf for r in summary.summarize(model)), default=0)
    return Step(folder, config, metrics, [_label(m) for m in model.modules() if not list(m.children())], rf)


def _label(module) -> str:
    """A layer's type as a student names it: `Conv2d 1x1` for a 1x1 convolution, else its class."""
    name = type(module).__name__
    return f"{name} 1x1" if name == "Conv2d" and tuple(module.kernel_size) == (1, 1) else name


def layer_changes(before: list[str], after: list[str]) -> list[str]:
    """The layers added or removed from one step to the next, by type, with where the added ones sit in the new
    network: `+6 BatchNorm2d (after every Conv2d)`, `+1 AdaptiveAvgPool2d (after ReLU)`, `-1 Linear`."""
    was, now = Counter(before), Counter(after)
    out = []
    for kind in sorted(set(was) | set(now), key=lambda k: (now[k] < was[k], k)):
        change = now[kind] - was[kind]
        if change < 0:
            out.append(f"{change} {kind}")
        elif change > 0:
            behind = Counter(after[i - 1] if i else "the input" for i, k in enumerate(after) if k == kind)
            where = ", ".join(f"after every {p}" if now[p] == n else f"after {p} ×{n}" for p, n in behind.most_common())
            out.append(f"+{change} {kind} ({where})")
    return out


def recipe_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [f"{k} {before.get(k)} → {after.get(k)}" for k in RECIPE_FIELDS if before.get(k) != after.get(k)]


def result_lines(step: Step) -> list[str]:
    f, v = step.figures, run_verdict(step.metrics, step.config)
    return [f"- parameters: {f['params']:,}; receptive field at the head: {step.rf} px",
            f"- epochs: {f['epochs']}; {f['seconds']:.0f} s of training",
            f"- best train accuracy: {f['best_train']:.2f} %",
            f"- best test accuracy: {f['best_test']:.2f} % (epoch {f['best_epoch']})",
            f"- min of the last {step.last} epochs: {f['min_last']:.2f} %",
            f"- budget: **{mark(v['pass'])}** ({v['constraints']['accuracy']['limit']})"]


def analysis_lines(step: Step, previous: Step | None) -> list[str]:
    f, n = step.figures, step.last
    if f["best_test"] < CHANCE_POINTS:
        fit = f"**did not learn**: best test accuracy {f['best_test']:.2f} %, about chance for 10 classes (below " \
              f"{CHANCE_POINTS:.0f} % counts as not learning)"
    elif f["gap"] > GAP_POINTS:
        fit = f"**over-fitting**: train accuracy above test by {f['gap']:.2f} points (mean of the last {n} epochs; " \
              f"over {GAP_POINTS} counts as over-fitting)"
    elif f["gap"] < 0:
        fit = f"**under-fitting**: test accuracy above train by {-f['gap']:.2f} points over the last {n} epochs " \
              "(augmentation or dropout holds training back; capacity or epochs could go up)"
    else:
        fit = f"train and test within {f['gap']:.2f} points over the last {n} epochs (no over-fitting: under " \
              f"{GAP_POINTS})"
    stall = (f"test accuracy stopped improving after epoch {f['stalled']} (no later epoch beat it by more than "
             f"{STALL_POINTS} points)" if f["stalled"] else "test accuracy still improved in the last epoch")
    lines = [f"- {fit}.", f"- {stall}; over the last {n} epochs it moved {f['moved']:.2f} points."]
    if previous is not None:
        lines += change_lines(previous, step)
    return lines


def change_lines(previous: Step, step: Step) -> list[str]:
    a, b = previous.figures, step.figures
    layers = layer_changes(previous.layers, step.layers) or ["none"]
    recipe = recipe_changes(previous.config, step.config) or ["none"]
    return [f"- changed from {previous.config['model']}: layers {', '.join(layers)}; parameters {a['params']:,} → "
            f"{b['params']:,} ({b['params'] - a['params']:+,}); recipe: {', '.join(recipe)}.",
            f"- its effect: best test {a['best_test']:.2f} → {b['best_test']:.2f} % ({b['best_test'] - a['best_test']:+.2f}), "
            f"min of the last {step.last} {a['min_last']:.2f} → {b['min_last']:.2f} % ({b['min_last'] - a['min_last']:+.2f}), "
            f"train-test gap {a['gap']:+.2f} → {b['gap']:+.2f} points."]


def write_up(folders: list[str | Path], picture: Path) -> str:
    """The Markdown of every step in order, and their curves in one picture (`picture`)."""
    steps = [read_step(f) for f in folders]
    plot_steps(steps, picture)
    out = ["# Steps", ""]
    for i, step in enumerate(steps):
        out += [f"## Step {i + 1}: {step.config['model']} (`{step.folder.name}`)", "",
                f"**Target:** {step.config.get('target') or '—'}", "", "**Result:**", "", *result_lines(step), "",
                "**Analysis:**", "", *analysis_lines(step, steps[i - 1] if i else None), ""]
    out += [f"![the steps' curves]({picture.name})", ""]
    return "\n".join(out)


def plot_steps(steps: list[Step], path: Path) -> None:
    """Test accuracy (solid) and train accuracy (dashed) of every step against the epoch, one colour per step."""
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for i, step in enumerate(steps):
        e = step.metrics["epochs"]
        x = [r["epoch"] for r in e]
        ax.plot(x, curve(e), "o-", color=f"C{i}", label=f"step {i + 1} {step.config['model']} test")
        ax.plot(x, [r["train_acc"] for r in e], "--", color=f"C{i}", alpha=0.6, label=f"step {i + 1} train")
    limit = steps[0].config.get("budget", {}).get("min_acc", 99.4)
    ax.axhline(limit, color="crimson", ls=":", label=f"{limit} %")
    ax.set(xlabel="epoch", ylabel="accuracy (%)", title="the steps' curves")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7)
    save_figure(fig, path)
