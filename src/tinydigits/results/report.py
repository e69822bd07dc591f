"""Pictures, tables and report.md for a run folder, and a side-by-side comparison of several runs.

`write_artifacts` is the one code path behind both `tinydigits train` and `tinydigits eval`. It writes files only:
TensorBoard and MLflow get them through a run's loggers (`training.loggers`), so a server that fails cannot undo a
finished run.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch
from torch import nn

from tinydigits import files
from tinydigits.constants import BUDGET
from tinydigits.data import mnist
from tinydigits.models import summary
from tinydigits.results import figures, predictions
from tinydigits.results.budget import mark, run_verdict
from tinydigits.results.figures import plain_log_axis, save_figure
from tinydigits.results.ledger import describe_arithmetic
from tinydigits.results.records import Epoch, Run, Verdict
from tinydigits.training.bookkeeping import DIGITS_SHOWN
from tinydigits.training.config import augmentations, settings_of
from tinydigits.training.evaluate import confused_pairs
from tinydigits.training.factories import replay_rates

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TARGET = BUDGET.min_acc  # the line the curves are drawn against
PICTURES = ("curves.png", "misclassified.png", "confusion.png", "per_class.png", "samples.png", "augment.png",
            "top_losses.png", "layers.png")


@dataclass
class Artifacts:
    """What `write_artifacts` made: the predictions, the per-class rows and each picture's PNG bytes by name."""

    predictions: predictions.Predictions
    classes: list[dict[str, Any]]
    pictures: dict[str, bytes]
    seconds: dict[str, float] = field(default_factory=dict)  # `pictures_s` (drawn, or waited for), `report_s` (the rest)
    layer_stats: list[dict[str, Any]] = field(default_factory=list)  # the run's ReLUs on test images, as report.md gives them


def _legend_below(ax, ncol: int = 2) -> None:
    """The panel's legend under its x label: inside the panel, it covered points or the budget's line. Long labels
    go one to a row, so that the legend stays under its own panel and clear of the next one's."""
    labels = ax.get_legend_handles_labels()[1]
    ncol = 1 if any(len(label) > 30 for label in labels) else ncol
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=ncol, fontsize=8, frameon=False)


def _accuracy_keys(epochs: list[Epoch]) -> list[str]:
    return ["train_acc", "test_acc", *(["val_acc"] if epochs[0].val_acc is not None else [])]


def _accuracy_floor(epochs: list[Epoch]) -> float:
    """The bottom of an accuracy panel that holds every point of `epochs` and the budget's line, a point below the
    lowest (0 at the least)."""
    return max(min(TARGET, *(getattr(e, k) for e in epochs for k in _accuracy_keys(epochs))) - 1.0, 0.0)


def accuracy_zoom(epochs: list[Epoch]) -> int | None:
    """The first epoch of curves.png's zoom on the accuracy near the budget's line (its second half of training), or
    None where there is none: the zoom is drawn only where its range is under half the whole curve's, else the whole
    panel shows the same at about the same scale."""
    late = epochs[len(epochs) // 2 :]
    if len(late) == len(epochs) or 2 * (100 - _accuracy_floor(late)) >= 100 - _accuracy_floor(epochs):
        return None
    return late[0].epoch


@dataclass(frozen=True)
class CurveMarks:
    """What a run's curves must say beside its figures: that its test figures are of an EMA of its weights, the
    first epoch its training digits went un-augmented (the train curve's jump there is that, not learning), and what
    the rate did between the epochs' starts the log records (`rate_course`)."""

    averaged: bool = False
    plain_from: int | None = None
    # "steps": constant within each epoch (a schedule that steps once an epoch, or none); "replayed": a per-batch
    # schedule, replayed and matching the recorded rates (`within`: each epoch's batches' rates); "dots": unknown
    rate_course: str = "dots"
    within: tuple[tuple[float, ...], ...] | None = None
    smoothing: float = 0.0  # the train loss's label smoothing: a floor above 0 that test's plain loss has not

    @classmethod
    def of(cls, run: Run, course: bool = True) -> CurveMarks:
        """The run's marks; `course` False: without the rate's course, for words and pictures that draw no rate panel
        (a one-cycle's replay takes a second)."""
        s, n = run.settings, len(run.epochs)
        off = s.augment_off_last or 0
        plain = n - off + 1 if off and augmentations(run.recorded_settings()) and off < n else None
        return cls(bool(s.ema), plain, *(rate_course(run) if course else ("dots", None)), s.label_smoothing or 0.0)

    @property
    def test_note(self) -> str:
        return " (EMA of the weights)" if self.averaged else ""

    @property
    def train_note(self) -> str:  # beside an averaged test figure: which weights the train one is of
        return " (live weights)" if self.averaged else ""

    def plain_line(self, ax, x: list[int]) -> None:
        if self.plain_from is not None and x and x[0] <= self.plain_from <= x[-1]:
            ax.axvline(self.plain_from - 0.5, color="grey", ls="--", lw=1,
                       label=f"augmentation off from epoch {self.plain_from} (drawn between epochs "
                             f"{self.plain_from - 1} and {self.plain_from})")


def _plot_accuracy(ax, epochs: list[Epoch], title: str, marks: CurveMarks = CurveMarks()) -> None:
    """Train, test (and validation) accuracy of `epochs` and the budget's line, on an axis that holds every point."""
    x = [e.epoch for e in epochs]
    styles = {"train_acc": ("o-", f"train{marks.train_note}"), "test_acc": ("o-", f"test{marks.test_note}"),
              "val_acc": ("o--", "validation")}
    for key in _accuracy_keys(epochs):
        ax.plot(x, [getattr(e, key) for e in epochs], styles[key][0], label=styles[key][1])
    ax.axhline(TARGET, color="crimson", ls=":", label=f"{TARGET} %: the budget's line")
    marks.plain_line(ax, x)
    floor = _accuracy_floor(epochs)
    ax.set(title=title, xlabel="epoch", ylim=(floor, 100 + 0.03 * (100 - floor)))  # room to see the line below 100
    _legend_below(ax)


def loss_limits(losses: list[float]) -> tuple[float, float] | None:
    """A loss panel's log-axis limits: every finite, positive loss in view, and at least a decade from top to bottom, so
    that a run that learnt nothing (2.3027 -> 2.3025) is drawn flat, not as a fall across the panel; None where no loss
    can be drawn on a log axis."""
    shown = [v for v in losses if math.isfinite(v) and v > 0]
    if not shown:
        return None
    low, high = min(shown), max(shown)
    return min(low, high / 10) / 1.2, high * 1.2


def smoothing_floor(eps: float, classes: int = 10) -> float:
    """The least a cross-entropy with label smoothing `eps` can be: the entropy of the smoothed target."""
    true, other = 1 - eps + eps / classes, eps / classes
    return -(true * math.log(true) + (classes - 1) * other * math.log(other))


def _plot_loss(ax, epochs: list[Epoch], marks: CurveMarks = CurveMarks()) -> None:
    """Train and test loss on a log axis: on an axis from 0 the first epoch's loss (2.1) squashed every later epoch's
    (0.02-0.05) onto the bottom line; a log axis shows each epoch's fall as a share of the loss. A diverged run's NaN or
    inf has no place on it; its finite points keep one."""
    x = [e.epoch for e in epochs]
    notes = [*(["live weights"] if marks.averaged else []),
             *([f"with label smoothing {marks.smoothing:g}"] if marks.smoothing else [])]  # smoothed: it cannot reach 0
    ax.plot(x, [e.train_loss for e in epochs], "o-", label="train" + (f" ({', '.join(notes)})" if notes else ""))
    ax.plot(x, [e.test_loss for e in epochs], "o-", label=f"test{marks.test_note}")
    if marks.smoothing:  # the smoothed train loss's plateau sits on this, not on a poor fit
        floor = smoothing_floor(marks.smoothing)
        ax.axhline(floor, color="C0", ls=":", lw=1, label=f"train loss's floor at that smoothing ({floor:.2f})")
    marks.plain_line(ax, x)
    ax.set(title="loss (log scale)", xlabel="epoch", ylabel="cross-entropy (log scale)")
    limits = loss_limits([v for e in epochs for v in (e.train_loss, e.test_loss)])
    if limits is not None:
        ax.set_yscale("log")
        ax.set_ylim(*limits)
        plain_log_axis(ax.yaxis)
    _legend_below(ax)


def rate_ticks(rates: list[float]) -> list[float]:
    """The learning-rate panel's y ticks: each rate the run used where it used a few (a step schedule's 0.05, 0.025,
    0.0125), else five spread evenly between the lowest and highest on the log axis, so the panel always has numbers
    on it (a log axis between 0.0125 and 0.05 holds no power of ten to label)."""
    used = sorted(set(rates))
    if len(used) > 6:
        low, high = used[0], used[-1]
        if low > 0 and high / low >= 10:  # a decade or more: round numbers (1, 2, 5 of each decade) and the ends
            decades = range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)
            marks = (1, 2, 5) if high / low <= 100 else (1,)  # more than two decades: the powers of ten alone
            nice = [m * 10.0 ** e for e in decades for m in marks if low * 0.999 <= m * 10.0 ** e <= high * 1.001]
            used = sorted({float(f"{low:.2g}"), *(float(f"{v:.2g}") for v in nice), float(f"{high:.2g}")})
        else:
            used = ([low + (high - low) * k / 4 for k in range(5)] if low <= 0
                    else [float(f"{low * (high / low) ** (k / 4):.2g}") for k in range(5)])
    return _thinned(used)


TICK_GAP = 0.08  # two rate labels closer than this share of the panel's height print on top of each other
LOG_PAD = 1.25  # a log rate panel reaches this factor beyond its lowest and highest tick (`_plot_rate`)


def _thinned(ticks: list[float]) -> list[float]:
    """`ticks` (ascending) less those within TICK_GAP of the panel's height of one kept below or of the highest, so no
    two labels collide; the lowest and highest always kept. Heights are logs on a log axis (every tick above 0)."""
    if len(ticks) < 3:
        return ticks
    where = [math.log(t) for t in ticks] if ticks[0] > 0 else list(ticks)
    span = where[-1] - where[0] + (2 * math.log(LOG_PAD) if ticks[0] > 0 else 0.0)
    gap = TICK_GAP * span
    kept = [0]
    for i in range(1, len(ticks) - 1):
        if where[i] - where[kept[-1]] >= gap and where[-1] - where[i] >= gap:
            kept.append(i)
    return [ticks[i] for i in kept] + [ticks[-1]]


_COURSES: dict[str, tuple[str, tuple[tuple[float, ...], ...] | None]] = {}  # see `rate_course`
COURSES_KEPT = 64  # rate courses remembered at once: a hand-in asks for each run's a few times


def rate_course(run: Run) -> tuple[str, tuple[tuple[float, ...], ...] | None]:
    """What the rate did between the epochs' starts (`CurveMarks.rate_course`, `within`): a schedule that steps once
    an epoch (step, plateau) or none holds it within each epoch; a one-cycle steps every batch, so its course is
    replayed from the run's settings (`factories.replay_rates`), and kept only where the replay starts each epoch at
    the rate the log recorded; else it is not known ("dots"). Remembered by what decides it: a replay steps a
    scheduler through every batch (about a second for 15 epochs at batch 64), and a hand-in reads a run's course for
    its pictures and for its words."""
    key = repr((run.settings, run.train_images, run.budget.last, sorted(run.unrecorded),
                [(e.epoch, e.lr) for e in run.epochs]))
    if key not in _COURSES:
        if len(_COURSES) >= COURSES_KEPT:
            _COURSES.clear()
        _COURSES[key] = _rate_course(run)
    return _COURSES[key]


def _rate_course(run: Run) -> tuple[str, tuple[tuple[float, ...], ...] | None]:
    s = run.settings
    if "scheduler" in run.unrecorded or not run.epochs:
        return "dots", None
    if s.scheduler != "onecycle":
        return "steps", None
    try:
        replay = replay_rates(s, run.train_images, run.budget.last)
    except (TypeError, ValueError, ZeroDivisionError):  # settings the schedule cannot be built from again
        return "dots", None
    if replay is None:  # too few steps for a cycle: `make_scheduler` held the rate constant
        return ("steps", None) if len({e.lr for e in run.epochs}) == 1 else ("dots", None)
    shown = [replay[e.epoch - 1] if 0 < e.epoch <= len(replay) and replay[e.epoch - 1] else None for e in run.epochs]
    if any(r is None or not math.isclose(r[0], e.lr, rel_tol=1e-6) for r, e in zip(shown, run.epochs, strict=True)):
        return "dots", None
    return "replayed", tuple(tuple(r) for r in shown if r is not None)


def _plot_rate(ax, epochs: list[Epoch], marks: CurveMarks = CurveMarks()) -> None:
    """The learning rate at each epoch's start as dots, and its course within each epoch where that is known
    (`CurveMarks.rate_course`): a staircase where it held within the epoch, the replayed per-batch curve of a one-cycle
    (its peak falls inside an epoch); on a log axis where it changed and stayed above 0, its rates written on the axis
    (`rate_ticks`)."""
    # Epoch n's rate spans n - 0.5 to n + 0.5, so the rate drawn above each epoch number is that epoch's, as the
    # other panels put that epoch's figures; its start (where it is recorded) is the span's left edge.
    x, rates = [e.epoch - 0.5 for e in epochs], [e.lr for e in epochs]
    course = rates
    if marks.rate_course == "steps":  # each epoch's rate held to its end: the last one's too
        ax.plot([*x, x[-1] + 1], [*rates, rates[-1]], drawstyle="steps-post", color="C2",
                label="rate within each epoch,\nheld until the next")
    elif marks.rate_course == "replayed" and marks.within is not None:
        xs = [e + b / len(r) for e, r in zip(x, marks.within, strict=True) for b in range(len(r))] + [x[-1] + 1]
        course = [rate for r in marks.within for rate in r]
        ax.plot(xs, [*course, course[-1]], "-", color="C2", label="rate within each epoch,\nas the schedule sets it")
        top = max(range(len(course)), key=course.__getitem__)
        ax.plot([xs[top]], [course[top]], "*", ms=9, color="C1",
                label=f"its peak, {course[top]:.3g}, within epoch {math.floor(xs[top] + 0.5)}")
    ax.plot(x, rates, "o", color="C2", label="recorded at each epoch's start")
    log = min(course) > 0 and len(set(course)) > 1
    ax.set(title="learning rate" + (" (log scale)" if log else ""), xlabel="epoch (its rate over n-0.5 to n+0.5)",
           yscale="log" if log else "linear")
    ticks = rate_ticks(rates if course is rates else [*rates, min(course), max(course)])
    ax.yaxis.set_major_locator(figures.matplotlib.ticker.FixedLocator(ticks))
    ax.yaxis.set_minor_locator(figures.matplotlib.ticker.NullLocator())
    ax.yaxis.set_major_formatter(figures.matplotlib.ticker.FuncFormatter(lambda value, _pos: f"{value:.3g}"))
    if len(ticks) == 1:  # one rate: its own tick in the middle of the panel
        rate = ticks[0]
        ax.set_ylim(*((rate * 0.5, rate * 1.5) if rate > 0 else (-1.0, 1.0)))
    elif log:
        ax.set_ylim(ticks[0] / LOG_PAD, ticks[-1] * LOG_PAD)
    _legend_below(ax, ncol=1)


def curves_figure(epochs: list[Epoch], marks: CurveMarks = CurveMarks(), title: str = "") -> Figure:
    """curves.png's figure: loss (log scale), accuracy (every point in view) and the learning rate by epoch, and the
    second half's accuracy zoomed near the budget's line where that shows what the whole panel cannot
    (`accuracy_zoom`); `title`: whose curves they are (the model and seed; a hand-in's step)."""
    zoom = accuracy_zoom(epochs)
    ratios = [3, 3, 2] + ([2] if zoom is not None else [])
    fig, axes = figures.plt.subplots(1, len(ratios), figsize=(1.875 * sum(ratios), 4), gridspec_kw={"width_ratios": ratios})
    _plot_loss(axes[0], epochs, marks)
    _plot_accuracy(axes[1], epochs, "accuracy (%), every epoch", marks)
    if zoom is not None:
        late = [e for e in epochs if e.epoch >= zoom]
        _plot_accuracy(axes[3], late, f"accuracy (%), epochs {zoom}–{late[-1].epoch}: zoom", marks)
    _plot_rate(axes[2], epochs, marks)
    for ax in axes:
        ax.xaxis.set_major_locator(figures.matplotlib.ticker.MaxNLocator(integer=True))  # whole epochs, even for one
        ax.grid(alpha=0.3)
    if epochs:  # the rate's line runs to the last epoch's end; its ticks name only epochs the run had
        axes[2].set_xticks([t for t in axes[2].get_xticks() if 0 <= t <= epochs[-1].epoch])
    if title:
        fig.suptitle(title, fontsize=10, y=1.04)  # above the panels' own titles (the saved picture grows to hold it)
    return fig


def plot_curves(epochs: list[Epoch], path: Path, marks: CurveMarks = CurveMarks(), title: str = "") -> bytes:
    """curves.png (`curves_figure`); returns its bytes."""
    return save_figure(curves_figure(epochs, marks, title), path)


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
    fig, ax = figures.plt.subplots(figsize=(cols * 1.4, rows * 1.6))
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


MISSES_SHOWN = 32  # the mistakes misclassified.png shows, surest first


def plot_misclassified(split: mnist.Split, p: predictions.Predictions, path: Path, limit: int = MISSES_SHOWN) -> bytes:
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
    fig, ax = figures.plt.subplots(figsize=(6.5, 5.5))
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


def per_class_figure(rows: list[dict[str, float]], title: str = "", most: int | None = None) -> Figure:
    """Test errors per digit (its images the net called another digit) as bars from 0, each digit's accuracy (recall)
    written above its bar: the errors and accuracy rows of the hand-in's per-class table and report.md's columns,
    drawn. Bars of accuracy on 0-100 % drew 99.2 and 99.7 % alike; the misses tell the digits apart on an axis that
    needs no cut. `title`: whose figures they are (the model and seed; a hand-in's step); `most`: the largest count
    of several pictures drawn on one axis (a hand-in's steps), so that their bars compare by eye."""
    fig, ax = figures.plt.subplots(figsize=(8, 3.5))
    digits, errors = [r["digit"] for r in rows], [int(r["errors"]) for r in rows]
    ax.bar(digits, errors, width=0.6, color="C3")
    top = max(most or 0, *errors, 0) * 1.2 or 1.0  # room above the highest bar for its accuracy
    for d, e, r in zip(digits, errors, rows, strict=True):
        support = r.get("support")
        accuracy = 100 * (support - e) / support if support else r["accuracy"]  # from the counts: rounded once
        ax.text(d, e + 0.02 * top, f"{accuracy:.2f} %", ha="center", va="bottom", fontsize=7)
    total = sum(errors)
    shared = ",\none axis for every step" if most is not None else ""
    ax.set(xticks=digits, xlabel="digit", ylabel=f"errors (test images missed{shared})", ylim=(0, top),
           title=(f"{title}: " if title else "") + (f"test errors per digit ({total:,} in all), its accuracy (recall) "
                                                    "above each bar" if total else "no test digit missed"))
    ax.yaxis.set_major_locator(figures.matplotlib.ticker.MaxNLocator(integer=True))
    ax.grid(axis="y", alpha=0.3)
    return fig


def plot_per_class(rows: list[dict[str, float]], path: Path, title: str = "", most: int | None = None) -> bytes:
    """per_class.png (`per_class_figure`); returns its bytes."""
    return save_figure(per_class_figure(rows, title, most), path)


def write_per_class_csv(rows: list[dict[str, float]], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows([{k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()} for r in rows])
    files.write_text(path, buffer.getvalue())


def md_table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(map(str, header)) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows])


def versions_text(env: dict[str, Any]) -> str:
    """The versions and commit a run was made with (its environment record), in a few words (the whole record:
    config.json)."""
    return (f"tinydigits {env.get('tinydigits', '?')}, torch {env.get('torch', '?')}, Python {env.get('python', '?')}, "
            f"{env.get('platform', '?')}, commit {(env.get('git_commit') or 'unknown')[:7]}")


def render_report(model: nn.Module, run: Run, p: predictions.Predictions, classes: list[dict]) -> str:
    epochs, accs, v, recipe = run.epochs, run.test(), run_verdict(run), run.settings.recipe
    stopped = f" of {v.epochs} planned: **stopped early**" if len(epochs) < v.epochs else ""
    return f"""# {run.name} — seed {run.seed}

- parameters: **{run.params:,}**
- final test accuracy: **{accs[-1]:.2f} %** (re-evaluated from model.pt: {p.accuracy:.2f} %)
- best test accuracy: {max(accs):.2f} % (epoch {accs.index(max(accs)) + 1})
- epochs: {len(epochs)}{stopped}
- budget verdict (this run): **{mark(v.passed)}**
- arithmetic: {describe_arithmetic(run)}
- environment: {versions_text(run.environment)}
- recipe: {f"borrowed from {recipe}" if recipe else "the model's own"} (every setting below)

""" + _report_body(model, run.config_json(), epochs, classes, v, confused_pairs(p.labels, p.preds))


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


def _report_body(model: nn.Module, config: dict, epochs: list[Epoch], classes: list[dict], v: Verdict,
                 confused: list[dict[str, int]]) -> str:
    """report.md below its summary: the budget, layers, config (config.json as written), epochs, per-class figures
    and the pictures."""
    settings = {k: v for k, v in config.items() if k not in _NAMED_ELSEWHERE and not (k == "recipe" and v is None)}
    epoch_rows = [[e.epoch, f"{e.train_loss:.4f}", f"{e.train_acc:.2f}", f"{e.test_loss:.4f}",
                   f"{e.test_acc:.2f}", f"{e.lr:.4g}", f"{e.seconds:.1f}"] for e in epochs]
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

![test errors per digit, with its accuracy (recall)](per_class.png)

![confusion](confusion.png)

## Most confused (true → predicted: count)

{_confused_text(confused)}

## Misclassified test digits (true → predicted, confidence)

![misclassified](misclassified.png)

## Samples

![samples](samples.png)
"""


Job = tuple[Callable[..., Any], tuple]  # a picture's function and its arguments (picklable: it may travel)
Drawer = Callable[[dict[str, Job]], dict[str, Callable[[], Any]]]  # jobs by name -> each one's result when called


def drawn_here(jobs: dict[str, Job]) -> dict[str, Callable[[], Any]]:
    """The pictures drawn in this process, each when its result is asked for."""
    return {name: functools.partial(fn, *args) for name, (fn, args) in jobs.items()}


def write_artifacts(run: Run, model: nn.Module, test: mnist.Split, logits: torch.Tensor | None = None,
                    digits: torch.Tensor | None = None, draw: Drawer = drawn_here) -> Artifacts:
    """(Re)write every picture, per_class.csv and report.md of a run folder from its model and its record as the
    caller holds it (a finished run's in memory; `eval` loads it), or from the logits of its
    last test pass (the same numbers: no second pass). `digits`: the first training images as the run held them, for
    augment.png (None: read from the training set). `draw`: who draws the pictures (`picture_jobs`; here by default,
    in processes beside this one for `lifecycle.finish.Painters`), while this process writes the rest. Returns the
    predictions, the per-class rows and the pictures, every file in place."""
    from tinydigits.training.probe import layer_stats

    began = time.perf_counter()
    p = predictions.predict_split(model, test) if logits is None else predictions.from_logits(test, logits)
    cm = predictions.confusion_matrix(p.labels, p.preds)
    classes = predictions.per_class(cm)
    if digits is None:
        digits = mnist.load_split("train", run.settings.data_dir, "cpu", quiet=True).images[:DIGITS_SHOWN]
    # Painters take jobs in the order sent: the long pictures first, drawn while the layers are measured here (unless
    # the run measured them in its last test pass), then layers.png (long too), then the short ones, so that the last
    # to land is a short one.
    jobs = picture_jobs(run, model, test, p, cm, classes, digits)
    measured = run.layer_stats  # a CPU run's, from its last test pass (`training.train`)
    pending = {} if measured else draw({name: jobs.pop(name) for name in DRAWN_WHILE_MEASURED})
    stats = measured or layer_stats(model, test)
    pending |= draw({"layers": layers_job(run, stats)}) | draw(jobs)
    write_per_class_csv(classes, run.folder / "per_class.csv")
    text = render_report(model, run, p, classes)
    asked = time.perf_counter()
    pictures: dict[str, bytes] = {}
    top, looked = [], "![top losses](top_losses.png)"
    for name, result in pending.items():
        try:
            made = result()
        except ModuleNotFoundError as err:  # Captum left out of an install: the run keeps everything else
            if name != "top_losses":
                raise
            looked = f"(no top_losses.png: {err.name} is not installed here - pip install captum)"
            continue
        if name == "top_losses":
            top, made = made
        pictures[name] = made
    landed = time.perf_counter()
    files.write_text(run.folder / "report.md", text + explained(top, looked, stats, len(test)))
    seconds = {"pictures_s": landed - asked, "report_s": time.perf_counter() - began - (landed - asked)}
    return Artifacts(p, classes, dict(sorted(pictures.items())), seconds, stats)


DRAWN_WHILE_MEASURED = ("curves", "confusion", "misclassified", "top_losses")  # the longest but layers.png


def picture_jobs(run: Run, model: nn.Module, test: mnist.Split, p: predictions.Predictions, cm: torch.Tensor,
                 classes: list[dict[str, Any]], digits: torch.Tensor) -> dict[str, Job]:
    """Every picture of a run folder but layers.png (which waits for the layers' statistics) as a job (`Job`), the
    longest to draw first: each writes its file and returns its PNG bytes (top_losses also the digits it shows).
    Their inputs on the CPU, so a job travels to a process that has no GPU."""
    from tinydigits.results import explain

    folder, who = run.folder, f"{run.name}, seed {run.seed}"
    test = mnist.Split(test.images.cpu(), test.labels.cpu())
    p = predictions.Predictions(p.labels.cpu(), p.preds.cpu(), p.probs.cpu())
    jobs: dict[str, Job] = {
        "curves": (plot_curves, (run.epochs, folder / "curves.png", CurveMarks.of(run), who)),
        "confusion": (plot_confusion, (cm.cpu(), folder / "confusion.png")),
        "misclassified": (plot_misclassified, (test, p, folder / "misclassified.png")),
        "top_losses": (explain.plot_top_losses, (model, test, p, folder / "top_losses.png")),
        "per_class": (plot_per_class, (classes, folder / "per_class.png", who)),
        "samples": (plot_samples, (test, p, folder / "samples.png")),
        "augment": (explain.plot_augment, (digits.cpu(), run.recorded_settings(), folder / "augment.png")),
    }
    return jobs


def layers_job(run: Run, stats: list[dict[str, Any]]) -> Job:
    """layers.png as a job: the layers' statistics (`stats`) and the run's sampled gradient norms."""
    from tinydigits.results import explain

    return explain.plot_layers, (stats, run.grad_norms or [], run.folder / "layers.png")


def explained(top: list[dict[str, Any]], looked: str, stats: list[dict[str, Any]], images: int) -> str:
    """report.md's section on augment.png, top_losses.png (`top`: the digits it shows; `looked`: its picture's
    line) and layers.png (`stats`: the ReLU statistics on `images` test images at most 2,000)."""
    dead = [f"{s['layer']}: {len(s['dead_channels'])} of {s['channels']}" for s in stats if s["dead_channels"]]
    losses = ", ".join(f"{t['true']} → {t['predicted']} (loss {t['loss']:.2f}, p(true) {t['p_true']:.2f})" for t in top)
    return f"""
## What it trained on, where it looked, how its layers live

![augmented training digits](augment.png)

The test digits with the highest loss: {losses or "-"}. Above each, where the network looked for the class it
predicted: Grad-CAM at its last convolution with a spatial map, and integrated gradients on the pixels (Captum).

{looked}

ReLU layers on {min(2000, images):,} test images (share of outputs at zero; channels never active):
{", ".join(f"{s['layer']} {100 * s['zero_share']:.0f} %" for s in stats) or "no ReLU module"}; dead channels:
{"; ".join(dead) or "none"}. Gradient norm per layer and epoch: metrics.json (`grad_norms`), right panel below.

![layers](layers.png)
"""


def compare(run_dirs: list[Path], target: float = TARGET) -> str:
    """One markdown table of several runs side by side."""
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
