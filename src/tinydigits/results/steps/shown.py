"""What the records show of a step where its student wrote no Analysis (`records_show`): at most eight short bullets,
each a measured fact - the fit with its two figures, the data, the rate's course, each change and whether it could
act, the effect against the step before, the budget. The yardsticks they are judged by are stated once
(`claims.YARDSTICKS`), never in a bullet.
"""

from __future__ import annotations

import re

from tinydigits.results.steps.between import Change, changes
from tinydigits.results.steps.curves import epoch_span, fall_noise, rate_events
from tinydigits.results.steps.known import facts
from tinydigits.results.steps.readings import dead_signs, lowest_seed, stuck
from tinydigits.results.steps.step import Step, verdict_of

BULLETS = 8
BULLET_WORDS = 25


def records_show(step: Step, previous: Step | None) -> list[str]:
    """The step's facts as at most BULLETS bullets of at most BULLET_WORDS words each."""
    said = [fit_fact(step), data_fact(step), rate_fact(step)]
    if previous is not None:
        said += [changes_fact(previous, step), effect_fact(previous, step)]
    said += [budget_fact(step), dead_fact(step)]
    return [s for s in said if s][:BULLETS]


def fit_fact(step: Step) -> str:
    f = facts(step)
    line = step.budget.min_acc
    both = f"best train {f.best_train:.2f} %, best test {f.best_test:.2f} %"
    d = f.fit.diagnosis
    if d == "cannot tell":
        return f"Fit: not judged: {f.epochs} epochs, fewer than the {step.last} the budget scores."
    if d == "under-fitting" and f.best_test < 20:
        return f"Fit: not learned ({stuck(step).how}): best test {f.best_test:.2f} %, near chance."
    if d == "under-fitting":
        return f"Fit: under-fitting: {both}; neither reaches {line:g} %."
    if step.run.settings.ema:
        return (f"Fit: best train {f.best_train:.2f} % (live weights), best test {f.best_test:.2f} % (averaged, EMA): "
                "their gap is not measured.")
    lowered = f"; train measured under {' and '.join(h.split(' (')[0] for h in f.hinders)}" if f.hinders else ""
    if d == "over-fitting":
        return f"Fit: over-fitting: train ahead of test by {f.gap:.2f} points (last {f.n}), test not rising."
    if abs(f.gap) <= f.gap_band:
        return f"Fit: no gap beyond the noise: train minus test {f.gap:+.2f} points (last {f.n}){lowered}."
    if f.gap > 0:
        rising = "; test still rising" if f.rise > f.band else ""
        return f"Fit: train ahead of test by {f.gap:.2f} points (last {f.n}), beyond the noise{rising}."
    return f"Fit: test above train by {-f.gap:.2f} points (last {f.n}){lowered}."


def data_fact(step: Step) -> str:
    s = step.run.settings
    if step.shortened:
        return f"Shortened: {', '.join(step.shortened)}; its figures are not the budget's."
    if s.val_split:
        return (f"Data: {step.train_images:,} training images; {s.val_split:,} more held out for validation "
                "(the schedule's)." if s.scheduler == "plateau" else
                f"Data: {step.train_images:,} training images; {s.val_split:,} held out for validation.")
    return ""


def rate_fact(step: Step) -> str:
    s, rates = step.run.settings, [e.lr for e in step.run.epochs]
    if len(set(rates)) == 1 and s.scheduler != "onecycle":
        never = f"; the {s.scheduler} schedule never changed it" if s.scheduler not in ("none", "", None) else ""
        return f"Rate: {rates[0]:g} at every epoch{never}."
    if s.scheduler == "onecycle":
        top = max(range(len(rates)), key=lambda i: rates[i])
        return (f"Rate: one-cycle, {rates[0]:.2g} at epoch 1's start, highest at epoch {top + 1}'s "
                f"({rates[top]:.2g}; peak {s.lr:g}), {rates[-1]:.2g} at the last epoch's.")
    if events := rate_events(step.run):
        return (f"Rate: {rates[0]:g}, cut at epoch{'s' * (len(events) > 1)} {epoch_span([e for e, _ in events])} "
                f"to {', '.join(f'{lr:.2g}' for _, lr in events)}.")
    return f"Rate: {rates[0]:.2g} at epoch 1's start, {rates[-1]:.2g} at the last epoch's."


def short_change(c: Change) -> str:
    """A change in a few words: its setting or layer and its values, without the modules' names."""
    return c.text.split(" (")[0].split(", with ")[0] + (" (cannot act)" if c.inert else "")


def changes_fact(previous: Step, step: Step) -> str:
    every = [c for c in changes(previous, step) if not c.follows]
    if not every:
        return "Changed from the step before: nothing recorded (layers, settings and recipe alike)."
    augment = [c for c in every if c.kind == "augmentation"]
    words = [short_change(c) for c in every if c not in augment]
    if augment:
        values = [m for c in augment if (m := re.match(r"augment_(\w+) \S+ → ([^\s,]+)", c.text))]
        off = re.search(r"augment_off_last \S+ → (\d+)", " ".join(c.text for c in augment))
        words.append("augmentation: " + ", ".join(f"{m[1]} {m[2]}" for m in values)
                     + (f", none in the last {off[1]} epochs" if off and off[1] != "0" else ""))
    said = f"Changed: {'; '.join(words)}."
    if len(said.split()) > BULLET_WORDS:
        said = f"Changed: {len(every)} things ({', '.join(sorted({c.kind for c in every}))}); each in evidence.md."
    return said


def effect_fact(previous: Step, step: Step) -> str:
    a, b = facts(previous), facts(step)
    moved, noise = b.min_last - a.min_last, fall_noise(a.min_last, b.min_last)
    word = "better" if moved > noise else "worse" if moved < -noise else "no change beyond the noise"
    acted = [c for c in changes(previous, step) if c.counted]
    together = f"; {len(acted)} changes together" if len(acted) > 1 and abs(moved) > noise else ""
    return (f"Against the step before: min of the last {b.n} {a.min_last:.2f} → {b.min_last:.2f} % "
            f"({moved:+.2f}): {word}{together}.")


def budget_fact(step: Step) -> str:
    f = facts(step)
    if step.check:
        held, ran = step.check.verdict.held()
        low = lowest_seed(step)
        lowest = f"; lowest seed {low[0]}: {low[1]:.2f} %" if low else ""
        return f"Budget: {step.check.verdict.word} on {held} of {ran} seeds{lowest}."
    return (f"Budget: {'PASS' if verdict_of(step).passed else 'FAIL'} for seed {step.seed}: min of the last {f.n} "
            f"{f.min_last:.2f} %, {f.params:,} parameters.")


def dead_fact(step: Step) -> str:
    since, layers, one = dead_signs(step)
    if since is None and not layers and one is None:
        return ""
    parts = ([f"no gradient from epoch {since}"] if since else []) + \
        ([f"every ReLU of {', '.join(layers)} off"] if layers else []) + \
        ([f"one digit ({one}) answered for every image"] if one is not None else [])
    return "Dead: " + "; ".join(parts) + "."

