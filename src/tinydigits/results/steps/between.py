"""Every change from the step before, each counted once with its kind and, where it cannot act in this run,
why (`changes`, `Change`: a bias before batch norm, a dropout of 0, a schedule that never cut, augmentation off for
every epoch); what a batch or schedule change did (`updates_text`, `rate_course`); whether the two runs are alike
(`unlike`), started alike (`start_text`) and when each ran (`started`, `ended`).
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tinydigits.results.records import Run
from tinydigits.results.steps.curves import RATE_FALL, epoch_span, peak_rate, rate_events, run_step_size
from tinydigits.results.steps.layers import (
    FED_ANEW,
    drawn,
    layer_changes,
    normed_convs,
    normed_in,
    order_changes,
    param_shapes,
    setting_changes,
    width_changes,
)
from tinydigits.results.steps.step import Step, value_text
from tinydigits.training.config import TrainConfig, augmentations, settings_of
from tinydigits.training.factories import EMA_WARMUP_POWER, cycled_momentum, last_decay

# What each recipe setting is, for reading a step's changes against the step before's "next".
RATE_SETTINGS = {"lr", "scheduler", "step_size", "step_gamma", "momentum", "optimizer", "warmup"}
REGULARISERS = {"weight_decay", "label_smoothing"}
FOLLOWS = "follows from the layers removed or added before it: counted with them, not apart"
PART = "part of that restructure: its channels feed directly the conv the removed one fed; counted with it, not apart"
MOVED = ("a restructure, not only a cut: the conv after it is fed by the one before it now, its input wider - the "
         "parameters moved, the net change below")


@dataclass(frozen=True)
class Change:
    """One change from the step before: what it is in words with its values, what kind (capacity, rate,
    regularisation, augmentation, normalisation, averaging, architecture, data), and why it did nothing (or "")."""

    text: str
    kind: str
    inert: str = ""
    part: str = "layers"  # or "recipe"
    detail: str = ""  # what it did in this run, where its name alone misleads (a schedule's course)
    follows: str = ""  # a change that is another's consequence (a conv's input after the conv feeding it went)

    @property
    def counted(self) -> bool:
        """Counted among the changes that acted: not inert, and not a consequence of another change."""
        return not self.inert and not self.follows

    def said(self) -> str:
        return (self.text + (f" ({self.inert})" if self.inert else "") + (f" ({self.detail})" if self.detail else "")
                + (f" ({self.follows})" if self.follows else ""))


def changes(previous: Step, step: Step) -> list[Change]:
    """Every change from the step before, each with its kind and, where it did nothing in this run, why: the layers
    (widths, layers added or removed with their values, order, settings) and the recipe."""
    out: list[Change] = []
    a, b = previous.run, step.run
    if a.modules and b.modules:
        widths = width_changes(a, b)
        # the widths convs fed by another conv now take in: a removal there moved parameters, not only cut them
        fed = {m[1] for t in widths if FED_ANEW in t and (m := re.search(r"input \d+ → (\d+) channels", t))}
        out += [_width_change(t, fed) for t in widths]
        for t in layer_changes(a, b):
            kind = next((k for name, k in (("Dropout", "regularisation"), ("BatchNorm", "normalisation"))
                         if f" {name}" in t), "architecture")
            kind = "less regularisation" if kind == "regularisation" and t.startswith("-") else kind
            inert = DROPOUT_INERT if kind == "regularisation" and " p 0 (" in t \
                and t.startswith("+") else ""
            out.append(Change(t, kind, inert))
        out += [_reorder(t) for t in order_changes(a, b)]
        for t in _bias_split(setting_changes(a, b), normed_convs(b)):
            kind = "regularisation" if t.startswith("Dropout") else "normalisation" if t.startswith("BatchNorm") \
                else "architecture"
            inert = DROPOUT_INERT if t.startswith("Dropout p") and " → 0 (" in t else ""
            if t.startswith("Conv2d bias ") and set(_names_in(t)) <= normed_convs(b):
                inert = BIAS_INERT
            out.append(Change(t, kind, inert))
    out += _recipe_changes(previous, step)
    if len(step.run.epochs) > len(previous.run.epochs):
        out.append(Change(f"epochs {len(previous.run.epochs)} → {len(step.run.epochs)}", "epochs", part="epochs"))
    return out


def _reorder(text: str) -> Change:
    """A reorder of the layers after a conv, with what it can change: ReLU and max-pool commute (a ReLU keeps the
    order of values, so the largest before it is the largest after), and batch norm's per-channel scale and shift
    commute with max-pool where the scale is positive - a reorder of those alone acts only through batch norm's
    statistics, taken over the pooled map now, or over the unpooled one (and a channel of negative scale)."""
    kinds = set(text.rpartition(": ")[2].replace(" → ", ", ").split(", "))
    if kinds <= {"ReLU", "MaxPool2d"}:
        return Change(text, "architecture", "inert: ReLU and max-pool commute - a ReLU keeps the order of values, so "
                                            "the pool picks the same one either way")
    if kinds <= {"ReLU", "MaxPool2d", "BatchNorm2d"}:
        return Change(text, "architecture", detail="it acts only through batch norm: ReLU and max-pool commute, and "
                      "batch norm's scale and shift commute with max-pool where the scale is positive, so what differs "
                      "is the map batch norm's statistics are taken over (pooled or not) and any channel of negative scale")
    return Change(text, "architecture")


def _width_change(text: str, fed: set[str]) -> Change:
    """A width change with its kind, where a conv now fed by another (`fed`: the widths such convs take in) makes a
    restructure of it: the conv removed moved parameters, the conv now feeding it is part of that, and the fed conv's
    input follows from both - said with them, not counted apart."""
    if FED_ANEW in text:
        return Change(text, _width_kind(text), follows=FOLLOWS)
    if fed and re.search(r"\) removed\b", text):
        return Change(text, "architecture", detail=MOVED)
    if (found := re.search(r"^\S+(?: \(now \S+\))? \d+ → (\d+) channels", text)) and found[1] in fed:
        return Change(text, "architecture", follows=PART)
    return Change(text, _width_kind(text))


def _recipe_changes(previous: Step, step: Step) -> list[Change]:
    """The recipe's changes, each once: a step schedule's size and factor said with it, where new augmentation stops
    said with that augmentation, the peak rate's change said as `lr`'s."""
    out: list[Change] = []
    before, after = previous.config, step.config
    now, then = step.run.settings, previous.run.settings
    # a step schedule's size and factor act only under it: said with the schedule where it starts or ends
    folded = (now.scheduler == "step") != (then.scheduler == "step")
    recipe = recipe_changes(before, after)
    lr_listed = any(r.startswith("lr ") for r in recipe)  # the peak's change is then `lr`'s, said once
    added = not augmentations(before) and bool(augmentations(after))  # augmentation new in this step
    tail = next((t for t in recipe if t.startswith("augment_off_last ")), None) if added else None
    said_tail = False
    for t in recipe:
        key = t.split(" ", 1)[0]
        if folded and key in ("step_size", "step_gamma"):
            continue  # said with the schedule
        if t == tail:
            continue  # where the new augmentation stops: said with it, not a change of its own
        if tail and key.startswith("augment") and not said_tail:
            plain = f"{now.augment_off_last} epochs" if now.augment_off_last != 1 else "epoch"
            t, said_tail = f"{t}, with {tail} (no augmentation of any kind in the last {plain})", True
        if key == "scheduler" and now.scheduler == "step":
            t += f" (the rate x{step.run.settings.step_gamma:g} every {run_step_size(step.run)} epochs)"
        kind, inert = _recipe_kind(key, now.lr, then.lr), ""
        if key == "augment_off_last":  # more plain epochs at the end is less augmentation, fewer is more
            kind = "less augmentation" if (now.augment_off_last or 0) > (then.augment_off_last or 0) else "augmentation"
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
    return out


DROPOUT_INERT = "inert: a dropout of rate 0 drops nothing"
BIAS_INERT = ("inert: batch norm right after each of these convs subtracts each channel's mean, so their bias cannot "
              "change what the net computes")


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


def recipe_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Every recipe, augmentation and data setting that differs (by their declared roles; epochs are the likeness's)."""
    def show(v: Any) -> str:
        return "none" if v is None else value_text(tuple(v)) if isinstance(v, list) else value_text(v)

    return [f"{k} {show(before.get(k))} → {show(after.get(k))}" for k in settings_of("recipe", "augment", "data")
            if _norm(before.get(k)) != _norm(after.get(k))]


def _norm(v: Any) -> Any:
    return tuple(v) if isinstance(v, list) else v


def schedule_inert(step: Step) -> str:
    """Why a step schedule never cut the rate in this run ('' where it did, or no step schedule ran)."""
    s, rates = step.run.settings, [e.lr for e in step.run.epochs]
    if s.scheduler != "step" or rate_events(step.run) or min(rates, default=0) < max(rates, default=0):
        return ""  # the rates the run recorded moved: the schedule acted, whatever its settings say
    size, ran = run_step_size(step.run), len(step.run.epochs)
    return (f"inert: {first_cut_after(size, ran)}, so the rate stayed {step.run.epochs[0].lr:g}" if size >= ran
            else "inert: the rate never fell in this run")


def first_cut_after(size: int, epochs: int) -> str:
    """Where a step schedule of `size` epochs between cuts first cuts, in a run of `epochs` that ends before it."""
    return f"its first cut comes at the start of epoch {size + 1}, after the last epoch ({epochs})"


def augment_inert(step: Step) -> str:
    s = step.run.settings
    if never_augmented(step.config, len(step.run.epochs)):
        return f"inert: no epoch trained augmented (none in the last {s.augment_off_last} of {len(step.run.epochs)})"
    return ""


def never_augmented(config: dict[str, Any], epochs: int) -> bool:
    """A config that sets augmentation, with every one of its `epochs` among the plain ones at the end."""
    return bool(augmentations(config)) and (config.get("augment_off_last") or 0) >= epochs


def inert_settings(cfg: TrainConfig, modules: dict[str, dict[str, Any]]) -> list[str]:
    """The settings of a resolved config that cannot act in a run of its epochs, one line each, said before it
    trains: a step schedule that never cuts, a plateau schedule whose patience outlasts the run, augmentation off
    for every epoch, a weight decay of conv biases that batch norm cancels, a dropout of rate 0. `modules`: the
    model's layers as a run records them (`models.summary.layer_settings`), in the order they run; {} where unknown."""
    out, epochs = [], cfg.epochs
    if cfg.scheduler == "step" and (size := cfg.step_every()) >= epochs:
        given = (f"--step-size {size} in {_epochs(epochs)}" if cfg.step_size else
                 f"no --step-size: the default, a third of the epochs and at least 1, is {size}")
        out.append(f"--scheduler step cannot act in this run: {first_cut_after(size, epochs)}, so the rate stays "
                   f"{cfg.lr:g} ({given})")
    elif cfg.scheduler == "step" and cfg.step_gamma == 1:
        out.append(f"--scheduler step cannot act in this run: --step-gamma 1 multiplies the rate by 1 at each cut, so "
                   f"it stays {cfg.lr:g}")
    if cfg.scheduler == "plateau" and epochs <= cfg.plateau_patience + 2:
        out.append(f"--scheduler plateau cannot act in this run: with --plateau-patience {cfg.plateau_patience} its "
                   f"first cut comes at the end of epoch {cfg.plateau_patience + 2} at the earliest, and no epoch "
                   f"trains after it ({_epochs(epochs)}), so the rate stays {cfg.lr:g}")
    config = dataclasses.asdict(cfg)
    if never_augmented(config, epochs):
        said = ", ".join(f"--augment-{k} {value_text(v)}" for k, v in augmentations(config).items())
        every = "its one epoch" if epochs == 1 else f"every one of its {epochs} epochs"
        out.append(f"augmentation ({said}) cannot act in this run: --augment-off-last {cfg.augment_off_last} trains "
                   f"{every} on the digits as they are")
    normed = normed_in(modules)
    cancelled = [n for n, s in modules.items() if n in normed and s.get("bias")]
    if cfg.weight_decay and cancelled:
        out.append(f"--weight-decay {cfg.weight_decay:g} cannot act on the bias of {', '.join(cancelled)}: "
                   f"{BIAS_INERT.removeprefix('inert: ')} (it acts on the other weights)")
    if dropped := [n for n, s in modules.items() if s["type"].startswith("Dropout") and s.get("p") == 0]:
        out.append(f"Dropout p 0 ({', '.join(dropped)}) cannot act in this run: "
                   f"{DROPOUT_INERT.removeprefix('inert: ')}")
    return out


def _epochs(n: int) -> str:
    return f"{n} epoch" if n == 1 else f"{n} epochs"


def updates_per_epoch(step: Step, batch: int) -> int:
    """The weight updates an epoch of `step`'s training images takes at `batch` (its last batch may be short)."""
    return math.ceil(step.train_images / batch)


def ema_ramp(decay: float) -> str:
    """The decay an EMA of the weights takes at its n-th update, as `factories.ema_decay` ramps it up to `decay`."""
    return f"min({decay:g}, 1 - (1 + n)^-{EMA_WARMUP_POWER:g})"


def ema_reach(step: Step) -> tuple[int, float] | None:
    """A step's weight updates in all, and the highest decay its EMA's ramp reached over them (below the one set where
    they were too few): the decay its last update took as metrics.json records it, else the ramp's at that update;
    None without an EMA, a batch size or epochs."""
    s = step.run.settings
    if not s.ema or not s.batch_size or not step.run.epochs:
        return None
    updates = updates_per_epoch(step, s.batch_size) * len(step.run.epochs)
    recorded = step.run.epochs[-1].ema_decay
    return updates, recorded if recorded is not None else last_decay(s.ema, updates)


def ema_set_at(step: Step) -> tuple[int, bool] | None:
    """(the first epoch by whose end the EMA's ramp had reached the decay set, whether metrics.json records it - else
    counted from the ramp and the updates an epoch); None without an EMA or where it never reached it."""
    s = step.run.settings
    if not s.ema or not s.batch_size or not step.run.epochs:
        return None
    recorded = [e.ema_decay for e in step.run.epochs]
    if all(d is not None for d in recorded):
        return next(((i + 1, True) for i, d in enumerate(recorded) if d >= s.ema), None)
    n = updates_per_epoch(step, s.batch_size)
    return next(((e, False) for e in range(1, len(recorded) + 1) if last_decay(s.ema, n * e) >= s.ema), None)


def recorded_momenta(run) -> str:
    """The momentum each epoch started with as the run recorded it (metrics.json), where it moved: its first, lowest
    and last - what a cycled momentum did in this run; '' where the run did not record it or it held."""
    ms = [e.momentum for e in run.epochs]
    if not ms or any(m is None for m in ms) or len(set(ms)) == 1:
        return ""
    low = min(range(len(ms)), key=ms.__getitem__)
    return (f"; recorded at the epochs' starts (metrics.json's momentum): {ms[0]:.3g} at epoch 1, lowest "
            f"{ms[low]:.3g} at epoch {low + 1}, {ms[-1]:.3g} at epoch {len(ms)}")


def updates_text(previous: Step, step: Step) -> str:
    """What a batch size's change does to the number of weight updates an epoch (each over more or fewer images)."""
    a, b = previous.run.settings.batch_size, step.run.settings.batch_size
    if not a or not b:  # a size not recorded: no count to give
        return ""
    ua, ub = updates_per_epoch(previous, a), updates_per_epoch(step, b)
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
        past = (f", and rises from there past it, to {b[1]:.4g} at epoch 2's start" if len(b) > 1 and b[1] > a[0]
                else ", and rises from there")  # a warm-up starts lower, not slower: where it passes the old rate
        warm = (f": a warm-up now - epoch 1 starts at {b[0]:.4g}, " + ("as before, and the rate now rises from there to "
                "its peak" if math.isclose(a[0], b[0], rel_tol=1e-6) else f"where it started at {a[0]:.4g}{past}"))
    rates = f"{_rates_said(a)} → {_rates_said(b)}"
    moved = (f"; and the momentum with it: {momentum_text(before.settings)} → {momentum_text(after.settings)}"
             if momentum_text(before.settings) != momentum_text(after.settings) else "")
    return (f"{peak}; what changed is the rate's course, at the epochs' starts {rates}{warm}; the mean of the epochs' "
            "starting rates "
            f"{sum(a) / len(a):.3g} → {sum(b) / len(b):.3g}{moved}")


def momentum_text(s) -> str:
    """The momentum a run trained with (SGD's; Adam's first beta where one-cycle cycles it): as set, or the range
    one-cycle cycles against the rate, which overrides the one set - '' for Adam's as set."""
    if (cycled := cycled_momentum(s)) is not None:
        low, high = cycled
        which = "" if s.optimizer == "sgd" else "first beta "
        return (f"{which}cycled by one-cycle against the rate (tinydigits builds OneCycleLR to cycle it, as PyTorch does "
                f"by default): {high:g} at the start, {low:g} at the rate's peak, "
                f"{high:g} at the end, in " + (f"place of the {s.momentum:g} set" if s.optimizer == "sgd" else
                                               "place of the one set"))
    return f"{s.momentum:g}" if s.optimizer == "sgd" and s.momentum is not None else ""  # unrecorded: nothing said


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
    return ", ".join(f"{rates[r[0] - 1]:.4g} in {'epochs ' if k == 0 else ''}{epoch_span(r)}" for k, r in enumerate(runs))


def software(previous: Step, step: Step) -> list[str]:
    """What trained the two runs, where it differs: tinydigits' version and commit, torch's version, the arithmetic
    (a change of code is no setting, and what it changed in training is not in the records)."""
    def facts_of(s: Step) -> dict[str, str]:
        env = s.run.environment
        arithmetic = env.get("arithmetic") or {}
        return {"tinydigits": env.get("tinydigits") or "", "tinydigits commit": (env.get("git_commit") or "")[:7],
                "torch": env.get("torch") or "",
                "arithmetic": ", ".join(str(arithmetic.get(k)) for k in ("cpu", "aten_isa", "mkl_cbwr") if k in arithmetic)}
    a, b = facts_of(previous), facts_of(step)
    return [f"{key} {a[key]} → {b[key]}" for key in a if a[key] and b[key] and a[key] != b[key]]


def unlike(previous: Step, step: Step) -> list[str]:
    """What differs between the two runs compared besides the change itself: epochs, training images, seed."""
    pairs = [("epochs", len(previous.run.epochs), len(step.run.epochs)),
             ("training images", previous.train_images, step.train_images),
             ("seed", previous.seed, step.seed)]
    return ([f"{name} {a:,} → {b:,}" if name != "seed" else f"{name} {a} → {b}" for name, a, b in pairs if a != b]
            + software(previous, step))


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
        if param_shapes(previous.run) == param_shapes(step.run):
            return (f"different starting weights (the same layer shapes; the sha256 of their initial parameters in "
                    f"{where}, differs: {digests[0][:12]}… and {digests[1][:12]}…)")
        return (f"not the same starting weights (different layers, so a different set of parameters, whose sha256 in "
                f"{where} differs as it must: {digests[0][:12]}… and {digests[1][:12]}…{_parted_draws(previous, step)})")
    if not (previous.run.modules and step.run.modules):
        return "starting weights not compared (a layer table was not recorded)"
    if param_shapes(previous.run) != param_shapes(step.run):
        return "different layer shapes, so one seed draws different starting weights"
    return ("the same layer shapes and seed: the same starting weights where the classes make their layers in the "
            "order they run (the runs recorded no digest of their starting weights to prove it)")


def _parted_draws(previous: Step, step: Step) -> str:
    """Where two nets' random starting draws part (`draws_part`), said: from there on the layers both have start from
    other numbers - a change of start, like another seed's, that one seed each cannot measure."""
    part = draws_part(previous.run, step.run)
    if part is None:
        return "; the layers both have draw the same numbers where the classes make them in the order they run"
    at, name, _ = part
    first = "at the first layer drawn" if at == 0 else f"at {name}"
    return (f"; PyTorch draws each layer's starting numbers in turn from the seed's one stream as the class makes it, "
            f"and the two nets' draws part {first}: the layers drawn after it start from other numbers, a change of "
            "start like another seed's that one run each does not measure")


def draws_part(before: Run, after: Run) -> tuple[int, str, str] | None:
    """(place, name, how) of the first parameter drawn at random as a net is made (`layers.drawn`) on which two nets
    part - PyTorch draws each layer's starting numbers in turn from the seed's one stream as a class makes it, so
    every layer drawn after it starts from other numbers; `how`: "dropped" or "added" (a bias), "shape" (the same
    parameter, another shape) or "other". None where one net's draws are the other's first ones."""
    a, b = drawn(before), drawn(after)
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
    if at is None:
        return None
    x, y = a[at], b[at]
    if x[:2] == y[:2]:
        return at, f"{x[0]}'s {x[1]} ({'x'.join(map(str, x[2]))} → {'x'.join(map(str, y[2]))})", "shape"
    for (name, what, _), other, how in ((x, b, "dropped"), (y, a, "added")):
        if what == "bias" and all(o[:2] != (name, what) for o in other):
            return at, f"{name}'s bias ({how})", how
    return at, f"{x[0]}'s {x[1]} in one and {y[0]}'s {y[1]} in the other", "other"


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
