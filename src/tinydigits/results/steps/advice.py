"""What a step's diagnosis calls for next (`needs`, `wanted`, `next_line`), each lever where the run leaves
room for it; which kinds of change serve it and which go against it (`serves`, `opposed_kinds`, `AGAINST`).
"""

from __future__ import annotations

from tinydigits.results.steps.curves import (
    ANNEALED,
    epoch_span,
    fall_noise,
    peak_rate,
    rising_half,
    run_losses,
    stall_epoch,
)
from tinydigits.results.steps.fit import AVERAGED, CHANCE_POINTS, GAP_POINTS
from tinydigits.results.steps.known import margin_noise
from tinydigits.results.steps.readings import lowest_seed, own_record, stuck
from tinydigits.results.steps.step import MNIST_TRAIN, Facts, Step
from tinydigits.training.config import augmentations

NEXT = {"under-fitting": ("capacity", "rate", "epochs"), "over-fitting": ("regularisation", "augmentation"),
        "neither": ("margin",), "cannot tell": ("epochs",)}  # what each diagnosis calls for ("did not learn": `stuck`)
HOT = 0.75  # an epoch starting at this share of the peak rate or more is at the peak's height
RATE_KINDS = {"rate", "higher rate", "lower rate", "rate schedule"}  # the changes that answer a call for "rate"
ROOM_SHARE = 0.10  # room under the parameter budget below this share of it: more capacity is moved, not added


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
        if pace_first(step, f):  # a pace to raise (rate, batch norm) before capacity
            return ("rate", *(("normalisation",) if normless else ()), "capacity",
                    *(("epochs",) if len(step.run.epochs) < step.budget.max_epochs else ()),
                    *(("data",) if step.on_a_share else ()))
        return ("capacity", "rate", *(("normalisation",) if normless else ()),
                *(("epochs",) if len(step.run.epochs) < step.budget.max_epochs else ()),
                *(("data",) if step.on_a_share else ()))
    return NEXT[d]


def still_learning(step: Step, f: Facts) -> bool:
    """Still learning at the end at a constant rate: test reached its best in the last epoch with no stall read, or
    its second half still rises beyond its slope's error (`rising_half`: a best too near the end to read a stall after
    it shows neither alone), and train loss fell at every epoch - a pace to raise before capacity to add."""
    losses, test = [e.train_loss for e in step.run.epochs], step.run.test()
    return (len({e.lr for e in step.run.epochs}) == 1 and stall_epoch(test) is None
            and (test[-1] >= max(test) or rising_half(test) is not None)
            and all(b < a for a, b in zip(losses, losses[1:], strict=False)))


def _still_signs(step: Step) -> str:
    """What shows a run still learned at its end: test's last-epoch rise where it is beyond the two-score sampling
    error, else the test loss's fall (the rise alone is inside the noise), and the train loss falling at every epoch."""
    test, loss = step.run.test(), run_losses(step.run)
    rise = test[-1] - max(test[:-1]) if len(test) > 1 else 0.0
    if test[-1] < max(test) and (half := rising_half(test)) is not None:  # a best before the end, a rise over the half
        return (f"test still rising over its second half (epochs {half[0]}-{len(test)}: {half[1]:+.2f} points an "
                f"epoch, ±{half[2]:.2f}), train loss falling at every epoch")
    shown = ("test still rose beyond the sampling error" if len(test) > 1 and rise > fall_noise(max(test[:-1]), test[-1])
             else "test loss still fell" if loss and len(loss) > 1 and loss[-1] < min(loss[:-1]) else "test still rose")
    return f"{shown}, train loss falling at every epoch"


def _held_back_there(step: Step, epoch: int) -> str:
    """What the lowest scored epoch shows beyond being first on a rising curve (the first scored epoch of a curve that
    rises at every one is lowest whatever the rate): test fell into it, or - where train and test are of the same
    weights - test gained less than train there by more than the two-score sampling error; '' where neither."""
    test, train = step.run.test(), step.run.train()
    i = epoch - 1
    if i < 1:
        return ""
    if test[i] < test[i - 1]:
        return "test fell into it"
    gained, trained = test[i] - test[i - 1], train[i] - train[i - 1]
    if step.run.settings.ema or trained - gained <= fall_noise(test[i - 1], test[i]):
        return ""
    return f"test gained {gained:+.2f} points there while train gained {trained:+.2f}"


def pace_first(step: Step, f: Facts) -> bool:
    """Whether an under-fit's advice leads with what makes it learn sooner or faster (rate, batch norm), not capacity:
    it sat at chance first, or still learned at the end at a constant rate."""
    return late_start(f) or still_learning(step, f)


def late_start(f: Facts) -> bool:
    """Epochs near chance before it learned: two or more, and at least a fifth of the run's."""
    return len(f.start) >= max(2, f.epochs // 5)


def next_label(step: Step, f: Facts) -> str:
    d = needs(f)
    said = f.fit.label if f.fit.label and d != "did not learn" else d  # the fit as the Analysis names it
    return f"{'under-fitting, ' if d == 'did not learn' else ''}{said} → {', '.join(wanted(step, f))}"


def _start_advice(step: Step) -> str:
    """What makes a net that did not learn start, from how it is stuck (`stuck`)."""
    why, lr = stuck(step), peak_rate(step.run)
    peak = "peak rate" if len({e.lr for e in step.run.epochs}) > 1 else "rate"  # a constant rate has no peak
    if why.how == "dead":
        norm = ("" if "normalisation" not in why.wanted else "batch norm after the convs (it keeps each channel's "
                "inputs where the ReLU fires), ")
        return (f"bring it back to life before anything else: {why.why} - a lower {peak} than {lr:g} (large early "
                f"steps push ReLUs where they never fire), {norm}or another initialisation (Kaiming's, for ReLUs); a "
                "higher rate, capacity and epochs cannot move weights that get no gradient")
    if why.how in ("starved", "slow"):
        return (f"make it train before anything else: batch norm after the convs, or a higher {peak} than {lr:g} - "
                f"{why.why}, and a lower rate would shrink them further; capacity and epochs come after")
    if why.how in ("thrown", "flat"):
        return (f"make it train before anything else: a lower {peak} than {lr:g}, or batch norm after the convs - "
                f"{why.why}; capacity and epochs come after")
    return (f"make it train before anything else: batch norm after the convs, or another rate - {why.why}; capacity "
            "and epochs come after")


def _rate_lever(step: Step, f: Facts) -> str:
    """An under-fit's rate lever: a higher or scheduled rate where it had a constant one; else a higher peak or more
    of the run near it - or, where its lowest scored epoch started at the peak's height, a change to the rate's course
    there, its direction untested (one schedule shows no direction), with what that epoch showed."""
    s = step.run.settings
    scheduled = s.scheduler and s.scheduler != "none"
    moved = len({e.lr for e in step.run.epochs}) > 1  # the rates the epochs started with: a schedule in effect
    low, peak = min(step.run.epochs[-f.n:], key=lambda e: (e.test_acc, e.epoch)), peak_rate(step.run)
    if not (moved and peak and low.lr >= HOT * peak):
        return ("a higher or scheduled learning rate" if not scheduled and not moved else
                f"a higher peak rate than {peak_rate(step.run):g}, or more of the run near it (it already has "
                + (f"a {s.scheduler} schedule)" if scheduled else "a rate that changed during the run)"))
    at = f"its lowest scored epoch, {low.epoch}, started at {100 * low.lr / peak:.0f} % of the peak rate {peak:g}"
    if not (there := _held_back_there(step, low.epoch)):
        return (f"a change to the rate's course, which way these runs do not show: {at}, but only as the first of a "
                "test curve that rose into and through the scored epochs (its train rising alike), so these runs show "
                "neither that the rate held it back nor that a higher peak would help")
    runs = f"{len(step.check.finished())} seeds" if step.check else "one run"
    return (f"a change to the rate's course around the scored epochs, which way untested: {at}, and {there} ({runs} "
            "of one schedule: whether the rate made that epoch low is not tested, and neither a lower rate there - a "
            "shorter warm-up or an earlier anneal - nor a higher peak was tried)")


def _under_advice(step: Step, f: Facts) -> str:
    """The levers of an under-fit, each where the run leaves room for it: a rate it does not have already, the epochs
    and images it did not train on."""
    s, ran = step.run.settings, len(step.run.epochs)
    rate = _rate_lever(step, f)
    # A run shorter than the budget's (fewer epochs, a share of the images) has not shown what the net can fit: its
    # missing epochs and images come first, capacity after them.
    length = [f"more epochs ({ran} of the budget's {step.budget.max_epochs})"] if ran < step.budget.max_epochs else []
    if "data" in wanted(step, f):  # where the run trained on a share of the images
        length.append(f"more training images (it trained on {step.train_images:,} of {MNIST_TRAIN:,})")
    room = step.budget.max_params - 1 - f.params  # what the parameter budget leaves for more channels
    share = room / step.budget.max_params
    capacity = ("more capacity (channels where the net is narrowest" + (
        f"; {room:,} parameters of room under the budget)" if share >= ROOM_SHARE else
        f", paid for mostly by cuts elsewhere: only {room:,} parameters of room under the budget, {100 * share:.0f} % of "
        "it)" if room >= 0 else
        f", paid for by cuts elsewhere: it is {f.params - step.budget.max_params:,} parameters over the budget's "
        f"{step.budget.max_params:,} already)"))
    norm = (["batch norm after the convs (it has none), which commonly lets a higher rate train (a rule of thumb, "
             "not shown by these runs)"]
            if "normalisation" in wanted(step, f) else [])  # a net without batch norm: it steadies each layer's inputs
    if pace_first(step, f):  # what makes it learn sooner or faster leads
        levers = [rate, *norm, *length, capacity]
        over = f.params >= step.budget.max_params  # the overrun's line says coming under the budget is first
        first = "comes next, after coming under the budget: " if over else "comes first: "
        lead = (f"it sat near chance in epoch{'s' * (len(f.start) > 1)} {epoch_span(f.start)}, so a sooner start "
                + first if late_start(f) else f"it still learned at the end at a constant rate ({_still_signs(step)}), "
                "so a faster pace " + first)
    else:
        levers, lead = [*length, capacity, rate, *norm], ""
    join = "; " if len(levers) > 2 else ", "
    s = step.run.settings
    has = [name for name, on in (("dropout", step.dropout() > 0), ("weight decay", bool(s.weight_decay)),
                                 ("label smoothing", bool(s.label_smoothing)),
                                 ("augmentation", bool(augmentations(step.config)))) if on]
    # a rule, not a reading: these runs may show the ones it has held nothing back (the step's comparison says so)
    against = (f" - not more regularisation or augmentation while it under-fits (it has {', '.join(has)} already): they "
               "pay off once a net fits its training digits, a rule of thumb, not a reading of these runs" if has else
               " - not regularisation or augmentation while it under-fits: both make its training digits harder to "
               "fit, and fitting them is what it lacks (the advice's rule: they pay off once a net fits its training digits)")
    return lead + join.join(levers[:-1]) + f"{join}or {levers[-1]}" + against


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
        if step.check and (low := lowest_seed(step)) is not None and low[0] != step.seed:  # the seed the budget binds
            where = (f"the check's lowest seed, {low[0]}, is {abs(low[1] - step.budget.min_acc):.2f} points "
                     f"{'above' if low[1] >= step.budget.min_acc else 'below'} the line ({low[1]:.2f} %); seed "
                     f"{step.seed}, shown: " + where)
        record = own_record(step) if not step.check else None
        if record and record.ran:
            where += f"; `{record.model}`'s own seeds held on {record.held} of {record.ran}"
        elif step.check:
            where += f"; `check`'s verdict: {step.check.verdict.line()}"
        fit = ("no under-fit to correct, and no over-fit measured (train and test are of different weights)"
               if f.fit.label == AVERAGED else "no under- or over-fitting shown by the rules above"
               if f.gap <= f.gap_band else f"train leads test by {f.gap:.2f} points, beyond the sampling error of the "
               f"two scores (±{f.gap_band:.3f}) but short of the {GAP_POINTS} this tool counts as over-fitting (a rule of "
               "its own)")
        what = f"the margin: {fit}, and {where}) - {_margin_levers(step, f)}"
    return f"- next ({next_label(step, f)}): {what}."


def _noise_name(step: Step, f: Facts) -> str:
    """The noise a step's margin is judged by, named short: the test set's sampling error."""
    band, _ = margin_noise(step, f.min_last)
    return f"the test set's sampling error (±{band:.3f})"


LEVER_KINDS = {"an annealed rate": RATE_KINDS, "weight averaging": {"averaging"}, "augmentation": {"augmentation"}}


def margin_lacks(step: Step) -> list[str]:
    """The levers that steady and raise a curve's end which the run does not have: an annealed rate, weight averaging,
    augmentation (`LEVER_KINDS`: the kinds of change that supply each)."""
    rates = [e.lr for e in step.run.epochs]
    annealed = bool(rates) and rates[-1] < ANNEALED * peak_rate(step.run)
    return [lever for lever, has in (("an annealed rate", annealed), ("weight averaging", bool(step.run.settings.ema)),
                                     ("augmentation", bool(augmentations(step.config)))) if not has]


def _margin_levers(step: Step, f: Facts) -> str:
    """What steadies and raises the end of a curve that the run does not have yet - an annealed rate, weight
    averaging, augmentation, a judgement over several seeds - or, where it has them all, what is left."""
    if lacks := margin_lacks(step):
        steadier = "steadier, " if f.drop else ""  # steadier only where a fall beyond the noise was seen
        return (f"a {steadier}higher end of the curve (" + ", ".join(lacks) + ")"
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


AGAINST = {"regularisation": "regularisation holds back the fit that an under-fitting net lacks",
           "augmentation": "augmentation makes the training images harder to fit, and fit is what an under-fitting "
                           "net lacks",
           "lower rate": "a lower rate shrinks steps that are already too small",
           "higher rate": "a higher rate lengthens steps that already overshoot",
           "capacity": "more capacity widens the gap of a net that over-fits",
           "less regularisation": "less regularisation widens the gap of a net that over-fits",
           "less augmentation": "less augmentation widens the gap of a net that over-fits",
           "less capacity": "less capacity takes from the fit that an under-fitting net lacks"}  # why each goes against


def opposed_kinds(d: str, want: tuple[str, ...]) -> set[str]:
    """The kinds of change that go against what the diagnosis `d` calls for (`want`)."""
    out = {"under-fitting": {"regularisation", "augmentation", "less capacity"},
           "did not learn": {"regularisation", "augmentation"},
           "over-fitting": {"capacity", "less regularisation", "less augmentation"}}.get(d, set())
    return out | ({"lower rate"} if "higher rate" in want else set()) | ({"higher rate"} if "lower rate" in want else set())


def serves(kind: str, want: tuple[str, ...]) -> bool:
    """Whether a change of `kind` answers what is wanted: a rate's change of any kind answers a call for "rate"; less
    capacity regularises (an over-fit's call), less regularisation or augmentation frees the fit (an under-fit's call
    for capacity)."""
    return (kind in want or ("rate" in want and kind in RATE_KINDS)
            or (kind == "less capacity" and "regularisation" in want)
            or (kind in ("less regularisation", "less augmentation") and "capacity" in want))
