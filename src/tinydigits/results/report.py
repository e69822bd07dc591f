"""Pictures, tables and report.md for a run folder, and a side-by-side comparison of several runs.

`write_artifacts` is the one code path behind both `tinydigits train` and `tinydigits eval`. It writes files only:
TensorBoard and MLflow get them from `training.tracking.publish`, so a server that fails cannot undo a finished run.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from tinydigits import files
from tinydigits.constants import BUDGET
from tinydigits.data import mnist
from tinydigits.models import summary
from tinydigits.results import predictions
from tinydigits.results.budget import mark, run_verdict
from tinydigits.results.figures import matplotlib, plt, save_figure
from tinydigits.results.ledger import describe_arithmetic
from tinydigits.results.records import Run, Verdict
from tinydigits.training.bookkeeping import DIGITS_SHOWN
from tinydigits.training.config import settings_of
from tinydigits.training.evaluate import confused_pairs
from tinydigits.training.metrics import curve

TARGET = BUDGET.min_acc  # the line the curves are drawn against
PICTURES = ("curves.png", "misclassified.png", "confusion.png", "per_class.png", "samples.png", "augment.png",
            "top_losses.png", "layers.png")


@dataclass
class Artifacts:
    """What `write_artifacts` made: the predictions, the per-class rows and each picture's PNG bytes by name."""

    predictions: predictions.Predictions
    classes: list[dict[str, Any]]
    pictures: dict[str, bytes]


def plot_curves(epochs: list[dict[str, Any]], path: Path) -> bytes:
    x = [e["epoch"] for e in epochs]
    fig, (ax_loss, ax_acc, ax_lr) = plt.subplots(1, 3, figsize=(15, 4), gridspec_kw={"width_ratios": [3, 3, 2]})
    ax_loss.plot(x, [e["train_loss"] for e in epochs], "o-", label="train")
    ax_loss.plot(x, [e["test_loss"] for e in epochs], "o-", label="test")
    ax_loss.set(title="loss", xlabel="epoch", ylabel="cross-entropy")
    ax_acc.plot(x, [e["train_acc"] for e in epochs], "o-", label="train")
    ax_acc.plot(x, curve(epochs), "o-", label="test")
    if "val_acc" in epochs[0]:
        ax_acc.plot(x, [e["val_acc"] for e in epochs], "o--", label="validation")
    ax_acc.axhline(TARGET, color="crimson", ls=":", label=f"{TARGET} %")
    # Zoom on the second half of training, where the budget's line matters; early epochs may go off-scale.
    late = epochs[len(epochs) // 2 :]
    low = min(*curve(late), *curve(late, "train_acc"), TARGET)
    ax_acc.set(title="accuracy (%)", xlabel="epoch", ylim=(max(low - 1.0, 0), 100))
    rates = curve(epochs, "lr")
    ax_lr.plot(x, rates, "o-", color="C2")
    ax_lr.set(title="learning rate at each epoch's start", xlabel="epoch",
              yscale="log" if min(rates) > 0 and len(set(rates)) > 1 else "linear")  # one rate: no log range to draw
    ax_lr.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())  # labelled decades only: cheaper to lay out
    for ax in (ax_loss, ax_acc, ax_lr):
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))  # whole epochs, even for one
        ax.grid(alpha=0.3)
    ax_loss.legend()
    ax_acc.legend()
    return save_figure(fig, path)


def _digit_grid(images: torch.Tensor, titles: list[str], colors: list[str], path: Path, heading: str = "",
                cols: int = 8) -> bytes:
    """The digits tiled into one image on one axes, each with its title above it. One image instead of a subplot
    per digit: a grid of 32 subplots took ~1.7 s to draw and save, and every run of every check draws two."""
    n = len(titles)
    rows = max(1, (n + cols - 1) // cols)
    top, side = 12, 3  # pixels above each digit for its title, and beside it
    cell_h, cell_w = 28 + top, 28 + 2 * side
    canvas = torch.zeros(rows * cell_h, cols * cell_w)
    pixels = images[:n].detach().float().cpu()
    for i in range(n):
        r, c = divmod(i, cols)
        canvas[r * cell_h + top : (r + 1) * cell_h, c * cell_w + side : c * cell_w + side + 28] = pixels[i] / max(
            float(pixels[i].max()), 1e-6)  # each digit scaled to its own range, as imshow does
    fig, ax = plt.subplots(figsize=(cols * 1.4, rows * 1.6))
    ax.imshow(canvas.numpy(), cmap="gray_r", vmin=0, vmax=1, interpolation="nearest")
    ax.axis("off")
    for i, (title, color) in enumerate(zip(titles, colors, strict=True)):
        r, c = divmod(i, cols)
        ax.text(c * cell_w + cell_w / 2, r * cell_h + top - 2, title, ha="center", va="bottom", fontsize=8, color=color)
    if not titles:
        ax.text(cols * cell_w / 2, cell_h / 2, "no misclassified digits", ha="center")
    if heading:
        ax.set_title(heading, fontsize=9)
    return save_figure(fig, path)


def plot_misclassified(split: mnist.Split, p: predictions.Predictions, path: Path, limit: int = 32) -> bytes:
    """The most confident mistakes first: they say most about what the model gets wrong - headed by what that order
    means (nothing, where every shown confidence ties)."""
    wrong = torch.nonzero(p.preds != p.labels).flatten()
    wrong = wrong[p.confidence[wrong].argsort(descending=True)][:limit]
    titles = [f"{int(p.labels[i])}→{int(p.preds[i])} ({float(p.confidence[i]):.2f})" for i in wrong]
    heading = misclassified_order([float(p.confidence[i]) for i in wrong])
    return _digit_grid(split.images[wrong.to(split.images.device)], titles, ["crimson"] * len(titles), path, heading)


def misclassified_order(confidences: list[float]) -> str:
    """The order of the mistakes shown, in words: by confidence, or none where every confidence shown ties (to the
    two decimals each tile shows) - a net that answers one digit for every image gives every image one confidence."""
    if not confidences:
        return ""
    if f"{min(confidences):.2f}" == f"{max(confidences):.2f}":
        return (f"every confidence shown is {confidences[0]:.2f}: tied, so their order means nothing"
                if len(confidences) > 1 else "")
    return "the most confident mistakes first (true → predicted, confidence)"


def plot_samples(split: mnist.Split, p: predictions.Predictions, path: Path, count: int = 16) -> bytes:
    titles = [f"pred {int(p.preds[i])} ({float(p.confidence[i]):.2f})" for i in range(count)]
    colors = ["seagreen" if p.preds[i] == p.labels[i] else "crimson" for i in range(count)]
    return _digit_grid(split.images[:count], titles, colors, path)


def plot_confusion(cm: torch.Tensor, path: Path) -> bytes:
    fig, ax = plt.subplots(figsize=(6.5, 5.5))
    shown = cm.float().clone()
    shown.fill_diagonal_(0)  # colour the mistakes; the diagonal would drown them
    image = ax.imshow(shown.numpy(), cmap="Reds")
    fig.colorbar(image, ax=ax, label="test images (mistakes; the diagonal left white)")
    for t in range(10):
        for q in range(10):
            ax.text(q, t, int(cm[t, q]), ha="center", va="center", fontsize=7,
                    color="black" if t != q else "navy", fontweight="bold" if t == q else "normal")
    ax.set(xticks=range(10), yticks=range(10), xlabel="predicted", ylabel="true", title="confusion (test set)")
    return save_figure(fig, path)


def plot_per_class(rows: list[dict[str, float]], path: Path) -> bytes:
    """Test accuracy per digit (recall: the share of its images called it) with its errors written above each bar: the
    accuracy and errors rows of the hand-in's per-class table and report.md's "accuracy (recall)" column, drawn."""
    fig, ax = plt.subplots(figsize=(8, 3.5))
    digits, accuracy = [r["digit"] for r in rows], [r["accuracy"] for r in rows]
    ax.bar(digits, accuracy, width=0.6, color="C0")
    low = max(min(accuracy) - 1, 0)
    top = 100 + 0.12 * (100 - low)  # room above a bar at 100 % for its count
    for d, a, r in zip(digits, accuracy, rows, strict=True):
        errors = int(r["errors"])
        ax.text(d, a + 0.02 * (top - low), f"{errors} error{'' if errors == 1 else 's'}", ha="center", va="bottom",
                fontsize=7)
    ax.axhline(100, color="0.6", lw=0.8)
    ax.set(xticks=digits, xlabel="digit", ylabel="accuracy (recall) %", ylim=(low, top),
           title="test accuracy per digit (recall), with its errors")
    ax.set_yticks([t for t in ax.get_yticks() if low <= t <= 100])  # no tick above 100 %
    ax.grid(axis="y", alpha=0.3)
    return save_figure(fig, path)


def write_per_class_csv(rows: list[dict[str, float]], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows([{k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()} for r in rows])
    files.write_text(path, buffer.getvalue())


def md_table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(map(str, header)) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows])


def versions_text(config: dict[str, Any]) -> str:
    """The versions and commit a run was made with, in a few words (the whole record: config.json)."""
    env = config.get("environment", {})
    return (f"tinydigits {env.get('tinydigits', '?')}, torch {env.get('torch', '?')}, Python {env.get('python', '?')}, "
            f"{env.get('platform', '?')}, commit {(env.get('git_commit') or 'unknown')[:7]}")


def render_report(model: nn.Module, metrics: dict, config: dict, p: predictions.Predictions, classes: list[dict],
                  run_dir: Path) -> str:
    run = Run.from_files(run_dir, config, metrics)
    epochs, accs, v, recipe = metrics["epochs"], run.test(), run_verdict(run), run.settings.recipe
    stopped = f" of {v.epochs} planned: **stopped early**" if len(epochs) < v.epochs else ""
    return f"""# {run.name} — seed {run.seed}

- parameters: **{run.params:,}**
- final test accuracy: **{accs[-1]:.2f} %** (re-evaluated from model.pt: {p.accuracy:.2f} %)
- best test accuracy: {max(accs):.2f} % (epoch {accs.index(max(accs)) + 1})
- epochs: {len(epochs)}{stopped}
- budget verdict (this run): **{mark(v.passed)}**
- arithmetic: {describe_arithmetic(config)}
- environment: {versions_text(config)}
- recipe: {f"borrowed from {recipe}" if recipe else "the model's own"} (every setting below)

""" + _report_body(model, config, epochs, classes, v, confused_pairs(p.labels, p.preds))


def _confused_text(confused: list[dict[str, int]], top: int = 10) -> str:
    if not confused:
        return "no mistakes"
    shown = ", ".join(f"{c['true']} → {c['predicted']}: {c['count']}" for c in confused[:top])
    rest = sum(c["count"] for c in confused[top:])
    return shown + (f"; {len(confused) - top} more pairs, {rest} mistakes" if rest else "") + \
        f" (all {sum(c['count'] for c in confused)} mistakes, {len(confused)} pairs)"


# Left out of report.md's config: where its files went and what its machine lent (the output and machine roles) are
# this machine's, and the arithmetic line says how it computed; the environment is named above it.
_NAMED_ELSEWHERE = {"environment", *settings_of("output", "machine")}


def _report_body(model: nn.Module, config: dict, epochs: list[dict], classes: list[dict], v: Verdict,
                 confused: list[dict[str, int]]) -> str:
    """report.md below its summary: the budget, layers, config, epochs, per-class figures and the pictures."""
    settings = {k: v for k, v in config.items() if k not in _NAMED_ELSEWHERE and not (k == "recipe" and v is None)}
    epoch_rows = [[e["epoch"], f"{e['train_loss']:.4f}", f"{e['train_acc']:.2f}", f"{e['test_loss']:.4f}",
                   f"{e['test_acc']:.2f}", f"{e['lr']:.4g}", f"{e['seconds']:.1f}"] for e in epochs]
    class_rows = [[r["digit"], r["support"], *(f"{r[k]:.2f}" for k in ("recall", "precision")), r["errors"]]
                  for r in classes]
    budget_rows = [[name, c.text(), c.limit, mark(c.passed)] for name, c in v.constraints.items()]
    return f"""## Budget

{md_table(["constraint", "value", "limit", "verdict"], budget_rows)}

## Layers and receptive field

{summary.format_table(summary.summarize(model), markdown=True)}

## Training config

```json
{json.dumps(settings, indent=2)}
```

## Epochs

{md_table(["epoch", "train loss", "train acc %", "test loss", "test acc %", "lr", "seconds"], epoch_rows)}

![curves](curves.png)

## Per class (test set)

{md_table(["digit", "images", "accuracy (recall) %", "precision %", "errors"], class_rows)}

![test accuracy per digit (recall), with its errors](per_class.png)

![confusion](confusion.png)

## Most confused (true → predicted: count)

{_confused_text(confused)}

## Misclassified test digits (true → predicted, confidence)

![misclassified](misclassified.png)

## Samples

![samples](samples.png)
"""


def write_artifacts(run_dir: Path, model: nn.Module, test: mnist.Split, metrics: dict[str, Any], config: dict[str, Any],
                    logits: torch.Tensor | None = None, digits: torch.Tensor | None = None) -> Artifacts:
    """(Re)write every picture, per_class.csv and report.md of a run folder from its model and its metrics and
    config.json as the caller holds them (a finished run's in memory; `eval` reads them), or from the logits of its
    last test pass (the same numbers: no second pass). `digits`: the first training images as the run held them, for
    augment.png (None: read from the training set). Returns the predictions, the per-class rows and the pictures."""
    p = predictions.predict_split(model, test) if logits is None else predictions.from_logits(test, logits)
    cm = predictions.confusion_matrix(p.labels, p.preds)
    classes = predictions.per_class(cm)
    pictures = {"curves": plot_curves(metrics["epochs"], run_dir / "curves.png"),
                "misclassified": plot_misclassified(test, p, run_dir / "misclassified.png"),
                "samples": plot_samples(test, p, run_dir / "samples.png"),
                "confusion": plot_confusion(cm, run_dir / "confusion.png"),
                "per_class": plot_per_class(classes, run_dir / "per_class.png")}
    write_per_class_csv(classes, run_dir / "per_class.csv")
    if digits is None:
        digits = mnist.load_split("train", config.get("data_dir"), "cpu", quiet=True).images[:DIGITS_SHOWN]
    explained = explain_run(run_dir, model, test, p, metrics, config, digits, pictures)
    text = render_report(model, metrics, config, p, classes, run_dir) + explained
    files.write_text(run_dir / "report.md", text)
    return Artifacts(p, classes, dict(sorted(pictures.items())))


def explain_run(run_dir: Path, model: nn.Module, test: mnist.Split, p: predictions.Predictions,
                metrics: dict[str, Any], config: dict[str, Any], digits: torch.Tensor, pictures: dict[str, bytes]) -> str:
    """augment.png, top_losses.png and layers.png (`results.explain`, each added to `pictures`), and their section
    of report.md."""
    from tinydigits.results import explain
    from tinydigits.training.probe import layer_stats

    pictures["augment"] = explain.plot_augment(digits, config, run_dir / "augment.png")
    try:
        top, pictures["top_losses"] = explain.plot_top_losses(model, test, p, run_dir / "top_losses.png")
        looked = "![top losses](top_losses.png)"
    except ModuleNotFoundError as err:  # Captum left out of an install: the run keeps everything else
        top, looked = [], f"(no top_losses.png: {err.name} is not installed here - pip install captum)"
    stats = metrics.get("layers") or layer_stats(model, test)
    pictures["layers"] = explain.plot_layers(stats, metrics.get("grad_norms", []), run_dir / "layers.png")
    dead = [f"{s['layer']}: {len(s['dead_channels'])} of {s['channels']}" for s in stats if s["dead_channels"]]
    losses = ", ".join(f"{t['true']} → {t['predicted']} (loss {t['loss']:.2f}, p(true) {t['p_true']:.2f})" for t in top)
    return f"""
## What it trained on, where it looked, how its layers live

![augmented training digits](augment.png)

The test digits with the highest loss: {losses or "-"}. Above each, where the network looked for the class it
predicted: Grad-CAM at its last convolution with a spatial map, and integrated gradients on the pixels (Captum).

{looked}

ReLU layers on {min(2000, len(test)):,} test images (share of outputs at zero; channels never active):
{", ".join(f"{s['layer']} {100 * s['zero_share']:.0f} %" for s in stats) or "no ReLU module"}; dead channels:
{"; ".join(dead) or "none"}. Gradient norm per layer and epoch: metrics.json (`grad_norms`), right panel below.

![layers](layers.png)
"""


def read_run(run_dir: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """An existing run folder's metrics.json and config.json as written (`eval`): its record (`records.Run`), or one
    line saying what the folder is not."""
    from tinydigits.results.records import Run

    run = Run.load(run_dir)
    return run.metrics, run.config


def compare(run_dirs: list[Path], target: float = TARGET) -> str:
    """One markdown table of several runs side by side."""
    from tinydigits.results.records import Run

    rows = []
    for run_dir in run_dirs:
        run = Run.load(run_dir)
        accs = run.test()
        first = next((e.epoch for e in run.epochs if e.test_acc >= target), None)
        seconds = sum(e.seconds for e in run.epochs)
        rows.append([f"`{os.path.basename(os.path.normpath(run_dir))}`", run.name, run.seed, f"{run.params:,}",
                     len(accs), f"{max(accs):.2f}", f"{accs[-1]:.2f}", first or "—", f"{seconds:.0f}",
                     mark(run_verdict(run).passed)])
    header = ["run", "model", "seed", "params", "epochs", "best test %", "final test %", f"first epoch ≥ {target}",
              "seconds", "budget"]
    return "# tinydigits runs compared\n\n" + md_table(header, rows) + "\n"
