"""The exercise's steps read back and judged: the facts of each step computed once from its records (`facts`), then
said (`analysis_lines`) - so no two sentences about a step can disagree (`tinydigits report STEP... --steps`; the
write-up itself: `results.handin`).

Students hand in Model_1, Model_2, Model_3 with Target / Result / Analysis blocks, written by hand from tqdm logs, and
graders fail the analyses that are wrong: test above train called under-fitting when augmentation or dropout was on,
a shortened run read as the model's, two steps trained differently compared as if alike, a margin inside the noise
called a plain pass. Every statement here is a rule over measured figures, and says its rule.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tinydigits.constants import ONECYCLE_WARMUP, Budget
from tinydigits.errors import TinyDigitsError
from tinydigits.results import records
from tinydigits.results.budget import breaches, reason, run_verdict
from tinydigits.results.records import Check, CheckPlan, LrTest, Run, percent
from tinydigits.training.config import augmentations, settings_of
from tinydigits.training.runs import INLINE

GAP_POINTS = 0.5  # train above test by more than this (mean of the last N epochs): over-fitting, when test stalls
CHANCE_POINTS = 20.0  # test accuracy below this: the network has not learnt (chance is 10 %)
CHANCE_LOSS = 2.2  # test loss above this: at chance too (ln 10 = 2.30 is a uniform guess)
STALL_POINTS = 0.05  # a later epoch must beat the best so far by more than this to count as still improving
LOSS_STALL = 0.02  # test loss still learning: a later epoch below the lowest so far by more than this share of it
ON_LINE = 0.05  # a margin this small (five test images) either side of the line is the line itself
TEST_IMAGES = 10_000  # MNIST's test set: what a test accuracy's noise is counted over
MNIST_TRAIN = records.MNIST_TRAIN
MNIST_TEST_CLASSES = (980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009)  # images of each digit in the test set
ANNEALED = 0.25  # a rate below this share of the schedule's peak has annealed: a stall there is likely the rate's
RATE_FALL = 0.5  # a step schedule's event: the rate at an epoch's start below this share of the epoch before's


@dataclass
class Step:
    """One step: the run it shows, and for a check folder the check and why that seed is the one shown."""

    run: Run
    check: Check | None = None
    why_shown: str = ""
    known: Facts | None = field(default=None, init=False, repr=False, compare=False)  # `facts`, counted once

    @property
    def folder(self) -> Path:
        return self.run.folder

    @property
    def check_folder(self) -> Path | None:
        return self.check.folder if self.check else None

    @property
    def budget(self) -> Budget:
        return self.run.budget

    @property
    def last(self) -> int:
        return self.budget.last

    @property
    def name(self) -> str:
        """The model's name as its author wrote it (a notebook class without the suffix that keeps versions apart)."""
        return self.run.name.split(INLINE)[0]

    @property
    def seed(self) -> int:
        return self.run.seed

    @property
    def config(self) -> dict[str, Any]:
        """The settings as config.json records them (one not recorded is absent): what the steps compare."""
        return self.run.recorded_settings()

    @property
    def train_images(self) -> int:
        return self.run.train_images

    @property
    def on_a_share(self) -> bool:
        """Trained on fewer of MNIST's training images than a validation split leaves it."""
        return self.train_images < MNIST_TRAIN - self.run.settings.val_split

    @property
    def shortened(self) -> list[str]:
        """How the run is shorter than the budget's: fewer epochs, fewer training images (empty: a whole run)."""
        out, ran = [], len(self.run.epochs)
        if ran < self.budget.max_epochs:
            out.append(f"{ran} of the budget's {self.budget.max_epochs} epochs")
        if self.on_a_share:
            out.append(f"{self.train_images:,} of {MNIST_TRAIN:,} training images")
        return out

    def dropout(self) -> float:
        """The largest dropout probability among the model's modules as recorded (0: none)."""
        return max((m.get("p", 0.0) for m in self.run.modules.values() if m["type"].startswith("Dropout")), default=0.0)

    def has(self, kind: str) -> bool:
        return any(m["type"].startswith(kind) for m in self.run.modules.values())


def noise_band(acc: float, images: int = TEST_IMAGES) -> float:
    """Two standard errors of a test accuracy (binomial, in points) measured on `images` images: the test set's
    sampling error - how far another draw of as many digits could move the score (the same test set scored again
    gives the same figure, so it is not the noise of a pass, nor the noise another seed brings)."""
    p = min(max(acc / 100, 1e-4), 1 - 1e-4)
    return 200 * math.sqrt(p * (1 - p) / images)


def margin_noise(step: Step, value: float) -> tuple[float, str]:
    """The noise a margin against the line is judged by, and its name: where a check measured its seeds, their spread
    (the sd of the seeds' min of the last N: the noise another seed brings); else the test set's sampling error at
    `value` (`noise_band`), said to be that, with another seed's noise unmeasured."""
    sd = step.check.spread() if step.check else None
    if sd is not None:
        return sd, (f"the noise another seed brings (sd {sd:.3f} of the check's {len(step.check.finished())} seeds' "
                    f"min of the last {step.last})")
    band = noise_band(value)
    return band, (f"the test set's sampling error (±{band:.3f}: another {TEST_IMAGES:,} digits could move the score "
                  "that far; the noise another seed brings is not measured, one seed)")


# ----------------------------------------------------------------------------------------------- reading steps
def read_step(folder: str | Path, prefer_seed: int | None = None) -> Step:
    """A run folder, or a check folder: then the check, and the seed it shows in detail (`Check.shown`: the step
    before's seed when the check trained it, else the median of three or more seeds, else the lower)."""
    if records.kind_of(folder) == "check":
        check = Check.load(folder)
        seed, why = check.shown(prefer_seed)
        return Step(_read_run(check.runs[seed]), check, why)
    return Step(_read_run(Path(folder)))


def _read_run(folder: Path) -> Run:
    run = Run.load(folder)
    if "the step's target" in run.missing:
        raise TinyDigitsError(f"{folder}: made by an earlier tinydigits (its config.json has no `target`): train it "
                              "again with this version to write it up")
    return run


def read_steps(folders: list[Path]) -> list[Step]:
    """The steps in order; a check step shows the seed the step before it trained, where it trained that seed too."""
    out: list[Step] = []
    for folder in folders:
        out.append(read_step(folder, out[-1].seed if out else None))
    return out


def newest_run(ref: str, runs_dir: str | Path) -> tuple[Path, int]:
    """The newest run or check folder under `runs_dir` of the model `ref` (as given to --model, or its name), and how
    many there were."""
    found = []
    for meta in [*Path(runs_dir).glob("*/config.json"), *Path(runs_dir).glob("*/plan.json")]:
        try:
            model = (CheckPlan.load(meta.parent) if meta.name == "plan.json" else Run.load(meta.parent)).settings.model
        except TinyDigitsError:
            continue
        if model == ref or (model and model.rpartition(":")[2] == ref.rpartition(":")[2] and ":" in ref) \
                or meta.parent.name.startswith(f"{ref}-") or meta.parent.name.startswith(f"check-{ref}-"):
            found.append(meta.parent)
    if not found:
        raise TinyDigitsError(f"{ref}: not a run or check folder, and no run or check of a model so named under "
                              f"{runs_dir} (train it, or name its folder)")
    return max(found, key=lambda p: (p.stat().st_mtime, p.name)), len(found)


def verdict_of(step: Step) -> records.Verdict:
    """The run judged by its own plan and budget (`run_verdict`)."""
    return run_verdict(step.run)


# ----------------------------------------------------------------------------------------------- the facts of a step
@dataclass(frozen=True)
class Fit:
    """Exactly one of over-fitting, under-fitting, neither, cannot tell - and why, in words with their numbers."""

    diagnosis: str
    why: str


@dataclass
class Facts:
    """What is true of one step, computed once: every sentence about the step is said from these."""

    params: int
    epochs: int
    n: int  # judged epochs this run has (the budget's last N, or fewer)
    best_train: float
    best_test: float
    best_epoch: int
    min_last: float
    moved: float  # max - min of test accuracy over the judged epochs
    gap: float  # train minus test, mean of the judged epochs
    rise: float  # test accuracy's trend an epoch over the judged epochs: a least-squares slope (one epoch: its gain)
    seconds: float
    rf: int
    band: float  # the test set's sampling error at the final accuracy (two standard errors, `noise_band`)
    start: list[int]  # epochs at chance
    fit: Fit
    hinders: list[str]  # what lowers the train figure in the judged epochs (augmentation, dropout)
    drop: tuple[int, float] | None  # the largest fall of test accuracy from one epoch to the next, when beyond the noise
    stall: str
    rate: str  # the learning rate's course: constant, its step events, the one-cycle's peak and end
    margin: float  # the lowest judged epoch against the line (negative: below it)
    thin: bool  # held, by less than the noise a margin is judged by (`margin_noise`)
    on_line: bool  # within ON_LINE points of the line, either side
    target: list[tuple[str, bool | None, str]] = field(default_factory=list)  # (the Target's part, met, the figure)


def facts(step: Step) -> Facts:
    """The step's facts: counted on the first call and held on the step, so every sentence reads the same ones."""
    if step.known is None:
        step.known = _count_facts(step)
    return step.known


def _count_facts(step: Step) -> Facts:
    run, budget = step.run, step.budget
    test, train = run.test(), run.train()
    n = min(budget.last, len(test))
    best = max(range(len(test)), key=lambda i: (test[i], -i))
    gap = sum(a - b for a, b in zip(train[-n:], test[-n:], strict=True)) / n
    rise = trend(test, n)
    band = noise_band(test[-1])
    start = [e.epoch for e in run.epochs if e.test_acc < CHANCE_POINTS or e.test_loss > CHANCE_LOSS]
    falls = [(run.epochs[i].epoch, test[i - 1] - test[i]) for i in range(1, len(test))]
    worst = max(falls, key=lambda f: f[1], default=None)
    drop = worst if worst and worst[1] > fall_noise(test[worst[0] - 2], test[worst[0] - 1]) else None
    hinders = _hinders(step, n)
    min_last = min(test[-n:])
    margin = min_last - budget.min_acc
    f = Facts(params=run.params, epochs=len(test), n=n, best_train=max(train), best_test=test[best], best_epoch=best + 1,
              min_last=min_last, moved=max(test[-n:]) - min_last, gap=gap, rise=rise,
              seconds=sum(e.seconds for e in run.epochs), rf=run.layers[-1].rf if run.layers else 0, band=band,
              start=start, fit=Fit("", ""), hinders=hinders, drop=drop, stall=stall_text(test, run_losses(run)),
              rate=rate_text(run), margin=margin, thin=0 <= margin < margin_noise(step, min_last)[0],
              on_line=abs(margin) <= ON_LINE + 1e-9)
    f.fit = fit_of(step, f)
    if f.fit.diagnosis in ("neither", "under-fitting") and (wider := widening(step)):
        f.fit = Fit(f.fit.diagnosis, f.fit.why + f"; the gap widened every epoch from epoch {wider[0][0]} ("
                    + " → ".join(f"{g:+.2f}" for _, g in wider) + " points): a trend the mean hides")
    f.target = target_parts(step, f)
    return f


def widening(step: Step) -> list[tuple[int, float]]:
    """(epoch, train minus test) over the run's last epochs where that gap grew every epoch and ends above zero - at
    least three epochs of it (empty: no such run of epochs, or an EMA run, whose two figures are of other weights)."""
    if step.run.settings.ema:
        return []
    gaps = [(e.epoch, e.train_acc - e.test_acc) for e in step.run.epochs]
    tail = gaps[-1:]
    for epoch, gap in reversed(gaps[:-1]):
        if round(tail[0][1] - gap, 2) <= 0:
            break
        tail.insert(0, (epoch, gap))
    return tail if len(tail) >= 3 and tail[-1][1] > 0 else []


def trend(test: list[float], n: int) -> float:
    """Test accuracy's change an epoch over the last `n` epochs, from the course of those epochs: their least-squares
    slope, so a jump into the first of them (a start at chance) is not averaged in; one epoch: its gain over the one
    before (or over chance)."""
    points = test[-n:]
    if len(points) < 2:
        return points[-1] - (test[-2] if len(test) > 1 else 10.0)
    xs = range(len(points))
    mx, my = (len(points) - 1) / 2, sum(points) / len(points)
    return sum((x - mx) * (y - my) for x, y in zip(xs, points, strict=True)) / sum((x - mx) ** 2 for x in xs)


def _hinders(step: Step, n: int) -> list[str]:
    """What makes the train figure lower than the fit it measures in the judged epochs: augmentation (unless the
    scored epochs trained plain), dropout."""
    out = []
    used = augmentations(step.config)
    if used and (step.run.settings.augment_off_last or 0) < n:
        out.append("augmentation (" + ", ".join(f"{k} {_value(v)}" for k, v in used.items()) + ")")
    if (p := step.dropout()) > 0:
        out.append(f"dropout ({p:g})")
    return out


def _value(v: Any) -> str:
    return "-".join(f"{x:g}" for x in v) if isinstance(v, tuple | list) else f"{v:g}" if isinstance(v, float) else str(v)


def fit_of(step: Step, f: Facts) -> Fit:
    """The one diagnosis: cannot tell (too few epochs), under-fitting (at chance, or neither figure reaches the line -
    whatever the gap: a net short of the line on its own digits has not fitted them), over-fitting (train leads by more
    than GAP_POINTS while test makes no gain beyond the test set's sampling error), else neither - with why."""
    line, where = step.budget.min_acc, f"mean of the last {f.n} epochs"
    ran, planned = f.epochs, step.run.planned_epochs
    if ran < step.last or ran < planned:
        short = f"{ran} of {planned} planned epochs" if ran < planned else f"{ran} epochs"
        return Fit("cannot tell", f"{short}, fewer than the {step.last} the budget judges: a fit needs the epochs the "
                                  "budget reads")
    if f.best_test < CHANCE_POINTS:
        return Fit("under-fitting", f"it did not learn: best test accuracy {f.best_test:.2f} %, about chance for 10 "
                                    f"classes (below {CHANCE_POINTS:.0f} % counts as not learning)")
    if max(f.best_train, f.best_test) < line:  # first: a net that has not fitted its own digits is not over-fit
        lowered = (f"; the train figure is measured with {' and '.join(f.hinders)}, which "
                   f"{'lower' if len(f.hinders) > 1 else 'lowers'} it" if f.hinders else "")
        if f.rise > f.band:
            lowered += f"; {_rising(step, f)}"
        return Fit("under-fitting", f"neither the training accuracy (best {f.best_train:.2f} %) nor the test accuracy "
                                    f"(best {f.best_test:.2f} %) reaches the {line} % line, and {_lead(step, f)}"
                                    f"{lowered}")
    if f.gap > GAP_POINTS and f.rise <= f.band:
        held = ("stalled" if stall_epoch(step.run.test(), run_losses(step.run)) is not None else
                "made no gain beyond the test set's sampling error over them")  # a dip and rebound is not a stall
        return Fit("over-fitting", f"train accuracy above test by {f.gap:.2f} points ({where}; more than {GAP_POINTS} "
                                   f"counts) while test accuracy {held} ({_course(step, f)}, inside the test set's "
                                   f"sampling error of ±{f.band:.2f})")
    if f.gap > GAP_POINTS:
        return Fit("neither", f"train above test by {f.gap:.2f} points ({where}) while test accuracy rose over those "
                              f"epochs ({_course(step, f)}): an early run, not over-fitting (that needs test to stall while "
                              "train leads it)")
    plain = (f"; the judged epochs trained without augmentation (the last {step.run.settings.augment_off_last}), "
             "so their train figure is on digits as they are" if augmentations(step.config)
             and (step.run.settings.augment_off_last or 0) >= f.n else "")
    if abs(f.gap) <= f.band:
        return Fit("neither", f"train and test within {abs(f.gap):.2f} points ({where}): inside the test set's "
                              f"sampling error at that level (±{f.band:.3f}, two standard errors over its "
                              f"{TEST_IMAGES:,} digits){plain}")
    if f.gap > 0:
        return Fit("neither", f"train above test by {f.gap:.2f} points ({where}): beyond the test set's sampling error "
                              f"(±{f.band:.3f}), "
                              f"below the {GAP_POINTS} that counts as over-fitting")
    return Fit("neither", f"test above train by {-f.gap:.2f} points ({where}; the test set's sampling error ±{f.band:.3f}): "
                          + _test_above(step, f))


def _lead(step: Step, f: Facts) -> str:
    """Which figure leads on the mean of the judged epochs, and every judged epoch where the other one leads: a mean
    says nothing of each epoch."""
    first = f.epochs - f.n + 1
    pairs = list(zip(step.run.train()[-f.n:], step.run.test()[-f.n:], strict=True))
    if f.gap >= 0:
        head = (f"train leads test by {f.gap:.2f} points on the mean of the last {f.n} epochs"
                + (f", no more than the {GAP_POINTS} that would count as over-fitting" if f.gap <= GAP_POINTS else ""))
        other = [(first + i, b, a) for i, (a, b) in enumerate(pairs) if b > a]
        who = "test"
    else:
        head = f"test leads train by {-f.gap:.2f} points on the mean of the last {f.n} epochs"
        other = [(first + i, a, b) for i, (a, b) in enumerate(pairs) if a > b]
        who = "train"
    wide = (f" - more than the {GAP_POINTS} that counts as over-fitting where training accuracy reaches the line; this "
            "one's does not, so it has not fitted the digits it trains on: under-fitting comes first"
            if f.gap > GAP_POINTS else "")
    if not other:
        return head + (", and in each of them" if f.n > 1 else "") + wide
    return (head + f"; {who} leads instead at " + ", ".join(f"epoch {e} ({x:.2f} against {y:.2f} %)" for e, x, y in other)
            + wide)


def _rising(step: Step, f: Facts) -> str:
    """Test's rise over the judged epochs, read as `stall_text` reads the curve: where it stalled within them, said as
    a rise up to that epoch that then held, so the fit and the progress tell one story."""
    s = stall_epoch(step.run.test(), run_losses(step.run))
    if s is None or s < f.epochs - f.n + 1:
        return (f"test rose over the judged epochs ({_course(step, f)}), so the train figure (a running average over "
                "each epoch) lags the weights at the epoch's end")
    return (f"test rose through epoch {s} and held after it ({_course(step, f)}; the stall: progress, below), so up to "
            f"epoch {s} the train figure (a running average over each epoch) lags the weights at the epoch's end")


def _course(step: Step, f: Facts) -> str:
    """Test accuracy epoch by epoch over the judged epochs and its trend: `98.77, 98.80, 98.76 % at epochs 13-15, a
    trend of -0.00 points an epoch` - the course itself, so one jump cannot pass for a steady rise."""
    test = step.run.test()
    first = len(test) - f.n
    return (f"{', '.join(f'{a:.2f}' for a in test[first:])} % at epochs {_span(list(range(first + 1, len(test) + 1)))}, "
            f"a trend of {f.rise:+.2f} points an epoch")


def _test_above(step: Step, f: Facts) -> str:
    """Why the train figure sits below test, from what the run actually had (never a guess)."""
    causes = [f"{h} lowered the train figure" for h in f.hinders]
    if f.rise > f.band:
        causes.append(_rising(step, f))
    if not causes:
        return "not explained by augmentation, dropout or a rising curve (none of them in this run's judged epochs)"
    return "explained by what the run had, not under-fitting: " + "; ".join(causes)


def run_losses(run: Run) -> list[float]:
    return [e.test_loss for e in run.epochs]


def loss_still_falls(loss: list[float] | None, s: int) -> bool:
    """Test loss after epoch `s` below the lowest before it by more than LOSS_STALL of it: the net still learns."""
    return bool(loss) and min(loss[s:]) < min(loss[:s]) * (1 - LOSS_STALL)


def stall_text(test: list[float], loss: list[float] | None = None) -> str:
    """Where test accuracy stopped improving, consistent with its best epoch: from the first epoch after which no
    later one beat the best so far by more than STALL_POINTS - and stalled only where test loss stopped falling too
    (`stall_epoch`); an accuracy flat while its loss still fell is said as such."""
    best = max(range(len(test)), key=lambda i: (test[i], -i))
    at = f"best {test[best]:.2f} % at epoch {best + 1}"
    if (s := stall_epoch(test, loss)) is not None:
        gain = max(test[s:]) - max(test[:s])
        flat = stall_epoch(test)  # the accuracy alone, flat earlier while the loss still fell
        earlier = (f"; the accuracy alone was at its plateau after epoch {flat}, but test loss after it still fell by "
                   f"more than the 2 % that counts ({min(loss[:flat]):.4f} → {min(loss[flat:]):.4f})"
                   if loss and flat is not None and flat < s else "")
        return (f"after epoch {s} test accuracy {_gained(gain)} ({at}; a gain of {STALL_POINTS} "
                "or less counts as stalled" + (f", {_loss_after(loss, s)}" if loss else "") + f"){earlier}")
    if (s := stall_epoch(test)) is not None:  # the accuracy flat, its loss still falling
        gain = max(test[s:]) - max(test[:s])
        return (f"after epoch {s} test accuracy {_gained(gain)} ({at}), but test loss still "
                f"fell ({min(loss[:s]):.4f} at best up to epoch {s}, {min(loss[s:]):.4f} after it): the net still "
                "learns, so not stalled")
    return f"test accuracy still rose by more than {STALL_POINTS} points in the last epoch ({at})"


def _gained(gain: float) -> str:
    """The best later epoch against the best before, as the two-decimal figures read: a gain, none, or a shortfall."""
    if round(gain, 2) > 0:
        return f"gained at most {gain:.2f} points"
    if round(gain, 2) == 0:
        return "did not beat its best"
    return f"stayed below its best, {-gain:.2f} points under it at the closest"


def _train_falls(step: Step) -> str:
    """Where test accuracy and loss stalled while train loss still fell by more than LOSS_STALL of it: said, since
    the net then fits its own digits better without gaining on the test digits ('' where not so)."""
    s = stall_epoch(step.run.test(), run_losses(step.run))
    train = [e.train_loss for e in step.run.epochs]
    if s is None or not loss_still_falls(train, s):
        return ""
    return (f"; train loss still fell after epoch {s} ({min(train[:s]):.4f} → {min(train[s:]):.4f}) while test held: "
            "it fits its own digits better without gaining on the test digits")


def _loss_after(loss: list[float], s: int) -> str:
    """Test loss after epoch `s` against its lowest before: stopped falling only where it did; a fall too small to
    count as learning said with its size."""
    before, after = min(loss[:s]), min(loss[s:])
    if after >= before:
        return f"and test loss stopped falling too: lowest {before:.4f} up to epoch {s}, {after:.4f} at best after it"
    return (f"and test loss fell only {before - after:.4f} after it, {before:.4f} → {after:.4f}: less than the "
            f"{LOSS_STALL * 100:g} % of it that counts as still learning")


def stall_epoch(test: list[float], loss: list[float] | None = None) -> int | None:
    """The epoch after which test accuracy stalled - and test loss with it (None: it did not stall)."""
    return next((s for s in range(1, len(test)) if max(test[s:]) - max(test[:s]) <= STALL_POINTS
                 and not loss_still_falls(loss, s)), None)


def rate_events(run: Run) -> list[tuple[int, float]]:
    """(epoch, rate at its start) where the rate was cut, read from the rates the run recorded: under a step schedule
    every fall is a cut (x0.5 as much as x0.1); under any other, a fall below RATE_FALL of the epoch before's, so a
    smooth annealing's small falls are not read as cuts."""
    step = run.settings.scheduler == "step"
    return [(b.epoch, b.lr) for a, b in zip(run.epochs, run.epochs[1:], strict=False)
            if (b.lr < a.lr * (1 - 1e-6) if step else b.lr < RATE_FALL * a.lr)]


def rate_text(run: Run) -> str:
    """The learning rate's course over the run, from the rates the epochs started with."""
    rates = [e.lr for e in run.epochs]
    schedule = run.settings.scheduler
    if len(set(rates)) == 1:
        if schedule == "step":
            size = run_step_size(run)
            return (f"the rate was constant ({rates[0]:.4g}): the step schedule's first cut (every {size} epochs) comes "
                    f"after the last epoch ({len(rates)}), so the schedule was inert" if size >= len(rates) else
                    f"the rate was constant ({rates[0]:.4g})")
        return f"the rate was constant ({rates[0]:.4g})"
    if schedule == "onecycle":
        if (at := onecycle_peak_epoch(run)) is not None:
            return (f"the one-cycle rate rose from {rates[0]:.4g} to its peak {run.settings.lr:g} within epoch {at} (the "
                    f"epoch log's rates are each epoch's start) and annealed to {rates[-1]:.2g} at the last epoch's start")
        top = max(range(len(rates)), key=lambda i: rates[i])
        if top == len(rates) - 1:
            return f"the one-cycle rate was still rising at the last epoch's start ({rates[-1]:.4g})"
        return (f"the one-cycle rate was highest at the start of epoch {run.epochs[top].epoch} ({rates[top]:.4g}) and "
                f"annealed to {rates[-1]:.2g} at the last epoch's start")
    if events := rate_events(run):
        return f"the rate started at {rates[0]:.4g} and fell to " + ", then ".join(
            f"{lr:.4g} at epoch {e}" for e, lr in events)
    return f"the rate went from {rates[0]:.4g} to {rates[-1]:.4g}"


def onecycle_peak_epoch(run: Run) -> int | None:
    """The epoch within which a one-cycle schedule reached its peak (the run's peak rate), from the schedule itself:
    it warms up over ONECYCLE_WARMUP of the planned steps (at least 2), so the peak falls inside an epoch and the rates
    the log records at the epochs' starts all lie below it. None: not reached within the epochs the run had, or rates
    the schedule cannot have made (a start at the peak, a rate above it, a fall before it)."""
    planned, rates, peak = run.planned_epochs, [e.lr for e in run.epochs], run.settings.lr
    if not peak or not rates:
        return None
    per_epoch = max(1, math.ceil(run.train_images / max(run.settings.batch_size or 1, 1)))
    warm = max(ONECYCLE_WARMUP, 2 / (per_epoch * planned)) * planned  # the peak, in epochs from the start
    at = max(1, math.ceil(warm - 1e-9))
    rising = all(a < b for a, b in zip(rates[:at], rates[1:at], strict=False))
    if at > len(rates) or not rising or rates[0] >= RATE_FALL * peak or max(rates) > peak * (1 + 1e-6):
        return None
    return at


def peak_rate(run: Run) -> float:
    """The highest rate the run's schedule reached: a one-cycle's peak where it reached it within the run (between
    two epochs' starts), else the highest rate an epoch started with."""
    rates = [e.lr for e in run.epochs]
    if run.settings.scheduler == "onecycle" and onecycle_peak_epoch(run) is not None:
        return run.settings.lr
    return max(rates)


def target_parts(step: Step, f: Facts) -> list[tuple[str, bool | None, str]]:
    """The exercise's budget part by part against the result: parameters, epochs, the line held, every seed held."""
    b = step.budget
    parts = [(f"fewer than {b.max_params:,} parameters", f.params < b.max_params, f"{f.params:,}"),
             (f"at most {b.max_epochs} epochs", step.run.planned_epochs <= b.max_epochs, f"{step.run.planned_epochs}")]
    if f.epochs < b.last:
        parts.append((f"{b.min_acc} % in each of the last {b.last} epochs", None, f"{f.epochs} epochs: too few to judge"))
    else:
        parts.append((f"{b.min_acc} % in each of the last {b.last} epochs (seed {step.seed})", f.min_last >= b.min_acc,
                      f"lowest {f.min_last:.2f} %"))
    if step.check:
        held, ran = step.check.verdict.held()
        parts.append(("every seed holds", held == ran, f"{held} of {ran}"))
    return parts


# ----------------------------------------------------------------------------------------------- saying a step
def verdict_reason(step: Step) -> str:
    """The budget's verdict on the shown run with why (`budget.reason`); a single run said to be one seed, a thin
    margin said to be thin."""
    v, f = verdict_of(step), facts(step)
    head = f"**{'PASS' if v.passed else 'FAIL'}**"
    thin = (f" - {'on the line' if f.on_line else 'a thin pass'}: {f.margin:.2f} points above it, inside "
            f"{margin_noise(step, f.min_last)[1]}") if v.passed and f.thin else ""
    why = reason(v, step.budget, step.run.test())
    if step.check:
        return (f"{head} for seed {step.seed}, the one shown: {why}{thin}; the check over all its seeds: "
                f"**{step.check.verdict.line()}**")
    return (f"{head}: {why}{thin}; this seed ({step.seed}) only - a new seed may differ (`check` judges several)"
            f"{_record_text(step)}")


def fit_lines(step: Step) -> list[str]:
    """The one diagnosis of the step, in one sentence (kept for callers that want the fit alone)."""
    return [_fit_sentence(step, facts(step))]


def _fit_sentence(step: Step, f: Facts) -> str:
    short = f" Measured on a shortened run ({', '.join(step.shortened)}): not the model's figure at the budget." \
        if step.shortened else ""
    return f"**{f.fit.diagnosis}**: {f.fit.why}.{ema_note(step)}{short}"


def ema_note(step: Step) -> str:
    """Where an EMA ran, the two figures are of two sets of weights: said, so train against test reads right."""
    ema = step.run.settings.ema or 0
    return (f" Train accuracy is from the live weights as they trained; test accuracy is from their running average "
            f"(EMA, decay {ema:g}), so the two figures are of different weights." if ema else "")


# ----------------------------------------------------------------------------------------------- what to do next
NEXT = {"under-fitting": ("capacity", "rate", "epochs"), "over-fitting": ("regularisation", "augmentation"),
        "neither": ("margin",), "cannot tell": ("epochs",)}  # what each diagnosis calls for ("did not learn": `stuck`)
GRAD_TINY = 0.05  # a net at chance whose every layer's gradient norm (an epoch's sampled mean) stays below this: starved
GRAD_DEAD = 1e-6  # every layer's gradient norm at or below this: nothing flows back (a dead net, not a slow one)
LOSS_BLOWN = math.log(10) + 0.1  # a loss this far above a uniform guess's (ln 10 = 2.30): the rate threw the net off
LOSS_SWING = 0.05  # train loss up by more than this share of it from one epoch to the next: the rate overshoots
RATE_KINDS = {"rate", "higher rate", "lower rate", "rate schedule"}  # the changes that answer a call for "rate"


@dataclass(frozen=True)
class Stuck:
    """Why a net at chance did not start, from its losses and gradients: starved (a flat loss, tiny gradients: batch
    norm or a higher rate), thrown (a loss that blew up, went NaN or swung: a lower rate), flat (a flat loss with
    gradients that are not small), or not known (no gradient recorded) - the evidence in words, and what it calls for."""

    how: str
    why: str
    wanted: tuple[str, ...]


def stuck(step: Step) -> Stuck:
    """How a net that did not learn is stuck (`Stuck`): the loss's course first, then the gradient norms the run
    sampled (metrics.json's `grad_norms`)."""
    run = step.run
    losses = [x for e in run.epochs for x in (e.train_loss, e.test_loss)]
    if not all(math.isfinite(x) for x in losses):
        return Stuck("thrown", "the loss became NaN or infinite", ("lower rate", "normalisation"))
    if dead := _dead(step):  # before the loss's course: a dead net's loss may have swung on its way there
        return dead
    if (worst := max(losses)) > LOSS_BLOWN:
        return Stuck("thrown", f"the loss reached {worst:.2f}, above the {math.log(10):.2f} of a uniform guess",
                     ("lower rate", "normalisation"))
    swings = [b.epoch for a, b in zip(run.epochs, run.epochs[1:], strict=False)
              if b.train_loss > a.train_loss * (1 + LOSS_SWING)]
    if swings:
        return Stuck("thrown", f"train loss rose by more than {LOSS_SWING:.0%} at epoch{'s' * (len(swings) > 1)} "
                               f"{_span(swings)}", ("lower rate", "normalisation"))
    first, last = run.epochs[0].train_loss, run.epochs[-1].train_loss
    course = f"train loss {first:.4f} → {last:.4f}"
    norms = run.grad_norms or []
    top = max((v for epoch in norms for v in epoch.values()), default=None)
    if top is None:
        return Stuck("not known", f"{course}; no gradient norms were recorded to say whether its steps were too small "
                                  "or too large", ("normalisation", "rate"))
    at = next(i + 1 for i, epoch in enumerate(norms) if top in epoch.values())
    where = f"at epoch {at}" if len(norms) == 1 else f"at epoch {at} of the {len(norms)} recorded"
    if top < GRAD_TINY:
        return Stuck("starved", f"{course} with every layer's gradient norm at most {top:.3g} ({where}), below the "
                                f"{GRAD_TINY} that counts as starved (metrics.json `grad_norms`): its steps barely move "
                                "the weights", ("normalisation", "higher rate"))
    return Stuck("flat", f"{course} while a layer's gradient norm reached {top:.3g} ({where}), not starved (metrics.json"
                         " `grad_norms`): steps that large that do not lower the loss overshoot",
                 ("lower rate", "normalisation"))


def dead_signs(step: Step) -> tuple[int | None, list[str], int | None]:
    """The marks of a dead net, each from its record: the first epoch from which every layer's gradient norm stayed at
    GRAD_DEAD or below to the end (metrics.json `grad_norms`; None: not so, or not recorded), the layers every one of
    whose ReLU channels never fired on the test images (metrics.json `layers`), and the one digit the net answered
    for every image at the last epoch (its accuracy is that digit's share of the test set; None: not so)."""
    norms = step.run.grad_norms or []
    zero = [bool(epoch) and max(epoch.values()) <= GRAD_DEAD for epoch in norms]
    since = next((i + 1 for i in range(len(zero)) if all(zero[i:])), None) if zero and zero[-1] else None
    layers = [r["layer"] for r in step.run.layer_stats if r.get("channels") and len(r["dead_channels"]) == r["channels"]]
    one = _one_class(step.run.epochs[-1].test_acc) if step.run.epochs else None
    return since, layers, one


def _dead(step: Step) -> Stuck | None:
    """A net whose gradients went to zero and stayed there, or whose ReLUs of a whole layer are all off: nothing flows
    back, so no rate can move it - dead, not stuck (None: no such mark)."""
    since, layers, one = dead_signs(step)
    if since is None and not layers:
        return None
    norms = step.run.grad_norms or []
    said = []
    if since is not None:
        before = [max(e.values()) for e in norms[:since - 1] if e]
        said.append(f"every layer's gradient norm was 0 (at most {GRAD_DEAD:g}) from epoch {since} to the last "
                    f"(metrics.json `grad_norms`" + (f"; the largest before it, {max(before):.3g}, at epoch "
                                                     f"{before.index(max(before)) + 1}" if before else "") + ")")
    if layers:
        said.append(f"every ReLU channel of {', '.join(layers)} never fired on the test images (metrics.json `layers`)")
    if one is not None:
        said.append(f"it answered {one} for every test image ({step.run.epochs[-1].test_acc:.2f} %, the share of {one}s)")
    normed = step.has("BatchNorm")  # batch norm advised only to a net that has none
    return Stuck("dead", "; ".join(said) + ": a dead ReLU passes no gradient, so the weights before it stopped moving",
                 ("lower rate", *(() if normed else ("normalisation",)), "init"))


def needs(f: Facts) -> str:
    """The diagnosis a next step answers: under-fitting at chance is its own (the start, not the capacity)."""
    return "did not learn" if f.fit.diagnosis == "under-fitting" and f.best_test < CHANCE_POINTS else f.fit.diagnosis


def wanted(step: Step, f: Facts) -> tuple[str, ...]:
    """What the step's diagnosis calls for: a net that did not learn by how it is stuck; an under-fit, capacity and
    rate, more epochs where the budget allows them, more training images where it trained on a share of them."""
    d = needs(f)
    if d == "did not learn":
        return stuck(step).wanted
    if d == "under-fitting":  # more epochs only within the budget's; more images only where it trained on fewer
        # batch norm only for a net that recorded its layers without one: nothing advised that it may already have
        normless = bool(step.run.modules) and not step.has("BatchNorm")
        return ("capacity", "rate", *(("normalisation",) if normless else ()),
                *(("epochs",) if len(step.run.epochs) < step.budget.max_epochs else ()),
                *(("data",) if step.on_a_share else ()))
    return NEXT[d]


def _label(step: Step, f: Facts) -> str:
    d = needs(f)
    return f"{'under-fitting, ' if d == 'did not learn' else ''}{d} → {', '.join(wanted(step, f))}"


def _start_advice(step: Step) -> str:
    """What makes a net that did not learn start, from how it is stuck (`stuck`)."""
    why, lr = stuck(step), peak_rate(step.run)
    if why.how == "dead":
        norm = ("" if "normalisation" not in why.wanted else "batch norm after the convs (it keeps each channel's "
                "inputs where the ReLU fires), ")
        return (f"bring it back to life before anything else: {why.why} - a lower peak rate than {lr:g} (large early "
                f"steps push ReLUs where they never fire), {norm}or another initialisation (Kaiming's, for ReLUs); a "
                "higher rate, capacity and epochs cannot move weights that get no gradient")
    if why.how == "starved":
        return (f"make it train before anything else: batch norm after the convs, or a higher peak rate than {lr:g} - "
                f"{why.why}, and a lower rate would shrink them further; capacity and epochs come after")
    if why.how in ("thrown", "flat"):
        return (f"make it train before anything else: a lower peak rate than {lr:g}, or batch norm after the convs - "
                f"{why.why}; capacity and epochs come after")
    return (f"make it train before anything else: batch norm after the convs, or another rate - {why.why}; capacity "
            "and epochs come after")


def _under_advice(step: Step, f: Facts) -> str:
    """The levers of an under-fit, each where the run leaves room for it: a rate it does not have already, the epochs
    and images it did not train on."""
    s, ran = step.run.settings, len(step.run.epochs)
    scheduled = s.scheduler and s.scheduler != "none"
    moved = len({e.lr for e in step.run.epochs}) > 1  # the rates the epochs started with: a schedule in effect
    rate = ("a higher or scheduled learning rate" if not scheduled and not moved else
            f"a higher peak rate than {peak_rate(step.run):g}, or more of the run near it (it already has "
            + (f"a {s.scheduler} schedule)" if scheduled else "a rate that changed during the run)"))
    levers = ["more capacity (channels where the net is narrowest)", rate]
    if "normalisation" in wanted(step, f):  # a net without batch norm: it steadies each layer's inputs
        levers.append("batch norm after the convs (it has none), which also lets a higher rate train")
    if ran < step.budget.max_epochs:
        levers.append(f"more epochs ({ran} of the budget's {step.budget.max_epochs})")
    if "data" in wanted(step, f):  # where the run trained on a share of the images
        levers.append(f"more training images (it trained on {step.train_images:,} of {MNIST_TRAIN:,})")
    join = "; " if len(levers) > 2 else ", "
    return (join.join(levers[:-1]) + f"{join}or {levers[-1]} - not regularisation or augmentation: both work "
            "against fitting the digits it trains on, which is what it lacks")


def _over_advice(step: Step) -> str:
    """The regularisers an over-fitting run does not have yet (dropout, weight decay, augmentation), or more of them."""
    s = step.run.settings
    lacks = [name for name, has in (("dropout", step.dropout() > 0), ("weight decay", bool(s.weight_decay)),
                                    ("augmentation", bool(augmentations(step.config)))) if not has]
    if lacks:
        return f"regularisation or augmentation it does not have yet ({', '.join(lacks)}), to close the gap while test stalls"
    return ("more of the regularisation it has (dropout, weight decay, augmentation: all in use), to close the gap while "
            "test stalls")


def next_line(step: Step, f: Facts) -> str:
    """What the diagnosis says the next step should change (and, where the line is held, what is left: the margin)."""
    d = needs(f)
    if d == "did not learn":
        what = _start_advice(step)
    elif d == "under-fitting":
        what = _under_advice(step, f)
    elif d == "over-fitting":
        what = _over_advice(step)
    elif d == "cannot tell":
        what = "train the epochs the budget judges before choosing a change"
    else:
        where = (f"the lowest of the last {f.n} epochs is {abs(f.margin):.2f} points {'above' if f.margin >= 0 else 'below'}"
                 f" the line{', inside ' + _noise_name(step, f) if abs(f.margin) < margin_noise(step, f.min_last)[0] else ''}"
                 f" (seed {step.seed}")
        record = own_record(step) if not step.check else None
        if record and record.ran:
            where += f"; `{record.model}`'s own seeds held on {record.held} of {record.ran}"
        elif step.check:
            where += f"; `check`'s verdict: {step.check.verdict.line()}"
        fit = (("the fit leaves nothing to correct" + (", as far as live (train) and averaged (test) weights' figures "
                                                        "compare" if step.run.settings.ema else ""))
               if f.gap <= f.band else f"train leads test by {f.gap:.2f} points, "
               f"beyond the test set's sampling error but short of the {GAP_POINTS} that counts as over-fitting")
        what = f"the margin: {fit}, and {where}) - {_margin_levers(step)}"
    return f"- next ({_label(step, f)}): {what}."


def _noise_name(step: Step, f: Facts) -> str:
    """The noise a step's margin is judged by, named short: the seeds' spread, or the test set's sampling error."""
    band, _ = margin_noise(step, f.min_last)
    return (f"the noise another seed brings (sd {band:.3f})" if step.check and step.check.spread() is not None
            else f"the test set's sampling error (±{band:.3f})")


def _margin_levers(step: Step) -> str:
    """What steadies and raises the end of a curve that the run does not have yet - an annealed rate, weight
    averaging, augmentation, a judgement over several seeds - or, where it has them all, what is left."""
    rates = [e.lr for e in step.run.epochs]
    annealed = bool(rates) and rates[-1] < ANNEALED * peak_rate(step.run)
    lacks = [lever for lever, has in (("an annealed rate", annealed), ("weight averaging", bool(step.run.settings.ema)),
                                      ("augmentation", bool(augmentations(step.config)))) if not has]
    if lacks:
        return ("a steadier, higher end of the curve (" + ", ".join(lacks) + ")"
                + (", judged over several seeds (`check`)" if not step.check else ""))
    has = "the run already has an annealed rate, weight averaging and augmentation"
    if step.on_a_share:  # a share of the digits: the first lever left
        return f"{has}; it trained on {step.train_images:,} of {MNIST_TRAIN:,} training images: train on all of them"
    if not step.check:
        return f"{has}: judge it over several seeds (`check`) before changing it"
    missed = [s for s, r in step.check.finished().items() if r.min_last < step.budget.min_acc]
    if missed:
        return (f"{has}, and {len(missed)} of the check's seeds still miss the line: what is left is the net itself - "
                "more capacity where the budget allows it, or another layout")
    return (f"{has}, and `check` judged its seeds: what is left is the thinnest seed's margin (above), and more seeds "
            "would measure it more closely")


def analysis_lines(step: Step, previous: Step | None) -> list[str]:
    """The Analysis: the fit (one diagnosis), the start, stability, the stall with the rate, the margin, the check's
    seeds, what changed from the step before and its effect against the noise, the confusions and dead units."""
    f = facts(step)
    over = breaches(f.params, step.run.planned_epochs, step.budget)  # the budget broken before any figure: said first
    lines = [*([f"- over the budget: {'; '.join(over)} - a FAIL whatever its accuracy, so coming under it is the first "
                "change."] if over else []),
             f"- fit: {_fit_sentence(step, f)}", _start_line(step, f), _stability_line(step, f),
             f"- progress{f' (seed {step.seed}, the one shown)' if step.check else ''}: {f.stall}{_train_falls(step)}; "
             f"{f.rate}{_tied(step)}.",
             f"- margin: {_margin_text(step, f).removesuffix('.')}{_record_text(step)}."]
    if step.check:
        lines.append(f"- over seeds: {odds_sentence(step)} (`check`'s verdict: {step.check.verdict.line()})"
                     f"{_thinnest(step)}.")
    if step.run.confusions:
        lines.append(f"- commonest confusions (true → predicted: count): {_confusions(step.run)}"
                     + (f"; the step before: {_confusions(previous.run)}" if previous and previous.run.confusions
                        else "") + ".")
    if test := lr_test_of(step):
        suggested = (f"valley {test.valley:.3g}, steepest descent {test.steepest:.3g}" if test.valley
                     else "no suggestion (its loss never fell)")
        lines.append(f"- learning-rate range test (`{test.folder.name}`, `tinydigits lr-find`): {suggested}; this step's "
                     f"peak rate {step.run.settings.lr:.3g}.")
    if step.run.layer_stats:
        dead = [f"{r['layer']} {len(r['dead_channels'])} of {r['channels']}" for r in step.run.layer_stats
                if r["dead_channels"]]
        lines.append("- dead units (ReLU channels never active on 2,000 test images): "
                     + ("; ".join(dead) if dead else "none") + ".")
    if previous is not None:
        lines += change_lines(previous, step)
    if aims := target_line(previous, step, f):
        lines.append(aims)
    return [*lines, next_line(step, f)]


def target_line(previous: Step | None, step: Step, f: Facts) -> str | None:
    """The purposes the step's Target states, judged where the figures measure them: that it learns or trains, a
    premise of over- or under-fitting (the step before's fit), the margin (the step before's against this one's) -
    None where the Target states none of them."""

    target, said = step.run.target or "", []
    if found := re.search(r"\b(learns?|trains?)\b", target, re.I):
        said.append(f"\"{found[0]}\": " + (f"it did (best test {f.best_test:.2f} %)" if f.best_test >= CHANCE_POINTS
                                           else f"it did not (best test {f.best_test:.2f} %, about chance)"))
    for word in ("over", "under"):
        if re.search(rf"\b{word}-?fit", target, re.I):
            said.append(_premise(previous, f, f"{word}-fitting"))
    if re.search(r"\bmargin\b", target, re.I):
        said.append(_margin_aim(previous, step, f))
    if found := re.search(r"\b(lighter|smaller|fewer param\w*|less param\w*)", target, re.I):
        said.append(_lighter_aim(previous, f, found[0]))
    if found := re.search(r"\b(faster|speed(?:s|ing)? up|quicker)\b", target, re.I):
        said.append(_faster_aim(previous, step, f, found[0]))
    if re.search(r"\baugment\w*\b[^.;]*\boff\b", target, re.I):
        said.append(_plain_tail_aim(step, f))
    return "- the Target's stated aims, judged: " + "; ".join(said) + "." if said else None


def _lighter_aim(previous: Step | None, f: Facts, word: str) -> str:
    """"lighter": the parameters, this step's against the step before's."""
    if previous is None:
        return f"\"{word}\": not judged (no step before to compare it with; {f.params:,} parameters)"
    a = facts(previous).params
    way = "lighter" if f.params < a else "not lighter: heavier" if f.params > a else "not lighter: the same"
    return f"\"{word}\": {way} ({a:,} → {f.params:,} parameters, {f.params - a:+,})"


def _faster_aim(previous: Step | None, step: Step, f: Facts, word: str) -> str:
    """"faster": how soon test accuracy reached the lower of the two steps' bests (the epochs it took), and the
    seconds of training - the two things "faster" may mean, each said."""
    if previous is None:
        return f"\"{word}\": not judged (no step before to compare it with)"
    a = facts(previous)
    level = min(a.best_test, f.best_test)
    if level < CHANCE_POINTS:  # a step that did not learn sets no pace to compare
        slow = previous.name if a.best_test < CHANCE_POINTS else step.name
        return (f"\"{word}\": not judged - step {slow} did not learn (best test {level:.2f} %), so there is no pace to "
                f"compare; {a.seconds:.0f} → {f.seconds:.0f} s of training in all")

    def first(s: Step) -> int:
        return next(e.epoch for e in s.run.epochs if e.test_acc >= level)

    x, y = first(previous), first(step)
    way = "faster" if y < x else "not faster: slower" if y > x else "no faster"
    return (f"\"{word}\": {way} to learn - test accuracy first reached {level:.2f} % (the lower of the two steps' "
            f"bests) at epoch {x} → {y}; {a.seconds:.0f} → {f.seconds:.0f} s of training in all")


def _plain_tail_aim(step: Step, f: Facts) -> str:
    """"augmentation off" for the scored epochs: whether the judged epochs trained on digits as they are."""
    off, used = step.run.settings.augment_off_last or 0, augmentations(step.config)
    if not used:
        return "augmentation off: no augmentation in this run at all"
    held = off >= f.n
    return (f"augmentation off for the scored epochs: {'done' if held else 'not done'} - the last {off} of "
            f"{f.epochs} epochs trained without it, {'covering' if held else 'short of'} the {f.n} the budget scores")


def _premise(previous: Step | None, f: Facts, diagnosis: str) -> str:
    """A change made against `diagnosis`: its premise is the step before's fit."""
    now = f"this step's train minus test is {f.gap:+.2f} points ({f.fit.diagnosis})"
    if previous is None:
        return f"against {diagnosis}: no step before to show it; {now}"
    a = facts(previous)
    held = a.fit.diagnosis == diagnosis
    before = (f"step {previous.name} {'was' if held else 'was not'} {diagnosis} ({a.fit.diagnosis}"
              + (", it did not learn" if needs(a) == "did not learn" else "")
              + f": train minus test {a.gap:+.2f} points{' at chance' if a.best_test < CHANCE_POINTS else ''})")
    return f"against {diagnosis}: its premise {'held' if held else 'did not hold'} - {before}; {now}"


def _margin_aim(previous: Step | None, step: Step, f: Facts) -> str:
    """The margin as an aim: the lowest judged epoch against the line, before and after, and whose the move is."""
    if previous is None:
        return "the margin: not judged (no step before to compare it with)"
    a = facts(previous)
    acted = [c for c in changes(previous, step) if not c.inert]
    way = "closer to" if abs(f.margin) < abs(a.margin) else "no closer to"
    moved = (f"the margin: the lowest of the last {f.n} epochs {a.min_last:.2f} → {f.min_last:.2f} % ({a.margin:+.2f} → "
             f"{f.margin:+.2f} points against the {step.budget.min_acc} % line: {way} it"
             + (", still below it" if f.margin < 0 else "") + f"; seed {step.seed})")
    if len(acted) > 1:
        return moved + (f", a move of the {len(acted)} changes together: these runs cannot say how much of it is any "
                        "one change's")
    return moved


def _start_line(step: Step, f: Facts) -> str:
    """The epochs at or near chance (and a start that answered one digit), or a start that learnt at once."""
    if not f.start:
        e = step.run.epochs[0]
        return f"- start: learning from the first epoch (test accuracy {e.test_acc:.2f} % after epoch 1)."
    span = f"epoch {f.start[0]}" if len(f.start) == 1 else f"epochs {_span(f.start)}"
    at = [step.run.epochs[i - 1] for i in f.start]
    by_digit: dict[int, list[int]] = {}
    for e in at:
        if (d := _one_class(e.test_acc)) is not None:
            by_digit.setdefault(d, []).append(e.epoch)
    said = "".join(f" Epoch{'s' * (len(ep) > 1)} {_span(ep)}: {100 * MNIST_TEST_CLASSES[d] / TEST_IMAGES:.2f} %, "
                   f"exactly the share of {d}s among the test digits - the mark of a net that answers {d} for every "
                   "image." for d, ep in by_digit.items())
    return (f"- start: {span} at or near chance (test accuracy {_range([e.test_acc for e in at])} %, test loss "
            f"{_range([e.test_loss for e in at])}; a uniform guess scores 10 % at a loss of 2.30; below "
            f"{CHANCE_POINTS:.0f} % or above {CHANCE_LOSS} counts).{said}")


def _stability_line(step: Step, f: Facts) -> str:
    """The largest epoch-to-epoch fall beyond the noise (every such fall, the rate there, batch norm, the check's other
    seeds), or none."""
    if not f.drop:
        return (f"- stability: no epoch-to-epoch fall beyond the test set's sampling error of two scores; over the last "
                f"{f.n} epochs test accuracy moved {f.moved:.2f} points.")
    epoch, fall = f.drop
    every = falls(step.run.test())
    why = [f"the rate at that epoch's start was {step.run.epochs[epoch - 1].lr:.4g}"]
    why += ["for context, the model has no batch norm"] if step.run.modules and not step.has("BatchNorm") else []
    also = f" (falls beyond it at epochs {', '.join(f'{e} ({d:.2f})' for e, d in every)})" if len(every) > 1 else ""
    noise = fall_noise(step.run.epochs[epoch - 2].test_acc, step.run.epochs[epoch - 1].test_acc)
    return (f"- stability: test accuracy fell {fall:.2f} points at epoch {epoch}, its largest fall, beyond the ±"
            f"{noise:.2f} sampling error of two test scores{also}; {'; '.join(why)}."
            f"{_other_seeds_fell(step)} Over the last {f.n} epochs it moved {f.moved:.2f} points.")


def _one_class(acc: float) -> int | None:
    """The digit whose share of the test set `acc` is (a net that answers that digit for every image), or None."""
    return next((d for d, n in enumerate(MNIST_TEST_CLASSES) if abs(acc - 100 * n / TEST_IMAGES) < 0.005), None)


def _range(values: list[float]) -> str:
    low, high = min(values), max(values)
    return f"{low:.2f}" if f"{low:.2f}" == f"{high:.2f}" else f"{low:.2f}-{high:.2f}"


def fall_noise(before: float, after: float) -> float:
    """The test set's sampling error of a difference of two scores (two standard errors of each, combined)."""
    return math.hypot(noise_band(before), noise_band(after))


def falls(test: list[float]) -> list[tuple[int, float]]:
    """(epoch, points) of every fall of test accuracy from one epoch to the next beyond the sampling error of two
    scores (`fall_noise`)."""
    return [(i + 1, test[i - 1] - test[i]) for i in range(1, len(test))
            if test[i - 1] - test[i] > fall_noise(test[i - 1], test[i])]


def _other_seeds_fell(step: Step) -> str:
    if not step.check:
        return ""
    fell = {s: falls(r.test_acc) for s, r in step.check.finished().items() if s != step.seed}
    some = {s: f for s, f in fell.items() if f}
    if not fell:
        return ""
    if not some:
        return f" The check's other seeds show no such fall ({', '.join(map(str, sorted(fell)))})."
    return (" The check's other seeds fell too: " + "; ".join(
        f"seed {s} at epoch{'s' * (len(f) > 1)} {', '.join(str(e) for e, _ in f)}" for s, f in sorted(some.items()))
        + (f" ({len(fell) - len(some)} did not)" if len(some) < len(fell) else "") + ".")


def _span(epochs: list[int]) -> str:
    if len(epochs) == 1:
        return str(epochs[0])
    return f"{epochs[0]}-{epochs[-1]}" if epochs == list(range(epochs[0], epochs[-1] + 1)) else ", ".join(map(str, epochs))


def _tied(step: Step) -> str:
    """The stall tied to a step schedule's cut, when it came at or after one, or to a rate a schedule had annealed
    below ANNEALED of its peak by the first epoch that stalled."""
    s = stall_epoch(step.run.test(), run_losses(step.run))
    rates = [e.lr for e in step.run.epochs]
    if s is not None and step.run.settings.scheduler != "step" and rates[s] < ANNEALED * (peak := peak_rate(step.run)):
        flat = stall_epoch(step.run.test())
        if flat is not None and flat < s and rates[flat - 1] >= ANNEALED * peak:  # flat at a rate still high
            return (f" - by epoch {s + 1}'s start the rate had annealed to {100 * rates[s] / peak:.0f} % of its peak, but "
                    f"the accuracy was already at its plateau after epoch {flat}, which started at "
                    f"{100 * rates[flat - 1] / peak:.0f} % of it: the annealing does not explain the plateau")
        return (f" - it stalled where the rate had annealed: by epoch {s + 1}'s start the rate had fallen to "
                f"{100 * rates[s] / peak:.0f} % of its peak, steps that move the weights little (one run cannot say "
                "whether that or the net's own limit stopped it)")
    events = rate_events(step.run) if step.run.settings.scheduler == "step" else []
    before = [(e, lr) for e, lr in events if s is not None and e <= s + 1]
    if not before:
        return ""
    e, lr = before[-1]
    if s + 1 - e <= 1:
        return f" - it stalled right after the rate was cut to {lr:.4g} (epoch {e})"
    return f" - the rate had been cut to {lr:.4g} at epoch {e}, {s + 1 - e} epochs before it stalled"


def _margin_text(step: Step, f: Facts) -> str:
    line = step.budget.min_acc
    if f.epochs < step.last:
        return f"none to read: {f.epochs} epochs, fewer than the {step.last} judged."
    band, noise = margin_noise(step, f.min_last)
    if f.on_line:
        side = "above" if f.margin >= 0 else "below"
        inside = abs(f.margin) < band
        return (f"the lowest of the last {f.n} epochs, {f.min_last:.2f} %, is "
                f"{abs(f.margin):.2f} points ({round(abs(f.margin) * TEST_IMAGES / 100)} test images) {side} the {line} % "
                f"line, {'inside' if inside else 'beyond'} {noise}"
                + (f", so {'a pass' if f.margin >= 0 else 'a miss'} that another seed may turn" if inside else "")
                + f" (seed {step.seed}).")
    if f.margin < 0:
        return (f"the lowest of the last {f.n} epochs, {f.min_last:.2f} %, is {-f.margin:.2f} points below the {line} % "
                f"line (seed {step.seed}).")
    if f.thin:
        return (f"the lowest of the last {f.n} epochs, {f.min_last:.2f} %, is {f.margin:.2f} points above the {line} % "
                f"line - inside {noise}: a thin pass (seed {step.seed}).")
    return (f"the lowest of the last {f.n} epochs, {f.min_last:.2f} %, is {f.margin:.2f} points above the {line} % line, "
            f"beyond {noise} (seed {step.seed}).")


@dataclass(frozen=True)
class Record:
    """A registered model's own multi-seed result, from its write-up: the seeds, how many held, the verdict."""

    model: str
    seeds: str
    held: int | None
    ran: int | None
    passed: bool


def own_record(step: Step) -> Record | None:
    """The multi-seed record a registered model's write-up gives in its Result (None: not registered, or none)."""
    from importlib import resources

    if step.run.origin.get("kind") != "registry":
        return None
    name = step.run.origin.get("name")
    found = resources.files("tinydigits.models") / "write_ups" / f"{name}.md"
    if not found.is_file():
        return None
    result = found.read_text().partition("Result")[2].partition("Analysis:")[0]
    verdict = re.search(r"VERDICT: (PASS|FAIL)", result)
    if not verdict:
        return None
    rows = re.findall(r"^\s*(\d+)(?:\s+[\d.]+)+\s+(PASS|FAIL)\s*$", result, re.M)
    counted = re.search(r"(\d+) of (\d+) seeds hold", result)
    if rows:
        seeds = sorted(int(r[0]) for r in rows)
        said = f"seeds {seeds[0]}-{seeds[-1]}" if seeds == list(range(seeds[0], seeds[-1] + 1)) else \
            "seeds " + ", ".join(map(str, seeds))
        held, ran = sum(r[1] == "PASS" for r in rows), len(rows)
    elif counted:
        held, ran, said = int(counted[1]), int(counted[2]), f"{counted[2]} seeds"
    else:
        held, ran, said = None, None, "its seeds"
    return Record(name, said, held, ran, verdict[1] == "PASS")


def _record_text(step: Step) -> str:
    """The model's own multi-seed record where it disagrees with this one seed's verdict ('' where it agrees, where a
    check judged this step's seeds, or where there is none)."""
    record = own_record(step) if not step.check else None
    if record is None or step.last > len(step.run.epochs) or record.passed == verdict_of(step).passed:
        return ""
    held = f"held on {record.held} of {record.ran}" if record.ran else "its seeds"
    one = "pass" if verdict_of(step).passed else "failure"
    return (f"; `{record.model}`'s own write-up, over {record.seeds} (`tinydigits check`), {held}: VERDICT: "
            f"{'PASS' if record.passed else 'FAIL'} - this seed's {one} is not the model's")


def odds_sentence(step: Step) -> str:
    """The check's odds said within what its seeds show: the counted pass rate's bound first, then the normal model's
    figure, which beyond 99.99 % is written as such and named as the model's tail, not an observed rate."""
    odds = step.check.odds
    if odds.probability is None:
        return f"{odds.held()}; {odds.note or 'too few seeds for odds'}"
    counted = ("" if odds.rate_lower is None else "counted, none held, so no pass rate above 0 is shown"
               if not odds.passed else f"counted, the pass rate is at least {100 * odds.rate_lower:.1f} % (one-sided 95 % "
               f"Clopper-Pearson bound: what {odds.seeds} seeds show)")

    def pct(p: float) -> str:
        return "above 99.99 %" if p > 0.9999 else f"{percent(p)} %"

    where = (f"the line as the odds take it, {odds.line:g} % (half a test image below {step.budget.min_acc:g} %: a "
             f"figure that rounds to {step.budget.min_acc:.2f})," if odds.line is not None else "the line")
    beyond = (f" - {where} lies {odds.margin_sd:.1f} sd below the seeds' mean, so this is the normal curve's tail, "
              f"beyond what {odds.seeds} seeds can show by counting"
              if odds.rate_lower is not None and odds.margin_sd > 0 and odds.probability_lower > odds.rate_lower
              else "")
    return (f"{odds.held()}" + (f"; {counted}" if counted else "") + f"; a normal model of the seeds' min(last "
            f"{step.last}) (mean {odds.mean:.3f}, sd {odds.sd:.3f}) puts a new seed's odds at {pct(odds.probability)} "
            f"(95 % lower bound {pct(odds.probability_lower)}){beyond}")


def lowest_seed(step: Step) -> tuple[int, float] | None:
    """A check step's seed with the lowest min of the judged epochs, and that min: the one a check's row and Result
    lead with, since the budget asks it of every seed; of seeds tied there, the one shown (None: not a check, or no seed
    finished)."""
    done = step.check.finished() if step.check else {}
    if not done:
        return None
    seed = min(done, key=lambda s: (done[s].min_last, s != step.seed, s))  # a tie: the seed shown, else the lower
    return seed, done[seed].min_last


def lowest_text(step: Step, f: Facts) -> str:
    """The min of the judged epochs a step's row and Result give: a check's lowest seed's, naming it and the seed
    shown beside it; a run's own (its seed named)."""
    if (low := lowest_seed(step)) is None or (low[0] == step.seed and len(step.check.finished()) == 1):
        return f"{f.min_last:.2f} % (seed {step.seed})"
    seed, value = low
    ran = len(step.check.finished())
    shown = "it is the seed shown" if seed == step.seed else f"seed {step.seed}, shown: {f.min_last:.2f} %"
    return f"{value:.2f} % (seed {seed}, the lowest of the check's {ran} seeds; {shown})"


def _thinnest(step: Step) -> str:
    if (low := lowest_seed(step)) is None:
        return ""
    seed, low = low
    margin = low - step.budget.min_acc
    if margin < 0:
        return f"; the lowest seed, {seed}, fell {-margin:.2f} points below the line ({low:.2f} %)"
    band, noise = margin_noise(step, low)  # the seeds' own spread, where two or more finished
    kind = f"inside {noise}: a thin margin" if margin < band else f"beyond {noise}"
    return f"; the lowest seed, {seed}, held by {margin:.2f} points ({low:.2f} %), {kind}"


def lr_test_of(step: Step) -> LrTest | None:
    """The newest `lr-find` of this step's model beside its run (in the runs folder), if there is one."""
    runs_dir = (step.check_folder or step.folder).parent
    found = sorted(runs_dir.glob(f"lr-find-{step.name}-*/lr_find.json"), key=lambda p: p.parent.name)
    if not found:
        return None
    try:
        test = LrTest.load(found[-1].parent)
    except TinyDigitsError:
        return None
    return test if test.model in (step.run.settings.model, step.name) else None


def _confusions(run: Run, top: int = 3) -> str:
    """The commonest confusions, and how many more pairs tie with the last one shown (the cut is then arbitrary)."""
    pairs = run.confusions
    tied = sum(c.count == pairs[top - 1].count for c in pairs[top:]) if len(pairs) > top else 0
    return (", ".join(f"{c.true} → {c.predicted}: {c.count}" for c in pairs[:top])
            + (f", and {tied} more pair{'s' * (tied > 1)} at {pairs[top - 1].count}" if tied else "")
            + f" (of {sum(c.count for c in pairs)} mistakes)")


# ----------------------------------------------------------------------------------------------- what changed
def convs(run: Run) -> list[dict[str, Any]]:
    """The convs in execution order, from the recorded module settings: name (the attribute path in the author's
    class, `convblock1.0`), widths, kernel."""
    out = []
    for module, s in run.modules.items():
        if s["type"] == "Conv2d":
            out.append({"name": module or "the model", "module": module, "in": s["in_channels"],
                        "out": s["out_channels"], "k": s["kernel_size"][0], "groups": s["groups"]})
    return out


def placed(run: Run) -> list[tuple[str, str, dict[str, Any], str]]:
    """Every other leaf module as (type, the conv it follows, its settings, its own name), in execution order."""
    out, conv = [], "the input"
    for module, s in run.modules.items():
        if s["type"] == "Conv2d":
            conv = module or "the model"
        else:
            out.append((s["type"], conv, s, module))
    return out


def _conv_text(c: dict[str, Any]) -> str:
    kind = "1x1" if c["k"] == 1 else f"{c['k']}x{c['k']}" + (" depthwise" if c["groups"] > 1 else "")
    return f"{c['in']}→{c['out']} {kind}"


def _likeness(x: dict[str, Any], y: dict[str, Any]) -> int:
    """How alike two convs are: the same kernel and grouping first, then the same input and output widths."""
    return (3 if (x["k"], x["groups"] > 1) == (y["k"], y["groups"] > 1) else -1) + (x["in"] == y["in"]) + (x["out"] == y["out"])


def align(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> tuple[dict[str, str], list[str], list[str]]:
    """The convs of two steps matched in order by a global alignment (Needleman-Wunsch over `_likeness`, a gap costing
    2), so that a removed 1x1 squeeze does not shift every later pairing: old name -> new name for the matched, and
    the removed and the added. Hand-written: difflib's longest-block matching pairs the wrong convs here."""
    n, m, gap = len(before), len(after), -2
    score = [[gap * (i + j) if not i or not j else 0 for j in range(m + 1)] for i in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            score[i][j] = max(score[i - 1][j - 1] + _likeness(before[i - 1], after[j - 1]),
                              score[i - 1][j] + gap, score[i][j - 1] + gap)
    pairs, removed, added, i, j = {}, [], [], n, m
    while i or j:
        if i and j and score[i][j] == score[i - 1][j - 1] + _likeness(before[i - 1], after[j - 1]):
            pairs[before[i - 1]["name"]] = after[j - 1]["name"]
            i, j = i - 1, j - 1
        elif i and score[i][j] == score[i - 1][j] + gap:
            removed.append(before[i - 1]["name"])
            i -= 1
        else:
            added.append(after[j - 1]["name"])
            j -= 1
    return dict(reversed(pairs.items())), removed[::-1], added[::-1]


def _in_order(names: list[str] | set[str], run: Run) -> list[str]:
    """Module names in the order the run's layers run (the author's code order), unknown names last."""
    where = {name or "the model": i for i, name in enumerate(run.modules)}
    return sorted(set(names), key=lambda name: (where.get(name, len(where)), name))


def _renamed(a: str, b: str) -> str:
    return a if a == b else f"{a} (now {b})"


def width_changes(previous: Run, run: Run) -> list[str]:
    """Channel widths and kernels per conv, matched by `align`, by the author's names: `convblock1.0 8 → 10 channels`,
    `head kernel 16→10 7x7 → 16→10 1x1`, `trans1.0 (16→8 1x1) removed`, `head (16→10 1x1) added`; an input width
    only where it is not the conv before's output (a concatenation): `cat.0 input 16 → 24 channels`."""
    a_convs, b_convs = convs(previous), convs(run)
    pairs, removed, added = align(a_convs, b_convs)
    old, new = {c["name"]: c for c in a_convs}, {c["name"]: c for c in b_convs}

    def with_(r: Run, name: str) -> str:
        return ", ".join(f"{t} {own}" for t, c, _, own in placed(r) if c == name)

    out = [f"{a} ({_conv_text(old[a])}) removed" + (f" with {w}" if (w := with_(previous, a)) else "") for a in removed]
    fed_old, fed_new = _fed(a_convs), _fed(b_convs)
    for a, b in pairs.items():
        x, y = old[a], new[b]
        if x["out"] != y["out"]:
            kernel = "" if (x["k"], x["groups"]) == (y["k"], y["groups"]) else f" ({_conv_text(x)} → {_conv_text(y)})"
            out.append(f"{_renamed(a, b)} {x['out']} → {y['out']} channels{kernel}")
        elif (x["k"], x["groups"]) != (y["k"], y["groups"]):  # the same width: the kernel alone changed
            out.append(f"{_renamed(a, b)} kernel {_conv_text(x)} → {_conv_text(y)}")
        # an input that is the conv before's output in both steps follows from that conv's change, said there;
        # one that is not (a concatenation, a skip) is a change of its own
        if x["in"] != y["in"] and not (fed_old.get(a) and fed_new.get(b)):
            out.append(f"{_renamed(a, b)} input {x['in']} → {y['in']} channels")
    return out + [f"{b} ({_conv_text(new[b])}) added" + (f" with {w}" if (w := with_(run, b)) else "") for b in added]


def _fed(cs: list[dict[str, Any]]) -> dict[str, bool]:
    """Each conv: whether its input width is the output width of the conv before it (a plain chain)."""
    return {c["name"]: i > 0 and cs[i - 1]["out"] == c["in"] for i, c in enumerate(cs)}


def _values(kind: str, s: dict[str, Any]) -> str:
    """What a layer is set to, where that is what it does: a dropout's rate, a pool's window."""
    if kind.startswith("Dropout"):
        return f" p {_setting(s.get('p'))}"
    if "Pool" in kind and "Adaptive" not in kind and s.get("kernel_size") is not None:
        return f" {_setting(s.get('kernel_size'))}x{_setting(s.get('kernel_size'))}"
    return ""


def layer_changes(previous: Run, run: Run) -> list[str]:
    """Layers other than convs added or removed, by type with their values and their own names (matched by the conv
    each follows, `align`; the layers of a conv added or removed go with it): `+6 BatchNorm2d (convblock1.2, ...;
    none after convblock7.0)`, `+4 Dropout p 0.1 (convblock1.3, ...)`, `-4 Dropout p 0.05 (was convblock1.3, ... of
    step Model_1)`."""
    pairs, removed, added = align(convs(previous), convs(run))
    out = []
    for kind in sorted({t for t, *_ in placed(previous)} | {t for t, *_ in placed(run)}):
        was = Counter(pairs.get(c, c) for t, c, _, _ in placed(previous) if t == kind and c not in removed)
        now = Counter(c for t, c, _, _ in placed(run) if t == kind and c not in added)
        plus, minus = now - was, was - now
        if plus:  # the last of their kind after each conv that gained them
            mods = _last_of(run, kind, plus)
            bare = [c["name"] for c in convs(run) if c["name"] not in {c for t, c, _, _ in placed(run) if t == kind}]
            none = f"; none after {', '.join(bare)}" if kind.startswith("BatchNorm") and bare else ""
            for value, names in _by_value(kind, mods).items():
                out.append(f"+{len(names)} {kind}{value} ({', '.join(_in_order(names, run))}{none})")
        if minus:  # named as the step before named them
            back = {b: a for a, b in pairs.items()}
            mods = _last_of(previous, kind, Counter({back.get(c, c): k for c, k in minus.items()}))
            for value, names in _by_value(kind, mods).items():
                out.append(f"-{len(names)} {kind}{value} (was {', '.join(_in_order(names, previous))} of step "
                           f"{previous.name.split(INLINE)[0]})")
    return out


def _last_of(run: Run, kind: str, counts: Counter) -> list[tuple[str, dict[str, Any]]]:
    """(name, settings) of the last `counts[conv]` layers of `kind` after each conv."""
    out = []
    for conv, k in counts.items():
        found = [(own, s) for t, c, s, own in placed(run) if t == kind and c == conv]
        out += found[-k:]
    return out


def _by_value(kind: str, mods: list[tuple[str, dict[str, Any]]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for own, s in mods:
        out.setdefault(_values(kind, s), []).append(own)
    return out


def order_changes(previous: Run, run: Run) -> list[str]:
    """Matched convs whose following layers changed order (batch norm moved after the pool, dropout before it):
    `after convblock2.0: BatchNorm2d, ReLU, Dropout, MaxPool2d → MaxPool2d, BatchNorm2d, ReLU` - a move the counts do
    not show."""
    pairs, _, _ = align(convs(previous), convs(run))

    def after(r: Run) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for kind, conv, _, _ in placed(r):
            out.setdefault(conv, []).append(kind)
        return out

    was, now = after(previous), after(run)
    out = []
    for a, b in pairs.items():
        x, y = was.get(a, []), now.get(b, [])
        kept = [k for k in x if k in y]
        if kept != [k for k in y if k in x]:  # the layers both have, in another order
            out.append(f"after {_renamed(a, b)}: {', '.join(x)} → {', '.join(y)}")
    return out


IGNORED_SETTINGS = {"type", "in_channels", "out_channels", "num_features", "groups"}  # widths: said by width_changes


def setting_changes(previous: Run, run: Run) -> list[str]:
    """Every module setting that changed in a module both steps have (convs matched by `align`; other modules by type
    and the conv they follow, in order), by the author's names: `Dropout p 0.05 → 0.02 (convblock1.3, convblock2.3)`,
    a conv's stride, padding, dilation or bias, batch norm's momentum, eps or affine. Grouped where it repeats."""
    a_convs, b_convs = convs(previous), convs(run)
    pairs, _, _ = align(a_convs, b_convs)
    found: dict[tuple[str, str, str, str], list[str]] = {}

    def compare(kind: str, where: str, x: dict[str, Any], y: dict[str, Any]) -> None:
        said = IGNORED_SETTINGS | ({"kernel_size"} if kind == "Conv2d" else set())  # a conv's kernel: width_changes'
        for key in sorted((set(x) | set(y)) - said):
            if x.get(key) != y.get(key):
                found.setdefault((kind, key, _setting(x.get(key)), _setting(y.get(key))), []).append(where)

    old_mod, new_mod = previous.modules, run.modules
    new_by_name = {c["name"]: c for c in b_convs}
    for c in a_convs:
        if c["name"] in pairs:
            compare("Conv2d", pairs[c["name"]], old_mod[c["module"]], new_mod[new_by_name[pairs[c["name"]]]["module"]])
    before: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for kind, conv, s, _ in placed(previous):
        before.setdefault((kind, pairs.get(conv, conv)), []).append(s)
    for kind, conv, s, own in placed(run):
        if before.get((kind, conv)):
            compare(kind, own, before[(kind, conv)].pop(0), s)
    return [f"{kind} {key} {a} → {b} ({', '.join(_in_order(where, run))})" for (kind, key, a, b), where in found.items()]


def _setting(v: Any) -> str:
    if isinstance(v, list) and len(set(map(str, v))) == 1:
        v = v[0]  # a square kernel, an even stride: one number
    return "none" if v is None else _value(v) if not isinstance(v, bool) else ("yes" if v else "no")


def recipe_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Every recipe, augmentation and data setting that differs (by their declared roles; epochs are the likeness's)."""
    def show(v: Any) -> str:
        return "none" if v is None else _value(tuple(v)) if isinstance(v, list) else _value(v)

    return [f"{k} {show(before.get(k))} → {show(after.get(k))}" for k in settings_of("recipe", "augment", "data")
            if _norm(before.get(k)) != _norm(after.get(k))]


def _norm(v: Any) -> Any:
    return tuple(v) if isinstance(v, list) else v


# What each recipe setting is, for reading a step's changes against the step before's "next".
RATE_SETTINGS = {"lr", "scheduler", "step_size", "step_gamma", "momentum", "optimizer", "warmup"}
REGULARISERS = {"weight_decay", "label_smoothing"}


@dataclass(frozen=True)
class Change:
    """One change from the step before: what it is in words with its values, what kind (capacity, rate,
    regularisation, augmentation, normalisation, averaging, architecture, data), and why it did nothing (or "")."""

    text: str
    kind: str
    inert: str = ""
    part: str = "layers"  # or "recipe"
    detail: str = ""  # what it did in this run, where its name alone misleads (a schedule's course)

    def said(self) -> str:
        return self.text + (f" ({self.inert})" if self.inert else "") + (f" ({self.detail})" if self.detail else "")


def run_step_size(run: Run) -> int:
    """A step schedule's step size as it ran: from the first cut in the recorded rates where there was one, else the
    setting (or the default `factories` resolves it to)."""
    if events := rate_events(run):
        return events[0][0] - 1
    return run.settings.step_every()


def schedule_inert(step: Step) -> str:
    """Why a step schedule never cut the rate in this run ('' where it did, or no step schedule ran)."""
    s, rates = step.run.settings, [e.lr for e in step.run.epochs]
    if s.scheduler != "step" or rate_events(step.run) or min(rates, default=0) < max(rates, default=0):
        return ""  # the rates the run recorded moved: the schedule acted, whatever its settings say
    size, ran = run_step_size(step.run), len(step.run.epochs)
    return (f"inert: its first cut comes at the start of epoch {size + 1}, after the last epoch ({ran}), so the rate "
            f"stayed {step.run.epochs[0].lr:g}" if size >= ran else "inert: the rate never fell in this run")


def augment_inert(step: Step) -> str:
    s = step.run.settings
    if augmentations(step.config) and (s.augment_off_last or 0) >= len(step.run.epochs):
        return f"inert: no epoch trained augmented (none in the last {s.augment_off_last} of {len(step.run.epochs)})"
    return ""


def _recipe_kind(key: str, lr_now: float | None, lr_then: float | None) -> str:
    """What a recipe setting's change does, in a word the Analysis reads against its advice."""
    if key == "lr":
        return "lower rate" if (lr_now or 0) < (lr_then or 0) else "higher rate"
    if key == "scheduler":
        return "rate schedule"
    if key == "batch_size":  # more steps an epoch, each noisier: not a rate, whatever it does to one
        return "batch"
    return ("rate" if key in RATE_SETTINGS else "regularisation" if key in REGULARISERS else "averaging"
            if key == "ema" else "augmentation" if key.startswith("augment") else "data"
            if key in settings_of("data") else "recipe")


def _width_kind(text: str) -> str:
    """A conv's width change read by its direction: wider or added is capacity, narrower or removed less of it."""
    if text.endswith(" added") or " added with " in text:
        return "capacity"
    if " removed" in text:
        return "less capacity"
    found = re.search(r"(\d+) → (\d+) channels", text)
    if not found:
        kernel = re.search(r" kernel \d+→\d+ (\d+)x\d+.* → \d+→\d+ (\d+)x\d+", text)
        if kernel and kernel.group(1) != kernel.group(2):  # the same widths: a larger kernel holds more weights
            return "capacity" if int(kernel.group(2)) > int(kernel.group(1)) else "less capacity"
        return "architecture"
    return "capacity" if int(found.group(2)) > int(found.group(1)) else "less capacity"


def changes(previous: Step, step: Step) -> list[Change]:
    """Every change from the step before, each with its kind and, where it did nothing in this run, why: the layers
    (widths, layers added or removed with their values, order, settings) and the recipe."""
    out: list[Change] = []
    a, b = previous.run, step.run
    if a.modules and b.modules:
        out += [Change(t, _width_kind(t)) for t in width_changes(a, b)]
        for t in layer_changes(a, b):
            kind = next((k for name, k in (("Dropout", "regularisation"), ("BatchNorm", "normalisation"))
                         if f" {name}" in t), "architecture")
            kind = "less regularisation" if kind == "regularisation" and t.startswith("-") else kind
            inert = "inert: a dropout of rate 0 drops nothing" if kind == "regularisation" and " p 0 (" in t \
                and t.startswith("+") else ""
            out.append(Change(t, kind, inert))
        out += [Change(t, "architecture") for t in order_changes(a, b)]
        for t in _bias_split(setting_changes(a, b), normed_convs(b)):
            kind = "regularisation" if t.startswith("Dropout") else "normalisation" if t.startswith("BatchNorm") \
                else "architecture"
            inert = "inert: a dropout of rate 0 drops nothing" if t.startswith("Dropout p") and " → 0 (" in t else ""
            if t.startswith("Conv2d bias ") and set(_names_in(t)) <= normed_convs(b):
                inert = BIAS_INERT
            out.append(Change(t, kind, inert))
    before, after = previous.config, step.config
    now, then = step.run.settings, previous.run.settings
    folded = now.scheduler == "step" and then.scheduler != "step"
    recipe = recipe_changes(before, after)
    lr_listed = any(r.startswith("lr ") for r in recipe)  # the peak's change is then `lr`'s, said once
    for t in recipe:
        key = t.split(" ", 1)[0]
        if folded and key in ("step_size", "step_gamma"):
            continue  # said with the schedule
        if key == "scheduler" and now.scheduler == "step":
            t += f" (the rate x{step.run.settings.step_gamma:g} every {run_step_size(step.run)} epochs)"
        kind, inert = _recipe_kind(key, now.lr, then.lr), ""
        if key in ("scheduler", "step_size", "step_gamma") and (why := schedule_inert(step)):
            same = [e.lr for e in previous.run.epochs] == [e.lr for e in step.run.epochs]
            if same:  # the rates every epoch started with are the step before's: the schedule changed nothing
                inert = why
            else:
                t += (f" (it never cut here: {why.removeprefix('inert: ')} - in effect the step before's "
                      f"{previous.run.settings.scheduler or 'schedule'} → a constant rate)")
        elif kind == "augmentation":
            inert = augment_inert(step)
        course = rate_course(previous.run, step.run, lr_listed) if key == "scheduler" and not inert else \
            updates_text(previous, step) if key == "batch_size" else ""
        out.append(Change(t, kind, inert, "recipe", course))
    if len(step.run.epochs) > len(previous.run.epochs):
        out.append(Change(f"epochs {len(previous.run.epochs)} → {len(step.run.epochs)}", "epochs", part="epochs"))
    return out


BIAS_INERT = ("inert: batch norm right after each of these convs subtracts each channel's mean, so their bias cannot "
              "change what the net computes")


def normed_convs(run: Run) -> set[str]:
    """The convs (by `convs`' names) whose very next layer is a batch norm: a bias of theirs is cancelled by it."""
    mods = list(run.modules.items())
    return {module or "the model" for (module, s), (_, t) in zip(mods, mods[1:], strict=False)
            if s["type"] == "Conv2d" and t["type"].startswith("BatchNorm")}


def _names_in(text: str) -> list[str]:
    """The layer names a change lists in its trailing parenthesis: `Conv2d bias yes → no (c1, c2)` -> [c1, c2]."""
    found = re.search(r"\(([^()]*)\)$", text)
    return found.group(1).split(", ") if found else []


def _bias_split(found: list[str], normed: set[str]) -> list[str]:
    """A conv bias change said apart for the convs batch norm follows (where it cannot act) and the others."""
    out = []
    for t in found:
        names = _names_in(t)
        if not t.startswith("Conv2d bias ") or set(names) <= normed or not set(names) & normed:
            out.append(t)
            continue
        head = t[:t.rindex(" (")]
        out += [f"{head} ({', '.join(n for n in names if n in normed)})",
                f"{head} ({', '.join(n for n in names if n not in normed)})"]
    return out


def updates_text(previous: Step, step: Step) -> str:
    """What a batch size's change does to the number of weight updates an epoch (each over more or fewer images)."""
    a, b = previous.run.settings.batch_size, step.run.settings.batch_size
    if not a or not b:  # a size not recorded: no count to give
        return ""
    ua, ub = (math.ceil(s.train_images / size) for s, size in ((previous, a), (step, b)))
    ratio = ub / ua
    said = ("half" if math.isclose(ratio, 0.5, rel_tol=0.01) else "twice" if math.isclose(ratio, 2, rel_tol=0.01)
            else f"{ratio:.2g} times")
    return (f"{ua:,} → {ub:,} weight updates an epoch: {said} the updates, each over {'more' if b > a else 'fewer'} "
            "images")


def rate_course(before: Run, after: Run, lr_listed: bool = False) -> str:
    """How a schedule's change moved the rate, from the rates the epochs started with and each schedule's peak: the
    peak kept or changed (where `lr`'s own change is listed, the peak is that change, not counted again), then the
    course - a warm-up dropped or added, the rates epoch by epoch, their mean."""
    a, b = [e.lr for e in before.epochs], [e.lr for e in after.epochs]
    pa, pb = peak_rate(before), peak_rate(after)
    peak = (f"the peak rate the same, {pb:g}" if math.isclose(pa, pb, rel_tol=1e-6) else
            f"the peak rate {pa:g} → {pb:g} is `lr`'s change, counted there" if lr_listed else
            f"the peak rate {pa:g} → {pb:g}")
    warm = ""
    if a[0] < RATE_FALL * pa and b[0] >= RATE_FALL * pb:
        warm = f": no warm-up now - epoch 1 starts at {b[0]:.4g}, where it started at {a[0]:.4g}"
    elif b[0] < RATE_FALL * pb and a[0] >= RATE_FALL * pa:
        warm = f": a warm-up now - epoch 1 starts at {b[0]:.4g}, where it started at {a[0]:.4g}"
    rates = f"{_rates_said(a)} → {_rates_said(b)}"
    return (f"{peak}; what changed is the rate's course, at the epochs' starts {rates}{warm}; their mean "
            f"{sum(a) / len(a):.2g} → {sum(b) / len(b):.2g}")


def _rates_said(rates: list[float]) -> str:
    """The rates at the epochs' starts, a run of equal ones said once with its epochs: `0.01 in epochs 1-3, 0.001 in
    4-5`; all different: listed."""
    runs: list[list[int]] = []
    for i, r in enumerate(rates):
        if runs and rates[runs[-1][0] - 1] == r:
            runs[-1].append(i + 1)
        else:
            runs.append([i + 1])
    if all(len(r) == 1 for r in runs):
        return ", ".join(f"{x:.4g}" for x in rates)
    return ", ".join(f"{rates[r[0] - 1]:.4g} in {'epochs ' if k == 0 else ''}{_span(r)}" for k, r in enumerate(runs))


def _short(c: Change) -> str:
    """A change without its trailing list of layers or its parenthesis: `+5 BatchNorm2d`, `scheduler none → step`."""

    return re.sub(r" \([^()]*(\([^()]*\)[^()]*)*\)$", "", c.text)


def unlike(previous: Step, step: Step) -> list[str]:
    """What differs between the two runs compared besides the change itself: epochs, training images, seed."""
    pairs = [("epochs", len(previous.run.epochs), len(step.run.epochs)),
             ("training images", previous.train_images, step.train_images),
             ("seed", previous.seed, step.seed)]
    return [f"{name} {a:,} → {b:,}" if name != "seed" else f"{name} {a} → {b}" for name, a, b in pairs if a != b]


def _param_shapes(run: Run) -> list[tuple[str, tuple[int, ...]]]:
    """The shapes of the parameters each recorded layer holds, in the order the layers run."""
    out = []
    for s in run.modules.values():
        t = s["type"]
        if t == "Conv2d":
            k = s["kernel_size"]
            out.append((t, (s["out_channels"], s["in_channels"] // s["groups"], *k)))
            if s.get("bias"):
                out.append((t, (s["out_channels"],)))
        elif t.startswith("BatchNorm") and s.get("affine", True):
            out += [(t, (s.get("num_features"),))] * 2
        elif t == "Linear":
            out.append((t, (s["out_features"], s["in_features"])))
            if s.get("bias"):
                out.append((t, (s["out_features"],)))
    return out


def start_text(previous: Step, step: Step) -> str:
    """Whether the two steps started from the same weights: from the digests of their starting parameters where both
    runs recorded one, else from their layers' shapes (different shapes: different weights; the same shapes and seed:
    the same draws where the layers are made in the order they run)."""
    if previous.seed != step.seed:
        return f"seeds {previous.seed} and {step.seed}: different starting weights"
    digests = [s.run.init_sha256 for s in (previous, step)]
    if all(digests):
        where = "each run folder's config.json, `architecture.init_sha256`"
        if digests[0] == digests[1]:
            return (f"the same starting weights (their initial parameters are identical: the sha256 of them in {where},"
                    f" is {digests[0][:12]}… in both)")
        how = "the same layer shapes" if _param_shapes(previous.run) == _param_shapes(step.run) else "different layers"
        return (f"different starting weights ({how}; the sha256 of their initial parameters in {where}, differs: "
                f"{digests[0][:12]}… and {digests[1][:12]}…)")
    if not (previous.run.modules and step.run.modules):
        return "starting weights not compared (a layer table was not recorded)"
    if _param_shapes(previous.run) != _param_shapes(step.run):
        return "different layer shapes, so one seed draws different starting weights"
    return ("the same layer shapes and seed: the same starting weights where the classes make their layers in the "
            "order they run (the runs recorded no digest of their starting weights to prove it)")


def change_lines(previous: Step, step: Step) -> list[str]:
    """What changed from the step before (every change with its values; the inert named as inert), the change read
    against the step before's "next", and its effect - like for like or not, the same start or not, against the
    noise that applies."""
    a, b = facts(previous), facts(step)
    found = changes(previous, step)
    if previous.run.modules and step.run.modules:
        layers = "; ".join(c.said() for c in found if c.part == "layers") or "none"
    else:
        layers = ("not known: the layer table was not recorded with "
                  + " and ".join(s.folder.name for s in (previous, step) if not s.run.modules))
    recipe = [c.said() for c in found if c.part == "recipe"] or ["unchanged"]
    lines = [f"- changed from step {previous.name}: layers {layers}; parameters {a.params:,} → {b.params:,} "
             f"({b.params - a.params:+,}); receptive field {a.rf} → {b.rf} px; recipe: {'; '.join(recipe)}."]
    lines.append(_against_next(previous, step, a, found))
    seeds = f"seed {previous.seed} → seed {step.seed}" if previous.seed != step.seed else f"seed {step.seed}"
    noise = math.hypot(noise_band(a.min_last), noise_band(b.min_last))
    weights = _gap_weights(previous, step)  # said where the two steps' gaps are of different weights, else compared
    gap = "" if weights else f", train minus test {a.gap:+.2f} → {b.gap:+.2f} points"
    effect = (f"best test {a.best_test:.2f} → {b.best_test:.2f} % ({b.best_test - a.best_test:+.2f}), "
              f"min of the last {step.last} {a.min_last:.2f} → {b.min_last:.2f} % ({b.min_last - a.min_last:+.2f})"
              f"{gap} ({seeds})")
    judged = _against_noise(previous, step, a, b, noise) + weights
    inert = [c.text for c in found if c.inert]
    acted = [c for c in found if not c.inert]
    left = (f"; the inert ({'; '.join(inert)}) left out: the effect is the other changes'" if inert and acted else
            "; every change was inert, so the difference is not theirs" if inert else "")
    if len(acted) > 1:  # one run of each step: nothing here isolates one change
        named = f" ({'; '.join(_short(c) for c in acted)})" if len(acted) <= 4 else " above"
        left += (f"; the {len(acted)} changes{named} acted together: the effect is theirs, and these runs cannot split "
                 "it between them")
    start = start_text(previous, step)
    if differ := unlike(previous, step):
        lines.append(f"- its effect, **not like for like** ({', '.join(differ)}: the difference mixes the change with "
                     f"these; {start}){left}: {effect}; {judged}.")
    else:
        lines.append(f"- its effect (the same epochs, training images and seed number; {start}){left}: {effect}; "
                     f"{judged}.")
    return lines + _not_capacity(previous, step, a, b, found)


def _not_capacity(previous: Step, step: Step, a: Facts, b: Facts, found: list[Change]) -> list[str]:
    """What this step shows of the step before's under-fit: where it added no channel and its training accuracy now
    reaches the line, the under-fit was not for lack of capacity - the step before's advice to add some included."""
    line = step.budget.min_acc
    if needs(a) != "under-fitting" or any(c.kind == "capacity" for c in found) or b.best_train < line:
        return []
    return [f"- what it shows of step {previous.name}'s under-fit: not a lack of capacity - no conv gained channels "
            f"here ({b.params - a.params:+,} parameters), and this step's training accuracy reached {b.best_train:.2f} "
            f"% (the step before's best {a.best_train:.2f} %), above the {line} % line."]


AGAINST = {"regularisation": "regularisation holds back the fit that an under-fitting net lacks",
           "augmentation": "augmentation makes the training images harder to fit, and fit is what an under-fitting "
                           "net lacks",
           "lower rate": "a lower rate shrinks steps that are already too small",
           "higher rate": "a higher rate lengthens steps that already overshoot",
           "capacity": "more capacity widens the gap of a net that over-fits",
           "less regularisation": "less regularisation widens the gap of a net that over-fits",
           "less capacity": "less capacity takes from the fit that an under-fitting net lacks"}  # why each goes against


def _opposite(d: str, want: tuple[str, ...]) -> set[str]:
    """The kinds of change that go against what the diagnosis `d` calls for (`want`)."""
    out = {"under-fitting": {"regularisation", "augmentation", "less capacity"},
           "did not learn": {"regularisation", "augmentation"},
           "over-fitting": {"capacity", "less regularisation"}}.get(d, set())
    return out | ({"lower rate"} if "higher rate" in want else set()) | ({"higher rate"} if "lower rate" in want else set())


def serves(kind: str, want: tuple[str, ...]) -> bool:
    """Whether a change of `kind` answers what is wanted: a rate's change of any kind answers a call for "rate"; less
    capacity regularises (an over-fit's call), less regularisation frees the fit (an under-fit's call for capacity)."""
    return (kind in want or ("rate" in want and kind in RATE_KINDS)
            or (kind == "less capacity" and "regularisation" in want)
            or (kind == "less regularisation" and "capacity" in want))


def _against_next(previous: Step, step: Step, a: Facts, found: list[Change]) -> str:
    """This step's changes read against the step before's "next" (`next_line`): which follow it, which go against it
    (regularisation or augmentation for an under-fit or a net that did not learn, capacity for an over-fit, a rate
    the wrong way for a stuck net), which are neither - each change said once."""
    d, want = needs(a), wanted(previous, a)
    acted = [c for c in found if not c.inert]
    said = f"- read against step {previous.name}'s next ({_label(previous, a)}){_chosen_before(previous, step)}: "
    if not acted:
        return said + "no change acted, so nothing follows it."
    if d == "neither":
        return said + ("every change here is read by the margin it moved (its effect, below): "
                       + "; ".join(f"{c.text} ({c.kind})" for c in acted) + ".")
    opposite = _opposite(d, want)
    follows = [c for c in acted if serves(c.kind, want)]
    against = [c for c in acted if c not in follows and c.kind in opposite]
    other = [c for c in acted if c not in follows and c not in against]

    def listed(cs: list[Change]) -> str:
        return "; ".join(f"{c.text} ({c.kind})" for c in cs)

    parts = [f"With it: {listed(follows)}."] if follows else []
    if against:
        dead = d == "did not learn" and stuck(previous).how == "dead"  # a higher rate's harm there: more dead ReLUs
        why = "; ".join(dict.fromkeys(
            "a higher rate pushes more ReLUs where they never fire" if dead and c.kind == "higher rate" else AGAINST[c.kind]
            for c in against if c.kind in AGAINST))
        parts.append(f"Against it: {listed(against)} - {why}.")
    if other:
        parts.append(f"Neither way: {listed(other)}.")
    verdict = ("followed" if follows and not against else "gone against" if against and not follows
               else "partly followed, partly gone against" if follows else "not taken up")
    return said + f"{verdict}. " + " ".join(parts)


def _gap_weights(previous: Step, step: Step) -> str:
    """Where one step's test figures are of an EMA of its weights and the other's of the live weights, their train
    minus test figures are not like for like: said, so that the gap's change is not read as the changes' effect."""
    averaged = [s.name for s in (previous, step) if s.run.settings.ema]
    if len(averaged) != 1:
        return ""
    return (f"; their train minus test figures are not compared: {averaged[0]}'s test accuracy is of its weights' "
            "running average (EMA), its train accuracy of the live weights, while the other step's are both of the live "
            "weights")


STAMP = re.compile(r"-(\d{8}T\d{6}Z)(?:-\d+)?(?:-s\d+)?$")  # a run or check folder's UTC start in its name


def started(step: Step) -> datetime | None:
    """When the step began: the UTC stamp in its check's or run's folder name (None where the name has none)."""
    found = STAMP.search((step.check_folder or step.folder).name)
    return datetime.strptime(found.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC) if found else None


def ended(step: Step) -> datetime | None:
    """When the step's results existed at the earliest: its start, then its check's wall time or its epochs' seconds."""
    begun = started(step)
    if begun is None:
        return None
    wall = step.check.verdict.wall_seconds if step.check else None
    return begun + timedelta(seconds=wall if wall else sum(e.seconds for e in step.run.epochs))


def _chosen_before(previous: Step, step: Step) -> str:
    """Said where a step began before the step before had its result (folders' stamps): its changes were chosen
    without that result, so reading them against its advice is after the fact."""
    begun, done = started(step), ended(previous)
    if begun is None or done is None or begun >= done:
        return ""
    return (f" - step {step.name} began at {begun:%H:%M:%S} UTC, before step {previous.name}'s result (it trained "
            f"until about {done:%H:%M:%S}): its changes were chosen without that result, so this reading is after the "
            "fact")


def _against_noise(previous: Step, step: Step, a: Facts, b: Facts, noise: float) -> str:
    """A step's effect on the min of the last N against the noise that applies: the seeds' own spread where a check
    measured it (three or more seeds), else the test set's sampling error of two scores (binomial), said to leave the
    noise another seed brings unmeasured."""
    change = b.min_last - a.min_last
    what = f"the change in the min of the last {step.last}, {change:+.2f}"
    checks = [s for s in (previous, step) if s.check and len(s.check.finished()) >= 3]
    if checks:
        seeds = checks[-1].check
        sd = seeds.spread()
        mins = [r.min_last for r in seeds.finished().values()]
        other = a.min_last if checks[-1] is step else b.min_last
        above = sum(m > other for m in mins) if checks[-1] is step else sum(m < other for m in mins)
        side = "above the step before's" if checks[-1] is step else "below this step's"
        unmeasured = [s.name for s in (previous, step) if s not in checks]
        if unmeasured:  # a difference of one seed from each step spreads √2 times one seed, taken alike for both
            return (f"{what}, is {abs(change) / (sd * math.sqrt(2)):.1f} times the sd of a difference of two seeds "
                    f"(√2 × {sd:.3f}, {checks[-1].name}'s {len(mins)} seeds' sd; {unmeasured[0]}'s own spread is not "
                    f"measured: one seed, taken as alike), and {above} of {checks[-1].name}'s seeds are {side} "
                    f"{other:.2f} %")
        return (f"{what}, is {abs(change) / sd:.1f} times the seed-to-seed sd ({sd:.3f}: the noise another seed "
                f"brings) of {checks[-1].name}'s "
                f"{len(mins)} seeds, and {above} of them are {side} {other:.2f} %")
    if abs(change) <= noise:
        return (f"{what}, is inside the test set's sampling error of two scores (±{noise:.2f}): not shown to be an "
                "effect, and the noise another seed brings is not measured (one seed each)")
    return (f"{what}, is beyond the test set's sampling error of two scores (±{noise:.2f}); the noise another seed "
            "brings is not measured (one seed each)")
