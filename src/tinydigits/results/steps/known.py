"""A step's facts, counted once (`facts`): every sentence about a step is said from the same `Facts` - the
curves' readings, the fit, the margin and the noise it is judged by (`margin_noise`), the budget part by part.
"""

from __future__ import annotations

from tinydigits.results.steps.curves import (
    TEST_IMAGES,
    epoch_span,
    fall_noise,
    gap_noise,
    noise_band,
    rate_text,
    run_losses,
    stall_text,
    train_falls,
    trend,
    widening,
)
from tinydigits.results.steps.fit import CHANCE_LOSS, CHANCE_POINTS, PULLS_AHEAD, fit_of
from tinydigits.results.steps.step import Facts, Fit, Step, value_text
from tinydigits.training.config import augmentations

ON_LINE = 0.05  # a margin this small (five test images) either side of the line is the line itself


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
    gap_band = gap_noise(train[-1], test[-1], step.train_images)
    start = [e.epoch for e in run.epochs if e.test_acc < CHANCE_POINTS and e.test_loss > CHANCE_LOSS]
    falls = [(run.epochs[i].epoch, test[i - 1] - test[i]) for i in range(1, len(test))]
    worst = max(falls, key=lambda f: f[1], default=None)
    drop = worst if worst and worst[1] > fall_noise(test[worst[0] - 2], test[worst[0] - 1]) else None
    hinders = _hinders(step, n)
    min_last = min(test[-n:])
    margin = min_last - budget.min_acc
    f = Facts(params=run.params, epochs=len(test), n=n, best_train=max(train), best_test=test[best], best_epoch=best + 1,
              min_last=min_last, moved=max(test[-n:]) - min_last, gap=gap, rise=rise,
              seconds=sum(e.seconds for e in run.epochs), rf=run.layers[-1].rf if run.layers else 0, band=band,
              gap_band=gap_band, start=start, fit=Fit("", ""), hinders=hinders, drop=drop,
              stall=stall_text(test, run_losses(run), averaged=bool(run.settings.ema), last=n), rate=rate_text(run),
              margin=margin, thin=0 <= margin < margin_noise(step, min_last)[0],
              on_line=abs(margin) <= ON_LINE + 1e-9)
    f.fit = fit_of(step, f)
    # a trend the fit's mean would hide - not where test is of averaged weights (train and test: two sets of weights)
    if f.fit.diagnosis == "neither" and not step.run.settings.ema and (still := train_falls(step)):
        ahead = not f.fit.label and f.gap > f.gap_band  # train already beyond test by more than the noise, and pulling away
        f.fit = Fit(f.fit.diagnosis, f.fit.why + still, PULLS_AHEAD if ahead else f.fit.label)
    if f.fit.diagnosis in ("neither", "under-fitting") and (wider := widening(step)):
        f.fit = Fit(f.fit.diagnosis, f.fit.why + f"; the gap widened every epoch from epoch {wider[0][0]} ("
                    + " → ".join(f"{g:+.2f}" for _, g in wider) + " points): a trend the mean hides", f.fit.label)
    f.target = target_parts(step, f)
    return f


def _hinders(step: Step, n: int) -> list[str]:
    """What makes the train figure lower than the fit it measures in the judged epochs: augmentation (unless the
    scored epochs trained plain), dropout."""
    out = []
    used, off, ran = augmentations(step.config), step.run.settings.augment_off_last or 0, len(step.run.epochs)
    if used and off < n:
        which = "" if not off else (f" in epochs {epoch_span(list(range(ran - n + 1, ran - off + 1)))} (epoch"
                                    f"{'s' * (off > 1)} {epoch_span(list(range(ran - off + 1, ran + 1)))} plain)")
        out.append("augmentation (" + ", ".join(f"{k} {value_text(v)}" for k, v in used.items()) + ")" + which)
    if (p := step.dropout()) > 0:
        out.append(f"dropout ({p:g})")
    return out


def margin_noise(step: Step, value: float) -> tuple[float, str]:
    """The noise a trained seed's margin against the line is judged by, and its name: the test set's sampling error at
    `value` (`noise_band`) - how far another draw of as many digits could move that seed's score. The seeds' spread
    is a new seed's question (the odds), not a trained seed's: where a check measured it, it is named as that."""
    band = noise_band(value)
    sd = step.check.spread() if step.check else None
    whose, seeds = (("this seed's", f"how far a new seed lands is the seeds' spread, sd {sd:.3f} of the check's "
                                    f"{len(step.check.finished())}, in the odds") if sd is not None else
                    ("the", "the noise another seed brings is not measured, one seed"))
    return band, (f"the test set's sampling error (±{band:.3f} at {value:.2f} %: another {TEST_IMAGES:,} digits could "
                  f"move {whose} score that far; {seeds})")


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
        parts.append(("every seed checked holds", held == ran, f"{held} of {ran} (a new seed's odds: \"over seeds\")"))
    return parts
