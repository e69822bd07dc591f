"""The sentences of a step's Analysis (`analysis_lines`) and its verdict (`verdict_reason`): the fit, the
start, stability, progress with the rate, the margin, the seeds, the confusions and dead units, then the change from
the step before (`compared`) and what to do next (`advice`) - each said from the step's one set of facts.
"""

from __future__ import annotations

import math

from tinydigits.results.budget import breaches, reason
from tinydigits.results.records import Run, percent
from tinydigits.results.steps.advice import next_line
from tinydigits.results.steps.compared import change_lines, target_line
from tinydigits.results.steps.curves import (
    ANNEALED,
    INSIDE,
    MNIST_TEST_CLASSES,
    PAIRED,
    STALL_POINTS,
    TEST_IMAGES,
    band_text,
    beside_noise,
    epoch_span,
    fall_noise,
    falls,
    noise_band,
    one_class,
    peak_rate,
    rate_events,
    run_losses,
    signed,
    stall_epoch,
    train_falls,
)
from tinydigits.results.steps.fit import CHANCE_LOSS, CHANCE_POINTS
from tinydigits.results.steps.known import facts, margin_noise
from tinydigits.results.steps.readings import UNLEARNED, lagged_epoch, lowest_seed, lr_test_of, own_record, unlearned
from tinydigits.results.steps.step import Facts, Step, verdict_of
from tinydigits.training.config import augmentations

SLOW_START = 50.0  # epoch 1's running train accuracy below this: said beside the test figure after it


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
    note = "" if f.fit.label or "(EMA)" in f.fit.why else ema_note(step)  # said once, where the fit says it itself
    return f"**{f.fit.label or f.fit.diagnosis}**: {f.fit.why}.{note}{short}"


def ema_note(step: Step) -> str:
    """Where an EMA ran, the two figures are of two sets of weights: said, so train against test reads right."""
    ema = step.run.settings.ema or 0
    return (f" Train accuracy is from the live weights as they trained; test accuracy is from their running average "
            f"(EMA, decay {ema:g}), so the two figures are of different weights." if ema else "")


def analysis_lines(step: Step, previous: Step | None) -> list[str]:
    """The Analysis: the fit (one diagnosis), the start, stability, the stall with the rate, the margin, the check's
    seeds, what changed from the step before and its effect against the noise, the confusions and dead units."""
    f = facts(step)
    over = breaches(f.params, step.run.planned_epochs, step.budget)  # the budget broken before any figure: said first
    lines = [*([f"- over the budget: {'; '.join(over)} - a FAIL whatever its accuracy, so coming under it is the first "
                "change."] if over else []),
             f"- fit: {_fit_sentence(step, f)}", _start_line(step, f), _stability_line(step, f),
             f"- progress{_progress_label(step)}: {f.stall}"
             f"{'' if f.fit.diagnosis == 'neither' else train_falls(step)}; "
             f"{f.rate}{_tied(step)}{_at_cuts(step)}{_lowest_course(step, f)}.",
             f"- margin: {_margin_line(step, f)}{_record_text(step)}."]
    if step.check:
        lines.append(f"- over seeds: {odds_sentence(step)} (`check`'s verdict: {step.check.verdict.line()}).")
    if step.run.confusions:
        lines.append(f"- commonest confusions (true → predicted: count): {_confusions(step.run)}"
                     + (f"; the step before: {_confusions(previous.run)}{_top_now(step, previous)}"
                        if previous and previous.run.confusions else "") + _weakest(step, previous)
                     + _digits_worse(step, previous) + ".")
    if rows := unlearned(step):
        digits = ", ".join(f"{r.digit} ({r.exact:.2f} %" + (f" of {r.support:,})" if r.support else ")") for r in rows)
        lines.append(f"- digits not learned yet (fewer than {UNLEARNED:.0f} % of a digit's test images right at the last "
                     f"epoch; per_class.csv): {digits}.")
    if test := lr_test_of(step):
        suggested = (f"valley {test.valley:.3g}, steepest descent {test.steepest:.3g}" if test.valley
                     else "no suggestion (its loss never fell)")
        lines.append(f"- learning-rate range test (`{test.folder.name}`, `tinydigits lr-find`): {suggested}; this step's "
                     f"peak rate {step.run.settings.lr:.3g}.")
    if step.run.layer_stats:
        dead = [f"{r['layer']} {len(r['dead_channels'])} of {r['channels']}" for r in step.run.layer_stats
                if r["dead_channels"]]
        seen = step.run.layer_stats[0].get("images", 2000)  # records before they said so: 2,000, as measured then
        lines.append(f"- dead units (ReLU channels never active on {seen:,} test images): "
                     + ("; ".join(dead) if dead else "none") + ".")
    if previous is not None:
        lines += change_lines(previous, step)
    if aims := target_line(previous, step, f):
        lines.append(aims)
    return [*lines, next_line(step, f)]


def _start_line(step: Step, f: Facts) -> str:
    """The epochs near chance (and a start that answered one digit), or a start that learnt at once."""
    if not f.start:
        e = step.run.epochs[0]
        if e.train_acc < SLOW_START:  # the epoch's running average: said beside the end's test figure, no more
            return (f"- start: learning began within the first epoch, not at once - its train accuracy, a running "
                    f"average over the epoch, "
                    f"{e.train_acc:.2f} % (train loss {e.train_loss:.4f}; a uniform guess scores 10 % at a loss of "
                    f"2.30); test accuracy {e.test_acc:.2f} % after it"
                    f"{_averaged_start(step)}.")
        return f"- start: learning from the first epoch (test accuracy {e.test_acc:.2f} % after epoch 1{_averaged_start(step)})."
    span = f"epoch {f.start[0]}" if len(f.start) == 1 else f"epochs {epoch_span(f.start)}"
    at = [step.run.epochs[i - 1] for i in f.start]
    by_digit: dict[int, list[int]] = {}
    for e in at:
        if (d := one_class(e.test_acc)) is not None:
            by_digit.setdefault(d, []).append(e.epoch)
    said = "".join(f" Epoch{'s' * (len(ep) > 1)} {epoch_span(ep)}: {100 * MNIST_TEST_CLASSES[d] / TEST_IMAGES:.2f} %, "
                   f"exactly the share of {d}s among the test digits - the mark of a net that answers {d} for every "
                   "image." for d, ep in by_digit.items())
    # below the accuracy's mark with the loss already fallen: not at chance, learning had begun - said, not counted
    begun = [e for e in step.run.epochs if e.test_acc < CHANCE_POINTS and e.test_loss <= CHANCE_LOSS]
    moved = "".join(f" Epoch {e.epoch}, still below {CHANCE_POINTS:.0f} % ({e.test_acc:.2f} %), is not counted: its test "
                    f"loss, {e.test_loss:.4f}, was already at or below {CHANCE_LOSS}, so learning had begun."
                    for e in begun[:1])
    # a loss at a guess's with an accuracy above what one digit for every image scores: its top answers lean right
    # by more than the test set's sampling error: 11.36 % is one image above the 1s' share, not a lean
    one = 100 * max(MNIST_TEST_CLASSES) / TEST_IMAGES
    above = [e.epoch for e in at if e.test_acc - one > noise_band(one)]
    lean = (f"; epoch{'s' * (len(above) > 1)} {epoch_span(above)} beyond what one digit for every image scores (at most "
            f"{one:.2f} %, the commonest digit's share) by more than the test set's sampling error (±{noise_band(one):.2f}, "
            "two standard errors): its top answers already lean right while its outputs have barely moved from a "
            "guess's" if above else "")
    # its figures outside parentheses, so that the head above a fold says them, not "start" alone
    return (f"- start: {span} near chance: test loss {_range([e.test_loss for e in at])}, a uniform guess's 2.30; test "
            f"accuracy {_range([e.test_acc for e in at])} %, a uniform guess's 10 %{lean} (this tool counts an epoch "
            f"below {CHANCE_POINTS:.0f} % with a test loss above {CHANCE_LOSS}).{said}{moved}")


def _lowest_course(step: Step, f: Facts) -> str:
    """A check step's lowest seed over the scored epochs, where it is not the seed shown (the trend its pass rests
    on), and each seed's last epoch (whether the shown seed's end is the others' too)."""
    low = lowest_seed(step)
    if low is None:
        return ""
    done = {s: r.test_acc for s, r in sorted(step.check.finished().items()) if len(r.test_acc) > 1}
    each = (f"; each seed's last epoch: {', '.join(f'seed {s} {t[-1] - t[-2]:+.2f}' for s, t in done.items())}"
            if len(done) > 1 else "")  # the seed shown is one of them: the others say whether its end is theirs
    beyond = [s for s, t in done.items() if t[-1] - t[-2] > fall_noise(t[-2], t[-1])]
    if len(done) > 1 and all(t[-1] > t[-2] for t in done.values()):  # one seed's rise in the noise; all of them rose
        each += (" - every seed rose in its last epoch" + (f", seed{'s' * (len(beyond) > 1)} "
                 f"{', '.join(map(str, beyond))} beyond the two-score sampling error" if beyond else "")
                 + (" (scores of averaged weights, which rise too while an average catches up)"
                    if step.run.settings.ema else ""))
    if low[0] == step.seed:
        return each
    curve = step.check.finished()[low[0]].test_acc
    last = curve[-f.n:]
    # the epoch before the scored ones, where it was below the line: a pass that rests on the window's start, said
    # (where a scored epoch is below it too, the epoch before says nothing more)
    before = (f" (at epoch {len(curve) - f.n}, just before them, {curve[-f.n - 1]:.2f} %, below the line)"
              if len(curve) > f.n and curve[-f.n - 1] < step.budget.min_acc <= min(last) else "")
    return (f"; the check's lowest seed, {low[0]}, over the scored epochs: {', '.join(f'{v:.2f}' for v in last)} %"
            f"{_direction(last)}{before}{each}")


def _seeds_course(step: Step) -> str:
    """A check step's seeds' mean test accuracy over the shown seed's plateau (from its stall epoch, else over the
    scored epochs and the one before) and where each seed's best came: said before the seed shown's reading, which one
    seed's end can make read as every seed's."""
    done = {s: r.test_acc for s, r in sorted(step.check.finished().items())} if step.check else {}
    ran = len(step.run.epochs)
    curves = [t for t in done.values() if len(t) == ran]
    if len(curves) < 2 or ran < 2:
        return ""
    test = step.run.test()
    start = stall_epoch(test, run_losses(step.run)) or stall_epoch(test) or max(1, ran - step.last)
    mean = [sum(t[e - 1] for t in curves) / len(curves) for e in range(start, ran + 1)]
    rising = all(b > a for a, b in zip(mean, mean[1:], strict=False))
    first = ran - step.last + 1
    late = sum(round(max(t[first - 1:]), 2) == round(max(t), 2) for t in curves)  # a best reached or tied there
    averaged = (" - scores of averaged weights (EMA), which rise too while an average catches up"
                if step.run.settings.ema and rising else "")
    return (f"the check's {len(curves)} seeds' mean test accuracy {mean[0]:.2f} → {mean[-1]:.2f} % from epoch {start} to "
            f"{ran} ({signed(mean[-1] - mean[0])}{', higher at every epoch' if rising else ''}{averaged}), {late} of the "
            f"{len(curves)} seeds reaching their best in the scored epochs {first}-{ran}")


def _progress_label(step: Step) -> str:
    """The progress line's label: a check step's seeds' course first where they have one, then the seed shown's."""
    if not step.check:
        return ""
    course = _seeds_course(step)
    return f": {course}; seed {step.seed}, the one shown" if course else f" (seed {step.seed}, the one shown)"


def _averaged_start(step: Step) -> str:
    """Where test is of a running average of the weights: whose weights its first figures are."""
    return ", of the weights' running average (EMA)" if step.run.settings.ema else ""


def _range(values: list[float]) -> str:
    low, high = min(values), max(values)
    return f"{low:.2f}" if f"{low:.2f}" == f"{high:.2f}" else f"{low:.2f}-{high:.2f}"


def _stability_line(step: Step, f: Facts) -> str:
    """The largest epoch-to-epoch fall beyond the noise (every such fall, the rate there, batch norm, the check's other
    seeds), or none."""
    if not f.drop:
        test = step.run.test()
        # every fall that shows at two decimals, (epoch, points); the largest said, and all of them where they recur
        dips = [(i + 1, test[i - 1] - test[i]) for i in range(1, len(test)) if round(test[i - 1] - test[i], 2) > 0]
        fall, at = max(((d, e) for e, d in dips), default=(0.0, 0))
        smooth = (" (of the weights' running average, EMA, which smooths the curve by itself)"
                  if step.run.settings.ema else "")
        largest = (f"test accuracy never fell from one epoch to the next{smooth}" if round(fall, 2) <= 0 else
                   f"its {'only' if len(dips) == 1 else 'largest'} epoch-to-epoch fall of test accuracy{smooth}, "
                   f"{fall:.2f} points at epoch {at}, is inside the "
                   f"test set's sampling error of two independent scores (±{fall_noise(test[at - 2], test[at - 1]):.2f}; "
                   f"{PAIRED}, {INSIDE})")
        every = (f" - it fell {len(dips)} times in all ({', '.join(f'{d:.2f} at epoch {e}' for e, d in dips)}), each "
                 "inside its two-score sampling error: falls that recur, not one dip that stands out"
                 if len(dips) > 2 else "")
        return f"- stability: {largest}{every}; {_span(step, f)}{_lagged(step, f)}."
    epoch, fall = f.drop
    every = falls(step.run.test())
    before, at = step.run.epochs[epoch - 2], step.run.epochs[epoch - 1]
    # The rate at the fall's epoch, where it differs from the epoch before's: the same rate cannot be what changed.
    why = [f"the rate at that epoch's start was {at.lr:.4g}" + ("" if at.lr != before.lr else
                                                                 ", as at the epoch before's")]
    if at.test_loss < before.test_loss and epoch in f.start:  # at chance a top guess moves with next to no meaning
        why = [f"it was near chance then (test loss {before.test_loss:.4f} → {at.test_loss:.4f}; a uniform guess "
               "is at 2.30): which digit its top guess names moves with next to no change in what it knows"]
    elif at.test_loss < before.test_loss:  # its answers moved, not its fit: no cause to look for in the rate
        why = [f"its test loss fell at the same epoch ({before.test_loss:.4f} → {at.test_loss:.4f}): the net's answers "
               "shifted between digits, its fit did not worsen"]
    elif step.run.modules and not step.has("BatchNorm"):
        why += ["for context, the model has no batch norm"]
    also = f" (falls beyond it at epochs {', '.join(f'{e} ({d:.2f})' for e, d in every)})" if len(every) > 1 else ""
    noise, span = fall_noise(before.test_acc, at.test_acc), _span(step, f)
    return (f"- stability: test accuracy fell {fall:.2f} points at epoch {epoch}, its largest fall, beyond the ±"
            f"{noise:.2f} sampling error two independent test sets of this size would give (a rough yardstick: both "
            f"scores are of the same 10,000 images){also}; {'; '.join(why)}."
            f"{_other_seeds_fell(step, epoch)} {span[0].upper()}{span[1:]}.")


def _span(step: Step, f: Facts) -> str:
    """The judged epochs' span of test accuracy, and its direction where it has one (a rise is no unsteadiness)."""
    last = step.run.test()[-f.n:]
    way = _direction(last)
    steps = ", ".join(f"{b - a:+.2f}" for a, b in zip(last, last[1:], strict=False))
    done = {s: r.test_acc[-f.n:] for s, r in step.check.finished().items() if r.test_acc} if step.check else {}
    widest = max(done.items(), key=lambda kv: (max(kv[1]) - min(kv[1]), -kv[0]), default=None)
    others = (f"; seed {step.seed}'s, the check's {len(done)} seeds' up to {max(widest[1]) - min(widest[1]):.2f}, seed "
              f"{widest[0]}" if len(done) > 1 and widest[0] != step.seed else "")  # one seed's span is not all seeds'
    return (f"over the last {f.n} epochs test accuracy spanned {f.moved:.2f} points ({min(last):.2f}-{max(last):.2f} "
            f"%{others}){f'{way} ({steps})' if way and f.n > 1 else ''}")


def _direction(values: list[float]) -> str:
    """', rising at every epoch' or ', falling at every epoch' where `values` move one way throughout, else ''."""
    pairs = list(zip(values, values[1:], strict=False))
    way = (", rising at every epoch" if all(b > a for a, b in pairs) else
           ", falling at every epoch" if all(b < a for a, b in pairs) else "")
    if way and all(abs(b - a) <= fall_noise(a, b) for a, b in pairs):  # a direction of steps each inside the noise
        way += " (each step inside the two-score sampling error: a direction, not a shown change)"
    return way


def _lagged(step: Step, f: Facts) -> str:
    """The scored epoch where test lagged train most (train's gain less test's, beyond the noise of two scores, and
    train ahead by more than GAP_POINTS after it) - '' where none, or where test is of an average of the weights (its
    own lag)."""
    if (found := lagged_epoch(step, f)) is None:
        return ""
    epoch, train, test = found
    return (f"; of the scored epochs, test lagged train most at epoch {epoch}: train {train:+.2f}, "
            f"test {test:+.2f} points that epoch (a lag of {train - test:.2f})")


def _other_seeds_fell(step: Step, epoch: int) -> str:
    """Whether the check's other seeds fell too; where none did, where each stood at that epoch (a fall of the seed
    shown to the others' level is not a fall of its own kind)."""
    if not step.check:
        return ""
    finished = {s: r for s, r in step.check.finished().items() if s != step.seed}
    fell = {s: falls(r.test_acc) for s, r in finished.items()}
    some = {s: f for s, f in fell.items() if f}
    if not fell:
        return ""
    if not some:
        stood = "; ".join(f"seed {s} {r.test_acc[epoch - 2]:.2f} → {r.test_acc[epoch - 1]:.2f} %"
                          for s, r in sorted(finished.items()) if len(r.test_acc) >= epoch)
        mine, theirs = step.run.test(), [r.test_acc for r in finished.values() if len(r.test_acc) >= epoch]
        alike = theirs and min(t[epoch - 1] for t in theirs) - 2 <= mine[epoch - 1] <= max(t[epoch - 1] for t in theirs) + 2
        above = theirs and mine[epoch - 2] > max(t[epoch - 2] for t in theirs) + 2
        odd = (f": at epoch {epoch} it stood where they stood; what stands out is its epoch {epoch - 1}, above theirs"
               if alike and above else "")
        return f" The check's other seeds show no such fall (at epochs {epoch - 1} → {epoch}: {stood}){odd}."
    return (" The check's other seeds fell too: " + "; ".join(
        f"seed {s} at epoch{'s' * (len(f) > 1)} {', '.join(str(e) for e, _ in f)}" for s, f in sorted(some.items()))
        + (f" ({len(fell) - len(some)} did not)" if len(some) < len(fell) else "") + ".")


def _tied(step: Step) -> str:
    """The stall tied to a step schedule's cut, when it came at or after one, or to a rate a schedule had annealed
    below ANNEALED of its peak by the first epoch that stalled."""
    s, test = stall_epoch(step.run.test(), run_losses(step.run)), step.run.test()
    rates = [e.lr for e in step.run.epochs]
    if (s is None and len(test) > 1 and test[-1] > max(test[:-1]) and step.run.settings.scheduler == "onecycle"
            and rates[-1] < ANNEALED * peak_rate(step.run)):  # a last rise during the anneal: the schedule's own end
        off = step.run.settings.augment_off_last or 0  # a plain tail starting at the last epoch came with it too
        also = [*(["its augmentation stopped at it"] if off == 1 and augmentations(step.config) else []),
                *(["its averaged weights went on catching up with the live ones"] if step.run.settings.ema else [])]
        return (f" - the last epoch's rise came as the rate annealed from {100 * rates[-1] / peak_rate(step.run):.0f} % "
                f"of its peak towards none{''.join(f', and {a}' for a in also)}: how much of the rise "
                + ("each" if also else "the anneal") + " gave, one run cannot tell")
    if s is not None and step.run.settings.scheduler != "step" and rates[s] < ANNEALED * (peak := peak_rate(step.run)):
        flat = stall_epoch(step.run.test())
        if flat is not None and flat < s and rates[flat - 1] >= ANNEALED * peak:  # flat at a rate still high
            return (f" - by epoch {s + 1}'s start the rate had annealed to {100 * rates[s] / peak:.0f} % of its peak; the "
                    f"accuracy reached its plateau after epoch {flat}, which started at {100 * rates[flat - 1] / peak:.0f} "
                    f"% of it, rising to it while the rate fell from its peak: the anneal's last epochs added no more "
                    f"than {STALL_POINTS} points, and one run cannot tell how much of the rise the fall before gave")
        return (f" - it stalled where the rate had annealed: by epoch {s + 1}'s start the rate had fallen to "
                f"{100 * rates[s] / peak:.0f} % of its peak, steps that move the weights little (one run cannot say "
                "whether that or the net's own limit stopped it)")
    events = rate_events(step.run) if step.run.settings.scheduler == "step" else []
    before = [(e, lr) for e, lr in events if s is not None and e <= s + 1]
    if not before:
        return ""
    e, lr = before[-1]
    if s + 1 - e <= 1:
        return f" - it stalled right after the rate was cut to {lr:.4g} (epoch {e}; one run cannot tie the two)"
    return (f" - the rate had been cut to {lr:.4g} at epoch {e}; the plateau counts from after epoch {s} (one run "
            "cannot tie the two)")


def _at_cuts(step: Step) -> str:
    """A step schedule's cuts with test accuracy's change at each (its epoch against the one before), against the
    two-score sampling error: what the recorded curve did where the rate fell."""
    if step.run.settings.scheduler != "step" or not (events := rate_events(step.run)):
        return ""
    test = step.run.test()
    said = []
    for e, _ in events:
        a, b = test[e - 2], test[e - 1]
        noise = fall_noise(a, b)
        said.append(f"epoch {e} {a:.2f} → {b:.2f} % ({b - a:+.2f}, {beside_noise(abs(b - a), noise)} "
                    f"±{band_text(abs(b - a), noise)})")
    return (f"; test accuracy at the cuts: {'; '.join(said)} (the test set's sampling error of two independent scores; "
            f"{PAIRED})")


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
                f"line, {beside_noise(abs(f.margin), band)} {noise}"
                + f" (seed {step.seed})"
                + (f"; the test set's error does not say what another seed would score, so whether "
                   f"{'another seed holds too' if f.margin >= 0 else 'another seed would hold'} is open until seeds are "
                   "checked" if inside and not step.check else "") + ".")
    if f.margin < 0:
        return (f"the lowest of the last {f.n} epochs, {f.min_last:.2f} %, is {-f.margin:.2f} points below the {line} % "
                f"line (seed {step.seed}).")
    if f.thin:
        return (f"the lowest of the last {f.n} epochs, {f.min_last:.2f} %, is {f.margin:.2f} points above the {line} % "
                f"line - inside {noise}: a thin pass (seed {step.seed}).")
    return (f"the lowest of the last {f.n} epochs, {f.min_last:.2f} %, is {f.margin:.2f} points above the {line} % line, "
            f"{beside_noise(f.margin, band)} {noise} (seed {step.seed}).")


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


LOPSIDED = 1.5  # sd below the seeds' mean: a lowest seed that far from the rest strains a normal model's fit


def odds_sentence(step: Step) -> str:
    """The check's odds said within what its seeds show: the counted pass rate's bound first, then the normal model's
    figure, which beyond 99.99 % is written as such and named as the model's tail, not an observed rate."""
    odds = step.check.odds
    if odds.probability is None:
        return f"{odds.held()}; {odds.note or 'too few seeds for odds'}"
    # none held: the count bounds the rate from above (one-sided 95 % Clopper-Pearson, 1 - 0.05^(1/n))
    bound = f"(one-sided 95 % Clopper-Pearson bound: what {odds.seeds} seeds show)"
    counted = ("" if odds.rate_lower is None else
               f"counted, none held: the pass rate is at most {100 * (1 - 0.05 ** (1 / odds.seeds)):.1f} % {bound}"
               if not odds.passed else f"counted, the pass rate is at least {100 * odds.rate_lower:.1f} % {bound}")

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
            f"(95 % lower bound {pct(odds.probability_lower)}){_recipe_scope(step)}{beyond}"
            f"{_lopsided(step, odds.mean, odds.sd)}")


def _recipe_scope(step: Step) -> str:
    """A shortened check's odds are of its shortened recipe: said beside them, not left to the fit's fold."""
    return (f" - of this shortened recipe ({', '.join(step.shortened)}), not of the model at the budget's"
            if step.shortened else "")


def _lopsided(step: Step, mean: float, sd: float) -> str:
    """Where the lowest seed's min stands far below the others (LOPSIDED sd or more below the mean), the normal model
    fits the seeds loosely: said, since its tail - the odds - rests on that fit."""
    mins = {k: r.min_last for k, r in step.check.finished().items()}
    if len(mins) < 3 or not sd:
        return ""
    low = min(mins, key=mins.get)
    rest = [abs(m - mean) / sd for k, m in mins.items() if k != low]
    if (mean - mins[low]) / sd < LOPSIDED:
        return ""
    return (f"; the minima are lopsided - seed {low} lies {(mean - mins[low]) / sd:.1f} sd below the mean, the others "
            f"within {max(rest):.1f} sd of it - so the normal curve fits them loosely and its odds are rough")


def _margin_line(step: Step, f: Facts) -> str:
    """A check's margin leads with its lowest seed's (the budget asks every seed), then the seed shown's; a run's is
    its own."""
    own = _margin_text(step, f).removesuffix(".")
    if (low := lowest_seed(step)) is None or low[0] == step.seed or not (lowest := _thinnest(step)):
        return own
    return f"{lowest.removeprefix('; ')}; seed {step.seed}, the one shown: {own}"


def _thinnest(step: Step) -> str:
    if (low := lowest_seed(step)) is None:
        return ""
    seed, low = low
    margin = low - step.budget.min_acc
    if margin < 0:
        return f"; the lowest seed, {seed}, fell {-margin:.2f} points below the line ({low:.2f} %)"
    band, noise = margin_noise(step, low)  # the seeds' own spread, where two or more finished
    kind = f"{beside_noise(margin, band)} {noise}" + (": a thin margin" if margin < band else "")
    return f"; the lowest seed, {seed}, held by {margin:.2f} points ({low:.2f} %), {kind}"


def lowest_text(step: Step, f: Facts) -> str:
    """The min of the judged epochs a step's row and Result give: a check's lowest seed's, naming it and the seed
    shown beside it; a run's own (its seed named)."""
    if (low := lowest_seed(step)) is None or (low[0] == step.seed and len(step.check.finished()) == 1):
        return f"{f.min_last:.2f} % (seed {step.seed})"
    seed, value = low
    ran = len(step.check.finished())
    shown = "it is the seed shown" if seed == step.seed else f"seed {step.seed}, shown: {f.min_last:.2f} %"
    return f"{value:.2f} % (seed {seed}, the lowest of the check's {ran} seeds; {shown})"


def _weakest(step: Step, previous: Step | None) -> str:
    """The digit the net got wrong most often (by share of its test images), and the step before's, so the confusions
    read as which digits still cost the most (per_class.csv)."""
    def worst(run: Run) -> str:
        low = min(run.per_class, key=lambda r: (r.exact, r.digit))
        ties = [r.digit for r in run.per_class if r.digit != low.digit and round(r.exact, 2) == round(low.exact, 2)]
        return (f"{low.digit} ({low.exact:.2f} % right, {low.errors} errors)"
                + (f", tied with {', '.join(map(str, ties))}" if ties else ""))
    if not step.run.per_class:
        return ""
    before = f"; the step before's: {worst(previous.run)}" if previous and previous.run.per_class else ""
    return f"; the digit with the lowest accuracy: {worst(step.run)}{before}"


def _top_now(step: Step, previous: Step) -> str:
    """The step before's commonest confusion as this step made it (every pair of mistakes is recorded, so a pair
    absent is none): what became of the mistake that led."""
    top = previous.run.confusions[0]
    now = sum(c.count for c in step.run.confusions if (c.true, c.predicted) == (top.true, top.predicted))
    return f"; its commonest, {top.true} → {top.predicted}: {top.count} there, {now} here"


def _digits_worse(step: Step, previous: Step | None) -> str:
    """The digits with more test errors than the step before (per_class.csv), each against the sampling error of two
    counts (two standard errors, a count's variance its size): a digit that alone got worse is said, not left to a
    table; '' where none did."""
    if not previous or not step.run.per_class or not previous.run.per_class:
        return ""
    before = {r.digit: r.errors for r in previous.run.per_class}
    worse = [(r.digit, before[r.digit], r.errors) for r in step.run.per_class
             if r.digit in before and r.errors > before[r.digit]]
    if not worse:
        return ""
    fell = [(before[r.digit], r.errors) for r in step.run.per_class if r.digit in before and r.errors < before[r.digit]]
    fewer, clear = len(fell), sum(a - b > 2 * math.sqrt(a + b) for a, b in fell)  # falls read by the same yardstick

    def against(a: int, b: int) -> str:  # a rise as large as its noise is on its edge, not beyond it
        band = 2 * math.sqrt(a + b)
        return "at the edge of" if abs(b - a - band) < 1e-9 else "beyond" if b - a > band else "inside"
    said = [f"digit {d} ({a} → {b}: +{b - a}, {against(a, b)} ±{2 * math.sqrt(a + b):.0f})" for d, a, b in worse]
    beyond = f"{clear} of them" if clear else "none"
    return (f"; test errors by digit against the step before: fewer on {fewer} of the {len(step.run.per_class)} "
            f"digits ({beyond} beyond the noise), more on {', '.join(said)} (two standard errors of two counts that "
            "size, a rough yardstick for counts this small)")


def _confusions(run: Run, top: int = 3) -> str:
    """The commonest confusions, and how many more pairs tie with the last one shown (the cut is then arbitrary)."""
    pairs = run.confusions
    tied = sum(c.count == pairs[top - 1].count for c in pairs[top:]) if len(pairs) > top else 0
    return (", ".join(f"{c.true} → {c.predicted}: {c.count:,}" for c in pairs[:top])
            + (f", and {tied} more pair{'s' * (tied > 1)} at {pairs[top - 1].count}" if tied else "")
            + f" (of {sum(c.count for c in pairs):,} mistakes)")
