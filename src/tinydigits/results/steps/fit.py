"""The one fit diagnosis of a step (`fit_of`): cannot tell, under-fitting (first, where neither figure reaches
the line), over-fitting, or neither - with why, in words with their numbers, read from the facts being counted.
"""

from __future__ import annotations

from tinydigits.results.steps.curves import epoch_span, gap_detail, gap_text, rate_events, run_losses, signed, stall_epoch
from tinydigits.results.steps.step import Facts, Fit, Step
from tinydigits.training.config import augmentations

GAP_POINTS = 0.5  # train above test by more than this (mean of the last N epochs): over-fitting, when test stalls
CHANCE_POINTS = 20.0  # test accuracy below this: the network has not learnt (chance is 10 %)
CHANCE_LOSS = 2.2  # test loss above this: at chance too (ln 10 = 2.30 is a uniform guess)
AVERAGED = "not under-fitting; over-fitting not measured"  # an EMA step's fit: its gap compares two sets of weights
PULLS_AHEAD = "train pulls ahead of test"  # train beyond test by the noise, its loss still falling, short of GAP_POINTS:
# said as what it is - neither called over-fitting nor read as no sign of it


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
        return _at_chance(step, f)
    if max(f.best_train, f.best_test) < line:  # first: a net that has not fitted its own digits is not over-fit
        lowered = _hindered(f)
        if f.rise > f.band and f.gap < 0:  # a lagging train figure explains test ahead, not train ahead
            lowered += f"; {_rising(step, f)}"
        return Fit("under-fitting", f"neither the training accuracy (best {f.best_train:.2f} %) nor the test accuracy "
                                    f"(best {f.best_test:.2f} %) reaches the {line} % line, and {_lead(step, f)}"
                                    f"{lowered}")
    plain = (f"; the judged epochs trained without augmentation (the last {step.run.settings.augment_off_last}), "
             "so their train figure is on digits as they are" if augmentations(step.config)
             and (step.run.settings.augment_off_last or 0) >= f.n else "")
    if step.run.settings.ema:  # test is of the weights' running average, train of the live weights: no like-for-like gap
        return Fit("neither", f"train accuracy (of the live weights) reached {f.best_train:.2f} %, above the {line} % "
                              "line, so it is not under-fitting; over-fitting is not measured here: test accuracy is of "
                              f"the weights' running average (EMA, decay {step.run.settings.ema:g}), train accuracy of the "
                              f"live weights, so train minus test ({f.gap:+.2f} points, {where}; {_gaps(step, f)} "
                              f"epoch by epoch) compares two sets of weights{plain}", label=AVERAGED)
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
    lowered = _hindered(f, ", so the gap understates how far the net fits its own digits")
    noise = gap_text(f.gap_band, step.train_images)
    if abs(f.gap) <= f.gap_band:  # a train figure under dropout or augmentation: no over-fit shown, not none
        kinds = " and ".join(h.split(" (")[0] for h in f.hinders)
        return Fit("neither", f"train and test within {abs(f.gap):.2f} points ({where}; train minus test {_gaps(step, f)} "
                              f"epoch by epoch{_before_cut(step, f)}): inside {noise}{plain}{lowered}",
                   label=f"neither shown (train measured under {kinds})" if kinds else "")
    if f.gap > 0:  # the verdict's two yardsticks first, the first one's making after them
        return Fit("neither", f"train above test by {f.gap:.2f} points ({where}): beyond the two scores' sampling error "
                              f"(±{f.gap_band:.3f} at the last epoch) and below the {GAP_POINTS} this tool counts as "
                              f"over-fitting; that error is {gap_detail(step.train_images)}{lowered}{_modes(step, f)}")
    return Fit("neither", f"test above train by {-f.gap:.2f} points ({where}; {noise}): " + _test_above(step, f))


def _before_cut(step: Step, f: Facts) -> str:
    """The gap the epoch before the judged ones, where the rate was cut at the first of them: a gap that opens with
    the cut, which their mean would hide."""
    first, lrs = f.epochs - f.n + 1, [e.lr for e in step.run.epochs]
    if first < 2 or first not in [e for e, _ in rate_events(step.run)]:
        return ""
    a, b = step.run.train()[first - 2], step.run.test()[first - 2]
    return (f"; {signed(a - b)} at epoch {first - 1}, before the rate's cut {lrs[first - 2]:g} → {lrs[first - 1]:g} at "
            f"epoch {first}")


def _gaps(step: Step, f: Facts) -> str:
    """Train minus test at each judged epoch."""
    return ", ".join(signed(a - b) for a, b in zip(step.run.train()[-f.n:], step.run.test()[-f.n:], strict=True))


def _at_chance(step: Step, f: Facts) -> Fit:
    """Under-fitting at chance: not learned, or not yet (its train loss fell at every epoch: begun, too slowly)."""
    losses = [e.train_loss for e in step.run.epochs]
    slow = len(losses) > 2 and all(b < a for a, b in zip(losses, losses[1:], strict=False))
    moving = (f"; its train loss fell at every epoch ({losses[0]:.4f} → {losses[-1]:.4f}): it had begun to learn, "
              "too slowly to get far in its epochs" if slow else "")
    return Fit("under-fitting", f"it had {'not yet learned' if slow else 'not learned'}: best test accuracy "
                                f"{f.best_test:.2f} %, below the {CHANCE_POINTS:.0f} % counted as learning (a guess "
                                f"among 10 classes scores 10 %){moving}")


def _leans(gaps: list[float], first: int) -> str:
    """Where one judged epoch's gap outweighs the others' together twice over, the mean is mostly that epoch's: said."""
    big = max(range(len(gaps)), key=lambda i: abs(gaps[i]))
    rest = sum(abs(g) for i, g in enumerate(gaps) if i != big)
    return f": the mean leans on epoch {first + big}" if len(gaps) > 2 and abs(gaps[big]) > 2 * rest else ""


def _lead(step: Step, f: Facts) -> str:
    """Which figure leads on the mean of the judged epochs, and every judged epoch where the other one leads: a mean
    says nothing of each epoch."""
    first = f.epochs - f.n + 1
    pairs = list(zip(step.run.train()[-f.n:], step.run.test()[-f.n:], strict=True))
    gaps = [a - b for a, b in pairs]
    if f.gap >= 0:
        each = f" ({_gaps(step, f)} at epochs {first}-{f.epochs})" if f.n > 1 else ""
        other = [(first + i, b, a) for i, (a, b) in enumerate(pairs) if b > a]
        every = ", ahead at every one of them" if f.n > 1 and not other else ""
        # a lead that narrowed every epoch: its mean leans on the first judged epoch, so the last is said with it
        narrowed = (f", narrowing every epoch to {gaps[-1]:+.2f} at the last: the mean leans on epoch {first}"
                    if f.n > 2 and all(round(a - b, 2) > 0 for a, b in zip(gaps, gaps[1:], strict=False))
                    and gaps[-1] >= 0 and gaps[0] > max(2 * gaps[-1], f.gap_band) else "")  # a lead beyond the noise first
        head = (f"train leads test by {f.gap:.2f} points on the mean of the last {f.n} epochs{each}{every}"
                f"{narrowed or _leans(gaps, first)}"
                + (f", no more than the {GAP_POINTS} this tool would count as over-fitting" if f.gap <= GAP_POINTS else ""))
        who = "test"
    else:
        other = [(first + i, a, b) for i, (a, b) in enumerate(pairs) if a > b]
        every = ", ahead at every one of them" if f.n > 1 and not other else ""
        each = (f" ({', '.join(f'{-g:+.2f}' for g in gaps)} at epochs {first}-{f.epochs}, test minus train)"
                if f.n > 1 else "")  # signed as the lead is said: test's
        head = f"test leads train by {-f.gap:.2f} points on the mean of the last {f.n} epochs{each}{every}{_leans(gaps, first)}"
        who = "train"
    wide = (f"; that lead is more than the {GAP_POINTS} this tool counts as over-fitting where training accuracy reaches the "
            "line, but this one's training figure (a running average over each epoch) stays below the line too: "
            "under-fitting comes first"
            if f.gap > GAP_POINTS else "")
    if not other:
        return head + wide
    lag = " (the train figure is a running average over the epoch, test is scored after it)" if who == "test" else ""
    return (head + wide + f"; {who} leads instead at "
            + ", ".join(f"epoch {e} ({x:.2f} against {y:.2f} %)" for e, x, y in other) + lag)


def _rising(step: Step, f: Facts) -> str:
    """Test's rise over the judged epochs, read as `stall_text` reads the curve: where it stalled within them, said as
    a rise up to that epoch that then held, so the fit and the progress tell one story."""
    s = stall_epoch(step.run.test(), run_losses(step.run))
    if step.run.settings.ema:  # test is of an average that lags the weights too: neither figure is the end's
        return (f"test rose over the judged epochs ({_course(step, f)}); train is a running average over each epoch "
                "of the live weights, test of their running average (EMA): both lag the weights at the epoch's end, by "
                "different amounts, so which figure leads says little of the fit")
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
    return (f"{', '.join(f'{a:.2f}' for a in test[first:])} % at epochs {epoch_span(list(range(first + 1, len(test) + 1)))}, "
            f"a trend of {f.rise:+.2f} points an epoch")


def _test_above(step: Step, f: Facts) -> str:
    """Why the train figure sits below test, from what the run actually had (never a guess)."""
    causes = ([f"the train figure is measured with {' and '.join(f.hinders)} in force: {_unmeasured(f.hinders)}"]
              if f.hinders else [])
    if f.rise > f.band:
        causes.append(_rising(step, f))
    if not causes:
        return "not explained by augmentation, dropout or a rising curve (none of them in this run's judged epochs)"
    return "what the run had can account for it, not under-fitting: " + "; ".join(causes)


def _modes(step: Step, f: Facts) -> str:
    """Where a net with batch norm leads on train: its train figure is of train mode (each batch's statistics), its
    test of the net as deployed - a part of any gap, said."""
    return ("; the train figure is a running average over each epoch in train mode (batch norm on each batch's "
            "statistics), test the net as deployed after it: part of a gap can be that difference"
            if step.has("BatchNorm") and not f.hinders else "")


def _hindered(f: Facts, then: str = "") -> str:
    """A train figure taken with dropout or augmentation in force, of a harder task than the net tested: said, with
    what that does to the reading (`then`); '' where neither was."""
    return (f"; the train figure is measured with {' and '.join(f.hinders)} in force: {_unmeasured(f.hinders)}{then}"
            if f.hinders else "")


def _unmeasured(hinders: list[str]) -> str:
    """What a train figure taken under augmentation or dropout leaves open: the run never scored the net as tested
    on its own digits, so how much they lowered that figure is unknown."""
    return (f"a harder task than the test's, by how much is not measured (the run never scored the same weights on "
            f"its training digits with and without {'them' if len(hinders) > 1 else 'it'})")
